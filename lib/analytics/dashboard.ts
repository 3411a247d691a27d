// Everything the Dashboard shows, in one pure call over plain arrays (the UI reads Dexie, then
// calls this). test/bench/analytics.ts times it on 100k messages / 20k threads.
import { activity, type Activity, type ActivityMessage } from './activity';
import { funnel, funnelByDimension, funnelByTemplate, type Funnel, type FunnelGroup } from './funnel';
import { awaitingUser, followUps, timeToReply, type Awaiting, type FollowUp, type TimeToReply } from './lists';
import {
  BUILTIN_DIMENSIONS,
  customDimensions,
  prospectResponseRate,
  rateByDimension,
  replyCredit,
  stepRates,
  templateByDimension,
  templateFirstTouchRates,
  templateVersionRates,
  threadReplyRate,
  traitDifferences,
  unitCounts,
  type CreditRow,
  type CrossTable,
  type Dimension,
  type GroupRate,
  type StepRow,
  type TraitDifference,
  type UnitCounts,
} from './rates';
import type { Rate } from './stats';
import { buildUnits, type AnalyticsProspect, type AnalyticsTemplate, type AnalyticsThread, type Filters, type Unit } from './units';

export interface DashboardInput {
  threads: readonly AnalyticsThread[];
  prospects: readonly AnalyticsProspect[];
  templates: readonly AnalyticsTemplate[];
  /** Outbound messages from `filters.from` to now (activity and calls). */
  outbound: readonly ActivityMessage[];
  now: number;
  replyWindowDays: number;
  minSample: number;
  filters: Filters;
  /** Trait for the traits table, template × trait and funnel-by-trait. */
  dimension: Dimension;
  utcOffsetMs?: number;
  followUpAfterDays?: number;
}

/** What needs only thread summaries and templates (the first thing the panel can show). */
export interface DashboardCore {
  counts: UnitCounts;
  threadRate: Rate;
  prospectRate: Rate;
  timeToReply: TimeToReply;
  followUps: FollowUp[];
  awaiting: Awaiting[];
  templates: GroupRate[];
  versions: GroupRate[];
  credit: CreditRow[];
  steps: StepRow[];
  channels: GroupRate[];
}

/** What also needs the prospects (traits, funnel, revenue). */
export interface DashboardPeople {
  byDimension: GroupRate[];
  cross: CrossTable;
  differences: TraitDifference[];
  funnel: Funnel;
  funnelByTemplate: FunnelGroup[];
  funnelByDimension: FunnelGroup[];
  dimensions: { key: Dimension; label: string }[];
}

export type Dashboard = DashboardCore & DashboardPeople & { activity: Activity };

type CoreInput = Pick<DashboardInput, 'threads' | 'templates' | 'now' | 'replyWindowDays' | 'minSample' | 'filters' | 'followUpAfterDays'>;

/** Units are the shared first step; pass them on to the other parts. */
export function dashboardUnits(input: Pick<DashboardInput, 'threads' | 'templates' | 'replyWindowDays' | 'filters'>): Unit[] {
  return buildUnits(input.threads, input.replyWindowDays, input.templates, input.filters);
}

export function computeCore(input: CoreInput, units: Unit[] = dashboardUnits(input)): DashboardCore {
  const { now, minSample, filters } = input;
  // Threads filter on their first touch; the awaiting list follows the channel filter only.
  const awaitingThreads = filters.channel ? input.threads.filter((t) => t.channel === filters.channel) : input.threads;
  return {
    counts: unitCounts(units),
    threadRate: threadReplyRate(units),
    prospectRate: prospectResponseRate(units),
    timeToReply: timeToReply(units),
    followUps: followUps(units, now, { minDays: input.followUpAfterDays ?? 3, maxDays: input.replyWindowDays }),
    awaiting: awaitingUser(awaitingThreads),
    templates: templateFirstTouchRates(units, input.templates, minSample),
    versions: templateVersionRates(units, input.templates, minSample),
    credit: replyCredit(units, input.templates),
    steps: stepRates(units),
    channels: rateByDimension(units, new Map(), 'channel', minSample),
  };
}

// The panel recomputes on every filter change with the same prospects array (react-query keeps it
// until the database changes): index it once per array.
const indexCache = new WeakMap<readonly AnalyticsProspect[], { prospects: Map<string, AnalyticsProspect>; dimensions: { key: Dimension; label: string }[] }>();
function prospectIndex(list: readonly AnalyticsProspect[]) {
  let hit = indexCache.get(list);
  if (!hit) {
    hit = { prospects: new Map(list.map((p) => [p.id, p])), dimensions: [...BUILTIN_DIMENSIONS, ...customDimensions(list)] };
    indexCache.set(list, hit);
  }
  return hit;
}

export function computePeople(
  input: Pick<DashboardInput, 'prospects' | 'templates' | 'minSample' | 'dimension'>,
  units: Unit[],
): DashboardPeople {
  const { minSample } = input;
  const { prospects, dimensions } = prospectIndex(input.prospects);
  return {
    byDimension: rateByDimension(units, prospects, input.dimension, minSample),
    cross: templateByDimension(units, prospects, input.templates, input.dimension),
    differences: traitDifferences(
      units,
      prospects,
      dimensions.map((d) => d.key).filter((d) => d !== 'title' && d !== 'company'),
      minSample,
    ),
    funnel: funnel(units, prospects),
    funnelByTemplate: funnelByTemplate(units, prospects, input.templates),
    funnelByDimension: funnelByDimension(units, prospects, input.dimension),
    dimensions,
  };
}

export function computeActivity(input: Pick<DashboardInput, 'outbound' | 'templates' | 'now' | 'filters' | 'utcOffsetMs'>): Activity {
  const { now, filters } = input;
  const tagged = filters.tag ? new Set(input.templates.filter((t) => t.tags.includes(filters.tag!)).map((t) => t.id)) : null;
  // "All time": the activity chart starts at the earliest outbound message.
  let from = filters.from ?? now;
  if (filters.from == null) for (const m of input.outbound) if (m.sentAt < from) from = m.sentAt;
  return activity(input.outbound, { from, to: filters.to ?? now, utcOffsetMs: input.utcOffsetMs, channel: filters.channel, templateIds: tagged });
}

export function computeDashboard(input: DashboardInput): Dashboard {
  const units = dashboardUnits(input);
  return { ...computeCore(input, units), ...computePeople(input, units), activity: computeActivity(input) };
}
