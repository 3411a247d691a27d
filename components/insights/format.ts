// Formatting shared by the insights views and the popup.
import type { Comparison, Rate } from '@/lib/analytics/stats';

export const pct = (x: number | null | undefined, digits = 0) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`);

/** "23% (45 of 196)": the denominator is shown every time (docs/design.md, "What the numbers mean"). */
export const rateText = (r: Rate) => (r.n === 0 ? 'no data yet' : `${pct(r.rate)} (${r.k} of ${r.n})`);

/** "1 of 4 replied (25%)": a template's first touches (Templates tab); nothing yet says so. */
export const repliedText = (r: Rate | null) => (!r || r.n === 0 ? 'Not used as a first touch yet' : `${r.k} of ${r.n} replied (${pct(r.rate)})`);

export const ciText = (r: Rate) => (r.n === 0 ? '' : `95% interval ${pct(r.lo)}–${pct(r.hi)}`);

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
      return `higher than ${other} (p ${pValue(c.p)})`;
    case 'lower':
      return `lower than ${other} (p ${pValue(c.p)})`;
  }
}

const pValue = (p: number | null) => (p === null ? '' : p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

export const money = (x: number) =>
  x.toLocaleString(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const dateText = (ms: number) => new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
export const dateTimeText = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export const channelLabel = (c: string) => (c === 'gmail' ? 'Gmail' : c === 'linkedin' ? 'LinkedIn' : c === 'both' ? 'Both' : c);
