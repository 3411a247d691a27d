// The Prospects tab's hooks for the tab itself and its list: which prospect is open (following the
// person on the current tab), the list's read, search, stage filter and page, and the merge picker.
// The reads and the plain functions are lib/insights/prospects.ts.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { filterProspects, pageOf, prospectListQuery, type ProspectFilter } from '@/lib/insights/prospects';
import type { MergeRecord } from '@/lib/schema/model';
import { usePageProspect } from '@/components/insights/page-prospect';
import { setLastMerge } from './last-merge';

/**
 * The prospect whose page is open (null: the list). When the active tab shows a Gmail thread or a
 * LinkedIn conversation/profile, that prospect opens (the side panel). The panel opened as a tab
 * of its own only offers the person of the site tab used last: opening them unasked would pull the
 * list away from under the user.
 */
export function useOpenProspect() {
  const onPage = usePageProspect();
  const followId = onPage?.follow ? onPage.prospect.id : null;
  const [selected, setSelected] = useState<string | null>(null);
  // Opens the person on the tab each time another one is followed (state adjusted while rendering,
  // not in an effect: https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [followed, setFollowed] = useState<string | null>(null);
  if (followId !== followed) {
    setFollowed(followId);
    if (followId) setSelected(followId);
  }
  /** A merge made by hand: its undo is offered (components/prospects/last-merge.ts) and the merged prospect opens. */
  const onMerged = useCallback((r: MergeRecord) => {
    setLastMerge(r);
    setSelected(r.keptId);
  }, []);
  return { onPage, selected, setSelected, onMerged };
}

export function useProspectList() {
  const q = useQuery(prospectListQuery());
  const [filter, set] = useState<ProspectFilter>({ search: '', stage: '' });
  const [page, setPage] = useState(0);
  /** A new search or stage starts at the first page. */
  const setFilter = useCallback((patch: Partial<ProspectFilter>) => {
    set((f) => ({ ...f, ...patch }));
    setPage(0);
  }, []);
  const index = q.data;
  const hits = useMemo(() => (index ? filterProspects(index, filter) : []), [index, filter]);
  return { error: q.error, index, filter, setFilter, hits, ...pageOf(hits, page), setPage };
}

/** Merge by hand: pick two, compare them side by side, merge. */
export function useMergePicker(onMerged: (r: MergeRecord) => void) {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const reset = (on: boolean) => {
    setPicking(on);
    setPicked([]);
    setComparing(false);
  };
  return {
    picking,
    picked,
    comparing,
    /** "Merge two…" / "Cancel merge". */
    toggle: () => reset(!picking),
    /** Picks or unpicks a prospect (a change of pick leaves the comparison). */
    pick: (id: string) => {
      setComparing(false);
      setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
    },
    setComparing,
    done: (r: MergeRecord) => {
      reset(false);
      onMerged(r);
    },
  };
}

export type MergePicker = ReturnType<typeof useMergePicker>;
