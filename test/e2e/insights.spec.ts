// Insights on the seeded data set: import the seed through the panel's "Import JSON", then check
// that the numbers the Dashboard and the popup show equal those computed here, independently of
// lib/analytics, from the export file and the definitions in docs/design.md.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateSeed } from '../../lib/dev/seed';
import type { ExportFile } from '../../lib/schema/export';
import type { Message, Prospect } from '../../lib/schema/model';
import { expect, openPanel, openPopup, test } from './fixtures';

const DAY = 86_400_000;
const WINDOW = 30 * DAY; // default settings.replyWindowDays

/** The reference computation: straight from docs/design.md "What the numbers mean". */
function reference(file: ExportFile, now: number) {
  const byThread = new Map<string, ExportFile['messages']>();
  for (const m of file.messages) {
    if (m.kind === 'call' || m.kind === 'voicemail') continue; // calls neither open nor answer a thread
    const list = byThread.get(m.threadId) ?? [];
    list.push(m);
    byThread.set(m.threadId, list);
  }
  const t = (m: { sentAt: string }) => Date.parse(m.sentAt);
  const units: {
    id: string;
    prospects: string[];
    first: number;
    template: string | null;
    version: number;
    bounced: boolean;
    replied: boolean;
    outs: number;
    outsBeforeReply: number;
  }[] = [];
  let awaiting = 0;
  for (const th of file.threads) {
    const ms = (byThread.get(th.id) ?? []).sort((a, b) => t(a) - t(b) || a.id.localeCompare(b.id));
    const lastHumanOrOut = [...ms].reverse().find((m) => m.direction === 'outbound' || m.classification === 'human');
    if (lastHumanOrOut?.direction === 'inbound') awaiting++;
    if (!ms.length || ms[0].direction !== 'outbound' || th.prospectIds.length === 0) continue;
    const first = t(ms[0]);
    const reply = ms.find((m) => m.direction === 'inbound' && m.classification === 'human');
    const outs = ms.filter((m) => m.direction === 'outbound');
    units.push({
      id: th.id,
      prospects: th.prospectIds,
      first,
      template: ms[0].templateId,
      version: ms[0].templateVersion ?? 1,
      bounced: ms.some((m) => m.direction === 'inbound' && m.classification === 'bounce'),
      replied: !!reply && t(reply) - first <= WINDOW,
      outs: outs.length,
      outsBeforeReply: reply ? outs.filter((m) => t(m) <= t(reply)).length : outs.length,
    });
  }
  const live = units.filter((u) => !u.bounced);
  const contacted = new Map<string, boolean>();
  for (const u of live) for (const p of u.prospects) contacted.set(p, (contacted.get(p) ?? false) || u.replied);
  const stageDepth: Record<string, number> = { contacted: 0, replied: 1, qualified: 2, meeting: 3, won: 4, lost: 0 };
  const prospects = new Map(file.prospects.map((p) => [p.id, p]));
  const funnel = [0, 0, 0, 0, 0];
  let revenue = 0;
  for (const [id, replied] of contacted) {
    const p = prospects.get(id)!;
    const depth = Math.max(stageDepth[p.stage], replied ? 1 : 0);
    for (let d = 0; d <= depth; d++) funnel[d]++;
    if (p.stage === 'won') revenue += p.dealValue ?? 0;
  }
  const perTemplate = new Map<string, { k: number; n: number }>();
  for (const u of live) {
    const key = u.template ?? '(none)';
    const g = perTemplate.get(key) ?? { k: 0, n: 0 };
    g.n++;
    if (u.replied) g.k++;
    perTemplate.set(key, g);
  }
  const outbound = file.messages.filter(
    (m) => m.direction === 'outbound' && m.kind !== 'call' && m.kind !== 'voicemail',
  );
  const calls = file.messages.filter((m) => m.kind === 'call');
  const last30 = live.filter((u) => u.first >= now - 30 * DAY);
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return {
    threads: {
      k: live.filter((u) => u.replied).length,
      n: live.length,
      started: units.length,
      bounced: units.length - live.length,
    },
    live,
    liveThreads: new Set(live.map((u) => u.id)),
    repliedThreads: new Set(live.filter((u) => u.replied).map((u) => u.id)),
    prospects: { k: [...contacted.values()].filter(Boolean).length, n: contacted.size },
    funnel,
    revenue,
    perTemplate,
    sent: {
      total: outbound.length,
      gmail: outbound.filter((m) => m.channel === 'gmail').length,
      linkedin: outbound.filter((m) => m.channel === 'linkedin').length,
    },
    calls: { total: calls.length, connected: calls.filter((m) => m.callOutcome === 'connected').length },
    awaiting,
    last30: { k: last30.filter((u) => u.replied).length, n: last30.length },
    today: outbound.filter((m) => t(m) >= midnight.getTime()).length,
  };
}

