// public/open-db-early.js: the classic script the side panel and popup run first, to start opening
// the database while their modules load. It must never create the database and never stand in the
// way of an upgrade or a deletion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, openDb } from '@/lib/db/db';

const script = readFileSync(path.resolve('public/open-db-early.js'), 'utf8');
const run = () => new Function(script)();
const names = async () => (await indexedDB.databases()).map((d) => d.name);

describe('open-db-early.js', () => {
  it('on a first run creates nothing; the page then creates the database as usual', async () => {
    await indexedDB.deleteDatabase(DB_NAME);
    run();
    await vi.waitFor(async () => expect(await names()).not.toContain(DB_NAME)); // settled, and still absent
    await new Promise((r) => setTimeout(r, 50));
    expect(await names()).not.toContain(DB_NAME);
    const db = openDb();
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).toContain('messages');
    db.close();
  });

  it('holds an existing database open without blocking its deletion or an upgrade', async () => {
    const db = openDb();
    await db.open();
    db.close();
    vi.useFakeTimers({ toFake: ['setTimeout'] }); // its own close after 5 s must not be what frees the way
    const open = vi.spyOn(indexedDB, 'open');
    try {
      run();
      const early = open.mock.results[0].value as IDBOpenDBRequest;
      open.mockRestore();
      await vi.waitFor(() => expect(early.readyState).toBe('done'));
      expect(early.result.version).toBe(50); // connected to the existing database (Dexie's version 5)
      const up = await new Promise<number>((ok, ko) => {
        const r = indexedDB.open(DB_NAME, 999);
        r.onblocked = () => ko(new Error('blocked by the early connection'));
        r.onsuccess = () => {
          const v = r.result.version;
          r.result.close();
          ok(v);
        };
      });
      expect(up).toBe(999);
      await new Promise<void>((ok, ko) => {
        const r = indexedDB.deleteDatabase(DB_NAME);
        r.onblocked = () => ko(new Error('blocked'));
        r.onsuccess = () => ok();
      });
      expect(await names()).not.toContain(DB_NAME);
    } finally {
      vi.useRealTimers();
    }
  });
});
