// The manual override of a message's template, for any view that lists messages (the Prospects
// timeline). Pure UI: the caller passes `onChange`, normally
//   (id) => setMessageTemplate(getDb(), message.id, id)   (lib/templates/store.ts)
// which stores `templateSource: 'manual'` and recomputes the thread's numbers.
import { useId, useState } from 'react';
import type { Message, Template } from '@/lib/schema/model';
import './templates.css';

export interface MessageTemplatePickerProps {
  message: Pick<Message, 'id' | 'templateId' | 'templateSource' | 'templateScore' | 'templateVersion'>;
  templates: readonly Pick<Template, 'id' | 'name' | 'archived'>[];
  onChange: (templateId: string | null) => Promise<void>;
}

export function sourceLabel(m: MessageTemplatePickerProps['message']): string {
  if (m.templateSource === 'inserted') return 'inserted from the panel';
  if (m.templateSource === 'detected') return `detected${m.templateScore != null ? ` (match ${Math.round(m.templateScore * 100)}%)` : ''}`;
  if (m.templateSource === 'manual') return 'set by you';
  return 'no template found';
}

export function MessageTemplatePicker({ message, templates, onChange }: MessageTemplatePickerProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Archived templates are offered only when this message already uses one.
  const options = templates.filter((t) => !t.archived || t.id === message.templateId);
  const unknown = message.templateId !== null && !options.some((t) => t.id === message.templateId);

  const change = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(value === '' ? null : value);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tpl-picker">
      <label htmlFor={id} className="small">
        Template
      </label>{' '}
      <select id={id} value={message.templateId ?? ''} disabled={busy} onChange={(e) => void change(e.target.value)}>
        <option value="">No template</option>
        {unknown && <option value={message.templateId!}>Deleted template</option>}
        {options.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>{' '}
      <span className="muted small">{sourceLabel(message)}</span>
      {error && (
        <span className="small tpl-missing" role="alert">
          {' '}
          {error}
        </span>
      )}
    </div>
  );
}
