// Second capture layer for LinkedIn: pure readers over the page's DOM (a Document, an Element or
// a ShadowRoot in, plain data out). They only read: no attribute, node or class is ever written
// to LinkedIn's page. Selectors come from selectors.ts.
import {
  decodeMessageId,
  memberIdFromProfileUrl,
  memberIdFromUrn,
  normaliseThreadId,
  parseEventUrn,
  canonicalProfileUrl,
  publicIdFromProfileUrl,
} from './ids';
import * as SEL from './selectors';
import { EXPERIENCE_HEADINGS, PENDING_LABEL } from './selectors';
import { isPresenceLine } from '../../records/presence';
import { idsInPageData, memberIdFromCardKeys } from './profile-ids';
import { normEmail } from '../../records/keys';

export interface Person {
  name: string | null;
  profileUrl: string | null;
  memberId: string | null;
  headline: string | null;
}

export interface DomMessage {
  messageId: string;
  threadId: string;
  sentAt: number;
  viewerMemberId: string | null;
  direction: 'outbound' | 'inbound';
  text: string;
  /** InMails carry a subject line above the body; other messages have none. */
  subject: string | null;
  sender: Person;
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'SECTION', 'ARTICLE']);

/**
 * Text as the user reads it: `<br>` and block boundaries become newlines, screen-reader-only
 * duplicates (`.visually-hidden`) are skipped, runs of spaces folded.
 */
