// Prospects: a searchable, paginated list (20k people stay fast: one read, filtered in memory,
// 50 rows drawn), and a prospect's page: one timeline across Gmail, LinkedIn and logged calls,
// with stage, deal value, traits and notes editable (marked manual so capture never overwrites).
import { useEffect, useState } from 'react';
import { usePageProspect } from '@/components/insights/page-prospect';
import { ImportLeads } from '@/components/leads/ImportLeads';
import { ProspectList } from '@/components/prospects/ProspectList';
import { ProspectPage } from '@/components/prospects/ProspectPage';
import { UndoMergeBar } from '@/components/prospects/UndoMergeBar';
import { setLastMerge, useLastMerge } from '@/components/prospects/last-merge';
import '@/components/insights/insights.css';

export function ProspectsView() {
  const [selected, setSelected] = useState<string | null>(null);
  // The last merge made by hand: undoable until the panel is closed (components/prospects/last-merge.ts).
  const lastMerge = useLastMerge();
  // When the active tab shows a Gmail thread or a LinkedIn conversation/profile, open that prospect
  // (the side panel). The panel opened as a tab of its own only offers the person of the site tab
  // used last: opening them unasked would pull the list away from under the user.
  const onPage = usePageProspect();
  const followId = onPage?.follow ? onPage.prospect.id : null;
  useEffect(() => {
    if (followId) setSelected(followId);
  }, [followId]);
  const [importing, setImporting] = useState(false);
  if (importing) return <ImportLeads onClose={() => setImporting(false)} />;
  const undo = lastMerge ? <UndoMergeBar record={lastMerge} onGone={() => setLastMerge(null)} /> : null;
  if (selected)
    return (
      <>
        {undo}
        <ProspectPage id={selected} onBack={() => setSelected(null)} />
      </>
    );
  return (
    <>
      {undo}
      <ProspectList
        onOpen={setSelected}
        onPage={onPage}
        onImport={() => setImporting(true)}
        onMerged={(r) => {
          setLastMerge(r);
          setSelected(r.keptId);
        }}
      />
    </>
  );
}
