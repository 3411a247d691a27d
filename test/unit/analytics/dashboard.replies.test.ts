// The numbers of issue 11 over facts: the positive reply rate (interested replies within the window
// ÷ the reply rate's units) with its Wilson interval; bounces per recipient (the thread stays a unit
// for the others, the bounced person leaves the prospect numbers and the traits); delays counted
// apart; Holm's correction wired into every many-row table (30 templates with the same true rate
// make no "winner"); the popup's best template named only when clear of the rest.
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '@/lib/analytics/dashboard';
import {
  decodeThreads,
  encodeFacts,
  mergeFacts,
  type AnalyticsProspect,
  type AnalyticsTemplate,
  type AnalyticsThread,
} from '@/lib/analytics/facts';
import { bestTemplate, popupSummary } from '@/lib/analytics/popup';
import {
  prospectResponseRate,
  rateByDimension,
  replyIntents,
  templateFirstTouchRates,
  threadPositiveRate,
  threadReplyRate,
  traitDifferences,
  unitCounts,
  type GroupRate,
} from '@/lib/analytics/rates';
import { adjustComparisons, compareRates, pAdjust, wilson } from '@/lib/analytics/stats';
import { templateSummaries } from '@/lib/analytics/templates';
import { buildUnits } from '@/lib/analytics/units';
import { summarizeThread } from '@/lib/records/summary';
import type { Classification, Message, ReplyIntent } from '@/lib/schema/model';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const at = (d: number) => T0 + d * DAY;

let seq = 0;
type In = { d: number; cls?: Classification; intent?: ReplyIntent; failed?: string[] };
/** A Gmail thread to `to` (prospect id = the address), first touch at day 0 with `tpl`, then the inbound messages. */
function thread(id: string, to: string[], tpl: string | null, inbound: In[] = []): AnalyticsThread {
  const base = {
    channel: 'gmail' as const,
    kind: 'email' as const,
    threadId: id,
    cc: [] as string[],
    subject: 'Hi',
    text: '',
    templateVersion: null,
    templateScore: null,
    source: 'network' as const,
    externalId: '',
    rfcMessageId: null,
    inReplyTo: [] as string[],
    callOutcome: null,
    keys: [] as string[],
    seenBy: [] as Message['seenBy'],
    updatedAt: 0,
  };
  const messages: Message[] = [
    {
      ...base,
      id: `${id}-o`,
      direction: 'outbound',
      prospectId: to[0],
      from: 'me@seller.io',
      to,
      sentAt: at(0),
      templateId: tpl,
      templateVersion: tpl ? 1 : null,
      templateSource: tpl ? 'inserted' : null,
      classification: 'human',
    },
    ...inbound.map((m): Message => ({
      ...base,
      id: `${id}-i${++seq}`,
      direction: 'inbound',
      prospectId: to[0],
      from: 'x@y.z',
      to: ['me@seller.io'],
      sentAt: at(m.d),
      templateId: null,
      templateSource: null,
      classification: m.cls ?? 'human',
      ...(m.intent ? { intent: m.intent } : {}),
      ...(m.failed ? { failedRecipients: m.failed } : {}),
    })),
  ];
  return { id, channel: 'gmail', prospectIds: to, subject: 'Hi', summary: summarizeThread(messages) };
}
const person = (email: string, seniority: AnalyticsProspect['seniority'] = null): AnalyticsProspect => ({
  id: email,
  name: email,
  emails: [email],
  linkedinUrl: null,
  company: null,
  title: null,
  seniority,
  industry: null,
  location: null,
  companySize: null,
  stage: 'contacted',
  dealValue: null,
  traits: {},
});

