// Messages of ingestion: one `message` event becomes one stored message. In order: exclusions,
// dedupe by the message's ids (two stored records it names are folded), its thread (threads.ts),
// the cross-layer match (the DOM and the network layer saw the same send under different ids), its
// prospects (prospects.ts), the record merged with a known sighting (message-merge.ts, scheduled
// send included), classification of inbound mail, the template hook for outbound text, the
// invitation-note echo, and a prospect's first human reply. A `retract` (Undo Send, a recall, a
// cancelled schedule) removes one.
import type { CapturedPerson, MessageEvent, RetractEvent } from '../schema/events';
import type { Message, Thread } from '../schema/model';
import { isInviteEcho } from '../records/invite-echo';
import { classifyInboundDetailed } from '../replies/classify';
import { judgeInbound, type InboundContext } from '../replies/inbound';
import { addressOf, recipientsOf } from '../records/summary';
import { isSelf } from './identity';
import { canonicalProfileUrl, isExcluded, messageKeys, normEmail, personKeys, threadKeys } from '../records/keys';
import { normText } from '../text';
import { afterRetract, isOrphanEdit, keepFirstText, sameText } from './linkedin-lifecycle';
import { mergeMessages, scheduleMerge } from './message-merge';
import { upsertProspect } from './prospects';
import { countStat, type StatsDelta } from './stats';
import { attachThread, findThread, mergeThreads } from './threads';
import type { IngestDeps, Outcome } from './types';
import type { WorkingSet } from './working-set';

/** How far apart in time two layers' sightings of one message may be for the text match. */
const FUZZY_WINDOW_MS = 5 * 60_000;

export async function ingestMessage(
  deps: IngestDeps,
  ws: WorkingSet,
  ev: MessageEvent,
  stats: StatsDelta,
): Promise<Outcome> {
  const now = deps.now();
  if (isExcludedMail(deps, ev)) {
    countStat(stats, 'excluded');
    return 'dropped';
  }
  const keys = messageKeys(ev.channel, ev.externalId, ev.aliases, ev.rfcMessageId);
  let existing = await findStored(ws, keys);
  const tKeys = threadKeys(ev.channel, ev.threadExternalId, ev.threadAliases);
  const found = await findThread(ws, ev, tKeys, existing?.threadId ?? null);
  existing ??= await crossLayerMatch(ws, ev, found);
  if (isOrphanEdit(ev, existing)) return 'dropped';
  const threadId = found?.id ?? `${ev.channel}:${ev.threadExternalId ?? ev.externalId}`;
  // What the user wrote in this thread, for telling a reply from an automatic one or a bounce.
  const ctx = ev.direction === 'inbound' ? await inboundContext(deps, ws, found) : null;
  const prospectIds = await linkProspects(deps, ws, ev, { thread: found, existing, threadId, now, ctx });
  if (!prospectIds) {
    countStat(stats, 'untracked');
    return 'dropped';
  }
  const thread = await attachThread(ws, ev, found, { threadId, tKeys, prospectIds, now });
  const incoming = newMessage(ev, {
    id: existing?.id ?? `${ev.channel}:${ev.externalId}`,
    thread,
    prospectIds,
    keys,
    now,
  });
  let msg = keepFirstText(
    existing,
    existing ? scheduleMerge(existing, incoming, mergeMessages(existing, incoming)) : incoming,
    ev,
  );
  msg.threadId = thread.id;
  msg = withHooks(deps, ev, msg, ctx, existing ?? null);
  // An invitation's note shown again as the first message of the conversation LinkedIn opens on
  // acceptance is the same outreach: it stays the invitation, now in the conversation's thread.
  if (msg.channel === 'linkedin' && msg.kind === 'linkedin-message' && msg.direction === 'outbound' && msg.prospectId) {
    const folded = await foldInviteEcho(ws, msg, thread, existing ?? null);
    if (folded) return 'merged';
  }
  ws.putMessage(msg);
  if (msg.direction === 'inbound' && msg.classification === 'human' && msg.prospectId) {
    const p = await ws.getProspect(msg.prospectId);
    if (p && p.stage === 'contacted') ws.putProspect({ ...p, stage: 'replied', updatedAt: now });
  }
  return existing ? 'merged' : 'stored';
}

/**
 * Mail with the user's own company (or any excluded domain) is never logged: outbound when every
 * visible recipient with an address is excluded, inbound when the sender is. Bcc is not looked at:
 * a bcc to a colleague or the CRM's dropbox leaves the visible recipients' outreach.
 */
function isExcludedMail({ settings }: IngestDeps, ev: MessageEvent): boolean {
  const excluded = settings.excludedDomains;
  if (ev.direction !== 'outbound') return isExcluded(ev.from.email, excluded);
  const recipients = [...ev.to, ...ev.cc].filter((p) => !isSelf(settings, p));
  const withEmail = recipients.filter((p) => normEmail(p.email));
  return withEmail.length > 0 && withEmail.every((p) => isExcluded(p.email, excluded));
}

