// Messages sent per day or week, by channel.
import { useMemo, useState } from 'react';
import type { Activity } from '@/lib/analytics/activity';
import { BarChart } from '@/components/insights/BarChart';
import { Info } from '@/components/insights/Info';

export function ActivitySection({ activity, scheduled }: { activity: Activity; scheduled: number }) {
  const [by, setBy] = useState<'day' | 'week'>(activity.days.length > 60 ? 'week' : 'day');
  const buckets = by === 'day' ? activity.days : activity.weeks;
  const labels = useMemo(() => buckets.map((b) => b.label.replace('Week of ', '')), [buckets]);
  const series = useMemo(
    () => [
      { label: 'Gmail', color: '--gmail', values: buckets.map((b) => b.gmail) },
      { label: 'LinkedIn', color: '--linkedin', values: buckets.map((b) => b.linkedin) },
    ],
    [buckets],
  );
  const { totals } = activity;
  return (
    <div className="card" aria-label="Activity">
      <div className="card-head">
        <h3>Activity</h3>
        <div className="seg" role="group" aria-label="Group by">
          <button aria-pressed={by === 'day'} onClick={() => setBy('day')}>
            Day
          </button>
          <button aria-pressed={by === 'week'} onClick={() => setBy('week')}>
            Week
          </button>
        </div>
      </div>
      <p className="small" data-testid="activity-totals">
        {totals.gmail + totals.linkedin} messages sent: {totals.gmail} Gmail, {totals.linkedin} LinkedIn
        {scheduled > 0 && (
          <span
            className="muted"
            data-testid="scheduled-ahead"
            title="Scheduled with Gmail's Schedule send: counted in every number once its time comes."
          >
            {' '}
            · {scheduled} scheduled, counted when due
          </span>
        )}
      </p>
      <BarChart title={`Messages sent per ${by}`} labels={labels} series={series} />
      <Info>Messages you sent (first touches, follow-ups and answers) per {by}, by channel. Calls are below.</Info>
    </div>
  );
}
