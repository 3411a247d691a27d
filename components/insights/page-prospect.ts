// The one hook for "which person is on the current tab": the Dashboard and Prospects tabs ask with
// the 'panel' scope (the side panel's active tab), the Templates tab with 'insert' (the tab Insert
// fills); lib/prospects/page-prospect.ts says what each means. Re-checked when the user switches
// tabs or a tab navigates, when the panel regains focus, and when the data changes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { pageProspectQuery, refreshPageProspect, watchPageChanges } from '@/lib/insights/page-prospect';
import type { PageProspect, PageScope } from '@/lib/prospects/page-prospect';

export type { PageProspect } from '@/lib/prospects/page-prospect';

export function usePageProspect(scope: PageScope = 'panel'): PageProspect | null {
  const qc = useQueryClient();
  useEffect(() => watchPageChanges(() => void refreshPageProspect(qc, scope)), [qc, scope]);
  return useQuery(pageProspectQuery(scope)).data ?? null;
}
