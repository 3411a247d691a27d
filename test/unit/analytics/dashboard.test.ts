// Every metric on a small data set computed by hand (the comments give the arithmetic), plus the
// edge cases: no data, all bounced, auto-replies only, one prospect on both channels, a reply
// outside the window. Summaries come from the real lib/records/summary.ts, as ingestion keeps them.
import { describe, expect, it } from 'vitest';
import { activity } from '@/lib/analytics/activity';
import { computeDashboard } from '@/lib/analytics/dashboard';
import { funnel, funnelByDimension, funnelByTemplate } from '@/lib/analytics/funnel';
import { awaitingUser, followUps, timeToReply } from '@/lib/analytics/lists';
import { popupSummary } from '@/lib/analytics/popup';
import {
  prospectResponseRate,
  rateByDimension,
  replyCredit,
  stepRates,
  templateByDimension,
  templateFirstTouchRates,
  templateVersionRates,
  threadReplyRate,
  traitDifferences,
  unitCounts,
} from '@/lib/analytics/rates';
import {
  encodeFacts,
  type AnalyticsProspect,
  type AnalyticsTemplate,
  type AnalyticsThread,
} from '@/lib/analytics/facts';
import { buildUnits, taggedCodes, unitThreadIds } from '@/lib/analytics/units';
import { summarizeThread } from '@/lib/records/summary';
import { Message, type Channel, type Seniority, type Stage } from '@/lib/schema/model';
import { seedRecords } from '../helpers/seed-records';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9); // a Monday, 09:00 UTC
const at = (d: number) => T0 + d * DAY;
const NOW = at(100);

let seq = 0;
type M = {
  dir: 'outbound' | 'inbound';
  d: number;
  tpl?: string;
  v?: number;
  cls?: 'human' | 'auto-reply' | 'bounce';
  kind?: Message['kind'];
  outcome?: 'connected' | 'voicemail' | 'no-answer';
};
function thread(
  id: string,
  channel: Channel,
  prospectId: string,
  ms: M[],
): { thread: AnalyticsThread; messages: Message[] } {
  const messages = ms.map((m) =>
    Message.parse({
      id: `${id}-m${++seq}`,
      channel,
      direction: m.dir,
      kind: m.kind ?? (channel === 'gmail' ? 'email' : 'linkedin-message'),
      threadId: id,
      prospectId,
      from: 'x',
      to: [],
      cc: [],
      subject: null,
      text: '',
      sentAt: at(m.d),
      templateId: m.tpl ?? null,
      templateVersion: m.tpl ? (m.v ?? 1) : null,
      templateSource: m.tpl ? 'inserted' : null,
      classification: m.cls ?? 'human',
      source: 'import',
      callOutcome: m.outcome ?? null,
    }),
  );
  return {
    thread: { id, channel, prospectIds: [prospectId], subject: null, summary: summarizeThread(messages) },
    messages,
  };
}
const prospect = (
  id: string,
  seniority: Seniority | null,
  stage: Stage,
  dealValue: number | null,
  traits: Record<string, string> = {},
): AnalyticsProspect => ({
  id,
  name: id,
  emails: [],
  linkedinUrl: null,
  company: null,
  title: null,
  seniority,
  industry: null,
  location: null,
  companySize: null,
  stage,
  dealValue,
  traits,
});

