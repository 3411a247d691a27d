// Create/edit form for one template. Pure UI: gets the draft and a save callback; the view does
// the writing. Errors come from lib/templates/store.validateDraft so the form and the store agree.
import { useEffect, useId, useRef, useState } from 'react';
import type { Prospect, TemplateChannel } from '@/lib/schema/model';
import { validateDraft, type TemplateDraft } from '@/lib/templates/store';
import { BUILTIN_VARIABLES, parseTemplate, prospectVariables, resolveTemplate } from '@/lib/templates/variables';

export interface TemplateFormProps {
  initial: TemplateDraft;
  title: string;
  /** Shows "saving a new version" when the text changes. */
  editingVersion?: number;
  previewProspect: Prospect | null;
  onSave: (draft: TemplateDraft) => Promise<void>;
  onCancel: () => void;
}

export function TemplateForm({ initial, title, editingVersion, previewProspect, onSave, onCancel }: TemplateFormProps) {
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [channel, setChannel] = useState<TemplateChannel>(initial.channel);
  const [subject, setSubject] = useState(initial.subject ?? '');
  const [body, setBody] = useState(initial.body);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  // Opening the form puts the caret in it (keyboard users) and brings it into view.
  useEffect(() => {
    nameRef.current?.focus({ preventScroll: true });
    nameRef.current?.closest('form')?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const draft: TemplateDraft = {
    name,
    channel,
    subject: channel === 'linkedin' ? null : subject || null,
    body,
    tags: tags.split(','),
  };
  const errors = validateDraft(draft);
  const vars = [...new Set([...parseTemplate(body).variables, ...parseTemplate(subject).variables])];
  const custom = vars.filter((v) => !(BUILTIN_VARIABLES as readonly string[]).includes(v));
  const values = prospectVariables(previewProspect);
  const preview = resolveTemplate(body, values);
  const previewSubject = draft.subject ? resolveTemplate(draft.subject, values).text : null;
  const textChanged =
    editingVersion !== undefined &&
    (body.trim() !== initial.body.trim() || (draft.subject ?? '') !== (initial.subject ?? ''));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (errors.length) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave(draft);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card tpl-form" onSubmit={submit} aria-label={title}>
      <h3 className="tpl-form-title">{title}</h3>
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
        />
      </div>
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-channel`}>
          Channel
        </label>
        <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as TemplateChannel)}>
          <option value="any">Email and LinkedIn</option>
          <option value="email">Email</option>
          <option value="linkedin">LinkedIn</option>
        </select>
      </div>
      {channel !== 'linkedin' && (
        <div className="field">
          <label className="tpl-label" htmlFor={`${id}-subject`}>
            Subject
          </label>
          <input
            id={`${id}-subject`}
            type="text"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            maxLength={1000}
          />
        </div>
      )}
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-body`}>
          Body
        </label>
        <textarea
          id={`${id}-body`}
          rows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-help`}
        />
      </div>
      <p id={`${id}-help`} className="muted small tpl-help">
        Variables: <code>{'{{firstName}}'}</code> <code>{'{{lastName}}'}</code> <code>{'{{company}}'}</code>{' '}
        <code>{'{{title}}'}</code>, any custom trait such as <code>{'{{event}}'}</code>, and a fallback for when a value
        is missing: <code>{'{{firstName|there}}'}</code>.
        {custom.length > 0 && (
          <> Custom here: {custom.map((c) => `{{${c}}}`).join(', ')} (filled from the prospect's traits).</>
        )}
      </p>
      <div className="field">
        <label className="tpl-label" htmlFor={`${id}-tags`}>
          Tags
        </label>
        <input
          id={`${id}-tags`}
          type="text"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          placeholder="cold, follow-up, Q3"
        />
      </div>
      {tried && errors.length > 0 && (
        <ul className="notice error tpl-errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {body.trim() && (
        <section className="tpl-preview" aria-label="Preview">
          <div className="muted small">
            Preview{' '}
            {previewProspect
              ? `for ${previewProspect.name || 'this prospect'}`
              : 'without a prospect (fallbacks shown)'}
          </div>
          {previewSubject && <div className="tpl-preview-subject">{previewSubject}</div>}
          <div className="tpl-preview-body">{preview.text}</div>
          {preview.missing.length > 0 && (
            <div className="small tpl-missing">Not filled: {preview.missing.map((m) => `{{${m}}}`).join(', ')}</div>
          )}
        </section>
      )}
      {textChanged && (
        <p className="muted small">
          Saving starts version {editingVersion! + 1}: its results are counted apart from v{editingVersion}.
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save template'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
