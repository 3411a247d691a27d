// A unit of work over the database for one ingestion batch. Every IndexedDB request from a
// service worker costs about a millisecond of IPC, so a batch loads what it will need in a few
// bulk queries, works in memory, and writes everything back in ONE short read-write
// transaction at the end.
//
// Why not one long transaction around the whole batch: Dexie keeps a transaction alive across
// `await`s only while every awaited promise is a Dexie one; awaiting many in-memory cache hits
// loses the transaction zone (PrematureCommitError). So reads happen outside, and the commit
// checks, optimistically, that nothing it read has changed meanwhile (a side panel edit): if it
// has, the commit throws ConflictError and the caller runs the batch again on fresh data.
import Dexie from 'dexie';
import type { SidelogDb } from '../db/db';
import type { HealthEvent } from '../schema/events';
import type { Company, MergeRecord, Message, Prospect, Thread } from '../schema/model';
import { summarizeThread } from '../records/summary';
import { listingTheirProspects } from '../records/prospect-messages';
import { REV_KEY, revisionOf } from '../db/revision';
import { COMPLETE_MAX, type IngestCache, type TableCache } from './key-cache';
import { healthKey } from './stats';

const toRev = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

type Rec = { id: string; keys: string[] };

export class ConflictError extends Error {
  constructor(what: string) {
    super(`changed while ingesting: ${what}`);
  }
}

class Cache<T extends Rec> {
  /** id → record, or null when deleted in this unit of work. */
  readonly rows = new Map<string, T | null>();
  readonly byKey = new Map<string, Set<string>>();
  /** Keys whose every record is in `rows` (queried once; all later writes go through here). */
  readonly knownKeys = new Set<string>();
  readonly dirty = new Set<string>();
  /** Ids looked up and not found in the database. */
  readonly missing = new Set<string>();
  /** The record as read from the database (JSON), to detect concurrent changes at commit. */
  readonly original = new Map<string, string>();

  add(row: T): T {
    const cur = this.rows.get(row.id);
    if (cur !== undefined) return cur ?? row; // memory wins over what the database returned
    this.rows.set(row.id, row);
    this.original.set(row.id, JSON.stringify(row));
    this.index(row);
    return row;
  }

  private index(row: T) {
    for (const k of row.keys) (this.byKey.get(k) ?? this.byKey.set(k, new Set()).get(k)!).add(row.id);
  }

  put(row: T): void {
    const old = this.rows.get(row.id);
    if (old) for (const k of old.keys) this.byKey.get(k)?.delete(row.id);
    this.rows.set(row.id, row);
    this.index(row);
    this.dirty.add(row.id);
  }

  delete(id: string): void {
    const old = this.rows.get(id);
    if (old) for (const k of old.keys) this.byKey.get(k)?.delete(id);
    this.rows.set(id, null);
    this.dirty.add(id);
  }

  live(): T[] {
    return [...this.rows.values()].filter((r): r is T => r !== null);
  }
}

export class WorkingSet {
  readonly messages = new Cache<Message>();
  readonly threads = new Cache<Thread>();
  readonly prospects = new Cache<Prospect>();
  /** Health reports, written with the commit so a retried batch does not count them twice. */
  readonly health: HealthEvent[] = [];
  /** Merge log entries of folds made in this unit (lib/records/prospect-merge.ts), written with the commit. */
  readonly merges: MergeRecord[] = [];
  /** Companies read or written in this unit (company pages are rare: no conflict check). */
  private readonly companyRows = new Map<string, Company | null>();
  private readonly companyDirty = new Set<string>();
  /** Threads whose full message list is in memory. */
  private readonly threadsLoaded = new Set<string>();
  /** Threads to re-summarise at commit. */
  private readonly touchedThreads = new Set<string>();

  /** The revision counter when the preload read (lib/db/revision.ts). */
  private preloadRev: number | null = null;
  /**
   * The preload took everything from the key cache without reading the counter (fromCacheAlone):
   * the commit checks the counter is still the cache's, and a moved one reruns the unit.
   */
  private optimistic = false;

  /** `cache`: the background's key cache, kept between batches (key-cache.ts). */
  constructor(
    readonly db: SidelogDb,
    private readonly cache?: IngestCache,
  ) {}

