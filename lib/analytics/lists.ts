// The two to-do lists: threads awaiting a reply (follow up), and replies awaiting the user.
// Plus time to reply. All from thread summaries.
import { median } from './stats';
import type { AnalyticsThread, Unit } from './units';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface FollowUp {
  threadId: string;
  prospectId: string;
  channel: Unit['channel'];
  subject: string | null;
  lastOutboundAt: number;
  daysAgo: number;
  outboundCount: number;
}

/**
 * Threads awaiting a reply: outreach that got no human answer at all (auto-replies do not count),
 * did not bounce, and whose last message from the user is between `minDays` and `maxDays` old
 * (past the window a follow-up no longer counts as this outreach). Oldest first: most urgent.
 */
export function followUps(
  units: readonly Unit[],
  now: number,
  o: { minDays: number; maxDays: number },
): FollowUp[] {
  const out: FollowUp[] = [];
  for (const u of units) {
    if (u.bounced || u.replied || u.repliedLate) continue;
    const age = now - u.lastOutboundAt;
    if (age < o.minDays * DAY || age > o.maxDays * DAY) continue;
    out.push({
      threadId: u.threadId,
      prospectId: u.prospectId,
      channel: u.channel,
      subject: u.subject,
      lastOutboundAt: u.lastOutboundAt,
      daysAgo: Math.floor(age / DAY),
      outboundCount: u.outboundCount,
    });
  }
  return out.sort((a, b) => a.lastOutboundAt - b.lastOutboundAt);
}

export interface Awaiting {
  threadId: string;
  prospectId: string | null;
  channel: AnalyticsThread['channel'];
  subject: string | null;
  lastInboundAt: number;
}

/** Replies awaiting the user: the last human message of the thread came in. Newest first. */
export function awaitingUser(threads: readonly AnalyticsThread[]): Awaiting[] {
  const out: Awaiting[] = [];
  for (const t of threads) {
    const s = t.summary;
    if (!s?.awaitingUser || s.lastInboundAt === null) continue;
    out.push({ threadId: t.id, prospectId: t.prospectIds[0] ?? null, channel: t.channel, subject: t.subject, lastInboundAt: s.lastInboundAt });
  }
  return out.sort((a, b) => b.lastInboundAt - a.lastInboundAt);
}

export const REPLY_TIME_BUCKETS: { label: string; upTo: number }[] = [
  { label: '< 1 h', upTo: HOUR },
  { label: '1–4 h', upTo: 4 * HOUR },
  { label: '4–24 h', upTo: DAY },
  { label: '1–3 d', upTo: 3 * DAY },
  { label: '3–7 d', upTo: 7 * DAY },
  { label: '1–2 wk', upTo: 14 * DAY },
  { label: '> 2 wk', upTo: Infinity },
];

export interface TimeToReply {
  /** Median ms from the first touch to the first reply, over replies within the window. */
  median: number | null;
  n: number;
  buckets: { label: string; count: number }[];
}

export function timeToReply(units: readonly Unit[]): TimeToReply {
  const delays: number[] = [];
  const counts = REPLY_TIME_BUCKETS.map(() => 0);
  for (const u of units) {
    if (u.bounced || !u.replied || u.replyAt === null) continue;
    const d = u.replyAt - u.firstTouchAt;
    delays.push(d);
    counts[REPLY_TIME_BUCKETS.findIndex((b) => d < b.upTo)]++;
  }
  return { median: median(delays), n: delays.length, buckets: REPLY_TIME_BUCKETS.map((b, i) => ({ label: b.label, count: counts[i] })) };
}