const templates: AnalyticsTemplate[] = [
  { id: 'A', name: 'Intro', tags: ['cold'], version: 2, archived: false },
  { id: 'B', name: 'Value', tags: ['cold'], version: 1, archived: false },
  { id: 'F', name: 'Bump', tags: ['follow-up'], version: 1, archived: false },
];
const data = [
  thread('T1', 'gmail', 'P1', [
    { dir: 'outbound', d: 0, tpl: 'A' },
    { dir: 'inbound', d: 1 },
  ]),
  thread('T2', 'linkedin', 'P1', [{ dir: 'outbound', d: 2, tpl: 'B' }]),
  thread('T3', 'gmail', 'P2', [
    { dir: 'outbound', d: 0, tpl: 'A', v: 2 },
    { dir: 'outbound', d: 3, tpl: 'F' },
    { dir: 'inbound', d: 4 },
  ]),
  thread('T4', 'gmail', 'P3', [
    { dir: 'outbound', d: 0, tpl: 'A' },
    { dir: 'inbound', d: 0.01, cls: 'bounce' },
  ]),
  thread('T5', 'gmail', 'P4', [
    { dir: 'outbound', d: 0, tpl: 'B' },
    { dir: 'inbound', d: 0.02, cls: 'auto-reply' },
  ]),
  thread('T6', 'linkedin', 'P5', [
    { dir: 'outbound', d: 0 },
    { dir: 'inbound', d: 40 },
  ]),
  thread('T7', 'gmail', 'P6', [
    { dir: 'inbound', d: 5 },
    { dir: 'outbound', d: 6, tpl: 'A' },
  ]),
  thread('T8', 'linkedin', 'P7', [{ dir: 'outbound', d: 90, tpl: 'B' }]),
];
const threads = data.map((d) => d.thread);
const prospects = [
  prospect('P1', 'founder', 'won', 1000, { source: 'referral' }),
  prospect('P2', 'vp', 'meeting', 500, { source: 'list' }),
  prospect('P3', 'founder', 'contacted', null),
  prospect('P4', 'founder', 'lost', null, { source: 'list' }),
  prospect('P5', null, 'replied', null),
  prospect('P6', 'vp', 'contacted', null),
  prospect('P7', 'founder', 'contacted', null, { source: 'list' }),
];
const facts = encodeFacts(threads, prospects);
const units = buildUnits(facts, 30, templates);
const bare = (ts: AnalyticsThread[]) => encodeFacts(ts, prospects);

