// The revision middleware (lib/db/revision.ts): every write to threads and prospects, whatever API
// made it, carries a fresh rev; deletions leave tombstones; changesSince() reports exactly what
// changed after a rev.
import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { MAX_TOMBSTONES, changesSince, currentRev, type Changes, type Tombstones } from '@/lib/db/revision';
import { buildExport } from '@/lib/export/export';
import { importExport, parseExportText } from '@/lib/export/import';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { Thread } from '@/lib/schema/model';
import { T0, gmailInbound, gmailSend, settings } from './helpers/events';
import { messageRow, prospectRow } from './helpers/rows';

let db: SidelogDb;
let n = 0;

beforeEach(async () => {
  db = openDb(`rev-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const thread = (id: string, over: Partial<Thread> = {}): Thread => ({
  id,
  channel: 'gmail',
  externalId: id,
  prospectIds: [],
  subject: null,
  keys: [`gmail:t:${id}`],
  updatedAt: T0,
  ...over,
});

const prospect = prospectRow;

const message = (id: string, threadId: string) => messageRow(id, threadId);

const revOf = async (table: 'threads' | 'prospects', id: string) => (await db[table].get(id))?.rev;
const tombstones = async () => (await db.meta.get('tombstones'))?.value as Tombstones | undefined;
const changes = async (since: number) => {
  const c = await changesSince(db, since);
  if (c === 'stale') throw new Error('unexpectedly stale');
  return c;
};
const ids = (c: Changes) => ({
  threads: c.threads.map((t) => t.id).sort(),
  prospects: c.prospects.map((p) => p.id).sort(),
  deletedThreads: [...c.deletedThreads].sort(),
  deletedProspects: [...c.deletedProspects].sort(),
});

describe('stamping', () => {
  it('starts at 0 on a new database', async () => {
    expect(await currentRev(db)).toBe(0);
    expect(await changes(0)).toEqual({ rev: 0, threads: [], prospects: [], deletedThreads: [], deletedProspects: [] });
  });

  it('every write API stamps a fresh, increasing rev and leaves the caller’s object alone', async () => {
    const seen: number[] = [];
    const expectNewRev = async (table: 'threads' | 'prospects', id: string) => {
      const rev = await revOf(table, id);
      expect(rev).toBeTypeOf('number');
      expect(rev).toBeGreaterThan(Math.max(0, ...seen));
      seen.push(rev!);
      expect(await currentRev(db)).toBe(rev);
    };

    const t1 = thread('t1');
    await db.threads.put(t1);
    expect(t1).not.toHaveProperty('rev');
    await expectNewRev('threads', 't1');

    const [t2, t3] = [thread('t2'), thread('t3')];
    await db.threads.bulkPut([t2, t3]);
    expect(t2).not.toHaveProperty('rev');
    const [r2, r3] = [await revOf('threads', 't2'), await revOf('threads', 't3')];
    expect(r3).toBe(r2! + 1);
    expect(r2).toBe(seen[0] + 1);
    seen.push(r2!, r3!);

    const p1 = prospect('p1');
    await db.prospects.add(p1);
    expect(p1).not.toHaveProperty('rev');
    await expectNewRev('prospects', 'p1');

    await db.prospects.bulkAdd([prospect('p2'), prospect('p3')]);
    expect(await revOf('prospects', 'p3')).toBe((await revOf('prospects', 'p2'))! + 1);
    seen.push((await revOf('prospects', 'p3'))!);

    // Table.update: a put request carrying `updates` (changeSpecs per key).
    await db.threads.update('t1', { subject: 'updated' });
    expect((await db.threads.get('t1'))?.subject).toBe('updated');
    await expectNewRev('threads', 't1');

    // Table.update with an object: Collection.modify over the primary key (criteria + changeSpec).
    await db.threads.update(thread('t2'), { subject: 'by object' });
    await expectNewRev('threads', 't2');

    // Collection.modify with a change object (criteria + changeSpec) and with a function.
    await db.threads.where('id').equals('t3').modify({ subject: 'modified' });
    await expectNewRev('threads', 't3');
    await db.prospects
      .where('keys')
      .equals('email:p2@x.co')
      .modify((p) => void (p.notes = 'fn'));
    expect((await db.prospects.get('p2'))?.notes).toBe('fn');
    await expectNewRev('prospects', 'p2');
    await db.prospects.toCollection().modify({ stage: 'replied' });
    const all = await db.prospects.toArray();
    expect(new Set(all.map((p) => p.rev)).size).toBe(3);
    for (const p of all) expect(p.rev).toBeGreaterThan(Math.max(...seen));
    seen.push(...all.map((p) => p.rev!));

    // bulkUpdate and upsert.
    await db.threads.bulkUpdate([
      { key: 't1', changes: { subject: 'bulk' } },
      { key: 'missing', changes: { subject: 'x' } },
    ]);
    await expectNewRev('threads', 't1');
    await db.prospects.upsert('p4', prospect('p4'));
    await expectNewRev('prospects', 'p4');

    // A write that the caller's object claims an old rev for still gets a fresh one.
    await db.threads.put({ ...thread('t1'), rev: 1 });
    await expectNewRev('threads', 't1');
  });

  it('a modify that matches nothing hands out no rev', async () => {
    await db.threads.put(thread('t1'));
    const before = await currentRev(db);
    expect(await db.threads.where('id').equals('nope').modify({ subject: 'x' })).toBe(0);
    expect(
      await db.threads
        .where('keys')
        .equals('nope')
        .modify((t) => void (t.subject = 'x')),
    ).toBe(0);
    expect(await currentRev(db)).toBe(before);
  });

  it('writes to other tables neither stamp nor count', async () => {
    await db.messages.put(message('m1', 't1'));
    await db.templates.put({
      id: 'tpl',
      name: 'a',
      channel: 'email',
      subject: null,
      body: 'b',
      tags: [],
      archived: false,
      version: 1,
      createdAt: T0,
      updatedAt: T0,
    } as never);
    expect(await currentRev(db)).toBe(0);
    expect(await db.messages.get('m1')).not.toHaveProperty('rev');
  });

  it('concurrent writes in one transaction get distinct revs (Dexie.Promise.all, as ingestion does)', async () => {
    const threads = Array.from({ length: 30 }, (_, i) => thread(`t${i}`));
    const prospects = Array.from({ length: 20 }, (_, i) => prospect(`p${i}`));
    await db.transaction('rw', [db.threads, db.prospects, db.messages], () =>
      Dexie.Promise.all([
        db.threads.bulkPut(threads.slice(0, 15)),
        db.prospects.bulkPut(prospects),
        db.messages.bulkPut([message('m1', 't0')]),
        db.threads.bulkPut(threads.slice(15)),
        db.threads.put(thread('t0', { subject: 'last write wins' })),
      ]),
    );
    const revs = [...(await db.threads.toArray()), ...(await db.prospects.toArray())].map((r) => r.rev!);
    expect(revs).toHaveLength(50);
    expect(new Set(revs).size).toBe(50);
    // 51 rows written (t0 twice): revs 1..51, t0 holds its second one.
    expect(await currentRev(db)).toBe(51);
    expect(Math.max(...revs)).toBe(51);
    expect((await db.threads.get('t0'))?.subject).toBe('last write wins');
  });

  it('concurrent native-Promise writes in an async transaction get distinct revs too', async () => {
    await db.transaction('rw', db.threads, db.prospects, async () => {
      await Promise.all([
        db.threads.bulkPut([thread('a'), thread('b')]),
        db.prospects.put(prospect('p')),
        db.threads.put(thread('c')),
      ]);
    });
    const revs = [...(await db.threads.toArray()), ...(await db.prospects.toArray())].map((r) => r.rev);
    expect(revs.sort()).toEqual([1, 2, 3, 4]);
  });

  it('a read issued after a write in the same transaction sees it, even without awaiting', async () => {
    await db.threads.put(thread('t1', { subject: 'old' }));
    const got = await db.transaction('rw', db.threads, () => {
      void db.threads.put(thread('t1', { subject: 'new' }));
      return Dexie.Promise.all([db.threads.get('t1'), db.threads.where('rev').above(0).count()]);
    });
    expect(got[0]?.subject).toBe('new');
    expect(got[0]?.rev).toBe(2);
    expect(got[1]).toBe(1);
  });

  it('parallel transactions each continue from the committed counter', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => db.threads.put(thread(`t${i}`))));
    const revs = (await db.threads.toArray()).map((t) => t.rev!).sort((a, b) => a - b);
    expect(revs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('a failed transaction leaves the counter and the rows unchanged', async () => {
    await db.threads.put(thread('t1'));
    await expect(
      db.transaction('rw', db.threads, db.prospects, async () => {
        await db.threads.bulkPut([thread('t2'), thread('t3')]);
        await db.prospects.put(prospect('p1'));
        await db.threads.delete('t1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await currentRev(db)).toBe(1);
    expect(await db.threads.count()).toBe(1);
    expect(await tombstones()).toBeUndefined();
    // A constraint error inside a transaction aborts it too.
    await expect(
      db.transaction('rw', db.threads, () => db.threads.bulkAdd([thread('t4'), thread('t1')])),
    ).rejects.toThrow();
    expect(await currentRev(db)).toBe(1);
    await db.threads.put(thread('t5'));
    expect(await revOf('threads', 't5')).toBe(2);
    // Outside one, Dexie commits the rows that succeeded: the failed row's rev is simply unused.
    await expect(db.threads.bulkAdd([thread('t6'), thread('t1')])).rejects.toThrow();
    expect(await revOf('threads', 't6')).toBe(3);
    expect(await currentRev(db)).toBe(4);
  });

  it('only read-write transactions over threads or prospects include meta', async () => {
    const scope = () =>
      [...(Dexie.currentTransaction!.idbtrans.objectStoreNames as unknown as Iterable<string>)].sort();
    expect(await db.transaction('r', db.threads, db.prospects, scope)).toEqual(['prospects', 'threads']);
    expect(await db.transaction('rw', db.messages, scope)).toEqual(['messages']);
    expect(await db.transaction('rw', db.threads, scope)).toEqual(['meta', 'threads']);
    expect(await db.transaction('rw', db.prospects, db.meta, scope)).toEqual(['meta', 'prospects']);
  });

  it('readonly transactions read what is stored and change nothing', async () => {
    await db.threads.bulkPut([thread('t1'), thread('t2')]);
    const read = await db.transaction('r', db.threads, db.prospects, () =>
      Dexie.Promise.all([db.threads.toArray(), db.threads.where('rev').above(1).primaryKeys(), db.prospects.count()]),
    );
    expect(read[0].map((t) => t.rev)).toEqual([1, 2]);
    expect(read[1]).toEqual(['t2']);
    expect(await currentRev(db)).toBe(2);
  });

  it('liveQuery sees the counter move', async () => {
    const values: number[] = [];
    const sub = liveQuery(() => currentRev(db)).subscribe((v) => values.push(v));
    await new Promise((r) => setTimeout(r, 50));
    await db.threads.put(thread('t1'));
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(values).toEqual([0, 1]);
  });
});

describe('deletions', () => {
  it('delete, bulkDelete and Collection.delete leave tombstones with fresh revs', async () => {
    await db.threads.bulkPut([thread('t1'), thread('t2'), thread('t3'), thread('t4')]);
    await db.prospects.bulkPut([prospect('p1'), prospect('p2')]);
    await db.threads.delete('t1');
    await db.threads.bulkDelete(['t2', 't3']);
    await db.prospects.where('keys').equals('email:p2@x.co').delete();
    expect(await tombstones()).toEqual({
      floor: 0,
      items: [
        [7, 'threads', 't1'],
        [8, 'threads', 't2'],
        [9, 'threads', 't3'],
        [10, 'prospects', 'p2'],
      ],
    });
    expect(await currentRev(db)).toBe(10);
    expect(ids(await changes(6))).toEqual({
      threads: [],
      prospects: [],
      deletedThreads: ['t1', 't2', 't3'],
      deletedProspects: ['p2'],
    });
    expect(ids(await changes(8))).toEqual({
      threads: [],
      prospects: [],
      deletedThreads: ['t3'],
      deletedProspects: ['p2'],
    });
  });

  it('a delete over a primary-key range (Collection.delete) tombstones each row it removes', async () => {
    await db.threads.bulkPut([thread('a1'), thread('a2'), thread('b1')]);
    await db.prospects.put(prospect('p1'));
    const since = await currentRev(db);
    await db.threads.where('id').startsWith('a').delete();
    await db.threads.where('id').equals('nope').delete();
    await db.prospects.where(':id').equals('p1').delete();
    expect(await db.threads.count()).toBe(1);
    expect(ids(await changes(since))).toEqual({
      threads: [],
      prospects: [],
      deletedThreads: ['a1', 'a2'],
      deletedProspects: ['p1'],
    });
    expect((await tombstones())?.floor).toBe(0);
  });

  it('a row deleted and re-created is reported as written, not deleted', async () => {
    await db.threads.bulkPut([thread('t1'), thread('t2')]);
    const since = await currentRev(db);
    await db.threads.delete('t1');
    await db.threads.put(thread('t1', { subject: 'again' }));
    await db.threads.delete('t2');
    const c = await changes(since);
    expect(ids(c)).toEqual({ threads: ['t1'], prospects: [], deletedThreads: ['t2'], deletedProspects: [] });
    expect(c.threads[0].subject).toBe('again');
  });

  it(`keeps ${MAX_TOMBSTONES} tombstones; older consumers are told to rebuild`, async () => {
    const rows = Array.from({ length: MAX_TOMBSTONES + 10 }, (_, i) => thread(`t${String(i).padStart(5, '0')}`));
    await db.threads.bulkPut(rows);
    const written = await currentRev(db); // 5010
    await db.threads.bulkDelete(rows.slice(0, 20).map((t) => t.id)); // revs 5011..5030
    expect((await tombstones())?.items).toHaveLength(20);
    await db.threads.bulkDelete(rows.slice(20).map((t) => t.id)); // revs 5031..10020
    const tomb = (await tombstones())!;
    expect(tomb.items).toHaveLength(MAX_TOMBSTONES);
    // 5,010 tombstones were made: the 10 oldest (revs 5011..5020) were dropped.
    expect(tomb.floor).toBe(written + 10);
    expect(tomb.items[0][0]).toBe(written + 11);
    expect(await changesSince(db, written)).toBe('stale');
    expect(await changesSince(db, written + 9)).toBe('stale');
    const c = await changes(written + 10);
    expect(c.deletedThreads).toHaveLength(MAX_TOMBSTONES);
    expect(c.threads).toEqual([]);
    // since = 0 means "everything": never stale.
    expect(await changes(0)).toMatchObject({ threads: [], deletedThreads: [] });
  });

  it('clear() makes every earlier rev stale', async () => {
    await db.threads.bulkPut([thread('t1'), thread('t2')]);
    await db.prospects.put(prospect('p1'));
    const before = await currentRev(db);
    await db.threads.clear();
    expect(await changesSince(db, before)).toBe('stale');
    const after = await currentRev(db);
    expect(after).toBe(before + 1);
    expect((await tombstones())?.floor).toBe(after);
    await db.threads.put(thread('t3'));
    expect(ids(await changes(after))).toEqual({
      threads: ['t3'],
      prospects: [],
      deletedThreads: [],
      deletedProspects: [],
    });
  });

  it('a counter behind `since` (the database was reset) is stale', async () => {
    await db.threads.put(thread('t1'));
    expect(await changesSince(db, 5)).toBe('stale');
  });
});

describe('changesSince', () => {
  it('returns exactly the rows written after `since`, read in one transaction', async () => {
    await db.threads.bulkPut([thread('t1'), thread('t2'), thread('t3')]);
    await db.prospects.bulkPut([prospect('p1'), prospect('p2')]);
    const since = await currentRev(db);
    expect(ids(await changes(since))).toEqual({ threads: [], prospects: [], deletedThreads: [], deletedProspects: [] });

    await db.threads.update('t2', { subject: 's' });
    await db.prospects.put(prospect('p3'));
    await db.prospects.delete('p1');
    const c = await changes(since);
    expect(ids(c)).toEqual({ threads: ['t2'], prospects: ['p3'], deletedThreads: [], deletedProspects: ['p1'] });
    expect(c.rev).toBe(await currentRev(db));
    expect(c.threads[0].subject).toBe('s');

    // Nothing after the rev it reported.
    expect(ids(await changes(c.rev))).toEqual({ threads: [], prospects: [], deletedThreads: [], deletedProspects: [] });
    // since = 0: every row, no deletions.
    expect(ids(await changes(0))).toEqual({
      threads: ['t1', 't2', 't3'],
      prospects: ['p2', 'p3'],
      deletedThreads: [],
      deletedProspects: [],
    });
  });

  it('sees what ingestion writes', async () => {
    const deps = { db, settings: settings(), now: () => T0 };
    await ingestEvents(deps, [gmailSend({ threadExternalId: 'thread-a:x1' })]);
    const c1 = await changes(0);
    expect(c1.threads).toHaveLength(1);
    expect(c1.prospects).toHaveLength(1);
    expect(c1.threads[0].rev).toBeGreaterThan(0);
    await ingestEvents(deps, [gmailInbound({ threadExternalId: 'thread-a:x1' })]);
    const c2 = await changes(c1.rev);
    expect(c2.threads.map((t) => t.id)).toEqual(c1.threads.map((t) => t.id));
    expect(c2.threads[0].summary?.firstReplyAt).not.toBeNull();
  });

  it('sees what an import writes, and the export carries no rev', async () => {
    await ingestEvents({ db, settings: settings(), now: () => T0 }, [gmailSend()]);
    const file = await buildExport(db, T0);
    expect(JSON.stringify(file)).not.toContain('"rev"');
    const other = openDb(`rev-test-import-${n}`);
    try {
      await importExport(other, parseExportText(JSON.stringify(file)), T0);
      const c = await changesSince(other, 0);
      expect(c).not.toBe('stale');
      const { threads, prospects } = c as Changes;
      expect(threads).toHaveLength(1);
      expect(prospects).toHaveLength(1);
      expect(threads[0].rev).toBeGreaterThan(0);
      expect(prospects[0].rev).toBeGreaterThan(0);
      // Importing the same file again writes nothing, so nothing changes.
      const rev = await currentRev(other);
      await importExport(other, parseExportText(JSON.stringify(file)), T0);
      expect(await currentRev(other)).toBe(rev);
    } finally {
      other.close();
      await other.delete();
    }
  });
});
