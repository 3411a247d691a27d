// Reply rates: per thread, per prospect, per template (first touch, reply credit, version, step)
// and per trait. Every rate is a Rate (k, n, Wilson interval); comparisons say "too early" or
// "no clear difference yet" unless a test says otherwise (stats.ts).
import { compareRates, wilson, type Comparison, type Rate } from './stats';
import type { AnalyticsProspect, AnalyticsTemplate, Unit } from './units';

export const NONE = '(none)';
export const UNKNOWN = '(unknown)';

/** Reply rate per thread: replied ÷ outreach threads that did not bounce. */
export function threadReplyRate(units: readonly Unit[]): Rate {
  let k = 0;
  let n = 0;
  for (const u of units) {
    if (u.bounced) continue;
    n++;
    if (u.replied) k++;
  }
  return wilson(k, n);
}

export interface UnitCounts {
  threads: number;
  bounced: number;
  /** Non-bounced threads that got an auto-reply (counted separately, never as replies). */
  autoReplied: number;
  repliedLate: number;
}

export function unitCounts(units: readonly Unit[]): UnitCounts {
  const c: UnitCounts = { threads: units.length, bounced: 0, autoReplied: 0, repliedLate: 0 };
  for (const u of units) {
    if (u.bounced) c.bounced++;
    else {
      if (u.autoReplies > 0) c.autoReplied++;
      if (u.repliedLate) c.repliedLate++;
    }
  }
  return c;
}

/**
 * Per prospect: who was contacted (in a non-bounced outreach thread) and who replied in at least
 * one of them. One person, one count, across Gmail and LinkedIn.
 */
const outcomesCache = new WeakMap<readonly Unit[], Map<string, boolean>>();
export function prospectOutcomes(units: readonly Unit[]): Map<string, boolean> {
  // Used by the response rate and the trait differences over the same units: one pass.
  const hit = outcomesCache.get(units);
  if (hit) return hit;
  const out = new Map<string, boolean>();
  outcomesCache.set(units, out);
  for (const u of units) {
    if (u.bounced) continue;
    for (const id of u.prospectIds) out.set(id, (out.get(id) ?? false) || u.replied);
  }
  return out;
}

/** Prospect response rate: prospects with at least one reply ÷ prospects contacted. */
export function prospectResponseRate(units: readonly Unit[]): Rate {
  const outcomes = prospectOutcomes(units);
  let k = 0;
  for (const v of outcomes.values()) if (v) k++;
  return wilson(k, outcomes.size);
}

export interface GroupRate extends Rate {
  key: string;
  label: string;
  /** This group against all other units: "too early", "no clear difference yet", higher, lower. */
  vsRest: Comparison;
}

function groupRates(
  units: readonly Unit[],
  keyOf: (u: Unit) => string | null,
  labelOf: (key: string) => string,
  minSample: number,
): GroupRate[] {
  const groups = new Map<string, { k: number; n: number }>();
  let K = 0;
  let N = 0;
  for (const u of units) {
    if (u.bounced) continue;
    const key = keyOf(u);
    if (key === null) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { k: 0, n: 0 }));
    g.n++;
    N++;
    if (u.replied) {
      g.k++;
      K++;
    }
  }
  const rows: GroupRate[] = [];
  for (const [key, g] of groups) {
    rows.push({
      key,
      label: labelOf(key),
      ...wilson(g.k, g.n),
      vsRest: compareRates(g, { k: K - g.k, n: N - g.n }, minSample),
    });
  }
  return sortRates(rows, minSample);
}

/** Rows with enough data first, by rate; "too early" rows after them, by n. */
export function sortRates<T extends Rate>(rows: T[], minSample: number): T[] {
  return rows.sort((a, b) => {
    const ea = a.n >= minSample ? 1 : 0;
    const eb = b.n >= minSample ? 1 : 0;
    if (ea !== eb) return eb - ea;
    if (ea && (b.rate ?? 0) !== (a.rate ?? 0)) return (b.rate ?? 0) - (a.rate ?? 0);
    return b.n - a.n;
  });
}

const templateLabel = (templates: readonly AnalyticsTemplate[]) => {
  const names = new Map(templates.map((t) => [t.id, t.name]));
  return (id: string) => (id === NONE ? 'No template' : (names.get(id) ?? `Deleted template (${id})`));
};

/** Template reply rate by first touch: replied ÷ threads whose first touch used the template. */
export function templateFirstTouchRates(
  units: readonly Unit[],
  templates: readonly AnalyticsTemplate[],
  minSample: number,
): GroupRate[] {
  return groupRates(units, (u) => u.templateId ?? NONE, templateLabel(templates), minSample);
}

