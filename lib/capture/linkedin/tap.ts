// The passive main-world tap's payloads, read in the isolated content script. The tap
// (entrypoints/linkedin-main.content.ts) hands over the text of responses LinkedIn's own app
// already received; nothing here makes or alters a request. What it adds over the other layers:
// the createMessage response names both the originToken (the webRequest layer's id) and the
// message id (the DOM layer's id), so the two sightings join exactly; messenger GraphQL reads and
// realtime events carry replies with sender ids even where the DOM is not rendered.
import type { CaptureEventInput, CapturedPerson } from '../../schema/events';
import { extractMessages, parseJsonStream, type PayloadMessage } from './payloads';
import { linkedInAppUrl } from './requests';

export { TAP_EVENT } from './tap-bridge';

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

function person(m: PayloadMessage): CapturedPerson {
  const p: CapturedPerson = {};
  if (m.senderName) p.name = m.senderName.slice(0, 1000);
  if (m.senderMemberId) p.memberId = m.senderMemberId;
  if (m.senderNumericId) p.numericMemberId = m.senderNumericId;
  if (m.senderProfileUrl) p.profileUrl = m.senderProfileUrl;
  return p;
}

/**
 * Capture events for one forwarded response body. `viewerMemberId` decides direction when the
 * payload does not say who the viewer is; messages whose direction stays unknown are skipped.
 */
export function tapToEvents(
  kind: TapKind,
  body: string,
  viewerMemberId: string | null,
  newId: () => string,
  /** Keep messages whose direction needs the viewer, marked `direction: 'unknown'` (see tap-bridge). */
  keepUnknown = false,
): CaptureEventInput[] {
  const docs = kind === 'realtime' ? parseJsonStream(body) : parseJsonStream(body).slice(0, 1);
  const out: CaptureEventInput[] = [];
  for (const doc of docs) {
    for (const m of extractMessages(doc, viewerMemberId)) {
      // Recalled, whoever sent it (a prospect's recalled reply no longer counts either).
      if (m.recalled) {
        out.push({ eventId: newId(), type: 'retract', channel: 'linkedin', layer: 'network', externalId: m.messageId });
        continue;
      }
      if (!m.threadId || !m.sentAt) continue;
      if (!m.direction && !(keepUnknown && m.senderMemberId)) continue;
      if (!m.text.trim()) continue;
      const sender = person(m);
      out.push({
        eventId: newId(),
        type: 'message',
        channel: 'linkedin',
        layer: 'network',
        direction: (m.direction ?? 'unknown') as 'inbound',
        kind: 'linkedin-message',
        externalId: m.messageId,
        aliases: m.originToken ? [m.originToken] : [],
        threadExternalId: m.threadId,
        threadAliases: [],
        from: m.direction === 'outbound' ? (viewerMemberId ? { memberId: viewerMemberId } : sender) : sender,
        to: m.direction === 'inbound' && viewerMemberId ? [{ memberId: viewerMemberId }] : [],
        subject: null,
        text: m.text.slice(0, 20_000),
        sentAt: Math.round(m.sentAt),
        ...(m.edited ? { edited: true } : {}),
      });
    }
  }
  return out;
}

/**
 * Reads realtime streams the page opens with EventSource (a client may use it instead of a
 * streamed fetch): the page's constructor is wrapped so that each connection to a realtime URL
 * gets one more "message" listener. The page's own connection is returned untouched, `instanceof`
 * and the constants still hold, and no request is made, altered or repeated.
 */
export function tapEventSource(win: { EventSource?: typeof EventSource; location: { href: string } }, onData: (url: string, data: string) => void): void {
  const Native = win.EventSource;
  if (typeof Native !== 'function') return;
  const Tapped = function (url: string | URL, init?: EventSourceInit) {
    // Called without `new`, it fails as the page's own would.
    if (!new.target) return (Native as unknown as (...a: unknown[]) => EventSource)(url, init);
    // Built for new.target, so a class of the page that extends EventSource keeps its prototype.
    const source = Reflect.construct(Native, init === undefined ? [url] : [url, init], new.target) as EventSource;
    try {
      const href = new URL(String(url), win.location.href).href;
      if (classifyTapUrl(href) === 'realtime') {
        source.addEventListener('message', (e) => {
          const data = (e as MessageEvent).data;
          if (typeof data === 'string') onData(href, data);
        });
      }
    } catch {
      /* the page's connection goes on untouched */
    }
    return source;
  } as unknown as typeof EventSource;
  // Same prototype for instances, and the constructor's own statics (CONNECTING, OPEN, CLOSED) inherited.
  Tapped.prototype = Native.prototype;
  Object.setPrototypeOf(Tapped, Native);
  win.EventSource = Tapped;
}
