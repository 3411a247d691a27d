// Readers for Gmail's own sync traffic (`POST /sync/u/N/i/{s,fd,bv}`), as the main-world tap hands
// it over: request body and response body as strings. Pure functions: no DOM, no clock, no ids of
// their own (the caller passes `newId`), so they run on the real captures under vitest.
//
// Layout sources (read, not copied): InboxSDK `sync-compose-processor-20220909.ts` and
// `gmail-sync-response-processor.ts` (`extractThreadsFromThreadResponse_20220909`), gmail.js
// `parse_fd_request_payload` / `parse_fd_embedded_json` / `parse_bv_request_payload`, checked
// against test/fixtures/gmail (captures of 2022-09-09 .. 2023-01-17).
//
// Strategy: versioned path readers first (each names the layout date it was written for); when
// they find nothing message-shaped, a walker looks for message-shaped arrays anywhere in the
// payload. A message is accepted only when its id, labels, sender and time all check out; anything
// else that looks like a send but cannot be read is counted as a failure, never guessed.
import type { CapturedPerson, MessageEventInput } from '../../schema/events';
import { clip, isMs, MAX_SHORT, MAX_TEXT } from './limits';
import { htmlToText, normaliseText } from './html-text';
import { cleanId, isLegacyHex, isMsgId, isThreadId, messageAliases, splitThread, threadNames } from './ids';

export type SyncKind = 's' | 'fd' | 'bv';

export interface SyncCall {
  kind: SyncKind;
  requestBody: string | null;
  responseBody: string | null;
  /** When the page started the request (the tap's clock): a scheduled time lies after it. */
  startedAt?: number;
}

export interface ParseCtx {
  /** The user's own addresses, lower-case (learned from the page). */
  ownEmails: readonly string[];
  newId: () => string;
  /** Ids of scheduled messages the caller follows: their later sightings in responses (sent, or
   *  back in drafts) are reported in `sightings`. */
  watched?: (id: string) => boolean;
}

/** A followed scheduled message seen again in a response: sent (`event`: the outbound event that
 *  records it sent, same ids, the server's time), or back in drafts (no event). */
export interface Sighting {
  id: string;
  event?: MessageEventInput;
}

/** One message as read from a payload, before it becomes an event. */
export interface RawMessage {
  id: string;
  threadIds: string[];
  from: CapturedPerson;
  to: CapturedPerson[];
  cc: CapturedPerson[];
  bcc: CapturedPerson[];
  subject: string | null;
  /** What the author wrote, as text (quoted history cut). */
  text: string;
  sentAt: number;
  labels: string[];
  rfc: string | null;
  inReplyTo: string[];
  legacyId: string | null;
  /** Which reader found it (for health and tests). */
  reader: string;
}

export interface SyncParseResult {
  /** Outbound sends (one per message labelled `^pfg` in the request) and inbound candidates. */
  events: MessageEventInput[];
  /** `msg-a:` ids the request saved as drafts (`^r`): used to detect Undo Send (re-saved as draft). */
  draftSaves: string[];
  /** `msg-a:` ids sent by this request. */
  sends: string[];
  /** Followed scheduled messages seen again in the response (ctx.watched). */
  sightings: Sighting[];
  /** Sender addresses of sends: the user's own addresses. */
  ownEmails: string[];
  recognised: number;
  failed: number;
  errors: string[];
}

export const SEND_LABEL = '^pfg';
/**
 * "Schedule send": the request labels the message `^scheduled` where a send carries `^pfg`, and a
 * message carries one or the other (a send wins). Sources: gmail.js `parse_request_payload`
 * (KartikTalwar/gmail.js src/gmail.js, `send_scheduled_message`, added in 11ec9370ba5bc8d82e6ef76d2ae77ab7aaa4ea6c,
 * unchanged at b7dfdabc19060721426e93dba85b3f6b6d60a211) and InboxSDK's pull request #1244
 * (src/injected-js/gmail/constants.ts `SCHEDULE_ACTIONS = ['^scheduled']`,
 * sync-compose-processor-20250206.ts `actionsToComposeRequestType`, at a2a7c80014702638051044fa0715ed4c934a6b0a).
 * Neither reads a scheduled time: see scheduledTimeOf.
 */
