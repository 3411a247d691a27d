// Readers for LinkedIn's own messaging payloads: realtime envelopes (`/realtime/connect`), message
// lists (legacy normalized REST and today's `voyagerMessagingGraphQL` shapes) and send responses.
// Shapes differ by vintage, so the reader walks the JSON and picks out anything that looks like a
// message (an object carrying a message URN and a body), instead of hard-coding one path: the
// 2021-22 captures in test/fixtures/linkedin and the 2023-26 Dash shapes (entityUrn
// `urn:li:msg_message:(…)`, `body.text`, `sender.hostIdentityUrn`, `deliveredAt`) both pass through.
import {
  decodeMessageId,
  memberIdFromProfileUrl,
  memberIdFromUrn,
  normaliseMessageId,
  normaliseThreadId,
  numericIdFromUrn,
  canonicalProfileUrl,
} from './ids';

export interface PayloadMessage {
  messageId: string;
  threadId: string | null;
  sentAt: number;
  text: string;
  senderMemberId: string | null;
  /** The sender's numeric member id (`backendUrn: urn:li:member:<n>` of Dash participants, `objectUrn` of mini profiles). */
  senderNumericId: string | null;
  senderName: string | null;
  senderProfileUrl: string | null;
  senderHeadline: string | null;
  originToken: string | null;
  /** LinkedIn recalled (deleted) it. */
  recalled: boolean;
  /** Its author edited it: `text` is the text after the edit. */
  edited: boolean;
  /** Relative to the viewer when known; null when the viewer is unknown. */
  direction: 'outbound' | 'inbound' | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Realtime responses and fixtures can hold several JSON documents back to back (SSE `data:` lines). */
export function parseJsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        try {
          out.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          /* a torn chunk: skip it, the next document still parses */
        }
        start = -1;
      }
      if (depth < 0) depth = 0;
    }
  }
  return out;
}

/** Unwraps rest.li union members: `{"com.linkedin.voyager.messaging.event.MessageEvent": {...}}` -> inner object. */
function unwrapUnion(v: Json | undefined): Obj | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0]!.startsWith('com.linkedin.') && isObj(v[keys[0]!])) return v[keys[0]!] as Obj;
  return v;
}

function textOf(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v.text === 'string') return v.text;
  return null;
}

function messageText(o: Obj): string | null {
  // Dash (2022+): body: { text, attributes }.
  const dash = textOf(o.body);
  if (dash) return dash;
  // Legacy: eventContent[.MessageEvent].attributedBody.text, with `body` as older plain text.
  const content = unwrapUnion(o.eventContent);
  if (content) {
    const inner = unwrapUnion((content['com.linkedin.voyager.messaging.event.MessageEvent'] as Json) ?? content);
    if (inner) {
      const t = textOf(inner.attributedBody) || str(inner.body);
      if (t !== null) return t;
      return '';
    }
  }
  return typeof o.body === 'object' ? '' : null;
}

/**
 * Recall and edit marks, on the Dash message (realtime `com.linkedin.messenger.Message` and
 * GraphQL `messengerMessages` elements: `messageBodyRenderFormat` DEFAULT | EDITED | RECALLED |
 * SYSTEM, as mautrix/linkedin reads them in pkg/connector/handlelinkedin.go onRealtimeMessage and
 * pkg/linkedingo/messages.go at 525a6e31944c40be102552b7e6a0176aa7c96247) or inside a legacy
 * event's MessageEvent (`recalledAt`, test/fixtures/linkedin/realtime-delete-message.json;
 * `editedAt`, as grinich/inflow entrypoints/background/realtime/event-handler.ts reads it at
 * 78a8e94e3f16b5d89e0f2872235c815f548c7daf).
 */
function lifecycle(o: Obj): { recalled: boolean; edited: boolean } {
  const content = unwrapUnion(o.eventContent);
  const inner = content
    ? unwrapUnion((content['com.linkedin.voyager.messaging.event.MessageEvent'] as Json) ?? content)
    : null;
  let recalled = false;
  let edited = false;
  for (const x of inner ? [o, inner] : [o]) {
    if (typeof x.recalledAt === 'number' || x.messageBodyRenderFormat === 'RECALLED') recalled = true;
    if (x.messageBodyRenderFormat === 'EDITED' || typeof x.editedAt === 'number' || typeof x.lastEditedAt === 'number')
      edited = true;
  }
  return { recalled, edited: edited && !recalled };
}

