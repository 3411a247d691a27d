// Capture events: what content scripts (and the background's webRequest observer) report.
// The page is untrusted input: the background re-validates every event with these schemas,
// and an event that fails is counted and dropped whole, never stored in part.
import { z } from 'zod';
import { Channel, Direction, MAX_SHORT, MAX_TEXT, MessageKind, MessageStatus } from './model';

const id = z.string().min(1).max(400);
const short = z.string().max(MAX_SHORT);

/** A person as a site shows them; every field optional because each layer sees different parts. */
export const CapturedPerson = z.object({
  email: z.string().max(320).optional(),
  name: short.optional(),
  /** LinkedIn profile URL (`https://www.linkedin.com/in/<public-id>/`). */
  profileUrl: z.string().max(500).optional(),
  /** LinkedIn member id (the `ACoAA…` part of a profile URN). */
  memberId: z.string().max(200).optional(),
  /** LinkedIn numeric member id (`urn:li:member:<n>`: invitations, messaging participants). */
  numericMemberId: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  /** A LinkedIn invitation to this person (`urn:li:fsd_invitation:<n>`): what the invitation-id-only
   *  withdraw calls name (lib/capture/linkedin/requests.ts). */
  invitationId: z
    .string()
    .regex(/^\d{1,25}$/)
    .optional(),
});
export type CapturedPerson = z.infer<typeof CapturedPerson>;

const base = {
  /** Unique per event (content scripts use crypto.randomUUID); keys the outbox. */
  eventId: z.string().min(1).max(100),
  channel: Channel,
  layer: z.enum(['network', 'dom']),
};

export const MessageEvent = z.object({
  ...base,
  type: z.literal('message'),
  direction: Direction,
  kind: MessageKind,
  /** The site's own id for the message (Gmail `msg-a:r…` / `msg-f:…`, LinkedIn message URN id). */
  externalId: id,
  /** Other ids of the same message: Gmail draft id, legacy hex id, LinkedIn originToken, … */
  aliases: z.array(id).max(20).default([]),
  threadExternalId: id.nullable(),
  threadAliases: z.array(id).max(20).default([]),
  from: CapturedPerson,
  to: z.array(CapturedPerson).max(200).default([]),
  cc: z.array(CapturedPerson).max(200).default([]),
  /** Blind copies (Gmail's compose and its sync requests carry them); never prospects. */
  bcc: z.array(CapturedPerson).max(200).default([]),
  subject: short.nullable().default(null),
  /** Plain text the author wrote (no quoted history). Rendered as text, never as HTML. */
  text: z.string().max(MAX_TEXT),
  sentAt: z.number().int().min(946684800000).max(4102444800000), // 2000-01-01 .. 2100-01-01
  /** 'scheduled': sent with Gmail's "Schedule send" and held by Gmail until `scheduledAt`; 'sent'
   *  otherwise (also a later sighting of a scheduled message that Gmail has sent). */
  status: MessageStatus.default('sent'),
  /** The time a scheduled message is due (then also its `sentAt`); null: not readable. */
  scheduledAt: z.number().int().min(946684800000).max(4102444800000).nullable().default(null),
  rfcMessageId: z.string().max(1000).nullable().default(null),
  /** In-Reply-To and References Message-IDs. */
  inReplyTo: z.array(z.string().max(1000)).max(100).default([]),
  /** Set when the content script knows the text came from a template insertion. */
  template: z
    .object({ id: z.string().max(200), version: z.number().int().nullable() })
    .nullable()
    .default(null),
  /** LinkedIn shows this message edited (`messageBodyRenderFormat: "EDITED"`, or the user's own edit
   *  call): `text` is the text after the edit. The stored first text stays the message's text
   *  (template attribution); the edit is kept beside it (lib/ingest/linkedin-lifecycle.ts). */
  edited: z.boolean().default(false),
});
export type MessageEvent = z.infer<typeof MessageEvent>;
export type MessageEventInput = z.input<typeof MessageEvent>;

