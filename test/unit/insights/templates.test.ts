// lib/insights/templates.ts: the Templates tab's reads (on fake-indexeddb), the list's filter, and
// its actions with the words the tab shows and the keys they refresh.
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import { loadDashboardData } from '@/lib/insights/load';
import { queryKeys } from '@/lib/insights/query-keys';
import {
  filterTemplates,
  insertTemplate,
  loadRecentProspects,
  recentProspectsQuery,
  saveTemplate,
  templateAction,
  templatesQuery,
  templateStatsOf,
  type InsertDeps,
} from '@/lib/insights/templates';
import type { TabLike } from '@/lib/prospects/page-prospect';
import type { Template } from '@/lib/schema/model';
import { NO_SITE_TAB, NOT_READY } from '@/lib/templates/insert';
import { createTemplate, setTemplateArchived, TemplateError, type TemplateDraft } from '@/lib/templates/store';
import { prospectRow } from '../helpers/rows';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  name: 'Intro',
  channel: 'any',
  subject: null,
  body: 'Hi {{firstName|there}}',
  tags: [],
  ...over,
});

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
});

describe('reads', () => {
  it('the library, archived templates included, under the one templates key', async () => {
    const db = getDb();
    const a = await createTemplate(db, draft({ name: 'A' }));
    await createTemplate(db, draft({ name: 'B' }));
    await setTemplateArchived(db, a.id, true);
    const q = templatesQuery();
    expect(q.queryKey).toEqual(queryKeys.templates.all());
    const rows = await new QueryClient().fetchQuery(q);
    expect(rows.map((t) => [t.name, t.archived]).sort()).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });

  it('the prospects offered for the preview: updated last first, at most the limit', async () => {
    const db = getDb();
    await db.prospects.bulkPut([
      prospectRow('old', { updatedAt: 1 }),
      prospectRow('new', { updatedAt: 3 }),
      prospectRow('mid', { updatedAt: 2 }),
    ]);
    expect((await loadRecentProspects(db, 2)).map((p) => p.id)).toEqual(['new', 'mid']);
    expect(recentProspectsQuery().queryKey).toEqual(queryKeys.prospects.recent());
    expect((await new QueryClient().fetchQuery(recentProspectsQuery())).map((p) => p.id)).toEqual([
      'new',
      'mid',
      'old',
    ]);
  });

  it("the numbers: from the dashboard's read, first touch with n and interval, uses", async () => {
    const db = getDb();
    const t = await createTemplate(db, draft());
    const sent = gmailSend({ template: { id: t.id, version: 1 } });
    await ingestEvents({ db, settings: settings(), now: () => T0 }, [
      sent,
      gmailInbound({ threadExternalId: sent.threadExternalId }),
    ]);
    const stats = templateStatsOf(await loadDashboardData(db));
    expect(stats.get(t.id)).toMatchObject({
      uses: 1,
      firstTouch: { k: 1, n: 1, rate: 1, hi: 1, vsRest: { verdict: 'too-early' } },
      versions: [{ version: 1, k: 1, n: 1 }],
    });
    expect(stats.get(t.id)!.firstTouch!.lo).toBeCloseTo(0.2065, 3);
  });
});

describe('filterTemplates', () => {
  const t = (name: string, over: Partial<Template> = {}): Template => ({
    id: name,
    name,
    channel: 'any',
    subject: null,
    body: '',
    tags: [],
    archived: false,
    version: 1,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  });
  const all = [
    t('Zeta', { tags: ['cold'] }),
    t('alpha', { subject: 'Quick QUESTION' }),
    t('Beta', { archived: true, tags: ['dach', 'cold'] }),
    t('Gamma', { body: 'see you at the event' }),
  ];

  it('hides archived ones unless asked, active first then by name; tags and the archived count are of the whole library', () => {
    const r = filterTemplates(all, { query: '', tag: '', showArchived: false });
    expect(r.visible.map((x) => x.name)).toEqual(['alpha', 'Gamma', 'Zeta']);
    expect(r.tags).toEqual(['cold', 'dach']);
    expect(r.archivedCount).toBe(1);
    expect(filterTemplates(all, { query: '', tag: '', showArchived: true }).visible.map((x) => x.name)).toEqual([
      'alpha',
      'Gamma',
      'Zeta',
      'Beta',
    ]);
  });

  it('searches name, subject, body and tags, case ignored; filters by tag', () => {
    const names = (query: string, tag = '') =>
      filterTemplates(all, { query, tag, showArchived: true }).visible.map((x) => x.name);
    expect(names('question')).toEqual(['alpha']);
    expect(names('  EVENT ')).toEqual(['Gamma']);
    expect(names('dach')).toEqual(['Beta']);
    expect(names('', 'cold')).toEqual(['Zeta', 'Beta']);
    expect(names('zeta', 'dach')).toEqual([]);
  });
});

