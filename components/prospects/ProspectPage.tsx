// A prospect's page: who they are, the edit form, the call logger and the timeline.
import type { Prospect, Template } from '@/lib/schema/model';
import { Loading } from '@/components/Loading';
import { CallLogger } from './CallLogger';
import { ProspectEditForm } from './ProspectEditForm';
import { ProspectHeader } from './ProspectHeader';
import { Timeline } from './Timeline';
import {
  useProspect,
  useProspectActions,
  useTemplateChoices,
  useTimeline,
  type TimelineState,
} from './use-prospect-page';

export function ProspectPage({ id, onBack }: { id: string; onBack: () => void }) {
  // The three reads start together; the page waits for the record only.
  const prospect = useProspect(id);
  const timeline = useTimeline(id);
  const templates = useTemplateChoices();
  if (prospect.isLoading) return <Loading />;
  const p = prospect.data;
  if (!p)
    return (
      <section className="insights">
        <button onClick={onBack}>← All prospects</button>
        <p className="notice">This prospect no longer exists (merged or deleted).</p>
      </section>
    );
  return <ProspectDetails p={p} timeline={timeline} templates={templates} onBack={onBack} />;
}

function ProspectDetails({
  p,
  timeline,
  templates,
  onBack,
}: {
  p: Prospect;
  timeline: TimelineState;
  templates: Template[];
  onBack: () => void;
}) {
  const actions = useProspectActions(p);
  return (
    <section aria-label={`Prospect ${p.name}`} className="insights">
      <button onClick={onBack}>← All prospects</button>
      <ProspectHeader p={p} channels={timeline.view?.channels ?? []} />
      <ProspectEditForm p={p} actions={actions} />
      <CallLogger actions={actions} />
      {actions.error && <p className="notice error">{actions.error}</p>}
      <Timeline p={p} timeline={timeline} templates={templates} />
    </section>
  );
}
