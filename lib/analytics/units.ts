// Outreach units: the threads that count for reply rates (docs/design.md, "What the numbers mean").
// Built from the thread facts (lib/analytics/facts.ts, kept from Thread.summary by ingestion), so
// 20k threads cost one pass over typed arrays and no message reads.
import type { Channel } from '../schema/model';
import { BOUNCED, type AnalyticsTemplate, type Facts } from './facts';

const DAY = 86_400_000;

export interface Filters {
  /** First touch at or after this instant (ms), inclusive. */
  from?: number | null;
  /** First touch before this instant (ms), exclusive. */
  to?: number | null;
  channel?: Channel | null;
  /** Only threads whose first-touch template carries this tag. */
  tag?: string | null;
}

/** Unit states. A bounced unit leaves the reply-rate denominator. */
export const U_BOUNCED = 1;
/** An inbound human message within the reply window of the first touch. */
export const U_REPLIED = 2;
/** A human reply came, but after the window: not a reply for the rates. */
export const U_LATE = 4;
/** A reply judged interested came within the reply window: a positive reply. */
export const U_POSITIVE = 8;

/**
 * Threads whose first written message is outbound to a prospect, in the filters. `t[i]` is the
 * thread row (facts.threads) of unit i; its first prospect (traits, funnel) is
 * facts.threads.pIdx[facts.threads.pOff[t[i]]].
 */
export interface Units {
  facts: Facts;
  n: number;
  t: Int32Array;
  state: Uint8Array;
  /**
   * Parallel to facts.threads.pIdx: 1 where that prospect's address bounced in that thread (a
   * bounce for one of several recipients). Such a prospect is not reached by the thread: it leaves
   * the prospect numbers, while the thread stays a unit for the others. A unit whose every
   * prospect bounced is bounced as a whole (U_BOUNCED).
   */
  pOut: Uint8Array;
  /** The instant the units are taken at: a send dated after it (a scheduled message not due yet)
   *  has not happened (stepRates counts only the steps sent by then). */
  asOf: number;
}

/** Template codes (facts.tpl) of the templates carrying `tag`, as a lookup table; null = no tag filter. */
export function taggedCodes(
  facts: Facts,
  templates: readonly AnalyticsTemplate[],
  tag: string | null | undefined,
): Uint8Array | null {
  if (!tag) return null;
  const ids = new Set(templates.filter((t) => t.tags.includes(tag)).map((t) => t.id));
  const out = new Uint8Array(facts.tpl.length);
  facts.tpl.forEach((id, k) => {
    if (ids.has(id)) out[k] = 1;
  });
  return out;
}

/**
 * `asOf` (now): a thread whose first touch is dated after it is not a unit yet — a scheduled message
 * (Gmail "Schedule send", dated by its due time in the facts) counts once it is due, with no new
 * event needed: every number is a function of `now`. Infinity: every stored first touch (tests).
 */
export function buildUnits(
  facts: Facts,
  replyWindowDays: number,
  templates: readonly AnalyticsTemplate[] = [],
  filters: Filters = {},
  asOf = Infinity,
): Units {
  const c = facts.threads;
  const pOut = bouncedProspects(facts);
  const windowMs = replyWindowDays * DAY;
  const tagged = taggedCodes(facts, templates, filters.tag);
  const from = filters.from ?? -Infinity;
  const to = Math.min(filters.to ?? Infinity, asOf === Infinity ? Infinity : asOf + 1);
  const channel = filters.channel ? (filters.channel === 'linkedin' ? 1 : 0) : -1;
  const t = new Int32Array(c.n);
  const state = new Uint8Array(c.n);
  let n = 0;
  for (let i = 0; i < c.n; i++) {
    const first = c.firstOut[i];
    // NaN (no outbound message) fails both comparisons below, so it is excluded too.
    if (c.firstDir[i] !== 0 || !(first >= from && first < to) || c.pOff[i] === c.pOff[i + 1]) continue;
    if (channel >= 0 && c.channel[i] !== channel) continue;
    if (tagged && !(c.firstTpl[i] >= 0 && tagged[c.firstTpl[i]])) continue;
    const reply = c.firstReply[i];
    let s = c.flags[i] & BOUNCED || allOut(c.pOff, pOut, i) ? U_BOUNCED : 0;
    if (!Number.isNaN(reply)) s |= reply - first <= windowMs ? U_REPLIED : U_LATE;
    if (c.firstPositive[i] - first <= windowMs) s |= U_POSITIVE; // NaN (none) fails the comparison
    t[n] = i;
    state[n] = s;
    n++;
  }
  return { facts, n, t: t.subarray(0, n), state: state.subarray(0, n), pOut, asOf };
}