describe('actions', () => {
  /** A client holding the templates list, the dashboard data and the prospects list. */
  function client() {
    const qc = new QueryClient();
    for (const k of [queryKeys.templates.all(), queryKeys.dashboard(), queryKeys.prospects.list()])
      qc.setQueryData(k, 1);
    const stale = () =>
      [queryKeys.templates.all(), queryKeys.dashboard(), queryKeys.prospects.list()].map(
        (k) => qc.getQueryState(k)!.isInvalidated,
      );
    return { qc, stale };
  }

  it('save: created, saved, saved as a new version; each refreshes the library and the numbers', async () => {
    const db = getDb();
    let c = client();
    expect(await saveTemplate(c.qc, 'new', draft({ name: 'Intro' }), db)).toBe('Created "Intro".');
    expect(c.stale()).toEqual([true, true, false]);
    const [t] = await db.templates.toArray();
    c = client();
    expect(await saveTemplate(c.qc, t, draft({ name: 'Intro 2' }), db)).toBe('Saved "Intro 2".');
    expect(
      await saveTemplate(
        c.qc,
        (await db.templates.get(t.id))!,
        draft({ name: 'Intro 2', body: 'Hello {{firstName}}' }),
        db,
      ),
    ).toBe('Saved "Intro 2" as version 2.');
    expect(c.stale()).toEqual([true, true, false]);
  });

  it('save: an invalid draft throws for the form to show, and writes nothing', async () => {
    const c = client();
    await expect(saveTemplate(c.qc, 'new', draft({ body: 'Hi {{firstName' }), getDb())).rejects.toBeInstanceOf(
      TemplateError,
    );
    expect(await getDb().templates.count()).toBe(0);
  });

  it('duplicate, archive, restore; a failure is said', async () => {
    const db = getDb();
    const t = await createTemplate(db, draft());
    const c = client();
    expect(await templateAction(c.qc, t, 'duplicate', db)).toBe('Duplicated "Intro".');
    expect((await db.templates.toArray()).map((x) => x.name).sort()).toEqual(['Intro', 'Intro (copy)']);
    expect(await templateAction(c.qc, t, 'archive', db)).toBe('Archived "Intro".');
    expect((await db.templates.get(t.id))!.archived).toBe(true);
    expect(await templateAction(c.qc, t, 'unarchive', db)).toBe('Restored "Intro".');
    expect(await templateAction(c.qc, { ...t, id: 'gone' }, 'archive', db)).toBe('No template gone');
    expect(c.stale()).toEqual([true, true, false]);
  });
});

describe('insertTemplate', () => {
  const tpl: Template = {
    id: 't1',
    name: 'Intro',
    channel: 'any',
    subject: null,
    body: 'Hi {{firstName|there}}, how is {{company}}?',
    tags: [],
    archived: false,
    version: 2,
    createdAt: 0,
    updatedAt: 0,
  };
  const gmail: TabLike = { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox?compose=new', active: true };
  const linkedin: TabLike = { id: 8, url: 'https://www.linkedin.com/messaging/thread/2-abc/', active: true };
  function deps(tab: TabLike | null, over: Partial<InsertDeps> = {}): InsertDeps & { sent: unknown[] } {
    const sent: unknown[] = [];
    return {
      sent,
      tabs: { query: async (q) => (tab && (q.active || q.url) ? [tab] : []) },
      send: async (data, tabId) => {
        sent.push({ ...data, tabId });
        return { ok: true };
      },
      personOf: async () => ({ name: 'Jane Doe', company: 'Acme', title: null }),
      ...over,
    };
  }

  it('fills the tab with the person that tab shows, read at the insert', async () => {
    const d = deps(gmail);
    expect(await insertTemplate(tpl, 'tab', d)).toEqual({
      ok: true,
      message: 'Inserted into the Gmail compose. Review it and send it yourself.',
    });
    expect(d.sent).toEqual([
      { subject: null, body: 'Hi Jane, how is Acme?', templateId: 't1', templateVersion: 2, tabId: 7 },
    ]);
  });

  it('with the person chosen for the preview, says which variables are left to fill', async () => {
    const d = deps(linkedin, { personOf: vi.fn() });
    const r = await insertTemplate(tpl, { name: 'Bob Builder', company: null, title: null }, d);
    expect(r).toEqual({
      ok: true,
      message: 'Inserted into the LinkedIn message box. Review it and send it yourself. Fill in {{company}} first.',
    });
    expect(d.personOf).not.toHaveBeenCalled();
    expect((await insertTemplate(tpl, null, deps(gmail))).message).toContain('Fill in {{company}} first.');
  });

  it('says why nothing was inserted: no site tab, no content script, the page refused', async () => {
    expect(await insertTemplate(tpl, 'tab', deps(null))).toEqual({ ok: false, message: NO_SITE_TAB });
    expect(
      await insertTemplate(
        tpl,
        'tab',
        deps(gmail, { send: () => Promise.reject(new Error('Receiving end does not exist')) }),
      ),
    ).toEqual({ ok: false, message: NOT_READY });
    expect(
      await insertTemplate(
        tpl,
        'tab',
        deps(gmail, { send: async () => ({ ok: false, reason: 'Open a compose first.' }) }),
      ),
    ).toEqual({ ok: false, message: 'Open a compose first.' });
  });
});
