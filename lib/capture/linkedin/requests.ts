// Readers for the bodies of LinkedIn's own send calls, as the background's webRequest observer
// sees them (raw bytes). Pure functions: URL + body text in, a description of the send out.
//
// Endpoints (last seen 2025-2026 in public clients: linkedin-api, mautrix-linkedin, TextsHQ, and
// browser captures published in extension repos):
//   POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage
//        {"message":{"body":{"text","attributes"},"originToken","renderContentUnions",
//         "conversationUrn"?}, "mailboxUrn":"urn:li:fsd_profile:<viewer>", "trackingId",
//         "dedupeByClientGeneratedToken", "hostRecipientUrns"?: [fsd_profile…] (new conversation)}
//        sent as text/plain;charset=UTF-8 (trackingId is 16 raw bytes as chars)
//   POST /voyager/api/messaging/conversations?action=create  (legacy; subtype INMAIL for InMail)
//   POST /voyager/api/messaging/conversations/<id>/events?action=create  (legacy reply)
//   POST /voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2
//        {"invitee":{"inviteeUnion":{"memberProfile":"urn:li:fsd_profile:…"}},"customMessage"?}
//   POST /voyager/api/growth/normInvitations  (older: invitee…InviteeProfile.profileId, message)
//   POST /flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaAddConnection
//        {"requestId", "serverRequest":{…}, "requestedArguments":{"payload":{"inviteeUrn"|
//         "nonIterableProfileId", "firstName","lastName","customMessage"?, "profileCanonicalUrl"?}}}
import { canonicalProfileUrl, memberIdFromUrn, normaliseMessageId, normaliseThreadId, numericIdFromUrn } from './ids';

export type SendKind = 'linkedin-message' | 'linkedin-invite' | 'inmail';

