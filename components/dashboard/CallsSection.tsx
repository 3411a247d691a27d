// Calls logged by hand: connect rate and calls per day or week.
import { useMemo } from 'react';
import type { Activity } from '@/lib/analytics/activity';
import { BarChart } from '@/components/insights/BarChart';
import { Info } from '@/components/insights/Info';
import { ciShort, ciText, pct } from '@/components/insights/format';

export function CallsSection({ activity, minSample }: { activity: Activity; minSample: number }) {
  const { callTotals, connectRate } = activity;
  // A long range reads better by week (one bar a day is a hairline at 360 px).
  const calls = activity.calls.length > 60 ? activity.callWeeks : activity.calls;
  const labels = useMemo(() => calls.map((c) => c.label.replace('Week of ', '')), [calls]);
  const series = useMemo(
    () => [
      { label: 'Connected', color: '--good', values: calls.map((c) => c.connected) },
      { label: 'Not connected', color: '#b9c0ca', values: calls.map((c) => c.calls - c.connected) },
    ],
    [calls],
  );
  return (
    <div className="card" aria-label="Calls">
      <h3>Calls</h3>
      {callTotals.total === 0 ? (
        <p className="small muted">
          No calls logged in this period. Log a call from a prospect's page (Prospects tab).
        </p>
      ) : (
        <>
          <p data-testid="connect-rate">
            Connect rate <strong>{pct(connectRate.rate)}</strong>{' '}
            <span className="small muted">
              ({callTotals.connected} connected of {callTotals.total} calls; {callTotals.voicemail} voicemail,{' '}
              {callTotals['no-answer']} no answer) · {ciShort(connectRate)}
              {callTotals.total < minSample ? ' · too early' : ''}
            </span>
          </p>
          <BarChart
            title={activity.calls.length > 60 ? 'Calls per week' : 'Calls per day'}
            labels={labels}
            series={series}
            height={110}
          />
        </>
      )}
      <Info>Calls you logged by hand. Connect rate = calls connected ÷ calls made. {ciText(connectRate)}</Info>
    </div>
  );
}
