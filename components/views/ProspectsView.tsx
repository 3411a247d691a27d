// Prospects: a searchable, paginated list (20k people stay fast: one read, filtered in memory,
// 50 rows drawn), and a prospect's page: one timeline across Gmail, LinkedIn and logged calls,
// with stage, deal value, traits and notes editable (marked manual so capture never overwrites).
// The parts are in components/prospects/, their data in lib/insights/prospects.ts.
import { useState } from 'react';
import { ImportLeads } from '@/components/leads/ImportLeads';
import { ProspectList } from '@/components/prospects/ProspectList';
import { ProspectPage } from '@/components/prospects/ProspectPage';
import { UndoMergeBar } from '@/components/prospects/UndoMergeBar';
import { useLastMerge } from '@/components/prospects/last-merge';
import { useOpenProspect } from '@/components/prospects/use-prospect-list';
import '@/components/insights/insights.css';

export function ProspectsView() {
  const { onPage, selected, setSelected, onMerged } = useOpenProspect();
  // The last merge made by hand: undoable until the panel is closed (components/prospects/last-merge.ts).
  const lastMerge = useLastMerge();
  const [importing, setImporting] = useState(false);
  if (importing) return <ImportLeads onClose={() => setImporting(false)} />;
  const undo = lastMerge ? <UndoMergeBar record={lastMerge} /> : null;
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
      <ProspectList onOpen={setSelected} onPage={onPage} onImport={() => setImporting(true)} onMerged={onMerged} />
    </>
  );
}
