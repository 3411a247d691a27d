// The stored data model. zod is the single source of the types (docs/design.md, "Data model").
import { z } from 'zod';

export const MAX_TEXT = 20_000; // bounded message text: enough for any outreach email, not a 5 MB paste
export const MAX_SHORT = 1_000;

export const Channel = z.enum(['gmail', 'linkedin']);
export type Channel = z.infer<typeof Channel>;

export const Direction = z.enum(['outbound', 'inbound']);
export type Direction = z.infer<typeof Direction>;

export const MessageKind = z.enum(['email', 'linkedin-message', 'linkedin-invite', 'inmail', 'call', 'voicemail']);
export type MessageKind = z.infer<typeof MessageKind>;

export const TemplateSource = z.enum(['inserted', 'detected', 'manual']);
export type TemplateSource = z.infer<typeof TemplateSource>;

/**
 * What an inbound message is (lib/replies/classify.ts): a person, an automatic reply, a bounce
 * (non-delivery report), or a delay warning (delivery still being attempted: not a bounce). The
 * export file's version 1 has no 'delay' (lib/schema/export.ts writes it as an automatic message).
 */
export const Classification = z.enum(['human', 'auto-reply', 'bounce', 'delay']);
export type Classification = z.infer<typeof Classification>;

/** Who decided a message's class or intent: the rules, or the user on the timeline (never overridden). */
export const DecisionSource = z.enum(['detected', 'manual']);
export type DecisionSource = z.infer<typeof DecisionSource>;

/** What a person's reply means (lib/replies/intent.ts). */
export const ReplyIntent = z.enum(['interested', 'not-interested', 'referral', 'later', 'other']);
export type ReplyIntent = z.infer<typeof ReplyIntent>;

export const SourceLayer = z.enum(['network', 'dom', 'manual', 'import']);
export type SourceLayer = z.infer<typeof SourceLayer>;

export const Stage = z.enum(['contacted', 'replied', 'qualified', 'meeting', 'won', 'lost']);
export type Stage = z.infer<typeof Stage>;
export const STAGE_ORDER: Stage[] = ['contacted', 'replied', 'qualified', 'meeting', 'won'];

export const Seniority = z.enum(['c-level', 'founder', 'vp', 'director', 'manager', 'senior', 'individual', 'intern']);
export type Seniority = z.infer<typeof Seniority>;

