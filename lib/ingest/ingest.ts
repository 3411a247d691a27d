// Ingestion, run by the background: validate → dedupe → link thread/prospect → classify →
// match template → write Dexie → recompute thread summary. Every event is handled inside one
// Dexie transaction so it is stored whole or not at all.
import type { SidelogDb } from '../db/db';
import {
  CaptureEvent,
  type AcceptedEvent,
  type CapturedPerson,
  type CompanyEvent,
  type MessageEvent,
  type ProspectEvent,
  type RetractEvent,
} from '../schema/events';
import { afterRetract, isOrphanEdit, keepFirstText, sameText, withdrawInvitation } from './linkedin-lifecycle';
import type { Company, MergeReason, Message, Prospect, Thread } from '../schema/model';
import { companyPageKeys, normaliseCompanyName, normaliseSizeBand, prospectCompanyKeys } from '../prospects/company';
import { canAutoMerge, foldProspect, pickKept, type MergeStore } from '../prospects/merge';
import { isInviteEcho } from '../prospects/repair';
import { isPresenceLine } from '../capture/linkedin/presence';
import type { Settings } from '../schema/settings';
import { deriveSeniority } from '../prospects/seniority';
import type { DetectInput, TemplateMatch } from '../templates/detect';
import { classifyInbound } from './classify';
import {
  canonicalProfileUrl,
  keyKind,
  linkedinMemberIdOfUrl,
  emailDomain,
  isExcluded,
  isFreeMail,
  messageKeys,
  normEmail,
  normRfcId,
  normText,
  personKeys,
  threadKeys,
} from './keys';
import { ConflictError, WorkingSet } from './working-set';

export interface IngestDeps {
  db: SidelogDb;
  settings: Settings;
  now: () => number;
  /** Template detector for outbound text that did not come from an insertion. */
  detect?: (input: DetectInput) => TemplateMatch | null;
  /** The page told us who the user is; persist it (settings.identities). */
  onIdentity?: (person: CapturedPerson, channel: 'gmail' | 'linkedin') => Promise<void>;
}

export interface IngestResult {
  /** Event ids dealt with (stored, merged, dropped by rule, or rejected): the outbox may forget them. */
  acked: string[];
  stored: number;
  merged: number;
  dropped: number;
  rejected: number;
  /** Positions (in the input) of the events rejected as malformed. */
  rejectedAt: number[];
  errors: string[];
}

export interface IngestStats {
  malformed: number;
  untracked: number;
  excluded: number;
  trackingOff: number;
  failed: number;
  lastError: string | null;
  lastErrorAt: number | null;
}


const FUZZY_WINDOW_MS = 5 * 60_000;
const PRIORITY: Record<CaptureEvent['type'], number> = {
  identity: 0,
  prospect: 1,
  company: 1,
  message: 2,
  retract: 2,
  'connection-accepted': 3,
  'invitation-withdrawn': 3,
  health: 4,
};

type Outcome = 'stored' | 'merged' | 'dropped';

