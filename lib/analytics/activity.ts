// Activity: outbound messages per day and per week by channel, and logged calls with the connect
// rate. From the threads' send facts (every outbound message and call, kept in Thread.summary by
// ingestion), so no message is read.
import type { CallOutcome, Channel } from '../schema/model';
import { CALL_OUTCOMES, type Facts } from './facts';
import { wilson, type Rate } from './stats';

const DAY = 86_400_000;

export interface ActivityOptions {
  from: number;
  to: number;
  /** Offset of the user's time zone from UTC in ms (e.g. +2 h = 7_200_000), so days are local days. */
  utcOffsetMs?: number;
  channel?: Channel | null;
  /** Only messages whose template code is marked here (template tag filter, units.ts taggedCodes); null = all. */
  templates?: Uint8Array | null;
  /** Now: a send dated after it (a scheduled message not due yet) is not activity yet, even in a
   *  range that reaches into the future. */
  asOf?: number;
}

export interface Bucket {
  /** Local start of the day or week, as ms since epoch in local-time terms (UTC + offset). */
  start: number;
  label: string;
  gmail: number;
  linkedin: number;
}

export interface CallBucket {
  start: number;
  label: string;
  calls: number;
  connected: number;
}

export interface Activity {
  days: Bucket[];
  weeks: Bucket[];
  totals: { gmail: number; linkedin: number };
  calls: CallBucket[];
  callWeeks: CallBucket[];
  callTotals: Record<CallOutcome | 'total', number>;
  /** Calls connected ÷ calls made. */
  connectRate: Rate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayLabel = (localMs: number) => {
  const d = new Date(localMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const floorDay = (localMs: number) => Math.floor(localMs / DAY) * DAY;
/** Weeks start on Monday (ISO 8601). 1970-01-01 was a Thursday. */
const floorWeek = (localMs: number) => {
  const day = floorDay(localMs);
  const dow = (Math.floor(day / DAY) + 3) % 7; // 0 = Monday
  return day - dow * DAY;
};

export function activity(facts: Facts, o: ActivityOptions): Activity {
  const off = o.utcOffsetMs ?? 0;
  const firstDay = floorDay(o.from + off);
  const lastDay = floorDay(o.to - 1 + off);
  const nDays = Math.max(0, Math.round((lastDay - firstDay) / DAY) + 1);
  const days: Bucket[] = [];
  const calls: CallBucket[] = [];
  for (let i = 0; i < nDays; i++) {
    const start = firstDay + i * DAY;
    days.push({ start, label: dayLabel(start), gmail: 0, linkedin: 0 });
    calls.push({ start, label: dayLabel(start), calls: 0, connected: 0 });
  }
  const callTotals: Record<CallOutcome | 'total', number> = { total: 0, connected: 0, voicemail: 0, 'no-answer': 0 };
  const totals = { gmail: 0, linkedin: 0 };
  const c = facts.threads;
  const channel = o.channel ? (o.channel === 'linkedin' ? 1 : 0) : -1;
  const tagged = o.templates ?? null;
  const asOf = o.asOf ?? Infinity;
  for (let t = 0; t < c.n; t++) {
    if (channel >= 0 && c.channel[t] !== channel) continue;
    const linkedin = c.channel[t] === 1;
    for (let j = c.sOff[t]; j < c.sOff[t + 1]; j++) {
      const at = c.sAt[j];
      if (at < o.from || at >= o.to || at > asOf) continue;
      const i = Math.floor((at + off - firstDay) / DAY);
      if (i < 0 || i >= nDays) continue;
      const call = c.sCall[j];
      if (call >= 0) {
        // Calls have no template: the template-tag filter does not hide them.
        const outcome = CALL_OUTCOMES[call];
        callTotals.total++;
        callTotals[outcome]++;
        calls[i].calls++;
        if (outcome === 'connected') calls[i].connected++;
        continue;
      }
      if (tagged && !(c.sTpl[j] >= 0 && tagged[c.sTpl[j]])) continue;
      // Named fields rather than days[i][channel]: a keyed store per message is measurably slower at 100k.
      if (linkedin) {
        days[i].linkedin++;
        totals.linkedin++;
      } else {
        days[i].gmail++;
        totals.gmail++;
      }
    }
  }
  const weeks: Bucket[] = [];
  for (const d of days) {
    const w = floorWeek(d.start);
    let last = weeks[weeks.length - 1];
    if (!last || last.start !== w)
      weeks.push((last = { start: w, label: `Week of ${dayLabel(w)}`, gmail: 0, linkedin: 0 }));
    last.gmail += d.gmail;
    last.linkedin += d.linkedin;
  }
  const callWeeks: CallBucket[] = [];
  for (const c of calls) {
    const w = floorWeek(c.start);
    let last = callWeeks[callWeeks.length - 1];
    if (!last || last.start !== w)
      callWeeks.push((last = { start: w, label: `Week of ${dayLabel(w)}`, calls: 0, connected: 0 }));
    last.calls += c.calls;
    last.connected += c.connected;
  }
  return {
    days,
    weeks,
    totals,
    calls,
    callWeeks,
    callTotals,
    connectRate: wilson(callTotals.connected, callTotals.total),
  };
}
