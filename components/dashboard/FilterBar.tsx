// The Dashboard's filters (date range, channel, template tag; custom dates) and the sentence that
// says what they count. The state is useDashboardFilters' (./use-dashboard.ts).
import type { Channel } from '@/lib/schema/model';
import { RANGES, type RangeId } from '@/lib/insights/dashboard';
import { dateText } from '@/components/insights/format';
import type { DashboardFilters } from './use-dashboard';

export function FilterBar({
  f,
  tags,
  windowDays,
  minSample,
}: {
  f: Pick<DashboardFilters, 'choice' | 'setChoice' | 'filters'>;
  tags: string[];
  windowDays: number;
  minSample: number;
}) {
  const { choice, setChoice } = f;
  const { custom } = choice;
  const from = f.filters.from;
  return (
    <>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          <span className="sr-only">Date range</span>
          <select
            aria-label="Date range"
            value={choice.range}
            onChange={(e) => setChoice({ range: e.target.value as RangeId })}
          >
            {RANGES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <select
          aria-label="Channel"
          value={choice.channel}
          onChange={(e) => setChoice({ channel: e.target.value as Channel | '' })}
        >
          <option value="">All channels</option>
          <option value="gmail">Gmail</option>
          <option value="linkedin">LinkedIn</option>
        </select>
        <select aria-label="Template tag" value={choice.tag} onChange={(e) => setChoice({ tag: e.target.value })}>
          <option value="">All template tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
        {choice.range === 'custom' && (
          <span className="row">
            <input
              type="date"
              aria-label="From"
              value={custom.from}
              onChange={(e) => setChoice({ custom: { ...custom, from: e.target.value } })}
            />
            <input
              type="date"
              aria-label="To"
              value={custom.to}
              onChange={(e) => setChoice({ custom: { ...custom, to: e.target.value } })}
            />
          </span>
        )}
      </div>
      <p className="small muted filter-note">
        Threads are counted by their first message{from ? ` on or after ${dateText(from)}` : ''}. A reply counts within{' '}
        {windowDays} days of the first touch; below {minSample} threads a rate says “too early”.
      </p>
    </>
  );
}
