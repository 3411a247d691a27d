// Funnel contacted → replied → qualified → meeting → won, and revenue (deal value of won
// prospects) attributed to the first-touch template and to traits. Prospect level: one person,
// one count, whatever the number of threads or channels.
import type { Stage } from '../schema/model';
import { STAGES, UNKNOWN, type AnalyticsTemplate, type Dimension } from './facts';
import {
  CHANNEL_MASK_VALUES,
  NONE,
  UNKNOWN_LABEL,
  dimensionColumn,
  prospectChannels,
  prospectOutcomes,
  templateLabel,
} from './rates';
import { U_BOUNCED, type Units } from './units';

export const FUNNEL_STEPS = ['contacted', 'replied', 'qualified', 'meeting', 'won'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

// The furthest funnel step each stage implies. 'lost' implies nothing beyond contact: a lost
// prospect counts as replied only if a reply was seen.
const STAGE_DEPTH: Record<Stage, number> = { contacted: 0, replied: 1, qualified: 2, meeting: 3, won: 4, lost: 0 };
const DEPTH_OF_CODE = STAGES.map((s) => STAGE_DEPTH[s]);
const WON = STAGES.indexOf('won');

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

export interface FunnelGroup extends Funnel {
  key: string;
  label: string;
  contacted: number;
}

/**
 * How deep each prospect got (-1 = not contacted in these units), and the template of their
 * first touch (earliest non-bounced thread; -1 none). The dashboard asks for the funnel three
 * ways over the same units: computed once.
 */
const reachedCache = new WeakMap<Units, { depth: Int8Array; firstTpl: Int32Array }>();
function reached(units: Units) {
  let hit = reachedCache.get(units);
  if (hit) return hit;
  const { facts } = units;
  const { pOff, pIdx, firstOut, firstTpl } = facts.threads;
  const outcomes = prospectOutcomes(units);
  const P = outcomes.length;
  const depth = new Int8Array(P);
  const stage = facts.prospects.stage;
  for (let p = 0; p < P; p++) depth[p] = outcomes[p] < 0 ? -1 : Math.max(DEPTH_OF_CODE[stage[p]], outcomes[p]);
  const first = new Float64Array(P).fill(Infinity);
  const tpl = new Int32Array(P).fill(-1);
  for (let i = 0; i < units.n; i++) {
    if (units.state[i] & U_BOUNCED) continue;
    const t = units.t[i];
    for (let j = pOff[t]; j < pOff[t + 1]; j++) {
      if (units.pOut[j]) continue; // their address bounced: not reached by this thread
      const p = pIdx[j];
      if (firstOut[t] < first[p]) {
        first[p] = firstOut[t];
        tpl[p] = firstTpl[t];
      }
    }
  }
  hit = { depth, firstTpl: tpl };
  reachedCache.set(units, hit);
  return hit;
}

/** Funnels per group code (-1 = the prospect is in no group); `size` groups. */
function funnels(
  units: Units,
  size: number,
  groupOf: (p: number) => number,
): { groups: Funnel[]; contacted: Int32Array } {
  const { depth } = reached(units);
  const { stage, deal } = units.facts.prospects;
  const counts = new Int32Array(size * 5);
  const revenue = new Float64Array(size);
  for (let p = 0; p < depth.length; p++) {
    const d = depth[p];
    if (d < 0) continue;
    const g = groupOf(p);
    if (g < 0) continue;
    for (let s = 0; s <= d; s++) counts[g * 5 + s]++;
    if (stage[p] === WON && !Number.isNaN(deal[p])) revenue[g] += deal[p];
  }
  const groups: Funnel[] = [];
  const contacted = new Int32Array(size);
  for (let g = 0; g < size; g++) {
    const c = counts.subarray(g * 5, g * 5 + 5);
    contacted[g] = c[0];
    groups.push({
      steps: FUNNEL_STEPS.map((step, i) => ({
        step,
        count: c[i],
        conversion: i === 0 || c[i - 1] === 0 ? null : c[i] / c[i - 1],
      })),
      revenue: revenue[g],
      wonCount: c[4],
    });
  }
  return { groups, contacted };
}

export function funnel(units: Units): Funnel {
  return funnels(units, 1, () => 0).groups[0];
}

function grouped(
  units: Units,
  size: number,
  groupOf: (p: number) => number,
  keyOf: (g: number) => string,
  labelOf: (k: string) => string,
): FunnelGroup[] {
  const { groups, contacted } = funnels(units, size, groupOf);
  const out: FunnelGroup[] = [];
  groups.forEach((f, g) => {
    if (contacted[g] === 0) return;
    const key = keyOf(g);
    out.push({ key, label: labelOf(key), contacted: contacted[g], ...f });
  });
  return out.sort((a, b) => b.revenue - a.revenue || b.contacted - a.contacted || a.label.localeCompare(b.label));
}

/** Funnel and revenue by the template of each prospect's first touch (their earliest thread). */
export function funnelByTemplate(units: Units, templates: readonly AnalyticsTemplate[]): FunnelGroup[] {
  const { firstTpl } = reached(units);
  const { tpl } = units.facts;
  return grouped(
    units,
    tpl.length + 1,
    (p) => firstTpl[p] + 1,
    (g) => (g === 0 ? NONE : tpl[g - 1]),
    templateLabel(templates),
  );
}

/** Funnel and revenue by a trait of the prospect ('channel' = the channels they were reached on). */
export function funnelByDimension(units: Units, dim: Dimension): FunnelGroup[] {
  const col =
    dim === 'channel'
      ? { values: CHANNEL_MASK_VALUES, codes: prospectChannels(units) }
      : dimensionColumn(units.facts, dim);
  const label = (k: string) => (k === UNKNOWN ? UNKNOWN_LABEL : k);
  if (!col)
    return grouped(
      units,
      1,
      () => 0,
      () => UNKNOWN,
      label,
    );
  const { values, codes } = col;
  return grouped(
    units,
    values.length,
    (p) => codes[p],
    (g) => values[g],
    label,
  );
}