/** Undo Send (Gmail) or a deleted message: the logged message is removed. */
export const RetractEvent = z.object({
  ...base,
  type: z.literal('retract'),
  /** Any id the message is known by (external id or alias). */
  externalId: id,
  /** Gmail saved the message back as a draft after it was scheduled (the user cancelled the
   *  schedule): remove it only while it is still a scheduled message, never a sent one. */
  unscheduled: z.boolean().default(false),
});
export type RetractEvent = z.infer<typeof RetractEvent>;

/** Traits read from a profile page or conversation header. */
export const ProspectEvent = z.object({
  ...base,
  type: z.literal('prospect'),
  person: CapturedPerson,
  headline: short.nullable().default(null),
  title: short.nullable().default(null),
  company: short.nullable().default(null),
  location: short.nullable().default(null),
  industry: short.nullable().default(null),
  connectionDegree: z.number().int().min(1).max(3).nullable().default(null),
  /** The current company's LinkedIn page (`/company/<slug or id>/`) when the profile links it. */
  companyUrl: z.string().max(500).nullable().default(null),
  /** Traits of someone already known only (invitation cards): never creates a prospect. */
  onlyKnown: z.boolean().default(false),
  seenAt: z.number().int(),
});
export type ProspectEvent = z.infer<typeof ProspectEvent>;

/** A LinkedIn company page (`/company/<slug>/`, its About tab): traits of everyone who works there. */
export const CompanyEvent = z.object({
  ...base,
  type: z.literal('company'),
  name: short.min(1),
  /** The page's public id (`/company/<slug>/`); a numeric id when the page is addressed by it. */
  slug: z.string().max(200).nullable().default(null),
  /** The numeric company id, when the page shows it (employees link, embedded data). */
  numericId: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullable()
    .default(null),
  industry: short.nullable().default(null),
  /** As the page writes it ("51-200 employees"); normalised to a band at ingestion. */
  companySize: short.nullable().default(null),
  headquarters: short.nullable().default(null),
  seenAt: z.number().int(),
});
export type CompanyEvent = z.infer<typeof CompanyEvent>;

/** An invitation the user sent was accepted (the prospect is now a 1st-degree connection). */
export const AcceptedEvent = z.object({
  ...base,
  type: z.literal('connection-accepted'),
  person: CapturedPerson,
  at: z.number().int(),
});
export type AcceptedEvent = z.infer<typeof AcceptedEvent>;

/**
 * The user withdrew a LinkedIn invitation: the stored invitation to this person is marked withdrawn
 * (it leaves the acceptance numbers). `person` holds whatever ids the withdraw call named (member
 * id, slug, numeric id, invitation id); it never creates a prospect.
 */
export const WithdrawnEvent = z.object({
  ...base,
  type: z.literal('invitation-withdrawn'),
  person: CapturedPerson,
  at: z.number().int().min(946684800000).max(4102444800000),
});
export type WithdrawnEvent = z.infer<typeof WithdrawnEvent>;

/** The user's own identity as the page shows it (never typed by hand). */
export const IdentityEvent = z.object({
  ...base,
  type: z.literal('identity'),
  person: CapturedPerson,
});
export type IdentityEvent = z.infer<typeof IdentityEvent>;

/** Capture health: what a layer recognised and what it failed to parse since the last report. */
export const HealthEvent = z.object({
  ...base,
  type: z.literal('health'),
  recognised: z.number().int().min(0).max(1e6),
  failed: z.number().int().min(0).max(1e6),
  lastError: short.nullable().default(null),
});
export type HealthEvent = z.infer<typeof HealthEvent>;

export const CaptureEvent = z.discriminatedUnion('type', [
  MessageEvent,
  RetractEvent,
  ProspectEvent,
  AcceptedEvent,
  WithdrawnEvent,
  IdentityEvent,
  HealthEvent,
  CompanyEvent,
]);
export type CaptureEvent = z.infer<typeof CaptureEvent>;
export type CaptureEventInput = z.input<typeof CaptureEvent>;
