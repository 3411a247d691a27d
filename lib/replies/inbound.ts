// What a stored inbound message is and means: its class (classify.ts) with the rule and the failed
// recipients, and for a person's reply its intent (intent.ts) with the referral's address. One
// function for every writer: ingestion (lib/ingest/messages.ts), the schema v4 upgrade that judges
// messages stored before (lib/db/upgrade-v4.ts), the import of files without these fields, and a
// correction by hand (lib/prospects/corrections.ts). A decision the user made by hand
// (`classificationSource` / `intentSource` 'manual') is kept as it is: nothing here overrides it.
import type { Classification, Message } from '../schema/model';
import { classifyInboundDetailed } from './classify';
import { detectIntent } from './intent';

/** The fields this module decides. */
export type InboundFields = Pick<
  Message,
  | 'classification'
  | 'classificationRule'
  | 'classificationSource'
  | 'failedRecipients'
  | 'intent'
  | 'intentRule'
  | 'intentSource'
  | 'referral'
>;

export interface InboundContext {
  /** The thread's own subject (what the user wrote about). */
  threadSubject: string | null;
  /** Every address the user wrote to in the thread (to and cc), lower case. */
  sentTo: readonly string[];
  /** The user's own addresses (never a referral). */
  own: readonly string[];
}

/** The sender of a stored message: "Ada Lovelace <ada@acme.com>" → its address and name. */
export function senderOf(label: string): { email: string | null; name: string | null } {
  const m = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(label);
  if (m) return { email: m[2].toLowerCase(), name: m[1].replace(/^"|"$/g, '') || null };
  const bare = label.trim();
  return /^[^\s@]+@[^\s@]+$/.test(bare)
    ? { email: bare.toLowerCase(), name: null }
    : { email: null, name: bare || null };
}

export interface InboundInput {
  fromEmail: string | null;
  fromName: string | null;
  subject: string | null;
  text: string;
}

/** The message's sender, subject and text as the rules read them. */
export const inputOf = (m: Pick<Message, 'from' | 'subject' | 'text'>): InboundInput => {
  const s = senderOf(m.from);
  return { fromEmail: s.email, fromName: s.name, subject: m.subject, text: m.text };
};

/** The intent fields of a message of class `cls` (a person's reply is judged; other classes have none). */
export function intentFields(
  cls: Classification,
  input: Pick<InboundInput, 'fromEmail' | 'text'>,
  own: readonly string[],
): Pick<InboundFields, 'intent' | 'intentRule' | 'intentSource' | 'referral'> {
  if (cls !== 'human') return { intent: null, intentRule: null, intentSource: null, referral: null };
  const r = detectIntent({ text: input.text, fromEmail: input.fromEmail, ignoreAddresses: own });
  return { intent: r.intent, intentRule: r.rule, intentSource: 'detected', referral: r.referral };
}

/**
 * Class and intent of an inbound message, keeping what the user set by hand in `prev` (the stored
 * record, if any): a manual class stays with its rule and failed recipients; a manual intent stays.
 */
export function judgeInbound(
  input: InboundInput,
  ctx: InboundContext,
  prev?: Partial<InboundFields> | null,
): InboundFields {
  let cls: Pick<InboundFields, 'classification' | 'classificationRule' | 'classificationSource' | 'failedRecipients'>;
  if (prev?.classificationSource === 'manual' && prev.classification) {
    cls = {
      classification: prev.classification,
      classificationRule: prev.classificationRule ?? null,
      classificationSource: 'manual',
      failedRecipients: prev.failedRecipients ?? [],
    };
  } else {
    const v = classifyInboundDetailed({
      ...input,
      threadSubject: ctx.threadSubject,
      sentTo: ctx.sentTo.length ? ctx.sentTo : null,
    });
    cls = {
      classification: v.class,
      classificationRule: v.rule,
      classificationSource: 'detected',
      failedRecipients: v.failedRecipients,
    };
  }
  const intent =
    prev?.intentSource === 'manual' && prev.intent
      ? {
          intent: prev.intent,
          intentRule: prev.intentRule ?? null,
          intentSource: 'manual' as const,
          referral: prev.referral ?? null,
        }
      : intentFields(cls.classification, input, ctx.own);
  return { ...cls, ...intent };
}

/** The class a rule stands for ('bounce:text' → bounce, 'auto:…' → auto-reply, 'delay:…' → delay). */
export function classOfRule(rule: string | null | undefined): Classification | null {
  if (!rule) return null;
  if (rule === 'human') return 'human';
  if (rule.startsWith('bounce:')) return 'bounce';
  if (rule.startsWith('delay:')) return 'delay';
  if (rule.startsWith('auto:')) return 'auto-reply';
  return null;
}
