// Change tracking for threads and prospects, at the database layer: whichever code writes them
// (ingestion, import, panel edits, an upgrade), each written row carries `rev`, the next value of a
// counter kept in `meta`, and each deleted row leaves a tombstone with its own rev. A consumer that
// keeps a snapshot built at rev R asks `changesSince(db, R)` for exactly what changed after it.
//
// How (a Dexie DBCore middleware, registered by openDb()):
// - A read-write transaction over threads or prospects also gets `meta` in its IndexedDB scope, so
//   the counter and the tombstones commit (or roll back) with the rows.
// - The counter is read once per transaction and then kept in memory, on a per-transaction queue:
//   several writes in flight in one transaction (Dexie.Promise.all of two bulkPuts) each get their
//   own range of revs. Each write call (not each row) costs one extra put of the counter.
// - Writes to threads and prospects wait for that queue, so they are sent to IndexedDB in the order
//   they were issued; reads of those tables in a read-write transaction that has such writes wait
//   for the queue too, so a read issued after a write still sees it.
// - Deletions by key (delete, bulkDelete, Collection.delete) and by primary-key range record one
//   tombstone per key; clear() records none and moves the floor instead (everyone rebuilds).
// - Upgrade (versionchange) transactions are stamped too: a schema upgrade that rewrites rows
//   hands out revs like any other write. Readonly transactions are not touched.
// - Revs may have gaps (a row that failed in a bulk write outside a transaction keeps its rev
//   unused); they only ever grow.
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type EntityTable,
  type Middleware,
} from 'dexie';
import type { Prospect, Thread } from '../schema/model';

/** Threads and prospects as stored: the middleware stamps `rev` on every write. */
export type Stamped<T> = T & { rev?: number };

/**
 * The tables this module reads. lib/db/db.ts's SidelogDb has them; they are named here, not
 * imported from there, because db.ts imports this module (its middleware): no cycle.
 */
type RevDb = Dexie & {
  threads: EntityTable<Stamped<Thread>, 'id'>;
  prospects: EntityTable<Stamped<Prospect>, 'id'>;
  meta: EntityTable<{ key: string; value: unknown }, 'key'>;
};

/** Tables whose rows carry `rev`. */
export const REV_TABLES = ['threads', 'prospects'] as const;
export type RevTable = (typeof REV_TABLES)[number];
const TRACKED: ReadonlySet<string> = new Set(REV_TABLES);

/** meta keys */
export const REV_KEY = 'rev';
export const TOMBSTONES_KEY = 'tombstones';
/** Tombstones kept; older ones are dropped and `floor` says up to which rev they are gone. */
export const MAX_TOMBSTONES = 5_000;

export interface Tombstones {
  /** Tombstones with rev <= floor may have been dropped: a consumer at an older rev must rebuild. */
  floor: number;
  /** Oldest first. */
  items: [rev: number, table: RevTable, id: string][];
}

export interface Changes {
  /** The counter when read: pass it as `since` next time. */
  rev: number;
  /** Rows written after `since` (they include their `rev`). */
  threads: Stamped<Thread>[];
  prospects: Stamped<Prospect>[];
  /** Ids deleted after `since` and not present now (a row deleted and re-created is in the lists above only). */
  deletedThreads: string[];
  deletedProspects: string[];
}

const META = 'meta';
const P = Dexie.Promise;
type Thenable<T> = PromiseLike<T>;

/** What one read-write transaction knows about the counter and tombstones. */
interface TxState {
  /** Counter value (highest rev handed out), once read. */
  counter: number;
  tombstones: Tombstones | undefined;
  /** Resolves when every tracked write issued so far has been sent to IndexedDB. */
  tail: Thenable<void>;
}

const toNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function toTombstones(v: unknown): Tombstones {
  const t = v as Partial<Tombstones> | undefined;
  return { floor: toNumber(t?.floor), items: Array.isArray(t?.items) ? [...t.items] : [] };
}

