// The toolbar popup: small and instant. Shows the kept numbers at once, then the recomputed ones
// (components/insights/use-popup.ts, lib/insights/popup.ts); only renders.
import type { PopupSummary } from '@/lib/analytics/popup';
import type { Rate } from '@/lib/analytics/stats';
import { ciShort, ciText, pct } from './format';
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
          <div
            className="stat"
            data-testid="popup-today"
            title="Messages you sent today (first touches, follow-ups and answers) and calls logged."
          >
            <div className="stat-label small muted">Sent today</div>
            <div className="stat-value">{data.today.gmail + data.today.linkedin}</div>
            <div className="stat-sub small muted">
              {data.today.gmail} Gmail · {data.today.linkedin} LinkedIn
              {data.today.calls ? ` · ${data.today.calls} calls` : ''}
            </div>
          </div>
          <PopupRate
            testId="popup-rate"
            label="Reply rate, 30 days"
            rate={data.last30}
            minSample={data.minSample}
            title={`Threads you started in the last 30 days that got a human reply ÷ those threads (bounces left out). ${ciText(data.last30)}`}
          />
          <PopupRate
            testId="popup-positive"
            label="Positive replies, 30 days"
            rate={data.last30Positive}
            minSample={data.minSample}
            title={`The same threads with a reply judged “interested” ÷ those threads. ${ciText(data.last30Positive)}`}
          />
          <div
            className="stat"
            data-testid="popup-best"
            title="First-touch reply rate of the templates of threads started this month. A template is named only when its 95% interval lies above the interval of every other template with enough threads and of all the month's other threads."
          >
            <div className="stat-label small muted">Best template this month</div>
            {data.best ? (
              <>
                <div className="stat-value" style={{ fontSize: 15, overflowWrap: 'anywhere' }}>
                  {data.best.name}
                </div>
                <div className="stat-sub small muted">
                  {pct(data.best.rate.rate)} ({data.best.rate.k} of {data.best.rate.n}) · {ciShort(data.best.rate)}
                </div>
              </>
            ) : data.bestStatus === 'no-clear-leader' ? (
              <>
                <div className="stat-value" style={{ fontSize: 15 }}>
                  No clear leader yet
                </div>
                {data.ahead && (
                  <div className="stat-sub small muted" style={{ overflowWrap: 'anywhere' }}>
                    ahead so far: {data.ahead.name}, {pct(data.ahead.rate.rate)} ({data.ahead.rate.k} of{' '}
                    {data.ahead.rate.n}) · {ciShort(data.ahead.rate)}, not clear of the rest
                  </div>
                )}
              </>
            ) : (
              <div className="stat-sub small muted">
                {data.bestStatus === 'too-early' ? 'too early: few threads per template yet' : 'no template used yet'}
              </div>
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

/** A rate with its n and 95% interval, as every rate is shown. */
function PopupRate({
  testId,
  label,
  rate,
  minSample,
  title,
}: {
  testId: string;
  label: string;
  rate: Rate;
  minSample: number;
  title: string;
}) {
  return (
    <div className="stat" data-testid={testId} title={title}>
      <div className="stat-label small muted">{label}</div>
      <div className="stat-value">{pct(rate.rate)}</div>
      <div className="stat-sub small muted">{rate.n ? `${rate.k} of ${rate.n} threads` : 'no threads yet'}</div>
      {rate.n > 0 && (
        <div className="stat-sub small muted">
          {ciShort(rate)}
          {rate.n < minSample ? ' · too early' : ''}
        </div>
      )}
    </div>
  );
}
