// The two to-do lists: threads awaiting a reply (follow up), and replies awaiting the user.
// Plus time to reply. All from thread facts.
import { AWAITING, CHANNELS, type Facts } from './facts';
import { median } from './stats';
import { U_BOUNCED, U_LATE, U_REPLIED, type Units } from './units';
import type { Channel } from '../schema/model';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface FollowUp {
  threadId: string;
  prospectId: string;
  channel: Channel;
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
export function followUps(units: Units, now: number, o: { minDays: number; maxDays: number }): FollowUp[] {
  const c = units.facts.threads;
  const ids = units.facts.prospects.id;
  const out: FollowUp[] = [];
  for (let i = 0; i < units.n; i++) {
    if (units.state[i] & (U_BOUNCED | U_REPLIED | U_LATE)) continue;
    const t = units.t[i];
    const last = Number.isNaN(c.lastOut[t]) ? c.firstOut[t] : c.lastOut[t];
    const age = now - last;
    if (age < o.minDays * DAY || age > o.maxDays * DAY) continue;
    out.push({
      threadId: c.id[t],
      prospectId: ids[c.pIdx[c.pOff[t]]],
      channel: CHANNELS[c.channel[t]],
      subject: c.subject[t],
      lastOutboundAt: last,
      daysAgo: Math.floor(age / DAY),
      outboundCount: c.outCount[t],
    });
  }
  return out.sort((a, b) => a.lastOutboundAt - b.lastOutboundAt || a.threadId.localeCompare(b.threadId));
}

export interface Awaiting {
  threadId: string;
  prospectId: string | null;
  channel: Channel;
  subject: string | null;
  lastInboundAt: number;
}

/** Replies awaiting the user: the last human message of the thread came in. Newest first. */
export function awaitingUser(facts: Facts, channel: Channel | null = null): Awaiting[] {
  const c = facts.threads;
  const ch = channel ? CHANNELS.indexOf(channel) : -1;
  const out: Awaiting[] = [];
  for (let t = 0; t < c.n; t++) {
    if (!(c.flags[t] & AWAITING) || Number.isNaN(c.lastIn[t])) continue;
    if (ch >= 0 && c.channel[t] !== ch) continue;
    out.push({
      threadId: c.id[t],
      prospectId: c.pOff[t] < c.pOff[t + 1] ? facts.prospects.id[c.pIdx[c.pOff[t]]] : null,
      channel: CHANNELS[c.channel[t]],
      subject: c.subject[t],
      lastInboundAt: c.lastIn[t],
    });
  }
  return out.sort((a, b) => b.lastInboundAt - a.lastInboundAt || a.threadId.localeCompare(b.threadId));
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

export function timeToReply(units: Units): TimeToReply {
  const c = units.facts.threads;
  const delays: number[] = [];
  const counts = REPLY_TIME_BUCKETS.map(() => 0);
  for (let i = 0; i < units.n; i++) {
    if ((units.state[i] & (U_BOUNCED | U_REPLIED)) !== U_REPLIED) continue;
    const t = units.t[i];
    const d = c.firstReply[t] - c.firstOut[t];
    delays.push(d);
    counts[REPLY_TIME_BUCKETS.findIndex((b) => d < b.upTo)]++;
  }
  return {
    median: median(delays),
    n: delays.length,
    buckets: REPLY_TIME_BUCKETS.map((b, i) => ({ label: b.label, count: counts[i] })),
  };
}

/**
 * Prospects with outreach (rows of facts.prospects): a thread naming them holds an outbound
 * message or a logged call. The others (a lead list's rows, a profile only visited) are "not
 * contacted yet"; the rates never count them, since units start with an outbound message.
 */
export function prospectsWithOutreach(facts: Facts): Uint8Array {
  const { n, pOff, pIdx, sOff, outCount } = facts.threads;
  const out = new Uint8Array(facts.prospects.id.length);
  for (let t = 0; t < n; t++) {
    if (sOff[t + 1] === sOff[t] && outCount[t] === 0) continue;
    for (let j = pOff[t]; j < pOff[t + 1]; j++) out[pIdx[j]] = 1;
  }
  return out;
}