export interface ObservedSend {
  kind: SendKind;
  text: string;
  originToken: string | null;
  threadId: string | null;
  /** Viewer (sender) member id from mailboxUrn, when the body carries it. */
  viewerMemberId: string | null;
  recipients: { memberId?: string; profileUrl?: string; name?: string; numericMemberId?: string }[];
  subject: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** A URL of LinkedIn's own web app (relative ones resolved), or null for anything else. */
export function linkedInAppUrl(url: string): URL | null {
  try {
    const u = new URL(url, 'https://www.linkedin.com');
    return u.hostname === 'www.linkedin.com' ? u : null;
  } catch {
    return null;
  }
}

/** Which LinkedIn send call a URL is, or null for anything else (reads, telemetry, …). */
export function classifySendUrl(url: string): 'createMessage' | 'legacyMessage' | 'invite' | 'sduiInvite' | null {
  const u = linkedInAppUrl(url);
  if (!u) return null;
  const path = u.pathname;
  const action = u.searchParams.get('action') ?? '';
  if (path.endsWith('/voyagerMessagingDashMessengerMessages') && action === 'createMessage') return 'createMessage';
  if (/\/voyager\/api\/messaging\/conversations(\/[^/]+\/events)?$/.test(path) && action === 'create') return 'legacyMessage';
  if (path.endsWith('/voyagerRelationshipsDashMemberRelationships') && /^verifyQuotaAndCreate/.test(action)) return 'invite';
  if (path.endsWith('/growth/normInvitations')) return 'invite';
  if (path.startsWith('/flagship-web/rsc-action/actions/server-request')) {
    const sduiid = u.searchParams.get('sduiid') ?? '';
    if (/mynetwork\.addaAddConnection$/i.test(sduiid)) return 'sduiInvite';
  }
  return null;
}

/** Raw request bytes -> JSON. Bodies come as UTF-8 (text/plain or application/json). */
export function decodeBody(parts: ArrayBuffer[] | null | undefined, formData?: Record<string, string[]> | null): unknown {
  if (parts && parts.length) {
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const all = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      all.set(new Uint8Array(p), at);
      at += p.byteLength;
    }
    const text = new TextDecoder('utf-8').decode(all);
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (formData) {
    // Some clients post JSON as a single form field; take the first value that parses.
    for (const values of Object.values(formData)) {
      for (const v of values) {
        try {
          return JSON.parse(v);
        } catch {
          /* not JSON */
        }
      }
    }
  }
  return null;
}

function parseCreateMessage(body: Obj): ObservedSend | null {
  const message = isObj(body.message) ? body.message : null;
  if (!message) return null;
  const text = isObj(message.body) ? str(message.body.text) ?? '' : str(message.body) ?? '';
  const hosts = Array.isArray(body.hostRecipientUrns) ? body.hostRecipientUrns : [];
  const recipients = hosts.map((h) => memberIdFromUrn(str(h))).filter((m): m is string => !!m).map((memberId) => ({ memberId }));
  // InMail through the Dash endpoint carries a subject (InMails are the only messages with one).
  const subject = str(message.subject) ?? (isObj(message.subject) ? str((message.subject as Obj).text) : null);
  return {
    kind: subject ? 'inmail' : 'linkedin-message',
    text,
    originToken: str(message.originToken),
    threadId: normaliseThreadId(str(message.conversationUrn)),
    viewerMemberId: memberIdFromUrn(str(body.mailboxUrn)),
    recipients,
    subject,
  };
}

function parseLegacyMessage(url: string, body: Obj): ObservedSend | null {
  const create = isObj(body.eventCreate) ? body.eventCreate : isObj(body.conversationCreate) && isObj((body.conversationCreate as Obj).eventCreate) ? ((body.conversationCreate as Obj).eventCreate as Obj) : null;
  if (!create) return null;
  const value = isObj(create.value) ? create.value : {};
  const mc = (value['com.linkedin.voyager.messaging.create.MessageCreate'] as Obj | undefined) ?? value;
  const text = (isObj(mc.attributedBody) ? str(mc.attributedBody.text) : null) ?? str(mc.body) ?? '';
  const conv = isObj(body.conversationCreate) ? (body.conversationCreate as Obj) : null;
  const recipients = (conv && Array.isArray(conv.recipients) ? conv.recipients : [])
    .map((r) => memberIdFromUrn(str(r)))
    .filter((m): m is string => !!m)
    .map((memberId) => ({ memberId }));
  const pathThread = /\/messaging\/conversations\/([^/]+)\/events/.exec(new URL(url, 'https://www.linkedin.com').pathname);
  const subtype = conv ? str(conv.subtype) : null;
  const subject = str(mc.subject) ?? (conv ? str(conv.subject) : null);
  return {
    kind: subtype === 'INMAIL' ? 'inmail' : 'linkedin-message',
    text,
    originToken: str(create.originToken),
    threadId: pathThread ? normaliseThreadId(pathThread[1]!) : null,
    viewerMemberId: null,
    recipients,
    subject,
  };
}

function parseInvite(body: Obj): ObservedSend | null {
  // verifyQuotaAndCreateV2: invitee.inviteeUnion.memberProfile; older normInvitations: invitee[InviteeProfile].profileId.
  const inv = isObj(body.invitation) ? (body.invitation as Obj) : body;
  const invitee = isObj(inv.invitee) ? (inv.invitee as Obj) : null;
  let memberId: string | null = null;
  if (invitee) {
    const union = isObj(invitee.inviteeUnion) ? (invitee.inviteeUnion as Obj) : null;
    memberId = memberIdFromUrn(str(union?.memberProfile));
    const legacy = invitee['com.linkedin.voyager.growth.invitation.InviteeProfile'];
    if (!memberId && isObj(legacy)) memberId = memberIdFromUrn(str(legacy.profileId));
  }
  memberId ??= memberIdFromUrn(str(inv.inviteeProfileUrn));
  const text = str(inv.customMessage) ?? str(inv.message) ?? '';
  return {
    kind: 'linkedin-invite',
    text,
    originToken: null,
    threadId: null,
    viewerMemberId: null,
    recipients: memberId ? [{ memberId }] : [],
    subject: null,
  };
}

function parseSduiInvite(body: Obj): ObservedSend | null {
  // The payload sits at requestedArguments.payload (top level or inside serverRequest, by client build).
  const candidates: unknown[] = [
    (body.requestedArguments as Obj | undefined)?.payload,
    ((body.serverRequest as Obj | undefined)?.requestedArguments as Obj | undefined)?.payload,
    (body.serverRequest as Obj | undefined)?.payload,
  ];
  const payload = candidates.find(isObj) as Obj | undefined;
  if (!payload) return null;
  // The invitee: `inviteeUrn: {memberId: "<numeric>"}` (a number in some builds) and the matching
  // state key `state:invitation:urn:li:member:<n>`; `nonIterableProfileId` holds the ACoAA… id
  // when the client has it (often "" in PYMK cards).
  const inviteeUrn = payload.inviteeUrn;
  const stateKey = isObj(payload.connectionState) ? str((payload.connectionState as Obj).key) : null;
  const numeric =
    (isObj(inviteeUrn) ? str(inviteeUrn.memberId) ?? (typeof inviteeUrn.memberId === 'number' ? String(inviteeUrn.memberId) : null) : null) ??
    numericIdFromUrn(str(inviteeUrn)) ??
    numericIdFromUrn(stateKey);
  const memberId = memberIdFromUrn(str(payload.nonIterableProfileId)) ?? memberIdFromUrn(str(payload.inviteeProfileUrn)) ?? memberIdFromUrn(str(inviteeUrn));
  const name = `${str(payload.firstName) ?? ''} ${str(payload.lastName) ?? ''}`.trim();
  const vanity = str(payload.vanityName);
  const profileUrl = canonicalProfileUrl(str(payload.profileCanonicalUrl) ?? (vanity ? `/in/${vanity}/` : null));
  const text = str(payload.customMessage) ?? str(payload.message) ?? str(payload.note) ?? '';
  const r: ObservedSend['recipients'][number] = {};
  if (memberId) r.memberId = memberId;
  if (numeric && /^\d{1,15}$/.test(numeric)) r.numericMemberId = numeric;
  if (profileUrl) r.profileUrl = profileUrl;
  if (name) r.name = name;
  return { kind: 'linkedin-invite', text, originToken: null, threadId: null, viewerMemberId: null, recipients: Object.keys(r).length ? [r] : [], subject: null };
}

/** Reads a send from a LinkedIn request (URL + decoded JSON body); null when it is not one. */
export function parseSendRequest(url: string, body: unknown): ObservedSend | null {
  const kind = classifySendUrl(url);
  if (!kind || !isObj(body)) return null;
  switch (kind) {
    case 'createMessage':
      return parseCreateMessage(body);
    case 'legacyMessage':
      return parseLegacyMessage(url, body);
    case 'invite':
      return parseInvite(body);
    case 'sduiInvite':
      return parseSduiInvite(body);
  }
}

/**
 * "Delete" of a sent message: `POST …/voyagerMessagingDashMessengerMessages?action=recall` naming
 * the message URN in its body (field name varies by client build, so any msg_message URN counts).
 * Returns LinkedIn's message id (`2-…`), or null when this is not a recall.
 */
export function parseRecallRequest(url: string, body: unknown): string | null {
  let u: URL;
  try {
    u = new URL(url, 'https://www.linkedin.com');
  } catch {
    return null;
  }
  if (u.hostname !== 'www.linkedin.com' || !u.pathname.endsWith('/voyagerMessagingDashMessengerMessages') || u.searchParams.get('action') !== 'recall') return null;
  const text = JSON.stringify(body ?? null);
  const urn = /urn:li:(?:msg_message|messagingMessage|fsd_message):[^"]+/.exec(text);
  return urn ? normaliseMessageId(urn[0]) : null;
}
