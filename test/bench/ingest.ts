// Ingestion throughput: 10,000 capture events through the real ingestion path, in Node
// (fake-indexeddb) and in headless Chromium (the built extension's background, real IndexedDB,
// real runtime messaging, a fresh profile per run). Prints figures; asserts nothing. In Chromium
// the figure is compared with its floor, measured in the same browser right after: the records
// ingestion stored (messages, threads, prospects) put raw into stores without indexes, one
// transaction per store (test/bench/lib/chromium.ts). Targets: >= 2,000 events/s, <= 2x the floor.
// Run: npm run bench -- ingest [--only node|chromium] [--runs 3]  (Chromium needs `npm run build` first)
import './lib/node-env';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDb } from '../../lib/db/db';
import { ingestEvents } from '../../lib/ingest/ingest';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { makeEvents } from './lib/events';
import { OUTBOX_BATCH } from '../../lib/capture/outbox';
import type { ExtensionChrome } from '../e2e/fixtures';
import { args, measureFloor, median, ratio, sec } from './lib/chromium';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
declare const chrome: ExtensionChrome;

const N = 10_000;
const BATCH = OUTBOX_BATCH; // what the content-script outbox sends per message

async function nodeBench() {
  const db = openDb('bench-ingest');
  await db.open();
  const events = makeEvents(N);
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.identities.emails = ['me@seller.io'];
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    await ingestEvents({ db, settings, now: Date.now }, events.slice(i, i + BATCH));
  }
  const ms = performance.now() - t0;
  const stored = await db.messages.count();
  console.log(
    `ingest (Node, fake-indexeddb): ${N} events in ${ms.toFixed(0)} ms = ${((N / ms) * 1000).toFixed(0)} events/s (${stored} messages stored)`,
  );
  db.close();
  await db.delete();
}

async function chromiumBench(run: number): Promise<number | null> {
  const { EXTENSION_DIR, launchWithExtension, getServiceWorker } = await import('../e2e/fixtures');
  if (!existsSync(EXTENSION_DIR)) {
    console.log(`ingest (Chromium): skipped, build first (${EXTENSION_DIR} missing)`);
    return null;
  }
  const { context, close } = await launchWithExtension();
  try {
    const sw = await getServiceWorker(context);
    const id = new URL(sw.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html#settings`);
    const events = makeEvents(N);
    if (profile) {
      await sw.evaluate('globalThis.__name = (f) => f');
      await sw.evaluate(installIdbCounters);
      await page.evaluate('globalThis.__name = (f) => f');
      await page.evaluate(installIdbCounters);
    }
    // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.evaluate('globalThis.__name = (f) => f');
    const result = await page.evaluate(
      async ({ events, batch }) => {
        const send = (evs: unknown[]) =>
          new Promise<unknown>((resolve) =>
            chrome.runtime.sendMessage(
              { id: 1, type: 'capture', data: { events: evs }, timestamp: Date.now() },
              resolve,
            ),
          );
        const t0 = performance.now();
        // Two batches in flight at a time, as two tabs would send.
        const chunks: unknown[][] = [];
        for (let i = 0; i < events.length; i += batch) chunks.push(events.slice(i, i + batch));
        let next = 0;
        const worker = async () => {
          while (next < chunks.length) await send(chunks[next++]);
        };
        await Promise.all([worker(), worker()]);
        return performance.now() - t0;
      },
      { events, batch: BATCH },
    );
    if (profile) {
      console.log('  background:');
      printProfile(await sw.evaluate(() => (globalThis as unknown as { __idb: IdbProfile }).__idb));
      console.log('  the side panel the events are sent from (Settings tab):');
      printProfile(await page.evaluate(() => (globalThis as unknown as { __idb: IdbProfile }).__idb));
    }
    const floor = await measureFloor(page, ['messages', 'threads', 'prospects'], undefined, { indexed: true });
    const ix = floor.indexed!.insertMs;
    if (profile) console.log(`  the same records put raw: ${JSON.stringify(await page.evaluate(rawShapes, N))}`);
    const records = Object.values(floor.counts).reduce((a, b) => a + b, 0);
    console.log(
      `run ${run}: ingest (Chromium, extension background, IndexedDB): ${N} events in ${sec(result)} = ${((N / result) * 1000).toFixed(0)} events/s (target >= 2000); ` +
        `floor (raw put of the ${records} records stored: ${JSON.stringify(floor.counts)}, no indexes, one transaction per store) ${sec(floor.writeMs)}; ratio ${ratio(result, floor.writeMs)} (target <= 2x); ` +
        `the same records put raw into stores with the schema's indexes ${sec(ix)} (${ratio(ix, floor.writeMs)} the floor; the ingestion against it ${ratio(result, ix)})`,
    );
    return result / floor.writeMs;
  } finally {
    await close();
  }
}

interface IdbProfile {
  /** store.method (index.method for index requests) → requests, rows written per store. */
  requests: Record<string, number>;
  rows: Record<string, number>;
  /** mode → transactions, and the summed time from creation to complete. */
  tx: Record<string, { n: number; ms: number }>;
}

/**
 * --profile: counts, in the background, every IndexedDB request and transaction (the prototypes
 * wrapped before the events are sent); printed per 100 events after the run.
 */
function installIdbCounters() {
  const p: IdbProfile = { requests: {}, rows: {}, tx: {} };
  (globalThis as unknown as { __idb: IdbProfile }).__idb = p;
  const count = (k: string) => (p.requests[k] = (p.requests[k] ?? 0) + 1);
  for (const m of [
    'get',
    'getAll',
    'getAllKeys',
    'count',
    'openCursor',
    'openKeyCursor',
    'put',
    'add',
    'delete',
  ] as const) {
    const os = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const orig = os[m];
    os[m] = function (this: IDBObjectStore, ...a: unknown[]) {
      count(`${this.name}.${m}`);
      if (m === 'put' || m === 'add') p.rows[this.name] = (p.rows[this.name] ?? 0) + 1;
      return orig.apply(this, a);
    };
    const ix = IDBIndex.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    if (ix[m] && m !== 'put' && m !== 'add' && m !== 'delete') {
      const o2 = ix[m];
      ix[m] = function (this: IDBIndex, ...a: unknown[]) {
        count(`${this.objectStore.name}[${this.name}].${m}`);
        return o2.apply(this, a);
      };
    }
  }
  const tr = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...a: Parameters<IDBDatabase['transaction']>) {
    const tx = tr.apply(this, a);
    const t0 = performance.now();
    const mode = `${tx.mode} [${[...tx.objectStoreNames].join(',')}]`;
    tx.addEventListener('complete', () => {
      const e = (p.tx[mode] ??= { n: 0, ms: 0 });
      e.n++;
      e.ms += performance.now() - t0;
    });
    return tx;
  } as IDBDatabase['transaction'];
}