  /**
   * Loads, in ONE read transaction with every request in flight at once, all records the batch
   * can name: messages, threads and prospects by their keys, threads by id, and the messages of
   * every thread found. Outside a transaction each read would open one of its own.
   */
  async preload(keys: {
    messages: string[];
    threads: string[];
    prospects: string[];
    threadIds: string[];
  }): Promise<void> {
    // Native index.getAll per key on the transaction Dexie opened: one request each, all in
    // flight at once, without Dexie's per-query machinery (measurable at 100+ keys per batch).
    const byIndexKeys = <T>(store: string, ks: string[]) =>
      new Dexie.Promise<T[][]>((resolve, reject) => {
        const out: T[][] = new Array(ks.length);
        if (!ks.length) return resolve(out);
        const idx = Dexie.currentTransaction.idbtrans.objectStore(store).index('keys');
        let left = ks.length;
        ks.forEach((k, i) => {
          const req = idx.getAll(k);
          req.onsuccess = () => {
            out[i] = req.result as T[];
            if (--left === 0) resolve(out);
          };
          req.onerror = () => reject(req.error);
        });
      });
    if (this.fromCacheAlone(keys)) return;
    const { db, cache } = this;
    const uniq = (xs: string[]) => [...new Set(xs)];
    let mk: string[] = [];
    let tk: string[] = [];
    let pk: string[] = [];
    let tid: string[] = [];
    /** Threads whose messages come from the key cache. */
    const cachedThreads: string[] = [];
    // Only Dexie promises inside the scope (Dexie.Promise.all, .then): the transaction stays alive.
    const [msgs, threads, prospects, byId, threadMsgs] = await db.transaction(
      'r',
      [db.messages, db.threads, db.prospects, db.meta],
      () =>
        db.meta.get(REV_KEY).then((revRow) => {
          const rev = toRev(revRow?.value);
          this.preloadRev = rev;
          // The key cache, if the counter says nothing else wrote since it was filled.
          const trusted = cache?.trust(rev) ?? false;
          const fromCache = <T extends Rec>(ws: Cache<T>, tc: TableCache<T> | undefined, ks: string[]) =>
            uniq(ks).filter((k) => {
              if (ws.knownKeys.has(k)) return false;
              if (!trusted || !tc?.has(k)) return true;
              for (const id of tc.idsOf(k)) ws.add(tc.rows.get(id)!);
              ws.knownKeys.add(k);
              return false;
            });
          mk = fromCache(this.messages, cache?.messages, keys.messages);
          tk = fromCache(this.threads, cache?.threads, keys.threads);
          pk = fromCache(this.prospects, cache?.prospects, keys.prospects);
          tid = uniq(keys.threadIds).filter((id) => {
            if (this.threads.rows.has(id) || this.threads.missing.has(id)) return false;
            if (!trusted || !cache!.threads.knowsId(id)) return true;
            const row = cache!.threads.rows.get(id);
            if (row) this.threads.add(row);
            else this.threads.missing.add(id);
            return false;
          });
          // When the cache starts over, tables small enough are read whole (see key-cache.ts).
          const whole = <T>(table: { count(): PromiseLike<number>; toArray(): PromiseLike<T[]> }) =>
            cache && !trusted
              ? table.count().then((n) => (n <= COMPLETE_MAX ? table.toArray() : null))
              : Dexie.Promise.resolve(null);
          const wm = whole(db.messages);
          const wt = whole(db.threads);
          const wp = whole(db.prospects);
          const m = byIndexKeys<Message>('messages', mk);
          const t = byIndexKeys<Thread>('threads', tk);
          const p = byIndexKeys<Prospect>('prospects', pk);
          const b = db.threads.bulkGet(tid);
          const tm = Dexie.Promise.all([m, t, b]).then(([mm, tt, bb]) => {
            const ids = new Set<string>();
            for (const rows of mm) for (const r of rows) ids.add(r.threadId);
            for (const rows of tt) for (const r of rows) ids.add(r.id);
            for (const r of bb) if (r) ids.add(r.id);
            for (const r of this.threads.rows.values()) if (r) ids.add(r.id);
            for (const r of this.messages.rows.values()) if (r) ids.add(r.threadId);
            const toRead: string[] = [];
            for (const id of ids) {
              const known = trusted ? cache!.messagesOfThread(id) : undefined;
              if (known) {
                for (const r of known) this.messages.add(r);
                cachedThreads.push(id);
              } else toRead.push(id);
            }
            return db.messages
              .where('threadId')
              .anyOf(toRead)
              .toArray()
              .then((rows) => ({ rows, ids: toRead }));
          });
          return Dexie.Promise.all([m, t, p, b, tm, wm, wt, wp]).then(([mm, tt, pp, bb, tmm, ...all]) => {
            if (cache) this.fillWhole(rev, all as [Message[] | null, Thread[] | null, Prospect[] | null]);
            return [mm, tt, pp, bb, tmm] as const;
          });
        }),
    );
    for (const rows of msgs) for (const r of rows) this.messages.add(r);
    for (const rows of threads) for (const r of rows) this.threads.add(r);
    for (const rows of prospects) for (const r of rows) this.prospects.add(r);
    byId.forEach((r, i) => (r ? this.threads.add(r) : this.threads.missing.add(tid[i])));
    for (const r of threadMsgs.rows) this.messages.add(r);
    for (const k of mk) this.messages.knownKeys.add(k);
    for (const k of tk) this.threads.knownKeys.add(k);
    for (const k of pk) this.prospects.knownKeys.add(k);
    for (const id of threadMsgs.ids) this.threadsLoaded.add(id);
    for (const id of cachedThreads) this.threadsLoaded.add(id);
    // A thread that does not exist has no messages yet: nothing to load for it later.
    for (const id of this.threads.missing) this.threadsLoaded.add(id);
  }

