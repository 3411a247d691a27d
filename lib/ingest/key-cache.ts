// What the background already knows of the database, kept between ingestion batches: records by
// id and which lookup keys name which records, for messages, threads and prospects. A batch takes
// from here what it would otherwise ask IndexedDB for (about seven index reads per event), and
// after its commit hands back what it read and wrote.
//
// Trusted only while nothing else wrote: the revision middleware (lib/db/revision.ts) stamps every
// write of threads and prospects, from any page, with the next value of one counter, and every
// write of messages comes with its thread's (a message edited, corrected or imported re-summarises
// its thread). The cache records the counter its records reflect; a batch reads the counter first,
// in its read transaction, and a different value (a panel edit, an import, another page) empties
// the cache. The working set still checks the messages it changes at commit (lib/ingest/working-set.ts).
//
// A table small enough (COMPLETE_MAX rows) is read whole when the cache starts over: then a key the
// cache does not know names no record, and a new sender, thread or message costs no read at all.
// Memory is bounded: past MAX_ROWS records the cache starts over.
import type { Message, Prospect, Thread } from '../schema/model';

type Rec = { id: string; keys: string[] };

/** Rows of a table read whole when the cache starts over (a getAll of a few milliseconds). */
export const COMPLETE_MAX = 5_000;
/** Records kept across the three tables before the cache starts over. */
export const MAX_ROWS = 30_000;

export class TableCache<T extends Rec> {
  readonly rows = new Map<string, T>();
  readonly byKey = new Map<string, Set<string>>();
  /** Keys whose every record is in `rows`. */
  readonly knownKeys = new Set<string>();
  /** Ids known not to exist. */
  readonly missing = new Set<string>();
  /** Every row of the table is here: a key or id not found names nothing. */
  complete = false;

  clear(): void {
    this.rows.clear();
    this.byKey.clear();
    this.knownKeys.clear();
    this.missing.clear();
    this.complete = false;
  }

  has(key: string): boolean {
    return this.complete || this.knownKeys.has(key);
  }

  /** Ids of the records named by `key` (only meaningful when has(key)). */
  idsOf(key: string): Iterable<string> {
    return this.byKey.get(key) ?? [];
  }

  knowsId(id: string): boolean {
    return this.rows.has(id) || this.complete || this.missing.has(id);
  }

  set(row: T): void {
    this.remove(row.id);
    this.rows.set(row.id, row);
    this.missing.delete(row.id);
    for (const k of row.keys) (this.byKey.get(k) ?? this.byKey.set(k, new Set()).get(k)!).add(row.id);
  }

  remove(id: string): void {
    const old = this.rows.get(id);
    if (!old) return;
    for (const k of old.keys) this.byKey.get(k)?.delete(id);
    this.rows.delete(id);
  }

  /** A row deleted: known not to exist. */
  gone(id: string): void {
    this.remove(id);
    this.missing.add(id);
  }
}

export class IngestCache {
  readonly messages = new TableCache<Message>();
  readonly threads = new TableCache<Thread>();
  readonly prospects = new TableCache<Prospect>();
  /** Threads whose every message is in `messages`. */
  readonly threadsLoaded = new Set<string>();
  /** Message ids per thread, for the messages in the cache. */
  private readonly byThread = new Map<string, Set<string>>();
  /** The revision counter the cached records reflect; null: nothing is trusted. */
  rev: number | null = null;
  /** How often the cache was emptied because the counter moved (tests, the bench). */
  invalidations = 0;

  clear(): void {
    this.messages.clear();
    this.threads.clear();
    this.prospects.clear();
    this.threadsLoaded.clear();
    this.byThread.clear();
    this.rev = null;
  }

  /** Whether the cache may be used at revision `rev`; empties it when it may not. */
  trust(rev: number): boolean {
    if (this.rev === rev) return true;
    if (this.rev !== null) this.invalidations++;
    this.clear();
    return false;
  }

  /** Messages of a thread whose messages are all here (else undefined). */
  messagesOfThread(threadId: string): Message[] | undefined {
    if (!this.threadsLoaded.has(threadId) && !this.messages.complete) return undefined;
    return [...(this.byThread.get(threadId) ?? [])].map((id) => this.messages.rows.get(id)!).filter(Boolean);
  }

  setMessage(m: Message): void {
    const old = this.messages.rows.get(m.id);
    if (old) this.byThread.get(old.threadId)?.delete(m.id);
    this.messages.set(m);
    (this.byThread.get(m.threadId) ?? this.byThread.set(m.threadId, new Set()).get(m.threadId)!).add(m.id);
  }

  removeMessage(id: string): void {
    const old = this.messages.rows.get(id);
    if (old) this.byThread.get(old.threadId)?.delete(id);
    this.messages.gone(id);
  }

  size(): number {
    return this.messages.rows.size + this.threads.rows.size + this.prospects.rows.size;
  }

  /** Starts over when it grew past its bound (next batch reads what it needs again). */
  bound(): void {
    if (this.size() > MAX_ROWS) this.clear();
  }
}
