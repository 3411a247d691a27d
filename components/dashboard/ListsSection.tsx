// The two to-do lists: replies awaiting the user's answer, threads to follow up.
import { useState } from 'react';
import type { DashboardCore } from '@/lib/analytics/dashboard';
import { Info } from '@/components/insights/Info';
import { channelLabel } from '@/components/insights/format';

const DAY = 86_400_000;

// `now` is the dashboard's (useDashboardFilters), the moment the lists were computed at: reading the
// clock while rendering would make the render impure (react-hooks/purity).
export function ListsSection({
  dash,
  names,
  windowDays,
  now,
}: {
  dash: DashboardCore;
  names: Map<string, string>;
  windowDays: number;
  now: number;
}) {
  const [more, setMore] = useState({ a: false, f: false });
  const daysAgo = (ms: number) => {
    const d = Math.floor((now - ms) / DAY);
    return d === 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
  };
  const a = more.a ? dash.awaiting.slice(0, 100) : dash.awaiting.slice(0, 5);
  const f = more.f ? dash.followUps.slice(0, 100) : dash.followUps.slice(0, 5);
  return (
    <div className="card">
      <h3 data-testid="awaiting-count">Awaiting your answer ({dash.awaiting.length})</h3>
      {dash.awaiting.length === 0 ? (
        <p className="small muted">No reply is waiting for you.</p>
      ) : (
        <ul className="list">
          {a.map((x) => (
            <li key={x.threadId}>
              <span className={`ch ch-${x.channel}`}>{channelLabel(x.channel)}</span>
              <span className="list-main">{(x.prospectId && names.get(x.prospectId)) || x.subject || 'Unknown'}</span>
              <span className="small muted">replied {daysAgo(x.lastInboundAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {dash.awaiting.length > 5 && !more.a && <button onClick={() => setMore({ ...more, a: true })}>Show more</button>}
      <Info>Threads whose last message is theirs (not an auto-reply): they wrote, you have not answered.</Info>

      <h3 data-testid="followup-count">Follow up ({dash.followUps.length})</h3>
      {dash.followUps.length === 0 ? (
        <p className="small muted">No thread is waiting for a follow-up.</p>
      ) : (
        <ul className="list">
          {f.map((x) => (
            <li key={x.threadId}>
              <span className={`ch ch-${x.channel}`}>{channelLabel(x.channel)}</span>
              <span className="list-main">{names.get(x.prospectId) ?? x.subject ?? 'Unknown'}</span>
              <span className="small muted">
                sent {daysAgo(x.lastOutboundAt)}, no answer{x.outboundCount > 1 ? ` (${x.outboundCount} messages)` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {dash.followUps.length > 5 && !more.f && <button onClick={() => setMore({ ...more, f: true })}>Show more</button>}
      <Info>Threads you started with no human answer, your last message 3 to {windowDays} days old. Oldest first.</Info>
    </div>
  );
}