  /**
   * The preload without a transaction: when the key cache holds every record the batch names
   * (and every message of their threads), as of the counter value it recorded at its last commit,
   * they are taken from it unverified, and the commit verifies instead: it reads the counter in
   * its own transaction, and if another page wrote meanwhile (the counter moved) it throws
   * ConflictError before anything commits; the unit then runs again with the key cache emptied,
   * through the preload's read transaction. Saves one transaction per batch in a burst.
   */
  private fromCacheAlone(keys: { messages: string[]; threads: string[]; prospects: string[]; threadIds: string[] }) {
    const cache = this.cache;
    if (!cache || cache.rev === null) return false;
    const all = <T extends Rec>(tc: TableCache<T>, ks: string[]) => ks.every((k) => tc.has(k));
    if (
      !all(cache.messages, keys.messages) ||
      !all(cache.threads, keys.threads) ||
      !all(cache.prospects, keys.prospects)
    )
      return false;
    if (!keys.threadIds.every((id) => cache.threads.knowsId(id))) return false;
    const threadIds = new Set<string>();
    for (const k of keys.messages)
      for (const id of cache.messages.idsOf(k)) threadIds.add(cache.messages.rows.get(id)!.threadId);
    for (const k of keys.threads) for (const id of cache.threads.idsOf(k)) threadIds.add(id);
    for (const id of keys.threadIds) if (cache.threads.rows.has(id)) threadIds.add(id);
    const threadMessages: Message[][] = [];
    for (const id of threadIds) {
      const known = cache.messagesOfThread(id);
      if (!known) return false;
      threadMessages.push(known);
    }
    const take = <T extends Rec>(ws: Cache<T>, tc: TableCache<T>, ks: string[]) => {
      for (const k of ks) {
        if (ws.knownKeys.has(k)) continue;
        for (const id of tc.idsOf(k)) ws.add(tc.rows.get(id)!);
        ws.knownKeys.add(k);
      }
    };
    take(this.messages, cache.messages, keys.messages);
    take(this.threads, cache.threads, keys.threads);
    take(this.prospects, cache.prospects, keys.prospects);
    for (const id of keys.threadIds) {
      const row = cache.threads.rows.get(id);
      if (row) this.threads.add(row);
      else this.threads.missing.add(id);
    }
    for (const rows of threadMessages) for (const m of rows) this.messages.add(m);
    for (const id of threadIds) this.threadsLoaded.add(id);
    for (const id of this.threads.missing) this.threadsLoaded.add(id);
    this.preloadRev = cache.rev;
    this.optimistic = true;
    return true;
  }

  /** Tables read whole at revision `rev` fill the key cache, marked complete. */
  private fillWhole(
    rev: number,
    [messages, threads, prospects]: [Message[] | null, Thread[] | null, Prospect[] | null],
  ): void {
    const cache = this.cache!;
    if (!messages && !threads && !prospects) return;
    cache.rev = rev;
    if (messages) {
      for (const m of messages) cache.setMessage(m);
      cache.messages.complete = true;
    }
    if (threads) {
      for (const t of threads) cache.threads.set(t);
      cache.threads.complete = true;
    }
    if (prospects) {
      for (const p of prospects) cache.prospects.set(p);
      cache.prospects.complete = true;
    }
  }

