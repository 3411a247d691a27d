// lib/ingest/key-cache.ts: the background's cache of known records between ingestion batches.
// With it, ingestion stores exactly what it stores without it; a write from another page (which
// moves the revision counter, lib/db/revision.ts) empties it, so that page's change is never
// overwritten by what the cache held.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { IngestCache } from '@/lib/ingest/key-cache';
import { makeEvents } from '../bench/lib/events';
import { T0, gmailInbound, gmailSend, settings } from './helpers/events';

const opened: SidelogDb[] = [];
let n = 0;
const open = async (name = `key-cache-${++n}`) => {
  const db = openDb(name);
  await db.open();
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const strip = (rows: Record<string, unknown>[]) => rows.map(({ rev: _r, ...r }) => r);
const contents = async (db: SidelogDb) =>
  Promise.all(
    ['messages', 'threads', 'prospects', 'companies', 'merges'].map(async (t) =>
      strip(await db.table(t).orderBy(':id').toArray()),
    ),
  );

describe('ingestion key cache', () => {
  it('stores exactly what ingestion stores without it, batch after batch', async () => {
    const [plain, cached] = [await open(), await open()];
    const cache = new IngestCache();
    const events = makeEvents(1_500, T0);
    // Batches that cut threads in two, so later batches find earlier ones' records in the cache.
    for (let i = 0; i < events.length; i += 70) {
      const batch = events.slice(i, i + 70);
      await ingestEvents({ db: plain, settings: settings(), now: () => T0 }, batch);
      await ingestEvents({ db: cached, settings: settings(), now: () => T0, cache }, batch);
    }
    expect(cache.rev).not.toBeNull();
    // The counter the cache took from the revision middleware is the stored one.
    expect(cache.rev).toBe((await cached.meta.get('rev'))?.value);
    expect(cache.messages.complete).toBe(true); // an empty database was read whole
    expect(cache.invalidations).toBe(0);
    expect(await contents(cached)).toEqual(await contents(plain));
  }, 60_000);

  it('is emptied by a write from another page, whose change survives the next batch', async () => {
    const name = `key-cache-${++n}`;
    const background = await open(name);
    const panel = await open(name); // another page: its own connection to the same database
    const cache = new IngestCache();
    const deps = { db: background, settings: settings(), now: () => T0, cache };
    await ingestEvents(deps, [gmailSend({ threadExternalId: 'thread-a:1' })]);
    const [ada] = await background.prospects.toArray();
    expect(cache.prospects.rows.get(ada.id)?.notes).toBe('');
    const revBefore = cache.rev;

    // The panel writes a note on the prospect: the counter moves.
    await panel.prospects.put({ ...(await panel.prospects.get(ada.id))!, notes: 'Called: interested, send pricing' });

    // A reply makes ingestion write the prospect again (contacted → replied).
    await ingestEvents(deps, [gmailInbound({ threadExternalId: 'thread-a:1' })]);
    expect(cache.invalidations).toBe(1);
    expect(cache.rev).toBeGreaterThan(revBefore!);
    const after = await background.prospects.get(ada.id);
    expect(after?.stage).toBe('replied');
    expect(after?.notes).toBe('Called: interested, send pricing');
    expect(cache.prospects.rows.get(ada.id)?.notes).toBe('Called: interested, send pricing');
  });

  it('without a foreign write the next batch trusts it and reads no record it holds', async () => {
    const db = await open();
    const cache = new IngestCache();
    const deps = { db, settings: settings(), now: () => T0, cache };
    await ingestEvents(deps, [gmailSend({ threadExternalId: 'thread-a:2' })]);
    // Records the cache holds are served from it: a changed copy there is what the batch sees.
    const [ada] = await db.prospects.toArray();
    // Every IndexedDB read request, by store, while the next batch runs.
    const reads: string[] = [];
    const restore: (() => void)[] = [];
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
      for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count']) {
        const orig = proto[method] as (...a: unknown[]) => unknown;
        if (typeof orig !== 'function') continue;
        proto[method] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          reads.push('objectStore' in this ? this.objectStore.name : this.name);
          return orig.apply(this, args);
        };
        restore.push(() => (proto[method] = orig));
      }
    }
    try {
      await ingestEvents(deps, [gmailInbound({ threadExternalId: 'thread-a:2' })]);
    } finally {
      restore.forEach((r) => r());
    }
    expect(reads.length).toBeGreaterThan(0); // the counter, at least
    expect(cache.invalidations).toBe(0);
    expect(reads.filter((r) => r.startsWith('prospects') || r.startsWith('threads'))).toEqual([]);
    expect((await db.prospects.get(ada.id))?.stage).toBe('replied');
  });

  it('a batch the cache holds everything for opens one transaction, its commit', async () => {
    // Dexie binds IDBDatabase.transaction when it opens: the counter goes in first.
    const modes: IDBTransactionMode[] = [];
    let recording = false;
    const orig = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...a: Parameters<IDBDatabase['transaction']>) {
      const tx = orig.apply(this, a);
      if (recording) modes.push(tx.mode);
      return tx;
    } as IDBDatabase['transaction'];
    try {
      const db = await open();
      const cache = new IngestCache();
      const deps = { db, settings: settings(), now: () => T0, cache };
      await ingestEvents(deps, [gmailSend({ threadExternalId: 'thread-a:3' })]);
      recording = true;
      await ingestEvents(deps, [gmailInbound({ threadExternalId: 'thread-a:3' })]);
      recording = false;
      expect(modes).toEqual(['readwrite']);
      expect(cache.invalidations).toBe(0);
      expect(await db.messages.count()).toBe(2);
    } finally {
      IDBDatabase.prototype.transaction = orig;
    }
  });
});
