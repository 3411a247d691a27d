// Benchmark (prints figures, asserts nothing): the side panel and popup in headless Chromium with
// the 100k-message seed imported through the panel's "Import JSON", and the panel's JS size.
// Targets: dashboard shown <= 1 s from navigation; popup <= 300 ms; side panel JS <= 300 KB gzipped.
// Needs a build first: SIDELOG_OUT_DIR=.output-x npx wxt build && SIDELOG_OUT_DIR=.output-x npx tsx test/bench/analytics-panel.ts
// Options: --small (the default seed instead of 100k), --runs N, --profile DIR (keep the browser
// profile in DIR and reuse it next time, skipping the import: for iterating on the UI).
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSeed, SEED_LARGE } from '../../lib/dev/seed';

const dir = path.resolve(process.env.SIDELOG_OUT_DIR ?? '.output', 'chrome-mv3');
const small = process.argv.includes('--small');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const profileArg = process.argv.indexOf('--profile');
const keptProfile = profileArg > 0 ? path.resolve(process.argv[profileArg + 1]) : null;
const reuse = !!keptProfile && existsSync(keptProfile);

// 1. Bundle size: every script the side panel page loads (entry + preloaded chunks + their imports).
function pageScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="([^"]+\.js)"/g)) out.add(m[1].replace(/^\//, ''));
  const queue = [...out];
  while (queue.length) {
    const f = queue.pop()!;
    const code = readFileSync(path.join(dir, f), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const dep = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]));
      if (!out.has(dep)) {
        out.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...out];
}
for (const page of ['sidepanel.html', 'popup.html']) {
  const files = pageScripts(readFileSync(path.join(dir, page), 'utf8'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(path.join(dir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  console.log(
    `${page} JS: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (${files.join(', ')})`,
  );
}

// 2. Timings in Chromium.
const file = path.join(tmpdir(), `sidelog-bench-${process.pid}.json`);
if (!reuse) {
  const seed = generateSeed(small ? { now: Date.now() } : { ...SEED_LARGE, now: Date.now() });
  writeFileSync(file, JSON.stringify(seed));
  console.log(
    `seed: ${seed.messages.length} messages, ${seed.threads.length} threads, ${seed.prospects.length} prospects, ${seed.templates.length} templates`,
  );
}

const userDataDir = keptProfile ?? mkdtempSync(path.join(tmpdir(), 'sidelog-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-first-run',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  if (!reuse) {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html#settings`);
    const t0 = Date.now();
    await panel.getByLabel('Import JSON').setInputFiles(file);
    await panel.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 600_000 });
    console.log(`import through the panel: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await panel.close();
  } else console.log(`reusing the profile in ${keptProfile} (data imported before)`);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  async function measure(label: string, url: string, selector: string | (() => boolean), width: number, n = runs) {
    const ts: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = await context.newPage();
      await p.setViewportSize({ width, height: 800 });
      await p.goto(url);
      // A selector, or a predicate: an inline arrow (a named function would carry a bundler helper
      // into the page; a string is refused by the extension's CSP).
      if (typeof selector === 'function')
        await p.waitForFunction(selector, undefined, { timeout: 60_000, polling: 'raf' });
      else await p.waitForSelector(selector, { timeout: 60_000 });
      // performance.now() counts from the navigation's start.
      ts.push(await p.evaluate(() => performance.now()));
      await p.close();
    }
    console.log(
      `${label}: median ${median(ts).toFixed(0)} ms, min ${Math.min(...ts).toFixed(0)} ms, max ${Math.max(...ts).toFixed(0)} ms (${n} runs, from navigation to shown)`,
    );
  }
  const panelUrl = `chrome-extension://${id}/sidepanel.html#dashboard`;
  // The import stored the facts (lib/insights/facts-store.ts); the first open merges nothing.
  await measure('side panel dashboard, first open after the import', panelUrl, '[data-testid=funnel]', 420, 1);
  await measure('side panel dashboard (last 90 days): headline shown', panelUrl, '[data-testid=thread-rate]', 420);
  await measure('side panel dashboard: every section shown', panelUrl, '[data-testid=funnel]', 420);
  await measure(
    'side panel prospects list',
    `chrome-extension://${id}/sidepanel.html#prospects`,
    '[data-testid=prospect-count]',
    420,
  );
  // The popup shows today's last numbers at once (cached) and recomputes: both times are printed.
  await measure('popup: first numbers', `chrome-extension://${id}/popup.html`, '[data-testid=popup-rate]', 360);
  await measure('popup: recomputed numbers', `chrome-extension://${id}/popup.html`, '[data-fresh=true]', 360);
} finally {
  await context.close();
  if (!keptProfile) rmSync(userDataDir, { recursive: true, force: true });
  rmSync(file, { force: true });
}