  /**
   * After a commit that found the counter where the preload read it: everything this unit read
   * is current, and with its writes it is the database at revision `rev`. The key cache takes it.
   */
  private absorb(rev: number): void {
    const cache = this.cache;
    if (!cache) return;
    if (cache.rev !== this.preloadRev) cache.clear();
    for (const [id, m] of this.messages.rows) {
      if (m) cache.setMessage(m);
      else cache.removeMessage(id);
    }
    for (const [id, t] of this.threads.rows) {
      if (t) cache.threads.set(t);
      else cache.threads.gone(id);
    }
    for (const [id, p] of this.prospects.rows) {
      if (p) cache.prospects.set(p);
      else cache.prospects.gone(id);
    }
    for (const id of this.threads.missing) if (!this.threads.rows.get(id)) cache.threads.missing.add(id);
    for (const k of this.messages.knownKeys) cache.messages.knownKeys.add(k);
    for (const k of this.threads.knownKeys) cache.threads.knownKeys.add(k);
    for (const k of this.prospects.knownKeys) cache.prospects.knownKeys.add(k);
    for (const id of this.threadsLoaded) cache.threadsLoaded.add(id);
    cache.rev = rev;
    cache.bound();
  }

  private async byKeys<T extends Rec>(
    cache: Cache<T>,
    table: { where(i: string): { equals(k: string): { toArray(): PromiseLike<T[]> } } },
    keys: string[],
  ): Promise<T[]> {
    const unknown = [...new Set(keys)].filter((k) => !cache.knownKeys.has(k));
    if (unknown.length) {
      // One `equals` request per key, all in flight at once: IndexedDB pipelines them, where
      // `anyOf` walks one cursor with a round trip per key.
      const found = await Promise.all(unknown.map((k) => table.where('keys').equals(k).toArray()));
      for (const rows of found) for (const r of rows) cache.add(r);
      for (const k of unknown) cache.knownKeys.add(k);
    }
    const ids = new Set<string>();
    for (const k of keys) for (const id of cache.byKey.get(k) ?? []) ids.add(id);
    return [...ids].map((id) => cache.rows.get(id)).filter((r): r is T => !!r);
  }

  messagesByKeys = (keys: string[]) => this.byKeys(this.messages, this.db.messages, keys);
  threadsByKeys = (keys: string[]) => this.byKeys(this.threads, this.db.threads, keys);
  prospectsByKeys = (keys: string[]) => this.byKeys(this.prospects, this.db.prospects, keys);

  private async getById<T extends Rec>(
    cache: Cache<T>,
    table: { bulkGet(ids: string[]): PromiseLike<(T | undefined)[]> },
    ids: string[],
  ): Promise<void> {
    const todo = [...new Set(ids)].filter((id) => !cache.rows.has(id) && !cache.missing.has(id));
    if (!todo.length) return;
    const rows = await table.bulkGet(todo);
    rows.forEach((r, i) => (r ? cache.add(r) : cache.missing.add(todo[i])));
  }

  async getThread(id: string): Promise<Thread | undefined> {
    await this.getById(this.threads, this.db.threads, [id]);
    return this.threads.rows.get(id) ?? undefined;
  }

  async getProspect(id: string): Promise<Prospect | undefined> {
    await this.getById(this.prospects, this.db.prospects, [id]);
    return this.prospects.rows.get(id) ?? undefined;
  }

  private async loadThreadMessages(ids: string[]): Promise<void> {
    const todo = ids.filter((id) => !this.threadsLoaded.has(id));
    if (!todo.length) return;
    for (const m of await this.db.messages.where('threadId').anyOf(todo).toArray()) this.messages.add(m);
    for (const id of todo) this.threadsLoaded.add(id);
  }

  async messagesOfThread(threadId: string): Promise<Message[]> {
    await this.loadThreadMessages([threadId]);
    return this.messages.live().filter((m) => m.threadId === threadId);
  }

  /**
   * Messages of a prospect (rare: merges and retractions), memory overriding the database: those
   * of the threads that list the prospect (lib/records/prospect-messages.ts), and any in memory.
   */
  async messagesOfProspect(prospectId: string): Promise<Message[]> {
    await this.loadThreadMessages((await this.threadsOfProspect(prospectId)).map((t) => t.id));
    return this.messages.live().filter((m) => m.prospectId === prospectId);
  }

  async threadsOfProspect(prospectId: string): Promise<Thread[]> {
    for (const t of await this.db.threads.where('prospectIds').equals(prospectId).toArray()) this.threads.add(t);
    return this.threads.live().filter((t) => t.prospectIds.includes(prospectId));
  }

