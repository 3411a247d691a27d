// lib/analytics/templates.ts: the Templates tab's numbers are the Dashboard's template rows.
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '@/lib/analytics/dashboard';
import { encodeFacts } from '@/lib/analytics/facts';
import { templateSummaries } from '@/lib/analytics/templates';
import { generateSeed } from '@/lib/dev/seed';
import { wilson } from '@/lib/analytics/stats';
import { seedRecords } from '../helpers/seed-records';

const day = 86_400_000;
let k = 0;
const sum = (over: Record<string, unknown>) => ({
  id: `t${++k}`,
  channel: 'gmail' as const,
  prospectIds: ['p'],
  subject: null,
  summary: {
    firstMessageAt: 0,
    firstDirection: 'outbound' as const,
    firstOutboundAt: 0,
    firstOutboundMessageId: 'm',
    firstTemplateId: 't',
    firstTemplateVersion: 1,
    outboundCount: 1,
    inboundCount: 0,
    lastOutboundAt: 0,
    lastInboundAt: null,
    firstReplyAt: null,
    firstReplyMessageId: null,
    replyCreditTemplateId: null,
    replyCreditTemplateVersion: null,
    replyCreditStep: null,
    autoReplyCount: 0,
    bounced: false,
    awaitingUser: false,
    sends: [],
    ...over,
  },
});
const send = (templateId: string) => ({ at: 0, templateId, call: null });

describe('templateSummaries', () => {
  const facts = encodeFacts(
    [
      sum({ firstReplyAt: 2 * day, sends: [send('t'), send('u')] }),
      sum({ firstReplyAt: 40 * day }), // outside the 30-day window
      sum({ bounced: true, sends: [send('t')] }),
      sum({ firstTemplateVersion: 2, sends: [send('t')] }),
      sum({ firstDirection: 'inbound' }),
      { ...sum({}), summary: undefined },
      { ...sum({}), prospectIds: [] }, // no prospect: not outreach
      sum({ firstTemplateId: null, firstReplyAt: day }), // no template: in the rest only
    ],
    [],
  );
  const templates = [
    { id: 't', name: 'T', tags: [], archived: false, version: 2 },
    { id: 'u', name: 'U', tags: [], archived: false, version: 1 },
  ];

  it('counts first touches per version with n and interval, excludes bounces, applies the reply window; uses are any step', () => {
    const s = templateSummaries({ facts, templates, replyWindowDays: 30, minSample: 2 });
    const t = s.get('t')!;
    expect(t.uses).toBe(3);
    expect(t.firstTouch).toMatchObject({ key: 't', label: 'T', ...wilson(1, 3) });
    // Against the rest (the no-template thread, which replied): 1/3 vs 1/1.
    expect(t.firstTouch!.vsRest.verdict).toBe('too-early');
    expect(t.versions.map((v) => [v.version, v.k, v.n])).toEqual([
      [2, 0, 1],
      [1, 1, 2],
    ]);
    expect(t.versions[1]).toMatchObject(wilson(1, 2));
    expect(s.get('u')).toEqual({ firstTouch: null, versions: [], uses: 1 });
    // The reply window moves the late reply in.
    expect(
      templateSummaries({ facts, templates, replyWindowDays: 60, minSample: 2 }).get('t')!.firstTouch,
    ).toMatchObject({ k: 2, n: 3 });
  });

  it("is the Dashboard's template table over all time, row for row, on the seed", () => {
    const now = Date.UTC(2026, 10, 27, 12);
    const file = generateSeed({ now, prospects: 300, threads: 400 });
    const { threads, prospects, templates: tpls } = seedRecords(file);
    const seedFacts = encodeFacts(threads, prospects);
    const dash = computeDashboard({
      facts: seedFacts,
      templates: tpls,
      now,
      replyWindowDays: 30,
      minSample: 10,
      filters: {},
      dimension: 'seniority',
    });
    const s = templateSummaries({ facts: seedFacts, templates: tpls, replyWindowDays: 30, minSample: 10 });

    const rows = dash.templates.filter((r) => r.key !== '(none)');
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(s.get(r.key)!.firstTouch).toEqual(r);
    expect([...s.values()].filter((x) => x.firstTouch).length).toBe(rows.length);
    const versions = [...s].flatMap(([id, x]) =>
      x.versions.map(({ version, ...r }) => [`${id}@${version}`, r] as const),
    );
    expect(new Map(versions)).toEqual(new Map(dash.versions.map((r) => [r.key, r])));
    // Some verdict other than "too early" is covered.
    expect(rows.some((r) => r.vsRest.verdict !== 'too-early')).toBe(true);
    // Uses: every outbound message (and call) that carries the template.
    const used = new Map<string, number>();
    for (const m of file.messages)
      if (m.direction === 'outbound' && m.templateId) used.set(m.templateId, (used.get(m.templateId) ?? 0) + 1);
    expect(new Map([...s].filter(([, x]) => x.uses > 0).map(([id, x]) => [id, x.uses]))).toEqual(used);
  });
});
