// One message or call of a prospect's timeline: channel, direction, time, badges, recipients,
// subject and text; for a message sent the template it came from, for a message received what it is
// (human, automatic reply, bounce, delivery delayed) and what a person's reply means (intent). The
// user may correct each: a correction is kept and every number follows.
import { scheduledPending } from '@/lib/insights/prospects';
import type { Classification, Message, ReplyIntent, Template } from '@/lib/schema/model';
import { channelLabel, dateText, dateTimeText } from '@/components/insights/format';
import { useMessageJudgement, useMessageTemplate } from './use-prospect-page';

const CLASS_LABEL: Record<Classification, string> = {
  human: 'human',
  'auto-reply': 'auto-reply',
  bounce: 'bounce',
  delay: 'delivery delayed',
};
const INTENT_LABEL: Record<ReplyIntent, string> = {
  interested: 'interested',
  'not-interested': 'not interested',
  referral: 'referral / wrong person',
  later: 'later / not now',
  other: 'other',
};

/** "to A, B · cc C · bcc D": who an email went to, blind copies included (never prospects); a
 *  recipient by name when the address book had one (`full`: every address, for the tooltip). */
function timelineRecipients(m: Message, full = false): string {
  const who = (l: string) => (full ? l : (/^(.+?)\s*<[^>]+>$/.exec(l)?.[1] ?? l));
  const part = (label: string, list: readonly string[] | undefined) =>
    list?.length ? `${label} ${list.map(who).join(', ')}` : '';
  return [part('to', m.to), part('cc', m.cc), part('bcc', m.bcc)].filter(Boolean).join(' · ');
}

export function TimelineItem({ m, templates, now }: { m: Message; templates: Template[]; now: number }) {
  const isCall = m.kind === 'call' || m.kind === 'voicemail';
  const { busy, err, choose } = useMessageTemplate(m.id);
  const options = templates.filter((t) => !t.archived || t.id === m.templateId);
  // Gmail "Schedule send": held by Gmail until its time, counted from then (the numbers are taken at now).
  const pending = scheduledPending(m, now);
  const recipients = m.direction === 'outbound' && m.kind === 'email' ? timelineRecipients(m) : '';
  return (
    <li className={m.direction === 'outbound' ? 'out' : 'in'} data-status={m.status ?? 'sent'}>
      <div className="meta small">
        <span className={`ch ch-${isCall ? 'call' : m.channel}`}>{isCall ? 'Call' : channelLabel(m.channel)}</span>
        <span>
          {m.direction === 'outbound'
            ? isCall
              ? 'You called'
              : pending
                ? 'You scheduled'
                : 'You wrote'
            : 'They wrote'}
        </span>
        <span className="muted" title={dateText(m.sentAt)}>
          {m.status === 'scheduled' && m.scheduledAt == null ? 'time not known' : dateTimeText(m.sentAt)}
        </span>
        {m.scheduledAt !== undefined && (
          <span
            className="badge sched"
            data-testid="scheduled-badge"
            title="Sent with Gmail's Schedule send: counted from its scheduled time."
          >
            {pending ? 'scheduled, not sent yet' : 'scheduled send'}
          </span>
        )}
        {m.kind === 'linkedin-invite' && <span className="badge">invitation</span>}
        {m.withdrawnAt != null && (
          <span
            className="badge"
            data-testid="withdrawn-badge"
            title="You withdrew this invitation: it is left out of the acceptance numbers."
          >
            withdrawn
          </span>
        )}
        {m.classification === 'bounce' && <span className="badge bounce">bounce</span>}
        {m.classification === 'auto-reply' && <span className="badge auto">auto-reply</span>}
        {m.classification === 'delay' && (
          <span
            className="badge auto"
            title="A mail system is still trying to deliver your message: not a bounce, the thread stays in the rates."
          >
            delivery delayed
          </span>
        )}
        {m.direction === 'inbound' && m.classification === 'human' && m.intent && (
          <span className={`badge intent-${m.intent}`}>{INTENT_LABEL[m.intent]}</span>
        )}
        {isCall && (
          <span className="badge">{m.kind === 'voicemail' ? 'voicemail' : (m.callOutcome ?? 'no-answer')}</span>
        )}
      </div>
      {recipients && (
        <div className="small muted recipients" title={timelineRecipients(m, true)}>
          {recipients}
        </div>
      )}
      {m.subject && (
        <div className="small">
          <strong>{m.subject}</strong>
        </div>
      )}
      {/* LinkedIn: the text as last edited, marked; the text first sent (what template attribution reads) in its tooltip. */}
      {m.editedText !== undefined ? (
        <div className="text small" data-testid="edited-text" title={`Edited on LinkedIn. First sent as: ${m.text}`}>
          {m.editedText} <span className="badge">edited</span>
        </div>
      ) : (
        m.text && <div className="text small">{m.text}</div>
      )}
      {m.direction === 'inbound' && !isCall && <Judgement m={m} />}
      {m.direction === 'outbound' && !isCall && (
        <label className="small muted">
          Template:{' '}
          <select
            className="tpl-pick"
            aria-label="Template of this message"
            disabled={busy}
            value={m.templateId ?? ''}
            // Recomputes the thread summary and broadcasts "db changed": every number follows.
            onChange={(e) => void choose(e.target.value || null)}
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

/** What an inbound message is and means, as detected or set by hand, with the controls to correct it. */
function Judgement({ m }: { m: Message }) {
  const { busy, err, setClass, setIntent } = useMessageJudgement(m.id);
  const failed =
    (m.classification === 'bounce' || m.classification === 'delay') && m.failedRecipients?.length
      ? m.failedRecipients
      : null;
  return (
    <div className="judgement small muted">
      <label>
        Is:{' '}
        <select
          aria-label="What this message is"
          data-testid="message-class"
          disabled={busy}
          value={m.classification}
          // Kept against capture; recomputes the thread's numbers.
          onChange={(e) => void setClass(e.target.value as Classification)}
        >
          {(Object.keys(CLASS_LABEL) as Classification[]).map((c) => (
            <option key={c} value={c}>
              {CLASS_LABEL[c]}
            </option>
          ))}
        </select>
        <span data-testid="message-class-source"> ({m.classificationSource ?? 'detected'})</span>
      </label>
      {m.classification === 'human' && (
        <label>
          {' '}
          Intent:{' '}
          <select
            aria-label="What this reply means"
            data-testid="message-intent"
            disabled={busy}
            value={m.intent ?? ''}
            onChange={(e) => e.target.value && void setIntent(e.target.value as ReplyIntent)}
          >
            {!m.intent && <option value="">not read yet</option>}
            {(Object.keys(INTENT_LABEL) as ReplyIntent[]).map((x) => (
              <option key={x} value={x}>
                {INTENT_LABEL[x]}
              </option>
            ))}
          </select>
          {m.intentSource && <span data-testid="message-intent-source"> ({m.intentSource})</span>}
        </label>
      )}
      {m.classification === 'human' && m.referral && (
        <div data-testid="message-referral">
          Refers you to <strong>{m.referral}</strong>
        </div>
      )}
      {failed && (
        <div data-testid="message-failed">
          {m.classification === 'delay' ? 'Delayed for' : 'Bounced for'} {failed.join(', ')}
        </div>
      )}
      {err && <span className="notice error">{err}</span>}
    </div>
  );
}
