// Screenshots of every view at 360 and 500 px: empty, with the seed, and with the 100k-message
// seed. All go to .output-screenshots/ (ignored by git); the few committed ones in docs/screenshots/
// are copied from there by hand after looking at them. SIDELOG_SHOTS_LARGE=1 adds the 100k set.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { generateSeed, SEED_LARGE } from '../../lib/dev/seed';
import { expect, openPanel, openPopup, test } from './fixtures';

const OUT = path.resolve(process.env.SIDELOG_SHOTS_DIR ?? '.output-screenshots'); // ignored by git, not wiped by other Playwright runs
const TABS = ['Dashboard', 'Prospects', 'Templates', 'Settings'] as const;

async function shootAll(context: BrowserContext, extensionId: string, state: string, person?: string) {
  mkdirSync(OUT, { recursive: true });
  for (const width of [360, 500]) {
    const panel = await openPanel(context, extensionId, width);
    for (const tab of TABS) {
      await panel.getByRole('tab', { name: tab }).click();
      await panel.waitForTimeout(300);
      await expect(panel.getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
      await panel.screenshot({ path: `${OUT}/${tab.toLowerCase()}-${state}-${width}.png`, fullPage: true });
    }
    if (state !== 'empty') {
      await panel.getByRole('tab', { name: 'Prospects' }).click();
      if (person) await panel.getByLabel('Search prospects').fill(person);
      await panel.locator('.plist button').first().click();
      await expect(panel.getByTestId('prospect-name')).toBeVisible();
      await panel.screenshot({ path: `${OUT}/prospect-page-${state}-${width}.png`, fullPage: true });
    }
    await panel.close();
  }
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
  await popup.screenshot({ path: `${OUT}/popup-${state}.png`, fullPage: true });
  await popup.close();
}

async function importFile(panel: Page, file: string) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByLabel('Import JSON').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 300_000 });
}

test('screenshots: empty and seeded', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  await shootAll(context, extensionId, 'empty');
  const file = path.join(tmpdir(), `sidelog-shots-${process.pid}.json`);
  const seed = generateSeed({ now: Date.now() });
  writeFileSync(file, JSON.stringify(seed));
  const panel = await openPanel(context, extensionId, 500);
  await importFile(panel, file);
  await panel.close();
  // Someone written to on both channels, with a long name if there is one: the hardest page.
  const channels = new Map<string, Set<string>>();
  for (const t of seed.threads)
    channels.set(t.prospectIds[0], (channels.get(t.prospectIds[0]) ?? new Set()).add(t.channel));
  const both = seed.prospects
    .filter((p) => channels.get(p.id)?.size === 2)
    .sort((a, b) => b.name.length - a.name.length);
  await shootAll(context, extensionId, 'seed', both[0].emails[0]);
});

test('screenshots: 100k messages', async ({ context, extensionId }) => {
  // Opt-in: importing 100k messages takes minutes; npm test stays quick without it.
  test.skip(process.env.SIDELOG_SHOTS_LARGE !== '1', 'set SIDELOG_SHOTS_LARGE=1 for the 100k-message screenshots');
  test.setTimeout(600_000);
  const file = path.join(tmpdir(), `sidelog-shots-large-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(generateSeed({ ...SEED_LARGE, now: Date.now() })));
  const panel = await openPanel(context, extensionId, 500);
  await importFile(panel, file);
  await panel.close();
  await shootAll(context, extensionId, '100k');
});

test('screenshots: merge two prospects (side by side, then the undo bar)', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  const file = path.join(tmpdir(), `sidelog-shots-merge-${process.pid}.json`);
  const seed = generateSeed({ now: Date.now() });
  writeFileSync(file, JSON.stringify(seed));
  const setup = await openPanel(context, extensionId, 500);
  await importFile(setup, file);
  await setup.close();
  // The two longest names (the seed has one person twice under the longest): the hardest layout for
  // four columns at 360 px.
  const [a, b] = [...seed.prospects].sort((x, y) => y.name.length - x.name.length);
  const twice = a!.name === b!.name;
  for (const width of [360, 500]) {
    const panel = await openPanel(context, extensionId, width);
    await panel.getByRole('tab', { name: 'Prospects' }).click();
    await panel.getByRole('button', { name: 'Merge two…' }).click();
    if (twice) {
      await panel.getByLabel('Search prospects').fill(a!.name);
      await panel.getByLabel(`Pick ${a!.name}`).nth(0).check();
      await panel.getByLabel(`Pick ${a!.name}`).nth(1).check();
    } else {
      for (const p of [a!, b!]) {
        await panel.getByLabel('Search prospects').fill(p.name);
        await panel.getByLabel(`Pick ${p.name}`).first().check();
      }
    }
    await panel.getByLabel('Search prospects').fill('');
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect(panel.getByRole('region', { name: 'Merge two prospects' })).toBeVisible();
    await panel.screenshot({ path: `${OUT}/prospects-merge-compare-${width}.png`, fullPage: true });
    if (width === 500) {
      await panel.getByRole('button', { name: 'Merge into one' }).click();
      await expect(panel.getByTestId('merge-status')).toContainText('Merged');
      await panel.screenshot({ path: `${OUT}/prospects-merge-done-${width}.png`, fullPage: true });
    }
    await panel.close();
  }
});
