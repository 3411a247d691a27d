// Funnel contacted → replied → qualified → meeting → won, and revenue (deal value of won
// prospects) attributed to the first-touch template and to traits. Prospect level: one person,
// one count, whatever the number of threads or channels.
import type { Stage } from '../schema/model';
import { NONE, dimensionGetter, type Dimension } from './rates';
import type { AnalyticsProspect, AnalyticsTemplate, Unit } from './units';

export const FUNNEL_STEPS = ['contacted', 'replied', 'qualified', 'meeting', 'won'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

// The furthest funnel step each stage implies. 'lost' implies nothing beyond contact: a lost
// prospect counts as replied only if a reply was seen.
const STAGE_DEPTH: Record<Stage, number> = { contacted: 0, replied: 1, qualified: 2, meeting: 3, won: 4, lost: 0 };

export interface FunnelStepRow {
  step: FunnelStep;
  count: number;
  /** count ÷ previous step's count (null for the first step or an empty previous step). */
  conversion: number | null;
}

export interface Funnel {
  steps: FunnelStepRow[];
  revenue: number;
  wonCount: number;
}

interface Reached {
  prospect: AnalyticsProspect | undefined;
  depth: number;
  firstTemplateId: string | null;
  firstTouchAt: number;
  channel: string;
}

// The dashboard asks for the funnel three ways over the same units: compute the pass once.
const reachedCache = new WeakMap<readonly Unit[], { prospects: ReadonlyMap<string, AnalyticsProspect>; value: Map<string, Reached> }>();

/** Prospects contacted in the units (non-bounced), with how deep each one got. */
function reached(units: readonly Unit[], prospects: ReadonlyMap<string, AnalyticsProspect>): Map<string, Reached> {
  const hit = reachedCache.get(units);
  if (hit && hit.prospects === prospects) return hit.value;
  const out = new Map<string, Reached>();
  reachedCache.set(units, { prospects, value: out });
  for (const u of units) {
    if (u.bounced) continue;
    for (const id of u.prospectIds) {
      let r = out.get(id);
      if (!r) {
        const prospect = prospects.get(id);
        r = { prospect, depth: prospect ? STAGE_DEPTH[prospect.stage] : 0, firstTemplateId: u.templateId, firstTouchAt: u.firstTouchAt, channel: u.channel };
        out.set(id, r);
      } else if (u.firstTouchAt < r.firstTouchAt) {
        r.firstTemplateId = u.templateId;
        r.firstTouchAt = u.firstTouchAt;
      }
      if (r.channel !== u.channel) r.channel = 'both';
      if (u.replied && r.depth < 1) r.depth = 1;
    }
  }
  return out;
}

function funnelOf(rows: Iterable<Reached>): Funnel {
  const counts = [0, 0, 0, 0, 0];
  let revenue = 0;
  for (const r of rows) {
    for (let d = 0; d <= r.depth; d++) counts[d]++;
    if (r.prospect?.stage === 'won') revenue += r.prospect.dealValue ?? 0;
  }
  return {
    steps: FUNNEL_STEPS.map((step, i) => ({
      step,
      count: counts[i],
      conversion: i === 0 || counts[i - 1] === 0 ? null : counts[i] / counts[i - 1],
    })),
    revenue,
    wonCount: counts[4],
  };
}

export function funnel(units: readonly Unit[], prospects: ReadonlyMap<string, AnalyticsProspect>): Funnel {
  return funnelOf(reached(units, prospects).values());
}

export interface FunnelGroup extends Funnel {
  key: string;
  label: string;
  contacted: number;
}

function grouped(rows: Map<string, Reached>, keyOf: (r: Reached) => string, labelOf: (k: string) => string): FunnelGroup[] {
  const groups = new Map<string, Reached[]>();
  for (const r of rows.values()) {
    const k = keyOf(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return [...groups]
    .map(([key, rs]) => {
      const f = funnelOf(rs);
      return { key, label: labelOf(key), contacted: f.steps[0].count, ...f };
    })
    .sort((a, b) => b.revenue - a.revenue || b.contacted - a.contacted);
}

/** Funnel and revenue by the template of each prospect's first touch (their earliest thread). */
export function funnelByTemplate(
  units: readonly Unit[],
  prospects: ReadonlyMap<string, AnalyticsProspect>,
  templates: readonly AnalyticsTemplate[],
): FunnelGroup[] {
  const names = new Map(templates.map((t) => [t.id, t.name]));
  return grouped(
    reached(units, prospects),
    (r) => r.firstTemplateId ?? NONE,
    (k) => (k === NONE ? 'No template' : (names.get(k) ?? `Deleted template (${k})`)),
  );
}

/** Funnel and revenue by a trait of the prospect ('channel' = the channels they were reached on). */
export function funnelByDimension(
  units: readonly Unit[],
  prospects: ReadonlyMap<string, AnalyticsProspect>,
  dim: Dimension,
): FunnelGroup[] {
  const value = dimensionGetter(dim);
  return grouped(reached(units, prospects), (r) => value(r.prospect, r.channel), (k) => k);
}
