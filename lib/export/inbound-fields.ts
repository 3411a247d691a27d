// The export file's fields for what an inbound message is and means (issue 11), both ways. Version 1
// of the file knows three classes (`classification`: human | auto-reply | bounce): a reader of
// version 1 must never meet a new value there, so a delay warning is written as `"auto-reply"` (an
// automatic message: not a reply, not a bounce, the thread stays in every denominator, exactly what
// a delay means) and the finer class goes in the optional `inboundClass`. The other fields are
// optional and written when the message has them; the import puts them back as they were.
import { inputOf, intentFields } from '../replies/inbound';
import type { ExportFile } from '../schema/export';
import type { Classification, Message } from '../schema/model';

type ExportMessage = ExportFile['messages'][number];
export type ClassificationV1 = ExportMessage['classification'];

/** The class as version 1 of the file says it. */
export const classificationV1 = (c: Classification): ClassificationV1 => (c === 'delay' ? 'auto-reply' : c);

/** The optional fields of an exported message (absent when the message has none). */
export function exportInbound(m: Message): Partial<ExportMessage> {
  const out: Partial<ExportMessage> = {};
  if (classificationV1(m.classification) !== m.classification) out.inboundClass = m.classification;
  if (m.classificationRule !== undefined) out.classificationRule = m.classificationRule;
  if (m.classificationSource !== undefined) out.classificationSource = m.classificationSource;
  if (m.failedRecipients !== undefined) out.failedRecipients = m.failedRecipients;
  if (m.intent !== undefined) out.intent = m.intent;
  if (m.intentRule !== undefined) out.intentRule = m.intentRule;
  if (m.intentSource !== undefined) out.intentSource = m.intentSource;
  if (m.referral !== undefined) out.referral = m.referral;
  return out;
}

/**
 * The stored fields of an imported message: the finer class over the version-1 one, the rest as the
 * file has them. A person's reply the file gives no intent (a file from before intents, or from
 * another tool) gets it detected, as the schema v4 upgrade does for stored mail.
 */
export function importInbound(m: ExportMessage): Partial<Message> {
  const out: Partial<Message> = { classification: m.inboundClass ?? m.classification };
  if (m.classificationRule !== undefined) out.classificationRule = m.classificationRule;
  if (m.classificationSource !== undefined) out.classificationSource = m.classificationSource;
  if (m.failedRecipients !== undefined) out.failedRecipients = m.failedRecipients;
  if (m.intent !== undefined) out.intent = m.intent;
  if (m.intentRule !== undefined) out.intentRule = m.intentRule;
  if (m.intentSource !== undefined) out.intentSource = m.intentSource;
  if (m.referral !== undefined) out.referral = m.referral;
  if (
    m.intent === undefined &&
    m.direction === 'inbound' &&
    out.classification === 'human' &&
    m.kind !== 'call' &&
    m.kind !== 'voicemail'
  ) {
    Object.assign(out, intentFields('human', inputOf(m), []));
  }
  return out;
}
