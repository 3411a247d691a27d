// The Templates tab's filter bar: search, tag, whom the preview and Insert are for, archived ones.
import type { TemplateFilter } from '@/lib/insights/templates';
import { AUTO, NONE, type PreviewProspect } from './use-templates';

export interface TemplateFiltersProps {
  /** Prefix of the fields' ids (useId). */
  id: string;
  filter: TemplateFilter;
  setFilter: (patch: Partial<TemplateFilter>) => void;
  tags: string[];
  archivedCount: number;
  preview: PreviewProspect;
}

export function TemplateFilters({ id, filter, setFilter, tags, archivedCount, preview }: TemplateFiltersProps) {
  return (
    <div className="tpl-filters">
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-q`}>
          Search templates
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={filter.query}
          onChange={(e) => setFilter({ query: e.target.value })}
          placeholder="Name, text or tag"
        />
      </div>
      {tags.length > 0 && (
        <div className="field">
          <label className="tpl-label" htmlFor={`${id}-tag`}>
            Tag
          </label>
          <select id={`${id}-tag`} value={filter.tag} onChange={(e) => setFilter({ tag: e.target.value })}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-who`}>
          Preview and insert for
        </label>
        <select id={`${id}-who`} value={preview.choice} onChange={(e) => preview.setChoice(e.target.value)}>
          <option value={AUTO}>
            {preview.current
              ? `Current tab: ${preview.current.name || 'unnamed prospect'}`
              : 'Current tab (no prospect found)'}
          </option>
          <option value={NONE}>Nobody (fallbacks)</option>
          {preview.recent.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || p.emails[0] || p.id}
              {p.company ? ` (${p.company})` : ''}
            </option>
          ))}
        </select>
      </div>
      {archivedCount > 0 && (
        <label className="tpl-check">
          <input
            type="checkbox"
            checked={filter.showArchived}
            onChange={(e) => setFilter({ showArchived: e.target.checked })}
          />{' '}
          Show archived ({archivedCount})
        </label>
      )}
    </div>
  );
}
