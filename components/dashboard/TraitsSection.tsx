// "Who replies": reply rate by a trait of the people written to (with how many of them have it),
// template × trait, and what the ones who answer have in common.
import type { DashboardPeople } from '@/lib/analytics/dashboard';
import { UNKNOWN, UNKNOWN_LABEL, type Dimension, type TraitCoverage } from '@/lib/analytics/rates';
import { Info } from '@/components/insights/Info';
import { channelLabel, ciText, pct, rateText, verdictText } from '@/components/insights/format';
import { RateTable } from './RateTable';

export function TraitsSection({
  dash,
  minSample,
  dimension,
  setDimension,
}: {
  dash: DashboardPeople;
  minSample: number;
  dimension: Dimension;
  setDimension: (d: Dimension) => void;
}) {
  const dimLabel = dash.dimensions.find((d) => d.key === dimension)?.label ?? dimension;
  const { cross } = dash;
  const cell = new Map(cross.cells.map((c) => [`${c.templateId}\u0000${c.value}`, c]));
  const labelOf = (d: Dimension) => dash.dimensions.find((x) => x.key === d)?.label ?? d;
  return (
    <div className="card" aria-label="Traits">
      <div className="card-head">
        <h3>Who replies</h3>
        <select aria-label="Trait" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
          {dash.dimensions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {dimension !== 'channel' && <CoverageLine coverage={dash.coverage} label={dimLabel} />}
      <RateTable rows={dash.byDimension} testId="trait-table" minSample={minSample} nameHeader={dimLabel} />
      <Info>
        Reply rate and positive reply rate per thread, grouped by the {dimLabel.toLowerCase()} of the person written to;
        each value against all others, verdicts corrected for the number of values tested (Holm). “unknown”: threads
        whose person has no {dimLabel.toLowerCase()} yet.
      </Info>

      <h4 className="small">Template × {dimLabel.toLowerCase()}</h4>
      {cross.templates.length === 0 ? (
        <p className="small muted">No data for these filters.</p>
      ) : (
        <div className="scroll-x">
          <table className="cross" data-testid="cross-table">
            <thead>
              <tr>
                <th>Template</th>
                {cross.values.map((v) => (
                  <th key={v.value} title={v.value === UNKNOWN ? UNKNOWN_LABEL : v.value}>
                    <span className={v.value === UNKNOWN ? 'clip unknown' : 'clip'}>
                      {v.value === UNKNOWN ? UNKNOWN_LABEL : v.value}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cross.templates.slice(0, 12).map((t) => (
                <tr key={t.id}>
                  <th scope="row" title={t.label}>
                    <span className="clip">{t.label}</span>
                  </th>
                  {cross.values.map((v) => {
                    const c = cell.get(`${t.id}\u0000${v.value}`);
                    return (
                      <td
                        key={v.value}
                        className={!c ? 'none' : c.n < minSample ? 'early' : ''}
                        title={c ? `${rateText(c)}; ${ciText(c)}` : 'no threads'}
                        style={
                          c && c.n >= minSample
                            ? { background: `rgba(47, 111, 223, ${Math.min(0.6, (c.rate ?? 0) * 1.2)})` }
                            : undefined
                        }
                      >
                        {c ? `${pct(c.rate)}` : '·'}
                        {c && <span className="small muted"> {c.n}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Info>Each cell: first-touch reply rate and n. Cells under {minSample} threads are greyed (too early).</Info>

      <h4 className="small">What the ones who answer have in common</h4>
      {dash.differences.length === 0 ? (
        <p className="small muted">Not enough replies yet.</p>
      ) : (
        <ul className="list diff" data-testid="differences">
          {dash.differences.map((d) => (
            <li key={`${d.dimension}:${d.value}`}>
              <span className="list-main">
                {labelOf(d.dimension)}: <strong>{d.dimension === 'channel' ? channelLabel(d.value) : d.value}</strong>
              </span>
              <span className="small">
                {pct(d.responders.rate)} of responders ({d.responders.k}/{d.responders.n}) vs{' '}
                {pct(d.nonResponders.rate)} of the others ({d.nonResponders.k}/{d.nonResponders.n}) ·{' '}
                {verdictText(d.test, 'the others')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Info>
        People who replied vs people contacted who did not: the traits whose share differs most. Every value of every
        trait is tested, and the verdicts are corrected for all of those tests (Holm), not only the ones shown.
      </Info>
    </div>
  );
}

/** "Industry known for 41% of 312 people contacted": how much of the table rests on known values. */
function CoverageLine({ coverage, label }: { coverage: TraitCoverage; label: string }) {
  const { people, known } = coverage;
  return (
    <p className="small coverage" data-testid="trait-coverage">
      {people === 0 ? (
        'No one contacted in these filters.'
      ) : (
        <>
          {label[0].toUpperCase() + label.slice(1)} known for <strong>{pct(known / people)}</strong> of {people}{' '}
          {people === 1 ? 'person' : 'people'} contacted
          {known < people && <span className="muted"> ({people - known} unknown)</span>}
        </>
      )}
    </p>
  );
}
