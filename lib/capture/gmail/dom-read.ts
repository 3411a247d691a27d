// Readers of Gmail's DOM: compose state, the open thread, inbox rows, the user's own address.
// Plain functions of an Element/Document (selectors from ./selectors), run under vitest with
// happy-dom on hand-written fixtures of today's DOM and on the real 2019 compose capture.
// They only read: no attribute, node or listener is added here.
import { normEmail } from '../../records/keys';
import type { CapturedPerson } from '../../schema/events';
import { cleanId, isLegacyHex, isMsgId, messageAliases, threadNames, timeFromLegacyHex, legacyOfFetched } from './ids';
import { clip, MAX_SHORT, MAX_TEXT } from './limits';
import * as GMAIL from './selectors';

/** "Ana Ruiz <ana@acme.io>, bob@x.com" -> people (the old textarea widget holds such text). */
export function parseAddressList(s: string): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  for (const part of s.split(/[,;\n]/)) {
    const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part);
    const email = normEmail(m ? m[2] : part);
    if (!email) continue;
    const name = m?.[1]?.trim();
    out.push(name ? { email, name: clip(name, MAX_SHORT) } : { email });
  }
  return out;
}

export function readRecipients(root: ParentNode, field: 'to' | 'cc' | 'bcc'): CapturedPerson[] {
  const seen = new Set<string>();
  const out: CapturedPerson[] = [];
  const add = (p: CapturedPerson) => {
    if (p.email && !seen.has(p.email)) {
      seen.add(p.email);
      out.push(p);
    }
  };
  const chipField = root.querySelector(GMAIL.chipField(field)) ?? root.querySelector(GMAIL.anyField(field));
  if (chipField) {
    for (const chip of chipField.querySelectorAll(GMAIL.anyChip)) {
      const email = normEmail(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email'));
      if (!email) continue;
      const name =
        chip.getAttribute('data-name') ??
        chip.getAttribute('name') ??
        chip.querySelector(GMAIL.chipName)?.getAttribute('data-name') ??
        '';
      add(name && name.toLowerCase() !== email ? { email, name: clip(name.trim(), MAX_SHORT) } : { email });
    }
    // An address still being typed when Send is pressed: Gmail turns it into a chip on send.
    const typing = chipField.querySelector<HTMLInputElement>(GMAIL.chipInput);
    if (typing?.value) parseAddressList(typing.value).forEach(add);
  }
  for (const hidden of root.querySelectorAll<HTMLInputElement>(GMAIL.legacyChip(field)))
    parseAddressList(hidden.value).forEach(add);
  const ta = root.querySelector<HTMLTextAreaElement>(GMAIL.legacyField(field));
  if (ta?.value) parseAddressList(ta.value).forEach(add);
  return out;
}

const BLOCK_TAGS = new Set([
  'DIV',
  'P',
  'LI',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'TABLE',
  'PRE',
]);

/** Text of an editable body or a message body, without Gmail's quoted history. DOM walk only. */
export function elementText(el: Element, skip: string = GMAIL.quote): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out += (n.nodeValue ?? '').replace(/[\t\r\n ]+/g, ' ');
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (e.tagName === 'BR') {
      out += '\n';
      return;
    }
    if (e.tagName === 'STYLE' || e.tagName === 'SCRIPT' || e.matches(skip)) return;
    const block = BLOCK_TAGS.has(e.tagName);
    if (block) out += '\n';
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out += '\n';
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  return clip(
    out
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((l) => l.replace(/ +/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    MAX_TEXT,
  );
}

export interface ComposeState {
  /** `msg-a:r…` (the draft id is the id the message is sent under), or null before the first save. */
  draftId: string | null;
  /** A legacy hex draft id (older builds): the message's legacy id, used as an alias. */
  draftLegacy: string | null;
  threadId: string | null;
  composeId: string | null;
  fromEmail: string | null;
  subject: string;
  to: CapturedPerson[];
  cc: CapturedPerson[];
  bcc: CapturedPerson[];
  text: string;
}

const inputValue = (root: ParentNode, sel: string) => root.querySelector<HTMLInputElement>(sel)?.value ?? '';

/** The draft input holds `#msg-a:r…` today; older builds held `r…` alone or a legacy hex id. */
export function draftIdOf(raw: string | null | undefined): { id: string | null; legacy: string | null } {
  const v = cleanId(raw ?? '');
  if (!v) return { id: null, legacy: null };
  if (isMsgId(v as unknown)) return { id: v, legacy: null };
  if (/^r-?\d+$/.test(v)) return { id: `msg-a:${v}`, legacy: null };
  if (/^[0-9a-f]{12,16}$/i.test(v)) return { id: null, legacy: v.toLowerCase() };
  return { id: null, legacy: null };
}

export function readCompose(root: Element): ComposeState {
  const draft = draftIdOf(inputValue(root, GMAIL.composeDraft));
  const rt = cleanId(inputValue(root, GMAIL.composeThread));
  const body = root.querySelector(GMAIL.composeBody);
  return {
    draftId: draft.id,
    draftLegacy: draft.legacy,
    threadId: rt && (/^thread-/.test(rt) || isLegacyHex(rt)) ? rt : null,
    composeId: inputValue(root, GMAIL.composeIdInput) || null,
    fromEmail: normEmail(inputValue(root, GMAIL.composeFrom)),
    subject: clip(inputValue(root, GMAIL.composeSubject).trim(), MAX_SHORT),
    to: readRecipients(root, 'to'),
    cc: readRecipients(root, 'cc'),
    bcc: readRecipients(root, 'bcc'),
    text: body ? elementText(body) : '',
  };
}

/** The compose a node belongs to (a click on Send, a key press in the body). */
export function composeRootOf(node: Node | null): Element | null {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  if (!el) return null;
  const m9 = el.closest(GMAIL.composeRoot);
  if (m9) return m9;
  // No div.M9 (a changed build): the nearest ancestor that holds the compose's subject/draft inputs.
  let cur: Element | null = el;
  for (let i = 0; cur && i < 20; i++, cur = cur.parentElement) {
    if (cur.querySelector(GMAIL.composeMarker) && cur.querySelector(GMAIL.composeBody)) return cur;
  }
  return null;
}

/** The compose Send button a click landed on, if any. */
export function sendButtonOf(target: Element): Element | null {
  const b = target.closest(GMAIL.sendButton) ?? target.closest(GMAIL.sendButtonByLabel);
  return b && composeRootOf(b) ? b : null;
}

/** "Fri, Sep 9, 2022, 7:31 PM" (with Chrome's narrow no-break space) -> ms, or null. */
export function parseGmailDate(title: string | null | undefined): number | null {
  if (!title) return null;
  const cleaned = title
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+at\s+/, ' ')
    .replace(/,(\s*\d{1,2}:\d{2})/, '$1')
    .trim();
  const t = Date.parse(cleaned);
  return Number.isFinite(t) && t > 946684800000 ? t : null;
}

export interface ThreadMessage {
  externalId: string;
  aliases: string[];
  from: CapturedPerson;
  to: CapturedPerson[];
  sentAt: number | null;
  text: string;
}

export interface ThreadView {
  threadNames: string[];
  subject: string | null;
  messages: ThreadMessage[];
  /** Message nodes that carried no usable id or sender (counted as failures). */
  unreadable: number;
}

function person(el: Element | null): CapturedPerson | null {
  if (!el) return null;
  const email = normEmail(el.getAttribute('email'));
  if (!email) return null;
  const name = el.getAttribute('name')?.trim();
  return name && name.toLowerCase() !== email ? { email, name: clip(name, MAX_SHORT) } : { email };
}

/** Thread ids of the subject heading: `data-thread-perm-id` when it is a real id (it is missing
 *  or the string "undefined" at times), and always the legacy hex id (and its thread-f form). */
export function readThreadIds(h2: Element): string[] {
  const perm = h2.getAttribute('data-thread-perm-id');
  const legacy = h2.getAttribute('data-legacy-thread-id');
  return threadNames([perm && perm !== 'undefined' && perm !== 'null' ? perm : null, legacy]);
}

/** The open thread's names: the heading's ids, else the selected list row's (`tr.aps`, which can
 *  carry the legacy id before the heading does); [] while neither has been painted yet. */
export function openThreadNames(doc: ParentNode): string[] {
  const h2 = doc.querySelector(GMAIL.threadSubject);
  const names = h2 ? readThreadIds(h2) : [];
  if (names.length) return names;
  const row = doc.querySelector(GMAIL.selectedThreadRef);
  return row ? threadNames([row.getAttribute('data-legacy-thread-id'), row.getAttribute('data-thread-id')]) : [];
}

export function readMessageNode(node: Element): ThreadMessage | null {
  const id = cleanId(node.getAttribute('data-message-id'));
  if (!isMsgId(id)) return null;
  const legacy = node.getAttribute('data-legacy-message-id');
  const from = person(node.querySelector(GMAIL.messageSender));
  if (!from) return null;
  const to: CapturedPerson[] = [];
  for (const r of node.querySelectorAll(GMAIL.messageRecipient)) {
    const p = person(r);
    if (p && !to.some((x) => x.email === p.email)) to.push(p);
  }
  const legacyHex = isLegacyHex(legacy) ? legacy.toLowerCase() : legacyOfFetched(id);
  // Gmail's ids carry the receive time (exact); the title only the minute, in the user's locale.
  // When both exist and disagree by more than a day and a half, the id is not time-based: trust the title.
  const fromId = legacyHex ? timeFromLegacyHex(legacyHex) : null;
  const fromTitle = parseGmailDate(node.querySelector(GMAIL.messageDate)?.getAttribute('title'));
  const sentAt =
    fromId != null && fromTitle != null && Math.abs(fromId - fromTitle) > 36 * 3600_000
      ? fromTitle
      : (fromId ?? fromTitle);
  const body = node.querySelector(GMAIL.messageBody) ?? node.querySelector(GMAIL.messageBodyOuter);
  return {
    externalId: id,
    aliases: messageAliases(id, [legacy]),
    from,
    to,
    sentAt,
    text: body ? elementText(body) : '',
  };
}

export function readThreadView(root: ParentNode): ThreadView | null {
  const h2 = root.querySelector(GMAIL.threadSubject);
  if (!h2) return null;
  const names = openThreadNames(root);
  const messages: ThreadMessage[] = [];
  let unreadable = 0;
  for (const node of root.querySelectorAll(GMAIL.threadMessage)) {
    const m = readMessageNode(node);
    if (m) messages.push(m);
    else unreadable++;
  }
  return { threadNames: names, subject: h2.textContent?.trim() || null, messages, unreadable };
}

export interface InboxRow {
  threadNames: string[];
  senders: CapturedPerson[];
  unread: boolean;
}

/** Inbox rows. They name threads and senders but no message id, so they cannot become message
 *  events of their own (the same rows' data arrives with ids in the `/i/bv` sync response, which
 *  the network layer reads); they serve the page context and the health count. */
export function readInboxRows(root: ParentNode): InboxRow[] {
  const rows: InboxRow[] = [];
  for (const tr of root.querySelectorAll(GMAIL.inboxRow)) {
    const ref = tr.querySelector(GMAIL.rowThreadRef);
    if (!ref) continue;
    const names = threadNames([ref.getAttribute('data-thread-id'), ref.getAttribute('data-legacy-thread-id')]);
    const senders: CapturedPerson[] = [];
    for (const s of tr.querySelectorAll(GMAIL.rowSender)) {
      const p = person(s);
      if (p && !senders.some((x) => x.email === p.email)) senders.push(p);
    }
    rows.push({ threadNames: names, senders, unread: tr.matches(GMAIL.unreadRow) });
  }
  return rows;
}

/** The signed-in address, from the title ("Inbox - me@x.com - Gmail") or the account button. */
export function readOwnEmail(doc: Document): string | null {
  const m = GMAIL.titleEmail.exec(doc.title);
  if (m) {
    const e = normEmail(m[1]);
    if (e) return e;
  }
  const link = doc.querySelector(GMAIL.accountLink);
  if (link) {
    const data = normEmail(link.getAttribute('data-email'));
    if (data) return data;
    const label = link.getAttribute('aria-label') ?? '';
    const lm = /\(([^()\s]+@[^()\s]+)\)/.exec(label) ?? /([^\s()]+@[^\s()]+\.[a-z]{2,})/i.exec(label);
    if (lm) return normEmail(lm[1]);
  }
  return null;
}
