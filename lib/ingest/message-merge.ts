// Two sightings of one message become one record (pure): a later, richer sighting fills in what an
// earlier one lacked, the network layer is authoritative, a template set by hand beats one inserted,
// which beats one detected; a scheduled message follows its schedule until Gmail sends it.
import type { Message } from '../schema/model';

/** A later, richer sighting fills in what the earlier one lacked; the network layer is authoritative. */
export function mergeMessages(a: Message, b: Message): Message {
  const preferB = b.source === 'network' && a.source !== 'network';
  const pick = <T>(x: T, y: T, empty: (v: T) => boolean) => (empty(x) ? y : empty(y) ? x : preferB ? y : x);
  const isNullish = (v: unknown) => v === null || v === undefined || v === '';
  const isEmptyArr = (v: unknown[]) => v.length === 0;
  const templ = pickTemplate(a, b);
  // An invitation seen again as the conversation's first message stays the invitation, at its time.
  const invite = a.kind === 'linkedin-invite' ? a : b.kind === 'linkedin-invite' ? b : null;
  return {
    ...a,
    kind: invite ? 'linkedin-invite' : pick(a.kind, b.kind, () => false),
    prospectId: a.prospectId ?? b.prospectId,
    from: pick(a.from, b.from, isNullish),
    to: pick(a.to, b.to, isEmptyArr),
    cc: pick(a.cc, b.cc, isEmptyArr),
    ...(a.bcc?.length || b.bcc?.length ? { bcc: pick(a.bcc ?? [], b.bcc ?? [], isEmptyArr) } : {}),
    subject: pick(a.subject, b.subject, isNullish),
    text: pick(a.text, b.text, isNullish),
    sentAt: invite ? invite.sentAt : preferB ? b.sentAt : a.sentAt,
    ...templ,
    source: a.source === 'network' || b.source === 'network' ? 'network' : a.source,
    externalId: preferB ? b.externalId : a.externalId || b.externalId,
    rfcMessageId: a.rfcMessageId ?? b.rfcMessageId,
    inReplyTo: [...new Set([...a.inReplyTo, ...b.inReplyTo])],
    keys: [...new Set([...a.keys, ...b.keys])],
    seenBy: [...new Set([...a.seenBy, ...b.seenBy])],
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

const SOURCE_RANK = { manual: 3, inserted: 2, detected: 1 } as const;
function pickTemplate(a: Message, b: Message) {
  const ra = a.templateSource ? SOURCE_RANK[a.templateSource] : 0;
  const rb = b.templateSource ? SOURCE_RANK[b.templateSource] : 0;
  const w = rb > ra ? b : a;
  return {
    templateId: w.templateId,
    templateVersion: w.templateVersion,
    templateSource: w.templateSource,
    templateScore: w.templateScore,
  };
}

/**
 * A scheduled message's state after a new sighting of it (same ids): a later scheduling request
 * moves it (reschedule: the newest due time wins); a sighting of it sent makes it sent at the time
 * Gmail sent it, keeping when it was scheduled for; once the network layer has seen it sent, a late
 * copy of the scheduling request changes nothing. One record throughout, so never counted twice.
 */
export function scheduleMerge(existing: Message, incoming: Message, merged: Message): Message {
  const wasScheduled = existing.status === 'scheduled';
  if (incoming.status === 'scheduled') {
    if (!wasScheduled && (existing.seenBy ?? []).includes('network')) return merged; // already sent
    const at = incoming.scheduledAt ?? existing.scheduledAt ?? null;
    return {
      ...merged,
      status: 'scheduled',
      scheduledAt: at,
      sentAt: incoming.scheduledAt != null ? incoming.sentAt : existing.sentAt,
    };
  }
  if (!wasScheduled) return merged;
  return {
    ...merged,
    status: 'sent',
    scheduledAt: existing.scheduledAt ?? null,
    sentAt: incoming.source === 'network' ? incoming.sentAt : existing.sentAt,
  };
}
