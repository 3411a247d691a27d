// LinkedIn ids and URNs: decoding and the ONE normal form both capture layers use.
//
// Why this module exists: the network layer (request bodies seen by the background) and the DOM
// layer (data-event-urn in the page) name the same conversation in different wrappers:
//   urn:li:msg_conversation:(urn:li:fsd_profile:ACoAA…,2-ZTQ4…==)   (Dash messenger, 2022-2026)
//   urn:li:fs_conversation:2-ZTQ4…==  /  urn:li:fsd_conversation:2-…  /  urn:li:messagingThread:2-…
//   https://www.linkedin.com/messaging/thread/2-ZTQ4…==/  (URL, sometimes percent-encoded)
// and a message id `2-<base64("<epoch-ms><hex>-<nnn>&<threadUUID>_<nnn>")>` also contains its
// thread. Ingestion joins sightings only when their thread ids are identical strings, so every
// path goes through normaliseThreadId.
import { linkedinMemberIdOfUrl, linkedinPublicId, numericMemberId } from '../../records/keys';

/** Base64 (standard or URL-safe, padding optional) to a Latin-1/ASCII string; null when not base64. */
export function decodeBase64(input: string): string | null {
  let s = input.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  s = s.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  s += '='.repeat((4 - (s.length % 4)) % 4);
  try {
    return atob(s);
  } catch {
    return null;
  }
}

function encodeBase64(text: string): string {
  return btoa(text);
}

/** Thread UUIDs look like `e4889771-049c-4bb8-8d36-fbb0ff11334c_012` (uuid + `_<nnn>` shard). */
const THREAD_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:_\d+)?$/i;

export interface DecodedMessageId {
  /** The `2-…` id as LinkedIn writes it. */
  id: string;
  /** Creation time on LinkedIn's server, ms since epoch. */
  epochMs: number;
  /** The conversation this message belongs to, in normal form (`2-<base64(threadUUID)>`). */
  threadId: string;
  threadUuid: string;
}

/**
 * Decodes a `2-…` message id (e.g. `2-MTY1OTExMzA1NzA3MWI1OTIwNS0wMDEmZTI4OTlm…`):
 * base64 of `1659113057071b59205-001&e2899f41-8b50-4da2-b785-6394eca9a5b0_012`.
 * The leading 13 digits are epoch ms; after `&` comes the thread UUID.
 */
export function decodeMessageId(raw: string): DecodedMessageId | null {
  const id = stripUrnToId(raw);
  if (!id || !id.startsWith('2-')) return null;
  const text = decodeBase64(id.slice(2));
  if (!text) return null;
  const m = /^(\d{13})[^&]*&(.+)$/.exec(text);
  if (!m) return null;
  const epochMs = Number(m[1]);
  const threadUuid = m[2]!;
  if (!THREAD_UUID.test(threadUuid)) return null;
  return { id, epochMs, threadUuid, threadId: '2-' + encodeBase64(threadUuid) };
}

/**
 * The last `2-…` id inside a URN, or the raw value when it is already an id.
 * `urn:li:msg_message:(urn:li:fsd_profile:ACoAA…,2-MTY…)` -> `2-MTY…`;
 * `urn:li:fs_event:(2-thread,2-message)` -> `2-message`.
 */
function stripUrnToId(raw: string): string | null {
  const s = safeDecodeUri(raw.trim());
  const all = s.match(ID_IN_TEXT_RE);
  if (all && all.length) return all[all.length - 1]!;
  return s || null;
}

// A `2-…` id not glued to a preceding id character (member ids like `…X2-ab` must not match).
const ID_IN_TEXT_RE = /(?<![A-Za-z0-9_-])2-[A-Za-z0-9+/_-]+={0,2}/g;

function safeDecodeUri(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Normal form of a message id (`2-…`) from any wrapper (msg_message, fsd_message, fs_event, messagingMessage). */
export function normaliseMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = safeDecodeUri(raw.trim());
  const ids = s.match(ID_IN_TEXT_RE);
  if (ids && ids.length) return ids[ids.length - 1]!;
  return null;
}

/**
 * Normal form of a conversation id: `2-<base64(threadUUID)>` with standard base64 and padding.
 * Accepts a conversation URN of any vintage, a thread URL, a bare `2-…` id (also percent-encoded
 * or without padding), or a bare thread UUID. Returns null when nothing thread-like is found.
 */