async function importSeed(panel: Page, file: string) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByLabel('Import JSON').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
}

test('dashboard and popup show the numbers computed from the export', async ({ context, extensionId }) => {
  const now = Date.now();
  const seed = generateSeed({ now, seed: 7 });
  const file = path.join(tmpdir(), `sidelog-insights-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(seed));
  const ref = reference(seed, now);
  expect(ref.threads.n).toBeGreaterThan(100); // the data set is not trivially small

  const panel = await openPanel(context, extensionId, 420);
  await expect(panel.getByText('Nothing logged yet')).toBeVisible();
  await importSeed(panel, file);
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await panel.getByLabel('Date range').selectOption('all');

  await expect(panel.getByTestId('thread-rate')).toContainText(`${ref.threads.k} of ${ref.threads.n} threads`);
  await expect(panel.getByTestId('thread-rate')).toContainText(`${Math.round((ref.threads.k / ref.threads.n) * 100)}%`);
  await expect(panel.getByTestId('prospect-rate')).toContainText(`${ref.prospects.k} of ${ref.prospects.n} people`);
  await expect(panel.getByText(`${ref.threads.started} threads started; ${ref.threads.bounced} bounced`)).toBeVisible();
  await expect(panel.getByTestId('activity-totals')).toHaveText(
    `${ref.sent.total} messages sent: ${ref.sent.gmail} Gmail, ${ref.sent.linkedin} LinkedIn`,
  );
  await expect(panel.getByTestId('awaiting-count')).toHaveText(`Awaiting your answer (${ref.awaiting})`);
  const funnelNums = await panel.getByTestId('funnel').locator('li .num').allInnerTexts();
  expect(funnelNums.map(Number)).toEqual(ref.funnel);
  const revenue = await panel.getByTestId('revenue').innerText();
  expect(Number(revenue.replace(/^[^\d]*|from.*$/gs, '').replace(/[^\d]/g, ''))).toBe(ref.revenue);
  await expect(panel.getByTestId('connect-rate')).toContainText(
    `${ref.calls.connected} connected of ${ref.calls.total} calls`,
  );

  // Template leaderboard: every template's k/n.
  const rows = panel.getByTestId('template-leaderboard').locator('tbody tr');
  await expect(rows).toHaveCount(ref.perTemplate.size);
  const names = new Map(seed.templates.map((t) => [t.id, t.name]));
  for (const [id, g] of ref.perTemplate) {
    const label = id === '(none)' ? 'No template' : names.get(id)!;
    await expect(
      rows.filter({ has: panel.locator('th', { hasText: new RegExp(`^${label}`) }) }).locator('td.num'),
    ).toHaveText(`${g.k}/${g.n}`);
  }

  // Custom date range: one that holds every first touch gives the same numbers; one before the data none.
  await panel.getByLabel('Date range').selectOption('custom');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await panel.getByLabel('From', { exact: true }).fill(day(now - 400 * DAY));
  await panel.getByLabel('To', { exact: true }).fill(day(now + DAY));
  await expect(panel.getByTestId('thread-rate')).toContainText(`${ref.threads.k} of ${ref.threads.n} threads`);
  await panel.getByLabel('From', { exact: true }).fill('2001-01-01');
  await panel.getByLabel('To', { exact: true }).fill('2001-12-31');
  await expect(panel.getByTestId('thread-rate')).toContainText('no threads yet');
  await panel.getByLabel('Date range').selectOption('all');

  // Channel filter narrows the threads.
  await panel.getByLabel('Channel').selectOption('linkedin');
  const li = seed.threads.filter((t) => t.channel === 'linkedin').map((t) => t.id);
  await expect(panel.getByTestId('activity-totals')).toContainText(`0 Gmail, ${ref.sent.linkedin} LinkedIn`);
  expect(li.length).toBeGreaterThan(0);

  // Popup.
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('popup-rate')).toContainText(`${ref.last30.k} of ${ref.last30.n} threads`);
  await expect(popup.getByTestId('popup-today').locator('.stat-value')).toHaveText(String(ref.today));
  await expect(popup.getByRole('button', { name: 'Open side panel' })).toBeVisible();
});

test('template views: "too early" under the minimum n set in Settings, per version, per follow-up step, the tag filter', async ({
  context,
  extensionId,
}) => {
  const now = Date.now();
  const seed = generateSeed({ now, seed: 5 });
  const file = path.join(tmpdir(), `sidelog-insights-t-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(seed));
  const ref = reference(seed, now);
  const names = new Map(seed.templates.map((t) => [t.id, t.name]));
  const kn = (us: typeof ref.live) => `${us.filter((u) => u.replied).length}/${us.length}`;
  // By first touch, from the file: each template's live threads.
  const byTemplate = new Map<string, typeof ref.live>();
  for (const u of ref.live) byTemplate.set(u.template ?? '', [...(byTemplate.get(u.template ?? '') ?? []), u]);
  const sizes = [...byTemplate.values()].map((us) => us.length);
  // A stricter minimum sample than the default 10, chosen from the data (which threads are live
  // depends on today's date) so that templates fall on both sides of it.
  const distinct = [...new Set(sizes)].sort((a, b) => a - b);
  expect(distinct.length).toBeGreaterThan(1);
  const MIN = distinct[Math.floor(distinct.length / 2)]!;
  const panel = await openPanel(context, extensionId, 500);
  await importSeed(panel, file);
  await panel.getByLabel('Smallest sample worth a verdict').fill(String(MIN));
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await panel.getByLabel('Date range').selectOption('all');
  await expect(panel.getByText(`below ${MIN} threads a rate says`)).toBeVisible();
  const showAll = async (table: string) => {
    const more = panel.locator(`[data-testid=${table}] + button`, { hasText: /^Show all/ });
    if (await more.count()) await more.click();
  };
  const rowsOf = async (table: string) => {
    await showAll(table);
    const out = new Map<string, { kn: string; verdict: string; ci: string }>();
    for (const r of await panel.getByTestId(table).locator('tbody tr').all())
      out.set((await r.locator('th .clip').innerText()).trim(), {
        kn: (await r.locator('td.num').innerText()).trim(),
        // The row's verdicts: "higher than the rest", then " · positive: …" when the positive
        // reply rate's verdict differs; the reply-rate verdict is the first part.
        verdict: (await r.locator('.verdict').innerText()).trim().split(' · positive: ')[0],
        // The rate cell's title: "23% (45 of 196); 95% interval 17%–30%".
        ci: ((await r.locator('td').first().getAttribute('title')) ?? '').split('; ')[1],
      });
    return out;
  };

  // By first touch: every template's k/n, and "too early" exactly where n < MIN.
  expect(sizes.some((n) => n < MIN) && sizes.some((n) => n >= MIN)).toBe(true); // both sides of the rule are shown
  const first = await rowsOf('template-leaderboard');
  expect(first.size).toBe(byTemplate.size);
  for (const [id, us] of byTemplate) {
    const row = first.get(id ? names.get(id)! : 'No template')!;
    expect(row.kn).toBe(kn(us));
    expect(row.verdict === 'too early').toBe(us.length < MIN);
  }

  // Per version of the first touch's template ("Name vN"), template threads only.
  await panel.getByLabel('Template view').selectOption('version');
  const byVersion = new Map<string, typeof ref.live>();
  for (const u of ref.live)
    if (u.template)
      byVersion.set(`${names.get(u.template)} v${u.version}`, [
        ...(byVersion.get(`${names.get(u.template)} v${u.version}`) ?? []),
        u,
      ]);
  expect(byVersion.size).toBeGreaterThan(new Set(ref.live.map((u) => u.template).filter(Boolean)).size); // some template has two versions
  const versions = await rowsOf('version-table');
  expect(new Map([...versions].map(([k, v]) => [k, v.kn]))).toEqual(
    new Map([...byVersion].map(([k, us]) => [k, kn(us)])),
  );

  // Per follow-up step: a thread reaches every step it sent before its reply (all of them when
  // unanswered); a reply counts for the last step before it. Steps beyond 5 count as 5.
  await panel.getByLabel('Template view').selectOption('step');
  const sent = [0, 0, 0, 0, 0, 0];
  const answered = [0, 0, 0, 0, 0, 0];
  for (const u of ref.live) {
    const reached = Math.min(5, u.replied ? Math.max(1, u.outsBeforeReply) : u.outs);
    for (let k = 1; k <= reached; k++) sent[k]++;
    if (u.replied) answered[reached]++;
  }
  // Each row: its label, k/n, and whether it says "too early" (n under MIN).
  const want = [1, 2, 3, 4, 5]
    .filter((k) => sent[k] > 0)
    .map((k) => [k === 1 ? 'First touch' : `Follow-up ${k - 1}`, `${answered[k]}/${sent[k]}`, sent[k] < MIN]);
  expect(want.length).toBeGreaterThan(1);
  const steps = panel.getByTestId('step-table').locator('tbody tr');
  await expect(steps).toHaveCount(want.length);
  const got = await steps.evaluateAll((rows) =>
    rows.map((r) => {
      const th = r.querySelector('th')!;
      const verdict = th.querySelector('.verdict');
      const label = [...th.childNodes]
        .filter((n) => n !== verdict)
        .map((n) => n.textContent)
        .join('')
        .trim();
      return [label, r.querySelector('td.num')!.textContent!.trim(), verdict?.textContent?.trim() === 'too early'];
    }),
  );
  expect(got).toEqual(want);

  // Template tag: only threads whose first touch used a template tagged "cold".
  await panel.getByLabel('Template view').selectOption('first');
  await panel.getByLabel('Template tag').selectOption('cold');
  const cold = new Set(seed.templates.filter((t) => t.tags.includes('cold')).map((t) => t.id));
  const tagged = ref.live.filter((u) => u.template && cold.has(u.template));
  expect(tagged.length).toBeGreaterThan(0);
  await expect(panel.getByTestId('thread-rate')).toContainText(
    `${tagged.filter((u) => u.replied).length} of ${tagged.length} threads`,
  );
  const taggedRows = await rowsOf('template-leaderboard');
  expect([...taggedRows.keys()].sort()).toEqual([...new Set(tagged.map((u) => names.get(u.template!)!))].sort());

  // The Templates tab shows each template's numbers from the same definition, over all time as
  // "By first touch" above: k of n, the 95% interval and the verdict of the Dashboard's row.
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const archived = panel.getByLabel(/Show archived/);
  if (await archived.count()) await archived.check();
  let shown = 0;
  for (const t of seed.templates) {
    const card = panel.getByRole('article', { name: t.name, exact: true });
    const row = first.get(t.name);
    if (!row) {
      await expect(card.getByTestId('template-numbers')).toContainText('Not used as a first touch yet');
      continue;
    }
    const [k, n] = row.kn.split('/');
    await expect(card.getByTestId('template-numbers')).toContainText(`${k} of ${n} replied (`);
    await expect(card.getByTestId('template-rate')).toHaveText(`${row.ci} (n = ${n}) · ${row.verdict}`);
    shown++;
  }
  expect(shown).toBe(byTemplate.size - (byTemplate.has('') ? 1 : 0));
});