  putMessage(m: Message): void {
    const old = this.messages.rows.get(m.id);
    if (old && old.threadId !== m.threadId) this.touchedThreads.add(old.threadId);
    this.messages.put(m);
    this.touchedThreads.add(m.threadId);
  }

  deleteMessage(id: string): void {
    const old = this.messages.rows.get(id);
    if (old) this.touchedThreads.add(old.threadId);
    this.messages.delete(id);
  }

  putThread(t: Thread): void {
    this.threads.put(t);
  }

  deleteThread(id: string): void {
    this.threads.delete(id);
    this.touchedThreads.delete(id);
  }

  putProspect(p: Prospect): void {
    this.prospects.put(p);
  }

  deleteProspect(id: string): void {
    this.prospects.delete(id);
  }

  /** Companies that share any of `keys` (lib/prospects/company.ts). */
  async companiesByKeys(keys: string[]): Promise<Company[]> {
    if (!keys.length) return [];
    for (const c of await this.db.companies.where('keys').anyOf(keys).toArray())
      if (!this.companyRows.has(c.id)) this.companyRows.set(c.id, c);
    return [...this.companyRows.values()].filter((c): c is Company => !!c && c.keys.some((k) => keys.includes(k)));
  }

  putCompany(c: Company): void {
    this.companyRows.set(c.id, c);
    this.companyDirty.add(c.id);
  }

  deleteCompany(id: string): void {
    this.companyRows.set(id, null);
    this.companyDirty.add(id);
  }

  /** Prospects whose current company has any of `keys`, memory overriding the database. */
  async prospectsByCompanyKeys(keys: string[]): Promise<Prospect[]> {
    if (!keys.length) return [];
    for (const p of await this.db.prospects.where('companyKeys').anyOf(keys).toArray()) this.prospects.add(p);
    return this.prospects.live().filter((p) => (p.companyKeys ?? []).some((k) => keys.includes(k)));
  }

  /** Marks a thread for re-summarising at commit (a manual change to its messages). */
  touchThread(id: string): void {
    this.touchedThreads.add(id);
  }

