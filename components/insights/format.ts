// Formatting shared by the insights views and the popup.
import type { Comparison, Rate } from '@/lib/analytics/stats';

export const pct = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`;

/** "23% (45 of 196)": the denominator is shown every time (docs/design.md, "What the numbers mean"). */
export const rateText = (r: Rate) => (r.n === 0 ? 'no data yet' : `${pct(r.rate)} (${r.k} of ${r.n})`);

/** "1 of 4 replied (25%)": a template's first touches (Templates tab); nothing yet says so. */
export const repliedText = (r: Rate | null) =>
  !r || r.n === 0 ? 'Not used as a first touch yet' : `${r.k} of ${r.n} replied (${pct(r.rate)})`;

export const ciText = (r: Rate) => (r.n === 0 ? '' : `95% interval ${pct(r.lo)}–${pct(r.hi)}`);

/** "95% CI 18–29%": the interval where it is shown beside the rate (tooltips use ciText). */
export const ciShort = (r: Rate) => (r.n === 0 ? '' : `95% CI ${pct(r.lo)}–${pct(r.hi)}`);

/** How a table's verdicts are corrected, for its tooltip and footnote (lib/analytics/stats.ts MULTIPLE_COMPARISONS). */
export const MULTIPLE_NOTE =
  'Each row is tested against all the others, and the verdicts are corrected for the number of rows tested (Holm’s method): the chance that any row of the table is called higher or lower by luck alone stays under 5%.';

export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (h < 48) return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

export function verdictText(c: Comparison, other = 'the rest'): string {
  switch (c.verdict) {
    case 'too-early':
      return 'too early';
    case 'no-clear-difference':
      return 'no clear difference yet';
    case 'higher':
      return `higher than ${other} (${pLabel(c)} ${pValue(c.p)})`;
    case 'lower':
      return `lower than ${other} (${pLabel(c)} ${pValue(c.p)})`;
  }
}

/** "p", or "Holm p" when the p-value was adjusted for the other rows tested with it. */
const pLabel = (c: Comparison) => (c.adjusted ? `${c.adjusted.method === 'holm' ? 'Holm' : 'BH'} p` : 'p');

/** Tooltip words for a verdict: how it was reached (test, raw and adjusted p). */
export function verdictDetail(c: Comparison): string {
  if (c.verdict === 'too-early' || c.p === null)
    return 'Too early: fewer threads than the smallest sample worth a verdict (Settings).';
  const test = c.test === 'fisher' ? 'Fisher’s exact test' : 'two-proportion z-test';
  if (!c.adjusted) return `${test}, p ${pValue(c.p)}.`;
  return `${test}, p ${pValue(c.adjusted.raw)}; corrected for the ${c.adjusted.m} rows tested (Holm), p ${pValue(c.p)}.`;
}

const pValue = (p: number | null) => (p === null ? '' : p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

export const money = (x: number) =>
  x.toLocaleString(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const dateText = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
export const dateTimeText = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export const channelLabel = (c: string) =>
  c === 'gmail' ? 'Gmail' : c === 'linkedin' ? 'LinkedIn' : c === 'both' ? 'Both' : c;
