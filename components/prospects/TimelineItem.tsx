import { useState } from 'react';
import { getDb } from '@/lib/db/db';
import type { Message, Template } from '@/lib/schema/model';
import { setMessageTemplate } from '@/lib/templates/store';
import { channelLabel, dateText, dateTimeText } from '@/components/insights/format';

/** "to A, B · cc C · bcc D": who an email went to, blind copies included (never prospects); a
 *  recipient by name when the address book had one (`full`: every address, for the tooltip). */
function timelineRecipients(m: Message, full = false): string {
  const who = (l: string) => (full ? l : (/^(.+?)\s*<[^>]+>$/.exec(l)?.[1] ?? l));
  const part = (label: string, list: readonly string[] | undefined) => (list?.length ? `${label} ${list.map(who).join(', ')}` : '');
  return [part('to', m.to), part('cc', m.cc), part('bcc', m.bcc)].filter(Boolean).join(' · ');
}

export function TimelineItem({ m, templates }: { m: Message; templates: Template[] }) {
  const isCall = m.kind === 'call' || m.kind === 'voicemail';
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const options = templates.filter((t) => !t.archived || t.id === m.templateId);
  // Gmail "Schedule send": held by Gmail until its time, counted from then (the numbers are taken at now).
  const pending = m.status === 'scheduled' && (m.scheduledAt == null || m.sentAt > Date.now());
  const recipients = m.direction === 'outbound' && m.kind === 'email' ? timelineRecipients(m) : '';
  return (
    <li className={m.direction === 'outbound' ? 'out' : 'in'} data-status={m.status ?? 'sent'}>
      <div className="meta small">
        <span className={`ch ch-${isCall ? 'call' : m.channel}`}>{isCall ? 'Call' : channelLabel(m.channel)}</span>
        <span>{m.direction === 'outbound' ? (isCall ? 'You called' : pending ? 'You scheduled' : 'You wrote') : 'They wrote'}</span>
        <span className="muted" title={dateText(m.sentAt)}>
          {m.status === 'scheduled' && m.scheduledAt == null ? 'time not known' : dateTimeText(m.sentAt)}
        </span>
        {m.scheduledAt !== undefined && (
          <span className="badge sched" data-testid="scheduled-badge" title="Sent with Gmail's Schedule send: counted from its scheduled time.">
            {pending ? 'scheduled, not sent yet' : 'scheduled send'}
          </span>
        )}
        {m.kind === 'linkedin-invite' && <span className="badge">invitation</span>}
        {m.classification === 'bounce' && <span className="badge bounce">bounce</span>}
        {m.classification === 'auto-reply' && <span className="badge auto">auto-reply</span>}
        {isCall && <span className="badge">{m.kind === 'voicemail' ? 'voicemail' : (m.callOutcome ?? 'no-answer')}</span>}
      </div>
      {recipients && <div className="small muted recipients" title={timelineRecipients(m, true)}>{recipients}</div>}
      {m.subject && <div className="small"><strong>{m.subject}</strong></div>}
      {m.text && <div className="text small">{m.text}</div>}
      {m.direction === 'outbound' && !isCall && (
        <label className="small muted">
          Template:{' '}
          <select
            className="tpl-pick"
            aria-label="Template of this message"
            disabled={busy}
            value={m.templateId ?? ''}
            onChange={async (e) => {
              setBusy(true);
              setErr(null);
              try {
                // Recomputes the thread summary and broadcasts "db changed": every number follows.
                await setMessageTemplate(getDb(), m.id, e.target.value || null);
              } catch (x) {
                setErr(String(x));
              } finally {
                setBusy(false);
              }
            }}
          >
            <option value="">No template</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {m.templateSource && m.templateId && <span> ({m.templateSource})</span>}
          {err && <span className="notice error">{err}</span>}
        </label>
      )}
    </li>
  );
}