describe('positive reply rate', () => {
  const threads = [
    thread('t1', ['a@x.co'], 'A', [{ d: 1, intent: 'interested' }]),
    // First reply "later", then interested within the window: a positive thread.
    thread('t2', ['b@x.co'], 'A', [
      { d: 1, intent: 'later' },
      { d: 5, intent: 'interested' },
    ]),
    // Interested, but after the 30-day window: neither a reply nor positive for the rates.
    thread('t3', ['c@x.co'], 'B', [{ d: 40, intent: 'interested' }]),
    thread('t4', ['d@x.co'], 'B', [{ d: 2, intent: 'not-interested' }]),
    // An automatic reply marked interested by mistake is no reply at all.
    thread('t5', ['e@x.co'], 'B', [{ d: 2, cls: 'auto-reply', intent: 'interested' }]),
    // Bounced: out of both denominators.
    thread('t6', ['f@x.co'], 'B', [{ d: 0.1, cls: 'bounce' }]),
    thread('t7', ['g@x.co'], null),
  ];
  const facts = encodeFacts(
    threads,
    threads.flatMap((t) => t.prospectIds.map((p) => person(p))),
  );
  const units = buildUnits(facts, 30);

  it('interested within the window ÷ the reply rate’s units, with its Wilson interval', () => {
    const reply = threadReplyRate(units);
    const positive = threadPositiveRate(units);
    expect([reply.k, reply.n]).toEqual([3, 6]); // t1, t2, t4 of t1–t5, t7
    expect(positive).toEqual(wilson(2, 6)); // t1, t2
    // Wilson by hand, z = 1.959964: centre (1/3 + z²/12) / (1 + z²/6) = 0.39839, half-width
    // z / (1 + z²/6) · √(1/3 · 2/3 / 6 + z²/144) = 0.30162 → [0.0968, 0.7000].
    expect(positive.lo).toBeCloseTo(0.0968, 4);
    expect(positive.hi).toBeCloseTo(0.7, 4);
    // What the first replies said.
    expect(replyIntents(units)).toMatchObject({
      replies: 3,
      counts: { interested: 1, later: 1, 'not-interested': 1 },
      unjudged: 0,
    });
  });

  it('per template, with the same n, interval and verdict as the reply rate', () => {
    const rows = templateFirstTouchRates(units, [], 1);
    const a = rows.find((r) => r.key === 'A')!;
    expect([a.k, a.n, a.positive.k, a.positive.n]).toEqual([2, 2, 2, 2]);
    expect(a.positive).toEqual(wilson(2, 2));
    expect(a.positiveVsRest.verdict).not.toBe('too-early');
    const b = rows.find((r) => r.key === 'B')!;
    expect([b.k, b.n, b.positive.k, b.positive.n]).toEqual([1, 3, 0, 3]);
    // The Templates tab reads the same rows.
    expect(
      templateSummaries({ facts, templates: [], replyWindowDays: 30, minSample: 1 }).get('A')!.firstTouch!.positive,
    ).toEqual(a.positive);
  });

  it('survives the facts’ round trip and an incremental merge', () => {
    const back = encodeFacts(
      decodeThreads(facts),
      threads.flatMap((t) => t.prospectIds.map((p) => person(p))),
    );
    expect(threadPositiveRate(buildUnits(back, 30))).toEqual(threadPositiveRate(units));
    const merged = mergeFacts(facts, {
      threads: [thread('t7', ['g@x.co'], null, [{ d: 3, intent: 'interested' }])],
      prospects: [],
      deletedThreads: [],
      deletedProspects: [],
    });
    expect(threadPositiveRate(buildUnits(merged, 30))).toEqual(wilson(3, 6));
  });
});

describe('a bounce for one of several recipients', () => {
  const threads = [
    // To Kim and Bob; Kim's address bounced.
    thread('t1', ['kim@x.co', 'bob@x.co'], 'A', [{ d: 0.1, cls: 'bounce', failed: ['kim@x.co'] }]),
    // To Ann alone, whose address bounced: the thread bounced.
    thread('t2', ['ann@x.co'], 'A', [{ d: 0.1, cls: 'bounce', failed: ['ann@x.co'] }]),
    // A delay warning: the thread stays, marked.
    thread('t3', ['cy@x.co'], 'A', [{ d: 0.1, cls: 'delay', failed: ['cy@x.co'] }]),
  ];
  const people = [
    person('kim@x.co', 'vp'),
    person('bob@x.co', 'manager'),
    person('ann@x.co', 'vp'),
    person('cy@x.co', 'director'),
  ];
  const facts = encodeFacts(threads, people);
  const units = buildUnits(facts, 30);

  it('keeps the thread a unit for the others, drops the bounced person from the prospect numbers and the traits', () => {
    expect(threads[0].summary).toMatchObject({ bounced: false, bouncedRecipients: ['kim@x.co'] });
    expect(threads[1].summary?.bounced).toBe(true);
    expect(threadReplyRate(units).n).toBe(2); // t1 (for Bob) and t3
    // People contacted: Bob and Cy; not Kim (bounced in t1), not Ann.
    expect(prospectResponseRate(units).n).toBe(2);
    expect(unitCounts(units)).toMatchObject({ threads: 3, bounced: 1, partlyBounced: 1, delayed: 1 });
    // The thread's trait is its first prospect it reached: Bob (manager), not Kim (vp).
    expect(
      rateByDimension(units, 'seniority', 1)
        .map((r) => `${r.key} ${r.n}`)
        .sort(),
    ).toEqual(['director 1', 'manager 1']);
  });

  it('a later bounce for the other recipient bounces the whole thread', () => {
    const both = thread('t1', ['kim@x.co', 'bob@x.co'], 'A', [
      { d: 0.1, cls: 'bounce', failed: ['kim@x.co'] },
      { d: 0.2, cls: 'bounce', failed: ['bob@x.co'] },
    ]);
    expect(both.summary?.bounced).toBe(true);
    // Even if the summary had not said so, every prospect of the unit bounced: out of the rates.
    const f = encodeFacts([{ ...both, summary: { ...both.summary!, bounced: false } }], people);
    expect(threadReplyRate(buildUnits(f, 30)).n).toBe(0);
  });
});

