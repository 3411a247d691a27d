// One template in the list: its text (filled for the preview prospect), its numbers (the Dashboard's
// first-touch row: n, 95% interval and verdict against the rest; per version), its actions.
// Every button's accessible name carries the template's name, so a screen reader (and the e2e
// test) can tell "Insert Cold intro" from "Insert Follow-up".
import { useState } from 'react';
import type { TemplateSummary } from '@/lib/analytics/templates';
import type { Prospect, Template } from '@/lib/schema/model';
import { prospectVariables, resolveTemplate } from '@/lib/templates/variables';
import { RateBar } from '@/components/insights/RateBar';
import { MULTIPLE_NOTE, ciText, pct, repliedText, verdictDetail, verdictText } from '@/components/insights/format';

const CHANNEL_LABEL: Record<Template['channel'], string> = {
  any: 'Email + LinkedIn',
  email: 'Email',
  linkedin: 'LinkedIn',
};

export type InsertState = { busy: true } | { busy: false; ok: boolean; message: string };

export interface TemplateCardProps {
  template: Template;
  /** Its numbers (lib/analytics/templates.ts); undefined when it was never used or they load. */
  stats: TemplateSummary | undefined;
  previewProspect: Prospect | null;
  insertState: InsertState | undefined;
  onInsert: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onArchive: (archived: boolean) => void;
}

export function TemplateCard({
  template: t,
  stats,
  previewProspect,
  insertState,
  onInsert,
  onEdit,
  onDuplicate,
  onArchive,
}: TemplateCardProps) {
  const [open, setOpen] = useState(false);
  const values = prospectVariables(previewProspect);
  const body = resolveTemplate(t.body, values);
  const subject = t.subject ? resolveTemplate(t.subject, values).text : null;
  const first = stats?.firstTouch ?? null;
  const uses = stats?.uses ?? 0;
  const versions = stats?.versions ?? [];
  const bodyId = `tpl-body-${t.id}`;

  return (
    <article className={`card tpl-card${t.archived ? ' tpl-archived' : ''}`} aria-label={t.name}>
      <header className="tpl-card-head">
        <h3 className="tpl-name">{t.name}</h3>
        <span className={`tpl-badge tpl-ch-${t.channel}`}>{CHANNEL_LABEL[t.channel]}</span>
        <span className="tpl-badge" title="Version: a new one starts each time the text changes">
          v{t.version}
        </span>
        {t.archived && <span className="tpl-badge">Archived</span>}
      </header>
      {t.tags.length > 0 && (
        <ul className="tpl-tags" aria-label="Tags">
          {t.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <p className="small tpl-numbers" data-testid="template-numbers">
        {repliedText(first)}
        {' · '}
        {uses} {uses === 1 ? 'message' : 'messages'} sent
      </p>
      {first && (
        <p
          className="small tpl-rate"
          data-testid="template-rate"
          title={`Threads whose first message used the template that got a reply ÷ those threads. Whiskers: 95% Wilson interval. ${MULTIPLE_NOTE} ${verdictDetail(first.vsRest)}`}
        >
          <RateBar rate={first} />
          <span>
            {ciText(first)} (n = {first.n}) · <span className="tpl-verdict">{verdictText(first.vsRest)}</span>
          </span>
        </p>
      )}
      {first && (
        <p
          className="small tpl-rate"
          data-testid="template-positive"
          title={`Threads whose first message used the template with a reply judged “interested” ÷ those threads (same n). ${MULTIPLE_NOTE} ${verdictDetail(first.positiveVsRest)}`}
        >
          <RateBar rate={first.positive} />
          <span>
            Positive: {first.positive.k} of {first.positive.n} ({pct(first.positive.rate)}), {ciText(first.positive)} ·{' '}
            <span className="tpl-verdict">{verdictText(first.positiveVsRest)}</span>
          </span>
        </p>
      )}
      {versions.length > 1 && (
        <ul className="small muted tpl-versions" aria-label="By version">
          {versions.map((r) => (
            <li key={r.version}>
              v{r.version}: {repliedText(r)}, {ciText(r)} · {verdictText(r.vsRest)}; positive {r.positive.k} of{' '}
              {r.positive.n} ({pct(r.positive.rate)}), {ciText(r.positive)} · {verdictText(r.positiveVsRest)}
            </li>
          ))}
        </ul>
      )}
      {subject && <div className="tpl-subject small">{subject}</div>}
      <div id={bodyId} className={`tpl-body${open ? ' open' : ''}`}>
        {body.text}
      </div>
      {body.missing.length > 0 && previewProspect && (
        <div className="small tpl-missing">
          {previewProspect.name || 'This prospect'} has no {body.missing.join(', ')}: add a fallback such as{' '}
          <code>{`{{${body.missing[0]}|…}}`}</code>
        </div>
      )}
      <div className="row tpl-actions">
        {!t.archived && (
          <button
            type="button"
            className="primary"
            onClick={onInsert}
            disabled={insertState?.busy}
            aria-label={`Insert ${t.name}`}
          >
            Insert
          </button>
        )}
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={`${open ? 'Collapse' : 'Show all of'} ${t.name}`}
        >
          {open ? 'Less' : 'More'}
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit ${t.name}`}>
          Edit
        </button>
        <button type="button" onClick={onDuplicate} aria-label={`Duplicate ${t.name}`}>
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => onArchive(!t.archived)}
          aria-label={`${t.archived ? 'Unarchive' : 'Archive'} ${t.name}`}
        >
          {t.archived ? 'Unarchive' : 'Archive'}
        </button>
      </div>
      {insertState && !insertState.busy && (
        <p className={`notice ${insertState.ok ? 'ok' : 'error'} small`} role="status">
          {insertState.message}
        </p>
      )}
    </article>
  );
}
