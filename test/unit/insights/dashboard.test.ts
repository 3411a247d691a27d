// lib/insights/dashboard.ts: the Dashboard's read (as its query options) and the plain functions
// between its filter bar and lib/analytics.
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeFacts } from '@/lib/analytics/facts';
import { getDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import {
  dashboardQuery,
  dateInput,
  filtersOf,
  initialFilterChoice,
  prospectNames,
  startOfDayAgo,
  templateTags,
  type FilterChoice,
} from '@/lib/insights/dashboard';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import { queryKeys } from '@/lib/insights/query-keys';
import { createTemplate } from '@/lib/templates/store';
import { T0, gmailInbound, gmailSend, settings } from '../helpers/events';

const DAY = 86_400_000;
// Local time throughout, as the panel shows dates: 2026-03-15 14:30 local.
const now = new Date(2026, 2, 15, 14, 30).getTime();
const choice = (over: Partial<FilterChoice>): FilterChoice => ({ ...initialFilterChoice(now), ...over });

describe('filtersOf', () => {
  it('starts a range at local midnight, N days back counting today', () => {
    expect(filtersOf(choice({ range: '7' }), now)).toEqual({
      from: new Date(2026, 2, 9).getTime(),
      to: null,
      channel: null,
      tag: null,
    });
    expect(filtersOf(choice({ range: '90' }), now).from).toBe(startOfDayAgo(now, 90));
    expect(new Date(startOfDayAgo(now, 90)).getHours()).toBe(0);
    expect(filtersOf(choice({ range: 'all' }), now)).toEqual({ from: null, to: null, channel: null, tag: null });
  });

  it('runs a custom range from the start of its first day to the end of its last; a half-typed date is an open end', () => {
    const c = choice({ range: 'custom', custom: { from: '2026-03-01', to: '2026-03-10' } });
    expect(filtersOf(c, now)).toMatchObject({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 11).getTime(),
    });
    expect(filtersOf(choice({ range: 'custom', custom: { from: '', to: '2026-03-10' } }), now)).toMatchObject({
      from: null,
      to: new Date(2026, 2, 11).getTime(),
    });
    expect(filtersOf(choice({ range: 'custom', custom: { from: '2026-03-01', to: '2026-1' } }), now)).toMatchObject({
      to: null,
    });
  });

  it('passes channel and tag, "" meaning all', () => {
    expect(filtersOf(choice({ channel: 'linkedin', tag: 'cold' }), now)).toMatchObject({
      channel: 'linkedin',
      tag: 'cold',
    });
  });

  it('presets the custom dates to the last 30 days', () => {
    expect(initialFilterChoice(now)).toEqual({
      range: '90',
      custom: { from: '2026-02-14', to: '2026-03-15' },
      channel: '',
      tag: '',
    });
    expect(dateInput(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    expect(dateInput(now - 29 * DAY)).toBe('2026-02-14');
  });
});

describe('prospectNames and templateTags', () => {
  it('names stored prospects only', () => {
    const p = (id: string, name: string) => ({
      id,
      name,
      emails: [],
      linkedinUrl: null,
      company: null,
      title: null,
      seniority: null,
      industry: null,
      location: null,
      companySize: null,
      stage: 'contacted' as const,
      dealValue: null,
      traits: {},
    });
    const thread = { id: 't', channel: 'gmail' as const, prospectIds: ['ghost'], subject: null };
    const names = prospectNames(encodeFacts([thread], [p('a', 'Ada'), p('b', 'Bob')]));
    expect([...names]).toEqual([
      ['a', 'Ada'],
      ['b', 'Bob'],
    ]);
  });
  it('lists every tag once, sorted', () => {
    const t = (tags: string[]) => ({ tags }) as unknown as Parameters<typeof templateTags>[0][number];
    expect(templateTags([t(['cold', 'dach']), t(['q3', 'cold']), t([])])).toEqual(['cold', 'dach', 'q3']);
  });
});

describe('dashboardQuery', () => {
  beforeEach(async () => {
    const db = getDb();
    await Promise.all(db.tables.map((t) => t.clear()));
    dropHeldFacts(db);
  });

  it('reads the facts, the templates and the settings under the dashboard key', async () => {
    const db = getDb();
    const sent = gmailSend();
    await ingestEvents({ db, settings: settings(), now: () => T0 }, [
      sent,
      gmailInbound({ threadExternalId: sent.threadExternalId }),
    ]);
    await createTemplate(db, {
      name: 'Intro',
      channel: 'any',
      subject: null,
      body: 'Hi {{firstName}}',
      tags: ['cold'],
    });
    const q = dashboardQuery();
    expect(q.queryKey).toEqual(queryKeys.dashboard());
    const data = await new QueryClient().fetchQuery(q);
    expect(data.facts.threads.n).toBe(1);
    expect([...prospectNames(data.facts).values()]).toEqual(['Ada Lovelace']);
    expect(data.templates.map((t) => t.name)).toEqual(['Intro']);
    expect(data.settings.replyWindowDays).toBe(30);
  });
});