export async function ingestEvents(deps: IngestDeps, raw: readonly unknown[]): Promise<IngestResult> {
  const result: IngestResult = { acked: [], stored: 0, merged: 0, dropped: 0, rejected: 0, rejectedAt: [], errors: [] };
  const valid: CaptureEvent[] = [];
  const stats: Partial<IngestStats> = {};
  for (const [i, item] of raw.entries()) {
    const parsed = CaptureEvent.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    result.rejected++;
    result.rejectedAt.push(i);
    const msg = describeZodError(parsed.error);
    result.errors.push(msg);
    stats.malformed = (stats.malformed ?? 0) + 1;
    stats.lastError = msg;
    const id = (item as { eventId?: unknown } | null)?.eventId;
    if (typeof id === 'string' && id.length > 0 && id.length <= 100) result.acked.push(id);
  }
  valid.sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type]);

  // Identities first and outside the transaction: persisting them is not an IndexedDB operation.
  for (const ev of valid.filter((e) => e.type === 'identity')) {
    learnIdentity(deps.settings.identities, ev.person);
    await deps.onIdentity?.(ev.person, ev.channel);
    result.merged++;
    result.acked.push(ev.eventId);
  }
  const active = valid.filter((ev) => {
    if (ev.type === 'identity') return false;
    if (ev.type === 'health' || deps.settings.tracking[ev.channel]) return true;
    stats.trackingOff = (stats.trackingOff ?? 0) + 1;
    result.dropped++;
    result.acked.push(ev.eventId);
    return false;
  });
  // The whole batch is worked in memory and committed in one transaction (one commit, a few
  // bulk reads). If any event throws, nothing of the batch is written and each event is replayed
  // in a unit of work of its own, so one bad event is lost alone and none is stored in part.
  const batch = await runUnit(deps, active);
  if (batch.ok) {
    batch.outcomes.forEach((o) => result[o]++);
    mergeStats(stats, batch.stats);
    result.acked.push(...active.map((e) => e.eventId));
  } else {
    for (const ev of active) {
      const one = await runUnit(deps, [ev]);
      if (one.ok) {
        result[one.outcomes[0]]++;
        mergeStats(stats, one.stats);
      } else {
        // A bug or a storage failure: nothing of this event is stored.
        const msg = `${ev.type}: ${one.error}`.slice(0, 500);
        result.errors.push(msg);
        stats.failed = (stats.failed ?? 0) + 1;
        stats.lastError = msg;
      }
      result.acked.push(ev.eventId);
    }
  }
  if (Object.keys(stats).length) await bumpStats(deps.db, stats, deps.now());
  return result;
}

type UnitResult = { ok: true; outcomes: Outcome[]; stats: Partial<IngestStats> } | { ok: false; error: string };

/** Runs events as one unit of work; retried on fresh data when a concurrent edit is detected. */
async function runUnit(deps: IngestDeps, events: CaptureEvent[]): Promise<UnitResult> {
  for (let attempt = 0; ; attempt++) {
    const stats: Partial<IngestStats> = {};
    try {
      const ws = new WorkingSet(deps.db);
      await ws.preload(preloadKeys(events));
      const outcomes: Outcome[] = [];
      for (const ev of events) outcomes.push(await handle(deps, ws, ev, stats));
      await ws.commit(deps.now());
      return { ok: true, outcomes, stats };
    } catch (err) {
      if (err instanceof ConflictError && attempt < 3) continue;
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** Every id a batch will look up, so the working set can fetch them in three queries. */
function preloadKeys(events: CaptureEvent[]) {
  const messages: string[] = [];
  const threads: string[] = [];
  const threadIds: string[] = [];
  const prospects: string[] = [];
  for (const ev of events) {
    if (ev.type === 'message') {
      messages.push(...messageKeys(ev.channel, ev.externalId, ev.aliases, ev.rfcMessageId));
      // In-Reply-To/References are looked up only if the thread ids find no thread (rare).
      threads.push(...threadKeys(ev.channel, ev.threadExternalId, ev.threadAliases));
      threadIds.push(`${ev.channel}:${ev.threadExternalId ?? ev.externalId}`);
      for (const p of [ev.from, ...ev.to]) prospects.push(...personKeys(p));
    } else if (ev.type === 'retract') {
      messages.push(`${ev.channel}:${ev.externalId}`);
    } else if (ev.type === 'prospect' || ev.type === 'connection-accepted' || ev.type === 'invitation-withdrawn') {
      prospects.push(...personKeys(ev.person));
    }
    // Company events read companies and prospects by company keys on their own (rare).
  }
  return { messages, threads, prospects, threadIds };
}

function mergeStats(into: Partial<IngestStats>, from: Partial<IngestStats>): void {
  for (const k of ['malformed', 'untracked', 'excluded', 'trackingOff', 'failed'] as const) {
    if (from[k]) into[k] = (into[k] ?? 0) + from[k]!;
  }
  if (from.lastError) into.lastError = from.lastError;
}

function describeZodError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid event';
  const path = first.path.map(String).join('.') || '(event)';
  return `invalid event at ${path}: ${first.message}`.slice(0, 300);
}

async function bumpStats(db: SidelogDb, delta: Partial<IngestStats>, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const cur = ((await db.meta.get('ingest:stats'))?.value as IngestStats | undefined) ?? emptyStats();
    const next: IngestStats = {
      malformed: cur.malformed + (delta.malformed ?? 0),
      untracked: cur.untracked + (delta.untracked ?? 0),
      excluded: cur.excluded + (delta.excluded ?? 0),
      trackingOff: cur.trackingOff + (delta.trackingOff ?? 0),
      failed: cur.failed + (delta.failed ?? 0),
      lastError: delta.lastError ?? cur.lastError,
      lastErrorAt: delta.lastError ? now : cur.lastErrorAt,
    };
    await db.meta.put({ key: 'ingest:stats', value: next });
  });
}

