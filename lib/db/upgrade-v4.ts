// Schema v4's upgrade (lib/db/db.ts): inbound mail stored before it is judged again with the rules
// of lib/replies (issue 11). Each inbound message gets its class with the rule that decided and the
// recipients a bounce names (a delay warning is no longer stored as a bounce), and a person's reply
// its intent and referral; the threads whose messages changed get their summaries recomputed (a
// bounce for one of several recipients no longer bounces the thread; interested replies count).
// A class or intent the user set by hand is kept (lib/replies/inbound.ts judgeInbound).
//
// The same pass serves schema v5 (lib/db/db.ts): every thread comes to list the prospects its
// messages name (lib/records/prospect-messages.ts: how a prospect's messages are found without an
// index), and from a database older than v4, the v4 judging runs here, after v5 dropped two
// message indexes. From v4, v5 only lists (`judge: false`).
//
// Cost at 100k messages: one read of every message and of every thread (a getAll each), the rules on each inbound message (~0.1–0.3 ms), and writes of the inbound messages whose
// fields changed and of the threads whose summary did, in chunks not awaited one by one, so the
// rules run on one chunk while the one before is written. `progress` gets the share done (0–1).
import Dexie, { type Transaction } from 'dexie';
import { addressOf, isWritten, recipientsOf, summarizeThread } from '../records/summary';
import { listingTheirProspects } from '../records/prospect-messages';
import { inputOf, judgeInbound, type InboundFields } from '../replies/inbound';
import type { Message, Thread } from '../schema/model';

/** Records per bulkPut. */
const WRITE_CHUNK = 2_000;

export interface JudgeResult {
  /** Inbound messages read, and of those rewritten. */
  inbound: number;
  messagesWritten: number;
  threadsWritten: number;
  /** Threads that came to list prospects their messages named. */
  threadsListed: number;
}

const FIELDS: (keyof InboundFields)[] = [
  'classification',
  'classificationRule',
  'classificationSource',
  'failedRecipients',
  'intent',
  'intentRule',
  'intentSource',
  'referral',
];
const same = (a: Partial<InboundFields>, b: InboundFields) =>
  FIELDS.every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));

/** Runs in the v5 upgrade transaction (any read-write transaction over messages and threads). */
export async function judgeStoredMail(
  tx: Transaction,
  progress: (done: number) => void = () => {},
  /** Every thread as stored now, when the caller has them (the v3 step before, in the same transaction). */
  storedThreads?: Thread[],
  /** judge: false only lists the prospects of each thread's messages (a database at v4 already). */
  o: { judge: boolean } = { judge: true },
): Promise<JudgeResult> {
  const messagesT = tx.table('messages');
  const threadsT = tx.table('threads');
  performance.mark('upgrade:v4:start');
  // Every message in one read (one getAll), the threads beside it: no pass over the keys first.
  const threadsP = storedThreads ? Dexie.Promise.resolve(storedThreads) : (threadsT.toArray() as PromiseLike<Thread[]>);
  const all = (await messagesT.toArray()) as Message[];
  const byThread = new Map<string, Message[]>();
  for (const m of all) (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
  // At 100k messages reading is about a fifth of the step, judging a fifth, writing the rest.
  progress(0.2);
  const threads = new Map(((await threadsP) as Thread[]).map((t) => [t.id, t]));
  performance.mark('upgrade:v4:read');

  const result: JudgeResult = { inbound: 0, messagesWritten: 0, threadsWritten: 0, threadsListed: 0 };
  const writes: PromiseLike<unknown>[] = [];
  let msgPuts: Message[] = [];
  let threadPuts: Thread[] = [];
  const flush = (force: boolean) => {
    if (msgPuts.length && (force || msgPuts.length >= WRITE_CHUNK)) {
      writes.push(messagesT.bulkPut(msgPuts));
      msgPuts = [];
    }
    if (threadPuts.length && (force || threadPuts.length >= WRITE_CHUNK)) {
      writes.push(threadsT.bulkPut(threadPuts));
      threadPuts = [];
    }
  };
  let done = 0;
  const total = byThread.size;
  for (const [threadId, messages] of byThread) {
    done++;
    if (done % 500 === 0) progress(0.2 + (0.2 * done) / total);
    const stored = threads.get(threadId);
    const thread = stored && listingTheirProspects(stored, messages);
    if (thread !== stored) result.threadsListed++;
    if (!o.judge || !messages.some((m) => m.direction === 'inbound' && isWritten(m))) {
      if (thread !== stored) threadPuts.push(thread!);
      flush(false);
      continue;
    }
    const own = new Set<string>();
    for (const m of messages) {
      const a = m.direction === 'outbound' ? addressOf(m.from) : null;
      if (a) own.add(a);
    }
    const ctx = { threadSubject: thread?.subject ?? null, sentTo: recipientsOf(messages), own: [...own] };
    let changed = false;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      if (m.direction !== 'inbound' || !isWritten(m)) continue;
      result.inbound++;
      const judged = judgeInbound(inputOf(m), ctx, m);
      if (same(m, judged)) continue;
      const next = { ...m, ...judged };
      messages[i] = next;
      msgPuts.push(next);
      result.messagesWritten++;
      changed = true;
    }
    const summary = changed && thread ? summarizeThread(messages) : undefined;
    if (thread && summary && JSON.stringify(summary) !== JSON.stringify(thread.summary)) {
      threadPuts.push({ ...thread, summary });
      result.threadsWritten++;
    } else if (thread !== stored) threadPuts.push(thread!);
    flush(false);
  }
  flush(true);
  performance.mark('upgrade:v4:judged');
  progress(0.4);
  // Each chunk written moves the rest of the way (IndexedDB completes them in order).
  let written = 0;
  for (const w of writes)
    w.then(
      () => progress(0.4 + (0.6 * ++written) / writes.length),
      () => undefined,
    );
  await Dexie.Promise.all(writes);
  performance.mark('upgrade:v4:written');
  progress(1);
  return result;
}
