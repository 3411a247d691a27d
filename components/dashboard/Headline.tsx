// The headline numbers: prospect response rate, reply rate per thread, positive reply rate, median
// time to reply and its distribution, with what the rates leave out and what the replies said.
import type { DashboardCore } from '@/lib/analytics/dashboard';
import type { Rate } from '@/lib/analytics/stats';
import { Info } from '@/components/insights/Info';
import { ciShort, ciText, duration, pct } from '@/components/insights/format';

function Stat({
  label,
  value,
  sub,
  ci,
  early,
  testId,
  title,
}: {
  label: string;
  value: string;
  sub: string;
  ci?: Rate;
  early?: boolean;
  testId: string;
  title: string;
}) {
  return (
    <div className="stat" data-testid={testId} title={title}>
      <div className="stat-label small muted">{label}</div>
      <div className="stat-value">{value}</div>
      <div className="stat-sub small muted">{sub}</div>
      {ci && ci.n > 0 && (
        <div className="stat-sub small muted stat-ci">
          {ciShort(ci)}
          {early ? ' · too early' : ''}
        </div>
      )}
    </div>
  );
}

const INTENT_WORDS: Record<keyof DashboardCore['intents']['counts'], [string, string]> = {
  interested: ['interested', 'interested'],
  'not-interested': ['not interested', 'not interested'],
  referral: ['referral', 'referrals'],
  later: ['“later”', '“later”'],
  other: ['other', 'other'],
};

export function Headline({
  dash,
  windowDays,
  minSample,
}: {
  dash: DashboardCore;
  windowDays: number;
  minSample: number;
}) {
  const { prospectRate, threadRate, positiveRate, timeToReply, counts, intents } = dash;
  const said = (Object.keys(INTENT_WORDS) as (keyof typeof INTENT_WORDS)[])
    .filter((k) => intents.counts[k] > 0)
    .map((k) => `${intents.counts[k]} ${INTENT_WORDS[k][intents.counts[k] === 1 ? 0 : 1]}`);
  return (
    <div className="card">
      <div className="stats">
        <Stat
          testId="prospect-rate"
          label="Prospect response rate"
          value={pct(prospectRate.rate)}
          sub={prospectRate.n ? `${prospectRate.k} of ${prospectRate.n} people` : 'no one contacted yet'}
          ci={prospectRate}
          early={prospectRate.n < minSample}
          title={`People who replied at least once ÷ people contacted, across Gmail and LinkedIn (one person, one count); a person whose address bounced was not contacted by that thread. ${ciText(prospectRate)}`}
        />
        <Stat
          testId="thread-rate"
          label="Reply rate per thread"
          value={pct(threadRate.rate)}
          sub={threadRate.n ? `${threadRate.k} of ${threadRate.n} threads` : 'no threads yet'}
          ci={threadRate}
          early={threadRate.n < minSample}
          title={`Threads you started that got a human reply within ${windowDays} days ÷ threads you started, bounced ones left out. ${ciText(threadRate)}`}
        />
        <Stat
          testId="positive-rate"
          label="Positive reply rate"
          value={pct(positiveRate.rate)}
          sub={positiveRate.n ? `${positiveRate.k} of ${positiveRate.n} threads` : 'no threads yet'}
          ci={positiveRate}
          early={positiveRate.n < minSample}
          title={`Threads you started with a reply judged “interested” within ${windowDays} days ÷ the same threads as the reply rate. Intent is read from the reply's own words; correct it on the prospect's timeline. ${ciText(positiveRate)}`}
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
        {counts.threads} threads started; {counts.bounced} bounced (left out of rates)
        {counts.partlyBounced > 0 && (
          <>, {counts.partlyBounced} bounced for some of their recipients (kept for the others)</>
        )}
        {counts.delayed > 0 && <>, {counts.delayed} delivery delayed (kept in the rates)</>}, {counts.autoReplied} got
        only auto-replies or out-of-office (not replies), {counts.repliedLate} answered after the {windowDays}-day
        window.
        {said.length > 0 && (
          <span data-testid="reply-intents">
            {' '}
            What the first replies said: {said.join(', ')}
            {intents.unjudged > 0 ? `, ${intents.unjudged} not read yet` : ''}.
          </span>
        )}
      </Info>
      {timeToReply.n > 0 && (
        <div className="dist" aria-label="Time to reply distribution">
          {timeToReply.buckets.map((b) => (
            <div key={b.label} className="dist-col" title={`${b.count} replies in ${b.label}`}>
              <span
                className="dist-bar"
                style={{ height: `${(b.count / Math.max(...timeToReply.buckets.map((x) => x.count), 1)) * 100}%` }}
              />
              <span className="dist-label small muted">{b.label}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
