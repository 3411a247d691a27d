// The Dashboard's data layer: its one read (the facts, templates and settings, lib/insights/load.ts)
// as query options, and the plain functions between the filter bar and lib/analytics. The
// components (components/dashboard/) only render; their hooks call these.
import { queryOptions } from '@tanstack/react-query';
import type { Facts } from '@/lib/analytics/facts';
import type { Filters } from '@/lib/analytics/units';
import type { Channel, Template } from '@/lib/schema/model';
import { loadDashboardData } from './load';
import { queryKeys } from './query-keys';

/**
 * One read: the facts, kept up to date by lib/insights/facts-store.ts (a stored record of columns
 * plus the rows written since), with the templates and settings; every number is then computed
 * in memory. The Templates tab's numbers come from the same read (lib/insights/templates.ts).
 */
export const dashboardQuery = () =>
  queryOptions({ queryKey: queryKeys.dashboard(), queryFn: () => loadDashboardData() });

const DAY = 86_400_000;

export const RANGES = [
  { id: '7', label: 'Last 7 days', days: 7 },
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: '365', label: 'Last 12 months', days: 365 },
  { id: 'all', label: 'All time', days: null },
  { id: 'custom', label: 'Custom…', days: null },
] as const;
export type RangeId = (typeof RANGES)[number]['id'];

/** What the filter bar holds: dates as the date inputs hold them (YYYY-MM-DD, local time). */
export interface FilterChoice {
  range: RangeId;
  custom: { from: string; to: string };
  /** '' = all channels. */
  channel: Channel | '';
  /** '' = all template tags. */
  tag: string;
}

/** Local midnight `days` days ago: ranges start at the start of a day. */
export const startOfDayAgo = (now: number, days: number) => {
  const d = new Date(now - (days - 1) * DAY);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** A date input's value (YYYY-MM-DD, local time). */
export const dateInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The filter bar's first state: the last 90 days (custom dates preset to the last 30). */
export const initialFilterChoice = (now: number): FilterChoice => ({
  range: '90',
  custom: { from: dateInput(now - 29 * DAY), to: dateInput(now) },
  channel: '',
  tag: '',
});

/**
 * The filters lib/analytics applies. A custom range runs from the start of its first day to the
 * end of its last; a half-typed custom date is an open end rather than NaN.
 */
export function filtersOf(c: FilterChoice, now: number): Required<Filters> {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const days = RANGES.find((x) => x.id === c.range)?.days ?? null;
  const from =
    c.range === 'custom'
      ? finite(new Date(`${c.custom.from}T00:00`).getTime())
      : days
        ? startOfDayAgo(now, days)
        : null;
  const to = c.range === 'custom' ? finite(new Date(`${c.custom.to}T00:00`).getTime() + DAY) : null;
  return { from, to, channel: c.channel || null, tag: c.tag || null };
}

/** Prospect names by id, for the lists (stored prospects only). */
export function prospectNames(facts: Facts): Map<string, string> {
  const p = facts.prospects;
  const m = new Map<string, string>();
  for (let i = 0; i < p.id.length; i++) if (p.stored[i]) m.set(p.id[i], p.name[i]);
  return m;
}

/** Every template tag, sorted: the choices of the tag filter. */
export const templateTags = (templates: readonly Template[]): string[] =>
  [...new Set(templates.flatMap((t) => t.tags))].sort();
