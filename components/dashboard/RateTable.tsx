// A table of rates (templates, versions, trait values): each row's reply rate and positive reply
// rate with their interval whiskers, k/n, and verdicts against the rest (corrected for the rows of
// the table: Holm); "too early" rows greyed; long lists folded.
import { useState } from 'react';
import { UNKNOWN, type GroupRate } from '@/lib/analytics/rates';
import { RateBar } from '@/components/insights/RateBar';
import { MULTIPLE_NOTE, ciText, pct, rateText, verdictDetail, verdictText } from '@/components/insights/format';

/** The row's verdicts in words: once when both columns say the same, else each. */
export function rowVerdicts(r: GroupRate): string {
  const reply = verdictText(r.vsRest);
  const positive = verdictText(r.positiveVsRest);
  if (reply === positive) return reply;
  return `${reply} · positive: ${positive}`;
}

export function RateTable({
  rows: all,
  testId,
  minSample,
  nameHeader,
}: {
  rows: GroupRate[];
  testId: string;
  minSample: number;
  nameHeader: string;
}) {
  // Long lists (50 templates, hundreds of titles) start folded: the top 12, then "Show all".
  const [expanded, setExpanded] = useState(false);
  if (all.length === 0) return <p className="small muted">No data for these filters.</p>;
  // The "unknown" row stays visible when the list is folded: people without the trait are never hidden.
  const top = all.slice(0, 12);
  const unknown = all.find((r) => r.key === UNKNOWN);
  const rows = expanded ? all : unknown && !top.includes(unknown) ? [...top, unknown] : top;
  return (
    <>
      <table className="rates two" data-testid={testId} title={MULTIPLE_NOTE}>
        <thead>
          <tr>
            <th>{nameHeader}</th>
            <th title="Threads with a human reply within the reply window ÷ threads (bounced ones left out)">Reply</th>
            <th title="Threads with a reply judged “interested” within the reply window ÷ the same threads">
              Positive
            </th>
            <th className="num">n</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={
                [r.n < minSample ? 'early' : '', r.key === UNKNOWN ? 'unknown' : ''].join(' ').trim() || undefined
              }
            >
              <th
                scope="row"
                title={`${r.label}\nReply: ${verdictDetail(r.vsRest)}\nPositive: ${verdictDetail(r.positiveVsRest)}`}
              >
                <span className="clip">{r.label}</span>
                <span className="verdict small">{rowVerdicts(r)}</span>
              </th>
              <td data-col="reply" title={`Reply rate ${rateText(r)}; ${ciText(r)}`}>
                <span className="pct">{pct(r.rate)}</span>
                <RateBar rate={r} />
              </td>
              <td data-col="positive" title={`Positive reply rate ${rateText(r.positive)}; ${ciText(r.positive)}`}>
                <span className="pct">{pct(r.positive.rate)}</span>
                <RateBar rate={r.positive} />
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
