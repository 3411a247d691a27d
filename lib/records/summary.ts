// Per-thread facts, recomputed from a thread's messages whenever one of them changes. Analytics
// reads these summaries (20k threads) instead of scanning every message (100k). The summary holds
// facts only; definitions that depend on settings (the reply window) or on the time (a scheduled
// message not due yet) are applied in lib/analytics.
//
// In lib/records (pure rules below the database), not in lib/ingest: every writer of threads keeps
// it, so one definition serves them all: ingestion's working set at its commit, the v2 and v3
// upgrades (lib/db), a thread recomputed after a hand edit (lib/db/recompute.ts), the JSON import.
import type { Message, ThreadSummary } from '../schema/model';

/** Logged calls and voicemails are activity, not written outreach: they do not open or answer a thread. */
export const isWritten = (m: Pick<Message, 'kind'>) => m.kind !== 'call' && m.kind !== 'voicemail';

/**
 * A scheduled message (Gmail "Schedule send") is summarised like a sent one dated by its due time
 * (`sentAt` = `scheduledAt`): the facts hold it, and every number counts it only once that time is
 * not after `now` (lib/analytics: units, activity, steps, template uses) — so a due time passing
 * makes it count with no new event. One scheduled with no known due time is left out until Gmail
 * shows it sent.
 */
export const isCounted = (m: Pick<Message, 'status' | 'scheduledAt'>) => m.status !== 'scheduled' || m.scheduledAt != null;

export function summarizeThread(all: readonly Message[]): ThreadSummary {
  const messages = all.filter(isCounted);
  const written = messages.filter(isWritten).sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id));
  const s: ThreadSummary = {
    firstMessageAt: null,
    firstDirection: null,
    firstOutboundAt: null,
    firstOutboundMessageId: null,
    firstTemplateId: null,
    firstTemplateVersion: null,
    outboundCount: 0,
    inboundCount: 0,
    lastOutboundAt: null,
    lastInboundAt: null,
    firstReplyAt: null,
    firstReplyMessageId: null,
    replyCreditTemplateId: null,
    replyCreditTemplateVersion: null,
    replyCreditStep: null,
    autoReplyCount: 0,
    bounced: false,
    awaitingUser: false,
    sends: [],
    invites: [],
  };
  let lastOutbound: Message | null = null;
  for (const m of written) {
    if (s.firstMessageAt === null) {
      s.firstMessageAt = m.sentAt;
      s.firstDirection = m.direction;
    }
    if (m.direction === 'outbound') {
      s.outboundCount++;
      s.lastOutboundAt = m.sentAt;
      if (s.firstOutboundAt === null) {
        s.firstOutboundAt = m.sentAt;
        s.firstOutboundMessageId = m.id;
        s.firstTemplateId = m.templateId;
        s.firstTemplateVersion = m.templateId ? m.templateVersion : null;
      }
      if (s.firstReplyAt === null) lastOutbound = m;
      continue;
    }
    s.inboundCount++;
    s.lastInboundAt = m.sentAt;
    if (m.classification === 'bounce') s.bounced = true;
    else if (m.classification === 'auto-reply') s.autoReplyCount++;
    else if (s.firstReplyAt === null && s.firstOutboundAt !== null) {
      s.firstReplyAt = m.sentAt;
      s.firstReplyMessageId = m.id;
      s.replyCreditTemplateId = lastOutbound?.templateId ?? null;
      s.replyCreditTemplateVersion = lastOutbound?.templateId ? lastOutbound.templateVersion : null;
      s.replyCreditStep = s.outboundCount;
    }
  }
  // Activity counts every outbound message and call, in time order.
  for (const m of [...messages].sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id))) {
    if (m.direction !== 'outbound') continue;
    const call = m.kind === 'voicemail' ? 'voicemail' : m.kind === 'call' ? (m.callOutcome ?? 'no-answer') : null;
    s.sends.push({ at: m.sentAt, templateId: call ? null : m.templateId, call });
  }
  // LinkedIn invitations, for the acceptance numbers (a withdrawn one stays, marked).
  for (const m of written) if (m.kind === 'linkedin-invite' && m.direction === 'outbound') s.invites!.push({ at: m.sentAt, withdrawnAt: m.withdrawnAt ?? null });
  const last = [...written].reverse().find((m) => m.direction === 'outbound' || m.classification === 'human');
  s.awaitingUser = !!last && last.direction === 'inbound';
  return s;
}
