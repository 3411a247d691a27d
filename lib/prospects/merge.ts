// One person, one record: folding two prospect records into one, by a sighting that names both
// (ingestion), by the schema v3 upgrade (stored keys that prove it), or by hand (Prospects tab).
// Every fold writes a MergeRecord (table `merges`): both records as they were, what moved, and
// which value won where they disagreed, so it can be audited and undone (undoMerge).
//
// Rules for a field both records have, with different values (lib/schema/model.ts MergeChoice):
// - a value set by hand wins (`manual`);
// - stage: the one further along; name: a real name over a placeholder (`richer`);
// - connectedAt: the first acceptance (`earliest`); notes: both kept, joined (`joined`);
// - anything else: the record updated last (`later`);
// - emails, keys, traits and manual marks are united (a trait both have: the later record's value).
// The older record survives (its id stays, so links to it hold); seniority follows the kept title.
import type { SidelogDb } from '../db/db';
import { notifyDbChanged } from '../db/changes';
import { keyKind } from '../ingest/keys';
import type { MergeChoice, MergeReason, MergeRecord, Message, Prospect, Thread } from '../schema/model';
import { deriveSeniority } from './seniority';

const STAGE_RANK = { contacted: 0, replied: 1, qualified: 2, meeting: 3, won: 4, lost: 4 } as const;

/** Which of two records survives a merge: the older one (then the smaller id), so ids stay stable. */
export function pickKept(a: Prospect, b: Prospect): [kept: Prospect, merged: Prospect] {
  const older = a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return older <= 0 ? [a, b] : [b, a];
}

/**
 * Whether a sighting may fold two records on its own: not when they carry different immutable
 * LinkedIn ids (two member ids, two numeric ids are two people, whatever a page seemed to say).
 * Slugs may differ (a member can change their public URL); emails may too.
 */
export function canAutoMerge(a: Prospect, b: Prospect): boolean {
  for (const kind of ['lim', 'linum']) {
    const ka = a.keys.filter((k) => keyKind(k) === kind);
    const kb = b.keys.filter((k) => keyKind(k) === kind);
    if (ka.length && kb.length && !ka.some((k) => kb.includes(k))) return false;
  }
  if (a.linkedinMemberId && b.linkedinMemberId && a.linkedinMemberId !== b.linkedinMemberId) return false;
  return true;
}

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPlaceholderName = (p: Prospect) =>
  !p.name || p.name === 'Unknown' || p.emails.some((e) => e === p.name || e.split('@')[0] === p.name) || /^ACo[A-Za-z0-9_-]{10,}$/.test(p.name);
const isSlugUrl = (u: string | null) => !!u && !/\/in\/ACo[A-Za-z0-9_-]{10,}/.test(u);

