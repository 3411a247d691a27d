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
    const floor = await measureFloor(page, ['messages', 'threads', 'prospects']);
    const records = Object.values(floor.counts).reduce((a, b) => a + b, 0);
    console.log(
      `run ${run}: ingest (Chromium, extension background, IndexedDB): ${N} events in ${sec(result)} = ${((N / result) * 1000).toFixed(0)} events/s (target >= 2000); ` +
        `floor (raw put of the ${records} records stored: ${JSON.stringify(floor.counts)}, no indexes, one transaction per store) ${sec(floor.writeMs)}; ratio ${ratio(result, floor.writeMs)} (target <= 2x)`,
    );
    return result / floor.writeMs;
  } finally {
    await close();
  }
}

const argv = process.argv.slice(2);
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
