// The network layer's readers: the text of responses LinkedIn's own app already received (handed
// over by the main-world tap, tap.ts) turned into capture events; nothing here makes or alters a
// request. What it adds over the other layers:
// the createMessage response names both the originToken (the webRequest layer's id) and the
// message id (the DOM layer's id), so the two sightings join exactly; messenger GraphQL reads and
// realtime events carry replies with sender ids even where the DOM is not rendered.
import type { CaptureEventInput, CapturedPerson } from '../../schema/events';
import { extractMessages, parseJsonStream, type PayloadMessage } from './payloads';
import { readTapPayload, type TapKind } from './tap-protocol';

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
  /** Keep messages whose direction needs the viewer, marked `direction: 'unknown'` (see tap-protocol.ts). */
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
 * The background's side: a payload the LinkedIn content script forwarded (the `parseLinkedInTap`
 * message) -> its capture events, direction `unknown` where the payload does not name the viewer
 * (the content script decides those, tap-protocol.ts checkTapEvents). Untrusted input: anything
 * the tap would not have sent gives nothing.
 */
export function parseTapPayload(data: unknown, newId: () => string): CaptureEventInput[] {
  const p = readTapPayload(typeof data === 'string' ? data : null);
  if (!p) return [];
  try {
    return tapToEvents(p.kind, p.body, null, newId, true);
  } catch {
    return [];
  }
}
