// Shared pieces of the Chromium benchmarks (import, export, ingest, upgrade): the built extension
// in a fresh profile, a seed file, an import through the panel, and the IndexedDB floors measured
// in the same browser on the same records: raw IDBObjectStore.put into stores without indexes and
// raw getAll, one transaction per store, with the durability the extension uses (relaxed).
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { generateSeed, SEED_LARGE } from '../../../lib/dev/seed';
import { EXTENSION_DIR, getServiceWorker, launchWithExtension } from '../../e2e/fixtures';

export function args(): { runs: number; messages: number } {
  const a = process.argv.slice(2);
  const num = (flag: string, d: number) => {
    const i = a.indexOf(flag);
    return i >= 0 ? Number(a[i + 1]) : d;
  };
  return { runs: num('--runs', 1), messages: num('--messages', SEED_LARGE.messages) };
}

/** The seed at `messages` messages (the 100k data set scaled: a fifth as many threads and prospects). */
export function seedFile(messages: number): { file: string; records: number; bytes: number; messages: number } {
  const scale = messages / SEED_LARGE.messages;
  const seed = generateSeed({
    ...SEED_LARGE,
    messages,
    threads: Math.round(SEED_LARGE.threads * scale),
    prospects: Math.round(SEED_LARGE.prospects * scale),
    now: Date.now(),
  });
  const file = path.join(tmpdir(), `sidelog-bench-seed-${process.pid}-${messages}.json`);
  const text = JSON.stringify(seed);
  writeFileSync(file, text);
  const records = seed.prospects.length + seed.threads.length + seed.messages.length + seed.templates.length;
  return { file, records, bytes: Buffer.byteLength(text), messages: seed.messages.length };
}

export function built(): boolean {
  if (existsSync(EXTENSION_DIR)) return true;
  console.log(`skipped: build first (${EXTENSION_DIR} missing; SIDELOG_OUT_DIR picks another output folder)`);
  return false;
}

export async function withExtension<T>(
  run: (c: { context: BrowserContext; id: string; panel: (hash?: string) => Promise<Page> }) => Promise<T>,
): Promise<T> {
  const { context, close } = await launchWithExtension();
  try {
    const sw = await getServiceWorker(context);
    const id = new URL(sw.url()).host;
    const panel = async (hash = 'settings') => {
      const p = await context.newPage();
      await p.setViewportSize({ width: 420, height: 900 });
      await p.goto(`chrome-extension://${id}/sidepanel.html#${hash}`);
      // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
      await p.evaluate('globalThis.__name = (f) => f');
      return p;
    };
    return await run({ context, id, panel });
  } finally {
    await close();
  }
}

/** Imports a file through the Settings tab; returns the wall time and the long tasks the panel had. */
export async function importThroughPanel(
  panel: Page,
  file: string,
): Promise<{ ms: number; phases: Record<string, number>; longTasks: number[]; longTaskAt: number[] }> {
  await panel.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longAt: number[]; __phases: [string, number][] };
    w.__long = [];
    w.__longAt = [];
    w.__phases = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__long.push(e.duration);
        w.__longAt.push(e.startTime);
      }
    }).observe({ type: 'longtask' });
    let last = '';
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid=import-progress-text]')?.textContent ?? '';
      const phase = t.startsWith('Reading')
        ? 'reading'
        : t.includes('building')
          ? 'facts'
          : t.startsWith('Records')
            ? 'writing'
            : '';
      if (phase && phase !== last) {
        last = phase;
        w.__phases.push([phase, performance.now()]);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = await panel.evaluate(() => performance.now());
  await panel.getByLabel('Import JSON').setInputFiles(file);
  await panel.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 1_800_000 });
  const { end, long, longAt, phases } = await panel.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longAt: number[]; __phases: [string, number][] };
    return { end: performance.now(), long: w.__long, longAt: w.__longAt, phases: w.__phases };
  });
  const split: Record<string, number> = {};
  phases.forEach(([name, at], i) => (split[name] = (phases[i + 1]?.[1] ?? end) - at));
  // When each long task began, in ms from choosing the file (to tell which phase it belongs to).
  return { ms: end - t0, phases: split, longTasks: long, longTaskAt: longAt.map((at) => at - t0) };
}