describe('outreach units and reply rates', () => {
  it('keeps threads whose first message is outbound (T7 started inbound)', () => {
    expect(unitThreadIds(units)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T8']);
  });
  it('thread reply rate: replies T1, T3 over 6 non-bounced units (T4 bounced, T6 replied after 40 days)', () => {
    const r = threadReplyRate(units);
    expect([r.k, r.n]).toEqual([2, 6]);
    expect(unitCounts(units)).toEqual({
      threads: 7,
      bounced: 1,
      partlyBounced: 0,
      delayed: 0,
      autoReplied: 1,
      repliedLate: 1,
    });
  });
  it('a longer window makes the late reply count', () => {
    const r = threadReplyRate(buildUnits(facts, 45, templates));
    expect([r.k, r.n]).toEqual([3, 6]);
  });
  it('prospect response rate: P1 (both channels) counts once; P3 only bounced', () => {
    const r = prospectResponseRate(units);
    expect([r.k, r.n]).toEqual([2, 5]); // P1, P2 of P1, P2, P4, P5, P7
  });
});

describe('templates', () => {
  it('first touch: A 2/2 (T4 bounced), B 0/3, none 0/1', () => {
    const rows = templateFirstTouchRates(units, templates, 1);
    // Sorted by rate, ties by n.
    expect(rows.map((r) => [r.key, r.label, r.k, r.n])).toEqual([
      ['A', 'Intro', 2, 2],
      ['B', 'Value', 0, 3],
      ['(none)', 'No template', 0, 1],
    ]);
  });
  it('says too early under minSample', () => {
    const rows = templateFirstTouchRates(units, templates, 10);
    expect(rows.every((r) => r.vsRest.verdict === 'too-early')).toBe(true);
  });
  it('per version: A v1 1/1, A v2 1/1, B v1 0/3', () => {
    const rows = templateVersionRates(units, templates, 1);
    expect(Object.fromEntries(rows.map((r) => [r.label, `${r.k}/${r.n}`]))).toEqual({
      'Intro v1': '1/1',
      'Intro v2': '1/1',
      'Value v1': '0/3',
    });
  });
  it('reply credit goes to the last outbound before the reply: A for T1, F (the bump) for T3', () => {
    expect(replyCredit(units, templates)).toEqual([
      // A tie: by label.
      { templateId: 'F', label: 'Bump', replies: 1, share: 0.5 },
      { templateId: 'A', label: 'Intro', replies: 1, share: 0.5 },
    ]);
  });
  it('step rates: step 1 answered once of 6 threads that sent it (T1 T2 T3 T5 T6 T8), step 2 once of 1', () => {
    expect(stepRates(units).map((s) => [s.step, s.k, s.n])).toEqual([
      [1, 1, 6],
      [2, 1, 1],
    ]);
  });
});

describe('traits', () => {
  it('by seniority: founder 1/4 (T1, T2, T5, T8), vp 1/1, unknown 0/1', () => {
    const rows = rateByDimension(units, 'seniority', 1);
    expect(Object.fromEntries(rows.map((r) => [r.key, `${r.k}/${r.n}`]))).toEqual({
      founder: '1/4',
      vp: '1/1',
      '(unknown)': '0/1',
    });
  });
  it('by channel: gmail 2/3, linkedin 0/3', () => {
    const rows = rateByDimension(units, 'channel', 1);
    expect(Object.fromEntries(rows.map((r) => [r.key, `${r.k}/${r.n}`]))).toEqual({ gmail: '2/3', linkedin: '0/3' });
  });
  it('by custom trait', () => {
    const rows = rateByDimension(units, 'trait:source', 1);
    expect(Object.fromEntries(rows.map((r) => [r.key, `${r.k}/${r.n}`]))).toEqual({
      referral: '1/2',
      list: '1/3',
      '(unknown)': '0/1',
    });
  });
  it('template x trait cells', () => {
    const t = templateByDimension(units, templates, 'seniority');
    const cell = (tpl: string, v: string) => t.cells.find((c) => c.templateId === tpl && c.value === v);
    expect([cell('A', 'founder')?.k, cell('A', 'founder')?.n]).toEqual([1, 1]);
    expect([cell('A', 'vp')?.k, cell('A', 'vp')?.n]).toEqual([1, 1]);
    expect([cell('B', 'founder')?.k, cell('B', 'founder')?.n]).toEqual([0, 3]);
    expect(t.values[0]).toEqual({ value: 'founder', n: 4 });
  });
  it('what responders have in common: vp is 1 of 2 responders and 0 of 3 others', () => {
    const rows = traitDifferences(units, ['seniority'], 1);
    expect(rows[0].value).toBe('vp');
    expect(rows[0].difference).toBeCloseTo(0.5, 10);
    const founder = rows.find((r) => r.value === 'founder')!;
    expect([founder.responders.k, founder.responders.n, founder.nonResponders.k, founder.nonResponders.n]).toEqual([
      1, 2, 2, 3,
    ]);
    // Channel: P1 was reached on both.
    const ch = traitDifferences(units, ['channel'], 1);
    expect(ch.find((r) => r.value === 'both')?.responders.k).toBe(1);
  });
});

describe('funnel and revenue', () => {
  it('contacted 5, replied 3 (P1, P2 and P5 by stage), qualified 2, meeting 2, won 1; revenue 1000', () => {
    const f = funnel(units);
    expect(f.steps.map((s) => s.count)).toEqual([5, 3, 2, 2, 1]);
    expect(f.steps.map((s) => s.conversion)).toEqual([null, 3 / 5, 2 / 3, 1, 1 / 2]);
    expect(f.revenue).toBe(1000);
  });
  it('by first-touch template: P1 first touched with A (T1 before T2)', () => {
    const rows = funnelByTemplate(units, templates);
    const a = rows.find((r) => r.key === 'A')!;
    expect([a.contacted, a.wonCount, a.revenue]).toEqual([2, 1, 1000]);
    const b = rows.find((r) => r.key === 'B')!;
    expect([b.contacted, b.revenue]).toEqual([2, 0]); // P4, P7
  });
  it('by trait', () => {
    const rows = funnelByDimension(units, 'seniority');
    expect(rows.find((r) => r.key === 'founder')!.revenue).toBe(1000);
    expect(rows.find((r) => r.key === 'founder')!.contacted).toBe(3);
  });
});

describe('lists and time to reply', () => {
  it('time to reply: 1 day (T1) and 4 days (T3): median 2.5 days', () => {
    const t = timeToReply(units);
    expect(t.n).toBe(2);
    expect(t.median).toBe(2.5 * DAY);
    expect(t.buckets.find((b) => b.label === '1–3 d')!.count).toBe(1);
    expect(t.buckets.find((b) => b.label === '3–7 d')!.count).toBe(1);
  });
  it('follow-ups: only T8 (sent 10 days ago); T2/T5 are past the window, T6 got a late answer', () => {
    const f = followUps(units, NOW, { minDays: 3, maxDays: 30 });
    expect(f.map((x) => [x.threadId, x.daysAgo])).toEqual([['T8', 10]]);
    expect(followUps(units, at(92), { minDays: 3, maxDays: 30 })).toEqual([]);
  });
  it('awaiting the user: last human message came in, newest first', () => {
    expect(awaitingUser(facts).map((a) => a.threadId)).toEqual(['T6', 'T3', 'T1']);
  });
});

describe('edge cases', () => {
  it('no data', () => {
    const d = computeDashboard({
      facts: encodeFacts([], []),
      templates: [],
      now: NOW,
      replyWindowDays: 30,
      minSample: 10,
      filters: {},
      dimension: 'seniority',
    });
    expect(d.threadRate).toEqual({ k: 0, n: 0, rate: null, lo: 0, hi: 1 });
    expect(d.prospectRate.n).toBe(0);
    expect(d.timeToReply.median).toBeNull();
    expect(d.templates).toEqual([]);
    expect(d.funnel.steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 0]);
    expect(d.activity.connectRate.rate).toBeNull();
  });
  it('all bounced: nothing in the denominator', () => {
    const t = [
      thread('B1', 'gmail', 'P1', [
        { dir: 'outbound', d: 0, tpl: 'A' },
        { dir: 'inbound', d: 0.1, cls: 'bounce' },
      ]),
    ].map((x) => x.thread);
    const u = buildUnits(bare(t), 30);
    expect(threadReplyRate(u).n).toBe(0);
    expect(prospectResponseRate(u).n).toBe(0);
    expect(templateFirstTouchRates(u, templates, 1)).toEqual([]);
    expect(funnel(u).steps[0].count).toBe(0);
  });
  it('auto-replies only: no replies, counted apart', () => {
    const t = [
      thread('A1', 'gmail', 'P1', [
        { dir: 'outbound', d: 0 },
        { dir: 'inbound', d: 0.1, cls: 'auto-reply' },
      ]),
      thread('A2', 'gmail', 'P2', [
        { dir: 'outbound', d: 0 },
        { dir: 'inbound', d: 0.1, cls: 'auto-reply' },
        { dir: 'inbound', d: 0.2, cls: 'auto-reply' },
      ]),
    ].map((x) => x.thread);
    const u = buildUnits(bare(t), 30);
    expect([threadReplyRate(u).k, threadReplyRate(u).n]).toEqual([0, 2]);
    expect(unitCounts(u).autoReplied).toBe(2);
    expect(awaitingUser(bare(t))).toEqual([]);
    expect(timeToReply(u).n).toBe(0);
  });
});

