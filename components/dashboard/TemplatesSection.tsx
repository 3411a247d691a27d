// Templates: by first touch, which message got the reply, per version, per follow-up step, and two
// templates compared.
import { useState } from 'react';
import type { DashboardCore } from '@/lib/analytics/dashboard';
import { compareRates } from '@/lib/analytics/stats';
import { Info } from '@/components/insights/Info';
import { RateBar } from '@/components/insights/RateBar';
import { ciText, pct, rateText, verdictText } from '@/components/insights/format';
import { RateTable } from './RateTable';

export function TemplatesSection({ dash, minSample }: { dash: DashboardCore; minSample: number }) {
  const [view, setView] = useState<'first' | 'credit' | 'version' | 'step'>('first');
  const withTemplate = dash.templates.filter((t) => t.key !== '(none)');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const ra = dash.templates.find((t) => t.key === (a || withTemplate[0]?.key));
  const rb = dash.templates.find((t) => t.key === (b || withTemplate[1]?.key));
  return (
    <div className="card" aria-label="Templates">
      <div className="card-head">
        <h3>Templates</h3>
        <select aria-label="Template view" value={view} onChange={(e) => setView(e.target.value as typeof view)}>
          <option value="first">By first touch</option>
          <option value="credit">Which message got the reply</option>
          <option value="version">Per version</option>
          <option value="step">Per follow-up step</option>
        </select>
      </div>
      {view === 'first' && (
        <>
          <RateTable rows={dash.templates} testId="template-leaderboard" minSample={minSample} nameHeader="Template" />
          <Info>
            Threads whose first message used the template that got a reply (positive: a reply judged “interested”) ÷
            threads whose first message used it. Whiskers: 95% Wilson interval. Each template is tested against all
            other threads, and the verdicts are corrected for the number of templates tested (Holm), so many templates
            do not make a “winner” by chance.
          </Info>
        </>
      )}
      {view === 'credit' && (
        <>
          {dash.credit.length === 0 ? (
            <p className="small muted">No replies yet.</p>
          ) : (
            <table className="rates" data-testid="credit-table">
              <thead>
                <tr>
                  <th>Last message before the reply</th>
                  <th className="num">Replies</th>
                  <th className="num">Share</th>
                </tr>
              </thead>
              <tbody>
                {dash.credit.map((c) => (
                  <tr key={c.templateId}>
                    <th scope="row">
                      <span className="clip">{c.label}</span>
                    </th>
                    <td className="num">{c.replies}</td>
                    <td className="num">{pct(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Info>
            Each reply is credited to the template of your last message before it: which follow-up actually got the
            answer.
          </Info>
        </>
      )}
      {view === 'version' && (
        <>
          <RateTable rows={dash.versions} testId="version-table" minSample={minSample} nameHeader="Template version" />
          <Info>
            First-touch reply and positive reply rate for each version of a template (a version changes when its text is
            edited); verdicts corrected for the number of versions tested (Holm).
          </Info>
        </>
      )}
      {view === 'step' && (
        <>
          <table className="rates" data-testid="step-table">
            <thead>
              <tr>
                <th>Step</th>
                <th>Reply rate</th>
                <th className="num">n</th>
              </tr>
            </thead>
            <tbody>
              {dash.steps.map((s) => (
                <tr key={s.step} className={s.n < minSample ? 'early' : undefined}>
                  <th scope="row">
                    {s.step === 1 ? 'First touch' : `Follow-up ${s.step - 1}`}
                    {s.n < minSample && <span className="verdict small">too early</span>}
                  </th>
                  <td title={ciText(s)}>
                    <span className="pct">{pct(s.rate)}</span>
                    <RateBar rate={s} />
                  </td>
                  <td className="num">
                    {s.k}/{s.n}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Info>Replies to step s ÷ threads that sent step s before any reply came.</Info>
        </>
      )}
      {withTemplate.length >= 2 && (
        <div className="compare">
          <h4 className="small">Compare two templates</h4>
          <div className="row">
            <select aria-label="Template A" value={a || withTemplate[0].key} onChange={(e) => setA(e.target.value)}>
              {withTemplate.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
            <span className="muted">vs</span>
            <select aria-label="Template B" value={b || withTemplate[1].key} onChange={(e) => setB(e.target.value)}>
              {withTemplate.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {ra && rb && (
            <p className="small" data-testid="compare-verdict">
              {ra.label}: {rateText(ra)} · {rb.label}: {rateText(rb)} →{' '}
              <strong>{verdictText(compareRates(ra, rb, minSample), rb.label)}</strong>
              <span className="muted"> (one comparison you chose: not corrected for the others)</span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