/** Per template version (first touch). Keys are `<templateId>@<version>`. */
export function templateVersionRates(
  units: readonly Unit[],
  templates: readonly AnalyticsTemplate[],
  minSample: number,
): GroupRate[] {
  const label = templateLabel(templates);
  return groupRates(
    units,
    (u) => (u.templateId ? `${u.templateId}@${u.templateVersion ?? 1}` : null),
    (key) => {
      const at = key.lastIndexOf('@');
      return `${label(key.slice(0, at))} v${key.slice(at + 1)}`;
    },
    minSample,
  );
}

export interface CreditRow {
  templateId: string;
  label: string;
  /** Replies whose last outbound message before the reply used this template. */
  replies: number;
  /** Share of all replies. */
  share: number;
}

/** "Which message got the answer": replies credited to the last outbound message before them. */
export function replyCredit(units: readonly Unit[], templates: readonly AnalyticsTemplate[]): CreditRow[] {
  const label = templateLabel(templates);
  const counts = new Map<string, number>();
  let total = 0;
  for (const u of units) {
    if (u.bounced || !u.replied) continue;
    total++;
    const key = u.creditTemplateId ?? NONE;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([templateId, replies]) => ({ templateId, label: label(templateId), replies, share: replies / total }))
    .sort((a, b) => b.replies - a.replies);
}

export interface StepRow extends Rate {
  step: number;
}

/**
 * Which follow-up step gets the reply. Step s was "sent without an answer yet" in every thread that
 * reached it: replied threads reached steps 1..creditStep, unanswered ones 1..outboundCount.
 * Rate = replies to step s ÷ threads that sent step s before any reply.
 */
export function stepRates(units: readonly Unit[], maxStep = 5): StepRow[] {
  const sent = new Array<number>(maxStep + 1).fill(0);
  const answered = new Array<number>(maxStep + 1).fill(0);
  for (const u of units) {
    if (u.bounced) continue;
    const reached = Math.min(maxStep, u.replied ? (u.creditStep ?? 1) : u.outboundCount);
    for (let s = 1; s <= reached; s++) sent[s]++;
    if (u.replied) answered[Math.min(maxStep, u.creditStep ?? 1)]++;
  }
  const rows: StepRow[] = [];
  for (let s = 1; s <= maxStep; s++) if (sent[s] > 0) rows.push({ step: s, ...wilson(answered[s], sent[s]) });
  return rows;
}

// Traits --------------------------------------------------------------------------------------------

export type Dimension =
  | 'seniority'
  | 'title'
  | 'company'
  | 'industry'
  | 'location'
  | 'companySize'
  | 'channel'
  | `trait:${string}`;

export const BUILTIN_DIMENSIONS: { key: Dimension; label: string }[] = [
  { key: 'seniority', label: 'Seniority' },
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'industry', label: 'Industry' },
  { key: 'location', label: 'Location' },
  { key: 'companySize', label: 'Company size' },
  { key: 'channel', label: 'Channel' },
];

/** Custom trait keys present on prospects, as dimensions. */
export function customDimensions(prospects: readonly AnalyticsProspect[]): { key: Dimension; label: string }[] {
  const keys = new Set<string>();
  for (const p of prospects) for (const k in p.traits) keys.add(k);
  return [...keys].sort().map((k) => ({ key: `trait:${k}` as Dimension, label: k }));
}

type ValueOf = (prospect: AnalyticsProspect | undefined, channel: string | null) => string;

/** A getter for one dimension, resolved once per call rather than once per row (20k rows). */
export function dimensionGetter(dim: Dimension): ValueOf {
  const clean = (v: unknown) => (v === null || v === undefined || v === '' ? UNKNOWN : String(v));
  if (dim === 'channel') return (_p, channel) => channel ?? UNKNOWN;
  if (dim.startsWith('trait:')) {
    const key = dim.slice(6);
    return (p) => (p ? clean(p.traits[key]) : UNKNOWN);
  }
  const field = dim as Exclude<Dimension, 'channel' | `trait:${string}`>;
  return (p) => (p ? clean(p[field]) : UNKNOWN);
}

export function dimensionValue(dim: Dimension, prospect: AnalyticsProspect | undefined, channel: string | null): string {
  return dimensionGetter(dim)(prospect, channel);
}

