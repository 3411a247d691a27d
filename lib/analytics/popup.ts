// The popup's three numbers: today's activity, the reply rate of threads started in the last 30
// days (with n), and the best template this month. From the same facts as the dashboard.
import type { AnalyticsTemplate, Facts } from './facts';
import { NONE, templateFirstTouchRates, threadReplyRate } from './rates';
import type { Rate } from './stats';
import { buildUnits } from './units';

const DAY = 86_400_000;

export interface PopupSummary {
  today: { gmail: number; linkedin: number; calls: number };
  last30: Rate;
  best: { templateId: string; name: string; rate: Rate } | null;
  /** True when templates were used this month but none reached minSample threads. */
  bestTooEarly: boolean;
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
  const last30 = threadReplyRate(buildUnits(facts, input.replyWindowDays, input.templates, { from: input.now - 30 * DAY }, input.now));
  const month = buildUnits(facts, input.replyWindowDays, input.templates, { from: input.startOfMonth }, input.now);
  const rows = templateFirstTouchRates(month, input.templates, input.minSample).filter((r) => r.key !== NONE);
  const ok = rows.filter((r) => r.n >= input.minSample);
  const top = ok[0];
  return {
    today,
    last30,
    best: top ? { templateId: top.key, name: top.label, rate: { k: top.k, n: top.n, rate: top.rate, lo: top.lo, hi: top.hi } } : null,
    bestTooEarly: !top && rows.length > 0,
  };
}
