// LinkedIn invitations: how many were accepted (lib/analytics/acceptance.ts, a function of `now`;
// computed by useDashboard).
import type { Acceptance } from '@/lib/analytics/acceptance';
import { Info } from '@/components/insights/Info';
import { ciText, pct } from '@/components/insights/format';

export function InvitationsSection({
  a,
  pendingDays,
  minSample,
}: {
  a: Acceptance;
  pendingDays: number;
  minSample: number;
}) {
  if (a.sent === 0) return null;
  const why = `LinkedIn does not tell when an invitation is ignored: after ${pendingDays} days pending it counts as not accepted.`;
  const decided = a.rate.n;
  return (
    <div className="card" aria-label="Invitations">
      <h3>LinkedIn invitations</h3>
      <div className="stats">
        <div
          className="stat"
          data-testid="invite-acceptance"
          title={`${why} Withdrawn invitations are left out. ${ciText(a.rate)}`}
        >
          <div className="stat-label small muted">Invitations accepted</div>
          <div className="stat-value">{pct(a.rate.rate)}</div>
          <div className="stat-sub small muted">
            {decided ? `${a.accepted} of ${decided}` : 'none decided yet'}
            {decided > 0 && decided < minSample ? ' · too early' : ''}
          </div>
        </div>
      </div>
      <Info>
        <span data-testid="invite-counts">
          {a.sent} sent with a note: {a.accepted} accepted, {a.notAccepted} not accepted after {pendingDays} days,{' '}
          {a.pending} pending, {a.withdrawn} withdrawn (left out).
        </span>{' '}
        {why}
      </Info>
    </div>
  );
}