/** A small deterministic PRNG (mulberry32), so the simulation is the same on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('multiple comparisons (Holm) in the tables', () => {
  it('adjustComparisons: verdicts on Holm-adjusted p-values, too-early rows left out of the count', () => {
    const cs = [
      compareRates({ k: 12, n: 20 }, { k: 40, n: 200 }, 10), // p ≈ 0.0002
      compareRates({ k: 8, n: 20 }, { k: 44, n: 200 }, 10), // p ≈ 0.06
      compareRates({ k: 9, n: 20 }, { k: 43, n: 200 }, 10),
      compareRates({ k: 1, n: 5 }, { k: 51, n: 215 }, 10), // too early
    ];
    const adj = adjustComparisons(cs);
    const raw = cs.slice(0, 3).map((c) => c.p!);
    expect(adj.slice(0, 3).map((c) => c.p)).toEqual(pAdjust(raw, 'holm'));
    expect(adj.slice(0, 3).map((c) => c.adjusted?.m)).toEqual([3, 3, 3]);
    expect(adj[3]).toEqual(cs[3]);
    expect(adj[0].verdict).toBe('higher');
    // A row significant alone can lose its verdict once corrected, never gain one.
    for (let i = 0; i < 3; i++)
      if (cs[i].verdict === 'no-clear-difference') expect(adj[i].verdict).toBe('no-clear-difference');
    // One test: nothing to correct.
    expect(adjustComparisons([cs[0]])).toEqual([cs[0]]);
  });

  it('30 templates with the same true reply rate: raw tests call some different, the corrected table almost never', () => {
    // Summaries as ingestion keeps them, built once; each simulated thread copies one.
    const repliedBase = thread('base-r', ['x@x.co'], 'tpl0', [{ d: 1 }]);
    const silentBase = thread('base-s', ['x@x.co'], 'tpl0');
    const TEMPLATES = 30;
    const PER = 40;
    const RATE = 0.2;
    let rawFamilies = 0;
    let holmFamilies = 0;
    const RUNS = 200;
    for (let run = 0; run < RUNS; run++) {
      const r = rng(1000 + run);
      const threads: AnalyticsThread[] = [];
      for (let t = 0; t < TEMPLATES; t++)
        for (let i = 0; i < PER; i++) {
          const replied = r() < RATE;
          const base = replied ? repliedBase : silentBase;
          threads.push({
            ...base,
            id: `t${t}-${i}`,
            prospectIds: [`p${t}-${i}`],
            summary: { ...base.summary!, firstTemplateId: `tpl${t}` },
          });
        }
      const units = buildUnits(encodeFacts(threads, []), 30);
      const rows = templateFirstTouchRates(units, [], 10);
      expect(rows.every((x) => x.vsRest.adjusted?.m === TEMPLATES)).toBe(true);
      // The same rows without the correction (the raw p-values the table used to show).
      const raw = rows.filter((x) => x.vsRest.adjusted!.raw < 0.05).length;
      const holm = rows.filter((x) => x.vsRest.verdict === 'higher' || x.vsRest.verdict === 'lower').length;
      if (raw > 0) rawFamilies++;
      if (holm > 0) holmFamilies++;
    }
    // Without the correction most such tables show a "different" template by chance alone (about
    // 1 − 0.95^30 ≈ 79% for independent tests); with Holm at most about 5% do.
    expect(rawFamilies / RUNS).toBeGreaterThan(0.5);
    expect(holmFamilies / RUNS).toBeLessThanOrEqual(0.07);
  }, 30_000);

  it('is wired into every many-row table of the dashboard and into the trait differences', () => {
    const r = rng(7);
    const threads: AnalyticsThread[] = [];
    const prospects: AnalyticsProspect[] = [];
    const levels = ['c-level', 'founder', 'vp', 'director', 'manager', 'senior', 'individual', 'intern'] as const;
    for (let i = 0; i < 600; i++) {
      const email = `p${i}@x.co`;
      prospects.push(person(email, levels[i % levels.length]));
      threads.push(
        thread(
          `t${i}`,
          [email],
          `tpl${i % 12}`,
          r() < 0.25 ? [{ d: 1, intent: r() < 0.5 ? 'interested' : 'other' }] : [],
        ),
      );
    }
    const dash = computeDashboard({
      facts: encodeFacts(threads, prospects),
      templates: [],
      now: at(100),
      replyWindowDays: 30,
      minSample: 10,
      filters: {},
      dimension: 'seniority',
    });
    const corrected = (rows: GroupRate[]) =>
      rows
        .filter((x) => x.vsRest.p !== null)
        .every((x) => x.vsRest.adjusted?.method === 'holm' && x.positiveVsRest.adjusted?.method === 'holm');
    expect(corrected(dash.templates)).toBe(true);
    expect(corrected(dash.byDimension)).toBe(true);
    expect(dash.templates.filter((x) => x.vsRest.p !== null).length).toBe(12);
    expect(dash.differences.every((d) => d.test.p === null || d.test.adjusted?.method === 'holm')).toBe(true);
    // The differences are corrected for every value of every trait tested, not the 8 shown.
    expect(dash.differences[0].test.adjusted!.m).toBeGreaterThan(dash.differences.length);
    const all = traitDifferences(buildUnits(encodeFacts(threads, prospects), 30), ['seniority'], 10, 100);
    expect(all[0].test.adjusted?.m).toBe(levels.length);
  });

  it('two rows that split the units are one test: nothing to correct', () => {
    const threads = Array.from({ length: 40 }, (_, i) => ({
      ...thread(`t${i}`, [`p${i}@x.co`], null, i % 3 ? [] : [{ d: 1 }]),
      channel: (i % 2 ? 'linkedin' : 'gmail') as 'gmail' | 'linkedin',
    }));
    const rows = rateByDimension(buildUnits(encodeFacts(threads, []), 30), 'channel', 10);
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => x.vsRest.adjusted === undefined)).toBe(true);
  });
});

describe('the popup’s best template', () => {
  const row = (key: string, k: number, n: number, q = 0): GroupRate => ({
    key,
    label: key,
    ...wilson(k, n),
    vsRest: { verdict: 'no-clear-difference', p: 1, test: 'z' },
    positive: wilson(q, n),
    positiveVsRest: { verdict: 'no-clear-difference', p: 1, test: 'z' },
  });

  it('is named only when its interval is clear of every other template with enough threads and of the rest', () => {
    // 30/50 [46%, 72%] vs 10/60 [9%, 28%] and 8/50 [8%, 29%]: clear.
    expect(bestTemplate([row('A', 30, 50), row('B', 10, 60), row('C', 8, 50)], 10)).toMatchObject({
      status: 'named',
      best: { key: 'A' },
    });
    // 30/50 vs 22/50 [31%, 58%]: overlapping, no leader; A is ahead so far.
    expect(bestTemplate([row('A', 30, 50), row('B', 22, 50)], 10)).toMatchObject({
      status: 'no-clear-leader',
      best: null,
      ahead: { key: 'A' },
    });
    // "No template" counts as a competitor when it has enough threads.
    expect(bestTemplate([row('A', 30, 50), row('(none)', 28, 50), row('B', 5, 50)], 10).status).toBe('no-clear-leader');
    // A template under the minimum sample is no rival (too few threads to say anything) but its
    // threads are part of "the rest": 3/4 there is not enough to stop A.
    expect(bestTemplate([row('A', 30, 50), row('B', 3, 4), row('C', 5, 50)], 10).status).toBe('named');
    expect(bestTemplate([row('A', 3, 5), row('B', 1, 4)], 10).status).toBe('too-early');
    expect(bestTemplate([row('(none)', 3, 50)], 10).status).toBe('none');
  });

  it('the popup summary carries n and interval on every rate', () => {
    const threads = [
      ...Array.from({ length: 30 }, (_, i) =>
        thread(`a${i}`, [`a${i}@x.co`], 'A', i < 20 ? [{ d: 1, intent: i < 12 ? 'interested' : 'other' }] : []),
      ),
      ...Array.from({ length: 30 }, (_, i) => thread(`b${i}`, [`b${i}@x.co`], 'B', i < 3 ? [{ d: 1 }] : [])),
    ];
    const templates: AnalyticsTemplate[] = [
      { id: 'A', name: 'Intro', tags: [], version: 1, archived: false },
      { id: 'B', name: 'Value', tags: [], version: 1, archived: false },
    ];
    const s = popupSummary({
      facts: encodeFacts(threads, []),
      templates,
      now: at(10),
      startOfDay: at(10) - DAY / 2,
      startOfMonth: at(-1),
      replyWindowDays: 30,
      minSample: 10,
    });
    expect(s.last30).toEqual(wilson(23, 60));
    expect(s.last30Positive).toEqual(wilson(12, 60));
    expect(s).toMatchObject({
      bestStatus: 'named',
      best: { templateId: 'A', name: 'Intro', rate: wilson(20, 30) },
      minSample: 10,
    });
  });
});
