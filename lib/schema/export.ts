// The export file: a public contract (docs/design.md, "Export format"). Fields may be added in later
// versions; none is renamed or removed without a version bump and an importer for the old one.
import { z } from 'zod';
import {
  CallOutcome,
  Channel,
  Classification,
  DecisionSource,
  Direction,
  MAX_SHORT,
  MAX_TEXT,
  MessageKind,
  MessageStatus,
  ReplyIntent,
  Seniority,
  Stage,
  TemplateChannel,
  TemplateSource,
} from './model';

const short = z.string().max(MAX_SHORT);
/** Version 1's classes. A delay warning is written "auto-reply" with `inboundClass: "delay"`. */
const ClassificationV1 = z.enum(['human', 'auto-reply', 'bounce']);
const iso = z.string().datetime({ offset: true });

export const ExportProspect = z.object({
  id: z.string().min(1).max(200),
  name: short,
  emails: z.array(z.string().max(320)).max(50),
  linkedinUrl: z.string().max(500).nullable(),
  company: short.nullable(),
  title: short.nullable(),
  seniority: Seniority.nullable(),
  industry: short.nullable(),
  location: short.nullable(),
  stage: Stage,
  dealValue: z.number().finite().nullable(),
  traits: z.record(z.string().max(100), z.string().max(MAX_SHORT)),
  // Added fields (optional on import so files from other tools stay valid).
  linkedinMemberId: z.string().max(200).nullable().optional(),
  domain: short.nullable().optional(),
  headline: short.nullable().optional(),
  companySize: short.nullable().optional(),
  connectionDegree: z.number().int().min(1).max(3).nullable().optional(),
  connectedAt: iso.nullable().optional(),
  notes: z.string().max(MAX_TEXT).optional(),
  manualFields: z.array(z.string().max(50)).optional(),
  createdAt: iso.optional(),
  updatedAt: iso.optional(),
});

export const ExportThread = z.object({
  id: z.string().min(1).max(400),
  channel: Channel,
  externalId: z.string().max(400),
  prospectIds: z.array(z.string().max(200)).max(100),
  subject: short.nullable(),
  // Added field: the other ids the site knows this thread by (Gmail thread-a/thread-f/legacy forms).
  aliases: z.array(z.string().max(400)).max(50).optional(),
});

export const ExportMessage = z.object({
  id: z.string().min(1).max(400),
  channel: Channel,
  direction: Direction,
  kind: MessageKind,
  threadId: z.string().max(400),
  prospectId: z.string().max(200).nullable(),
  from: short,
  to: z.array(short).max(200),
  cc: z.array(short).max(200),
  subject: short.nullable(),
  text: z.string().max(MAX_TEXT),
  sentAt: iso,
  templateId: z.string().max(200).nullable(),
  templateSource: TemplateSource.nullable(),
  classification: ClassificationV1,
  // Added fields.
  templateVersion: z.number().int().nullable().optional(),
  templateScore: z.number().nullable().optional(),
  source: z.enum(['network', 'dom', 'manual', 'import']).optional(),
  externalId: z.string().max(400).optional(),
  /** Other ids the site knows this message by (draft id, legacy id, LinkedIn originToken). */
  aliases: z.array(z.string().max(400)).max(50).optional(),
  rfcMessageId: z.string().max(1000).nullable().optional(),
  inReplyTo: z.array(z.string().max(1000)).max(100).optional(),
  callOutcome: CallOutcome.nullable().optional(),
  /** Blind copies (Gmail): shown, never prospects. Absent = none. */
  bcc: z.array(short).max(200).optional(),
  /** 'scheduled': held by Gmail's "Schedule send", counted once `sentAt` is due. Absent = 'sent'. */
  status: MessageStatus.optional(),
  /** When a scheduled message was scheduled for (kept after it is sent); null = not known. */
  scheduledAt: iso.nullable().optional(),
  /** LinkedIn: the text as its author last edited it (`text` is the text first sent). Absent = not edited. */
  editedText: z.string().max(MAX_TEXT).optional(),
  /** LinkedIn invitation the user withdrew (left out of the acceptance numbers). Absent = not withdrawn. */
  withdrawnAt: iso.optional(),
  /** The finer class where `classification` cannot say it: "delay" (a delay warning). Absent = as `classification`. */
  inboundClass: Classification.optional(),
  /** Inbound: the rule that classified it (`bounce:sender`, `auto:ooo-text`, `human`…). */
  classificationRule: z.string().max(100).nullable().optional(),
  /** Inbound: "manual" when the user set the class by hand. */
  classificationSource: DecisionSource.optional(),
  /** Bounce or delay warning: the addresses it names as failed; [] = none named (the whole thread). */
  failedRecipients: z.array(z.string().max(320)).max(200).optional(),
  /** A person's reply: interested | not-interested | referral | later | other; null = not a person's reply. */
  intent: ReplyIntent.nullable().optional(),
  intentRule: z.string().max(100).nullable().optional(),
  intentSource: DecisionSource.nullable().optional(),
  /** A referral: the colleague's address the reply gives. */
  referral: z.string().max(320).nullable().optional(),
});

export const ExportTemplate = z.object({
  id: z.string().min(1).max(200),
  name: short.min(1),
  channel: TemplateChannel,
  subject: short.nullable(),
  body: z.string().max(MAX_TEXT),
  tags: z.array(z.string().max(100)).max(50),
  // Added fields.
  archived: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
  createdAt: iso.optional(),
  updatedAt: iso.optional(),
});

export const ExportFile = z.object({
  format: z.literal('sidelog-export'),
  version: z.literal(1),
  exportedAt: iso,
  prospects: z.array(ExportProspect),
  threads: z.array(ExportThread),
  messages: z.array(ExportMessage),
  templates: z.array(ExportTemplate),
});
export type ExportFile = z.infer<typeof ExportFile>;
