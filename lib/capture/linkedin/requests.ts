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
  if (/\/voyager\/api\/messaging\/conversations(\/[^/]+\/events)?$/.test(path) && action === 'create')
    return 'legacyMessage';
  if (path.endsWith('/voyagerRelationshipsDashMemberRelationships') && /^verifyQuotaAndCreate/.test(action))
    return 'invite';
  if (path.endsWith('/growth/normInvitations')) return 'invite';
  if (path.startsWith('/flagship-web/rsc-action/actions/server-request')) {
    const sduiid = u.searchParams.get('sduiid') ?? '';
    if (/mynetwork\.addaAddConnection$/i.test(sduiid)) return 'sduiInvite';
  }
  return null;
}

/** Raw request bytes -> JSON. Bodies come as UTF-8 (text/plain or application/json). */
export function decodeBody(
  parts: ArrayBuffer[] | null | undefined,
  formData?: Record<string, string[]> | null,
): unknown {
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
  const text = isObj(message.body) ? (str(message.body.text) ?? '') : (str(message.body) ?? '');
  const hosts = Array.isArray(body.hostRecipientUrns) ? body.hostRecipientUrns : [];
  const recipients = hosts
    .map((h) => memberIdFromUrn(str(h)))
    .filter((m): m is string => !!m)
    .map((memberId) => ({ memberId }));
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
  const create = isObj(body.eventCreate)
    ? body.eventCreate
    : isObj(body.conversationCreate) && isObj((body.conversationCreate as Obj).eventCreate)
      ? ((body.conversationCreate as Obj).eventCreate as Obj)
      : null;
  if (!create) return null;
  const value = isObj(create.value) ? create.value : {};
  const mc = (value['com.linkedin.voyager.messaging.create.MessageCreate'] as Obj | undefined) ?? value;
  const text = (isObj(mc.attributedBody) ? str(mc.attributedBody.text) : null) ?? str(mc.body) ?? '';
  const conv = isObj(body.conversationCreate) ? (body.conversationCreate as Obj) : null;
  const recipients = (conv && Array.isArray(conv.recipients) ? conv.recipients : [])
    .map((r) => memberIdFromUrn(str(r)))
    .filter((m): m is string => !!m)
    .map((memberId) => ({ memberId }));
  const pathThread = /\/messaging\/conversations\/([^/]+)\/events/.exec(
    new URL(url, 'https://www.linkedin.com').pathname,
  );
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
    (isObj(inviteeUrn)
      ? (str(inviteeUrn.memberId) ?? (typeof inviteeUrn.memberId === 'number' ? String(inviteeUrn.memberId) : null))
      : null) ??
    numericIdFromUrn(str(inviteeUrn)) ??
    numericIdFromUrn(stateKey);
  const memberId =
    memberIdFromUrn(str(payload.nonIterableProfileId)) ??
    memberIdFromUrn(str(payload.inviteeProfileUrn)) ??
    memberIdFromUrn(str(inviteeUrn));
  const name = `${str(payload.firstName) ?? ''} ${str(payload.lastName) ?? ''}`.trim();
  const vanity = str(payload.vanityName);
  const profileUrl = canonicalProfileUrl(str(payload.profileCanonicalUrl) ?? (vanity ? `/in/${vanity}/` : null));
  const text = str(payload.customMessage) ?? str(payload.message) ?? str(payload.note) ?? '';
  const r: ObservedSend['recipients'][number] = {};
  if (memberId) r.memberId = memberId;
  if (numeric && /^\d{1,15}$/.test(numeric)) r.numericMemberId = numeric;
  if (profileUrl) r.profileUrl = profileUrl;
  if (name) r.name = name;
  return {
    kind: 'linkedin-invite',
    text,
    originToken: null,
    threadId: null,
    viewerMemberId: null,
    recipients: Object.keys(r).length ? [r] : [],
    subject: null,
  };
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
  if (
    u.hostname !== 'www.linkedin.com' ||
    !u.pathname.endsWith('/voyagerMessagingDashMessengerMessages') ||
    u.searchParams.get('action') !== 'recall'
  )
    return null;
  const text = JSON.stringify(body ?? null);
  const urn = /urn:li:(?:msg_message|messagingMessage|fsd_message):[^"]+/.exec(text);
  return urn ? normaliseMessageId(urn[0]) : null;
}

/**
 * An edit of a sent message: `POST …/voyagerMessagingDashMessengerMessages/<url-encoded message
 * URN>` with `{"patch":{"$set":{"body":{"text","attributes"}}}}` (mautrix/linkedin
 * pkg/linkedingo/messages.go EditMessage at 525a6e31944c40be102552b7e6a0176aa7c96247; grinich/inflow
 * entrypoints/background/api/messages.ts editMessage at 78a8e94e3f16b5d89e0f2872235c815f548c7daf).
 * Returns LinkedIn's message id (`2-…`) and the new text, or null when this is not an edit.
 */
export function parseEditRequest(url: string, body: unknown): { messageId: string; text: string } | null {
  const u = linkedInAppUrl(url);
  const seg = u ? /\/voyagerMessagingDashMessengerMessages\/([^/]+)$/.exec(u.pathname)?.[1] : null;
  const set = isObj(body) && isObj(body.patch) ? (body.patch as Obj).$set : null;
  const text = isObj(set) && isObj(set.body) ? set.body.text : null;
  if (!seg || typeof text !== 'string') return null;
  let urn = seg;
  try {
    urn = decodeURIComponent(seg);
  } catch {
    /* kept as it came */
  }
  const messageId = normaliseMessageId(urn);
  return messageId ? { messageId, text } : null;
}

/** Who a withdrawn invitation was to, as far as the withdraw call says (any subset of these). */
export interface ObservedWithdrawal {
  memberId?: string;
  profileUrl?: string;
  numericMemberId?: string;
  invitationId?: string;
  name?: string;
}

/**
 * A withdrawn invitation, in the forms LinkedIn's web app posts:
 * - server-driven: `POST /flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.
 *   requests.mynetwork.addaWithdrawInvitation`, payload (at requestedArguments.payload, inside
 *   serverRequest or not) `{inviteeVanityName, profileUrn: "ACoAA…", firstName, lastName,
 *   invitationUrn: {invitationId}, inviterActionType: "InviterActionType_WITHDRAW", …}` (captured from
 *   the invitation manager: grinich/inflow docs/linkedin-sent-invitations.md at
 *   0f06f73f4751d7e432465f480cf1f09c39c73037); the numeric id when a build names the invitee so, as
 *   addaAddConnection does (`inviteeUrn.memberId`, `urn:li:member:<n>` state keys);
 * - Dash: `POST /voyager/api/voyagerRelationshipsDashInvitations/urn:li:fsd_invitation:<id>?action=withdraw`
 *   (body `{"invitationType":"CONNECTION"}`) and the older `POST /voyager/api/relationships/invitations/<id>?action=withdraw`:
 *   only the invitation id, the one the invitee's profile data names beside their member id
 *   (`urn:li:fsd_invitation:<id>` with `*inviteeMemberResolutionResult`, profile-ids.ts).
 * Null for anything else (the WithdrawConfirmationDialog that only opens the dialog, say).
 */
export function parseWithdrawRequest(url: string, body: unknown): ObservedWithdrawal | null {
  const u = linkedInAppUrl(url);
  if (!u) return null;
  const path = u.pathname;
  const fromPath = /\/voyager\/api\/(?:voyagerRelationshipsDashInvitations|relationships\/invitations)\/([^/]+)$/.exec(
    path,
  )?.[1];
  if (fromPath) {
    if (u.searchParams.get('action') !== 'withdraw') return null;
    const id = /(\d{1,25})\)?$/.exec(fromPath.replace(/%29$/i, ''))?.[1];
    return id ? { invitationId: id } : null;
  }
  if (
    !path.startsWith('/flagship-web/rsc-action/actions/server-request') ||
    !/mynetwork\.addaWithdrawInvitation$/i.test(u.searchParams.get('sduiid') ?? '') ||
    !isObj(body)
  )
    return null;
  const payload = [
    (body.requestedArguments as Obj | undefined)?.payload,
    ((body.serverRequest as Obj | undefined)?.requestedArguments as Obj | undefined)?.payload,
  ].find(isObj) as Obj | undefined;
  if (!payload) return null;
  const out: ObservedWithdrawal = {};
  const profileUrn = str(payload.profileUrn) ?? str(payload.inviteeProfileUrn) ?? str(payload.nonIterableProfileId);
  const memberId = memberIdFromUrn(profileUrn);
  if (memberId) out.memberId = memberId;
  const vanity = str(payload.inviteeVanityName) ?? str(payload.vanityName);
  const profileUrl = canonicalProfileUrl(str(payload.profileCanonicalUrl) ?? (vanity ? `/in/${vanity}/` : null));
  if (profileUrl) out.profileUrl = profileUrl;
  const inv = isObj(payload.invitationUrn) ? (payload.invitationUrn as Obj).invitationId : payload.invitationUrn;
  const invId = /(\d{1,25})$/.exec(String(inv ?? ''))?.[1];
  if (invId) out.invitationId = invId;
  const invitee = isObj(payload.inviteeUrn) ? (payload.inviteeUrn as Obj).memberId : payload.inviteeUrn;
  const numeric = /^\d{1,15}$/.test(String(invitee ?? ''))
    ? String(invitee)
    : (numericIdFromUrn(str(invitee)) ?? /urn:li:member:(\d{1,15})\b/.exec(JSON.stringify(payload))?.[1] ?? null);
  if (numeric) out.numericMemberId = numeric;
  const name = `${str(payload.firstName) ?? ''} ${str(payload.lastName) ?? ''}`.trim();
  if (name) out.name = name;
  return out.memberId || out.profileUrl || out.numericMemberId || out.invitationId ? out : null;
}
