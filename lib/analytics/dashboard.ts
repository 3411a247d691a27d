// Everything the Dashboard shows, in one pure call over the facts (lib/analytics/facts.ts; the
// side panel gets them from lib/insights/facts-store.ts). test/bench/analytics-dashboard.ts times
// it on 100k messages / 20k threads / 20k prospects.
import { activity, type Activity } from './activity';
import { dimensionsOf, type AnalyticsTemplate, type Dimension, type Facts } from './facts';
import { funnel, funnelByDimension, funnelByTemplate, type Funnel, type FunnelGroup } from './funnel';
import { awaitingUser, followUps, timeToReply, type Awaiting, type FollowUp, type TimeToReply } from './lists';
import {
  prospectResponseRate,
  rateByDimension,
  replyIntents,
  replyCredit,
  stepRates,
  templateByDimension,
  templateFirstTouchRates,
  templateVersionRates,
  threadPositiveRate,
  threadReplyRate,
  traitCoverage,
  traitDifferences,
  unitCounts,
  type CreditRow,
  type CrossTable,
  type GroupRate,
  type StepRow,
  type TraitCoverage,
  type TraitDifference,
  type UnitCounts,
} from './rates';
import type { Rate } from './stats';
import { buildUnits, taggedCodes, type Filters, type Units } from './units';

export interface DashboardInput {
  facts: Facts;
  templates: readonly AnalyticsTemplate[];
  now: number;
  replyWindowDays: number;
  minSample: number;
  filters: Filters;
  /** Trait for the traits table, template × trait and funnel-by-trait. */
  dimension: Dimension;
  utcOffsetMs?: number;
  followUpAfterDays?: number;
}

export interface DashboardCore {
  counts: UnitCounts;
  threadRate: Rate;
  /** Threads with a reply judged interested within the window ÷ the reply rate's threads. */
  positiveRate: Rate;
  /** What the replies said (first reply of each replied thread, by intent). */
  intents: ReturnType<typeof replyIntents>;
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

export interface DashboardPeople {
  byDimension: GroupRate[];
  /** For how many of the people contacted the selected trait is known. */
  coverage: TraitCoverage;
  cross: CrossTable;
  differences: TraitDifference[];
  funnel: Funnel;
  funnelByTemplate: FunnelGroup[];
  funnelByDimension: FunnelGroup[];
  dimensions: { key: Dimension; label: string }[];
}

export type Dashboard = DashboardCore & DashboardPeople & { activity: Activity };

/** Units are the shared first step; pass them on to the other parts. Taken at `now`: a scheduled
 *  first touch not due yet is no unit. */
export function dashboardUnits(
  input: Pick<DashboardInput, 'facts' | 'templates' | 'replyWindowDays' | 'filters' | 'now'>,
): Units {
  return buildUnits(input.facts, input.replyWindowDays, input.templates, input.filters, input.now);
}

export function computeCore(
  input: Omit<DashboardInput, 'dimension'>,
  units: Units = dashboardUnits(input),
): DashboardCore {
  const { now, minSample, filters } = input;
  return {
    counts: unitCounts(units),
    threadRate: threadReplyRate(units),
    positiveRate: threadPositiveRate(units),
    intents: replyIntents(units),
    prospectRate: prospectResponseRate(units),
    timeToReply: timeToReply(units),
    followUps: followUps(units, now, { minDays: input.followUpAfterDays ?? 3, maxDays: input.replyWindowDays }),
    // Threads filter on their first touch; the awaiting list follows the channel filter only.
    awaiting: awaitingUser(input.facts, filters.channel ?? null),
    templates: templateFirstTouchRates(units, input.templates, minSample),
    versions: templateVersionRates(units, input.templates, minSample),
    credit: replyCredit(units, input.templates),
    steps: stepRates(units),
    channels: rateByDimension(units, 'channel', minSample),
  };
}

export function computePeople(
  input: Pick<DashboardInput, 'templates' | 'minSample' | 'dimension'>,
  units: Units,
): DashboardPeople {
  const { minSample } = input;
  const dimensions = dimensionsOf(units.facts);
  return {
    byDimension: rateByDimension(units, input.dimension, minSample),
    coverage: traitCoverage(units, input.dimension),
    cross: templateByDimension(units, input.templates, input.dimension),
    differences: traitDifferences(
      units,
      dimensions.map((d) => d.key).filter((d) => d !== 'title' && d !== 'company'),
      minSample,
    ),
    funnel: funnel(units),
    funnelByTemplate: funnelByTemplate(units, input.templates),
    funnelByDimension: funnelByDimension(units, input.dimension),
    dimensions,
  };
}

export function computeActivity(
  input: Pick<DashboardInput, 'facts' | 'templates' | 'now' | 'filters' | 'utcOffsetMs'>,
): Activity {
  const { now, filters, facts } = input;
  // "All time": the activity chart starts at the earliest outbound message.
  let from = filters.from ?? now;
  if (filters.from == null) for (const at of facts.threads.sAt) if (at < from) from = at;
  return activity(facts, {
    from,
    to: filters.to ?? now,
    asOf: now,
    utcOffsetMs: input.utcOffsetMs,
    channel: filters.channel,
    templates: taggedCodes(facts, input.templates, filters.tag),
  });
}

export function computeDashboard(input: DashboardInput): Dashboard {
  const units = dashboardUnits(input);
  return { ...computeCore(input, units), ...computePeople(input, units), activity: computeActivity(input) };
}
