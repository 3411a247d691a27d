// The toolbar popup: small and instant. Shows the kept numbers at once (lib/insights/popup-cache.ts:
// only while nothing changed since), then recomputes them from the dashboard's facts (no react-query: one read on open, nothing to keep fresh in a window that
// lives seconds).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PopupSummary } from '@/lib/analytics/popup';
import { ciText, pct } from './format';
import { Loading } from '@/components/Loading';
import './insights.css';

export function Popup({ cached = null }: { cached?: PopupSummary | null }) {
  const [data, setData] = useState<PopupSummary | null>(cached);
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>();

  useEffect(() => {
    const now = Date.now();
    // With last numbers to show, read after they are painted: decoding the facts (a few MB at 100k
    // messages) would otherwise hold up the first paint.
    const painted = new Promise<void>((ok) => (data ? requestAnimationFrame(() => setTimeout(ok, 0)) : ok()));
    painted
      // The database, zod and the metrics load as a chunk of their own: the first paint needs only React.
      .then(() => import('@/lib/insights/load'))
      .then(async ({ loadDashboardData, popupNumbers }) => {
        setData(popupNumbers(await loadDashboardData(), now));
        setFresh(true);
      })
      .catch((e) => setError(String(e)));
    // Known before the click: sidePanel.open() must run in the click's user gesture, with no await before it.
    browser.windows?.getCurrent().then((w) => setWindowId(w.id), () => {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open
  }, []);

  const open = () => {
    const chromeApi = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome;
    const ff = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    const p = chromeApi?.sidePanel && windowId !== undefined ? chromeApi.sidePanel.open({ windowId }) : ff?.open();
    void p?.then(() => window.close(), (e: unknown) => setError(`Could not open the side panel: ${String(e)}`));
  };

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
      <button className="primary open" onClick={open}>
        Open side panel
      </button>
    </main>
  );
}