export const CallOutcome = z.enum(['connected', 'voicemail', 'no-answer']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** A written outbound message is sent, or scheduled (Gmail "Schedule send") and not yet sent. */
export const MessageStatus = z.enum(['sent', 'scheduled']);
export type MessageStatus = z.infer<typeof MessageStatus>;

const shortText = z.string().max(MAX_SHORT);
const nullableShort = shortText.nullable();

export const Prospect = z.object({
  id: z.string().min(1).max(200),
  name: shortText,
  emails: z.array(z.string().max(320)).max(50),
  linkedinUrl: z.string().max(500).nullable(),
  linkedinMemberId: z.string().max(200).nullable().default(null),
  company: nullableShort,
  domain: nullableShort.default(null),
  title: nullableShort,
  headline: nullableShort.default(null),
  seniority: Seniority.nullable(),
  industry: nullableShort,
  location: nullableShort,
  companySize: nullableShort.default(null),
  connectionDegree: z.number().int().min(1).max(3).nullable().default(null),
  /** When a LinkedIn invitation the user sent was seen accepted. */
  connectedAt: z.number().nullable().default(null),
  stage: Stage,
  dealValue: z.number().finite().nullable(),
  traits: z.record(z.string().max(100), z.string().max(MAX_SHORT)),
  notes: z.string().max(MAX_TEXT).default(''),
  /** Fields the user set by hand: capture never overwrites them. */
  manualFields: z.array(z.string().max(50)).default([]),
  createdAt: z.number().default(0),
  updatedAt: z.number().default(0),
  /**
   * Lookup keys, one per id the person is known by (lib/records/keys.ts): `email:<addr>`,
   * `li:<public-id>`, `lim:<ACoA… member id>`, `linum:<numeric member id>`.
   */
  keys: z.array(z.string().max(400)).default([]),
  /**
   * Keys of the current company (lib/prospects/company.ts): `co:li:<slug>` / `co:id:<n>` when the
   * profile links the company page, else `co:name:<normalised name>`. A company page visited links
   * its industry, size and headquarters to every prospect whose keys it shares.
   */
  companyKeys: z.array(z.string().max(400)).max(20).optional(),
  /** The company (id in the `companies` table) whose page filled industry, size and HQ. */
  companyTraitsFrom: z.string().max(400).nullable().optional(),
  /** Headquarters of the current company, from its LinkedIn page. */
  companyHq: nullableShort.optional(),
});
export type Prospect = z.infer<typeof Prospect>;

/** A company as its LinkedIn page (`/company/<slug>/`, About tab) shows it. */
export const Company = z.object({
  id: z.string().min(1).max(400),
  name: shortText,
  /** `co:li:<slug>`, `co:id:<numeric id>`, `co:name:<normalised name>`. */
  keys: z.array(z.string().max(400)).max(50),
  linkedinUrl: z.string().max(500).nullable(),
  industry: nullableShort,
  /** LinkedIn's size band, e.g. "51-200" (employees). */
  companySize: nullableShort,
  headquarters: nullableShort,
  seenAt: z.number(),
  updatedAt: z.number(),
});
export type Company = z.infer<typeof Company>;

/** Why two prospect records were folded into one. */
export const MergeReason = z.enum(['sighting', 'profile', 'contact-info', 'manual', 'upgrade', 'import']);
export type MergeReason = z.infer<typeof MergeReason>;

/** One field where the two records disagreed, and which value the merged record kept. */
export const MergeChoice = z.object({
  field: z.string(),
  kept: z.unknown(),
  dropped: z.unknown(),
  /** Whose value was kept: the surviving record's or the folded one's. */
  from: z.enum(['kept', 'merged']),
  /** manual (set by hand), richer (further stage, a real name over a placeholder), later (the record updated last), earliest (first connection), joined (notes). */
  rule: z.enum(['manual', 'richer', 'later', 'earliest', 'joined']),
});
export type MergeChoice = z.infer<typeof MergeChoice>;

/**
 * The merge log (table `merges`): every fold of one prospect into another, with both records as
 * they were, what moved and which value won where they disagreed. Auditable, and undoable
 * (lib/prospects/merge.ts undoMerge) while the moved rows still point at the surviving record.
 */
export const MergeRecord = z.object({
  id: z.string(),
  at: z.number(),
  reason: MergeReason,
  /** The ids that proved it (the keys a sighting named, or "manual"). */
  evidence: z.array(z.string()).max(20),
  keptId: z.string(),
  mergedId: z.string(),
  before: z.object({ kept: Prospect, merged: Prospect }),
  choices: z.array(MergeChoice),
  movedMessages: z.array(z.string()),
  /** Threads whose prospect list changed, with the list as it was. */
  movedThreads: z.array(z.object({ id: z.string(), prospectIds: z.array(z.string()) })),
  undoneAt: z.number().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

/**
 * One outbound message or logged call of a thread, for the activity charts (per day, channel,
 * template tag; calls by outcome). `call` is null for a written message.
 */
export const SendFact = z.object({
  at: z.number(),
  templateId: z.string().nullable(),
  call: CallOutcome.nullable(),
});
export type SendFact = z.infer<typeof SendFact>;

/**
 * A LinkedIn invitation (with a note: the ones logged as messages) of a thread, for the acceptance
 * numbers (lib/analytics/acceptance.ts). `withdrawnAt`: the user withdrew it (it leaves the
 * acceptance denominator).
 */
export const InviteFact = z.object({
  at: z.number(),
  withdrawnAt: z.number().nullable(),
});
export type InviteFact = z.infer<typeof InviteFact>;

/** Per-thread facts kept up to date at ingestion, so analytics never has to scan every message. */
export const ThreadSummary = z.object({
  firstMessageAt: z.number().nullable(),
  firstDirection: Direction.nullable(),
  firstOutboundAt: z.number().nullable(),
  firstOutboundMessageId: z.string().nullable(),
  firstTemplateId: z.string().nullable(),
  firstTemplateVersion: z.number().nullable(),
  outboundCount: z.number().int(),
  inboundCount: z.number().int(),
  lastOutboundAt: z.number().nullable(),
  lastInboundAt: z.number().nullable(),
  /** First inbound human message after the first outbound one. */
  firstReplyAt: z.number().nullable(),
  firstReplyMessageId: z.string().nullable(),
  /** Template of the last outbound message before the first reply ("which follow-up step works"). */
  replyCreditTemplateId: z.string().nullable(),
  replyCreditTemplateVersion: z.number().nullable(),
  /** Outbound step (1 = first touch) that the first reply answered. */
  replyCreditStep: z.number().nullable(),
  autoReplyCount: z.number().int(),
  /** The thread bounced as a whole: a bounce naming no address, or bounces for every address written to. */
  bounced: z.boolean(),
  /** Addresses bounces named (lower case), when some were named; a prospect among them is out of the
   *  prospect numbers while the thread stays a unit for the others. Absent = none. */
  bouncedRecipients: z.array(z.string().max(320)).optional(),
  /** A delay warning is the latest news of delivery (no bounce or reply after it). Absent = false. */
  delayed: z.boolean().optional(),
  /** Intent of the first reply (the human message firstReplyAt names). Absent = no reply or not judged. */
  firstReplyIntent: ReplyIntent.optional(),
  /** First human reply judged `interested` after the first outbound message (the positive reply
   *  rate applies the reply window to it). Absent = none. */
  firstPositiveAt: z.number().optional(),
  /** Last message overall came in and the user has not answered it yet. */
  awaitingUser: z.boolean(),
  /** Every outbound message and logged call, oldest first (schema v2 back-fills older summaries). */
  sends: z.array(SendFact).default([]),
  /** The thread's LinkedIn invitations, oldest first. Absent on summaries written before they were
   *  kept (lib/ingest/linkedin-lifecycle.ts backfills LinkedIn threads once); not indexed. */
  invites: z.array(InviteFact).optional(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const Thread = z.object({
  id: z.string().min(1).max(400),
  channel: Channel,
  externalId: z.string().max(400),
  prospectIds: z.array(z.string().max(200)).max(100),
  subject: nullableShort,
  keys: z.array(z.string().max(400)).default([]),
  summary: ThreadSummary.optional(),
  updatedAt: z.number().default(0),
});
export type Thread = z.infer<typeof Thread>;

export const Message = z.object({
  id: z.string().min(1).max(400),
  channel: Channel,
  direction: Direction,
  kind: MessageKind,
  threadId: z.string().max(400),
  prospectId: z.string().max(200).nullable(),
  from: z.string().max(MAX_SHORT),
  to: z.array(z.string().max(MAX_SHORT)).max(200),
  cc: z.array(z.string().max(MAX_SHORT)).max(200),
  /** Blind copies the user sent (Gmail). Shown, never prospects (lib/ingest/messages.ts). Absent on
   *  records stored before it existed: read as []. Not indexed, so no schema version. */
  bcc: z.array(z.string().max(MAX_SHORT)).max(200).optional(),
  subject: nullableShort,
  text: z.string().max(MAX_TEXT),
  /** When it was sent; for a scheduled message, the time it is scheduled for (lib/records/summary.ts). */
  sentAt: z.number(),
  /** 'scheduled': Gmail holds it for "Schedule send" (it counts once `sentAt` is due, a function of
   *  now: lib/analytics); absent = 'sent'. Not indexed: no schema version. */
  status: MessageStatus.optional(),
  /** The time a scheduled message was scheduled for (kept once Gmail shows it sent); null when the
   *  schedule request named no readable time. Absent = never scheduled. */
  scheduledAt: z.number().nullable().optional(),
  /** LinkedIn: the text as the author last edited it (`messageBodyRenderFormat: "EDITED"`). `text`
   *  keeps the first text seen, which template attribution and detection use. Absent = never
   *  edited. Not indexed: no schema version. */
  editedText: z.string().max(MAX_TEXT).optional(),
  /** LinkedIn invitation the user withdrew (it leaves the acceptance numbers). Absent = not withdrawn. */
  withdrawnAt: z.number().nullable().optional(),
  templateId: z.string().max(200).nullable(),
  templateVersion: z.number().int().nullable().default(null),
  templateSource: TemplateSource.nullable(),
  templateScore: z.number().nullable().default(null),
  classification: Classification,
  /** Inbound (schema v4): the classifier's rule for its verdict (`bounce:sender`, `auto:ooo-text`,
   *  `human`…; lib/replies/classify.ts ClassifyRule), kept when the user corrects the class. */
  classificationRule: z.string().max(100).nullable().optional(),
  /** Inbound: 'manual' once the user set the class on the timeline (capture and upgrades keep it). */
  classificationSource: DecisionSource.optional(),
  /** Bounce or delay: the addresses the report names as failed (lower case); [] = it names none. */
  failedRecipients: z.array(z.string().max(320)).max(200).optional(),
  /** A human reply's intent; null when not a human reply. Absent on messages never judged. */
  intent: ReplyIntent.nullable().optional(),
  /** The intent rule that decided (lib/replies/intent.ts), kept when the user corrects it. */
  intentRule: z.string().max(100).nullable().optional(),
  intentSource: DecisionSource.nullable().optional(),
  /** A referral: the colleague's address when the reply gives one. */
  referral: z.string().max(320).nullable().optional(),
  source: SourceLayer,
  externalId: z.string().max(400).default(''),
  rfcMessageId: z.string().max(1000).nullable().default(null),
  inReplyTo: z.array(z.string().max(1000)).max(100).default([]),
  callOutcome: CallOutcome.nullable().default(null),
  /** Lookup keys: `<channel>:<external id>`, `<channel>:draft:<id>`, `rfc:<Message-ID>`. */
  keys: z.array(z.string().max(1100)).default([]),
  /** Which capture layers have seen this message. */
  seenBy: z.array(SourceLayer).default([]),
  updatedAt: z.number().default(0),
});
export type Message = z.infer<typeof Message>;

export const TemplateChannel = z.enum(['email', 'linkedin', 'any']);
export type TemplateChannel = z.infer<typeof TemplateChannel>;

export const Template = z.object({
  id: z.string().min(1).max(200),
  name: shortText.min(1),
  channel: TemplateChannel,
  subject: nullableShort,
  body: z.string().max(MAX_TEXT),
  tags: z.array(z.string().max(100)).max(50),
  archived: z.boolean().default(false),
  /** Bumped when subject or body changes; results are reported per version. */
  version: z.number().int().min(1).default(1),
  createdAt: z.number().default(0),
  updatedAt: z.number().default(0),
});
export type Template = z.infer<typeof Template>;

export const TemplateVersion = z.object({
  id: z.string(), // `${templateId}@${version}`
  templateId: z.string(),
  version: z.number().int().min(1),
  subject: nullableShort,
  body: z.string().max(MAX_TEXT),
  createdAt: z.number(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;
