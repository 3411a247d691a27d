// lib/insights/prospects.ts: the Prospects tab's reads (on fake-indexeddb) under their factory
// keys, the list's search, stage filter and pages, the edit form's diff, and its actions with the
// words the tab shows for them and the reads they refresh.
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { dropHeldFacts, FACTS_REV_KEY } from '@/lib/insights/facts-store';
import {
  editsOf,
  filterProspects,
  formOf,
  importLeadList,
  indexProspects,
  leadFileRefused,
  loadProspect,
  loadProspectList,
  loadTimeline,
  logProspectCall,
  mergePreviewQuery,
  mergeTwoProspects,
  nextScheduledDue,
  NOT_CONTACTED,
  PAGE_SIZE,
  pageOf,
  prospectListQuery,
  prospectQuery,
  readLeadFile,
  saveProspect,
  scheduledPending,
  setTimelineTemplate,
  timelineQuery,
  timelineView,
  undoProspectMerge,
  type ProspectListRow,
} from '@/lib/insights/prospects';
import { queryKeys } from '@/lib/insights/query-keys';
import { MAX_LEAD_FILE_BYTES } from '@/lib/leads/file';
import { guessMapping, sampleColumns } from '@/lib/leads/guess';
import { parseLeadText } from '@/lib/leads/parse';
import { buildLeads } from '@/lib/leads/rows';
import type { Prospect } from '@/lib/schema/model';
import { createTemplate } from '@/lib/templates/store';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';
import { messageRow, prospectRow } from '../helpers/rows';

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
});

const ingest = (...events: Parameters<typeof ingestEvents>[1]) =>
  ingestEvents({ db: getDb(), settings: settings(), now: () => T0 }, events);

/** A client holding data under the Prospects tab's keys, the settings' and one key of nobody's; says which went stale. */
function seeded() {
  const qc = new QueryClient();
  const keys = {
    list: queryKeys.prospects.list(),
    detail: queryKeys.prospects.detail('p1'),
    timeline: queryKeys.prospects.timeline('p1'),
    dashboard: queryKeys.dashboard(),
    settings: queryKeys.settings(),
    other: ['not-from-the-db'],
  };
  for (const k of Object.values(keys)) qc.setQueryData(k, 1);
  const stale = () =>
    Object.entries(keys)
      .filter(([, k]) => qc.getQueryState(k)?.isInvalidated)
      .map(([n]) => n);
  return { qc, stale };
}
const PANEL_READS = ['list', 'detail', 'timeline', 'dashboard'];