/** Every prospect of thread row `i` bounced (and it has some). */
function allOut(pOff: Int32Array, pOut: Uint8Array, i: number): boolean {
  const a = pOff[i];
  const b = pOff[i + 1];
  if (a === b || !pOut[a]) return false;
  for (let j = a + 1; j < b; j++) if (!pOut[j]) return false;
  return true;
}

/**
 * Which prospect of which thread bounced (parallel to facts.threads.pIdx): a thread's bounced
 * addresses (facts.threads.bRcpt, from its bounces' failed recipients) against each of its
 * prospects' addresses. Depends on the facts only: computed once per facts.
 */
const pOutCache = new WeakMap<Facts, Uint8Array>();
export function bouncedProspects(facts: Facts): Uint8Array {
  let out = pOutCache.get(facts);
  if (out) return out;
  const c = facts.threads;
  const emails = facts.prospects.emails;
  out = new Uint8Array(c.pIdx.length);
  for (let i = 0; i < c.n; i++) {
    const list = c.bRcpt[i];
    if (!list) continue;
    const failed = new Set(list.split('\n'));
    for (let j = c.pOff[i]; j < c.pOff[i + 1]; j++) {
      const own = emails[c.pIdx[j]];
      if (own && own.split('\n').some((e) => failed.has(e.toLowerCase()))) out[j] = 1;
    }
  }
  pOutCache.set(facts, out);
  return out;
}

/** The first prospect of unit thread row `t` that the thread reached (not bounced); its first one if none. */
export function reachedProspect(facts: Facts, pOut: Uint8Array, t: number): number {
  const { pOff, pIdx } = facts.threads;
  for (let j = pOff[t]; j < pOff[t + 1]; j++) if (!pOut[j]) return pIdx[j];
  return pIdx[pOff[t]];
}

/** Written outbound messages of thread row `t` sent by `asOf` (its outbound count, less the
 *  scheduled ones not due yet). */
export function sentBy(facts: Facts, t: number, asOf: number): number {
  const c = facts.threads;
  if (!(c.lastOut[t] > asOf)) return c.outCount[t];
  let n = 0;
  for (let j = c.sOff[t]; j < c.sOff[t + 1]; j++) if (c.sCall[j] < 0 && c.sAt[j] <= asOf) n++;
  return n;
}

/** The earliest send dated after `now` (a scheduled message's due time): when the numbers taken
 *  at `now` change with no new data. null when there is none. */
export function nextDue(facts: Facts, now: number): number | null {
  let next = Infinity;
  const at = facts.threads.sAt;
  for (let j = 0; j < at.length; j++) if (at[j] > now && at[j] < next) next = at[j];
  return next === Infinity ? null : next;
}

/** Written messages dated after `now`: scheduled, not sent yet (counted once due). */
export function scheduledAhead(facts: Facts, now: number): number {
  const { sAt, sCall } = facts.threads;
  let n = 0;
  for (let j = 0; j < sAt.length; j++) if (sAt[j] > now && sCall[j] < 0) n++;
  return n;
}

/** Thread ids of the units, in order (for lists and tests). */
export const unitThreadIds = (u: Units): string[] => Array.from(u.t, (i) => u.facts.threads.id[i]);