/** Thread reply rate grouped by a trait of the thread's prospect (or the thread's channel). */
export function rateByDimension(
  units: readonly Unit[],
  prospects: ReadonlyMap<string, AnalyticsProspect>,
  dim: Dimension,
  minSample: number,
): GroupRate[] {
  const value = dimensionGetter(dim);
  return groupRates(units, (u) => value(prospects.get(u.prospectId), u.channel), (k) => k, minSample);
}

export interface CrossCell extends Rate {
  templateId: string;
  value: string;
}

export interface CrossTable {
  templates: { id: string; label: string; n: number }[];
  values: { value: string; n: number }[];
  cells: CrossCell[];
}

/** Template × trait: first-touch reply rate for each (template, trait value) pair. */
export function templateByDimension(
  units: readonly Unit[],
  prospects: ReadonlyMap<string, AnalyticsProspect>,
  templates: readonly AnalyticsTemplate[],
  dim: Dimension,
  maxValues = 8,
): CrossTable {
  const label = templateLabel(templates);
  const value = dimensionGetter(dim);
  const cells = new Map<string, { k: number; n: number; templateId: string; value: string }>();
  const tCount = new Map<string, number>();
  const vCount = new Map<string, number>();
  for (const u of units) {
    if (u.bounced) continue;
    const t = u.templateId ?? NONE;
    const v = value(prospects.get(u.prospectId), u.channel);
    const key = `${t}\u0000${v}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { k: 0, n: 0, templateId: t, value: v }));
    c.n++;
    if (u.replied) c.k++;
    tCount.set(t, (tCount.get(t) ?? 0) + 1);
    vCount.set(v, (vCount.get(v) ?? 0) + 1);
  }
  // The most common values as columns: a readable table on a 360 px panel.
  const values = [...vCount].sort((a, b) => b[1] - a[1]).slice(0, maxValues).map(([value, n]) => ({ value, n }));
  const keep = new Set(values.map((v) => v.value));
  return {
    templates: [...tCount].sort((a, b) => b[1] - a[1]).map(([id, n]) => ({ id, label: label(id), n })),
    values,
    cells: [...cells.values()].filter((c) => keep.has(c.value)).map((c) => ({ templateId: c.templateId, value: c.value, ...wilson(c.k, c.n) })),
  };
}

export interface TraitDifference {
  dimension: Dimension;
  value: string;
  /** Share of responders with this value, and of non-responders. */
  responders: Rate;
  nonResponders: Rate;
  /** responders.rate − nonResponders.rate. */
  difference: number;
  test: Comparison;
}

/**
 * What the ones who answer have in common: for every trait value, its share among prospects who
 * replied against its share among prospects contacted who did not; largest differences first.
 */
export function traitDifferences(
  units: readonly Unit[],
  prospects: ReadonlyMap<string, AnalyticsProspect>,
  dims: readonly Dimension[],
  minSample: number,
  limit = 8,
): TraitDifference[] {
  const outcomes = prospectOutcomes(units);
  const channelOf = new Map<string, string>();
  for (const u of units) {
    if (u.bounced) continue;
    for (const id of u.prospectIds) {
      const prev = channelOf.get(id);
      channelOf.set(id, prev && prev !== u.channel ? 'both' : u.channel);
    }
  }
  let R = 0;
  for (const v of outcomes.values()) if (v) R++;
  const N = outcomes.size - R;
  // One lookup per person, then one cheap pass per dimension.
  const people: { p: AnalyticsProspect | undefined; replied: boolean; channel: string | null }[] = [];
  for (const [id, replied] of outcomes) people.push({ p: prospects.get(id), replied, channel: channelOf.get(id) ?? null });
  const rows: TraitDifference[] = [];
  for (const dim of dims) {
    const value = dimensionGetter(dim);
    const counts = new Map<string, { r: number; n: number }>();
    for (const x of people) {
      const v = value(x.p, x.channel);
      if (v === UNKNOWN) continue;
      let c = counts.get(v);
      if (!c) counts.set(v, (c = { r: 0, n: 0 }));
      if (x.replied) c.r++;
      else c.n++;
    }
    for (const [value, c] of counts) {
      const responders = wilson(c.r, R);
      const nonResponders = wilson(c.n, N);
      rows.push({
        dimension: dim,
        value,
        responders,
        nonResponders,
        difference: (responders.rate ?? 0) - (nonResponders.rate ?? 0),
        test: compareRates({ k: c.r, n: R }, { k: c.n, n: N }, minSample),
      });
    }
  }
  return rows.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference)).slice(0, limit);
}
