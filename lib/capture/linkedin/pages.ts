// Readers for the LinkedIn pages that carry traits but no messages: company pages (industry, size
// band, headquarters) and the invitation manager's cards (a person's headline). Pure readers over
// a Document, like dom.ts: they never write to the page. Selectors in selectors.ts.
import { canonicalProfileUrl, memberIdFromProfileUrl } from './ids';
import * as SEL from './selectors';
import { COMPANY_LABELS } from './selectors';
import { isPresenceLine } from '../../records/presence';
import { readableText } from './dom-read';

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export interface CompanyPage {
  name: string;
  /** The page's public id (`/company/<slug>/`), or null when addressed by numeric id. */
  slug: string | null;
  /** The numeric company id, when the page names it. */
  numericId: string | null;
  industry: string | null;
  /** As written on the page ("51-200 employees", "1K-5K employees"). */
  companySize: string | null;
  headquarters: string | null;
}

/** "2M followers", "12,345 Follower", "1 234 abonnés", "seguidores". */
const FOLLOWERS = /\b(followers?|follower|abonnés|abonné|seguidores|seguidor|volgers|follower\*innen)\b/i;
const EMPLOYEES =
  /\b(employees?|beschäftigte|mitarbeiter(?:innen)?|employés|empleados|funcionários|funcionarios|dipendenti|medewerkers)\b/i;

/** `/company/<slug>/`, `/company/<slug>/about/` (and `/showcase/…`): name, industry, size band, HQ. */
export function readCompanyPage(doc: Document, url: string): CompanyPage | null {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /^\/(?:company|showcase)\/([^/]+)\/?/.exec(path);
  if (!m) return null;
  let ref = m[1]!;
  try {
    ref = decodeURIComponent(ref);
  } catch {
    /* keep raw */
  }
  ref = ref.toLowerCase();
  const main = doc.querySelector(SEL.main) ?? doc.body;
  if (!main) return null;
  const name = oneLine(readableText(main.querySelector(SEL.companyName)));
  if (!name) return null;

  let industry: string | null = null;
  let companySize: string | null = null;
  let headquarters: string | null = null;
  let numericId: string | null = /^\d+$/.test(ref) ? ref : null;

  // About tab: a definition list, label then value.
  for (const dt of main.querySelectorAll(SEL.companyDefinitionTerm)) {
    const label = oneLine(readableText(dt)).replace(/:$/, '');
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const value = oneLine(readableText(dd)) || null;
    if (COMPANY_LABELS.industry.test(label)) industry ??= value;
    else if (COMPANY_LABELS.headquarters.test(label)) headquarters ??= value;
    else if (COMPANY_LABELS.size.test(label)) {
      // The band's own dd; the next one ("1,234 associated members") is a count, not the band.
      const band = main.querySelector(SEL.companySizeValue);
      companySize ??= oneLine(readableText(band ?? dd)) || null;
    }
  }
  // Top card (every tab): industry first, then location, followers, the employees link.
  const items = [...main.querySelectorAll(SEL.companyInfoItem)]
    .map((el) => ({ el, text: oneLine(readableText(el)) }))
    .filter((x) => x.text);
  for (const { el, text } of items) {
    const link = el.matches(SEL.companyEmployeesLink) ? el : el.querySelector(SEL.companyEmployeesLink);
    if (link || EMPLOYEES.test(text)) {
      if (!companySize && /\d/.test(text)) companySize = text;
      numericId ??= numericIdOfEmployeesLink(link?.getAttribute('href'));
    }
  }
  if (!industry) {
    const first = items.find(
      ({ el, text }) =>
        !FOLLOWERS.test(text) && !EMPLOYEES.test(text) && !/\d/.test(text) && !el.closest(SEL.companyLocationWrapper),
    );
    industry = first?.text ?? null;
  }
  if (!headquarters) {
    const loc = items.find(
      ({ el, text }) =>
        el.closest(SEL.companyLocationWrapper) && !FOLLOWERS.test(text) && !EMPLOYEES.test(text) && text !== industry,
    );
    headquarters = loc?.text ?? null;
  }
  numericId ??=
    numericIdOfEmployeesLink(main.querySelector(SEL.companyEmployeesLink)?.getAttribute('href')) ??
    numericIdInPageData(doc, ref);
  return { name, slug: /^\d+$/.test(ref) ? null : ref, numericId, industry, companySize, headquarters };
}

/** `…/search/results/people/?currentCompany=%5B%2212345%22%5D` → "12345". */
function numericIdOfEmployeesLink(href: string | null | undefined): string | null {
  if (!href) return null;
  let h = href;
  try {
    h = decodeURIComponent(href);
  } catch {
    /* keep raw */
  }
  return /currentCompany=\[?"?(\d{1,15})/.exec(h)?.[1] ?? null;
}

/** The company's numeric id in the page's embedded data, next to its universal name. */
function numericIdInPageData(doc: Document, slug: string): string | null {
  const anchor = new RegExp(`"universalName"\\s*:\\s*"${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i');
  for (const code of doc.querySelectorAll(SEL.codeData)) {
    const text = code.textContent ?? '';
    if (text.length > 3_000_000) continue;
    const at = text.search(anchor);
    if (at < 0) continue;
    const near = text.slice(Math.max(0, at - 2000), at + 2000);
    const id = /urn:li:(?:fsd_company|fs_normalized_company|company|organization):(\d{1,15})/.exec(near);
    if (id) return id[1]!;
  }
  return null;
}

export interface InvitationCard {
  name: string;
  profileUrl: string | null;
  memberId: string | null;
  headline: string | null;
}

/** Cards of the invitation manager (received or sent): name, profile, headline. */
export function readInvitationCards(doc: Document): InvitationCard[] {
  const out: InvitationCard[] = [];
  const seen = new Set<string>();
  for (const card of doc.querySelectorAll(SEL.invitationCard)) {
    const link = card.querySelector(SEL.invitationProfileLink);
    const href = link?.getAttribute('href');
    const profileUrl = canonicalProfileUrl(href);
    const memberId = memberIdFromProfileUrl(href);
    if (!profileUrl && !memberId) continue;
    const id = profileUrl ?? memberId!;
    if (seen.has(id)) continue;
    const nameEl = card.querySelector(SEL.invitationClassicName);
    const lines = readableText(card).split('\n').map(oneLine).filter(Boolean);
    const name =
      oneLine(readableText(nameEl)) ||
      oneLine(
        link
          ?.getAttribute('aria-label')
          ?.replace(/^(view|view profile of|profil von|voir le profil de|ver perfil de)\s+/i, ''),
      ) ||
      lines[0] ||
      '';
    if (!name) continue;
    const classic = card.querySelector(SEL.invitationClassicHeadline);
    const candidates = classic ? [oneLine(readableText(classic))] : lines.filter((l) => l !== name);
    // The headline: the line after the name that is not a count, a date, a button or presence.
    const headline =
      candidates.find(
        (l) =>
          l.length > 2 &&
          l !== name &&
          !isPresenceLine(l) &&
          !/^(accept|ignore|withdraw|message|annehmen|ignorieren|zurückziehen|accepter|ignorer|retirer|aceptar|ignorar|retirar|aceitar)$/i.test(
            l,
          ) &&
          !/\b(mutual|gemeinsame|en commun|en común|em comum)\b/i.test(l) &&
          !/^(sent|received|gesendet|envoyée?|enviada?|recibida?)\b/i.test(l) &&
          !/^\d+\s*(\w+)?\s*(ago)?$/i.test(l),
      ) ?? null;
    seen.add(id);
    out.push({ name, profileUrl, memberId, headline });
  }
  return out;
}
