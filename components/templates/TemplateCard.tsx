// One template in the list: its text (filled for the preview prospect), its numbers, its actions.
// Every button's accessible name carries the template's name, so a screen reader (and the e2e
// test) can tell "Insert Cold intro" from "Insert Follow-up".
import { useState } from 'react';
import type { Prospect, Template } from '@/lib/schema/model';
import { describeRate, type TemplateNumbers } from '@/lib/templates/stats';
import { prospectVariables, resolveTemplate } from '@/lib/templates/variables';

const CHANNEL_LABEL: Record<Template['channel'], string> = { any: 'Email + LinkedIn', email: 'Email', linkedin: 'LinkedIn' };

export type InsertState = { busy: true } | { busy: false; ok: boolean; message: string };

export interface TemplateCardProps {
  template: Template;
  numbers: TemplateNumbers | undefined;
  previewProspect: Prospect | null;
  insertState: InsertState | undefined;
  onInsert: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onArchive: (archived: boolean) => void;
}

export function TemplateCard({ template: t, numbers, previewProspect, insertState, onInsert, onEdit, onDuplicate, onArchive }: TemplateCardProps) {
  const [open, setOpen] = useState(false);
  const values = prospectVariables(previewProspect);
  const body = resolveTemplate(t.body, values);
  const subject = t.subject ? resolveTemplate(t.subject, values).text : null;
  const versions = numbers ? [...numbers.byVersion].sort((a, b) => b[0] - a[0]) : [];
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
        {numbers ? describeRate(numbers) : describeRate({ threads: 0, replied: 0 })}
        {' · '}
        {numbers?.uses ?? 0} {numbers?.uses === 1 ? 'message' : 'messages'} sent
      </p>
      {versions.length > 1 && (
        <ul className="small muted tpl-versions" aria-label="By version">
          {versions.map(([v, r]) => (
            <li key={v}>
              v{v}: {describeRate(r)}
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
          <button type="button" className="primary" onClick={onInsert} disabled={insertState?.busy} aria-label={`Insert ${t.name}`}>
            Insert
          </button>
        )}
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={bodyId} aria-label={`${open ? 'Collapse' : 'Show all of'} ${t.name}`}>
          {open ? 'Less' : 'More'}
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit ${t.name}`}>
          Edit
        </button>
        <button type="button" onClick={onDuplicate} aria-label={`Duplicate ${t.name}`}>
          Duplicate
        </button>
        <button type="button" onClick={() => onArchive(!t.archived)} aria-label={`${t.archived ? 'Unarchive' : 'Archive'} ${t.name}`}>
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