export const SCHEDULE_LABEL = '^scheduled';
export const DRAFT_LABELS = ['^r', '^r_bt'];
/** Labels that mean the message was written by the user (sent `^f`, send pending `^pfg`, draft `^r`). */
const AUTHORED_LABELS = new Set(['^f', '^pfg', '^r', '^r_bt']);

const isArr = Array.isArray as (x: unknown) => x is unknown[];
const at = (x: unknown, ...path: number[]): unknown => {
  let cur = x;
  for (const i of path) {
    if (!isArr(cur)) return undefined;
    cur = cur[i];
  }
  return cur;
};
/** A time as Gmail writes one: ms as a number, or as a decimal string (`/i/fd` times are strings). */
const asMs = (x: unknown): number | null => {
  if (isMs(x)) return Math.floor(x);
  if (typeof x === 'string' && /^\d{13}$/.test(x)) {
    const n = Number(x);
    return isMs(n) ? n : null;
  }
  return null;
};
const isLabels = (x: unknown): x is string[] =>
  isArr(x) && x.length > 0 && x.every((l) => typeof l === 'string' && l.startsWith('^'));

/** A contact is `[type, address, name?, …]`; the 2025 change nests it one level deeper in places. */
function readContact(c: unknown): CapturedPerson | null {
  if (!isArr(c)) return null;
  if (isArr(c[0]) && c.length === 1) return readContact(c[0]);
  const addr = typeof c[1] === 'string' ? c[1].trim() : '';
  const name = typeof c[2] === 'string' ? c[2].trim() : '';
  if (!addr && !name) return null;
  const p: CapturedPerson = {};
  if (addr.includes('@')) p.email = clip(addr.toLowerCase(), 320);
  else if (addr && !name) p.name = clip(addr, MAX_SHORT);
  if (name) p.name = clip(name, MAX_SHORT);
  return p;
}

function readContacts(list: unknown): CapturedPerson[] | null {
  if (list == null) return [];
  if (!isArr(list)) return null;
  const out: CapturedPerson[] = [];
  for (const c of list) {
    // A list wrapped one level deeper: [[[1, a, n], [1, b, m]]].
    const group = isArr(c) && c.length > 1 && c.every(isArr) ? c : [c];
    for (const one of group) {
      const p = readContact(one);
      if (p) out.push(p);
    }
  }
  return out;
}

/** The message id, at [0] or (ids moved in 2025) wrapped one level down: [[id, …], …]. */
function messageIdOf(m: unknown[]): string | null {
  const direct = cleanId(m[0]);
  if (isMsgId(direct)) return direct;
  const nested = isArr(m[0]) ? cleanId(m[0][0]) : null;
  return isMsgId(nested) ? nested : null;
}

/** Body parts: `[null, [[type, html], …]]` (request; type 0 = written, 2 = quoted history) or the
 *  embedded form `[null, [[type, null, [null, html]], …]]`. Returns the written text. */
function readBody(body: unknown): string | null {
  const parts = at(body, 1);
  if (!isArr(parts)) return null;
  const written: string[] = [];
  let any = false;
  for (const p of parts) {
    if (!isArr(p)) continue;
    const type = p[0];
    const html = typeof p[1] === 'string' ? p[1] : typeof at(p, 2, 1) === 'string' ? (at(p, 2, 1) as string) : null;
    if (html == null) continue;
    any = true;
    if (type === 2) continue; // quoted history
    written.push(html);
  }
  return any ? htmlToText(written.join('<br>')) : null;
}

function readRfcList(x: unknown): string[] {
  if (typeof x === 'string' && /^<[^<>\s]+@[^<>\s]+>$/.test(x.trim())) return [x.trim()];
  if (isArr(x)) return x.flatMap(readRfcList);
  return [];
}