describe('reads', () => {
  it('the list: stored prospects from the facts, "contacted" when some outreach is logged, indexed by name under the list key', async () => {
    const db = getDb();
    await ingest(gmailSend({ to: [{ email: 'zoe@acme.com', name: 'Zoé Zed' }] }));
    await db.prospects.put(prospectRow('lead', { name: 'Adam Lead', company: 'Beta', emails: ['adam@beta.io'] }));
    dropHeldFacts(db);
    const rows = await loadProspectList(db);
    expect(rows.map((p) => [p.name, p.contacted]).sort()).toEqual([
      ['Adam Lead', false],
      ['Zoé Zed', true],
    ]);
    const q = prospectListQuery();
    expect(q.queryKey).toEqual(queryKeys.prospects.list());
    const index = q.select!(await new QueryClient().fetchQuery(q));
    expect(index.map((x) => x.p.name)).toEqual(['Adam Lead', 'Zoé Zed']);
    expect(index[0].hay).toBe('adam lead beta    adam@beta.io');
  });

  it('one prospect, null once gone', async () => {
    await getDb().prospects.put(prospectRow('p1'));
    expect((await loadProspect('p1'))?.id).toBe('p1');
    expect(await loadProspect('gone')).toBeNull();
    expect(prospectQuery('p1').queryKey).toEqual(queryKeys.prospects.detail('p1'));
    expect(await new QueryClient().fetchQuery(prospectQuery('gone'))).toBeNull();
  });

  it('the timeline: their messages and those of their threads, oldest first; shown newest first with the channels', async () => {
    const db = getDb();
    await db.threads.bulkPut([
      {
        id: 't1',
        channel: 'gmail',
        externalId: 't1',
        prospectIds: ['p1', 'p2'],
        subject: null,
        keys: ['t1'],
        updatedAt: T0,
      },
      {
        id: 't2',
        channel: 'linkedin',
        externalId: 't2',
        prospectIds: ['p1'],
        subject: null,
        keys: ['t2'],
        updatedAt: T0,
      },
    ]);
    await db.messages.bulkPut([
      messageRow('m2', 't1', { sentAt: T0 + 2, prospectId: 'p2' }),
      messageRow('m1', 't1', { sentAt: T0 + 1 }),
      messageRow('m3', 't2', { sentAt: T0 + 3, channel: 'linkedin' }),
      messageRow('elsewhere', 't9', { sentAt: T0 + 4, prospectId: 'p3' }),
    ]);
    const t = await loadTimeline('p1', db);
    expect(t.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    const v = timelineView(t);
    expect(v).toMatchObject({ count: 3, channels: ['gmail', 'linkedin'] });
    expect(v.shown.map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
    expect(timelineQuery('p1').queryKey).toEqual(queryKeys.prospects.timeline('p1'));
    expect(timelineQuery('p1').select).toBe(timelineView);
  });

  it('the timeline draws the newest 200 of a long one, and counts them all', () => {
    const messages = Array.from({ length: 250 }, (_, i) => messageRow(`m${i}`, 't', { sentAt: T0 + i }));
    const v = timelineView({ messages, threads: [] });
    expect([v.count, v.shown.length, v.shown[0].id, v.shown[199].id]).toEqual([250, 200, 'm249', 'm50']);
  });

  it('two prospects side by side before a merge, under their own key', async () => {
    await getDb().prospects.bulkPut([
      prospectRow('a', { name: 'Ada', createdAt: T0 }),
      prospectRow('b', { name: 'Ada L.', createdAt: T0 + 1 }),
    ]);
    const q = mergePreviewQuery(['a', 'b']);
    expect(q.queryKey).toEqual(queryKeys.prospects.mergePreview('a', 'b'));
    const p = await new QueryClient().fetchQuery(q);
    expect([p.kept.id, p.merged.id, p.messages]).toEqual(['a', 'b', { kept: 0, merged: 0 }]);
  });
});

describe('scheduled messages on the timeline', () => {
  const at = T0 + 3_600_000;
  const sched = messageRow('s', 't', { status: 'scheduled', scheduledAt: at, sentAt: at });
  it('"not sent yet" until due; a schedule of unknown time until Gmail says', () => {
    expect(scheduledPending(sched, T0)).toBe(true);
    expect(scheduledPending(sched, at)).toBe(false);
    expect(scheduledPending({ ...sched, scheduledAt: null }, at + 1)).toBe(true);
    expect(scheduledPending(messageRow('x', 't', { sentAt: at }), T0)).toBe(false);
  });
  it('the next one to fall due', () => {
    const later = { ...sched, id: 'later', sentAt: at + 5, scheduledAt: at + 5 };
    expect(nextScheduledDue([later, sched, messageRow('x', 't', { sentAt: at + 1 })], T0)).toBe(at);
    expect(nextScheduledDue([later, sched], at)).toBe(at + 5);
    expect(nextScheduledDue([{ ...sched, scheduledAt: null }], T0)).toBeNull();
  });
});

describe('the list', () => {
  const row = (name: string, over: Partial<ProspectListRow> = {}): ProspectListRow => ({
    id: name,
    name,
    emails: [],
    linkedinUrl: null,
    company: null,
    title: null,
    seniority: null,
    industry: null,
    location: null,
    companySize: null,
    stage: 'contacted',
    dealValue: null,
    traits: {},
    contacted: true,
    ...over,
  });
  const index = indexProspects([
    row('Émile Zola', { company: 'Acme', title: 'CTO' }),
    row('ada Byron', { emails: ['ada@acme.com'], stage: 'replied' }),
    row('Bob Lead', { contacted: false, company: 'Acme' }),
    row('Carl Won', { stage: 'won', contacted: false }),
  ]);
  const names = (xs: readonly { p: ProspectListRow }[]) => xs.map((x) => x.p.name);

  it('by name, accents and case aside', () => {
    expect(names(index)).toEqual(['ada Byron', 'Bob Lead', 'Carl Won', 'Émile Zola']);
  });

  it('every word of the search must be somewhere in the row', () => {
    expect(names(filterProspects(index, { search: 'acme', stage: '' }))).toEqual([
      'ada Byron',
      'Bob Lead',
      'Émile Zola',
    ]);
    expect(names(filterProspects(index, { search: ' ACME  cto ', stage: '' }))).toEqual(['Émile Zola']);
    expect(filterProspects(index, { search: '', stage: '' })).toBe(index);
  });

  it('"not contacted yet" is a stage of its own: stored "contacted" with no outreach logged', () => {
    expect(names(filterProspects(index, { search: '', stage: NOT_CONTACTED }))).toEqual(['Bob Lead']);
    expect(names(filterProspects(index, { search: '', stage: 'contacted' }))).toEqual(['Émile Zola']);
    expect(names(filterProspects(index, { search: '', stage: 'won' }))).toEqual(['Carl Won']);
  });

  it('pages of 50; a page past the end shows the last', () => {
    const hits = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(hits, 0)).toMatchObject({ page: 0, pages: 3, rows: hits.slice(0, PAGE_SIZE) });
    expect(pageOf(hits, 7)).toMatchObject({ page: 2, pages: 3, rows: hits.slice(100) });
    expect(pageOf([], 3)).toEqual({ page: 0, pages: 1, rows: [] });
  });
});

describe('the edit form', () => {
  const p = prospectRow('p1', { name: 'Ada', title: 'CTO', dealValue: 100, traits: { source: 'Apollo' } });

  it('as stored, nothing changed', () => {
    const f = formOf(p);
    expect(f).toMatchObject({
      name: 'Ada',
      title: 'CTO',
      company: '',
      dealValue: '100',
      seniority: '',
      traits: [['source', 'Apollo']],
    });
    expect(editsOf(p, f)).toEqual({});
  });

  it('only what changed, in stored form; blank text is none, a blank name or a non-number deal value is no change', () => {
    const f = formOf(p);
    expect(
      editsOf(p, { ...f, title: '  ', company: ' Acme ', stage: 'won', dealValue: '', seniority: 'c-level' }),
    ).toEqual({
      title: null,
      company: 'Acme',
      stage: 'won',
      dealValue: null,
      seniority: 'c-level',
    });
    expect(editsOf(p, { ...f, name: '  ', dealValue: 'abc' })).toEqual({});
    expect(
      editsOf(p, {
        ...f,
        traits: [
          [' source ', 'Apollo'],
          ['', 'dropped'],
          ['campaign', 'Q4'],
        ],
      }),
    ).toEqual({ traits: { source: 'Apollo', campaign: 'Q4' } });
  });
});

describe('actions', () => {
  it('save: the fields are stored and marked edited, "Saved.", every panel read refreshed; a failure is said', async () => {
    const db = getDb();
    await db.prospects.put(prospectRow('p1', { name: 'Ada' }));
    const { qc, stale } = seeded();
    expect(await saveProspect(qc, 'p1', { stage: 'won', dealValue: 500 })).toEqual({ ok: true, message: 'Saved.' });
    expect(await db.prospects.get('p1')).toMatchObject({
      stage: 'won',
      dealValue: 500,
      manualFields: ['stage', 'dealValue'],
    });
    expect(stale()).toEqual(PANEL_READS);
    const other = seeded();
    expect(await saveProspect(other.qc, 'gone', { stage: 'won' })).toEqual({
      ok: false,
      message: 'Error: No prospect gone',
    });
    expect(other.stale()).toEqual([]);
  });

  it('log a call: in their timeline at the time given', async () => {
    const db = getDb();
    await db.prospects.put(prospectRow('p1', { emails: ['p1@x.co'] }));
    const { qc, stale } = seeded();
    expect(
      await logProspectCall(qc, { prospectId: 'p1', outcome: 'voicemail', note: 'left a message' }, T0 + 5),
    ).toEqual({ ok: true, message: null });
    const [m] = (await loadTimeline('p1', db)).messages;
    expect(m).toMatchObject({ kind: 'call', callOutcome: 'voicemail', text: 'left a message', sentAt: T0 + 5 });
    expect(stale()).toEqual(PANEL_READS);
    expect(await logProspectCall(qc, { prospectId: 'gone', outcome: 'connected', note: '' })).toEqual({
      ok: false,
      message: 'Error: No prospect gone',
    });
  });

  it("set a message's template: the user's word, and the numbers follow", async () => {
    const db = getDb();
    const t = await createTemplate(db, { name: 'Intro', channel: 'any', subject: null, body: 'Hi', tags: [] });
    const sent = gmailSend();
    await ingest(sent, gmailInbound({ threadExternalId: sent.threadExternalId }));
    const out = (await db.messages.toArray()).find((m) => m.direction === 'outbound')!;
    const { qc, stale } = seeded();
    expect(await setTimelineTemplate(qc, out.id, t.id)).toEqual({ ok: true, message: null });
    expect(await db.messages.get(out.id)).toMatchObject({
      templateId: t.id,
      templateSource: 'manual',
      templateVersion: 1,
    });
    expect((await db.threads.get(out.threadId))?.summary?.firstTemplateId).toBe(t.id);
    expect(stale()).toEqual(PANEL_READS);
    expect(await setTimelineTemplate(qc, 'gone', null)).toEqual({ ok: false, message: 'Error: No message gone' });
  });

  it('merge two, then undo: the record comes back marked undone; failures are said', async () => {
    const db = getDb();
    await db.prospects.bulkPut([
      prospectRow('a', { name: 'Ada', createdAt: T0 }),
      prospectRow('b', { name: 'Ada L.', createdAt: T0 + 1 }),
    ]);
    const { qc, stale } = seeded();
    const merged = await mergeTwoProspects(qc, ['a', 'b']);
    if (!merged.ok) throw new Error(merged.message);
    expect([merged.record.keptId, merged.record.mergedId]).toEqual(['a', 'b']);
    expect(await db.prospects.count()).toBe(1);
    expect(stale()).toEqual(PANEL_READS);
    expect(await mergeTwoProspects(qc, ['a', 'a'])).toEqual({ ok: false, message: 'Pick two different prospects.' });

    const again = seeded();
    const undone = await undoProspectMerge(again.qc, merged.record, T0 + 9);
    expect(undone).toEqual({ ok: true, record: { ...merged.record, undoneAt: T0 + 9 } });
    expect((await db.prospects.toArray()).map((p) => p.id).sort()).toEqual(['a', 'b']);
    expect(again.stale()).toEqual(PANEL_READS);
    expect(await undoProspectMerge(qc, merged.record)).toEqual({
      ok: false,
      message: 'This merge was undone already.',
    });
  });
});

describe('lead lists', () => {
  const file = (text: string | Uint8Array<ArrayBuffer>, name = 'leads.csv') => new File([text], name);
  async function rowsOf(csv: string) {
    const p = await parseLeadText(csv);
    return buildLeads(p, guessMapping(p.headers, sampleColumns(p.rows, p.headers.length)), { leadSource: 'Apollo' });
  }

  it('an empty or too large file is refused before it is read', () => {
    expect(leadFileRefused(0)).toBe('This file is empty.');
    expect(leadFileRefused(MAX_LEAD_FILE_BYTES + 1)).toMatch(
      /^This file is 25 MB; Sidelog reads lead lists up to 25 MB/,
    );
    expect(leadFileRefused(1000)).toBeNull();
  });

  it('reads a CSV for the mapping screen with the stored prospects; a workbook is refused with why', async () => {
    await getDb().prospects.put(prospectRow('p1'));
    const r = await readLeadFile(file('Email,Name\nada@acme.com,Ada\n'));
    if (!r.ok) throw new Error(r.message);
    expect([r.file.name, r.file.parsed.rows.length, r.stored.map((p: Prospect) => p.id)]).toEqual([
      'leads.csv',
      1,
      ['p1'],
    ]);
    const xlsx = await readLeadFile(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'leads.xlsx'));
    expect(xlsx).toEqual({ ok: false, message: expect.stringMatching(/^This is an Excel workbook/) });
  });

  it('imports, brings the stored facts up to date and refreshes the panel; says when a row has a lead source', async () => {
    const db = getDb();
    const { qc, stale } = seeded();
    const r = await importLeadList(qc, await rowsOf('Email,Name\nada@acme.com,Ada\n'), T0);
    expect(r).toMatchObject({ ok: true, hasLeadSource: true, result: { written: 1 } });
    expect(await db.prospects.count()).toBe(1);
    expect(await db.meta.get(FACTS_REV_KEY)).toBeDefined();
    expect(stale()).toEqual(PANEL_READS);
  });

  it('a failed import writes nothing, says so, and reads the stored prospects again for the preview', async () => {
    const db = getDb();
    await db.prospects.put(prospectRow('p1'));
    const orig = db.prospects.bulkPut.bind(db.prospects);
    (db.prospects as unknown as { bulkPut: unknown }).bulkPut = async () => {
      throw new Error('disk full');
    };
    try {
      const r = await importLeadList(new QueryClient(), await rowsOf('Email,Name\nada@acme.com,Ada\n'), T0);
      expect(r).toMatchObject({ ok: false, message: 'Nothing was imported: disk full' });
      expect(!r.ok && r.stored.map((p) => p.id)).toEqual(['p1']);
    } finally {
      (db.prospects as unknown as { bulkPut: unknown }).bulkPut = orig;
    }
  });
});
