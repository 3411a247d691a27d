// The Dashboard's hooks: the filter state (useDashboardFilters) and the numbers for it
// (useDashboard). The read and the plain functions are lib/insights/dashboard.ts; the numbers are
// lib/analytics/dashboard.ts, each part recomputed only when its inputs change.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { acceptance } from '@/lib/analytics/acceptance';
import { computeActivity, computeCore, computePeople, dashboardUnits } from '@/lib/analytics/dashboard';
import type { Dimension } from '@/lib/analytics/rates';
import { nextDue, scheduledAhead, type Filters } from '@/lib/analytics/units';
import {
  dashboardQuery,
  filtersOf,
  initialFilterChoice,
  prospectNames,
  templateTags,
  type FilterChoice,
} from '@/lib/insights/dashboard';
import { popupNumbers } from '@/lib/insights/load';
import { takeRequestedDimension } from '@/components/insights/dimension-request';

export interface DashboardFilters {
  /**
   * Fixed per mount: ranges stay stable while the user looks (react-query refreshes the data); it
   * moves only when a scheduled message falls due (useDashboard), so the numbers count it then.
   */
  now: number;
  setNow: (now: number) => void;
  choice: FilterChoice;
  setChoice: (patch: Partial<FilterChoice>) => void;
  /** The filters lib/analytics applies; the same object until the choice changes what they filter. */
  filters: Required<Filters>;
  /** The trait of "Who replies", template × trait and revenue by trait. */
  dimension: Dimension;
  setDimension: (d: Dimension) => void;
}

export function useDashboardFilters(): DashboardFilters {
  const [now, setNow] = useState(() => Date.now());
  const [choice, set] = useState(() => initialFilterChoice(now));
  // Another view may have asked for a trait (components/insights/dimension-request.ts).
  const [dimension, setDimension] = useState<Dimension>(() => takeRequestedDimension() ?? 'seniority');
  const { from, to, channel, tag } = filtersOf(choice, now);
  const filters = useMemo(() => ({ from, to, channel, tag }), [from, to, channel, tag]);
  const setChoice = useCallback((patch: Partial<FilterChoice>) => set((c) => ({ ...c, ...patch })), []);
  return { now, setNow, choice, setChoice, filters, dimension, setDimension };
}

export function useDashboard({
  now,
  setNow,
  filters,
  dimension,
}: Pick<DashboardFilters, 'now' | 'setNow' | 'filters' | 'dimension'>) {
  const q = useQuery(dashboardQuery());
  const data = q.data;
  // A scheduled message counts from its due time: move `now` then, with no new data needed.
  useEffect(() => {
    const due = data ? nextDue(data.facts, now) : null;
    if (due === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, due - Date.now()) + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [data, now, setNow]);
  // The popup's numbers come from the same data (~1 ms at 100k): kept for its next first frame.
  useEffect(() => {
    if (data) popupNumbers(data, Date.now());
  }, [data]);
  const units = useMemo(
    () =>
      data
        ? dashboardUnits({
            facts: data.facts,
            templates: data.templates,
            replyWindowDays: data.settings.replyWindowDays,
            filters,
            now,
          })
        : null,
    [data, filters, now],
  );
  const core = useMemo(
    () =>
      data && units
        ? computeCore(
            {
              facts: data.facts,
              templates: data.templates,
              now,
              replyWindowDays: data.settings.replyWindowDays,
              minSample: data.settings.minSample,
              filters,
            },
            units,
          )
        : null,
    [data, units, now, filters],
  );
  const people = useMemo(
    () =>
      data && units
        ? computePeople({ templates: data.templates, minSample: data.settings.minSample, dimension }, units)
        : null,
    [data, units, dimension],
  );
  const activity = useMemo(
    () =>
      data
        ? computeActivity({
            facts: data.facts,
            templates: data.templates,
            now,
            filters,
            utcOffsetMs: -new Date(now).getTimezoneOffset() * 60_000,
          })
        : null,
    [data, now, filters],
  );
  const names = useMemo(() => (data ? prospectNames(data.facts) : new Map<string, string>()), [data]);
  const tags = useMemo(() => templateTags(data?.templates ?? []), [data]);
  const scheduled = useMemo(() => (data ? scheduledAhead(data.facts, now) : 0), [data, now]);
  // LinkedIn invitations accepted, as of `now` (one still pending after the window counts as not).
  const invitations = useMemo(
    () =>
      data && filters.channel !== 'gmail'
        ? acceptance(data.facts, {
            now,
            pendingDays: data.settings.invitePendingDays,
            from: filters.from,
            to: filters.to,
          })
        : null,
    [data, now, filters],
  );
  const view =
    data && core && people && activity
      ? {
          core,
          people,
          activity,
          scheduled,
          invitations,
          names,
          settings: data.settings,
          empty: data.facts.threads.n === 0,
        }
      : null;
  return { error: q.error, view, tags };
}
