// Reply rates: per thread, per prospect, per template (first touch, reply credit, version, step)
// and per trait. Every rate is a Rate (k, n, Wilson interval); comparisons say "too early" or
// "no clear difference yet" unless a test says otherwise (stats.ts). Inputs are Units over Facts:
// groups are integer codes counted in typed arrays (see facts.ts for why).
import { CHANNELS, DELAYED, INTENTS, UNKNOWN, type AnalyticsTemplate, type Dimension, type Facts } from './facts';
import { adjustComparisons, compareRates, wilson, type Comparison, type Rate } from './stats';
import { U_BOUNCED, U_LATE, U_POSITIVE, U_REPLIED, reachedProspect, sentBy, type Units } from './units';

export { BUILTIN_DIMENSIONS, UNKNOWN, type Dimension } from './facts';
export const NONE = '(none)';

/** Reply rate per thread: replied ÷ outreach threads that did not bounce. */
export function threadReplyRate(units: Units): Rate {
  let k = 0;
  let n = 0;
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    n++;
    if (s & U_REPLIED) k++;
  }
  return wilson(k, n);
}

/**
 * Positive reply rate per thread: units with a reply judged interested within the reply window ÷
 * outreach threads that did not bounce (the reply rate's n).
 */
export function threadPositiveRate(units: Units): Rate {
  let k = 0;
  let n = 0;
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    n++;
    if (s & U_POSITIVE) k++;
  }
  return wilson(k, n);
}

/** What the first replies (within the window, non-bounced units) said, by intent; `unjudged`: replies with no intent. */
export function replyIntents(units: Units): {
  counts: Record<(typeof INTENTS)[number], number>;
  unjudged: number;
  replies: number;
} {
  const counts = Object.fromEntries(INTENTS.map((x) => [x, 0])) as Record<(typeof INTENTS)[number], number>;
  let unjudged = 0;
  let replies = 0;
  const code = units.facts.threads.replyIntent;
  for (let i = 0; i < units.n; i++) {
    if ((units.state[i] & (U_BOUNCED | U_REPLIED)) !== U_REPLIED) continue;
    replies++;
    const c = code[units.t[i]];
    if (c < 0) unjudged++;
    else counts[INTENTS[c]]++;
  }
  return { counts, unjudged, replies };
}

export interface UnitCounts {
  threads: number;
  bounced: number;
  /** Non-bounced threads where one of several recipients bounced (they stay units for the others). */
  partlyBounced: number;
  /** Non-bounced threads whose latest delivery news is a delay warning ("delivery delayed"). */
  delayed: number;
  /** Non-bounced threads that got an auto-reply (counted separately, never as replies). */
  autoReplied: number;
  repliedLate: number;
}

export function unitCounts(units: Units): UnitCounts {
  const { autoReplies: auto, flags, pOff } = units.facts.threads;
  const c: UnitCounts = { threads: units.n, bounced: 0, partlyBounced: 0, delayed: 0, autoReplied: 0, repliedLate: 0 };
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    const t = units.t[i];
    if (s & U_BOUNCED) c.bounced++;
    else {
      if (auto[t] > 0) c.autoReplied++;
      if (s & U_LATE) c.repliedLate++;
      if (flags[t] & DELAYED) c.delayed++;
      for (let j = pOff[t]; j < pOff[t + 1]; j++)
        if (units.pOut[j]) {
          c.partlyBounced++;
          break;
        }
    }
  }
  return c;
}

/**
 * Per prospect (an index into facts.prospects): -1 not contacted in these units, 0 contacted (in a
 * non-bounced outreach thread) with no reply, 1 replied in at least one of them. One person, one
 * count, across Gmail and LinkedIn.
 */
