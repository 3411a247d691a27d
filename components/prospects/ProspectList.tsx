// The prospects list: the person on the current tab, search and stage filter, the rows of one
// page, the pager, and the merge picker. Its state is useProspectList and useMergePicker.
import type { MergeRecord } from '@/lib/schema/model';
import type { PageProspect } from '@/components/insights/page-prospect';
import { OnPageNotice } from '@/components/insights/OnPageNotice';
import { Loading } from '@/components/Loading';
import { ListFilters } from './ListFilters';
import { MergePicker, MergeToggle } from './MergePicker';
import { Pager } from './Pager';
import { ProspectRow } from './ProspectRow';
import { useMergePicker, useProspectList } from './use-prospect-list';

export function ProspectList({
  onOpen,
  onPage,
  onImport,
  onMerged,
}: {
  onOpen: (id: string) => void;
  onPage: PageProspect | null;
  onImport: () => void;
  onMerged: (r: MergeRecord) => void;
}) {
  const { error, index, filter, setFilter, hits, rows, page, pages, setPage } = useProspectList();
  const picker = useMergePicker(onMerged);

  if (error) return <p className="notice error">Could not read prospects: {String(error)}</p>;
  if (!index) return <Loading />;
  if (index.length === 0)
    return (
      <section aria-label="Prospects" className="insights">
        <div className="empty">
          <strong>No prospects yet</strong>
          Everyone you write to from Gmail or LinkedIn appears here. Open a LinkedIn profile or send a first message to
          start.
          <br />
          <button onClick={onImport}>Import leads (CSV)</button>
        </div>
      </section>
    );
  return (
    <section aria-label="Prospects" className="insights">
      {onPage && <OnPageNotice onPage={onPage} onOpen={() => onOpen(onPage.prospect.id)} />}
      <div className="list-actions">
        <span />
        <button onClick={onImport}>Import leads</button>
      </div>
      <ListFilters filter={filter} setFilter={setFilter} />
      <div className="row list-head">
        <p className="small muted" data-testid="prospect-count">
          {hits.length === index.length ? `${index.length} prospects` : `${hits.length} of ${index.length} prospects`}
        </p>
        {index.length > 1 && <MergeToggle picker={picker} />}
      </div>
      <MergePicker picker={picker} />
      <ul className="plist">
        {rows.map(({ p }) => (
          <ProspectRow key={p.id} p={p} picker={picker} onOpen={onOpen} />
        ))}
      </ul>
      {pages > 1 && <Pager page={page} pages={pages} setPage={setPage} />}
    </section>
  );
}