function failIfFailed(res: DBCoreMutateResponse, what: string): void {
  if (res.numFailures) throw res.failures[0] ?? new Error(`sidelog-rev: writing ${what} failed`);
}

/** Per read-write transaction that wrote threads or prospects: its state (for revisionOf). */
const counters = new WeakMap<object, TxState>();

/**
 * The counter as a read-write transaction leaves it, once every write it issued to threads and
 * prospects has completed (what a `meta.get(REV_KEY)` issued then would read, without the request);
 * undefined when it wrote none. `trans`: the IndexedDB transaction (Dexie's `idbtrans`).
 */
export function revisionOf(trans: object): number | undefined {
  return counters.get(trans)?.counter;
}

function createRevisionCore(down: DBCore): Partial<DBCore> {
  // Without a meta table (not a Sidelog schema) there is nothing to do.
  if (!down.schema.tables.some((t) => t.name === META)) return {};
  const states = new WeakMap<DBCoreTransaction, TxState>();
  let metaTable: DBCoreTable | undefined;
  const meta = () => (metaTable ??= down.table(META));

  const isWrite = (trans: DBCoreTransaction) => {
    const mode = (trans as unknown as IDBTransaction).mode;
    return mode === 'readwrite' || mode === 'versionchange';
  };

  function stateOf(trans: DBCoreTransaction): TxState {
    let st = states.get(trans);
    if (!st) {
      const fresh: TxState = { counter: 0, tombstones: undefined, tail: P.resolve() };
      fresh.tail = abortOnFailure(
        trans,
        P.resolve(meta().get({ trans, key: REV_KEY })).then((row: { value?: unknown } | undefined) => {
          fresh.counter = toNumber(row?.value);
        }),
      );
      st = fresh;
      states.set(trans, st);
      counters.set(trans, st);
    }
    return st;
  }

  /**
   * Runs `step` once every earlier step of this transaction has issued its requests; the next step
   * waits only for this one to *issue* its requests (IndexedDB runs them in order), not to finish.
   */
  function enqueue<T>(st: TxState, step: () => Thenable<T>): Thenable<T> {
    let issued!: () => void;
    const next = new P<void>((resolve) => (issued = resolve));
    const prev = st.tail;
    st.tail = next;
    return prev.then(
      () => {
        try {
          return step();
        } finally {
          issued();
        }
      },
      (err) => {
        issued();
        throw err;
      },
    );
  }

  /** Reads the tombstones into the state (once per transaction), in queue order. */
  function loadTombstones(st: TxState, trans: DBCoreTransaction): void {
    if (st.tombstones) return;
    const prev = st.tail;
    st.tail = prev.then(() =>
      abortOnFailure(
        trans,
        P.resolve(meta().get({ trans, key: TOMBSTONES_KEY })).then((row: { value?: unknown } | undefined) => {
          st.tombstones ??= toTombstones(row?.value);
        }),
      ),
    );
  }

  function putMeta(trans: DBCoreTransaction, key: string, value: unknown): Thenable<void> {
    return abortOnFailure(
      trans,
      P.resolve(meta().mutate({ trans, type: 'put', values: [{ key, value }] })).then((res) =>
        failIfFailed(res, `meta ${key}`),
      ),
    );
  }

  /**
   * Rows must never commit with revs the counter does not cover (a later transaction would hand
   * out the same revs): when reading or writing the counter or tombstones fails, the whole
   * transaction is aborted, even if the caller catches the error.
   */
  function abortOnFailure<T>(trans: DBCoreTransaction, p: Thenable<T>): Thenable<T> {
    return p.then(undefined, (err: unknown) => {
      try {
        trans.abort();
      } catch {
        // already finished or aborting
      }
      throw err;
    });
  }

  /** Issues the meta writes and the row write together; resolves with the row write's response. */
  function withMeta(
    metaWrites: Thenable<void>[],
    rowWrite: Thenable<DBCoreMutateResponse>,
  ): Thenable<DBCoreMutateResponse> {
    return P.all<unknown>([...metaWrites, rowWrite]).then((all) => all[all.length - 1] as DBCoreMutateResponse);
  }

  function stampTable(tableName: RevTable, table: DBCoreTable): DBCoreTable {
    const { extractKey } = table.schema.primaryKey;

    function put(
      st: TxState,
      req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>,
    ): Thenable<DBCoreMutateResponse> {
      const first = st.counter + 1;
      st.counter += req.values.length;
      const revByKey = new Map<unknown, number>();
      const values = req.values.map((v: unknown, i) => {
        if (v === null || typeof v !== 'object') return v;
        const stamped = { ...(v as object), rev: first + i };
        if (extractKey) revByKey.set(extractKey(stamped), first + i);
        return stamped;
      });
      const stampedReq = { ...req, values } as typeof req;
      if (stampedReq.type === 'put') {
        // Collection.modify() describes its change once for all rows (criteria + changeSpec); with a
        // rev per row that no longer describes what is written, so the values alone say it.
        delete stampedReq.criteria;
        delete stampedReq.changeSpec;
        // Table.update/upsert/bulkUpdate describe a change per key: add each row's rev to it.
        if (stampedReq.updates) {
          const { keys, changeSpecs } = stampedReq.updates;
          stampedReq.updates = {
            keys,
            changeSpecs: changeSpecs.map((spec, i) => {
              const rev = revByKey.get(keys[i]);
              return rev === undefined ? spec : { ...spec, rev };
            }),
          };
        }
      }
      return withMeta([putMeta(req.trans, REV_KEY, st.counter)], table.mutate(stampedReq));
    }

    /** Records a tombstone per key (each with its own rev), then issues the delete request. */
    function del(
      st: TxState,
      keys: readonly unknown[],
      req: Extract<DBCoreMutateRequest, { type: 'delete' | 'deleteRange' }>,
    ): Thenable<DBCoreMutateResponse> {
      const tomb = st.tombstones!;
      for (const key of keys) tomb.items.push([++st.counter, tableName, key as string]);
      if (tomb.items.length > MAX_TOMBSTONES) {
        const dropped = tomb.items.splice(0, tomb.items.length - MAX_TOMBSTONES);
        tomb.floor = Math.max(tomb.floor, dropped[dropped.length - 1][0]);
      }
      return withMeta(
        [
          putMeta(req.trans, REV_KEY, st.counter),
          putMeta(req.trans, TOMBSTONES_KEY, { floor: tomb.floor, items: tomb.items }),
        ],
        table.mutate(req),
      );
    }

    /** clear(): which rows went is not recorded; consumers at any earlier rev rebuild. */
    function clear(
      st: TxState,
      req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>,
    ): Thenable<DBCoreMutateResponse> {
      const tomb = st.tombstones!;
      tomb.floor = ++st.counter;
      tomb.items = [];
      return withMeta(
        [
          putMeta(req.trans, REV_KEY, st.counter),
          putMeta(req.trans, TOMBSTONES_KEY, { floor: tomb.floor, items: tomb.items }),
        ],
        table.mutate(req),
      );
    }

    /** Reads wait for tracked writes issued before them in the same transaction. */
    const ordered =
      <A extends { trans: DBCoreTransaction }, R>(read: (req: A) => Promise<R>) =>
      (req: A): Promise<R> => {
        const st = states.get(req.trans);
        return st ? (st.tail.then(() => read(req)) as Promise<R>) : read(req);
      };

    return {
      ...table,
      mutate(req) {
        if (!isWrite(req.trans)) return table.mutate(req);
        if (req.type === 'add' || req.type === 'put') {
          if (req.values.length === 0) return table.mutate(req);
          const st = stateOf(req.trans);
          return enqueue(st, () => put(st, req)) as Promise<DBCoreMutateResponse>;
        }
        if (req.type === 'delete') {
          if (req.keys.length === 0) return table.mutate(req);
          const st = stateOf(req.trans);
          loadTombstones(st, req.trans);
          return enqueue(st, () => del(st, req.keys, req)) as Promise<DBCoreMutateResponse>;
        }
        if (req.type === 'deleteRange') {
          if (req.range.type === 4 /* DBCoreRangeType.Never */) return table.mutate(req);
          const st = stateOf(req.trans);
          loadTombstones(st, req.trans);
          if (req.range.type === 3 /* DBCoreRangeType.Any: clear() */)
            return enqueue(st, () => clear(st, req)) as Promise<DBCoreMutateResponse>;
          // A primary-key range (Collection.delete() over where(':id')…): its keys, read in queue
          // order just before the delete, get tombstones like a bulkDelete.
          let keys: unknown[] = [];
          const { trans, range } = req;
          st.tail = st.tail.then(() =>
            abortOnFailure(
              trans,
              P.resolve(table.query({ trans, query: { index: table.schema.primaryKey, range }, values: false })).then(
                (res) => {
                  keys = res.result;
                },
              ),
            ),
          );
          return enqueue(st, () => del(st, keys, req)) as Promise<DBCoreMutateResponse>;
        }
        return table.mutate(req);
      },
      get: ordered((req) => table.get(req)),
      getMany: ordered((req) => table.getMany(req)),
      query: ordered((req) => table.query(req)),
      openCursor: ordered((req) => table.openCursor(req)),
      count: ordered((req) => table.count(req)),
    };
  }

  return {
    transaction(stores, mode, options) {
      // The counter and tombstones are written in the same transaction as the rows.
      if (mode === 'readwrite' && !stores.includes(META) && stores.some((s) => TRACKED.has(s)))
        stores = [...stores, META];
      return down.transaction(stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      return TRACKED.has(name) ? stampTable(name as RevTable, table) : table;
    },
  };
}

/**
 * The middleware. Level 1: above Dexie's observability and cache middlewares (level 0), so liveQuery
 * sees the stamped rows and the meta writes; below the hooks middleware (level 2), whose meta
 * look-up would fail in a transaction whose Dexie scope does not name `meta`.
 */
export const revisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sidelog-rev',
  level: 1,
  create: (down) => ({ ...down, ...createRevisionCore(down) }),
};