export interface Floor {
  /** getAll of every store, one readonly transaction per store. */
  readMs: number;
  /** put of every record into stores without indexes, one read-write transaction per store. */
  writeMs: number;
  /**
   * With `indexed`: the same puts into stores with the schema's own indexes (copied from the
   * `sidelog` database): what IndexedDB alone charges for keeping those indexes. `overwrite`: a
   * second put of the same records onto the ones just written (an upgrade rewrites stored rows).
   */
  indexed?: { insertMs: number; overwriteMs: number };
  counts: Record<string, number>;
}

/**
 * The floors, in an extension page, on the records now in the `sidelog` database's `stores`
 * (`only`: the ids to write, per store, when the operation wrote only some of them).
 */
export async function measureFloor(
  page: Page,
  stores: string[],
  only?: Record<string, string[]>,
  opts: { indexed?: boolean } = {},
): Promise<Floor> {
  return page.evaluate(
    async ({ stores, only, indexed }) => {
      const open = (name: string, create?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = create ? indexedDB.open(name, 1) : indexedDB.open(name);
          if (create) req.onupgradeneeded = () => create(req.result);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      const src = await open('sidelog');
      const data: Record<string, unknown[]> = {};
      const t0 = performance.now();
      for (const s of stores) {
        const tx = src.transaction(s, 'readonly', { durability: 'relaxed' });
        const req = tx.objectStore(s).getAll();
        await done(tx);
        data[s] = req.result;
      }
      const readMs = performance.now() - t0;
      const keyPaths = Object.fromEntries(stores.map((s) => [s, src.transaction(s).objectStore(s).keyPath as string]));
      const indexes = Object.fromEntries(
        stores.map((s) => {
          const os = src.transaction(s).objectStore(s);
          return [
            s,
            [...os.indexNames].map((n) => {
              const i = os.index(n);
              return { name: n, keyPath: i.keyPath, multiEntry: i.multiEntry, unique: i.unique };
            }),
          ];
        }),
      );
      src.close();
      if (only) {
        for (const s of Object.keys(only)) {
          const want = new Set(only[s]);
          data[s] = data[s].filter((r) => want.has((r as { id: string }).id));
        }
      }
      const name = `sidelog-floor-${Math.random().toString(36).slice(2)}`;
      const dst = await open(name, (db) => {
        for (const s of stores) db.createObjectStore(s, { keyPath: keyPaths[s] });
      });
      const putAll = async (db: IDBDatabase) => {
        const t = performance.now();
        for (const s of stores) {
          const tx = db.transaction(s, 'readwrite', { durability: 'relaxed' });
          const os = tx.objectStore(s);
          for (const r of data[s]) os.put(r);
          await done(tx);
        }
        return performance.now() - t;
      };
      const writeMs = await putAll(dst);
      dst.close();
      indexedDB.deleteDatabase(name);
      let withIndexes: Floor['indexed'];
      if (indexed) {
        const iname = `${name}-indexed`;
        const idb = await open(iname, (db) => {
          for (const s of stores) {
            const os = db.createObjectStore(s, { keyPath: keyPaths[s] });
            for (const i of indexes[s])
              os.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
          }
        });
        const insertMs = await putAll(idb);
        const overwriteMs = await putAll(idb);
        idb.close();
        indexedDB.deleteDatabase(iname);
        withIndexes = { insertMs, overwriteMs };
      }
      return {
        readMs,
        writeMs,
        indexed: withIndexes,
        counts: Object.fromEntries(stores.map((s) => [s, data[s].length])),
      };
    },
    { stores, only, indexed: !!opts.indexed },
  );
}

export const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