/** The seed as another tool might write it: its own casing and labels, empty fields left out, epoch-ms times. */
function otherToolStyle(seed: ExportFile): unknown {
  const label: Record<string, string> = {
    'c-level': 'C-Level',
    founder: 'Owner',
    vp: 'VP',
    director: 'Director',
    manager: 'Manager',
    senior: 'Senior',
    individual: 'Individual Contributor',
    intern: 'Internship',
  };
  const dropEmpty = (o: object) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
  return {
    ...seed,
    prospects: seed.prospects.map((p) => ({
      ...dropEmpty(p),
      seniority: p.seniority ? label[p.seniority] : 'Unknown',
      stage: p.stage.toUpperCase(),
    })),
    threads: seed.threads.map((t) => ({ ...dropEmpty(t), channel: t.channel === 'gmail' ? 'Gmail' : 'LinkedIn' })),
    messages: seed.messages.map((m) => ({
      ...dropEmpty(m),
      direction: m.direction.toUpperCase(),
      classification:
        m.classification === 'auto-reply'
          ? 'Out_of_Office'
          : m.classification[0].toUpperCase() + m.classification.slice(1),
      sentAt: Date.parse(m.sentAt),
    })),
    templates: seed.templates.map((t) => ({ ...dropEmpty(t), channel: t.channel === 'email' ? 'gmail' : t.channel })),
  };
}

