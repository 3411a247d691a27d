// A prospect's timeline: every message and call, newest first (the newest 200 drawn).
import type { Prospect, Template } from '@/lib/schema/model';
import { TimelineItem } from './TimelineItem';
import type { TimelineState } from './use-prospect-page';

export function Timeline({
  p,
  timeline: { view, now },
  templates,
}: {
  p: Prospect;
  timeline: TimelineState;
  templates: Template[];
}) {
  const count = view?.count ?? 0;
  return (
    <>
      <h3>Timeline ({count})</h3>
      {!view || count === 0 ? (
        <p className="small muted">No messages with {p.name || 'this person'} yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {view.shown.map((m) => (
            <TimelineItem key={m.id} m={m} templates={templates} now={now} />
          ))}
        </ol>
      )}
    </>
  );
}
