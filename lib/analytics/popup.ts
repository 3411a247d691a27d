// The popup's numbers: today's activity, the reply rate and positive reply rate of threads started
// in the last 30 days (each with n and its 95% interval), and this month's best template, named only
// when it is clearly ahead. From the same facts as the dashboard.
import type { AnalyticsTemplate, Facts } from './facts';
import { NONE, templateFirstTouchRates, threadPositiveRate, threadReplyRate, type GroupRate } from './rates';
import { wilson, type Rate } from './stats';
import { buildUnits } from './units';

const DAY = 86_400_000;

/**
 * Why a template is or is not named: `named`; `none` (no template opened a thread this month);
 * `too-early` (templates were used, none in `minSample` threads yet); `no-clear-leader` (the one
 * ahead is not clear of the rest).
 */
export type BestStatus = 'named' | 'none' | 'too-early' | 'no-clear-leader';

export interface PopupSummary {
  today: { gmail: number; linkedin: number; calls: number };
  last30: Rate;
  /** Threads of the last 30 days with a reply judged interested ÷ the same threads. */
  last30Positive: Rate;
  /** Named only when its interval is clear of the rest (see bestTemplate). */
  best: { templateId: string; name: string; rate: Rate } | null;
  bestStatus: BestStatus;
  /** Settings' smallest sample worth a verdict: a rate over fewer threads says "too early". */
  minSample: number;
  /** The template ahead so far when none is clear: its numbers, with n and interval. */
  ahead: { templateId: string; name: string; rate: Rate } | null;
}

const rateOf = (r: Rate): Rate => ({ k: r.k, n: r.n, rate: r.rate, lo: r.lo, hi: r.hi });

/**
 * This month's best first-touch template, honestly: among rows with at least `minSample` threads,
 * the highest rate is named only when its 95% interval lies wholly above the interval of every
 * other row with enough threads ("No template" included) and above the interval of all the month's
 * other threads together. Overlapping intervals are "no clear leader yet".
 */
export function bestTemplate(
  rows: readonly GroupRate[],
  minSample: number,
): { status: BestStatus; best: GroupRate | null; ahead: GroupRate | null } {
  const templates = rows.filter((r) => r.key !== NONE);
  if (templates.length === 0) return { status: 'none', best: null, ahead: null };
  const ok = rows.filter((r) => r.n >= minSample);
  const top = ok.filter((r) => r.key !== NONE).sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.n - a.n)[0];
  if (!top) return { status: 'too-early', best: null, ahead: null };
  let K = 0;
  let N = 0;
  for (const r of rows) {
    K += r.k;
    N += r.n;
  }
  const rest = wilson(K - top.k, N - top.n);
  const clear = ok.every((r) => r === top || top.lo > r.hi) && (rest.n === 0 || top.lo > rest.hi);
  return clear ? { status: 'named', best: top, ahead: null } : { status: 'no-clear-leader', best: null, ahead: top };
}

export function popupSummary(input: {
  facts: Facts;
  templates: readonly AnalyticsTemplate[];
  now: number;
  /** Local midnight today and the first instant of this month, as ms (the caller knows the time zone). */
  startOfDay: number;
  startOfMonth: number;
  replyWindowDays: number;
  minSample: number;
}): PopupSummary {
  const { facts } = input;
  const c = facts.threads;
  const today = { gmail: 0, linkedin: 0, calls: 0 };
  for (let t = 0; t < c.n; t++)
    for (let j = c.sOff[t]; j < c.sOff[t + 1]; j++) {
      if (c.sAt[j] < input.startOfDay || c.sAt[j] > input.now) continue;
      if (c.sCall[j] >= 0) today.calls++;
      else if (c.channel[t] === 1) today.linkedin++;
      else today.gmail++;
    }
  // Taken at now: a scheduled message counts once it is due (units.ts), like "Sent today" above.
  const recent = buildUnits(facts, input.replyWindowDays, input.templates, { from: input.now - 30 * DAY }, input.now);
  const month = buildUnits(facts, input.replyWindowDays, input.templates, { from: input.startOfMonth }, input.now);
  const pick = (r: GroupRate | null) => (r ? { templateId: r.key, name: r.label, rate: rateOf(r) } : null);
  const b = bestTemplate(templateFirstTouchRates(month, input.templates, input.minSample), input.minSample);
  return {
    today,
    last30: threadReplyRate(recent),
    last30Positive: threadPositiveRate(recent),
    best: pick(b.best),
    bestStatus: b.status,
    minSample: input.minSample,
    ahead: pick(b.ahead),
  };
}