/** The merged record and the choices made, from the two records as they are (pure). */
export function mergeProspectRecords(kept: Prospect, merged: Prospect, now: number): { result: Prospect; choices: MergeChoice[] } {
  const choices: MergeChoice[] = [];
  const later = merged.updatedAt > kept.updatedAt ? 'merged' : 'kept';
  const manualK = new Set(kept.manualFields);
  const manualM = new Set(merged.manualFields);
  /** Picks a field's value; records a choice when both had one and they differed. */
  function pick<K extends keyof Prospect>(field: K, rule?: (k: Prospect[K], m: Prospect[K]) => { from: 'kept' | 'merged'; rule: MergeChoice['rule'] } | null): Prospect[K] {
    const k = kept[field];
    const m = merged[field];
    if (empty(m) || same(k, m)) return k;
    if (empty(k)) return m;
    let from: 'kept' | 'merged';
    let why: MergeChoice['rule'];
    if (manualK.has(field as string) !== manualM.has(field as string)) {
      from = manualK.has(field as string) ? 'kept' : 'merged';
      why = 'manual';
    } else {
      const r = rule?.(k, m) ?? null;
      from = r?.from ?? later;
      why = r?.rule ?? 'later';
    }
    choices.push({ field: field as string, kept: from === 'kept' ? k : m, dropped: from === 'kept' ? m : k, from, rule: why });
    return from === 'kept' ? k : m;
  }

  const result: Prospect = {
    ...kept,
    name: pick('name', () => {
      const pk = isPlaceholderName(kept);
      const pm = isPlaceholderName(merged);
      return pk !== pm ? { from: pk ? 'merged' : 'kept', rule: 'richer' } : null;
    }),
    emails: [...new Set([...kept.emails, ...merged.emails])],
    keys: [...new Set([...kept.keys, ...merged.keys])],
    linkedinUrl: pick('linkedinUrl', (k, m) => (isSlugUrl(k) !== isSlugUrl(m) ? { from: isSlugUrl(k) ? 'kept' : 'merged', rule: 'richer' } : null)),
    linkedinMemberId: pick('linkedinMemberId'),
    company: pick('company'),
    domain: pick('domain'),
    title: pick('title'),
    headline: pick('headline'),
    seniority: pick('seniority'),
    industry: pick('industry'),
    location: pick('location'),
    companySize: pick('companySize'),
    connectionDegree: pick('connectionDegree', (k, m) => ({ from: (k ?? 9) <= (m ?? 9) ? 'kept' : 'merged', rule: 'richer' })),
    connectedAt: pick('connectedAt', (k, m) => ({ from: (k ?? Infinity) <= (m ?? Infinity) ? 'kept' : 'merged', rule: 'earliest' })),
    stage: pick('stage', (k, m) => (STAGE_RANK[k] !== STAGE_RANK[m] ? { from: STAGE_RANK[k] > STAGE_RANK[m] ? 'kept' : 'merged', rule: 'richer' } : null)),
    dealValue: pick('dealValue'),
    notes: kept.notes,
    traits: { ...kept.traits },
    manualFields: [...new Set([...kept.manualFields, ...merged.manualFields])],
    createdAt: Math.min(kept.createdAt, merged.createdAt),
    updatedAt: now,
  };
  // Notes: nothing is lost, both are kept.
  if (merged.notes && merged.notes !== kept.notes) {
    result.notes = kept.notes ? `${kept.notes}\n\n${merged.notes}` : merged.notes;
    if (kept.notes) choices.push({ field: 'notes', kept: result.notes, dropped: null, from: 'kept', rule: 'joined' });
  }
  // Traits: united; a trait both have with different values takes the later (or hand-set) one.
  for (const [key, value] of Object.entries(merged.traits)) {
    const cur = kept.traits[key];
    if (cur === undefined || cur === '') result.traits[key] = value;
    else if (cur !== value) {
      const from = manualK.has('traits') !== manualM.has('traits') ? (manualK.has('traits') ? 'kept' : 'merged') : later;
      result.traits[key] = from === 'kept' ? cur : value;
      choices.push({ field: `traits.${key}`, kept: result.traits[key], dropped: from === 'kept' ? value : cur, from, rule: manualK.has('traits') !== manualM.has('traits') ? 'manual' : 'later' });
    }
  }
  // The company link goes with the company name that was kept.
  const companyFrom = result.company === merged.company && result.company !== kept.company ? merged : kept;
  result.companyKeys = companyFrom.companyKeys ?? [];
  result.companyTraitsFrom = companyFrom.companyTraitsFrom ?? null;
  result.companyHq = companyFrom.companyHq ?? kept.companyHq ?? merged.companyHq ?? null;
  // Seniority follows the title that was kept, unless set by hand.
  if (result.title && !result.manualFields.includes('seniority')) result.seniority = deriveSeniority(result.title);
  return { result, choices };
}

/** Where a fold reads and writes: the ingestion working set, a Dexie transaction, an upgrade. */
export interface MergeStore {
  messagesOf(prospectId: string): Promise<Message[]>;
  threadsOf(prospectId: string): Promise<Thread[]>;
  putMessage(m: Message): void | Promise<unknown>;
  putThread(t: Thread): void | Promise<unknown>;
  putProspect(p: Prospect): void | Promise<unknown>;
  deleteProspect(id: string): void | Promise<unknown>;
  logMerge(r: MergeRecord): void | Promise<unknown>;
}

let seq = 0;
export const newMergeId = (now: number) => `merge:${now.toString(36)}:${(seq++).toString(36)}:${Math.random().toString(36).slice(2, 8)}`;

/**
 * Folds `merged` into `kept` (ids as given): repoints messages and threads, deletes `merged`,
 * writes the merged record and the log entry. Returns the merged record and its log entry.
 */
export async function foldProspect(
  store: MergeStore,
  kept: Prospect,
  merged: Prospect,
  o: { reason: MergeReason; evidence: string[]; now: number },
): Promise<{ prospect: Prospect; record: MergeRecord }> {
  const { result, choices } = mergeProspectRecords(kept, merged, o.now);
  const movedMessages: string[] = [];
  for (const m of await store.messagesOf(merged.id)) {
    movedMessages.push(m.id);
    await store.putMessage({ ...m, prospectId: kept.id });
  }
  const movedThreads: MergeRecord['movedThreads'] = [];
  for (const t of await store.threadsOf(merged.id)) {
    movedThreads.push({ id: t.id, prospectIds: t.prospectIds });
    await store.putThread({ ...t, prospectIds: [...new Set(t.prospectIds.map((x) => (x === merged.id ? kept.id : x)))] });
  }
  await store.deleteProspect(merged.id);
  await store.putProspect(result);
  const record: MergeRecord = {
    id: newMergeId(o.now),
    at: o.now,
    reason: o.reason,
    evidence: o.evidence.slice(0, 20),
    keptId: kept.id,
    mergedId: merged.id,
    before: { kept, merged },
    choices,
    movedMessages,
    movedThreads,
    undoneAt: null,
  };
  await store.logMerge(record);
  return { prospect: result, record };
}