export const emptyStats = (): IngestStats => ({
  malformed: 0,
  untracked: 0,
  excluded: 0,
  trackingOff: 0,
  failed: 0,
  lastError: null,
  lastErrorAt: null,
});

async function handle(deps: IngestDeps, ws: WorkingSet, ev: CaptureEvent, stats: Partial<IngestStats>): Promise<Outcome> {
  switch (ev.type) {
    case 'identity':
      return 'merged'; // handled before the transaction
    case 'health':
      ws.health.push(ev);
      return 'merged';
    case 'message':
      return ingestMessage(deps, ws, ev, stats);
    case 'retract':
      return retract(deps, ws, ev);
    case 'prospect':
      return ingestProspect(deps, ws, ev);
    case 'connection-accepted':
      return accepted(deps, ws, ev);
    case 'invitation-withdrawn':
      return withdrawInvitation(ws, ev, deps.now());
    case 'company':
      return ingestCompany(deps, ws, ev);
  }
}

/** Adds what a page says about the user to their identities; true if anything was new. */
export function learnIdentity(ids: Settings['identities'], p: CapturedPerson): boolean {
  const add = (list: string[], v: string | null | undefined) => !!v && !list.includes(v) && list.push(v) > 0;
  const a = add(ids.emails, normEmail(p.email));
  const b = add(ids.linkedinMemberIds, p.memberId);
  const c = add(ids.linkedinProfileUrls, canonicalProfileUrl(p.profileUrl));
  return a || b || c;
}

function isSelf(settings: Settings, p: CapturedPerson): boolean {
  const ids = settings.identities;
  const email = normEmail(p.email);
  if (email && ids.emails.includes(email)) return true;
  if (p.memberId && ids.linkedinMemberIds.includes(p.memberId)) return true;
  const url = canonicalProfileUrl(p.profileUrl);
  return !!url && ids.linkedinProfileUrls.includes(url);
}

// ---------------------------------------------------------------------------------------------
// Messages

const personLabel = (p: CapturedPerson): string => {
  const email = normEmail(p.email);
  if (p.name && email) return `${p.name} <${email}>`;
  return email ?? p.name ?? canonicalProfileUrl(p.profileUrl) ?? p.memberId ?? '';
};

