// The popup's three numbers: today's activity, the reply rate of threads started in the last 30
// days (with n), and the best template this month. Small inputs: the popup reads only the
// outbound messages of the last 30 days and their threads.
import type { ActivityMessage } from './activity';
import { isCall } from './activity';
import { templateFirstTouchRates, threadReplyRate } from './rates';
import type { Rate } from './stats';
import { buildUnits, type AnalyticsTemplate, type AnalyticsThread } from './units';

const DAY = 86_400_000;

export interface PopupSummary {
  today: { gmail: number; linkedin: number; calls: number };
  last30: Rate;
  best: { templateId: string; name: string; rate: Rate } | null;
  /** True when templates were used this month but none reached minSample threads. */
  bestTooEarly: boolean;
}

export function popupSummary(input: {
  outbound: readonly ActivityMessage[];
  threads: readonly AnalyticsThread[];
  templates: readonly AnalyticsTemplate[];
  now: number;
  /** Local midnight today and the first instant of this month, as ms (the caller knows the time zone). */
  startOfDay: number;
  startOfMonth: number;
  replyWindowDays: number;
  minSample: number;
}): PopupSummary {
  const today = { gmail: 0, linkedin: 0, calls: 0 };
  for (const m of input.outbound) {
    if (m.direction !== 'outbound' || m.sentAt < input.startOfDay || m.sentAt > input.now) continue;
    if (isCall(m)) today.calls++;
    else today[m.channel]++;
  }
  const last30 = threadReplyRate(
    buildUnits(input.threads, input.replyWindowDays, input.templates, { from: input.now - 30 * DAY, to: input.now + 1 }),
  );
  const month = buildUnits(input.threads, input.replyWindowDays, input.templates, { from: input.startOfMonth, to: input.now + 1 });
  const rows = templateFirstTouchRates(
    month.filter((u) => u.templateId),
    input.templates,
    input.minSample,
  );
  const ok = rows.filter((r) => r.n >= input.minSample);
  const top = ok[0];
  return {
    today,
    last30,
    best: top ? { templateId: top.key, name: top.label, rate: { k: top.k, n: top.n, rate: top.rate, lo: top.lo, hi: top.hi } } : null,
    bestTooEarly: !top && rows.length > 0,
  };
}
