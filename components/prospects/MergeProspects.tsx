// Merge two prospects by hand (Prospects tab): both side by side with what the merged record
// keeps, then one click. Its read and the merge are useMergePreview (lib/insights/prospects.ts over
// lib/prospects/merge.ts); the merge is logged and can be undone while the panel stays open
// (UndoMergeBar, components/prospects/last-merge.ts).
import type { MergeChoice, MergeRecord, Prospect } from '@/lib/schema/model';
import { money } from '@/components/insights/format';
import { useMergePreview } from './use-merge';

const RULE: Record<MergeChoice['rule'], string> = {
  manual: 'set by hand',
  richer: 'further along / fuller',
  later: 'updated later',
  earliest: 'first',
  joined: 'both kept',
};

type Row = { label: string; field: string; show: (p: Prospect) => string };
const ROWS: Row[] = [
  { label: 'Name', field: 'name', show: (p) => p.name },
  { label: 'Emails', field: 'emails', show: (p) => p.emails.join(', ') },
  {
    label: 'LinkedIn',
    field: 'linkedinUrl',
    show: (p) => p.linkedinUrl?.replace('https://www.linkedin.com', '') ?? (p.linkedinMemberId ? 'member id only' : ''),
  },
  { label: 'Title', field: 'title', show: (p) => p.title ?? '' },
  { label: 'Company', field: 'company', show: (p) => p.company ?? '' },
  { label: 'Location', field: 'location', show: (p) => p.location ?? '' },
  { label: 'Industry', field: 'industry', show: (p) => p.industry ?? '' },
  { label: 'Company size', field: 'companySize', show: (p) => p.companySize ?? '' },
  { label: 'Stage', field: 'stage', show: (p) => p.stage },
  { label: 'Deal value', field: 'dealValue', show: (p) => (p.dealValue === null ? '' : money(p.dealValue)) },
  { label: 'Notes', field: 'notes', show: (p) => p.notes },
  {
    label: 'Traits',
    field: 'traits',
    show: (p) =>
      Object.entries(p.traits)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
  },
];

export function MergeProspects({
  ids,
  onDone,
  onCancel,
}: {
  ids: [string, string];
  onDone: (r: MergeRecord) => void;
  onCancel: () => void;
}) {
  const { error: readError, preview, merging, merge } = useMergePreview(ids, onDone);
  const { busy, error } = merging;
  if (readError) return <p className="notice error">{String(readError)}</p>;
  if (!preview) return <p className="small muted">Loading…</p>;
  const { kept, merged, result, choices, messages } = preview;
  const why = (field: string) => choices.filter((c) => c.field === field || c.field.startsWith(field + '.'));
  return (
    <section className="card merge" aria-label="Merge two prospects">
      <h3>Merge two prospects</h3>
      <p className="small muted">
        Their messages ({messages.kept} + {messages.merged}), threads, stage, deal value, notes and traits become one
        record. Where they differ, the merged record keeps the value shown on the right; the other is kept in the merge
        log.
      </p>
      <div className="merge-table" role="table" aria-label="Side by side">
        <div role="row" className="merge-row merge-headrow">
          <span role="columnheader" data-testid="merge-left">
            {kept.name || kept.emails[0]}
          </span>
          <span role="columnheader" data-testid="merge-right">
            {merged.name || merged.emails[0]}
          </span>
          <span role="columnheader">Merged</span>
        </div>
        {ROWS.map((r) => {
          const a = r.show(kept);
          const b = r.show(merged);
          if (!a && !b) return null;
          const c = why(r.field);
          return (
            <div role="row" className={`merge-row${a && b && a !== b ? ' differ' : ''}`} key={r.field}>
              <span role="rowheader" className="small muted">
                {r.label}
              </span>
              <span role="cell">{a}</span>
              <span role="cell">{b}</span>
              <span role="cell">
                {r.show(result)}
                {c.length > 0 && (
                  <span className="small muted"> ({[...new Set(c.map((x) => RULE[x.rule]))].join(', ')})</span>
                )}
              </span>
            </div>
          );
        })}
      </div>
      {error && <p className="notice error">{error}</p>}
      <div className="row">
        <button className="primary" disabled={busy} onClick={merge}>
          Merge into one
        </button>
        <button onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}