/**
 * Reads a message array in the 2022-09-09 layout: [0] id, [1] from, [2] to, [3] cc, [4] bcc,
 * [6] time, [7] subject, [8] body parts, [9] plain snippet (responses), [10] labels, [13] RFC
 * Message-ID, [14] References, [15] In-Reply-To, [55] legacy hex id. If a field is not where that
 * layout puts it, the reader looks for it by shape among the message's own children (one level),
 * and rejects the message when id, labels, sender or time cannot be found.
 */
export function readMessage(m: unknown, threadIds: string[], reader: string): RawMessage | null {
  if (!isArr(m)) return null;
  const id = messageIdOf(m);
  if (!id) return null;
  let shifted = false;
  let labels = isLabels(m[10]) ? m[10] : null;
  if (!labels) {
    labels = (m.find(isLabels) as string[] | undefined) ?? null;
    shifted = true;
  }
  let from = readContact(m[1]);
  if (!from) {
    const c = m.find((x) => isArr(x) && typeof x[0] === 'number' && typeof x[1] === 'string');
    from = c ? readContact(c) : null;
    shifted = true;
  }
  let sentAt = isMs(m[6]) ? m[6] : null;
  if (sentAt == null) {
    sentAt = (m.find(isMs) as number | undefined) ?? null;
    shifted = true;
  }
  if (!labels || !from || sentAt == null) return null;
  const to = readContacts(m[2]) ?? [];
  const cc = readContacts(m[3]) ?? [];
  const bcc = readContacts(m[4]) ?? [];
  const subject = typeof m[7] === 'string' ? clip(m[7], MAX_SHORT) : null;
  let text = readBody(m[8]);
  if (text == null && typeof m[9] === 'string') text = normaliseText(m[9]);
  const rfcs = readRfcList(m[13]);
  const inReplyTo = [...new Set([...readRfcList(m[15]), ...readRfcList(m[14])])];
  const legacy = typeof m[55] === 'string' && isLegacyHex(m[55]) ? m[55].toLowerCase() : null;
  return {
    id,
    threadIds,
    from,
    to,
    cc,
    bcc,
    subject,
    text: clip(text ?? '', MAX_TEXT),
    sentAt,
    labels,
    rfc: rfcs[0] ?? null,
    inReplyTo,
    legacyId: legacy,
    reader: shifted ? `${reader}+shape` : reader,
  };
}

/** Same as readMessage but for the `/i/fd` full-message form `[id, details]` (gmail.js
 *  parse_fd_request_payload): details [0] to, [1] cc, [2] bcc, [4] subject, [5][1][*][2][1] html,
 *  [7] RFC id, [10][16] sender address, [16] time, [34] legacy id; sender name and labels come from
 *  the thread's compact list `[id, from, ?, labels]`. */
function readFdMessage(m: unknown, compact: unknown[], threadIds: string[]): RawMessage | null {
  if (!isArr(m) || !isMsgId(cleanId(m[0])) || !isArr(m[1])) return null;
  const id = cleanId(m[0])!;
  const d = m[1];
  const brief = compact.find((c) => isArr(c) && cleanId(c[0]) === id) as unknown[] | undefined;
  const from =
    readContact(brief?.[1]) ??
    (typeof at(d, 10, 16) === 'string' ? { email: String(at(d, 10, 16)).toLowerCase() } : null);
  const labels = isLabels(brief?.[3]) ? (brief![3] as string[]) : [];
  const time = typeof d[16] === 'string' ? Number(d[16]) : d[16];
  if (!from || !isMs(time)) return null;
  const htmlParts = at(d, 5, 1);
  const html = isArr(htmlParts)
    ? htmlParts
        .map((p) => at(p, 2, 1))
        .filter((h): h is string => typeof h === 'string')
        .join('')
    : '';
  return {
    id,
    threadIds,
    from,
    to: readContacts(d[0]) ?? [],
    cc: readContacts(d[1]) ?? [],
    bcc: readContacts(d[2]) ?? [],
    subject: typeof d[4] === 'string' ? clip(d[4], MAX_SHORT) : null,
    text: clip(htmlToText(html), MAX_TEXT),
    sentAt: time,
    labels,
    rfc: readRfcList(d[7])[0] ?? null,
    inReplyTo: [],
    legacyId: typeof d[34] === 'string' && isLegacyHex(d[34]) ? d[34].toLowerCase() : null,
    reader: 'fd-2022-09-09',
  };
}