interface Sender {
  memberId: string | null;
  numericId: string | null;
  name: string | null;
  profileUrl: string | null;
  headline: string | null;
}

function senderOf(o: Obj, resolve: (urn: string) => Obj | null): Sender {
  const empty: Sender = { memberId: null, numericId: null, name: null, profileUrl: null, headline: null };
  // Legacy normalized: "*from": "urn:li:fs_messagingMember:(thread,ACoAA…)" referencing `included`.
  const ref = str(o['*from']) ?? str(o['*sender']);
  let from: Obj | null = unwrapUnion(o.from) ?? unwrapUnion(o.sender) ?? (ref ? resolve(ref) : null);
  if (!from && ref) return { ...empty, memberId: memberIdFromUrn(ref) };
  // Dash send responses name the sender only by URN (`senderUrn`).
  if (!from && str(o.senderUrn)) return { ...empty, memberId: memberIdFromUrn(str(o.senderUrn)) };
  if (!from) return empty;
  from = unwrapUnion(from) ?? from;
  const mini = unwrapUnion(from.miniProfile);
  if (mini) {
    const first = str(mini.firstName) ?? '';
    const last = str(mini.lastName) ?? '';
    return {
      memberId: memberIdFromUrn(str(mini.entityUrn)) ?? memberIdFromUrn(str(from.entityUrn)),
      numericId: numericIdFromUrn(str(mini.objectUrn)),
      name: `${first} ${last}`.trim() || null,
      profileUrl: mini.publicIdentifier ? canonicalProfileUrl(`/in/${mini.publicIdentifier}/`) : null,
      headline: str(mini.occupation),
    };
  }
  // Dash: sender { entityUrn: msg_messagingParticipant:urn:li:fsd_profile:…, hostIdentityUrn, participantType.member{…} }
  const member = isObj(from.participantType) ? unwrapUnion((from.participantType as Obj).member) : null;
  const first = member ? (textOf(member.firstName) ?? '') : '';
  const last = member ? (textOf(member.lastName) ?? '') : '';
  return {
    memberId:
      memberIdFromUrn(str(from.hostIdentityUrn)) ??
      memberIdFromUrn(str(from.entityUrn)) ??
      (ref ? memberIdFromUrn(ref) : null) ??
      (member ? memberIdFromProfileUrl(str(member.profileUrl)) : null),
    numericId: /^urn:li:member:\d+$/.test(str(from.backendUrn) ?? '') ? numericIdFromUrn(str(from.backendUrn)) : null,
    name: `${first} ${last}`.trim() || null,
    profileUrl: member ? canonicalProfileUrl(str(member.profileUrl)) : null,
    headline: member ? textOf(member.headline) : null,
  };
}

function threadOf(o: Obj, messageId: string): string | null {
  const conv = o.conversation;
  const candidates = [
    str(o.conversationUrn),
    str(o.backendConversationUrn),
    isObj(conv) ? (str(conv.entityUrn) ?? str(conv.backendUrn)) : str(conv),
    str(o['*conversation']),
    str(o.entityUrn)?.startsWith('urn:li:fs_event:(') ? str(o.entityUrn) : null,
  ];
  for (const c of candidates) {
    const t = normaliseThreadId(c);
    if (t) return t;
  }
  return decodeMessageId(messageId)?.threadId ?? null;
}

/** True for an object that is a message event (not a seen receipt, reaction or conversation). */
function messageIdOf(o: Obj): string | null {
  for (const k of ['entityUrn', 'dashEntityUrn', 'backendUrn', 'eventUrn']) {
    const v = str(o[k]);
    if (!v) continue;
    if (/^urn:li:(msg_message|fsd_message|messagingMessage|fs_event):/.test(v)) return normaliseMessageId(v);
  }
  return null;
}