/**
 * --profile: the stored records put raw (no Dexie) into copies of the stores, with the schema's
 * indexes: in one transaction per store, and in ingestion's shape (one transaction over the three
 * stores per 100 events). What the indexes cost, and what the transactions per batch cost.
 */
async function rawShapes(n: number) {
  const stores = ['messages', 'threads', 'prospects'];
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
  const src = await req(indexedDB.open('sidelog'));
  const data: Record<string, { rev?: number }[]> = {};
  const defs: Record<string, { keyPath: string; idx: [string, string | string[], boolean][] }> = {};
  for (const s of stores) {
    const os = src.transaction(s).objectStore(s);
    defs[s] = {
      keyPath: os.keyPath as string,
      idx: [...os.indexNames].map((i) => [i, os.index(i).keyPath, os.index(i).multiEntry]),
    };
    data[s] = await req(os.getAll());
  }
  src.close();
  const fresh = async (withIdx: boolean) => {
    const name = `sidelog-shape-${Math.random().toString(36).slice(2)}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const s of stores) {
        const os = open.result.createObjectStore(s, { keyPath: defs[s].keyPath });
        if (withIdx) for (const [i, k, multiEntry] of defs[s].idx) os.createIndex(i, k, { multiEntry });
      }
    };
    return { db: await req(open), name };
  };
  const out: Record<string, number> = {};
  for (const withIdx of [false, true]) {
    const { db, name } = await fresh(withIdx);
    const t0 = performance.now();
    for (const s of stores) {
      const tx = db.transaction(s, 'readwrite', { durability: 'relaxed' });
      for (const r of data[s]) tx.objectStore(s).put(r);
      await done(tx);
    }
    out[withIdx ? 'perStoreWithIndexes' : 'perStoreNoIndexes'] = Math.round(performance.now() - t0);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  for (const withIdx of [false, true]) {
    const { db, name } = await fresh(withIdx);
    const batches = Math.ceil(n / 100);
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
      for (const s of stores) {
        const per = Math.ceil(data[s].length / batches);
        for (const r of data[s].slice(b * per, (b + 1) * per)) tx.objectStore(s).put(r);
      }
      await done(tx);
    }
    out[withIdx ? 'per100EventsWithIndexes' : 'per100EventsNoIndexes'] = Math.round(performance.now() - t0);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return out;
}

function printProfile(p: IdbProfile) {
  const per = (n: number) => ((n / N) * 100).toFixed(1);
  const total = Object.values(p.requests).reduce((a, b) => a + b, 0);
  console.log(`  IndexedDB requests per 100 events: ${per(total)}`);
  for (const [k, n] of Object.entries(p.requests).sort((a, b) => b[1] - a[1])) console.log(`    ${k}: ${per(n)}`);
  console.log(
    `  rows put per 100 events: ${JSON.stringify(Object.fromEntries(Object.entries(p.rows).map(([k, n]) => [k, per(n)])))}`,
  );
  for (const [k, { n, ms }] of Object.entries(p.tx))
    console.log(
      `  transactions ${k}: ${per(n)} per 100 events, ${(ms / n).toFixed(1)} ms each (creation to complete), ${(ms / 1000).toFixed(2)} s in all`,
    );
}

const argv = process.argv.slice(2);
const profile = argv.includes('--profile');
const which = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : 'both';
if (which !== 'chromium') await nodeBench();
if (which !== 'node') {
  const ratios: number[] = [];
  for (let run = 1; run <= args().runs; run++) {
    const r = await chromiumBench(run);
    if (r !== null) ratios.push(r);
  }
  if (ratios.length)
    console.log(`ingest/floor: median ${median(ratios).toFixed(2)}x over ${ratios.length} run(s) (target <= 2x)`);
}
