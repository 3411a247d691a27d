// The funnel (contacted → stages) and revenue by first-touch template or by the selected trait.
import { useState } from 'react';
import type { DashboardPeople } from '@/lib/analytics/dashboard';
import { Info } from '@/components/insights/Info';
import { money, pct } from '@/components/insights/format';

export function FunnelSection({ dash }: { dash: DashboardPeople }) {
  const [by, setBy] = useState<'template' | 'trait'>('template');
  const rows = by === 'template' ? dash.funnelByTemplate : dash.funnelByDimension;
  const top = dash.funnel.steps[0].count || 1;
  return (
    <div className="card" aria-label="Funnel">
      <h3>Funnel</h3>
      <ol className="funnel" data-testid="funnel">
        {dash.funnel.steps.map((s) => (
          <li key={s.step}>
            <span className="funnel-label">{s.step[0].toUpperCase() + s.step.slice(1)}</span>
            <span className="funnel-bar">
              <span style={{ width: `${(s.count / top) * 100}%` }} />
            </span>
            <span className="num">{s.count}</span>
            <span className="small muted conv">{s.conversion === null ? '' : pct(s.conversion)}</span>
          </li>
        ))}
      </ol>
      <p data-testid="revenue">
        Revenue won: <strong>{money(dash.funnel.revenue)}</strong>{' '}
        <span className="small muted">from {dash.funnel.wonCount} won</span>
      </p>
      <Info>
        People contacted, then how far each got (their stage; a reply counts as replied). % = share of the step before.
        Revenue = deal value of won people.
      </Info>
      <div className="card-head">
        <h4 className="small">Revenue by</h4>
        <div className="seg" role="group" aria-label="Revenue by">
          <button aria-pressed={by === 'template'} onClick={() => setBy('template')}>
            First-touch template
          </button>
          <button aria-pressed={by === 'trait'} onClick={() => setBy('trait')}>
            Selected trait
          </button>
        </div>
      </div>
      <table className="rates money" data-testid="revenue-table">
        <thead>
          <tr>
            <th>{by === 'template' ? 'Template' : 'Trait value'}</th>
            <th className="num" title="People contacted">
              People
            </th>
            <th className="num">Won</th>
            <th className="num">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 15).map((g) => (
            <tr key={g.key}>
              <th scope="row" title={g.label}>
                <span className="clip">{g.label}</span>
              </th>
              <td className="num">{g.contacted}</td>
              <td className="num">{g.wonCount}</td>
              <td className="num">{money(g.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