export async function currentRev(db: RevDb): Promise<number> {
  return toNumber((await db.meta.get(REV_KEY))?.value);
}

/**
 * Everything changed after `since` (exclusive), read in one readonly transaction; 'stale' if
 * tombstones newer than `since` were dropped (or the counter is behind `since`): the caller
 * rebuilds from `changesSince(db, 0)`. since = 0 returns every row and no deletions.
 */
export async function changesSince(db: RevDb, since: number): Promise<Changes | 'stale'> {
  return db.transaction('r', [db.threads, db.prospects, db.meta], () =>
    P.all([db.meta.get(REV_KEY), db.meta.get(TOMBSTONES_KEY)]).then(([revRow, tombRow]) => {
      const rev = toNumber(revRow?.value);
      const tomb = toTombstones(tombRow?.value);
      if (since > 0 && (since < tomb.floor || since > rev)) return 'stale' as const;
      const all = since <= 0;
      return P.all([
        all ? db.threads.toArray() : db.threads.where('rev').above(since).toArray(),
        all ? db.prospects.toArray() : db.prospects.where('rev').above(since).toArray(),
      ]).then(([threads, prospects]) => {
        const deleted = (table: RevTable, present: { id: string }[]) => {
          if (since <= 0) return [];
          const live = new Set(present.map((r) => r.id));
          const out = new Set<string>();
          for (const [r, t, id] of tomb.items) if (r > since && t === table && !live.has(id)) out.add(id);
          return [...out];
        };
        return {
          rev,
          threads,
          prospects,
          deletedThreads: deleted('threads', threads),
          deletedProspects: deleted('prospects', prospects),
        } satisfies Changes;
      });
    }),
  );
}
