// Merging two prospects by hand (Prospects tab → Merge two…), its preview, undoing a merge, and the
// merge log. The merge itself is lib/records/prospect-merge.ts, the one implementation ingestion and
// the schema v3 upgrade use too; this module runs it over the database and says "db changed".
import type { SidelogDb } from '../db/db';
import { notifyDbChanged } from '../db/changes';
import { listingTheirProspects, messagesOfProspects } from '../records/prospect-messages';
import { foldProspect, mergeProspectRecords, pickKept, tablesMergeStore } from '../records/prospect-merge';
import type { MergeRecord, Message, Prospect, Thread } from '../schema/model';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const MERGE_TABLES = (db: SidelogDb) => [db.prospects, db.messages, db.threads, db.merges];

/** What merging two prospects by hand would give (nothing is written): for the side-by-side view. */
export async function previewMerge(db: SidelogDb, aId: string, bId: string, now = Date.now()) {
  const [a, b] = await db.prospects.bulkGet([aId, bId]);
  if (!a || !b) throw new Error('One of the two prospects no longer exists.');
  const [kept, merged] = pickKept(a, b);
  const { result, choices } = mergeProspectRecords(kept, merged, now);
  // One look-up for both (their threads, then those threads' messages), counted per prospect.
  const msgs = await messagesOfProspects(db, [kept.id, merged.id]);
  const count = (id: string) => msgs.filter((m) => m.prospectId === id).length;
  return { kept, merged, result, choices, messages: { kept: count(kept.id), merged: count(merged.id) } };
}

/** Merges two prospects by hand (the Prospects tab). Returns the log entry (its id undoes it). */
export async function mergeProspects(db: SidelogDb, aId: string, bId: string, now = Date.now()): Promise<MergeRecord> {
  if (aId === bId) throw new Error('Pick two different prospects.');
  const record = await db.transaction('rw', MERGE_TABLES(db), async () => {
    const [a, b] = await db.prospects.bulkGet([aId, bId]);
    if (!a || !b) throw new Error('One of the two prospects no longer exists.');
    const [kept, merged] = pickKept(a, b);
    return (await foldProspect(tablesMergeStore(db), kept, merged, { reason: 'manual', evidence: ['manual'], now }))
      .record;
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
    if (!cur)
      throw new Error('The merged prospect no longer exists (merged again or deleted): this merge cannot be undone.');
    if (await db.prospects.get(rec.mergedId))
      throw new Error('A prospect with the folded id exists again: this merge cannot be undone.');
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
    const msgs = (await db.messages.bulkGet(rec.movedMessages)).filter(
      (m): m is Message => !!m && m.prospectId === rec.keptId,
    );
    if (msgs.length) await db.messages.bulkPut(msgs.map((m) => ({ ...m, prospectId: rec.mergedId })));
    // The threads the merge moved get their lists back; they, and any thread a moved-back message
    // sits in now (threads fold too), then list every prospect their messages name: a message
    // written since under the surviving id keeps it listed (lib/records/prospect-messages.ts).
    const before = new Map(rec.movedThreads.map((t) => [t.id, t.prospectIds]));
    const ids = [...new Set([...before.keys(), ...msgs.map((m) => m.threadId)])];
    const [threads, inThreads] = await Promise.all([
      db.threads.bulkGet(ids),
      db.messages.where('threadId').anyOf(ids).toArray(),
    ]);
    const byThread = new Map<string, Message[]>();
    for (const m of inThreads) (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
    const back: Thread[] = [];
    for (const t of threads) {
      if (!t) continue;
      const was = before.get(t.id);
      const restored = was
        ? { ...t, prospectIds: [...new Set([...was, ...t.prospectIds.filter((x) => x !== rec.keptId)])] }
        : t;
      const next = listingTheirProspects(restored, byThread.get(t.id) ?? []);
      if (!same(next.prospectIds, t.prospectIds)) back.push(next);
    }
    if (back.length) await db.threads.bulkPut(back);
    await db.merges.put({ ...rec, undoneAt: now });
  });
  notifyDbChanged({ tables: ['prospects', 'threads', 'messages'] });
}

/** The merge log, newest first (Settings / audit). */
export async function mergeLog(db: SidelogDb, limit = 100): Promise<MergeRecord[]> {
  return db.merges.orderBy('at').reverse().limit(limit).toArray();
}
