// Lookup keys. Every record carries the ids it is known by in a multi-entry `keys` index, so two
// sightings that share any id (a Gmail draft id, a legacy hex id, an RFC Message-ID, a LinkedIn
// profile URL) resolve to one record.
//
// In lib/records (pure, on lib/schema only): the key forms are part of what is stored, and every
// writer and reader of them shares this one copy: the content scripts (a LinkedIn profile URL or
// member id in normal form, an email address), ingestion, the JSON import, lead lists, the
// Prospects tab's "who is on this page", the schema v3 upgrade.
import type { Channel } from '../schema/model';
import type { CapturedPerson } from '../schema/events';

export function normEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<|>$/g, '')
    .toLowerCase();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(s) ? s : null;
}

export function emailDomain(email: string | null | undefined): string | null {
  const e = normEmail(email);
  return e ? e.slice(e.lastIndexOf('@') + 1) : null;
}

/** Free-mail domains say nothing about a company. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'orange.fr',
  'free.fr',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
]);
export const isFreeMail = (domain: string | null) => !!domain && FREE_MAIL.has(domain);

export function isExcluded(email: string | null | undefined, excludedDomains: readonly string[]): boolean {
  const d = emailDomain(email);
  if (!d) return false;
  return excludedDomains.some((x) => {
    const ex = x.trim().toLowerCase().replace(/^@/, '');
    return d === ex || d.endsWith('.' + ex);
  });
}

// LinkedIn names one member in four ways, and every one of them is a lookup key of the prospect:
//   `li:<slug>`      the public id of /in/<slug>/ (profile pages, invitations with a canonical URL);
//                    slugs are case-insensitive, so lower-cased and URL-decoded;
//   `lim:<ACoA…>`    the member id of urn:li:fsd_profile:/fs_miniProfile: URNs (messaging, realtime,
//                    SDUI component keys), also written as a profile URL `/in/ACoA…`; base64-like
//                    and CASE-SENSITIVE: it is never lower-cased (a lower-cased one would be a fake slug);
//   `linum:<n>`      the numeric id of urn:li:member:<n> (invitations, messaging participants'
//                    backendUrn, the classic profile's objectUrn);
//   `email:<addr>`   an email address (Gmail, a profile's contact info).
// and, while an invitation to them is pending, `liinv:<n>`: the id of urn:li:fsd_invitation:<n>,
// which is all LinkedIn's invitation-id-only withdraw calls name (lib/capture/linkedin/requests.ts).
// A page that shows two of them at once (a profile with its member id, a contact-info overlay
// with an email) is what lets ingestion fold two records into one (lib/records/prospect-merge.ts).

/**
 * A LinkedIn member id (`ACoAA…`, 39 characters in practice): `ACo` then 10+ base64url
 * characters. Case matters. A vanity slug cannot start with upper-case `ACo` (slugs are lower-case).
 */
export function isMemberId(s: string | null | undefined): boolean {
  return !!s && /^ACo[A-Za-z0-9_-]{10,}$/.test(s);
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The raw `/in/<segment>` of a LinkedIn profile URL (decoded, case kept), or null. */
function profileSegment(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /(?:^|linkedin\.com)\/in\/([^/?#]+)/i.exec(url.trim());
  const seg = m ? decodeSegment(m[1]).trim() : '';
  return seg || null;
}

/**
 * Public id (slug) of a LinkedIn profile URL (`/in/<id>/`), lower-cased and URL-decoded. A URL
 * that carries a member id in place of the slug (`/in/ACoAA…`, as messaging writes it) has no
 * public id: see linkedinMemberIdOfUrl.
 */
export function linkedinPublicId(url: string | null | undefined): string | null {
  const seg = profileSegment(url);
  if (!seg || isMemberId(seg)) return null;
  return seg.toLowerCase();
}

/** The member id of a profile URL written with it (`/in/ACoAA…`), case kept; null for a slug URL. */
export function linkedinMemberIdOfUrl(url: string | null | undefined): string | null {
  const seg = profileSegment(url);
  return seg && isMemberId(seg) ? seg : null;
}

export function canonicalProfileUrl(url: string | null | undefined): string | null {
  const id = linkedinPublicId(url);
  return id ? `https://www.linkedin.com/in/${encodeURIComponent(id)}/` : null;
}

/** The numeric member id of `urn:li:member:<n>` (or a bare number), else null. */
export function numericMemberId(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim();
  const m = /^(?:urn:li:member:)?(\d{1,15})$/.exec(s);
  return m ? m[1] : null;
}

export function personKeys(p: CapturedPerson): string[] {
  const keys: string[] = [];
  const email = normEmail(p.email);
  if (email) keys.push(`email:${email}`);
  const li = linkedinPublicId(p.profileUrl);
  if (li) keys.push(`li:${li}`);
  const mid = p.memberId?.trim() || linkedinMemberIdOfUrl(p.profileUrl);
  if (mid) keys.push(`lim:${mid}`);
  const num = numericMemberId(p.numericMemberId);
  if (num) keys.push(`linum:${num}`);
  if (p.invitationId && /^\d{1,25}$/.test(p.invitationId)) keys.push(`liinv:${p.invitationId}`);
  return keys;
}

/** What kind of id a prospect key is (`email`, `li`, `lim`, `linum`, `thread`), for merge rules. */
export function keyKind(key: string): string {
  return key.slice(0, Math.max(0, key.indexOf(':')));
}

export function normRfcId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

export function messageKeys(
  channel: Channel,
  externalId: string,
  aliases: readonly string[],
  rfc: string | null,
): string[] {
  const keys = new Set<string>([`${channel}:${externalId}`, ...aliases.map((a) => `${channel}:${a}`)]);
  if (rfc) keys.add(`rfc:${normRfcId(rfc)}`);
  return [...keys];
}

export function threadKeys(channel: Channel, externalId: string | null, aliases: readonly string[]): string[] {
  const ids = [externalId, ...aliases].filter((x): x is string => !!x);
  return [...new Set(ids.map((x) => `${channel}:t:${x}`))];
}