/** The stored message the ids name; two stored records a sighting names both are folded into one. */
async function findStored(ws: WorkingSet, keys: string[]): Promise<Message | undefined> {
  const existingAll = await ws.messagesByKeys(keys);
  const existingIds = [...new Set(existingAll.map((m) => m.id))];
  let existing: Message | undefined = existingAll[0];
  for (const id of existingIds.slice(1)) {
    const other = existingAll.find((m) => m.id === id)!;
    existing = mergeMessages(existing!, other);
    ws.deleteMessage(id);
  }
  return existing;
}

/** Cross-layer fallback: same thread, same direction, same normalised text, close in time. */
async function crossLayerMatch(ws: WorkingSet, ev: MessageEvent, thread: Thread | null): Promise<Message | undefined> {
  if (!thread) return undefined;
  const needle = normText(ev.text);
  if (!needle) return undefined;
  const cands = await ws.messagesOfThread(thread.id);
  return cands.find(
    (m) => m.direction === ev.direction && Math.abs(m.sentAt - ev.sentAt) <= FUZZY_WINDOW_MS && sameText(m, needle),
  );
}

/**
 * What an inbound message is read against: the thread's subject, every address the user wrote to in
 * it, and the user's own addresses (settings, and the senders of the thread's outbound messages).
 */
async function inboundContext(
  { settings }: IngestDeps,
  ws: WorkingSet,
  thread: Thread | null,
): Promise<InboundContext> {
  const own = new Set(settings.identities.emails.map((e) => e.toLowerCase()));
  if (!thread) return { threadSubject: null, sentTo: [], own: [...own] };
  const messages = await ws.messagesOfThread(thread.id);
  for (const m of messages) {
    const a = m.direction === 'outbound' ? addressOf(m.from) : null;
    if (a) own.add(a);
  }
  return { threadSubject: thread.subject, sentTo: recipientsOf(messages), own: [...own] };
}

/**
 * The message's prospects: outbound → the "to" recipients (not the user, not excluded); inbound →
 * the sender (never for bounces and delay warnings: the sender is a mail system). Never a bcc recipient: that is where sellers put their CRM's
 * dropbox address or a colleague, who must not become prospects nor count as outreach (README
 * "What it captures"). Null when the message is outside outreach: inbound mail in no tracked
 * thread, not from anyone written to, and not known already.
 */
async function linkProspects(
  { settings }: IngestDeps,
  ws: WorkingSet,
  ev: MessageEvent,
  o: {
    thread: Thread | null;
    existing: Message | undefined;
    threadId: string;
    now: number;
    ctx: InboundContext | null;
  },
): Promise<string[] | null> {
  const prospectIds: string[] = [];
  if (ev.direction === 'outbound') {
    for (const p of ev.to) {
      if (isSelf(settings, p) || isExcluded(p.email, settings.excludedDomains)) continue;
      const pr = await upsertProspect(ws, p, o.now, o.threadId);
      if (pr && !prospectIds.includes(pr.id)) prospectIds.push(pr.id);
    }
    return prospectIds;
  }
  const cls = classifyInboundDetailed({
    fromEmail: ev.from.email,
    fromName: ev.from.name,
    subject: ev.subject,
    text: ev.text,
    threadSubject: o.ctx?.threadSubject,
    sentTo: o.ctx?.sentTo.length ? o.ctx.sentTo : null,
  }).class;
  // The user's word on a message seen before wins over the rules (lib/replies/inbound.ts).
  const effective = o.existing?.classificationSource === 'manual' ? o.existing.classification : cls;
  const report = effective === 'bounce' || effective === 'delay';
  if (report || isSelf(settings, ev.from)) return !o.thread && !o.existing ? null : prospectIds;
  const pKeys = personKeys(ev.from);
  const [known] = pKeys.length ? await ws.prospectsByKeys(pKeys) : [];
  if (!o.thread && !known && !o.existing) return null;
  const pr = await upsertProspect(ws, ev.from, o.now, o.threadId);
  return pr ? [pr.id] : prospectIds;
}

const personLabel = (p: CapturedPerson): string => {
  const email = normEmail(p.email);
  if (p.name && email) return `${p.name} <${email}>`;
  return email ?? p.name ?? canonicalProfileUrl(p.profileUrl) ?? p.memberId ?? '';
};

/** The message record of this sighting alone (merged with a known one by the caller). */
function newMessage(
  ev: MessageEvent,
  o: { id: string; thread: Thread; prospectIds: string[]; keys: string[]; now: number },
): Message {
  return {
    id: o.id,
    channel: ev.channel,
    direction: ev.direction,
    kind: ev.kind,
    threadId: o.thread.id,
    prospectId: o.prospectIds[0] ?? o.thread.prospectIds[0] ?? null,
    from: personLabel(ev.from),
    to: ev.to.map(personLabel).filter(Boolean),
    cc: ev.cc.map(personLabel).filter(Boolean),
    ...(ev.bcc.length ? { bcc: ev.bcc.map(personLabel).filter(Boolean) } : {}),
    subject: ev.subject,
    text: ev.text,
    sentAt: ev.sentAt,
    ...(ev.status === 'scheduled' ? { status: 'scheduled' as const, scheduledAt: ev.scheduledAt } : {}),
    templateId: ev.template?.id ?? null,
    templateVersion: ev.template ? ev.template.version : null,
    templateSource: ev.template ? 'inserted' : null,
    templateScore: null,
    classification: 'human',
    source: ev.layer,
    externalId: ev.externalId,
    rfcMessageId: ev.rfcMessageId,
    inReplyTo: ev.inReplyTo,
    callOutcome: null,
    keys: o.keys,
    seenBy: [ev.layer],
    updatedAt: o.now,
  };
}