/** Thread names of an embedded thread `[subject, snippet, time, 'thread-f:…|msg-f:…', messages, …, 19: legacy]`. */
function embeddedThreadNames(inner: unknown[], outerId?: unknown): string[] {
  return threadNames([outerId as string, inner[3] as string, inner[19] as string]);
}

function readEmbeddedThread(inner: unknown, outerId: unknown, reader: string, out: RawMessage[]): boolean {
  if (!isArr(inner) || !isArr(inner[4])) return false;
  const names = embeddedThreadNames(inner, outerId);
  if (names.length === 0) return false;
  for (const m of inner[4]) {
    const r = readMessage(m, names, reader);
    if (r) out.push(r);
  }
  return true;
}

// ---------------------------------------------------------------- requests (/i/s)

interface RequestMessage {
  msg: RawMessage;
  raw: unknown[];
  /** The update that carried it (`[op, [threadId, thread]]`). */
  update?: unknown;
}

/** Request layout 2022-09-09: body[1][0] = [[op, [threadId, thread]], …]; the message sits at
 *  thread[2][0][4][0] (first save of a new compose), thread[1][0] (first save of a reply, some
 *  sends) or thread[13][0] (later saves and sends). */
function readRequest20220909(body: unknown): RequestMessage[] | null {
  const updates = at(body, 1, 0);
  if (!isArr(updates)) return null;
  const out: RequestMessage[] = [];
  for (const u of updates) {
    const threadId = cleanId(at(u, 1, 0));
    const thread = at(u, 1, 1);
    if (!isThreadId(threadId) || !isArr(thread)) continue;
    for (const cand of [at(thread, 13, 0), at(thread, 1, 0), at(thread, 2, 0, 4, 0)]) {
      const msg = readMessage(cand, threadNames([threadId]), 'request-2022-09-09');
      if (msg) {
        out.push({ msg, raw: cand as unknown[], update: u });
        break;
      }
    }
  }
  return out;
}

/** Walks any payload for message-shaped arrays, remembering the nearest enclosing thread id. */
export function walkMessages(payload: unknown, reader: string): RawMessage[] {
  const out: RawMessage[] = [];
  const seen = new Set<string>();
  const visit = (x: unknown, threads: string[], depth: number) => {
    if (depth > 40) return;
    if (x && typeof x === 'object' && !isArr(x)) {
      for (const v of Object.values(x as Record<string, unknown>)) visit(v, threads, depth + 1);
      return;
    }
    if (!isArr(x)) return;
    if (messageIdOf(x)) {
      const r = readMessage(x, threads, reader);
      if (r && !seen.has(r.id + '|' + r.labels.join())) {
        seen.add(r.id + '|' + r.labels.join());
        out.push(r);
        return;
      }
    }
    let here = threads;
    const t0 = cleanId(x[0]);
    const t3 = cleanId(x[3]);
    if (isThreadId(t0) || isThreadId(t3)) {
      here = threadNames([t0, t3, isLegacyHex(x[19]) ? (x[19] as string) : null]);
      if (here.length === 0) here = threads;
    }
    for (const c of x) visit(c, here, depth + 1);
  };
  visit(payload, [], 0);
  return out;
}

/**
 * The time a scheduled message is due. Where Gmail puts it in the request is documented nowhere
 * public: gmail.js and InboxSDK (see SCHEDULE_LABEL) recognise a scheduled message by its label
 * only, and no public capture of a scheduling request exists. What is known: the message's [6] is
 * its date (gmail.js `parse_sent_message_payload_new` reads `timestamp = sent_email[6]`, InboxSDK's
 * 2022-09-09 captures carry the send time there), and a scheduled time lies after the moment the
 * request was made. So: [6] when it lies ahead of the request; otherwise the earliest time-shaped
 * value ahead of the request among the message's own fields (three levels down), then in the rest
 * of its update. null when none is: the message is then logged as scheduled with no due time and
 * counts only once Gmail shows it sent (controller) — and the health line says why.
 */