export function readableText(node: Node | null | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out.push((n.nodeValue ?? '').replace(/[ \t\r\n\u00a0]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    const el = n as Element;
    if (n.nodeType === 1) {
      if (el.tagName === 'BR') return void out.push('\n');
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') return;
      if (SEL.srOnlyClasses.some((c) => el.classList?.contains(c))) return;
    }
    const block = n.nodeType === 1 && BLOCK.has(el.tagName);
    if (block) out.push('\n');
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push('\n');
  };
  walk(node);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A profile link's identity: `/in/ACoAA…` is a member id (messaging uses it), anything else a public id. */
export function personFromHref(href: string | null | undefined): {
  profileUrl: string | null;
  memberId: string | null;
} {
  const memberId = memberIdFromProfileUrl(href);
  if (memberId) return { profileUrl: null, memberId };
  return { profileUrl: canonicalProfileUrl(href), memberId: null };
}

/** The conversation pane or bubble an element belongs to (inside a shadow root too). */
export function conversationRootOf(el: Element): Element | null {
  return el.closest(SEL.conversationRoot);
}

/** The other participant as the conversation header shows them. */
export function readConversationHeader(root: Element | Document | ShadowRoot | null): Person {
  const empty: Person = { name: null, profileUrl: null, memberId: null, headline: null };
  if (!root) return empty;
  const link = root.querySelector(SEL.headerProfileLink);
  const title = root.querySelector(SEL.headerTitle);
  const ids = personFromHref(link?.getAttribute('href'));
  const name = oneLine(readableText(title ?? link)) || null;
  return { name, headline: headerHeadline(root, name), ...ids };
}

/**
 * The headline under the name in a conversation header, or null: presence parts (the status dot
 * and its screen-reader text, "Active 2h ago", "Mobile • 5m ago", "Available on mobile", in every
 * UI language we read) are left out, and a line that is only presence is no headline.
 */
function headerHeadline(root: Element | Document | ShadowRoot, name: string | null): string | null {
  for (const el of root.querySelectorAll(SEL.headerHeadline)) {
    const parts: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
      else if (n.nodeType === 1 && !(n as Element).matches(SEL.headerPresence))
        for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (n.nodeType === 1 && BLOCK.has((n as Element).tagName)) parts.push('\n');
    };
    walk(el);
    const lines = parts.join('').split('\n').map(oneLine).filter(Boolean);
    const line = lines.find((l) => l !== name && !isPresenceLine(l) && !/^[•·∙|]+$/.test(l));
    if (line) return line;
  }
  return null;
}

/**
 * One message list item. Needs `data-event-urn` (the server-confirmed id): an item rendered before
 * confirmation has none and is read again when the attribute arrives.
 * Direction: `--other` marks inbound; otherwise the sender link (a member id) is compared with
 * the viewer (first element of the URN); a continuation item without its own sender takes the
 * direction of the item before it.
 */
export function readMessageItem(
  item: Element,
  prevDirection: 'outbound' | 'inbound' | null | (() => 'outbound' | 'inbound' | null) = null,
  /** When the id does not decode (a scheme we do not know): the pane's thread and the time first seen. */
  fallback?: { threadId: string | null; at: number },
): DomMessage | null {
  const urnEl = item.hasAttribute(SEL.eventUrnAttr) ? item : item.querySelector(SEL.eventWithUrn);
  const raw = urnEl?.getAttribute(SEL.eventUrnAttr)?.trim();
  const parsed = parseEventUrn(raw);
  let decoded = parsed?.messageId ? (parsed.message ?? decodeMessageId(parsed.messageId)) : null;
  let messageId = parsed?.messageId ?? null;
  if (!decoded) {
    if (!raw || !fallback?.threadId) return null;
    messageId ??= raw.replace(/^urn:li:msg_message:\([^,]*,/, '').replace(/\)$/, '');
    decoded = { id: messageId, epochMs: fallback.at, threadId: fallback.threadId, threadUuid: '' };
  }
  const viewerMemberId =
    parsed?.viewerMemberId ?? /^urn:li:msg_message:\(urn:li:fsd_profile:([^,]+),/.exec(raw ?? '')?.[1] ?? null;
  const listItem = item.closest(SEL.messageListItem) ?? item;
  const event = item.matches(SEL.eventItem) ? item : (item.querySelector(SEL.eventItem) ?? item);
  const bodyEl = event.querySelector(SEL.eventBody) ?? event.querySelector(SEL.eventBodyFallback);
  const text = readableText(bodyEl);
  const senderLink = listItem.querySelector(SEL.eventSenderLink);
  const senderIds = personFromHref(senderLink?.getAttribute('href'));
  const senderName =
    oneLine(readableText(listItem.querySelector(SEL.groupName))) ||
    oneLine(senderLink?.querySelector(SEL.senderAvatar)?.getAttribute('alt')) ||
    null;
  let direction: 'outbound' | 'inbound';
  if (
    event.classList.contains(SEL.otherClass) ||
    item.closest(SEL.otherGroup) ||
    !!listItem.querySelector(SEL.otherGroup)
  )
    direction = 'inbound';
  else if (senderIds.memberId && viewerMemberId)
    direction = senderIds.memberId === viewerMemberId ? 'outbound' : 'inbound';
  // The page marks inbound items with --other: when it does so anywhere, an unmarked item is ours.
  else if ((item.getRootNode() as ParentNode).querySelector?.('.' + SEL.otherClass)) direction = 'outbound';
  else direction = (typeof prevDirection === 'function' ? prevDirection() : prevDirection) ?? 'outbound';
  return {
    messageId: messageId!,
    threadId: decoded.threadId,
    sentAt: decoded.epochMs,
    viewerMemberId,
    direction,
    text,
    subject: oneLine(readableText(event.querySelector(SEL.eventSubject))) || null,
    sender: { name: senderName, headline: null, ...senderIds },
  };
}

/** All confirmed message items under a root, in document order, with group-inherited direction. */
export function readMessageList(root: Element | Document | ShadowRoot): DomMessage[] {
  const out: DomMessage[] = [];
  let prev: 'outbound' | 'inbound' | null = null;
  for (const el of root.querySelectorAll(SEL.eventWithUrn)) {
    const m = readMessageItem(el, prev);
    if (m) {
      out.push(m);
      prev = m.direction;
    }
  }
  return out;
}

export interface ConversationListEntry {
  names: string;
  snippet: string;
  /** The last message is the viewer's own ("You: …"). */
  own: boolean;
  senderName: string | null;
  timeText: string;
  threadId: string | null;
  unread: boolean;
}

/** "You: …" in the UI languages we support; LinkedIn prefixes the viewer's own last message. */
const OWN_PREFIX = /^(you|sie|du|vous|vous avez|tú|usted|yo)\s*:\s*/i;

export function readConversationListItem(li: Element): ConversationListEntry | null {
  const names = oneLine(readableText(li.querySelector(SEL.convNames)));
  const snippetRaw = oneLine(readableText(li.querySelector(SEL.convSnippet)));
  if (!names || !snippetRaw) return null;
  const own = OWN_PREFIX.test(snippetRaw);
  let snippet = snippetRaw.replace(OWN_PREFIX, '');
  // Group chats prefix the sender: "Jane: text". 1:1 inbound snippets may also carry "Name: ".
  let senderName: string | null = null;
  const pre = /^([^:]{1,60}):\s+(.*)$/.exec(snippet);
  if (!own && pre && names.toLowerCase().includes(pre[1]!.trim().toLowerCase().split(' ')[0]!)) {
    // 1:1 snippets name the sender by first name only; the list entry has the full name.
    const group = /,|\s&\s|\sand\s/.test(names);
    senderName = group ? pre[1]!.trim() : names;
    snippet = pre[2]!;
  }
  const href = li.querySelector(SEL.convLink)?.getAttribute('href');
  const timeEl = li.querySelector(SEL.convTime);
  return {
    names,
    snippet,
    own,
    senderName: own ? null : (senderName ?? names),
    timeText: oneLine(timeEl?.getAttribute('datetime') || readableText(timeEl)),
    threadId: normaliseThreadId(href ?? null),
    unread: !!li.querySelector(SEL.convUnread) || /unread/i.test(li.className),
  };
}

/** A list label precise to the minute (time of day, ISO, "now", "5m"), as opposed to a date only. */
export function isPreciseListTime(label: string): boolean {
  const s = label.trim().toLowerCase();
  return (
    /\d[:.h]\d{2}/.test(s) ||
    /^\d{4}-\d{2}-\d{2}t/.test(s) ||
    /^(now|just now|jetzt|gerade eben|maintenant|à l'instant|ahora|justo ahora)$/.test(s) ||
    /^\d{1,2}\s*(m|min|mins|minutes?|minuten?|h|hrs?|hours?|std|stunden?)\.?(\s*ago)?$/.test(s)
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Best-effort time of a conversation-list entry from its localized label ("2:44 PM", "14:05",
 * "Mon", "Nov 25", ISO datetime). Times on screen are text only; null when not understood.
 */
export function parseListTime(label: string, now: number): number | null {
  const s = label.trim().toLowerCase();
  if (!s) return null;
  if (/^(now|just now|jetzt|gerade eben|maintenant|à l'instant|ahora|justo ahora)$/.test(s)) return now;
  const rel = /^(\d{1,2})\s*(m|min|mins|minutes?|minuten?|h|hrs?|hours?|std|stunden?)\.?(?:\s*ago)?$/.exec(s);
  if (rel) return now - Number(rel[1]) * (rel[2]!.startsWith('m') ? 60_000 : 3_600_000);
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const t = Date.parse(label);
    return Number.isFinite(t) ? t : null;
  }
  const base = new Date(now);
  const hm = /^(\d{1,2})[:.h](\d{2})\s*(am|pm)?$/.exec(s);
  if (hm) {
    let h = Number(hm[1]);
    const m = Number(hm[2]);
    if (hm[3] === 'pm' && h < 12) h += 12;
    if (hm[3] === 'am' && h === 12) h = 0;
    const d = new Date(base.getFullYear(), base.getMonth(), base.getDate(), h, m);
    return Math.min(d.getTime(), now);
  }
  const wd = WEEKDAYS.indexOf(s.slice(0, 3));
  if (wd >= 0 && s.length <= 9) {
    const diff = (base.getDay() - wd + 7) % 7 || 7;
    return new Date(base.getFullYear(), base.getMonth(), base.getDate() - diff, 12).getTime();
  }
  const md = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?$/.exec(s);
  if (md && MONTHS.includes(md[1]!)) {
    const year = md[3] ? Number(md[3]) : base.getFullYear();
    let t = new Date(year, MONTHS.indexOf(md[1]!), Number(md[2]), 12).getTime();
    if (!md[3] && t > now) t = new Date(year - 1, MONTHS.indexOf(md[1]!), Number(md[2]), 12).getTime();
    return t;
  }
  return null;
}

export interface ProfileTraits {
  /** Canonical `/in/<slug>/` URL; null on a page addressed by member id that names no slug. */
  profileUrl: string | null;
  memberId: string | null;
  /** Numeric member id (`urn:li:member:<n>`) when the page's data names it. */
  numericMemberId: string | null;
  /** A pending invitation to them the page's data names (what the Dash withdraw call names). */
  invitationId?: string | null;
  /** The current company's page (`/company/<slug or id>/`) when the profile links it. */
  companyUrl: string | null;
  /** An email address the contact info overlay shows (only when the user opened it). */
  email: string | null;
  name: string;
  headline: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  connectionDegree: 1 | 2 | 3 | null;
  /** An invitation from the viewer is waiting ("Pending"). */
  pending: boolean;
  /** The viewer's own profile (it offers to edit the intro). */
  own: boolean;
  layout: 'classic' | 'sdui';
}

const DEGREE = /^(?:·\s*)?(1st|2nd|3rd\+?|1er|2e|3e\+?|1\.|2\.|3\.\+?|1º|2º|3º|1°|2°|3°)$/i;
// No leading \b: SDUI renders "· 2nd" and "2nd degree connection" in adjacent spans without a space.
const DEGREE_LONG = /(1st|2nd|3rd)[- ]degree connection\b/i;

function degreeOf(text: string): 1 | 2 | 3 | null {
  const m = DEGREE.exec(text.trim()) ?? DEGREE_LONG.exec(text);
  if (!m) return null;
  return Number(m[1]![0]) as 1 | 2 | 3;
}

/** Splits "Title at Company" / "Title @ Company" / "Title bei Company" / "Title chez Company" / "Title en Company". */
export function splitHeadline(headline: string | null): { title: string | null; company: string | null } {
  if (!headline) return { title: null, company: null };
  const first = headline.split(/\s[|•·]\s/)[0]!.trim();
  const m = /^(.+?)\s+(?:at|@|bei|chez|en|à|presso|na|no)\s+(.+)$/i.exec(first) ?? /^(.+?)\s*@\s*(.+)$/.exec(first);
  if (m) return { title: m[1]!.trim(), company: m[2]!.replace(/[,;].*$/, '').trim() };
  return { title: first || null, company: null };
}

function profileRoot(doc: Document): Element | null {
  return doc.querySelector(SEL.main) ?? doc.body;
}

/** The memberId named by the page's own links (Message button `profileUrn=`, `/in/ACoAA…`). */
function memberIdOnPage(scope: ParentNode): string | null {
  for (const a of scope.querySelectorAll(SEL.memberIdLink)) {
    const href = a.getAttribute('href') ?? '';
    let decoded = href;
    try {
      decoded = decodeURIComponent(href);
    } catch {
      /* keep raw */
    }
    const id = memberIdFromUrn(decoded) ?? personFromHref(decoded).memberId;
    if (id) return id;
  }
  return null;
}

/**
 * A profile page (`/in/<public-id>/`), classic Ember or server-driven. Anchors: the URL for the
 * identity, the page's single `h1` for the name, the Contact info link for the location, the
 * Experience section heading for title and company, text like "· 1st" for the degree.
 */
export function readProfile(doc: Document, url: string): ProfileTraits | null {
  let profileUrl = canonicalProfileUrl(url);
  let pub = publicIdFromProfileUrl(url);
  // A profile addressed by member id (`/in/ACoAA…`): the id is in the URL; the slug, if the page names it.
  const urlMember = memberIdFromProfileUrl(url);
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  // The profile itself or an overlay on it (contact info); not /details/… sub-pages.
  if (!/^\/in\/[^/]+\/?(?:overlay\/.*)?$/.test(path)) return null;
  if (!profileUrl && urlMember) {
    const canon =
      doc.querySelector(SEL.canonicalLink)?.getAttribute('href') ??
      doc.querySelector(SEL.ogUrl)?.getAttribute('content');
    profileUrl = canonicalProfileUrl(canon);
    pub = publicIdFromProfileUrl(canon);
  }
  if (!profileUrl && !urlMember) return null;
  const main = profileRoot(doc);
  if (!main) return null;
  const sdui = !!doc.querySelector(SEL.sduiScreen);
  // Classic pages have one h1; the SDUI top card names the person in its first heading.
  const h1 =
    main.querySelector(SEL.profileName) ?? main.querySelector(SEL.sduiTopCardHeading) ?? firstPersonHeading(main);
  // Some builds put the degree or pronouns in the same heading: "Ana García · 2nd", "Sam Lee (He/Him)".
  const name = oneLine(readableText(h1))
    .replace(/\s*[·•]\s*(1st|2nd|3rd\+?|1er|2e|3e\+?|[123]\.)\s*$/i, '')
    .replace(/\s*\((?:he|she|they|er|sie|il|elle|él|ella)\s*\/\s*\w+\)\s*$/i, '')
    .trim();
  if (!h1 || !name) return null;

  // The top card: the nearest ancestor of the h1 that also holds the Contact info link (or, failing
  // that, the h1's section).
  let card: Element = h1;
  const contact = main.querySelector(SEL.contactInfoLink);
  for (let el: Element | null = h1.parentElement; el && el !== main; el = el.parentElement) {
    card = el;
    if ((contact && el.contains(contact)) || el.tagName === 'SECTION') break;
  }
  const classicHeadline = sdui ? null : card.querySelector(SEL.classicHeadline);
  const lines = textLines(card).filter((l) => l !== name);
  let headline = oneLine(readableText(classicHeadline)) || null;
  if (!headline)
    headline =
      lines.find(
        (l) =>
          !degreeOf(l) &&
          !/^(he|she|they|er|sie|il|elle|él|ella)\s*\/\s*\w+$/i.test(l) &&
          l.length > 1 &&
          !/contact info|kontaktinfo|coordonnées|información de contacto/i.test(l) &&
          !/^·/.test(l),
      ) ?? null;
  let location: string | null = null;
  const classicLoc = sdui ? null : card.querySelector(SEL.classicLocation);
  if (classicLoc) location = oneLine(readableText(classicLoc)) || null;
  if (!location && contact) {
    // SDUI: the location line sits just before "Contact info" in the same row/block.
    const contactText = oneLine(readableText(contact));
    const idx = contactText ? lines.findIndex((l) => l.includes(contactText)) : -1;
    const before = idx > 0 ? lines.slice(0, idx) : [];
    const cand = before
      .reverse()
      .find((l) => l !== headline && !degreeOf(l) && l !== '·' && !/^\d+\+? (connections|followers)/i.test(l));
    location = cand?.replace(/\s*·\s*$/, '') ?? null;
  }
  if (!location) {
    // No Contact info anchor: the first top-card line shaped like a place ("City, Region, Country",
    // "Greater Boston Area"), skipping the headline, degree and counters.
    location =
      lines.find(
        (l) =>
          l !== headline &&
          !degreeOf(l) &&
          !/\d/.test(l) &&
          l.length <= 80 &&
          (/^[\p{Lu}][\p{L} .'’-]+(?:,\s*[\p{Lu}][\p{L} .'’-]+){1,3}$/u.test(l) ||
            /\b(area|region|metropolitan|greater)\b/i.test(l)),
      ) ?? null;
  }
  let degree: 1 | 2 | 3 | null = null;
  const classicDeg = sdui ? null : card.querySelector(SEL.classicDegree);
  if (classicDeg) degree = degreeOf(oneLine(readableText(classicDeg)));
  if (!degree) for (const l of lines) if ((degree = degreeOf(l))) break;
  if (!degree) degree = degreeOf(card.textContent ?? '');

  // Title and company: the first position of the Experience section, else the headline.
  let title: string | null = null;
  let company: string | null = null;
  let companyUrl: string | null = null;
  const exp = findExperienceSection(main);
  if (exp) {
    const firstItem = exp.querySelector(SEL.experienceItem);
    companyUrl = companyUrlOf(firstItem?.querySelector(SEL.companyLink)?.getAttribute('href'));
    const itemLines = firstItem ? textLines(firstItem) : [];
    if (itemLines.length >= 2) {
      title = itemLines[0]!;
      company = itemLines[1]!.split(' · ')[0]!.trim() || null;
      // A company with several roles lists the company first and the roles nested below.
      const nested = firstItem!.querySelector(SEL.experienceNestedItem);
      if (nested && /\d+\s*(yrs?|mos?|years?|months?|jahre?|ans?|años?)\b/i.test(itemLines[1]!)) {
        company = itemLines[0]!;
        title = textLines(nested)[0] ?? title;
      }
    }
  }
  if (!title || !company) {
    const h = splitHeadline(headline);
    title ??= h.title;
    company ??= h.company;
  }
  // The top card's current-company button links the company page too.
  companyUrl ??= companyUrlOf(card.querySelector(SEL.companyLink)?.getAttribute('href'));
  // Connect turned into Pending: an invitation from the viewer is waiting.
  let pending = false;
  for (const b of card.querySelectorAll(SEL.profileActions)) {
    const label = `${b.getAttribute('aria-label') ?? ''} ${oneLine(b.textContent)}`;
    if (PENDING_LABEL.test(label)) {
      pending = true;
      break;
    }
  }
  // The member id: the URL, the top card's own links (elsewhere on the page: other people), the
  // SDUI cards' component keys, else the page's embedded data for this very slug.
  const data = pub ? idsInPageData(doc, pub) : { memberId: null, numericMemberId: null };
  return {
    profileUrl,
    memberId: urlMember ?? memberIdOnPage(card) ?? memberIdFromCardKeys(doc) ?? data.memberId,
    numericMemberId: data.numericMemberId,
    ...(data.invitationId ? { invitationId: data.invitationId } : {}),
    companyUrl,
    email: readContactEmail(doc, path),
    name,
    headline,
    title,
    company,
    location,
    connectionDegree: degree,
    pending,
    own: !!main.querySelector(SEL.ownProfileMarker),
    layout: sdui ? 'sdui' : 'classic',
  };
}

/** The email the contact info overlay shows: only on the overlay's own URL, only inside it. */
function readContactEmail(doc: Document, path: string): string | null {
  if (!/\/overlay\/contact-info/.test(path)) return null;
  const roots: ParentNode[] = [doc];
  const outlet = doc.querySelector(SEL.interopOutlet);
  if (outlet?.shadowRoot) roots.push(outlet.shadowRoot);
  for (const r of roots) {
    for (const scope of r.querySelectorAll(SEL.contactInfoScope)) {
      for (const a of scope.querySelectorAll(SEL.contactInfoEmail)) {
        const email =
          normEmail(
            a
              .getAttribute('href')
              ?.replace(/^mailto:/i, '')
              .split('?')[0],
          ) ?? normEmail(oneLine(a.textContent));
        if (email) return email;
      }
    }
  }
  return null;
}

/** `https://www.linkedin.com/company/<slug or id>/` from a link, or null. */
export function companyUrlOf(href: string | null | undefined): string | null {
  const m = href ? /\/(company|showcase)\/([^/?#]+)/.exec(href) : null;
  return m ? `https://www.linkedin.com/${m[1]}/${m[2]!.toLowerCase()}/` : null;
}

const SECTION_TITLES =
  /^(about|activity|experience|education|skills|interests|featured|info|infos|highlights|info|über mich|aktivitäten|berufserfahrung|ausbildung|kenntnisse|infos|à propos|activité|expérience|formation|compétences|acerca de|actividad|experiencia|educación|aptitudes)$/i;

function firstPersonHeading(main: Element): Element | null {
  for (const h of main.querySelectorAll(SEL.sectionHeading)) {
    const t = oneLine(readableText(h));
    if (t && !SECTION_TITLES.test(t)) return h;
  }
  return null;
}

function findExperienceSection(main: Element): Element | null {
  const anchor = main.querySelector(SEL.experienceAnchor);
  if (anchor) return anchor.closest(SEL.section) ?? anchor.parentElement;
  for (const h of main.querySelectorAll(SEL.heading)) {
    const t = oneLine(readableText(h));
    if (EXPERIENCE_HEADINGS.test(t)) return h.closest(SEL.section) ?? h.parentElement?.parentElement ?? null;
  }
  return null;
}

/** Distinct visible text lines of an element (classic pages duplicate text for screen readers). */
function textLines(el: Element): string[] {
  const lines = readableText(el)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const l of lines) if (out[out.length - 1] !== l) out.push(l);
  return out;
}

/** The viewer's own name from the global nav photo's alt text. */
export function readViewerName(doc: Document): string | null {
  const img = doc.querySelector(SEL.mePhoto);
  const alt = oneLine(img?.getAttribute('alt'));
  return alt && !/^(photo|foto|me)$/i.test(alt) ? alt : null;
}

/** Every message box on the page: the light DOM and #interop-outlet's open shadow root. */
export function findComposeBoxes(doc: Document): HTMLElement[] {
  const roots: ParentNode[] = [doc];
  const outlet = doc.querySelector(SEL.interopOutlet);
  if (outlet?.shadowRoot) roots.push(outlet.shadowRoot);
  const out: HTMLElement[] = [];
  for (const r of roots) {
    for (const el of r.querySelectorAll<HTMLElement>(SEL.composeBox)) if (!out.includes(el)) out.push(el);
    for (const el of r.querySelectorAll<HTMLElement>(SEL.inviteNote)) if (!out.includes(el)) out.push(el);
  }
  return out;
}

/** The thread a compose box writes into, once known (from confirmed messages in its pane). */
export function threadOfComposeBox(box: Element, url: string): string | null {
  const root = conversationRootOf(box);
  const first = root?.querySelector(SEL.eventWithUrn);
  const fromItems = first ? (parseEventUrn(first.getAttribute(SEL.eventUrnAttr))?.message?.threadId ?? null) : null;
  if (fromItems) return fromItems;
  // On the messaging page the pane's thread is in the URL.
  if (!box.getRootNode || box.getRootNode() === box.ownerDocument) return normaliseThreadId(url);
  return null;
}