describe('filters', () => {
  it('channel, tag and date range filter by the first touch', () => {
    expect(unitThreadIds(buildUnits(facts, 30, templates, { channel: 'linkedin' }))).toEqual(['T2', 'T6', 'T8']);
    expect(unitThreadIds(buildUnits(facts, 30, templates, { tag: 'cold' }))).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T8',
    ]);
    expect(unitThreadIds(buildUnits(facts, 30, templates, { tag: 'follow-up' }))).toEqual([]);
    expect(unitThreadIds(buildUnits(facts, 30, templates, { from: at(1), to: at(91) }))).toEqual(['T2', 'T8']);
  });
});

describe('activity and calls', () => {
  // Activity reads the send facts of every thread (summary.sends): messages and calls alike.
  const msgs = bare([
    ...threads,
    thread('C1', 'gmail', 'P1', [
      { dir: 'outbound', d: 2, kind: 'call', outcome: 'connected' },
      { dir: 'outbound', d: 2.1, kind: 'call', outcome: 'no-answer' },
      { dir: 'outbound', d: 3, kind: 'voicemail' },
    ]).thread,
  ]);
  it('outbound per day and week by channel; calls apart with the connect rate', () => {
    const a = activity(msgs, { from: at(0) - 9 * 3_600_000, to: at(7) });
    // Day 0: T1, T3, T4, T5 gmail + T6 linkedin; day 2: T2 linkedin; day 3: T3 bump; day 6: T7 reply.
    expect(a.days.map((d) => [d.label, d.gmail, d.linkedin])).toEqual([
      ['2026-01-05', 4, 1],
      ['2026-01-06', 0, 0],
      ['2026-01-07', 0, 1],
      ['2026-01-08', 1, 0],
      ['2026-01-09', 0, 0],
      ['2026-01-10', 0, 0],
      ['2026-01-11', 1, 0],
      ['2026-01-12', 0, 0],
    ]);
    expect(a.weeks.map((w) => [w.label, w.gmail, w.linkedin])).toEqual([
      ['Week of 2026-01-05', 6, 2],
      ['Week of 2026-01-12', 0, 0],
    ]);
    expect(a.callTotals).toEqual({ total: 3, connected: 1, voicemail: 1, 'no-answer': 1 });
    expect([a.connectRate.k, a.connectRate.n]).toEqual([1, 3]);
    expect(a.calls.find((c) => c.label === '2026-01-07')).toMatchObject({ calls: 2, connected: 1 });
    expect(a.callWeeks.map((w) => [w.label, w.calls, w.connected])).toEqual([
      ['Week of 2026-01-05', 3, 1],
      ['Week of 2026-01-12', 0, 0],
    ]);
  });
  it('a time-zone offset moves messages to the local day', () => {
    const a = activity(msgs, { from: at(0) - 9 * 3_600_000, to: at(1), utcOffsetMs: 16 * 3_600_000 });
    // 09:00 UTC + 16 h = 01:00 the next local day.
    expect(a.days.find((d) => d.label === '2026-01-06')!.gmail).toBe(4);
  });
  it('tag filter keeps only messages of tagged templates', () => {
    const a = activity(msgs, { from: at(0) - DAY, to: at(7), templates: taggedCodes(msgs, templates, 'follow-up') });
    expect(a.totals).toEqual({ gmail: 1, linkedin: 0 });
  });
  it('calls do not change a thread reply facts', () => {
    const withCall = thread('X', 'gmail', 'P1', [
      { dir: 'outbound', d: 0 },
      { dir: 'outbound', d: 1, kind: 'call', outcome: 'connected' },
    ]);
    expect(withCall.thread.summary!.outboundCount).toBe(1);
  });
});