export function scheduledTimeOf(raw: unknown, update: unknown, startedAt: number): number | null {
  const ahead = (t: number | null): t is number => t !== null && t > startedAt + 1000;
  if (!isArr(raw)) return null;
  const first = asMs(raw[6]);
  if (ahead(first)) return first;
  let best: number | null = null;
  const visit = (x: unknown, depth: number, skip: unknown) => {
    if (x === skip) return;
    const t = asMs(x);
    if (ahead(t)) {
      if (best === null || t < best) best = t;
      return;
    }
    if (isArr(x) && depth > 0) for (const c of x) visit(c, depth - 1, skip);
  };
  visit(raw, 3, undefined);
  if (best === null) visit(update, 6, raw);
  return best;
}

// ---------------------------------------------------------------- responses

/** A legacy thread id as a descriptor holds it: a 15–20 digit decimal (number or string) becomes
 *  its `thread-f:` name; hex is left for threadNames (which drops anything else). */
const legacyThreadName = (x: unknown) => (/^\d{15,20}$/.test(String(x)) ? `thread-f:${x}` : (x as string));

/** Response layouts: `/i/s` 2022-09-09 body[1][5] = [[[threadId, null, [.., 6: [inner]]]], …];
 *  `/i/bv` (and page-embedded data) body[2] = [[inner, …], …]; embedded JSON body[1] = [[n, inner]];
 *  `/i/fd` body[1] = [[threadId, [threadDesc, compact[]], full[]], …]. */
export function readResponseMessages(kind: SyncKind, body: unknown): { messages: RawMessage[]; recognised: boolean } {
  const out: RawMessage[] = [];
  let recognised = false;
  const sUpdates = at(body, 1, 5);
  if (isArr(sUpdates)) {
    for (const u of sUpdates) {
      const thread = at(u, 0);
      const inner = at(thread, 2, 6, 0);
      if (readEmbeddedThread(inner, at(thread, 0), 'response-s-2022-09-09', out)) recognised = true;
    }
  }
  const list1 = at(body, 1);
  if (!recognised && isArr(list1)) {
    for (const t of list1) {
      // `/i/fd`: [threadId, [desc, compact], full]
      if (isThreadId(cleanId(at(t, 0))) && isArr(at(t, 2))) {
        recognised = true;
        // The legacy thread id: the full thread descriptor has it at [1][0][13] as a decimal, the
        // minimal one at [1][0][15] as it is (hex) — InboxSDK extractThreadsFromThreadResponse_20220909
        // (src/platform-implementation-js/dom-driver/gmail/gmail-sync-response-processor.ts, both
        // branches since f806f398571e1d5dd1b7218181fb7d8440f74833, unchanged at a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9).
        const names = threadNames([
          at(t, 0) as string,
          at(t, 1, 0, 0) as string,
          legacyThreadName(at(t, 1, 0, 13)),
          legacyThreadName(at(t, 1, 0, 15)),
        ]);
        const compact = (at(t, 1, 1) as unknown[]) ?? [];
        for (const m of at(t, 2) as unknown[]) {
          const r = readFdMessage(m, isArr(compact) ? compact : [], names) ?? readMessage(m, names, 'fd-2022-09-09');
          if (r) out.push(r);
        }
      } else if (readEmbeddedThread(at(t, 1), null, 'embedded-2022-09-13', out)) recognised = true;
    }
  }
  const list2 = at(body, 2);
  if (!recognised && isArr(list2)) {
    for (const t of list2) if (readEmbeddedThread(at(t, 0), null, 'bv-2022-09-09', out)) recognised = true;
  }
  // An empty inbox or an empty search is a known shape with nothing in it, not a failure.
  if (
    !recognised &&
    isArr(body) &&
    body[0] === null &&
    ((kind === 'bv' && isArr(list2) && list2.length === 0) || (kind === 'fd' && isArr(list1) && list1.length === 0))
  ) {
    recognised = true;
  }
  if (out.length === 0) {
    const walked = walkMessages(body, `walk-${kind}`);
    if (walked.length) return { messages: walked, recognised: true };
  }
  return { messages: out, recognised: recognised || out.length > 0 };
}

