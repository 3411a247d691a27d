// Lookup keys. Every record carries the ids it is known by in a multi-entry `keys` index, so two
// sightings that share any id (a Gmail draft id, a legacy hex id, an RFC Message-ID, a LinkedIn
// profile URL) resolve to one record.
import type { Channel } from '../schema/model';
import type { CapturedPerson } from '../schema/events';

export function normEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').toLowerCase();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(s) ? s : null;
}

export function emailDomain(email: string | null | undefined): string | null {
  const e = normEmail(email);
  return e ? e.slice(e.lastIndexOf('@') + 1) : null;
}

/** Free-mail domains say nothing about a company. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com',
  'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'orange.fr',
  'free.fr', 'yandex.ru', 'mail.ru', 'qq.com', '163.com',
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

/** Public id of a LinkedIn profile URL (`/in/<id>/`), lower-cased and URL-decoded. */
export function linkedinPublicId(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /(?:^|linkedin\.com)\/in\/([^/?#]+)/i.exec(url.trim());
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]).toLowerCase();
  } catch {
    return m[1].toLowerCase();
  }
}

export function canonicalProfileUrl(url: string | null | undefined): string | null {
  const id = linkedinPublicId(url);
  return id ? `https://www.linkedin.com/in/${encodeURIComponent(id)}/` : null;
}

export function personKeys(p: CapturedPerson): string[] {
  const keys: string[] = [];
  const email = normEmail(p.email);
  if (email) keys.push(`email:${email}`);
  const li = linkedinPublicId(p.profileUrl);
  if (li) keys.push(`li:${li}`);
  if (p.memberId) keys.push(`lim:${p.memberId}`);
  return keys;
}

export function normRfcId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

export function messageKeys(channel: Channel, externalId: string, aliases: readonly string[], rfc: string | null): string[] {
  const keys = new Set<string>([`${channel}:${externalId}`, ...aliases.map((a) => `${channel}:${a}`)]);
  if (rfc) keys.add(`rfc:${normRfcId(rfc)}`);
  return [...keys];
}

export function threadKeys(channel: Channel, externalId: string | null, aliases: readonly string[]): string[] {
  const ids = [externalId, ...aliases].filter((x): x is string => !!x);
  return [...new Set(ids.map((x) => `${channel}:t:${x}`))];
}

/** Text compared for the cross-layer fallback match: case, whitespace and quotes folded. */
export function normText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