const outcomesCache = new WeakMap<Units, Int8Array>();
export function prospectOutcomes(units: Units): Int8Array {
  // Used by the response rate, the trait differences and the funnel over the same units: one pass.
  let out = outcomesCache.get(units);
  if (out) return out;
  const { pOff, pIdx } = units.facts.threads;
  out = new Int8Array(units.facts.prospects.id.length).fill(-1);
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    const r = s & U_REPLIED ? 1 : 0;
    const t = units.t[i];
    // A prospect whose address bounced was not reached by this thread.
    for (let j = pOff[t]; j < pOff[t + 1]; j++) if (!units.pOut[j] && out[pIdx[j]] < r) out[pIdx[j]] = r;
  }
  outcomesCache.set(units, out);
  return out;
}

/** Prospect response rate: prospects with at least one reply ÷ prospects contacted. */
export function prospectResponseRate(units: Units): Rate {
  const outcomes = prospectOutcomes(units);
  let k = 0;
  let n = 0;
  for (let p = 0; p < outcomes.length; p++) {
    if (outcomes[p] < 0) continue;
    n++;
    k += outcomes[p];
  }
  return wilson(k, n);
}

export interface GroupRate extends Rate {
  key: string;
  label: string;
  /**
   * This group against all other units: "too early", "no clear difference yet", higher, lower;
   * corrected for the other rows of its table (Holm: lib/analytics/stats.ts adjustComparisons).
   */
  vsRest: Comparison;
  /** Positive reply rate of the group (a reply judged interested within the window), same n. */
  positive: Rate;
  /** The positive rate against all other units, corrected across the rows like vsRest. */
  positiveVsRest: Comparison;
}

/** Counts units by an integer group code (-1 = not counted) into k (replied), q (positive) and n per code. */
function countGroups(units: Units, size: number, codeOf: (unit: number) => number) {
  const k = new Int32Array(size);
  const q = new Int32Array(size);
  const n = new Int32Array(size);
  let K = 0;
  let Q = 0;
  let N = 0;
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    const g = codeOf(i);
    if (g < 0) continue;
    n[g]++;
    N++;
    if (s & U_REPLIED) {
      k[g]++;
      K++;
    }
    if (s & U_POSITIVE) {
      q[g]++;
      Q++;
    }
  }
  return { k, q, n, K, Q, N };
}

function groupRows(
  counts: ReturnType<typeof countGroups>,
  keyOf: (code: number) => string,
  labelOf: (key: string) => string,
  minSample: number,
): GroupRate[] {
  const rows: GroupRate[] = [];
  const { k, q, n, K, Q, N } = counts;
  for (let g = 0; g < n.length; g++) {
    if (n[g] === 0) continue;
    const key = keyOf(g);
    rows.push({
      key,
      label: labelOf(key),
      ...wilson(k[g], n[g]),
      vsRest: compareRates({ k: k[g], n: n[g] }, { k: K - k[g], n: N - n[g] }, minSample),
      positive: wilson(q[g], n[g]),
      positiveVsRest: compareRates({ k: q[g], n: n[g] }, { k: Q - q[g], n: N - n[g] }, minSample),
    });
  }
  return sortRates(adjustRows(rows), minSample);
}

/**
 * The rows of one table are tested together: each column's verdicts are corrected across the rows
 * (Holm). Two rows that split every unit between them are one test (each is the other's "rest"):
 * nothing to correct.
 */
function adjustRows(rows: GroupRate[]): GroupRate[] {
  if (rows.length <= 2) return rows;
  const reply = adjustComparisons(rows.map((r) => r.vsRest));
  const positive = adjustComparisons(rows.map((r) => r.positiveVsRest));
  return rows.map((r, i) => ({ ...r, vsRest: reply[i], positiveVsRest: positive[i] }));
}

/** Rows with enough data first, by rate; "too early" rows after them, by n; then by label (a stable order). */
export function sortRates<T extends Rate & { label?: string }>(rows: T[], minSample: number): T[] {
  return rows.sort((a, b) => {
    const ea = a.n >= minSample ? 1 : 0;
    const eb = b.n >= minSample ? 1 : 0;
    if (ea !== eb) return eb - ea;
    if (ea && (b.rate ?? 0) !== (a.rate ?? 0)) return (b.rate ?? 0) - (a.rate ?? 0);
    return b.n - a.n || (a.label ?? '').localeCompare(b.label ?? '');
  });
}