describe('popup summary', () => {
  it('today, last 30 days, best template this month', () => {
    const recent = [
      ...Array.from({ length: 4 }, (_, i) =>
        thread(`R${i}`, 'gmail', `Q${i}`, [
          { dir: 'outbound', d: 95, tpl: 'A' },
          ...(i < 3 ? [{ dir: 'inbound' as const, d: 96 }] : []),
        ]),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        thread(`S${i}`, 'linkedin', `S${i}`, [
          { dir: 'outbound', d: 99.5, tpl: 'B' },
          ...(i < 1 ? [{ dir: 'inbound' as const, d: 99.6 }] : []),
        ]),
      ),
    ];
    const s = popupSummary({
      facts: bare([...threads, ...recent.map((r) => r.thread)]),
      templates,
      now: NOW,
      startOfDay: at(99.5) - 1,
      startOfMonth: at(90),
      replyWindowDays: 30,
      minSample: 4,
    });
    expect(s.today).toEqual({ gmail: 0, linkedin: 4, calls: 0 });
    expect([s.last30.k, s.last30.n]).toEqual([4, 9]); // 3 + 1 replies of 4 + 4 + T8
    // A leads, 3/4 vs B 1/5 (T8 is B too), but their intervals overlap: no template is named.
    expect(s.best).toBeNull();
    expect(s.bestStatus).toBe('no-clear-leader');
    expect(s.ahead?.templateId).toBe('A');
    const early = popupSummary({
      facts,
      templates,
      now: NOW,
      startOfDay: NOW - 1,
      startOfMonth: at(90),
      replyWindowDays: 30,
      minSample: 4,
    });
    expect(early.best).toBeNull();
    expect(early.bestStatus).toBe('too-early');
  });
});