async function ingestMessage(deps: IngestDeps, ws: WorkingSet, ev: MessageEvent, stats: Partial<IngestStats>): Promise<Outcome> {
  const { settings } = deps;
  const now = deps.now();
  const excluded = settings.excludedDomains;

  // Exclusions: mail with the user's own company (or any excluded domain) is never logged. Bcc is
  // not looked at: a bcc to a colleague or the CRM's dropbox leaves the visible recipients' outreach.
  if (ev.direction === 'outbound') {
    const recipients = [...ev.to, ...ev.cc].filter((p) => !isSelf(settings, p));
    const withEmail = recipients.filter((p) => normEmail(p.email));
    if (withEmail.length > 0 && withEmail.every((p) => isExcluded(p.email, excluded))) {
      stats.excluded = (stats.excluded ?? 0) + 1;
      return 'dropped';
    }
  } else if (isExcluded(ev.from.email, excluded)) {
    stats.excluded = (stats.excluded ?? 0) + 1;
    return 'dropped';
  }

  const keys = messageKeys(ev.channel, ev.externalId, ev.aliases, ev.rfcMessageId);
  const existingAll = await ws.messagesByKeys(keys);
  const existingIds = [...new Set(existingAll.map((m) => m.id))];
  let existing: Message | undefined = existingAll[0];
  // Two stored records turned out to be one message (a sighting named both): fold them.
  for (const id of existingIds.slice(1)) {
    const other = existingAll.find((m) => m.id === id)!;
    existing = mergeMessages(existing!, other);
    ws.deleteMessage(id);
  }

  // Thread: by the site's thread ids, then by In-Reply-To/References, then by the known message.
  const tKeys = threadKeys(ev.channel, ev.threadExternalId, ev.threadAliases);
  let thread = await resolveThread(ws, tKeys, existing?.threadId ?? null);
  if (!thread && ev.inReplyTo.length) {
    const refs = ev.inReplyTo.map((r) => `rfc:${normRfcId(r)}`);
    const [parent] = await ws.messagesByKeys(refs);
    if (parent) thread = (await ws.getThread(parent.threadId)) ?? null;
  }

  // Cross-layer fallback: same thread, same direction, same text, close in time.
  if (!existing && thread) {
    const needle = normText(ev.text);
    if (needle) {
      const cands = await ws.messagesOfThread(thread.id);
      existing = cands.find(
        (m) => m.direction === ev.direction && Math.abs(m.sentAt - ev.sentAt) <= FUZZY_WINDOW_MS && sameText(m, needle),
      );
    }
  }
  if (isOrphanEdit(ev, existing)) return 'dropped';

  const bounce = ev.direction === 'inbound' && classifyInbound({
    fromEmail: ev.from.email, fromName: ev.from.name, subject: ev.subject, text: ev.text,
  }) === 'bounce';

  // Prospects: outbound → the "to" recipients (not the user); inbound → the sender (not for bounces).
  // Never a bcc recipient: that is where sellers put their CRM's dropbox address or a colleague, who
  // must not become prospects nor count as outreach (README "What it captures").
  const threadId = thread?.id ?? `${ev.channel}:${ev.threadExternalId ?? ev.externalId}`;
  let prospectIds: string[] = [];
  if (ev.direction === 'outbound') {
    for (const p of ev.to) {
      if (isSelf(settings, p) || isExcluded(p.email, excluded)) continue;
      const pr = await upsertProspect(ws, p, now, threadId);
      if (pr && !prospectIds.includes(pr.id)) prospectIds.push(pr.id);
    }
  } else if (!bounce && !isSelf(settings, ev.from)) {
    const pKeys = personKeys(ev.from);
    const [known] = pKeys.length ? await ws.prospectsByKeys(pKeys) : [];
    if (!thread && !known && !existing) {
      // Mail outside outreach: not in a tracked thread, not from anyone we wrote to.
      stats.untracked = (stats.untracked ?? 0) + 1;
      return 'dropped';
    }
    const pr = await upsertProspect(ws, ev.from, now, threadId);
    if (pr) prospectIds = [pr.id];
  } else if (!thread && !existing) {
    stats.untracked = (stats.untracked ?? 0) + 1;
    return 'dropped';
  }

  if (!thread) {
    const externalId = ev.threadExternalId ?? ev.externalId;
    thread = (await ws.getThread(threadId)) ?? {
      id: threadId,
      channel: ev.channel,
      externalId,
      prospectIds: [],
      subject: null,
      keys: [],
      updatedAt: now,
    };
  }
  const threadKeySet = new Set([...thread.keys, ...tKeys]);
  if (!ev.threadExternalId) threadKeySet.add(`${ev.channel}:t:${thread.externalId}`);
  thread.keys = [...threadKeySet];
  for (const pid of prospectIds) if (!thread.prospectIds.includes(pid)) thread.prospectIds.push(pid);
  if (!thread.subject && ev.subject) thread.subject = stripReplyPrefix(ev.subject);
  thread.updatedAt = now;
  ws.putThread(thread);

  const incoming: Message = {
    id: existing?.id ?? `${ev.channel}:${ev.externalId}`,
    channel: ev.channel,
    direction: ev.direction,
    kind: ev.kind,
    threadId: thread.id,
    prospectId: prospectIds[0] ?? thread.prospectIds[0] ?? null,
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
    keys,
    seenBy: [ev.layer],
    updatedAt: now,
  };
  let msg = keepFirstText(existing, existing ? scheduleMerge(existing, incoming, mergeMessages(existing, incoming)) : incoming, ev);
  msg.threadId = thread.id;
  if (msg.direction === 'inbound') {
    msg.classification = classifyInbound({
      fromEmail: ev.from.email ?? emailOf(msg.from), fromName: ev.from.name, subject: msg.subject, text: msg.text,
    });
  }
  if (msg.direction === 'outbound' && deps.detect && (msg.templateSource === null || msg.templateSource === 'detected')) {
    const match = deps.detect({ text: msg.text, subject: msg.subject, channel: msg.channel });
    msg = match
      ? { ...msg, templateId: match.templateId, templateVersion: match.version, templateSource: 'detected', templateScore: match.score }
      : { ...msg, templateId: null, templateVersion: null, templateSource: null, templateScore: null };
  }
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
 * A scheduled message's state after a new sighting of it (same ids): a later scheduling request
 * moves it (reschedule: the newest due time wins); a sighting of it sent makes it sent at the time
 * Gmail sent it, keeping when it was scheduled for; once the network layer has seen it sent, a late
 * copy of the scheduling request changes nothing. One record throughout, so never counted twice.
 */
function scheduleMerge(existing: Message, incoming: Message, merged: Message): Message {
  const wasScheduled = existing.status === 'scheduled';
  if (incoming.status === 'scheduled') {
    if (!wasScheduled && (existing.seenBy ?? []).includes('network')) return merged; // already sent
    const at = incoming.scheduledAt ?? existing.scheduledAt ?? null;
    return { ...merged, status: 'scheduled', scheduledAt: at, sentAt: incoming.scheduledAt != null ? incoming.sentAt : existing.sentAt };
  }
  if (!wasScheduled) return merged;
  return { ...merged, status: 'sent', scheduledAt: existing.scheduledAt ?? null, sentAt: incoming.source === 'network' ? incoming.sentAt : existing.sentAt };
}

/**
 * When `msg` is the echo of an invitation note (lib/prospects/repair.ts isInviteEcho) to the same
 * prospect, the invitation moves into the conversation's thread (its thread folded in, so the
 * invitation's ids still find it) and takes the echo's ids; the echo is not stored. True if folded.
 */
async function foldInviteEcho(ws: WorkingSet, msg: Message, thread: Thread, existing: Message | null): Promise<boolean> {
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

const emailOf = (label: string) => /<([^>]+)>/.exec(label)?.[1] ?? label;
const stripReplyPrefix = (s: string) => s.replace(/^\s*((re|aw|fwd?|wg|tr|rv|sv)\s*:\s*)+/i, '').trim() || s;

/** A later, richer sighting fills in what the earlier one lacked; the network layer is authoritative. */
function mergeMessages(a: Message, b: Message): Message {
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

async function resolveThread(ws: WorkingSet, tKeys: string[], knownThreadId: string | null): Promise<Thread | null> {
  const found = tKeys.length ? await ws.threadsByKeys(tKeys) : [];
  if (knownThreadId && !found.some((t) => t.id === knownThreadId)) {
    const t = await ws.getThread(knownThreadId);
    if (t) found.unshift(t);
  }
  const unique = [...new Map(found.map((t) => [t.id, t])).values()];
  if (unique.length === 0) return null;
  let [keep, ...rest] = unique;
  for (const other of rest) keep = await mergeThreads(ws, keep, other);
  return keep;
}

/** Two threads turned out to be one (ids in two forms): move messages and keys into `keep`. */
async function mergeThreads(ws: WorkingSet, keep: Thread, other: Thread): Promise<Thread> {
  const merged: Thread = {
    ...keep,
    keys: [...new Set([...keep.keys, ...other.keys, `${other.channel}:t:${other.externalId}`])],
    prospectIds: [...new Set([...keep.prospectIds, ...other.prospectIds])],
    subject: keep.subject ?? other.subject,
  };
  for (const m of await ws.messagesOfThread(other.id)) ws.putMessage({ ...m, threadId: keep.id });
  await ws.messagesOfThread(keep.id);
  ws.deleteThread(other.id);
  ws.putThread(merged);
  return merged;
}

/** Recompute a thread's summary after its messages changed (used by manual edits and template overrides). */
export async function recomputeThread(db: SidelogDb, threadId: string, now = Date.now()): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const ws = new WorkingSet(db);
      ws.touchThread(threadId);
      await ws.commit(now);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Prospects

/** Folds in the working set: ingestion's side of lib/prospects/merge.ts. */
function wsMergeStore(ws: WorkingSet): MergeStore {
  return {
    messagesOf: (id) => ws.messagesOfProspect(id),
    threadsOf: (id) => ws.threadsOfProspect(id),
    putMessage: (m) => ws.putMessage(m),
    putThread: (t) => ws.putThread(t),
    putProspect: (p) => ws.putProspect(p),
    deleteProspect: (id) => ws.deleteProspect(id),
    logMerge: (r) => void ws.merges.push(r),
  };
}

/** Immutable LinkedIn ids: a record carrying one never takes another of the same kind. */
const IMMUTABLE = new Set(['lim', 'linum']);

/**
 * Finds the prospect a person is (by email, LinkedIn slug, member id or numeric member id) or
 * creates one. When the person's ids name two stored prospects (a profile page showing both its
 * slug and the member id messaging knew; an email on a contact-info overlay), they are folded
 * into one (lib/prospects/merge.ts, logged). With no id at all (a LinkedIn name only), the
 * thread's own prospect stands in.
 */
async function upsertProspect(
  ws: WorkingSet,
  person: CapturedPerson,
  now: number,
  threadId: string | null,
  reason: MergeReason = 'sighting',
): Promise<Prospect | null> {
  let keys = personKeys(person);
  if (keys.length === 0) {
    if (!threadId || !person.name) return null;
    keys = [`thread:${threadId}`];
  }
  const found = await ws.prospectsByKeys(keys);
  const unique = [...new Map(found.map((p) => [p.id, p])).values()].sort((a, b) => (pickKept(a, b)[0] === a ? -1 : 1));
  let p: Prospect;
  if (unique.length === 0) {
    p = newProspect(person, keys, now);
  } else {
    p = unique[0];
    for (const other of unique.slice(1)) {
      if (!canAutoMerge(p, other)) continue; // two people: the sighting is inconsistent, fold nothing
      p = (await foldProspect(wsMergeStore(ws), p, other, { reason, evidence: keys, now })).prospect;
    }
  }
  // The sighting's ids join the record, except an immutable id of a kind it already has another of.
  const own = new Set(p.keys.filter((k) => IMMUTABLE.has(keyKind(k))).map(keyKind));
  const add = keys.filter((k) => !k.startsWith('thread:') || p.keys.length === 0 || p.keys.every((x) => x.startsWith('thread:'))).filter((k) => p.keys.includes(k) || !IMMUTABLE.has(keyKind(k)) || !own.has(keyKind(k)));
  const email = normEmail(person.email);
  const url = canonicalProfileUrl(person.profileUrl);
  const memberId = person.memberId || linkedinMemberIdOfUrl(person.profileUrl);
  const next: Prospect = {
    ...p,
    keys: [...new Set([...p.keys, ...add])],
    emails: email && !p.emails.includes(email) ? [...p.emails, email] : p.emails,
    linkedinUrl: p.linkedinUrl ?? url,
    linkedinMemberId: p.linkedinMemberId ?? (memberId && add.includes(`lim:${memberId}`) ? memberId : null),
  };
  if (person.name && !p.manualFields.includes('name') && (!p.name || p.name === 'Unknown' || p.name === p.emails[0] || looksLikeEmailName(p.name, p.emails)))
    next.name = person.name;
  const domain = emailDomain(email);
  if (!next.domain && domain && !isFreeMail(domain)) next.domain = domain;
  if (JSON.stringify(next) !== JSON.stringify(p) || unique.length === 0) {
    next.updatedAt = now;
    ws.putProspect(next);
  }
  return next;
}

const looksLikeEmailName = (name: string, emails: string[]) => emails.some((e) => e.split('@')[0] === name);

function newProspect(person: CapturedPerson, keys: string[], now: number): Prospect {
  const email = normEmail(person.email);
  const domain = emailDomain(email);
  const firstKey = keys[0];
  return {
    id: `p:${firstKey}`,
    name: person.name?.trim() || (email ? email.split('@')[0] : '') || 'Unknown',
    emails: email ? [email] : [],
    linkedinUrl: canonicalProfileUrl(person.profileUrl),
    linkedinMemberId: person.memberId || linkedinMemberIdOfUrl(person.profileUrl) || null,
    company: null,
    domain: domain && !isFreeMail(domain) ? domain : null,
    title: null,
    headline: null,
    seniority: null,
    industry: null,
    location: null,
    companySize: null,
    connectionDegree: null,
    connectedAt: null,
    stage: 'contacted',
    dealValue: null,
    traits: {},
    notes: '',
    manualFields: [],
    createdAt: now,
    updatedAt: now,
    keys,
  };
}

/** Why a sighting names several ids: a profile (slug + member id), a contact-info overlay (email), or any. */
function reasonOf(person: CapturedPerson): MergeReason {
  if (person.email && (person.profileUrl || person.memberId)) return 'contact-info';
  if (person.profileUrl && (person.memberId || person.numericMemberId)) return 'profile';
  return 'sighting';
}

async function ingestProspect(deps: IngestDeps, ws: WorkingSet, ev: ProspectEvent): Promise<Outcome> {
  if (isSelf(deps.settings, ev.person)) return 'dropped';
  const now = deps.now();
  if (ev.onlyKnown) {
    const keys = personKeys(ev.person);
    if (!keys.length || !(await ws.prospectsByKeys(keys)).length) return 'dropped';
  }
  const base = await upsertProspect(ws, ev.person, now, null, reasonOf(ev.person));
  if (!base) return 'dropped';
  const p: Prospect = { ...base };
  const manual = new Set(p.manualFields);
  const set = <K extends keyof Prospect>(k: K, v: Prospect[K] | null | undefined) => {
    if (v !== null && v !== undefined && v !== '' && !manual.has(k as string)) p[k] = v as Prospect[K];
  };
  if (ev.person.name && !manual.has('name')) p.name = ev.person.name;
  // A presence line ("Active 2h ago") is never a headline, whichever layer sent it.
  if (ev.headline && !isPresenceLine(ev.headline)) set('headline', ev.headline);
  set('title', ev.title);
  if (ev.company) await linkCompany(ws, p, ev.company, ev.companyUrl);
  set('company', ev.company);
  set('location', ev.location);
  set('industry', ev.industry);
  set('connectionDegree', ev.connectionDegree);
  if (!manual.has('seniority') && p.title) p.seniority = deriveSeniority(p.title);
  if (ev.connectionDegree === 1 && !p.connectedAt) {
    // Only an invitation we sent makes a 1st-degree connection an acceptance worth recording.
    const invited = (await ws.messagesOfProspect(p.id)).some((m) => m.kind === 'linkedin-invite');
    if (invited) p.connectedAt = ev.seenAt;
  }
  p.updatedAt = now;
  ws.putProspect(p);
  return 'merged';
}

/**
 * The prospect's current company, as a profile names it: its company keys (by the company page
 * the profile links, else by name), traits of a known company page, and, when the prospect moved
 * to another company, the old company's industry, size and HQ dropped (unless set by hand).
 */
async function linkCompany(ws: WorkingSet, p: Prospect, company: string, companyUrl: string | null): Promise<void> {
  const manual = new Set(p.manualFields);
  let keys = prospectCompanyKeys(company, companyUrl);
  const prev = p.companyKeys ?? [];
  const sameName = normaliseCompanyName(p.company) === normaliseCompanyName(company);
  // The same company seen without its link this time: keep the stronger keys seen before.
  if (!companyUrl && sameName && prev.some((k) => !k.startsWith('co:name:'))) keys = prev;
  const moved = !!p.company && !sameName && !keys.some((k) => prev.includes(k));
  if (moved && p.companyTraitsFrom) {
    if (!manual.has('industry')) p.industry = null;
    if (!manual.has('companySize')) p.companySize = null;
    p.companyHq = null;
    p.companyTraitsFrom = null;
  }
  p.companyKeys = keys;
  const [known] = await ws.companiesByKeys(keys);
  if (known) applyCompany(p, known);
}

/** A company page's traits on a prospect who works there: only where empty or from a company page, never over a hand-set value. */
function applyCompany(p: Prospect, c: Company): void {
  const manual = new Set(p.manualFields);
  const fromPage = !!p.companyTraitsFrom;
  if (c.industry && !manual.has('industry') && (!p.industry || fromPage)) p.industry = c.industry;
  if (c.companySize && !manual.has('companySize') && (!p.companySize || fromPage)) p.companySize = c.companySize;
  if (c.headquarters) p.companyHq = c.headquarters;
  p.companyTraitsFrom = c.id;
}

async function ingestCompany(deps: IngestDeps, ws: WorkingSet, ev: CompanyEvent): Promise<Outcome> {
  const now = deps.now();
  const keys = companyPageKeys({ slug: ev.slug, numericId: ev.numericId, name: ev.name });
  if (!keys.length) return 'dropped';
  // Rows of this company known by some of its keys (a name first, a slug later) become one.
  const found = await ws.companiesByKeys(keys);
  const strong = keys.filter((k) => !k.startsWith('co:name:'));
  // A row known by name only joins; a row with other strong keys is another company of that name.
  const same = found.filter((c) => c.keys.some((k) => strong.includes(k)) || c.keys.every((k) => k.startsWith('co:name:')) || !strong.length);
  const [first, ...rest] = same;
  const c: Company = {
    id: first?.id ?? `co:${strong[0] ?? keys[0]}`,
    name: ev.name,
    keys: [...new Set([...(first?.keys ?? []), ...rest.flatMap((r) => r.keys), ...keys])].slice(0, 50),
    linkedinUrl: ev.slug ? `https://www.linkedin.com/company/${encodeURIComponent(ev.slug.toLowerCase())}/` : (first?.linkedinUrl ?? null),
    industry: ev.industry ?? first?.industry ?? null,
    companySize: normaliseSizeBand(ev.companySize) ?? first?.companySize ?? null,
    headquarters: ev.headquarters ?? first?.headquarters ?? null,
    seenAt: ev.seenAt,
    updatedAt: now,
  };
  for (const r of rest) ws.deleteCompany(r.id);
  ws.putCompany(c);
  // Everyone who works there: by the company page's slug or id, or by name when that is all their
  // profile gave (a prospect whose profile linked a company page carries no name key).
  for (const p of await ws.prospectsByCompanyKeys(c.keys)) {
    const next = { ...p };
    applyCompany(next, c);
    if (JSON.stringify(next) !== JSON.stringify(p)) ws.putProspect({ ...next, updatedAt: now });
  }
  return 'merged';
}

async function accepted(deps: IngestDeps, ws: WorkingSet, ev: AcceptedEvent): Promise<Outcome> {
  const p = await upsertProspect(ws, ev.person, deps.now(), null, reasonOf(ev.person));
  if (!p) return 'dropped';
  ws.putProspect({ ...p, connectionDegree: 1, connectedAt: p.connectedAt ?? ev.at, updatedAt: deps.now() });
  return 'merged';
}

async function retract(deps: IngestDeps, ws: WorkingSet, ev: RetractEvent): Promise<Outcome> {
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
    if (p && left.length === 0 && p.manualFields.length === 0 && !p.title && !p.company && !p.notes && p.dealValue === null && Object.keys(p.traits).length === 0) {
      ws.deleteProspect(pid);
      for (const t of await ws.threadsOfProspect(pid)) ws.putThread({ ...t, prospectIds: t.prospectIds.filter((x) => x !== pid) });
    }
  }
  return 'merged';
}
