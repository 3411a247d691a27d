// One person, one record: how two prospect records fold into one. The ONE implementation of a
// prospect merge, used by all three callers, each through its own MergeStore: ingestion (a sighting
// that names both records, lib/ingest/prospects.ts, over its working set), the schema v3 upgrade
// (stored keys that prove it, lib/db/upgrade-v3.ts, over the upgrade transaction's tables) and a
// merge by hand (the Prospects tab, lib/prospects/merge.ts, over the database). Pure rules below
// the database so the upgrade can use them: lib/db imports lib/records, never lib/prospects.
// Every fold writes a MergeRecord (table `merges`): both records as they were, what moved, and
// which value won where they disagreed, so it can be audited and undone (lib/prospects/merge.ts).
//
// Rules for a field both records have, with different values (lib/schema/model.ts MergeChoice):
// - a value set by hand wins (`manual`);
// - stage: the one further along; name: a real name over a placeholder (`richer`);
// - connectedAt: the first acceptance (`earliest`); notes: both kept, joined (`joined`);
// - anything else: the record updated last (`later`);
// - emails, keys, traits and manual marks are united (a trait both have: the later record's value).
// The older record survives (its id stays, so links to it hold); seniority follows the kept title.
import type { MergeChoice, MergeReason, MergeRecord, Message, Prospect, Thread } from '../schema/model';
import { keyKind } from './keys';
import { messagesOfProspects } from './prospect-messages';
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
  !p.name ||
  p.name === 'Unknown' ||
  p.emails.some((e) => e === p.name || e.split('@')[0] === p.name) ||
  /^ACo[A-Za-z0-9_-]{10,}$/.test(p.name);
const isSlugUrl = (u: string | null) => !!u && !/\/in\/ACo[A-Za-z0-9_-]{10,}/.test(u);

/**
 * The merged record and the choices made, from the two records as they are (pure). Longer than most
 * functions here on purpose: its body is the table of every field and the rule it merges by, read
 * best in one place.
 */
