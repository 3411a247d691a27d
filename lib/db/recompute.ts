// A thread's summary recomputed after its messages changed outside ingestion: a call logged by hand
// (lib/prospects/edit.ts), a template set by hand (lib/templates/store.ts). With the database, not
// ingestion, so those features need not import ingestion (ingestion's working set recomputes the
// threads it touches at its commit; the v2 upgrade recomputes them all, lib/db/db.ts). The summary
// itself is lib/records/summary.ts, the one definition all three use.
import { listingTheirProspects } from '../records/prospect-messages';
import { summarizeThread } from '../records/summary';
import type { SidelogDb } from './db';

/** Re-summarises one thread from its messages, in one read-write transaction; a thread left with no message goes. */
export async function recomputeThread(db: SidelogDb, threadId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.threads, db.messages], async () => {
    const thread = await db.threads.get(threadId);
    if (!thread) return;
    const messages = await db.messages.where('threadId').equals(threadId).toArray();
    if (messages.length === 0) await db.threads.delete(threadId);
    // It lists the prospects its messages name, as every writer keeps it (lib/records/prospect-messages.ts).
    else
      await db.threads.put({
        ...listingTheirProspects(thread, messages),
        summary: summarizeThread(messages),
        updatedAt: now,
      });
  });
}
