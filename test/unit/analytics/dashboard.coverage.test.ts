// Trait coverage ("industry known for 41% of 312 people") and the "unknown" row of "Who replies",
// computed by hand on a small data set; and prospects not yet contacted (a lead list) changing no
// rate anywhere.
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '@/lib/analytics/dashboard';
import { encodeFacts, type AnalyticsProspect, type AnalyticsThread } from '@/lib/analytics/facts';
import { prospectsWithOutreach } from '@/lib/analytics/lists';
import { rateByDimension, traitCoverage, UNKNOWN, UNKNOWN_LABEL } from '@/lib/analytics/rates';
import { compareRates } from '@/lib/analytics/stats';
import { buildUnits } from '@/lib/analytics/units';
import { summarizeThread } from '@/lib/records/summary';
import { Message, type Channel } from '@/lib/schema/model';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
let seq = 0;
type M = { dir: 'outbound' | 'inbound'; d: number; cls?: 'human' | 'bounce'; kind?: Message['kind'] };
function thread(id: string, prospectIds: string[], ms: M[], channel: Channel = 'gmail'): AnalyticsThread {
  const messages = ms.map((m) =>
    Message.parse({
      id: `${id}-m${++seq}`,
      channel,
      direction: m.dir,
      kind: m.kind ?? 'email',
      threadId: id,
      prospectId: prospectIds[0],
      from: 'x',
      to: [],
      cc: [],
      subject: null,
      text: '',
      sentAt: T0 + m.d * DAY,
      templateId: null,
      templateVersion: null,
      templateSource: null,
      classification: m.cls ?? 'human',
      source: 'import',
    }),
  );
  return { id, channel, prospectIds, subject: null, summary: summarizeThread(messages) };
}
const person = (id: string, industry: string | null, traits: Record<string, string> = {}): AnalyticsProspect => ({
  id,
  name: id,
  emails: [],
  linkedinUrl: null,
  company: null,
  title: null,
  seniority: null,
  industry,
  location: null,
  companySize: null,
  stage: 'contacted',
  dealValue: null,
  traits,
});

// People contacted (non-bounced outreach): P1..P5. P6 bounced only; P7 wrote first and was never
// written to; P8 has a logged call only.
const threads = [
  thread(
    'T1',
    ['P1'],
    [
      { dir: 'outbound', d: 0 },
      { dir: 'inbound', d: 1 },
    ],
  ), // Software, replied
  thread('T2', ['P2'], [{ dir: 'outbound', d: 0 }]), // Software
  thread(
    'T3',
    ['P3'],
    [
      { dir: 'outbound', d: 0 },
      { dir: 'inbound', d: 2 },
    ],
  ), // unknown, replied
  thread('T4', ['P4'], [{ dir: 'outbound', d: 0 }]), // unknown
  thread('T5', ['P5', 'P2'], [{ dir: 'outbound', d: 0 }]), // Retail (first prospect); P2 twice
  thread(
    'T6',
    ['P6'],
    [
      { dir: 'outbound', d: 0 },
      { dir: 'inbound', d: 0.1, cls: 'bounce' },
    ],
  ), // bounced
  thread('T7', ['P7'], [{ dir: 'inbound', d: 0 }]),
  thread('T8', ['P8'], [{ dir: 'outbound', d: 0, kind: 'call' }]),
];
const people = [
  person('P1', 'Software', { 'lead source': 'Apollo' }),
  person('P2', 'Software'),
  person('P3', null, { 'lead source': 'Apollo' }),
  person('P4', null),
  person('P5', 'Retail', { 'lead source': 'Sales Navigator' }),
  person('P6', 'Software'),
  person('P7', 'Retail'),
  person('P8', null),
];
const facts = encodeFacts(threads, people);
const units = buildUnits(facts, 30);

describe('trait coverage', () => {
  it('counts the people contacted for whom the trait is known', () => {
    // P1..P5 contacted (P6 bounced, P7 never written to, P8 only called: no written outreach unit).
    expect(traitCoverage(units, 'industry')).toEqual({ people: 5, known: 3 }); // P1, P2, P5
    expect(traitCoverage(units, 'trait:lead source')).toEqual({ people: 5, known: 3 }); // P1, P3, P5
    expect(traitCoverage(units, 'location')).toEqual({ people: 5, known: 0 });
    expect(traitCoverage(units, 'channel')).toEqual({ people: 5, known: 5 });
    expect(traitCoverage(units, 'trait:never seen')).toEqual({ people: 5, known: 0 });
  });

  it('puts people with the trait unknown in their own row, last, with the same n, interval and verdict', () => {
    const rows = rateByDimension(units, 'industry', 1);
    // Threads by the first prospect's industry: Software T1 (replied), T2; unknown T3 (replied), T4; Retail T5.
    expect(rows.map((r) => [r.key, r.label, `${r.k}/${r.n}`])).toEqual([
      ['Software', 'Software', '1/2'],
      ['Retail', 'Retail', '0/1'],
      [UNKNOWN, UNKNOWN_LABEL, '1/2'],
    ]);
    const unknown = rows[2];
    expect(unknown.rate).toBe(0.5);
    // Wilson 95% for 1/2 (R: prop.test(1, 2, correct = FALSE)$conf.int = 0.0945, 0.9055).
    expect(unknown.lo).toBeCloseTo(0.0945, 4);
    expect(unknown.hi).toBeCloseTo(0.9055, 4);
    // Tested against every other thread, as any value is: 1/2 vs 1/3 (corrected with the table's other rows).
    expect(unknown.vsRest).toMatchObject({
      ...compareRates({ k: 1, n: 2 }, { k: 1, n: 3 }, 1),
      adjusted: { method: 'holm', m: 3, raw: 1 },
    });
    // Every non-bounced unit is in exactly one row.
    expect(rows.reduce((n, r) => n + r.n, 0)).toBe(5);
    const bySource = rateByDimension(units, 'trait:lead source', 1);
    expect(bySource.map((r) => `${r.label} ${r.k}/${r.n}`)).toEqual([
      'Apollo 2/2',
      'Sales Navigator 0/1',
      'unknown 0/2',
    ]);
  });
});

describe('people not contacted yet', () => {
  it('are the prospects without any outbound message or call', () => {
    const reached = prospectsWithOutreach(facts);
    const got = facts.prospects.id.filter((_, i) => reached[i]);
    expect(got.sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P8']);
  });

  it('enter no rate, no funnel and no coverage: a thousand imported leads change none of the numbers', () => {
    const input = {
      templates: [],
      now: T0 + 60 * DAY,
      replyWindowDays: 30,
      minSample: 1,
      filters: {},
      dimension: 'industry' as const,
    };
    const before = computeDashboard({ ...input, facts });
    const leads = Array.from({ length: 1000 }, (_, i) =>
      person(`L${i}`, i % 2 ? 'Software' : 'Retail', { 'lead source': 'Apollo' }),
    );
    const after = computeDashboard({ ...input, facts: encodeFacts(threads, [...people, ...leads]) });
    const { dimensions: _d1, ...b } = before;
    const { dimensions: _d2, ...a } = after;
    expect(a).toEqual(b);
    expect(after.prospectRate.n).toBe(5);
    expect(after.coverage).toEqual({ people: 5, known: 3 });
    expect(after.funnel.steps[0].count).toBe(5);
  });
});