describe('on the seed data set, against a brute-force count', () => {
  it('trait differences and rate by trait', async () => {
    const { generateSeed } = await import('@/lib/dev/seed');
    const file = generateSeed({ now: Date.UTC(2026, 10, 27), prospects: 300, threads: 400 });
    const { threads: ts } = seedRecords(file);
    const ps = new Map(
      file.prospects.map((p) => [p.id, { ...p, companySize: p.companySize ?? null } as AnalyticsProspect]),
    );
    const us = buildUnits(encodeFacts(ts, [...ps.values()]), 30);
    // Brute force, straight from the summaries: outreach threads (first message outbound), not
    // bounced; replied = a human reply within 30 days of the first touch.
    const outreach = ts
      .filter((t) => t.summary?.firstDirection === 'outbound' && t.prospectIds.length > 0 && !t.summary.bounced)
      .map((t) => ({
        t,
        replied: t.summary!.firstReplyAt !== null && t.summary!.firstReplyAt - t.summary!.firstOutboundAt! <= 30 * DAY,
      }));
    const replied = new Map<string, boolean>();
    for (const { t, replied: r } of outreach)
      for (const id of t.prospectIds) replied.set(id, (replied.get(id) ?? false) || r);
    const R = [...replied.values()].filter(Boolean).length;
    const N = replied.size - R;
    for (const dim of ['seniority', 'trait:source', 'industry'] as const) {
      const rows = traitDifferences(us, [dim], 1, 1000);
      const expected = new Map<string, [number, number]>();
      for (const [id, r] of replied) {
        const p = ps.get(id)!;
        const v = dim === 'trait:source' ? p.traits.source : p[dim];
        if (v == null) continue;
        const e = expected.get(v) ?? [0, 0];
        e[r ? 0 : 1]++;
        expected.set(v, e);
      }
      expect(new Map(rows.map((x) => [x.value, [x.responders.k, x.nonResponders.k]]))).toEqual(expected);
      for (const x of rows) expect([x.responders.n, x.nonResponders.n]).toEqual([R, N]);
    }
    // Rate by trait: thread level, first prospect's value.
    const bySen = rateByDimension(us, 'seniority', 1);
    const exp = new Map<string, [number, number]>();
    for (const { t, replied: r } of outreach) {
      const v = ps.get(t.prospectIds[0])?.seniority ?? '(unknown)';
      const e = exp.get(v) ?? [0, 0];
      e[0] += r ? 1 : 0;
      e[1]++;
      exp.set(v, e);
    }
    expect(new Map(bySen.map((x) => [x.key, [x.k, x.n]]))).toEqual(exp);
  });
});
