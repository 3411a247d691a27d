// The toolbar popup: small and instant. Shows the kept numbers at once, then the recomputed ones
// (components/insights/use-popup.ts, lib/insights/popup.ts); only renders.
import type { PopupSummary } from '@/lib/analytics/popup';
import { ciText, pct } from './format';
import { usePopup } from './use-popup';
import { Loading } from '@/components/Loading';
import './insights.css';

export function Popup({ cached = null }: { cached?: PopupSummary | null }) {
  const { data, fresh, error, openPanel } = usePopup(cached);

  return (
    <main className="popup insights">
      <h1>Sidelog</h1>
      {error && <p className="notice error">{error}</p>}
      {!data && !error && <Loading />}
      {data && (
        <div className="stats" data-fresh={fresh} aria-busy={!fresh}>
          <div className="stat" data-testid="popup-today" title="Messages you sent today (first touches, follow-ups and answers) and calls logged.">
            <div className="stat-label small muted">Sent today</div>
            <div className="stat-value">{data.today.gmail + data.today.linkedin}</div>
            <div className="stat-sub small muted">
              {data.today.gmail} Gmail · {data.today.linkedin} LinkedIn{data.today.calls ? ` · ${data.today.calls} calls` : ''}
            </div>
          </div>
          <div
            className="stat"
            data-testid="popup-rate"
            title={`Threads you started in the last 30 days that got a human reply ÷ those threads (bounces left out). ${ciText(data.last30)}`}
          >
            <div className="stat-label small muted">Reply rate, 30 days</div>
            <div className="stat-value">{pct(data.last30.rate)}</div>
            <div className="stat-sub small muted">{data.last30.n ? `${data.last30.k} of ${data.last30.n} threads` : 'no threads yet'}</div>
          </div>
          <div className="stat" data-testid="popup-best" title="Highest first-touch reply rate among templates used in threads started this month.">
            <div className="stat-label small muted">Best template this month</div>
            {data.best ? (
              <>
                <div className="stat-value" style={{ fontSize: 15, overflowWrap: "anywhere" }}>{data.best.name}</div>
                <div className="stat-sub small muted">
                  {pct(data.best.rate.rate)} ({data.best.rate.k} of {data.best.rate.n})
                </div>
              </>
            ) : (
              <div className="stat-sub small muted">{data.bestTooEarly ? 'too early: few threads per template yet' : 'no template used yet'}</div>
            )}
          </div>
        </div>
      )}
      <button className="primary open" onClick={openPanel}>
        Open side panel
      </button>
    </main>
  );
}
