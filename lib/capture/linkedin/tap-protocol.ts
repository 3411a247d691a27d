// What passes between the main-world tap (tap.ts) and the isolated content script: which responses
// the tap reads, the window event it dispatches, and the isolated side's check of what arrives.
// The tap (page world) builds capture events from responses LinkedIn's app received and
// dispatches them as JSON on a window event.
// The page can dispatch that event too, so what arrives is untrusted: only LinkedIn network-layer
// message/retract events pass, with fresh event ids; the background validates every field again.
import type { CaptureEventInput } from '../../schema/events';
import { linkedInAppUrl } from './requests';

/** Bridge event name between the main-world tap and the isolated content script. */
export const TAP_EVENT = 'sidelog:linkedin-tap';
/** Response bodies the tap reads at most (messaging payloads are a few KB to a few hundred). */
export const MAX_BODY = 2_000_000;

export type TapKind = 'send' | 'messages' | 'realtime';

/** Which responses the tap forwards (by URL, before reading anything). */
export function classifyTapUrl(url: string): TapKind | null {
  const u = linkedInAppUrl(url);
  if (!u) return null;
  const p = u.pathname;
  if (p.endsWith('/voyagerMessagingDashMessengerMessages') && u.searchParams.get('action') === 'createMessage') return 'send';
  if (p.endsWith('/voyagerMessagingGraphQL/graphql') && /messengerMessages|messengerConversations/i.test(u.searchParams.get('queryId') ?? '')) return 'messages';
  if (/^\/voyager\/api\/messaging\/conversations\/[^/]+\/events/.test(p)) return 'messages';
  if (p.startsWith('/realtime/connect')) return 'realtime';
  return null;
}

export function checkTapEvents(detail: unknown, viewerMemberId: string | null, newId: () => string): CaptureEventInput[] {
  if (typeof detail !== 'string' || detail.length > 2_100_000) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: CaptureEventInput[] = [];
  for (const raw of parsed.slice(0, 500)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const ev = raw as Record<string, unknown>;
    if (ev.channel !== 'linkedin' || ev.layer !== 'network' || (ev.type !== 'message' && ev.type !== 'retract')) continue;
    const copy = { ...ev, eventId: newId() } as Record<string, unknown>;
    // The tap could not tell who the viewer is (older payload shapes): decide by the sender.
    if (copy.type === 'message' && copy.direction === 'unknown') {
      const sender = (copy.from as { memberId?: unknown } | undefined)?.memberId;
      if (!viewerMemberId || typeof sender !== 'string') continue;
      copy.direction = sender === viewerMemberId ? 'outbound' : 'inbound';
    }
    // The tap does not know the viewer; an inbound message was sent to them.
    if (copy.type === 'message' && copy.direction === 'inbound' && viewerMemberId && Array.isArray(copy.to) && copy.to.length === 0) {
      copy.to = [{ memberId: viewerMemberId }];
    }
    out.push(copy as CaptureEventInput);
  }
  return out;
}