export function mergeProspectRecords(
  kept: Prospect,
  merged: Prospect,
  now: number,
): { result: Prospect; choices: MergeChoice[] } {
  const choices: MergeChoice[] = [];
  const later = merged.updatedAt > kept.updatedAt ? 'merged' : 'kept';
  const manualK = new Set(kept.manualFields);
  const manualM = new Set(merged.manualFields);
  /** Picks a field's value; records a choice when both had one and they differed. */
  function pick<K extends keyof Prospect>(
    field: K,
    rule?: (k: Prospect[K], m: Prospect[K]) => { from: 'kept' | 'merged'; rule: MergeChoice['rule'] } | null,
  ): Prospect[K] {
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
    choices.push({
      field: field as string,
      kept: from === 'kept' ? k : m,
      dropped: from === 'kept' ? m : k,
      from,
      rule: why,
    });
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
    linkedinUrl: pick('linkedinUrl', (k, m) =>
      isSlugUrl(k) !== isSlugUrl(m) ? { from: isSlugUrl(k) ? 'kept' : 'merged', rule: 'richer' } : null,
    ),
    linkedinMemberId: pick('linkedinMemberId'),
    company: pick('company'),
    domain: pick('domain'),
    title: pick('title'),
    headline: pick('headline'),
    seniority: pick('seniority'),
    industry: pick('industry'),
    location: pick('location'),
    companySize: pick('companySize'),
    connectionDegree: pick('connectionDegree', (k, m) => ({
      from: (k ?? 9) <= (m ?? 9) ? 'kept' : 'merged',
      rule: 'richer',
    })),
    connectedAt: pick('connectedAt', (k, m) => ({
      from: (k ?? Infinity) <= (m ?? Infinity) ? 'kept' : 'merged',
      rule: 'earliest',
    })),
    stage: pick('stage', (k, m) =>
      STAGE_RANK[k] !== STAGE_RANK[m]
        ? { from: STAGE_RANK[k] > STAGE_RANK[m] ? 'kept' : 'merged', rule: 'richer' }
        : null,
    ),
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
      const from =
        manualK.has('traits') !== manualM.has('traits') ? (manualK.has('traits') ? 'kept' : 'merged') : later;
      result.traits[key] = from === 'kept' ? cur : value;
      choices.push({
        field: `traits.${key}`,
        kept: result.traits[key],
        dropped: from === 'kept' ? value : cur,
        from,
        rule: manualK.has('traits') !== manualM.has('traits') ? 'manual' : 'later',
      });
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
export const newMergeId = (now: number) =>
  `merge:${now.toString(36)}:${(seq++).toString(36)}:${Math.random().toString(36).slice(2, 8)}`;

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
    await store.putThread({
      ...t,
      prospectIds: [...new Set(t.prospectIds.map((x) => (x === merged.id ? kept.id : x)))],
    });
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

/** Rows of one table as a MergeStore needs them: a Dexie table, the database's or a transaction's. */
interface MergeTable<T> {
  where(index: string): {
    equals(key: string): { toArray(): Promise<T[]> };
    anyOf(keys: string[]): { toArray(): PromiseLike<T[]>; primaryKeys(): PromiseLike<unknown[]> };
  };
  put(row: T): Promise<unknown>;
  delete(id: string): Promise<unknown>;
}

/**
 * Where each folded prospect id lives now: the record it was folded into, through later folds
 * too (a → b, then b → c: a → c), from the merge log's folds not undone. Only ids whose final
 * record `exists` are given (a record the user deleted since gives nothing).
 */
export function foldedInto(log: readonly MergeRecord[], exists: (id: string) => boolean): Map<string, string> {
  const next = new Map<string, string>();
  for (const r of [...log].sort((x, y) => x.at - y.at)) if (r.undoneAt === null) next.set(r.mergedId, r.keptId);
  const out = new Map<string, string>();
  for (const from of next.keys()) {
    let to = next.get(from)!;
    const seen = new Set([from]);
    while (next.has(to) && !seen.has(to)) {
      seen.add(to);
      to = next.get(to)!;
    }
    if (to !== from && exists(to)) out.set(from, to);
  }
  return out;
}

/** A MergeStore over tables (the database's, or an upgrade transaction's), inside a read-write transaction on them. */
export function tablesMergeStore(tables: {
  prospects: MergeTable<Prospect>;
  threads: MergeTable<Thread>;
  messages: MergeTable<Message>;
  merges: Pick<MergeTable<MergeRecord>, 'put'>;
}): MergeStore {
  const { prospects, threads, messages, merges } = tables;
  return {
    messagesOf: (id) => messagesOfProspects({ threads, messages }, [id]),
    threadsOf: (id) => threads.where('prospectIds').equals(id).toArray(),
    putMessage: (m) => messages.put(m),
    putThread: (t) => threads.put(t),
    putProspect: (p) => prospects.put(p),
    deleteProspect: (id) => prospects.delete(id),
    logMerge: (r) => merges.put(r),
  };
}

/**
 * Folds records found to be one person (ingestion: the records a sighting's ids name; the upgrade:
 * a group its proofs join): the one `pickKept` keeps takes in each other, oldest first, except a
 * record it may not be merged with automatically (canAutoMerge: two people), which is left as it is.
 */
export async function foldAll(
  store: MergeStore,
  records: readonly Prospect[],
  o: { reason: MergeReason; now: number; evidence: (kept: Prospect, other: Prospect) => string[] },
): Promise<{ kept: Prospect; left: Prospect[]; merges: MergeRecord[] }> {
  const sorted = [...records].sort((a, b) => (pickKept(a, b)[0] === a ? -1 : 1));
  let kept = sorted[0]!;
  const left: Prospect[] = [];
  const merges: MergeRecord[] = [];
  for (const other of sorted.slice(1)) {
    if (!canAutoMerge(kept, other)) {
      left.push(other);
      continue;
    }
    const { prospect, record } = await foldProspect(store, kept, other, {
      reason: o.reason,
      evidence: o.evidence(kept, other),
      now: o.now,
    });
    kept = prospect;
    merges.push(record);
  }
  return { kept, left, merges };
}