/**
 * Every message found anywhere in a payload. `viewerMemberId` (the mailbox owner, ACoAA…) decides
 * direction; pass null when unknown. Conversation-level viewer hints (`sdkEntityUrn`,
 * msg_message URN prefix) are used when no viewer is given.
 */
export function extractMessages(payload: unknown, viewerMemberId: string | null = null): PayloadMessage[] {
  const byUrn = new Map<string, Obj>();
  const seen = new Set<string>();
  const out: PayloadMessage[] = [];
  let viewer = viewerMemberId;

  // Index normalized `included` entities so "*from" references resolve.
  const index = (v: unknown) => {
    if (!isObj(v)) return;
    const inc = v.included;
    if (Array.isArray(inc)) for (const e of inc) if (isObj(e) && str(e.entityUrn)) byUrn.set(e.entityUrn as string, e);
  };
  index(payload);
  const resolve = (urn: string) => byUrn.get(urn) ?? null;

  const visit = (v: Json | undefined, depth: number) => {
    if (depth > 40 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!viewer) {
      const sdk =
        str(v.sdkEntityUrn) ?? (str(v.entityUrn)?.startsWith('urn:li:msg_conversation:') ? str(v.entityUrn) : null);
      const m = sdk ? /urn:li:fsd_profile:([^,)]+)/.exec(sdk) : null;
      if (m) viewer = m[1]!;
    }
    const id = messageIdOf(v);
    const text = id ? messageText(v) : null;
    const life = id ? lifecycle(v) : null;
    // A recalled message may come with no body at all: it is still the message that went away.
    if (id && (text !== null || life!.recalled) && !seen.has(id)) {
      seen.add(id);
      const decoded = decodeMessageId(id);
      const at =
        (typeof v.deliveredAt === 'number' && v.deliveredAt) ||
        (typeof v.createdAt === 'number' && v.createdAt) ||
        decoded?.epochMs ||
        0;
      const sender = senderOf(v, resolve);
      if (!viewer) {
        const own = str(v.entityUrn) ?? '';
        const m = /^urn:li:msg_message:\(urn:li:fsd_profile:([^,]+),/.exec(own);
        if (m) viewer = m[1]!;
      }
      out.push({
        messageId: id,
        threadId: threadOf(v, id),
        sentAt: at,
        text: text ?? '',
        senderMemberId: sender.memberId,
        senderNumericId: sender.numericId,
        senderName: sender.name,
        senderProfileUrl: sender.profileUrl,
        senderHeadline: sender.headline,
        originToken: str(v.originToken),
        recalled: life!.recalled,
        edited: life!.edited,
        direction: null,
      });
      return; // a message's children (sender, reactions) are not messages
    }
    for (const k of Object.keys(v)) if (k !== 'included') visit(v[k], depth + 1);
    if (Array.isArray(v.included)) for (const e of v.included) visit(e, depth + 1);
  };
  visit(payload as Json, 0);
  for (const m of out) {
    if (viewer && m.senderMemberId) m.direction = m.senderMemberId === viewer ? 'outbound' : 'inbound';
  }
  return out;
}

/** The result of `createMessage` (legacy EventCreateResponse or Dash message): ids the request did not have. */
export interface SendResult {
  messageId: string | null;
  threadId: string | null;
  originToken: string | null;
  sentAt: number | null;
}

export function parseSendResponse(payload: unknown): SendResult | null {
  if (!isObj(payload)) return null;
  const data = isObj(payload.data) ? payload.data : payload;
  const value = isObj(data.value) ? data.value : isObj(payload.value) ? payload.value : null;
  if (!value) return null;
  const messageId = normaliseMessageId(
    str(value.entityUrn) ?? str(value.eventUrn) ?? str(value.backendEventUrn) ?? str(value.backendUrn),
  );
  const threadId =
    normaliseThreadId(str(value.conversationUrn) ?? str(value.backendConversationUrn)) ??
    (messageId ? (decodeMessageId(messageId)?.threadId ?? null) : null);
  if (!messageId && !threadId) return null;
  return {
    messageId,
    threadId,
    originToken: str(value.originToken),
    sentAt:
      (typeof value.deliveredAt === 'number' && value.deliveredAt) ||
      (typeof value.createdAt === 'number' && value.createdAt) ||
      null,
  };
}
