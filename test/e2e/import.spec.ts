// Import JSON of a 20k-message file through the Settings tab of the built extension: the import
// runs in a worker with a progress bar that moves; a Cancel half-way through the writing leaves
// the database exactly as it was; a full import stores what the file holds, counted here from the
// file itself.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateSeed } from '../../lib/dev/seed';
import { expect, openPanel, readDb, test } from './fixtures';

const seed = generateSeed({
  seed: 7,
  prospects: 4_000,
  threads: 5_000,
  messages: 20_000,
  templates: 12,
  days: 80,
  now: Date.now(),
});
const file = path.join(tmpdir(), `sidelog-import-e2e-${process.pid}.json`);
writeFileSync(file, JSON.stringify(seed));
const records = seed.prospects.length + seed.threads.length + seed.messages.length + seed.templates.length;

const TABLES = ['prospects', 'threads', 'messages', 'templates', 'templateVersions', 'meta', 'companies', 'merges'];
const snapshot = async (panel: Page) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await readDb(panel, t)] as const)));

/** Records every value the progress bar shows, from before the import starts. */
async function watchProgress(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const seen: number[] = ((window as unknown as { __progress: number[] }).__progress = []);
    const tick = () => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid=import-progress] progress');
      if (bar && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
      requestAnimationFrame(tick);
    };
    tick();
  });
}
const progressSeen = (panel: Page) => panel.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

