// Dashboard: the numbers of README.md "What the numbers mean", each with its n and definition.
// One section per file in components/dashboard/; the filters and the numbers come from its hooks
// (components/dashboard/use-dashboard.ts), the read from lib/insights/dashboard.ts.
import { usePageProspect } from '@/components/insights/page-prospect';
import { OnPageNotice } from '@/components/insights/OnPageNotice';
import { Loading } from '@/components/Loading';
import { ActivitySection } from '@/components/dashboard/ActivitySection';
import { CallsSection } from '@/components/dashboard/CallsSection';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { FunnelSection } from '@/components/dashboard/FunnelSection';
import { InvitationsSection } from '@/components/dashboard/InvitationsSection';
import { Headline } from '@/components/dashboard/Headline';
import { ListsSection } from '@/components/dashboard/ListsSection';
import { TemplatesSection } from '@/components/dashboard/TemplatesSection';
import { TraitsSection } from '@/components/dashboard/TraitsSection';
import { useDashboard, useDashboardFilters } from '@/components/dashboard/use-dashboard';
import '@/components/insights/insights.css';

export function DashboardView() {
  const f = useDashboardFilters();
  const { error, view, tags } = useDashboard(f);
  const onPage = usePageProspect();

  if (error) return <p className="notice error">Could not read the data: {String(error)}</p>;
  if (!view) return <Loading />;
  const { minSample, replyWindowDays: windowDays } = view.settings;

  if (view.empty) {
    return (
      <section aria-label="Dashboard" className="insights">
        <div className="empty">
          <strong>Nothing logged yet</strong>
          Send a message from Gmail or LinkedIn with tracking on (Settings), and it appears here.
          <br />
          Moving from another machine? Use <em>Import JSON</em> in Settings.
        </div>
      </section>
    );
  }

  return (
    <section aria-label="Dashboard" className="insights">
      <FilterBar f={f} tags={tags} windowDays={windowDays} minSample={minSample} />
      {onPage && (
        // The Prospects tab opens the person that tab shows.
        <OnPageNotice onPage={onPage} onOpen={() => document.getElementById('tab-prospects')?.click()} />
      )}
      <Headline dash={view.core} windowDays={windowDays} minSample={minSample} />
      <ActivitySection activity={view.activity} scheduled={view.scheduled} />
      {view.invitations && (
        <InvitationsSection a={view.invitations} pendingDays={view.settings.invitePendingDays} minSample={minSample} />
      )}
      <ListsSection dash={view.core} names={view.names} windowDays={windowDays} now={f.now} />
      <TemplatesSection dash={view.core} minSample={minSample} />
      <TraitsSection dash={view.people} minSample={minSample} dimension={f.dimension} setDimension={f.setDimension} />
      <FunnelSection dash={view.people} />
      <CallsSection activity={view.activity} minSample={minSample} />
    </section>
  );
}
