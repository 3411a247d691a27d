// Per-thread facts, recomputed from a thread's messages whenever one of them changes. Analytics
// reads these summaries (20k threads) instead of scanning every message (100k). The summary holds
// facts only; definitions that depend on settings (the reply window) or on the time (a scheduled
// message not due yet) are applied in lib/analytics.
//
// In lib/records (pure rules below the database), not in lib/ingest: every writer of threads keeps
// it, so one definition serves them all: ingestion's working set at its commit, the v2 and v3
// upgrades (lib/db), a thread recomputed after a hand edit (lib/db/recompute.ts), the JSON import.
//
// Fields added later (bouncedRecipients, delayed, firstReplyIntent, firstPositiveAt) are written
// only when they say something, so a thread they say nothing about keeps the summary it had.
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
export const isCounted = (m: Pick<Message, 'status' | 'scheduledAt'>) =>
  m.status !== 'scheduled' || m.scheduledAt != null;

/** The address of a recipient label ("Ada <ada@acme.com>" or "ada@acme.com"), lower case; null without one. */
export function addressOf(label: string): string | null {
  const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(label) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(label);
  return m ? m[1].toLowerCase() : null;
}

/** Every address the user wrote to in these messages (to and cc of outbound written messages), lower case. */
export function recipientsOf(messages: readonly Message[]): string[] {
  const out = new Set<string>();
  for (const m of messages) {
    if (m.direction !== 'outbound' || !isWritten(m)) continue;
    for (const l of m.to) {
      const a = addressOf(l);
      if (a) out.add(a);
    }
    for (const l of m.cc) {
      const a = addressOf(l);
      if (a) out.add(a);
    }
  }
  return [...out];
}

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
  // Bounces by recipient: a report naming addresses bounces those; one naming none, the thread.
  const failed = new Set<string>();
  let bouncedWhole = false;
  let delayed = false;
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
    if (m.classification === 'bounce') {
      delayed = false;
      if (m.failedRecipients?.length) for (const a of m.failedRecipients) failed.add(a.toLowerCase());
      else bouncedWhole = true;
    } else if (m.classification === 'delay') delayed = true;
    else if (m.classification === 'auto-reply') {
      // An automatic reply comes from the recipient's mailbox: the mail got there.
      delayed = false;
      s.autoReplyCount++;
    } else {
      // A person wrote: delivery works (a delay warning before it is old news).
      delayed = false;
      if (s.firstOutboundAt === null) continue;
      if (s.firstReplyAt === null) {
        s.firstReplyAt = m.sentAt;
        s.firstReplyMessageId = m.id;
        s.replyCreditTemplateId = lastOutbound?.templateId ?? null;
        s.replyCreditTemplateVersion = lastOutbound?.templateId ? lastOutbound.templateVersion : null;
        s.replyCreditStep = s.outboundCount;
        if (m.intent) s.firstReplyIntent = m.intent;
      }
      if (s.firstPositiveAt === undefined && m.intent === 'interested') s.firstPositiveAt = m.sentAt;
    }
  }
  if (failed.size) {
    s.bouncedRecipients = [...failed].sort();
    // Every address written to bounced: the thread did, as a whole.
    const sent = recipientsOf(written);
    if (!sent.length || sent.every((a) => failed.has(a))) bouncedWhole = true;
  }
  s.bounced = bouncedWhole;
  if (delayed) s.delayed = true;
  // Activity counts every outbound message and call, in time order.
  for (const m of [...messages].sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id))) {
    if (m.direction !== 'outbound') continue;
    const call = m.kind === 'voicemail' ? 'voicemail' : m.kind === 'call' ? (m.callOutcome ?? 'no-answer') : null;
    s.sends.push({ at: m.sentAt, templateId: call ? null : m.templateId, call });
  }
  // LinkedIn invitations, for the acceptance numbers (a withdrawn one stays, marked).
  for (const m of written)
    if (m.kind === 'linkedin-invite' && m.direction === 'outbound')
      s.invites!.push({ at: m.sentAt, withdrawnAt: m.withdrawnAt ?? null });
  const last = [...written].reverse().find((m) => m.direction === 'outbound' || m.classification === 'human');
  s.awaitingUser = !!last && last.direction === 'inbound';
  return s;
}
