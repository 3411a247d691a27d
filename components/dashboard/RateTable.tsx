// A table of rates (templates, versions, trait values): each row's rate with its interval whisker,
// k/n and verdict against the rest; "too early" rows greyed; long lists folded.
import { useState } from 'react';
import { UNKNOWN, type GroupRate } from '@/lib/analytics/rates';
import { RateBar } from '@/components/insights/RateBar';
import { ciText, pct, rateText, verdictText } from '@/components/insights/format';

export function RateTable({ rows: all, testId, minSample, nameHeader }: { rows: GroupRate[]; testId: string; minSample: number; nameHeader: string }) {
  // Long lists (50 templates, hundreds of titles) start folded: the top 12, then "Show all".
  const [expanded, setExpanded] = useState(false);
  if (all.length === 0) return <p className="small muted">No data for these filters.</p>;
  // The "unknown" row stays visible when the list is folded: people without the trait are never hidden.
  const top = all.slice(0, 12);
  const unknown = all.find((r) => r.key === UNKNOWN);
  const rows = expanded ? all : unknown && !top.includes(unknown) ? [...top, unknown] : top;
  return (
    <>
    <table className="rates" data-testid={testId}>
      <thead>
        <tr>
          <th>{nameHeader}</th>
          <th>Reply rate</th>
          <th className="num">n</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={[r.n < minSample ? 'early' : '', r.key === UNKNOWN ? 'unknown' : ''].join(' ').trim() || undefined}>
            <th scope="row" title={r.label}>
              <span className="clip">{r.label}</span>
              <span className="verdict small">{verdictText(r.vsRest)}</span>
            </th>
            <td title={`${rateText(r)}; ${ciText(r)}`}>
              <span className="pct">{pct(r.rate)}</span>
              <RateBar rate={r} />
            </td>
            <td className="num">
              {r.k}/{r.n}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {all.length > rows.length && (
      <button className="small" onClick={() => setExpanded(true)}>
        Show all {all.length}
      </button>
    )}
    </>
  );
}
