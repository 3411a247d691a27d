// Files written by other tools, read leniently where the contract (lib/schema/export.ts) leaves
// room, before the contract's schema checks them: a nullable field or a list may be left out, enum
// values may come in another case or under a common synonym ("OUTBOUND", "Out_of_Office", template
// channel "gmail"), seniority may be any label ("VP", "Individual Contributor"), trait values may be
// numbers, dates may be any ISO 8601 form or epoch milliseconds, and text longer than Sidelog keeps
// is cut as capture cuts it. Values it does not understand are left as they are, so the schema
// still refuses them and names the field (an unknown channel, direction, kind or stage).
// A plain pass over the parsed JSON, in place, not zod transforms: at 100k messages zod
// preprocessing of every field took seconds; this takes tens of milliseconds, and the schema stays
// the contract.
import { readSeniority } from '../records/seniority';
import { MAX_SHORT, MAX_TEXT } from '../schema/model';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

/** Lower case, spaces and underscores as hyphens, then a synonym if one is known. */
function enumish(v: unknown, synonyms: Record<string, string> = {}): unknown {
  if (typeof v !== 'string' || /^[a-z-]+$/.test(v)) return synonyms[v as string] ?? v; // the common case: already ours
  const k = v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return synonyms[k] ?? k;
}

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
/** Any date Date.parse reads, or epoch milliseconds, as ISO 8601 in UTC; anything else untouched. */
function when(v: unknown): unknown {
  if (typeof v === 'string' && UTC_ISO.test(v)) return v;
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) && Math.abs(t) < 8.64e15 ? new Date(t).toISOString() : v;
}

const cut = (v: unknown, max: number) => (typeof v === 'string' && v.length > max ? v.slice(0, max) : v);
const orNull = (v: unknown) => (v === undefined ? null : v);
const orList = (v: unknown) => (v === undefined || v === null ? [] : v);

function cutList(v: unknown, max: number): unknown {
  return Array.isArray(v) && v.some((x) => typeof x === 'string' && x.length > max)
    ? v.map((x) => cut(x, max))
    : orList(v);
}

function traits(v: unknown): unknown {
  if (v === undefined || v === null) return {};
  if (!isRec(v)) return v;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') out[k.slice(0, 100)] = x.slice(0, MAX_SHORT);
    else if (typeof x === 'number' || typeof x === 'boolean') out[k.slice(0, 100)] = String(x);
    // null, lists and objects: no value to keep.
  }
  return out;
}

const money = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : orNull(v);

const KIND = {
  'linkedin-connection': 'linkedin-invite',
  invite: 'linkedin-invite',
  'connection-request': 'linkedin-invite',
  'in-mail': 'inmail',
  'e-mail': 'email',
};
const CLASSIFICATION = {
  autoreply: 'auto-reply',
  'auto-response': 'auto-reply',
  'out-of-office': 'auto-reply',
  ooo: 'auto-reply',
  bounced: 'bounce',
  delayed: 'delay',
  'delivery-delayed': 'delay',
};
const INTENT = {
  positive: 'interested',
  'not-now': 'later',
  negative: 'not-interested',
  unsubscribe: 'not-interested',
  'wrong-person': 'referral',
};
const TEMPLATE_CHANNEL = { gmail: 'email', mail: 'email', 'e-mail': 'email', all: 'any', both: 'any' };
const OUTCOME = { noanswer: 'no-answer', 'not-connected': 'no-answer' };

function prospect(p: Rec): void {
  p.name = cut(p.name, MAX_SHORT);
  p.emails = orList(p.emails);
  for (const f of ['linkedinUrl', 'company', 'title', 'industry', 'location']) p[f] = cut(orNull(p[f]), MAX_SHORT);
  for (const f of ['domain', 'headline', 'companySize']) if (p[f] !== undefined) p[f] = cut(p[f], MAX_SHORT);
  p.seniority = readSeniority(p.seniority);
  p.stage = p.stage === undefined || p.stage === null ? 'contacted' : enumish(p.stage);
  p.dealValue = money(p.dealValue);
  p.traits = traits(p.traits);
  if (p.notes !== undefined) p.notes = cut(p.notes ?? '', MAX_TEXT);
  for (const f of ['connectedAt', 'createdAt', 'updatedAt']) if (p[f] !== undefined && p[f] !== null) p[f] = when(p[f]);
}

function thread(t: Rec): void {
  t.channel = enumish(t.channel);
  t.externalId ??= '';
  t.prospectIds = orList(t.prospectIds);
  t.subject = cut(orNull(t.subject), MAX_SHORT);
}

function message(m: Rec): void {
  m.channel = enumish(m.channel);
  m.direction = enumish(m.direction);
  m.kind = enumish(m.kind, KIND);
  m.prospectId = orNull(m.prospectId);
  m.from = cut(m.from ?? '', MAX_SHORT);
  m.to = cutList(m.to, MAX_SHORT);
  m.cc = cutList(m.cc, MAX_SHORT);
  if (m.bcc !== undefined) m.bcc = cutList(m.bcc, MAX_SHORT);
  m.subject = cut(orNull(m.subject), MAX_SHORT);
  m.text = cut(m.text ?? '', MAX_TEXT);
  m.sentAt = when(m.sentAt);
  m.templateId = orNull(m.templateId);
  m.templateSource = m.templateSource == null ? null : enumish(m.templateSource);
  // Some tools mark only what is not a human message.
  m.classification = m.classification == null ? 'human' : enumish(m.classification, CLASSIFICATION);
  // A delay warning: an automatic message in version 1's words, the finer class beside it.
  if (m.classification === 'delay') {
    m.classification = 'auto-reply';
    m.inboundClass ??= 'delay';
  }
  if (m.intent != null) m.intent = enumish(m.intent, INTENT);
  if (m.source != null) m.source = enumish(m.source);
  if (m.callOutcome != null) m.callOutcome = enumish(m.callOutcome, OUTCOME);
  if (m.status != null) m.status = enumish(m.status);
  if (m.scheduledAt != null) m.scheduledAt = when(m.scheduledAt);
  if (m.withdrawnAt != null) m.withdrawnAt = when(m.withdrawnAt);
}

function template(t: Rec): void {
  t.name = cut(t.name, MAX_SHORT);
  t.channel = t.channel == null ? 'any' : enumish(t.channel, TEMPLATE_CHANNEL);
  t.subject = cut(orNull(t.subject), MAX_SHORT);
  t.body = cut(t.body, MAX_TEXT);
  t.tags = orList(t.tags);
  for (const f of ['createdAt', 'updatedAt']) if (t[f] != null) t[f] = when(t[f]);
}

/**
 * Turns other tools' dialects in a freshly parsed file into the contract's, in place (no copy of
 * 100k records); anything it does not understand is left for the schema to refuse.
 */
export function readDialects(json: unknown): unknown {
  if (!isRec(json)) return json;
  json.exportedAt = json.exportedAt == null ? new Date().toISOString() : when(json.exportedAt);
  const each = (key: string, f: (r: Rec) => void) => {
    const v = json[key];
    if (v === undefined || v === null) json[key] = [];
    else if (Array.isArray(v)) for (const x of v) if (isRec(x)) f(x);
  };
  each('prospects', prospect);
  each('threads', thread);
  each('messages', message);
  each('templates', template);
  return json;
}