/** A MergeStore over the database, for use inside a read-write transaction on these tables. */
export function dbMergeStore(db: SidelogDb): MergeStore {
  return {
    messagesOf: (id) => db.messages.where('prospectId').equals(id).toArray(),
    threadsOf: (id) => db.threads.where('prospectIds').equals(id).toArray(),
    putMessage: (m) => db.messages.put(m),
    putThread: (t) => db.threads.put(t),
    putProspect: (p) => db.prospects.put(p),
    deleteProspect: (id) => db.prospects.delete(id),
    logMerge: (r) => db.merges.put(r),
  };
}

const MERGE_TABLES = (db: SidelogDb) => [db.prospects, db.messages, db.threads, db.merges];

/** What merging two prospects by hand would give (nothing is written): for the side-by-side view. */
export async function previewMerge(db: SidelogDb, aId: string, bId: string, now = Date.now()) {
  const [a, b] = await db.prospects.bulkGet([aId, bId]);
  if (!a || !b) throw new Error('One of the two prospects no longer exists.');
  const [kept, merged] = pickKept(a, b);
  const { result, choices } = mergeProspectRecords(kept, merged, now);
  const [mk, mm] = await Promise.all([db.messages.where('prospectId').equals(kept.id).count(), db.messages.where('prospectId').equals(merged.id).count()]);
  return { kept, merged, result, choices, messages: { kept: mk, merged: mm } };
}

/** Merges two prospects by hand (the Prospects tab). Returns the log entry (its id undoes it). */
export async function mergeProspects(db: SidelogDb, aId: string, bId: string, now = Date.now()): Promise<MergeRecord> {
  if (aId === bId) throw new Error('Pick two different prospects.');
  const record = await db.transaction('rw', MERGE_TABLES(db), async () => {
    const [a, b] = await db.prospects.bulkGet([aId, bId]);
    if (!a || !b) throw new Error('One of the two prospects no longer exists.');
    const [kept, merged] = pickKept(a, b);
    return (await foldProspect(dbMergeStore(db), kept, merged, { reason: 'manual', evidence: ['manual'], now })).record;
  });
  notifyDbChanged({ tables: ['prospects', 'threads', 'messages'] });
  return record;
}

/**
 * Undoes a merge: the folded record comes back as it was, the messages and threads it had move
 * back (those still pointing at the surviving record), and the surviving record gets back its own
 * values where they were not changed since, and loses the keys and emails that came with the other.
 */
export async function undoMerge(db: SidelogDb, mergeId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', MERGE_TABLES(db), async () => {
    const rec = await db.merges.get(mergeId);
    if (!rec) throw new Error('This merge is not in the log.');
    if (rec.undoneAt) throw new Error('This merge was undone already.');
    const cur = await db.prospects.get(rec.keptId);
    if (!cur) throw new Error('The merged prospect no longer exists (merged again or deleted): this merge cannot be undone.');
    if (await db.prospects.get(rec.mergedId)) throw new Error('A prospect with the folded id exists again: this merge cannot be undone.');
    const { kept, merged } = rec.before;
    const { result } = mergeProspectRecords(kept, merged, rec.at);
    const restored: Prospect = { ...cur };
    // Fields that still hold what the merge wrote go back to the surviving record's own values.
    for (const f of Object.keys(result) as (keyof Prospect)[]) {
      if (f === 'keys' || f === 'emails' || f === 'updatedAt' || f === 'id') continue;
      if (same(cur[f], result[f])) (restored as Record<string, unknown>)[f] = kept[f];
    }
    const onlyMerged = (xs: string[], own: string[]) => xs.filter((x) => !own.includes(x));
    const drop = new Set(onlyMerged(merged.keys, kept.keys));
    restored.keys = cur.keys.filter((k) => !drop.has(k));
    const dropEmails = new Set(onlyMerged(merged.emails, kept.emails));
    restored.emails = cur.emails.filter((e) => !dropEmails.has(e));
    restored.updatedAt = now;
    await db.prospects.put(restored);
    await db.prospects.put({ ...merged, updatedAt: now });
    const msgs = (await db.messages.bulkGet(rec.movedMessages)).filter((m): m is Message => !!m && m.prospectId === rec.keptId);
    if (msgs.length) await db.messages.bulkPut(msgs.map((m) => ({ ...m, prospectId: rec.mergedId })));
    const threads = await db.threads.bulkGet(rec.movedThreads.map((t) => t.id));
    const back: Thread[] = [];
    threads.forEach((t, i) => {
      if (!t) return;
      const before = rec.movedThreads[i]!.prospectIds;
      const added = t.prospectIds.filter((x) => x !== rec.keptId && !before.includes(x));
      back.push({ ...t, prospectIds: [...new Set([...before, ...added])] });
    });
    if (back.length) await db.threads.bulkPut(back);
    await db.merges.put({ ...rec, undoneAt: now });
  });
  notifyDbChanged({ tables: ['prospects', 'threads', 'messages'] });
}

/** The merge log, newest first (Settings / audit). */
export async function mergeLog(db: SidelogDb, limit = 100): Promise<MergeRecord[]> {
  return db.merges.orderBy('at').reverse().limit(limit).toArray();
}