const emailOf = (label: string) => /<([^>]+)>/.exec(label)?.[1] ?? label;

/**
 * Inbound: class (human, auto-reply, bounce with its failed recipients, delay) and a person's intent,
 * keeping what the user set by hand on the stored record. Outbound: the template of text not inserted.
 */
function withHooks(
  deps: IngestDeps,
  ev: MessageEvent,
  msg: Message,
  ctx: InboundContext | null,
  existing: Message | null,
): Message {
  if (msg.direction === 'inbound') {
    const judged = judgeInbound(
      {
        fromEmail: ev.from.email ?? emailOf(msg.from),
        fromName: ev.from.name ?? null,
        subject: msg.subject,
        text: msg.text,
      },
      ctx ?? { threadSubject: null, sentTo: [], own: [] },
      existing,
    );
    Object.assign(msg, judged);
  }
  if (
    msg.direction === 'outbound' &&
    deps.detect &&
    (msg.templateSource === null || msg.templateSource === 'detected')
  ) {
    const match = deps.detect({ text: msg.text, subject: msg.subject, channel: msg.channel });
    return match
      ? {
          ...msg,
          templateId: match.templateId,
          templateVersion: match.version,
          templateSource: 'detected',
          templateScore: match.score,
        }
      : { ...msg, templateId: null, templateVersion: null, templateSource: null, templateScore: null };
  }
  return msg;
}

/**
 * When `msg` is the echo of an invitation note (lib/records/invite-echo.ts) to the same
 * prospect, the invitation moves into the conversation's thread (its thread folded in, so the
 * invitation's ids still find it) and takes the echo's ids; the echo is not stored. True if folded.
 */
async function foldInviteEcho(
  ws: WorkingSet,
  msg: Message,
  thread: Thread,
  existing: Message | null,
): Promise<boolean> {
  const taken = (m: Message) => m.keys.some((k) => /^linkedin:2-/.test(k));
  const invites = (await ws.messagesOfProspect(msg.prospectId!))
    .filter((m) => m.id !== msg.id && !taken(m) && isInviteEcho(m, msg))
    .sort((a, b) => b.sentAt - a.sentAt);
  const inv = invites[0];
  if (!inv) return false;
  let target = thread;
  if (inv.threadId !== thread.id) {
    const invThread = await ws.getThread(inv.threadId);
    if (invThread) target = await mergeThreads(ws, thread, invThread);
  }
  if (existing && existing.id !== inv.id) ws.deleteMessage(existing.id);
  ws.putMessage({
    ...inv,
    threadId: target.id,
    keys: [...new Set([...inv.keys, ...msg.keys])],
    seenBy: [...new Set([...inv.seenBy, ...msg.seenBy])],
    source: inv.source === 'network' || msg.source === 'network' ? 'network' : inv.source,
    updatedAt: msg.updatedAt,
  });
  return true;
}

/**
 * Undo Send, a recalled message, a cancelled schedule: the message goes, and a prospect that
 * existed only because of it goes with it.
 */
export async function retractMessage(deps: IngestDeps, ws: WorkingSet, ev: RetractEvent): Promise<Outcome> {
  let msgs = await ws.messagesByKeys([`${ev.channel}:${ev.externalId}`]);
  // A cancelled schedule removes a message only while it is scheduled, never one already sent.
  if (ev.unscheduled) msgs = msgs.filter((m) => m.status === 'scheduled');
  if (msgs.length === 0) return 'dropped';
  for (const m of msgs) {
    ws.deleteMessage(m.id);
    await afterRetract(ws, m, deps.now());
    const pid = m.prospectId;
    if (!pid) continue;
    const left = await ws.messagesOfProspect(pid);
    const p = await ws.getProspect(pid);
    // A prospect that existed only because of the retracted message goes with it (not one with
    // details of its own, such as an imported lead's company or traits).
    if (
      p &&
      left.length === 0 &&
      p.manualFields.length === 0 &&
      !p.title &&
      !p.company &&
      !p.notes &&
      p.dealValue === null &&
      Object.keys(p.traits).length === 0
    ) {
      ws.deleteProspect(pid);
      for (const t of await ws.threadsOfProspect(pid))
        ws.putThread({ ...t, prospectIds: t.prospectIds.filter((x) => x !== pid) });
    }
  }
  return 'merged';
}