// ---------------------------------------------------------------- events

function person(p: CapturedPerson): CapturedPerson {
  return { ...p };
}

/** The user wrote it: authored id (`msg-a:`), an authored label, or sent from one of their addresses. */
export function isAuthored(m: RawMessage, ownEmails: readonly string[]): boolean {
  if (m.id.startsWith('msg-a:')) return true;
  if (m.labels.some((l) => AUTHORED_LABELS.has(l))) return true;
  return !!m.from.email && ownEmails.includes(m.from.email);
}

function toEvent(
  m: RawMessage,
  direction: 'outbound' | 'inbound',
  ctx: ParseCtx,
  extra: { aliases?: string[]; threadIds?: string[]; scheduledAt?: number | null; scheduled?: boolean } = {},
): MessageEventInput {
  const { threadExternalId, threadAliases } = splitThread(threadNames([...m.threadIds, ...(extra.threadIds ?? [])]));
  return {
    eventId: ctx.newId(),
    type: 'message',
    channel: 'gmail',
    layer: 'network',
    direction,
    kind: 'email',
    externalId: m.id,
    aliases: messageAliases(m.id, [m.legacyId, ...(extra.aliases ?? [])]).slice(0, 20),
    threadExternalId,
    threadAliases: threadAliases.slice(0, 20),
    from: person(m.from),
    to: m.to.slice(0, 200),
    cc: m.cc.slice(0, 200),
    bcc: m.bcc.slice(0, 200),
    subject: m.subject,
    text: m.text,
    // A scheduled message is dated by the time it is due (lib/records/summary.ts counts it then).
    sentAt: extra.scheduledAt ?? m.sentAt,
    ...(extra.scheduled ? { status: 'scheduled' as const, scheduledAt: extra.scheduledAt ?? null } : {}),
    rfcMessageId: m.rfc,
    inReplyTo: m.inReplyTo.slice(0, 100),
  };
}

