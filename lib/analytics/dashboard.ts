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
import { buildUnits, type AnalyticsProspect, type AnalyticsTemplate, type AnalyticsThread, type Filters } from './units';

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

export interface Dashboard {
  counts: UnitCounts;
  threadRate: Rate;
  prospectRate: Rate;
  timeToReply: TimeToReply;
  activity: Activity;
  followUps: FollowUp[];
  awaiting: Awaiting[];
  templates: GroupRate[];
  versions: GroupRate[];
  credit: CreditRow[];
  steps: StepRow[];
  byDimension: GroupRate[];
  channels: GroupRate[];
  cross: CrossTable;
  differences: TraitDifference[];
  funnel: Funnel;
  funnelByTemplate: FunnelGroup[];
  funnelByDimension: FunnelGroup[];
  dimensions: { key: Dimension; label: string }[];
}

export function computeDashboard(input: DashboardInput): Dashboard {
  const { now, minSample, filters } = input;
  const units = buildUnits(input.threads, input.replyWindowDays, input.templates, filters);
  const prospects = new Map(input.prospects.map((p) => [p.id, p]));
  const dimensions = [...BUILTIN_DIMENSIONS, ...customDimensions(input.prospects)];
  const tagged = filters.tag ? new Set(input.templates.filter((t) => t.tags.includes(filters.tag!)).map((t) => t.id)) : null;
  // "All time": the activity chart starts at the earliest outbound message.
  let from = filters.from ?? now;
  if (filters.from == null) for (const m of input.outbound) if (m.sentAt < from) from = m.sentAt;
  // Threads filter on their first touch; the awaiting list follows the channel filter only.
  const awaitingThreads = filters.channel ? input.threads.filter((t) => t.channel === filters.channel) : input.threads;
  return {
    counts: unitCounts(units),
    threadRate: threadReplyRate(units),
    prospectRate: prospectResponseRate(units),
    timeToReply: timeToReply(units),
    activity: activity(input.outbound, {
      from,
      to: filters.to ?? now,
      utcOffsetMs: input.utcOffsetMs,
      channel: filters.channel,
      templateIds: tagged,
    }),
    followUps: followUps(units, now, { minDays: input.followUpAfterDays ?? 3, maxDays: input.replyWindowDays }),
    awaiting: awaitingUser(awaitingThreads),
    templates: templateFirstTouchRates(units, input.templates, minSample),
    versions: templateVersionRates(units, input.templates, minSample),
    credit: replyCredit(units, input.templates),
    steps: stepRates(units),
    byDimension: rateByDimension(units, prospects, input.dimension, minSample),
    channels: rateByDimension(units, prospects, 'channel', minSample),
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
