// Where a prospect's messages are (schema v5, lib/db/db.ts): messages keep no index by prospect, so
// they are found through the threads that list the prospect (threads' `*prospectIds` index), then
// by thread id. That is complete because every writer keeps one rule: a message linked to a
// prospect sits in a thread whose `prospectIds` names that prospect. Ingestion lists them on each
// thread it commits (lib/ingest/working-set.ts), so does recomputeThread (lib/db/recompute.ts),
// a merge moves both, its undo keeps the surviving id where a message still names it
// (lib/prospects/merge.ts), an import lists the prospects of the messages it writes
// (lib/export/import.ts), and the v5 upgrade lists those an older database left out
// (lib/db/upgrade-v4.ts). Dropping the index saves a write per message
// (and `sentAt`'s another): see docs/design.md, "What the indexes cost".
import type { Message, Thread } from '../schema/model';

/** Prospect ids named by `messages` that `thread` does not list, in the order met. */
export function unlistedProspects(thread: Pick<Thread, 'prospectIds'>, messages: readonly Message[]): string[] {
  const out: string[] = [];
  for (const m of messages)
    if (m.prospectId && !thread.prospectIds.includes(m.prospectId) && !out.includes(m.prospectId))
      out.push(m.prospectId);
  return out;
}

/** The thread listing the prospects of its messages too (the same object when it lists them all). */
export function listingTheirProspects<T extends Pick<Thread, 'prospectIds'>>(
  thread: T,
  messages: readonly Message[],
): T {
  const missing = unlistedProspects(thread, messages);
  return missing.length ? { ...thread, prospectIds: [...thread.prospectIds, ...missing] } : thread;
}

/** The two Dexie tables (the database's or a transaction's) the look-up reads, as far as it uses them. */
export interface ProspectMessageTables {
  threads: { where(index: string): { anyOf(keys: string[]): { primaryKeys(): PromiseLike<unknown[]> } } };
  messages: { where(index: string): { anyOf(keys: string[]): { toArray(): PromiseLike<Message[]> } } };
}

/** The messages linked to any of `prospectIds` (two index reads: their threads' ids, then those threads' messages). */
export async function messagesOfProspects(
  tables: ProspectMessageTables,
  prospectIds: readonly string[],
): Promise<Message[]> {
  if (!prospectIds.length) return [];
  const threadIds = [
    ...new Set(
      (await tables.threads
        .where('prospectIds')
        .anyOf([...prospectIds])
        .primaryKeys()) as string[],
    ),
  ];
  if (!threadIds.length) return [];
  const wanted = new Set(prospectIds);
  return (await tables.messages.where('threadId').anyOf(threadIds).toArray()).filter(
    (m) => m.prospectId !== null && wanted.has(m.prospectId),
  );
}
