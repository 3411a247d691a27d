// The list's search box and stage filter.
import { NOT_CONTACTED, type ProspectFilter, type StageFilter } from '@/lib/insights/prospects';
import { Stage } from '@/lib/schema/model';

export function ListFilters({
  filter,
  setFilter,
}: {
  filter: ProspectFilter;
  setFilter: (patch: Partial<ProspectFilter>) => void;
}) {
  return (
    <>
      <input
        type="search"
        className="search"
        placeholder="Search name, company, title, email…"
        aria-label="Search prospects"
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      <select
        aria-label="Stage filter"
        value={filter.stage}
        onChange={(e) => setFilter({ stage: e.target.value as StageFilter })}
      >
        <option value="">All stages</option>
        <option value={NOT_CONTACTED}>Not contacted yet</option>
        {Stage.options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </>
  );
}
