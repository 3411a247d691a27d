// The user's word on an inbound message, from the timeline: what it is (human, automatic reply,
// bounce, delivery delayed) and, for a person's reply, what it means (intent). Like a template set
// by hand, a correction is `manual`: capture and later upgrades never override it
// (lib/replies/inbound.ts judgeInbound). The detected rule stays on the record, so Settings can say
// what the rules decided and how many decisions were corrected. Every number follows: the thread's
// summary is recomputed (its revision moves, the facts pick it up) and "db changed" is broadcast.
import { notifyDbChanged } from '../db/changes';
import type { SidelogDb } from '../db/db';
import { recomputeThread } from '../db/recompute';
import { messagesOfProspects } from '../records/prospect-messages';
import { inputOf, intentFields } from '../replies/inbound';
import type { Classification, Message, ReplyIntent } from '../schema/model';

export class CorrectionError extends Error {}

async function inboundMessage(db: SidelogDb, messageId: string): Promise<Message> {
  const m = await db.messages.get(messageId);
  if (!m) throw new CorrectionError(`No message ${messageId}`);
  if (m.direction !== 'inbound') throw new CorrectionError('Only a message that came in has a class and an intent.');
  return m;
}

/**
 * Sets an inbound message's class by hand. A message becoming a person's reply gets its intent
 * detected (unless one was set by hand); one that stops being one loses its detected intent. The
 * prospect's stage follows as ingestion would have set it: `contacted` → `replied` on a human reply,
 * back to `contacted` when the only human reply was this one (a stage set by hand stays).
 * `own`: the user's addresses (never a referral).
 */
export async function setMessageClass(
  db: SidelogDb,
  messageId: string,
  cls: Classification,
  own: readonly string[] = [],
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.messages, db.threads, db.prospects], async () => {
    const m = await inboundMessage(db, messageId);
    const intent = m.intentSource === 'manual' ? {} : intentFields(cls, inputOf(m), own);
    await db.messages.put({
      ...m,
      ...intent,
      classification: cls,
      classificationSource: 'manual',
      classificationRule: m.classificationRule ?? null,
      failedRecipients: m.failedRecipients ?? [],
      updatedAt: now,
    });
    await followStage(db, m, cls, now);
    await recomputeThread(db, m.threadId, now);
  });
  notifyDbChanged({ tables: ['messages', 'threads', 'prospects'] });
}

/** Sets a person's reply's intent by hand (the detected rule and the referral's address are kept). */
export async function setMessageIntent(
  db: SidelogDb,
  messageId: string,
  intent: ReplyIntent,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.messages, db.threads], async () => {
    const m = await inboundMessage(db, messageId);
    if (m.classification !== 'human')
      throw new CorrectionError('Only a person’s reply has an intent: mark it human first.');
    await db.messages.put({
      ...m,
      intent,
      intentSource: 'manual',
      intentRule: m.intentRule ?? null,
      referral: m.referral ?? null,
      updatedAt: now,
    });
    await recomputeThread(db, m.threadId, now);
  });
  notifyDbChanged({ tables: ['messages', 'threads'] });
}

async function followStage(db: SidelogDb, m: Message, cls: Classification, now: number): Promise<void> {
  if (!m.prospectId || (cls === 'human') === (m.classification === 'human')) return;
  const p = await db.prospects.get(m.prospectId);
  if (!p || p.manualFields.includes('stage')) return;
  if (cls === 'human' && p.stage === 'contacted') {
    await db.prospects.put({ ...p, stage: 'replied', updatedAt: now });
    return;
  }
  if (cls !== 'human' && p.stage === 'replied') {
    const others = (await messagesOfProspects(db, [p.id])).filter(
      (x) => x.id !== m.id && x.direction === 'inbound' && x.classification === 'human',
    ).length;
    if (others === 0) await db.prospects.put({ ...p, stage: 'contacted', updatedAt: now });
  }
}