function parseJson(s: string | null): unknown {
  if (s == null || s === '') return undefined;
  // Old `?ui=2` endpoints prefix `)]}'`; the sync API does not, but tolerate it.
  const t = s.startsWith(")]}'") ? s.slice(4) : s;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** What a scheduled message's labels say it is now: sent, back in drafts, or (null) still scheduled. */
function stateOf(labels: readonly string[]): 'sent' | 'draft' | null {
  if (labels.includes(SCHEDULE_LABEL)) return null;
  if (labels.includes(SEND_LABEL) || labels.includes('^f')) return 'sent';
  return DRAFT_LABELS.every((l) => labels.includes(l)) ? 'draft' : null;
}

/**
 * Turns one observed sync call into capture events.
 * - every request message labelled `^pfg` -> one outbound event, enriched from the response
 *   (RFC Message-ID, legacy ids, server thread id) when the response names the same message;
 * - every request message labelled `^scheduled` (and not `^pfg`) -> one outbound event with status
 *   'scheduled', dated by its due time (scheduledTimeOf), enriched from the response alike;
 * - request messages labelled `^r`/`^r_bt` (draft saves) -> nothing, but reported in `draftSaves`;
 * - response messages that the user did not write -> inbound events (ingestion keeps them only
 *   for tracked threads and known prospects);
 * - response messages the caller follows (ctx.watched: scheduled ones) shown sent or back in
 *   drafts -> `sightings`.
 */
export function parseSyncCall(call: SyncCall, ctx: ParseCtx): SyncParseResult {
  const res: SyncParseResult = {
    events: [],
    draftSaves: [],
    sends: [],
    sightings: [],
    ownEmails: [],
    recognised: 0,
    failed: 0,
    errors: [],
  };
  const req = parseJson(call.requestBody);
  const resp = parseJson(call.responseBody);

  let requestMsgs: RequestMessage[] = [];
  if (call.kind === 's' && req !== undefined) {
    requestMsgs = readRequest20220909(req) ?? [];
    if (requestMsgs.length === 0) requestMsgs = walkMessages(req, 'walk-request').map((msg) => ({ msg, raw: [] }));
    // A request that carries the send (or schedule) label but yields no readable message is a lost send: count it.
    for (const label of [SEND_LABEL, SCHEDULE_LABEL]) {
      if (call.requestBody!.includes(label) && !requestMsgs.some((r) => r.msg.labels.includes(label))) {
        res.failed++;
        res.errors.push(label === SEND_LABEL ? 'send request not readable' : 'schedule request not readable');
      }
    }
  } else if (
    call.kind === 's' &&
    call.requestBody &&
    (call.requestBody.includes(SEND_LABEL) || call.requestBody.includes(SCHEDULE_LABEL))
  ) {
    res.failed++;
    res.errors.push('send request is not JSON');
  }

  let responseMsgs: RawMessage[] = [];
  if (resp !== undefined) {
    const r = readResponseMessages(call.kind, resp);
    responseMsgs = r.messages;
    if (!r.recognised && call.kind !== 's') {
      // fd/bv responses always carry threads; one we cannot read is a reader to update.
      res.failed++;
      res.errors.push(`${call.kind} response shape unknown`);
    }
  }
  const byId = new Map<string, RawMessage>();
  for (const m of responseMsgs) if (!byId.has(m.id) || m.labels.includes(SEND_LABEL)) byId.set(m.id, m);

  const handled = new Set<string>();
  for (const { msg, raw, update } of requestMsgs) {
    handled.add(msg.id);
    const sending = msg.labels.includes(SEND_LABEL);
    const scheduling = !sending && msg.labels.includes(SCHEDULE_LABEL);
    if (sending || scheduling) {
      const server = byId.get(msg.id);
      const merged: RawMessage = {
        ...msg,
        rfc: server?.rfc ?? msg.rfc,
        legacyId: server?.legacyId ?? msg.legacyId,
        inReplyTo: msg.inReplyTo.length ? msg.inReplyTo : (server?.inReplyTo ?? []),
        // The request carries the written text; the response only a snippet of everything.
        text: msg.text || server?.text || '',
        subject: msg.subject || server?.subject || null,
      };
      if (scheduling) {
        const due = scheduledTimeOf(raw, update, call.startedAt ?? 0);
        res.events.push(
          toEvent(merged, 'outbound', ctx, { threadIds: server?.threadIds, scheduled: true, scheduledAt: due }),
        );
        if (due === null) {
          // Logged, but it counts only once Gmail shows it sent: a reader to update.
          res.failed++;
          res.errors.push('scheduled send: no time found');
        } else res.recognised++;
      } else {
        res.events.push(toEvent(merged, 'outbound', ctx, { threadIds: server?.threadIds }));
        res.sends.push(msg.id);
        res.recognised++;
      }
      if (msg.from.email) res.ownEmails.push(msg.from.email);
    } else if (DRAFT_LABELS.every((l) => msg.labels.includes(l))) {
      res.draftSaves.push(msg.id);
      if (msg.from.email) res.ownEmails.push(msg.from.email);
    }
  }

  const own = [...new Set([...ctx.ownEmails, ...res.ownEmails])];
  for (const m of responseMsgs) {
    if (handled.has(m.id)) continue;
    handled.add(m.id);
    if (isAuthored(m, own)) {
      // History of the user's own messages: sends are taken from requests. A scheduled message the
      // caller follows is the exception: its later state is only ever seen here.
      const state = ctx.watched?.(m.id) ? stateOf(m.labels) : null;
      if (state) res.sightings.push(state === 'sent' ? { id: m.id, event: toEvent(m, 'outbound', ctx) } : { id: m.id });
      continue;
    }
    if (!m.id.startsWith('msg-f:')) continue;
    res.events.push(toEvent(m, 'inbound', ctx));
    res.recognised++;
  }
  res.ownEmails = [...new Set(res.ownEmails)];
  return res;
}
