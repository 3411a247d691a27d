// The headline numbers: prospect response rate, reply rate per thread, median time to reply and its
// distribution, with what the rates leave out.
import type { DashboardCore } from '@/lib/analytics/dashboard';
import { Info } from '@/components/insights/Info';
import { ciText, duration, pct } from '@/components/insights/format';

function Stat({ label, value, sub, testId, title }: { label: string; value: string; sub: string; testId: string; title: string }) {
  return (
    <div className="stat" data-testid={testId} title={title}>
      <div className="stat-label small muted">{label}</div>
      <div className="stat-value">{value}</div>
      <div className="stat-sub small muted">{sub}</div>
    </div>
  );
}

export function Headline({ dash, windowDays }: { dash: DashboardCore; windowDays: number }) {
  const { prospectRate, threadRate, timeToReply, counts } = dash;
  return (
    <div className="card">
      <div className="stats">
        <Stat
          testId="prospect-rate"
          label="Prospect response rate"
          value={pct(prospectRate.rate)}
          sub={prospectRate.n ? `${prospectRate.k} of ${prospectRate.n} people` : 'no one contacted yet'}
          title={`People who replied at least once ÷ people contacted, across Gmail and LinkedIn (one person, one count). ${ciText(prospectRate)}`}
        />
        <Stat
          testId="thread-rate"
          label="Reply rate per thread"
          value={pct(threadRate.rate)}
          sub={threadRate.n ? `${threadRate.k} of ${threadRate.n} threads` : 'no threads yet'}
          title={`Threads you started that got a human reply within ${windowDays} days ÷ threads you started, bounced ones left out. ${ciText(threadRate)}`}
        />
        <Stat
          testId="median-reply"
          label="Median time to reply"
          value={duration(timeToReply.median)}
          sub={`over ${timeToReply.n} replies`}
          title="From your first message to their first reply, over threads replied within the window."
        />
      </div>
      <Info>
        {counts.threads} threads started; {counts.bounced} bounced (left out of rates), {counts.autoReplied} got only auto-replies or
        out-of-office (not replies), {counts.repliedLate} answered after the {windowDays}-day window.
      </Info>
      {timeToReply.n > 0 && (
        <div className="dist" aria-label="Time to reply distribution">
          {timeToReply.buckets.map((b) => (
            <div key={b.label} className="dist-col" title={`${b.count} replies in ${b.label}`}>
              <span className="dist-bar" style={{ height: `${(b.count / Math.max(...timeToReply.buckets.map((x) => x.count), 1)) * 100}%` }} />
              <span className="dist-label small muted">{b.label}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