  /**
   * Re-summarises touched threads (deleting emptied ones), each listing every prospect its
   * messages name (how a prospect's messages are found: lib/records/prospect-messages.ts), then
   * commits everything at once.
   */
  async commit(now: number): Promise<void> {
    await this.loadThreadMessages([...this.touchedThreads]);
    await this.getById(this.threads, this.db.threads, [...this.touchedThreads]);
    for (const id of this.touchedThreads) {
      const t = this.threads.rows.get(id);
      if (!t) continue;
      const msgs = this.messages.live().filter((m) => m.threadId === id);
      if (msgs.length === 0) this.threads.delete(id);
      else this.threads.put({ ...listingTheirProspects(t, msgs), summary: summarizeThread(msgs), updatedAt: now });
    }
    const { db } = this;
    const changes = [
      { cache: this.messages as Cache<Rec>, table: db.messages },
      { cache: this.threads as Cache<Rec>, table: db.threads },
      { cache: this.prospects as Cache<Rec>, table: db.prospects },
    ].map(({ cache, table }) => {
      const ids = [...cache.dirty];
      return {
        cache,
        table,
        ids,
        puts: ids.map((id) => cache.rows.get(id)).filter((r): r is Rec => !!r),
        dels: ids.filter((id) => cache.rows.get(id) === null),
      };
    });
    if (
      changes.every((c) => c.ids.length === 0) &&
      this.health.length === 0 &&
      this.merges.length === 0 &&
      this.companyDirty.size === 0
    )
      return;
    let revAfter: number | null = null;
    const companyPuts = [...this.companyDirty].map((id) => this.companyRows.get(id)).filter((c): c is Company => !!c);
    const companyDels = [...this.companyDirty].filter((id) => this.companyRows.get(id) === null);
    // Only Dexie promises are awaited in here, so the transaction stays alive to the end.
    await db.transaction('rw', [db.messages, db.threads, db.prospects, db.meta, db.companies, db.merges], async () => {
      // Records read from the database must be unchanged. Records this unit creates were looked
      // up (by key or id) and found absent; a concurrent creator (an import) only fills holes, so
      // writing ours over it loses nothing: they need no check. All requests go out at once
      // (Dexie.Promise.all keeps the transaction's zone); IndexedDB runs them in order.
      // The counter unchanged since the preload: no thread or prospect was written meanwhile (every
      // write of them moves it, lib/db/revision.ts), so only the messages need the check.
      if (this.optimistic) {
        // Everything at once: the counter, the stored copies of the messages to check, and the
        // writes, in that order (IndexedDB runs a transaction's requests in order, so the reads
        // see the database before the writes). A moved counter or a changed message throws
        // before the transaction commits: the writes are aborted with it.
        const m = changes[0];
        const ids = m.ids.filter((id) => m.cache.original.has(id));
        const revRow = db.meta.get(REV_KEY);
        const current = ids.length ? db.messages.bulkGet(ids) : Dexie.Promise.resolve([]);
        const writes = this.write(changes);
        writes.then(undefined, () => undefined); // awaited below unless the check throws
        const [row, rows] = await Dexie.Promise.all([revRow, current]);
        if (toRev(row?.value) !== this.preloadRev) {
          if (this.cache) this.cache.invalidations++;
          throw new ConflictError('another page wrote (revision counter)');
        }
        ids.forEach((id, j) => {
          if (m.cache.original.get(id) !== (rows[j] ? JSON.stringify(rows[j]) : undefined))
            throw new ConflictError(`messages ${id}`);
        });
        await writes;
        await this.writeRest(companyPuts, companyDels, now);
        // The counter the middleware left, else (no thread or prospect written) read.
        revAfter = revisionOf(Dexie.currentTransaction.idbtrans) ?? toRev((await db.meta.get(REV_KEY))?.value);
        return;
      }
      const before = toRev((await db.meta.get(REV_KEY))?.value);
      const unmoved = before === this.preloadRev;
      const reads = changes.map((c) =>
        unmoved && c.table !== db.messages ? [] : c.ids.filter((id) => c.cache.original.has(id)),
      );
      const current = (await Dexie.Promise.all(
        changes.map((c, i): PromiseLike<unknown[]> =>
          reads[i].length ? c.table.bulkGet(reads[i]) : Dexie.Promise.resolve([]),
        ),
      )) as unknown[][];
      changes.forEach((c, i) =>
        reads[i].forEach((id, j) => {
          const now = current[i][j] ? JSON.stringify(current[i][j]) : undefined;
          if (c.cache.original.get(id) !== now) throw new ConflictError(`${c.table.name} ${id}`);
        }),
      );
      await this.write(changes);
      await this.writeRest(companyPuts, companyDels, now);
      if (unmoved) revAfter = toRev((await db.meta.get(REV_KEY))?.value);
    });
    // Not unmoved: what this unit only read may be older than the database; the cache starts over.
    if (revAfter !== null) this.absorb(revAfter);
    else this.cache?.clear();
  }

  /**
   * The messages, threads and prospects written and deleted, all requests issued at once. Threads
   * and prospects first: the revision middleware reads its counter before it sends their rows, and
   * the messages' rows, sent meanwhile, keep IndexedDB busy while that read comes back.
   */
  private write(
    changes: { table: { bulkDelete(ids: string[]): PromiseLike<unknown> }; puts: Rec[]; dels: string[] }[],
  ) {
    const [messages, ...rest] = changes;
    return Dexie.Promise.all(
      [...rest, messages].flatMap((c) => [
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EntityTable insert types differ per table
        c.puts.length ? (c.table as any).bulkPut(c.puts) : null,
        c.dels.length ? c.table.bulkDelete(c.dels) : null,
      ]),
    );
  }

  /** Merge log entries, companies and health counters of the unit (inside the commit's transaction). */
  private async writeRest(companyPuts: Company[], companyDels: string[], now: number): Promise<void> {
    const { db } = this;
    if (this.merges.length) await db.merges.bulkPut(this.merges);
    if (companyPuts.length) await db.companies.bulkPut(companyPuts);
    if (companyDels.length) await db.companies.bulkDelete(companyDels);
    for (const ev of this.health) {
      const key = healthKey(ev.channel, ev.layer);
      const cur = ((await db.meta.get(key))?.value as HealthCounters | undefined) ?? {
        recognised: 0,
        failed: 0,
        lastError: null,
        lastAt: null,
        lastFailedAt: null,
      };
      await db.meta.put({
        key,
        value: {
          recognised: cur.recognised + ev.recognised,
          failed: cur.failed + ev.failed,
          lastError: ev.lastError ?? cur.lastError,
          lastAt: now,
          lastFailedAt: ev.failed > 0 ? now : cur.lastFailedAt,
        } satisfies HealthCounters,
      });
    }
  }
}

export interface HealthCounters {
  recognised: number;
  failed: number;
  lastError: string | null;
  lastAt: number | null;
  lastFailedAt: number | null;
}