test('a 20k-message import: cancelled half-way changes nothing; done, it stores what the file holds', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(240_000);
  const t0 = Date.now();
  const log = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const panel = await openPanel(context, extensionId);
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByTestId('ingest-stats')).toContainText('Stored: 0 messages');
  const before = await snapshot(panel);

  // 1. Cancel once half the records are written (the Cancel is clicked in the frame that sees it).
  await watchProgress(panel);
  await panel.getByLabel('Import JSON').setInputFiles(file);
  const cancelledAt = await panel.waitForFunction(
    () => {
      const m = document
        .querySelector('[data-testid=import-progress-text]')
        ?.textContent?.match(/read: (\d+); written: (\d+)/);
      if (!m || Number(m[2]) < Number(m[1]) / 2) return null;
      document.querySelector<HTMLButtonElement>('[data-testid=import-progress] button')!.click();
      return { read: Number(m[1]), written: Number(m[2]) };
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  const at = (await cancelledAt.jsonValue())!;
  log(`cancel clicked at ${JSON.stringify(at)}`);
  expect(at.read).toBe(records);
  expect(at.written).toBeLessThan(records);
  await expect(panel.getByRole('alert')).toContainText('Import cancelled: nothing was changed.', { timeout: 60_000 });
  await expect(panel.getByTestId('import-progress')).toHaveCount(0);
  expect(await snapshot(panel)).toEqual(before);
  log('cancelled, snapshot equal');
  const cancelledProgress = await progressSeen(panel);
  expect(cancelledProgress.length).toBeGreaterThan(3);

  // 2. The whole file.
  await watchProgress(panel);
  await panel.getByLabel('Import JSON').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    `${seed.messages.length} messages, ${seed.threads.length} threads, ${seed.prospects.length} prospects, ${seed.templates.length} templates added`,
    { timeout: 180_000 },
  );
  log('imported');
  // The progress bar moved forward through reading, writing and the facts, and ended.
  const moved = await progressSeen(panel);
  expect(moved.length).toBeGreaterThan(3);
  expect(moved).toEqual([...moved].sort((a, b) => a - b));
  await expect(panel.getByTestId('import-progress')).toHaveCount(0);

  // Counted from the file, independently of the extension.
  log('reading back');
  const messages = await readDb<{ id: string; threadId: string; direction: string; sentAt: number }>(panel, 'messages');
  const sorted = (xs: string[]) => [...xs].sort().join('\n');
  expect(
    sorted(messages.map((m) => m.id)) === sorted(seed.messages.map((m) => m.id)),
    'the stored message ids are the file’s',
  ).toBe(true);
  expect(messages.filter((m) => m.direction === 'inbound')).toHaveLength(
    seed.messages.filter((m) => m.direction === 'inbound').length,
  );
  const byId = new Map(seed.messages.map((m) => [m.id, m]));
  expect(
    messages.filter((m) => m.sentAt !== Date.parse(byId.get(m.id)!.sentAt)),
    'messages whose time differs from the file',
  ).toHaveLength(0);
  const threads = await readDb<{ id: string; summary?: { outboundCount: number; inboundCount: number } }>(
    panel,
    'threads',
  );
  expect(
    sorted(threads.map((t) => t.id)) === sorted(seed.threads.map((t) => t.id)),
    'the stored thread ids are the file’s',
  ).toBe(true);
  // Each thread's summary counts its messages as the file has them.
  const count = new Map<string, { out: number; in: number }>();
  for (const m of seed.messages) {
    const c = count.get(m.threadId) ?? count.set(m.threadId, { out: 0, in: 0 }).get(m.threadId)!;
    // Calls and voicemails are not written messages; a scheduled one without its time does not count yet.
    const counted = m.kind !== 'call' && m.kind !== 'voicemail' && (m.status !== 'scheduled' || m.scheduledAt != null);
    if (counted) c[m.direction === 'outbound' ? 'out' : 'in']++;
  }
  const wrong = threads.filter((t) => {
    const c = count.get(t.id);
    return c && t.summary && (t.summary.outboundCount !== c.out || t.summary.inboundCount !== c.in);
  });
  expect(wrong.length, `threads whose summary disagrees with the file, e.g. ${JSON.stringify(wrong[0])}`).toBe(0);
  expect(await readDb(panel, 'prospects')).toHaveLength(seed.prospects.length);
  await expect(panel.getByTestId('ingest-stats')).toContainText(
    `Stored: ${seed.messages.length} messages in ${seed.threads.length} threads with ${seed.prospects.length} prospects`,
    { timeout: 30_000 },
  );
  // The facts were stored by the import (the dashboard's first open merges nothing).
  expect((await readDb<{ key: string }>(panel, 'meta')).some((r) => r.key === 'analytics:facts')).toBe(true);

  // 3. A file from another machine where one of these people was first met under another id: the
  // import folds the two records into one (a shared address), says so, and logs the merge.
  const ada = seed.prospects.find((p) => p.emails.length > 0)!;
  const thread = seed.threads.find((t) => t.prospectIds.includes(ada.id))!;
  const msg = seed.messages.find((m) => m.threadId === thread.id)!;
  const theirs = {
    ...seed,
    prospects: [{ ...ada, id: 'p:other-machine' }],
    threads: [{ ...thread, id: 'gmail:t:other', externalId: 'other', prospectIds: ['p:other-machine'], aliases: [] }],
    messages: [
      {
        ...msg,
        id: 'gmail:other-1',
        externalId: 'other-1',
        threadId: 'gmail:t:other',
        prospectId: 'p:other-machine',
        aliases: [],
        rfcMessageId: null,
      },
    ],
    templates: [],
  };
  const other = path.join(tmpdir(), `sidelog-import-e2e-other-${process.pid}.json`);
  writeFileSync(other, JSON.stringify(theirs));
  await panel.getByLabel('Import JSON').setInputFiles(other);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    '1 person was here under another record and was merged (undo on the Prospects tab).',
    { timeout: 60_000 },
  );
  const prospects = await readDb<{ id: string; emails: string[] }>(panel, 'prospects');
  expect(prospects).toHaveLength(seed.prospects.length);
  const one = prospects.filter((p) => p.emails.includes(ada.emails[0]));
  expect(one).toHaveLength(1);
  const theirMessage = (await readDb<{ id: string; prospectId: string | null }>(panel, 'messages')).find(
    (m) => m.id === 'gmail:other-1',
  );
  expect(theirMessage?.prospectId).toBe(one[0].id);
  const merges = await readDb<{ reason: string; keptId: string }>(panel, 'merges');
  expect(merges).toEqual([expect.objectContaining({ reason: 'import', keptId: one[0].id })]);
});