export const templateLabel = (templates: readonly AnalyticsTemplate[]) => {
  const names = new Map(templates.map((t) => [t.id, t.name]));
  return (id: string) => (id === NONE ? 'No template' : (names.get(id) ?? `Deleted template (${id})`));
};

/** Template reply rate by first touch: replied ÷ threads whose first touch used the template. */
export function templateFirstTouchRates(
  units: Units,
  templates: readonly AnalyticsTemplate[],
  minSample: number,
): GroupRate[] {
  const { tpl } = units.facts;
  const firstTpl = units.facts.threads.firstTpl;
  // Code 0 = no template, k + 1 = template k.
  const counts = countGroups(units, tpl.length + 1, (i) => firstTpl[units.t[i]] + 1);
  return groupRows(counts, (g) => (g === 0 ? NONE : tpl[g - 1]), templateLabel(templates), minSample);
}

/** Per template version (first touch). Keys are `<templateId>@<version>`. */
export function templateVersionRates(
  units: Units,
  templates: readonly AnalyticsTemplate[],
  minSample: number,
): GroupRate[] {
  const { firstTpl, firstVer } = units.facts.threads;
  const codes = new Map<number, number>();
  const keys: string[] = [];
  const counts = countGroups(units, units.n, (i) => {
    const t = units.t[i];
    if (firstTpl[t] < 0) return -1;
    const pair = firstTpl[t] * 65_536 + Math.min(firstVer[t], 65_535);
    let g = codes.get(pair);
    if (g === undefined) {
      g = keys.length;
      codes.set(pair, g);
      keys.push(`${units.facts.tpl[firstTpl[t]]}@${firstVer[t] || 1}`);
    }
    return g;
  });
  const label = templateLabel(templates);
  return groupRows(
    counts,
    (g) => keys[g],
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
export function replyCredit(units: Units, templates: readonly AnalyticsTemplate[]): CreditRow[] {
  const { tpl } = units.facts;
  const creditTpl = units.facts.threads.creditTpl;
  const counts = new Int32Array(tpl.length + 1);
  let total = 0;
  for (let i = 0; i < units.n; i++) {
    if ((units.state[i] & (U_BOUNCED | U_REPLIED)) !== U_REPLIED) continue;
    total++;
    counts[creditTpl[units.t[i]] + 1]++;
  }
  const label = templateLabel(templates);
  const rows: CreditRow[] = [];
  counts.forEach((replies, g) => {
    if (!replies) return;
    const templateId = g === 0 ? NONE : tpl[g - 1];
    rows.push({ templateId, label: label(templateId), replies, share: replies / total });
  });
  return rows.sort((a, b) => b.replies - a.replies || a.label.localeCompare(b.label));
}

export interface StepRow extends Rate {
  step: number;
}

/**
 * Which follow-up step gets the reply. Step s was "sent without an answer yet" in every thread that
 * reached it: replied threads reached steps 1..creditStep, unanswered ones 1..outboundCount.
 * Rate = replies to step s ÷ threads that sent step s before any reply.
 */
export function stepRates(units: Units, maxStep = 5): StepRow[] {
  const { creditStep, outCount } = units.facts.threads;
  const sent = new Array<number>(maxStep + 1).fill(0);
  const answered = new Array<number>(maxStep + 1).fill(0);
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    const t = units.t[i];
    const replied = (s & U_REPLIED) !== 0;
    // Unanswered: the steps sent so far (a scheduled follow-up counts once it is due).
    const reached = Math.min(
      maxStep,
      replied ? creditStep[t] || 1 : units.asOf === Infinity ? outCount[t] : sentBy(units.facts, t, units.asOf),
    );
    for (let k = 1; k <= reached; k++) sent[k]++;
    if (replied) answered[Math.min(maxStep, creditStep[t] || 1)]++;
  }
  const rows: StepRow[] = [];
  for (let s = 1; s <= maxStep; s++) if (sent[s] > 0) rows.push({ step: s, ...wilson(answered[s], sent[s]) });
  return rows;
}

// Traits --------------------------------------------------------------------------------------------

/**
 * A dimension as codes per unit: `values[code(unit)]`. Prospect traits come from the unit's first
 * prospect; 'channel' is the thread's channel.
 */
export function unitDimension(
  units: Units,
  dim: Dimension,
): { values: readonly string[]; code: (unit: number) => number } {
  const { pOff, pIdx, channel } = units.facts.threads;
  const pOut = units.pOut;
  if (dim === 'channel') return { values: CHANNELS, code: (i) => channel[units.t[i]] };
  const col = dimensionColumn(units.facts, dim);
  if (!col) return { values: [UNKNOWN], code: () => 0 };
  const codes = col.codes;
  // The thread's first prospect it reached (one whose address bounced is skipped).
  return {
    values: col.values,
    code: (i) =>
      codes[pOut[pOff[units.t[i]]] ? reachedProspect(units.facts, pOut, units.t[i]) : pIdx[pOff[units.t[i]]]],
  };
}

export function dimensionColumn(facts: Facts, dim: Dimension) {
  return facts.prospects.dims.find((d) => d.key === dim) ?? null;
}

/** How the "unknown" group of a trait is labelled (its key stays UNKNOWN). */
export const UNKNOWN_LABEL = 'unknown';

/**
 * Thread reply rate grouped by a trait of the thread's prospect (or the thread's channel). Threads
 * whose prospect lacks the trait are a row of their own (key UNKNOWN, label "unknown"), with the
 * same n, interval and verdict as the others, always last: never dropped, never ranked as a value.
 */
export function rateByDimension(units: Units, dim: Dimension, minSample: number): GroupRate[] {
  const d = unitDimension(units, dim);
  const rows = groupRows(
    countGroups(units, d.values.length, d.code),
    (g) => d.values[g],
    (k) => (k === UNKNOWN ? UNKNOWN_LABEL : k),
    minSample,
  );
  const u = rows.findIndex((r) => r.key === UNKNOWN);
  if (u >= 0) rows.push(...rows.splice(u, 1));
  return rows;
}

export interface TraitCoverage {
  /** People contacted in these units (non-bounced outreach): the prospect response rate's n. */
  people: number;
  /** …of whom the trait is known. */
  known: number;
}

/**
 * For how many of the people contacted a trait is known ("industry known for 41% of 312 people").
 * Same people as the prospect response rate; 'channel' is a thread fact, always known.
 */
export function traitCoverage(units: Units, dim: Dimension): TraitCoverage {
  const outcomes = prospectOutcomes(units);
  let people = 0;
  let known = 0;
  const col = dim === 'channel' ? null : dimensionColumn(units.facts, dim);
  const unknown = col ? col.values.indexOf(UNKNOWN) : -1;
  for (let p = 0; p < outcomes.length; p++) {
    if (outcomes[p] < 0) continue;
    people++;
    if (dim === 'channel' || (col && col.codes[p] !== unknown)) known++;
  }
  return { people, known };
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
  units: Units,
  templates: readonly AnalyticsTemplate[],
  dim: Dimension,
  maxValues = 8,
): CrossTable {
  const { tpl } = units.facts;
  const firstTpl = units.facts.threads.firstTpl;
  const d = unitDimension(units, dim);
  const T = tpl.length + 1;
  const V = d.values.length;
  const k = new Int32Array(T * V);
  const n = new Int32Array(T * V);
  const tCount = new Int32Array(T);
  const vCount = new Int32Array(V);
  for (let i = 0; i < units.n; i++) {
    const s = units.state[i];
    if (s & U_BOUNCED) continue;
    const t = firstTpl[units.t[i]] + 1;
    const v = d.code(i);
    n[t * V + v]++;
    if (s & U_REPLIED) k[t * V + v]++;
    tCount[t]++;
    vCount[v]++;
  }
  const label = templateLabel(templates);
  const tId = (t: number) => (t === 0 ? NONE : tpl[t - 1]);
  // The most common values as columns: a readable table on a 360 px panel.
  const values = [...vCount.keys()]
    .filter((v) => vCount[v] > 0)
    .sort((a, b) => vCount[b] - vCount[a] || d.values[a].localeCompare(d.values[b]))
    .slice(0, maxValues);
  const rows = [...tCount.keys()]
    .filter((t) => tCount[t] > 0)
    .map((t) => ({ id: tId(t), label: label(tId(t)), n: tCount[t] }));
  const cells: CrossCell[] = [];
  for (let t = 0; t < T; t++)
    for (const v of values)
      if (n[t * V + v]) cells.push({ templateId: tId(t), value: d.values[v], ...wilson(k[t * V + v], n[t * V + v]) });
  return {
    templates: rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)),
    values: values.map((v) => ({ value: d.values[v], n: vCount[v] })),
    cells: cells.sort((a, b) => a.templateId.localeCompare(b.templateId) || a.value.localeCompare(b.value)),
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
 * The channels each prospect was reached on in these units (non-bounced): bit 1 Gmail, bit 2
 * LinkedIn. As a trait: 'gmail', 'linkedin' or 'both'.
 */
const channelsCache = new WeakMap<Units, Uint8Array>();
export function prospectChannels(units: Units): Uint8Array {
  let out = channelsCache.get(units);
  if (out) return out;
  const { pOff, pIdx, channel } = units.facts.threads;
  out = new Uint8Array(units.facts.prospects.id.length);
  for (let i = 0; i < units.n; i++) {
    if (units.state[i] & U_BOUNCED) continue;
    const t = units.t[i];
    for (let j = pOff[t]; j < pOff[t + 1]; j++) if (!units.pOut[j]) out[pIdx[j]] |= 1 << channel[t];
  }
  channelsCache.set(units, out);
  return out;
}
/** Values of the prospect-level channel trait, indexed by the bit mask of prospectChannels. */
export const CHANNEL_MASK_VALUES = [UNKNOWN, 'gmail', 'linkedin', 'both'];

/**
 * What the ones who answer have in common: for every trait value, its share among prospects who
 * replied against its share among prospects contacted who did not; largest differences first.
 */
export function traitDifferences(
  units: Units,
  dims: readonly Dimension[],
  minSample: number,
  limit = 8,
): TraitDifference[] {
  const outcomes = prospectOutcomes(units);
  const channels = prospectChannels(units);
  let R = 0;
  let N = 0;
  for (let p = 0; p < outcomes.length; p++) {
    if (outcomes[p] === 1) R++;
    else if (outcomes[p] === 0) N++;
  }
  const rows: TraitDifference[] = [];
  for (const dim of dims) {
    const col =
      dim === 'channel' ? { values: CHANNEL_MASK_VALUES, codes: channels } : dimensionColumn(units.facts, dim);
    if (!col) continue;
    const { values, codes } = col;
    const r = new Int32Array(values.length);
    const nr = new Int32Array(values.length);
    for (let p = 0; p < outcomes.length; p++) {
      const o = outcomes[p];
      if (o === 1) r[codes[p]]++;
      else if (o === 0) nr[codes[p]]++;
    }
    for (let v = 0; v < values.length; v++) {
      if (values[v] === UNKNOWN || (r[v] === 0 && nr[v] === 0)) continue;
      const responders = wilson(r[v], R);
      const nonResponders = wilson(nr[v], N);
      rows.push({
        dimension: dim,
        value: values[v],
        responders,
        nonResponders,
        difference: (responders.rate ?? 0) - (nonResponders.rate ?? 0),
        test: compareRates({ k: r[v], n: R }, { k: nr[v], n: N }, minSample),
      });
    }
  }
  // Every value of every trait was tested, not only the ones shown: the correction counts them all.
  const tests = adjustComparisons(rows.map((r) => r.test));
  rows.forEach((r, i) => (r.test = tests[i]));
  return rows
    .sort(
      (a, b) =>
        Math.abs(b.difference) - Math.abs(a.difference) ||
        a.dimension.localeCompare(b.dimension) ||
        a.value.localeCompare(b.value),
    )
    .slice(0, limit);
}