test('a file written by another tool (own casing and labels, empty fields left out) gives the same numbers', async ({
  context,
  extensionId,
}) => {
  const now = Date.now();
  const seed = generateSeed({ now, seed: 11 });
  const file = path.join(tmpdir(), `sidelog-insights-o-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(otherToolStyle(seed)));
  const ref = reference(seed, now);
  const panel = await openPanel(context, extensionId, 420);
  await importSeed(panel, file);
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await panel.getByLabel('Date range').selectOption('all');
  await expect(panel.getByTestId('thread-rate')).toContainText(`${ref.threads.k} of ${ref.threads.n} threads`);
  await expect(panel.getByTestId('prospect-rate')).toContainText(`${ref.prospects.k} of ${ref.prospects.n} people`);
  expect((await panel.getByTestId('funnel').locator('li .num').allInnerTexts()).map(Number)).toEqual(ref.funnel);

  // Reply rate by seniority (one prospect per seed thread): the labels were read as the levels.
  const seniorityOf = new Map(seed.prospects.map((p) => [p.id, p.seniority ?? 'unknown']));
  const want = new Map<string, string>();
  const live = seed.threads.filter((t) => ref.liveThreads.has(t.id));
  for (const value of new Set(live.map((t) => seniorityOf.get(t.prospectIds[0])!))) {
    const mine = live.filter((t) => seniorityOf.get(t.prospectIds[0]) === value);
    want.set(value, `${mine.filter((t) => ref.repliedThreads.has(t.id)).length}/${mine.length}`);
  }
  expect(want.size).toBeGreaterThan(3);
  const rows = panel.getByTestId('trait-table').locator('tbody tr');
  await expect(rows).toHaveCount(want.size);
  const got = new Map<string, string>();
  for (const r of await rows.all())
    got.set((await r.locator('th .clip').innerText()).trim(), (await r.locator('td.num').innerText()).trim());
  expect(got).toEqual(want);
});

test('prospect page: search, timeline across channels, edit stage and deal value, log a call', async ({
  context,
  extensionId,
}) => {
  const now = Date.now();
  const seed = generateSeed({ now, seed: 7 });
  const file = path.join(tmpdir(), `sidelog-insights-p-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(seed));
  const panel = await openPanel(context, extensionId, 360);
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await expect(panel.getByText('No prospects yet')).toBeVisible();
  await importSeed(panel, file);
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await expect(panel.getByTestId('prospect-count')).toHaveText(`${seed.prospects.length} prospects`);
  await panel.getByLabel('Stage filter').selectOption('won');
  const won = seed.prospects.filter((p) => p.stage === 'won').length;
  await expect(panel.getByTestId('prospect-count')).toHaveText(`${won} of ${seed.prospects.length} prospects`);
  await panel.getByLabel('Stage filter').selectOption('');

  // Someone on both channels.
  const channels = new Map<string, Set<string>>();
  for (const t of seed.threads)
    channels.set(t.prospectIds[0], (channels.get(t.prospectIds[0]) ?? new Set()).add(t.channel));
  const pid = [...channels].find(([, s]) => s.size === 2)![0];
  const p = seed.prospects.find((x) => x.id === pid)!;
  const email = p.emails[0];
  await panel.getByLabel('Search prospects').fill(email);
  await expect(panel.getByTestId('prospect-count')).toHaveText(`1 of ${seed.prospects.length} prospects`);
  await panel.getByRole('button', { name: new RegExp(p.name) }).click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(p.name);
  const expected = seed.messages.filter((m) => m.prospectId === pid).length;
  await expect(panel.getByRole('heading', { name: `Timeline (${expected})` })).toBeVisible();
  await expect(panel.getByTestId('timeline').locator('.ch-gmail').first()).toBeVisible();
  await expect(panel.getByTestId('timeline').locator('.ch-linkedin').first()).toBeVisible();

  await panel.getByLabel('Stage').selectOption('won');
  await panel.getByLabel('Deal value').fill('12345');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();
  await expect(panel.getByText('Stage (edited)')).toBeVisible();
  const stored = await panel.evaluate(
    (id) =>
      new Promise<Prospect>((resolve) => {
        const r = indexedDB.open('sidelog');
        r.onsuccess = () => {
          const g = r.result.transaction('prospects').objectStore('prospects').get(id);
          g.onsuccess = () => resolve(g.result);
        };
      }),
    pid,
  );
  expect(stored.stage).toBe('won');
  expect(stored.dealValue).toBe(12345);
  expect(stored.manualFields).toEqual(expect.arrayContaining(['stage', 'dealValue']));

  // Template picker on an outbound message: the user's word is stored as 'manual'.
  const firstOut = panel.getByTestId('timeline').getByLabel('Template of this message').last();
  const other = seed.templates.find((t) => t.name === 'Breakup')!;
  await firstOut.selectOption(other.id);
  await expect(firstOut).toHaveValue(other.id);
  await expect
    .poll(async () => {
      const ms = await panel.evaluate(
        (id) =>
          new Promise<Message[]>((resolve) => {
            const r = indexedDB.open('sidelog');
            r.onsuccess = () => {
              // Every message, then this prospect's: messages have no prospectId index (schema v5).
              const g = r.result.transaction('messages').objectStore('messages').getAll();
              g.onsuccess = () => resolve((g.result as Message[]).filter((m) => m.prospectId === id));
            };
          }),
        pid,
      );
      return ms.filter((m) => m.templateId === other.id && m.templateSource === 'manual').length;
    })
    .toBe(1);

  await panel.getByLabel('Call outcome').selectOption('voicemail');
  await panel.getByLabel('Call note').fill('left a message');
  await panel.getByRole('button', { name: 'Log call' }).click();
  await expect(panel.getByRole('heading', { name: `Timeline (${expected + 1})` })).toBeVisible();
  await expect(panel.getByTestId('timeline').locator('li').first()).toContainText('voicemail');
  await expect(panel.getByTestId('timeline').locator('li').first()).toContainText('left a message');
});
