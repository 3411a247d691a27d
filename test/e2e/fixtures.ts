// End-to-end harness: a persistent Chromium context with the built extension loaded, as a user
// would have it. Site look-alikes are served at the real URLs with context.route (see lookalike/).
import { test as base, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'wxt/browser';
import type { ExportFile } from '../../lib/schema/export';

export const EXTENSION_DIR = path.resolve(process.env.SIDELOG_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Every request that did not come from a look-alike page's own script is recorded here. */
  requests: string[];
}

export async function launchWithExtension(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'sidelog-e2e-'));
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function getServiceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring: one that
  // needs none must still destructure, emptily.
  // eslint-disable-next-line no-empty-pattern -- see above
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await getServiceWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  requests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
    await use(seen);
  },
});
export { expect };

/**
 * The type of an extension page's `chrome` global, for the callbacks a test runs there with
 * `page.evaluate` (a spec declares `declare const chrome: ExtensionChrome;`).
 */
export type ExtensionChrome = typeof Browser;

export async function openPanel(context: BrowserContext, extensionId: string, width = 420): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return page;
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 520 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/**
 * Stops the extension's service worker the way Chrome does when it goes idle (docs/design.md, "Tests"):
 * CDP ServiceWorker.stopWorker on the worker's versionId. Playwright's Worker object does not
 * notice; the next extension event wakes a new worker.
 */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map<string, string>();
  // A worker may be woken again at once (a message in flight): wait until each one we stopped
  // has been seen stopped, not until none runs.
  const seenStopped = new Set<string>();
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) {
        if (!v.scriptURL.includes(extensionId)) continue;
        versions.set(v.versionId, v.runningStatus);
        if (v.runningStatus === 'stopped') seenStopped.add(v.versionId);
      }
    },
  );
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.size, { timeout: 5_000 }).toBeGreaterThan(0);
  const stopped: string[] = [];
  for (const [versionId, status] of versions) {
    if (status === 'running' || status === 'starting') {
      seenStopped.delete(versionId);
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      stopped.push(versionId);
    }
  }
  await expect.poll(() => stopped.every((v) => seenStopped.has(v)), { timeout: 5_000 }).toBe(true);
  await cdp.detach();
}

/** Clicks the panel's "Export JSON" button and returns the parsed file and its name. */
export async function exportJson(panel: Page): Promise<{ filename: string; data: ExportFile }> {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  return { filename: download.suggestedFilename(), data: JSON.parse(readFileSync(file, 'utf8')) };
}

/** Reads the database from an extension page (same origin as the background). */
export async function readDb<T = unknown>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (t) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('sidelog');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(t)) return resolve([]);
          const all = db.transaction(t).objectStore(t).getAll();
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}
