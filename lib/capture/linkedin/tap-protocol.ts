// What passes between the main-world tap (tap.ts), the isolated content script and the background:
// which responses the tap reads; the window event on which it hands their text, raw, to the
// isolated script; and the isolated script's check of the capture events the background parsed
// from that text (network.ts, parseTapPayload) before they go to the outbox. Parsing happens in
// the background so that neither content script carries the payload readers (issue 13, sizes).
// The page can dispatch the window event too, so what arrives is untrusted: only a known kind and
// a bounded text pass; of the parsed events only LinkedIn network-layer message/retract events,
// with fresh event ids; the background validates every field again when they are captured.
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
  if (p.endsWith('/voyagerMessagingDashMessengerMessages') && u.searchParams.get('action') === 'createMessage')
    return 'send';
  if (
    p.endsWith('/voyagerMessagingGraphQL/graphql') &&
    /messengerMessages|messengerConversations/i.test(u.searchParams.get('queryId') ?? '')
  )
    return 'messages';
  if (/^\/voyager\/api\/messaging\/conversations\/[^/]+\/events/.test(p)) return 'messages';
  if (p.startsWith('/realtime/connect')) return 'realtime';
  return null;
}

/** One response (or realtime line) the tap read, as the window event carries it. */
export interface TapPayload {
  kind: TapKind;
  body: string;
}

/** The window event's detail: a string (objects do not cross from the page's world). */
export const tapDetail = (kind: TapKind, body: string): string => JSON.stringify({ kind, body });

/** The payload of a window event, or null for anything the tap would not have sent. */
export function readTapPayload(detail: unknown): TapPayload | null {
  // JSON escaping at most sextuples a character (`\u001f`): the body's own bound is checked below.
  if (typeof detail !== 'string' || detail.length > 6 * MAX_BODY + 100) return null;
  let d: unknown;
  try {
    d = JSON.parse(detail);
  } catch {
    return null;
  }
  const { kind, body } = (d ?? {}) as Record<string, unknown>;
  if (kind !== 'send' && kind !== 'messages' && kind !== 'realtime') return null;
  return typeof body === 'string' && body && body.length <= MAX_BODY ? { kind, body } : null;
}

/**
 * The isolated script's side of a window event: a payload the tap could have sent goes to the
 * background to be parsed (`parse`, the parseLinkedInTap message); the events that come back are
 * checked (checkTapEvents, with the viewer known by then) and captured (`push`).
 */
export async function receiveTap(
  detail: unknown,
  deps: {
    parse: (detail: string) => Promise<unknown>;
    viewer: () => string | null;
    push: (events: CaptureEventInput[]) => void;
    newId: () => string;
  },
): Promise<void> {
  if (!readTapPayload(detail)) return;
  let parsed: unknown;
  try {
    parsed = await deps.parse(detail as string);
  } catch {
    return; // the background could not be reached: the DOM and webRequest layers still see the page
  }
  const events = checkTapEvents(parsed, deps.viewer(), deps.newId);
  if (events.length) deps.push(events);
}

/**
 * The events the background parsed from a payload, checked before they are captured: LinkedIn
 * network-layer messages and retracts only, fresh ids, direction decided by the viewer.
 */
export function checkTapEvents(
  parsed: unknown,
  viewerMemberId: string | null,
  newId: () => string,
): CaptureEventInput[] {
  if (!Array.isArray(parsed)) return [];
  const out: CaptureEventInput[] = [];
  for (const raw of parsed.slice(0, 500)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const ev = raw as Record<string, unknown>;
    if (ev.channel !== 'linkedin' || ev.layer !== 'network' || (ev.type !== 'message' && ev.type !== 'retract'))
      continue;
    const copy = { ...ev, eventId: newId() } as Record<string, unknown>;
    // The tap could not tell who the viewer is (older payload shapes): decide by the sender.
    if (copy.type === 'message' && copy.direction === 'unknown') {
      const sender = (copy.from as { memberId?: unknown } | undefined)?.memberId;
      if (!viewerMemberId || typeof sender !== 'string') continue;
      copy.direction = sender === viewerMemberId ? 'outbound' : 'inbound';
    }
    // The tap does not know the viewer; an inbound message was sent to them.
    if (
      copy.type === 'message' &&
      copy.direction === 'inbound' &&
      viewerMemberId &&
      Array.isArray(copy.to) &&
      copy.to.length === 0
    ) {
      copy.to = [{ memberId: viewerMemberId }];
    }
    out.push(copy as CaptureEventInput);
  }
  return out;
}