export function normaliseThreadId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = safeDecodeUri(raw.trim());
  const url = /\/messaging\/thread\/([^/?#]+)/.exec(s);
  if (url) s = safeDecodeUri(url[1]!);
  if (THREAD_UUID.test(s)) return '2-' + encodeBase64(s);
  // In a msg_conversation URN the `2-…` comes after the mailbox profile; in fs_event the thread
  // is the FIRST `2-…`. Both are handled by taking the first `2-…` that decodes to a thread UUID.
  const ids = s.match(ID_IN_TEXT_RE) ?? [];
  for (const id of ids) {
    const decoded = decodeBase64(id.slice(2));
    if (decoded && THREAD_UUID.test(decoded)) return '2-' + encodeBase64(decoded);
  }
  // Not decodable (LinkedIn could change the id scheme): keep the bare id so both layers still agree.
  if (ids.length) return ids[0]!.replace(/=+$/, '');
  return null;
}

/** The member id (`ACoAA…`) of an fsd_profile / fs_miniProfile / fs_messagingMember URN, or null. */
export function memberIdFromUrn(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = safeDecodeUri(raw);
  const m =
    /(?:fsd_profile|fs_miniProfile|fs_profile|msg_messagingParticipant:urn:li:fsd_profile|fs_messagingMember:\([^,]*)[:,](ACo[A-Za-z0-9_-]+)/.exec(
      s,
    );
  if (m) return m[1]!;
  const bare = /^(ACo[A-Za-z0-9_-]{10,})$/.exec(s.trim());
  return bare ? bare[1]! : null;
}

/**
 * `data-event-urn` of a message list item:
 *   urn:li:msg_message:(urn:li:fsd_profile:<viewer ACoAA…>,2-<message id>)
 * The first element is the viewer's (mailbox owner's) profile id, never the sender's.
 */
export function parseEventUrn(
  urn: string | null | undefined,
): { viewerMemberId: string | null; message: DecodedMessageId | null; messageId: string | null } | null {
  if (!urn) return null;
  const s = safeDecodeUri(urn.trim());
  const viewer = /^urn:li:msg_message:\(urn:li:fsd_profile:([^,]+),/.exec(s);
  const messageId = normaliseMessageId(s);
  if (!viewer && !messageId) return null;
  return {
    viewerMemberId: viewer ? viewer[1]! : null,
    messageId,
    message: messageId ? decodeMessageId(messageId) : null,
  };
}

/**
 * Public id (slug) from a profile URL (`/in/<id>/`), lower-case and percent-decoded; null
 * otherwise, and null for a URL written with the member id (`/in/ACoAA…`, as messaging writes
 * it): member ids are case-sensitive and are not slugs (memberIdFromProfileUrl reads those).
 */
export function publicIdFromProfileUrl(raw: string | null | undefined): string | null {
  return linkedinPublicId(raw);
}

/** The member id of a profile URL written with it (`/in/ACoAA…`), case kept. */
export function memberIdFromProfileUrl(raw: string | null | undefined): string | null {
  return linkedinMemberIdOfUrl(raw);
}

/** Canonical profile URL `https://www.linkedin.com/in/<public-id>/`, the form prospect keys are built from. */
export function canonicalProfileUrl(raw: string | null | undefined): string | null {
  const id = publicIdFromProfileUrl(raw);
  return id ? `https://www.linkedin.com/in/${encodeURIComponent(id).replace(/%2D/gi, '-')}/` : null;
}

/** The numeric member id of `urn:li:member:<n>` (also inside a longer string), else null. */
export function numericIdFromUrn(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /urn:li:member:(\d{1,15})\b/.exec(safeDecodeUri(raw));
  return m ? m[1]! : numericMemberId(raw);
}

/**
 * A 1:1 conversation named by its other participant: `with:<memberId>`. LinkedIn keeps one 1:1
 * conversation per pair of members, so this names the same thread as its `2-…` id. The network
 * layer uses it for a first message (the request has recipients but no conversation yet); the DOM
 * layer adds it as an alias, so ingestion merges the two names into one thread.
 */
export function oneToOneThreadAlias(memberId: string): string {
  return `with:${memberId}`;
}

/** Thread id of an invitation note (an invitation has no conversation): by profile, else member. */
export function inviteThreadId(r: { memberId?: string; profileUrl?: string; numericMemberId?: string }): string | null {
  const pub = publicIdFromProfileUrl(r.profileUrl);
  if (pub) return `invite:li:${pub}`;
  if (r.memberId) return `invite:lim:${r.memberId}`;
  if (r.numericMemberId) return `invite:num:${r.numericMemberId}`;
  return null;
}

/**
 * Key of an invitation note shared by the two layers: the content script notes which template
 * (and which profile) an invitation note came from under `linkedin:invite-note:<key>`; the
 * background's network layer finds it by the note text it reads in the request body.
 */
export function noteKey(text: string): string {
  const norm = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36) + norm.length.toString(36);
}
