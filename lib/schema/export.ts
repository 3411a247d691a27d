// The export file: a public contract (DESIGN.md, "Export format"). Fields may be added in later
// versions; none is renamed or removed without a version bump and an importer for the old one.
//
// Reading is lenient where the contract leaves room, because other tools write these files too:
// a nullable field or a list may be left out, enum values may come in another case ("VP",
// "Human"), seniority may be any label (read like a title), trait values may be numbers, dates
// may carry any offset, and text longer than Sidelog keeps is cut, as capture cuts it. Wrong types
// and unknown values of the fields the numbers rest on (channel, direction, kind, stage) are still
// refused with the field's path, and nothing is imported.
import { z } from 'zod';
import { readSeniority } from '../prospects/seniority';
import {
  CallOutcome,
  Channel,
  Classification,
  Direction,
  MAX_SHORT,
  MAX_TEXT,
  MessageKind,
  Seniority,
  Stage,
  TemplateChannel,
  TemplateSource,
} from './model';

/** Text kept up to `max` characters. */
const text = (max: number) => z.string().transform((s) => s.slice(0, max));
const short = text(MAX_SHORT);
/** Absent and null are the same: null. */
const orNull = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? null);
/** An absent list is an empty one. */
const list = <T extends z.ZodType>(s: T, max: number) => z.array(s).max(max).nullish().transform((v) => v ?? []);
/** An enum read in any case, with spaces and underscores as hyphens, and the synonyms given. */
const loose = <T extends z.ZodType>(e: T, synonyms: Record<string, string> = {}) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const k = v.trim().toLowerCase().replace(/[\s_]+/g, '-');
    return synonyms[k] ?? k;
  }, e);
/** A time: ISO 8601 with any offset (or none), or epoch milliseconds; kept as ISO in UTC. */
const iso = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const t = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(t)) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(v).slice(0, 40)}` });
    return z.NEVER;
  }
  return new Date(t).toISOString();
});
/** Custom traits: text, numbers and yes/no kept as text; empty values left out. */
const traits = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((r) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r ?? {})) {
      if (typeof v === 'string' ? v.trim() === '' : typeof v !== 'number' && typeof v !== 'boolean') continue;
      out[k.slice(0, 100)] = String(v).slice(0, MAX_SHORT);
    }
    return out;
  });
const money = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v), z.number().finite());

export const ExportProspect = z.object({
  id: z.string().min(1).max(200),
  name: short,
  emails: list(z.string().max(320), 50),
  linkedinUrl: orNull(z.string().max(500)),
  company: orNull(short),
  title: orNull(short),
  seniority: z.unknown().transform((v): Seniority | null => readSeniority(v)),
  industry: orNull(short),
  location: orNull(short),
  stage: loose(Stage).default('contacted'),
  dealValue: orNull(money),
  traits,
  // Added fields (optional on import so files from other tools stay valid).
  linkedinMemberId: z.string().max(200).nullable().optional(),
  domain: short.nullable().optional(),
  headline: short.nullable().optional(),
  companySize: short.nullable().optional(),
  connectionDegree: z.number().int().min(1).max(3).nullable().optional(),
  connectedAt: iso.nullable().optional(),
  notes: text(MAX_TEXT).optional(),
  manualFields: z.array(z.string().max(50)).optional(),
  createdAt: iso.optional(),
  updatedAt: iso.optional(),
});

export const ExportThread = z.object({
  id: z.string().min(1).max(400),
  channel: loose(Channel),
  // Absent: the thread's id stands in (lib/export/import.ts).
  externalId: z.string().max(400).default(''),
  prospectIds: list(z.string().max(200), 100),
  subject: orNull(short),
  // Added field: the other ids the site knows this thread by (Gmail thread-a/thread-f/legacy forms).
  aliases: z.array(z.string().max(400)).max(50).optional(),
});

export const ExportMessage = z.object({
  id: z.string().min(1).max(400),
  channel: loose(Channel),
  direction: loose(Direction),
  kind: loose(MessageKind, { 'linkedin-connection': 'linkedin-invite', invite: 'linkedin-invite', 'connection-request': 'linkedin-invite', 'in-mail': 'inmail', 'e-mail': 'email' }),
  threadId: z.string().max(400),
  prospectId: orNull(z.string().max(200)),
  from: orNull(short).transform((v) => v ?? ''),
  to: list(short, 200),
  cc: list(short, 200),
  subject: orNull(short),
  text: orNull(text(MAX_TEXT)).transform((v) => v ?? ''),
  sentAt: iso,
  templateId: orNull(z.string().max(200)),
  templateSource: orNull(loose(TemplateSource)),
  // Absent on an outbound message in some tools' files: a message is human unless marked.
  classification: loose(Classification, { autoreply: 'auto-reply', 'auto-response': 'auto-reply', 'out-of-office': 'auto-reply', ooo: 'auto-reply', bounced: 'bounce' }).default('human'),
  // Added fields.
  templateVersion: z.number().int().nullable().optional(),
  templateScore: z.number().nullable().optional(),
  source: loose(z.enum(['network', 'dom', 'manual', 'import'])).optional(),
  externalId: z.string().max(400).optional(),
  /** Other ids the site knows this message by (draft id, legacy id, LinkedIn originToken). */
  aliases: z.array(z.string().max(400)).max(50).optional(),
  rfcMessageId: z.string().max(1000).nullable().optional(),
  inReplyTo: z.array(z.string().max(1000)).max(100).optional(),
  callOutcome: loose(CallOutcome, { noanswer: 'no-answer', 'not-connected': 'no-answer' }).nullable().optional(),
});

export const ExportTemplate = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).transform((s) => s.slice(0, MAX_SHORT)),
  channel: loose(TemplateChannel, { gmail: 'email', mail: 'email', 'e-mail': 'email', all: 'any', both: 'any' }).default('any'),
  subject: orNull(short),
  body: text(MAX_TEXT),
  tags: list(z.string().max(100), 50),
  // Added fields.
  archived: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
  createdAt: iso.optional(),
  updatedAt: iso.optional(),
});

export const ExportFile = z.object({
  format: z.literal('sidelog-export'),
  version: z.literal(1),
  exportedAt: iso.optional(),
  prospects: z.array(ExportProspect).default([]),
  threads: z.array(ExportThread).default([]),
  messages: z.array(ExportMessage).default([]),
  templates: z.array(ExportTemplate).default([]),
});
export type ExportFile = z.infer<typeof ExportFile>;
