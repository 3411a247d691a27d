// Conversations on the page: message list items (the messaging pane and chat bubbles), their
// headers (the other participant, their headline as a trait, a bubble's member id linked to the
// profile page it was opened from) and conversation list entries (replies in conversations
// already known). Per-node state lives in WeakMaps and WeakSets; nothing is written to the page.
import { normText } from '../../text';
import { toPerson, type CaptureContext } from './context';
import {
  conversationRootOf,
  isPreciseListTime,
  parseListTime,
  personFromHref,
  readConversationHeader,
  readConversationListItem,
  readMessageItem,
  type DomMessage,
  type ProfileTraits,
} from './dom-read';
import { normaliseThreadId, oneToOneThreadAlias, parseEventUrn } from './ids';
import type { NamesMemory } from './names';
import type { SendMemory } from './sends';
import * as SEL from './selectors';
import { RECALLED_TEXT } from './selectors';
import type { Viewer } from './viewer';

type Header = ReturnType<typeof readConversationHeader>;

export interface ConversationScan {
  /** A message list item appeared, or its data-event-urn changed. */
  onMessageItem(el: Element): void;
  /** Something inside an item changed: read again if its body was empty, else check for a recall. */
  onItemChanged(item: Element): void;
  /** A conversation list entry appeared or changed. */
  onConversationItem(li: Element): Promise<void>;
}

export function createConversationScan(
  ctx: CaptureContext,
  deps: { viewer: Viewer; names: NamesMemory; sends: SendMemory },
): ConversationScan {
  const { doc, now, emit, event, health, readers } = ctx;
  const { viewer, names, sends } = deps;
  const win = doc.defaultView!;
  /** Item element -> the data-event-urn it had when read (Ember may reuse an element for another message). */
  const seenItems = new WeakMap<Element, string>();
  const directions = new WeakMap<Element, 'outbound' | 'inbound'>();
  const emptyItems = new WeakSet<Element>();
  const headers = new WeakMap<Node, { threadId: string; person: Header }>();
  const emittedMessages = new Set<string>();
  const listState = new WeakMap<Element, string>();

  function onMessageItem(el: Element) {
    const urnNow = el.getAttribute(SEL.eventUrnAttr) ?? '';
    if (seenItems.get(el) === urnNow) return;
    let m: DomMessage | null = null;
    try {
      m = readMessageItem(el, () => previousDirection(el));
      if (!m && urnNow) {
        // An id we cannot decode (LinkedIn changed its scheme?): still log the message, in the
        // pane's thread, timed when first seen, and report the layer as degraded.
        health.fail('undecodable data-event-urn');
        m = readMessageItem(el, () => previousDirection(el), { threadId: fallbackThread(el), at: now() });
      }
    } catch (e) {
      health.fail(`message item: ${(e as Error).message}`);
    }
    seenItems.set(el, urnNow);
    if (!m) return;
    directions.set(el, m.direction);
    health.recognised();
    viewer.learn(m.viewerMemberId);
    viewer.announce();
    if (recalledItem(el, m)) return;
    if (emittedMessages.has(m.messageId)) return;
    if (!m.text.trim()) {
      // Attachments, reactions-only, system lines, or a body not rendered yet: read again if it fills in.
      emptyItems.add(el);
      seenItems.delete(el);
      return;
    }
    emptyItems.delete(el);
    emittedMessages.add(m.messageId);
    const other = headerFor(el, m.threadId);
    if (m.direction === 'outbound') headerTrait(m.threadId, other);
    const threadAliases: string[] = [];
    if (other.memberId) threadAliases.push(oneToOneThreadAlias(other.memberId));
    const me = toPerson({ name: viewer.name(), profileUrl: null, memberId: viewer.memberId() });
    const sender =
      m.direction === 'inbound'
        ? toPerson({
            name: m.sender.name ?? other.name,
            profileUrl: m.sender.profileUrl ?? other.profileUrl,
            memberId: m.sender.memberId ?? other.memberId,
          })
        : me;
    const otherPerson = toPerson(other);
    emit(
      event('message', {
        direction: m.direction,
        kind: m.subject !== null ? 'inmail' : 'linkedin-message',
        externalId: m.messageId,
        aliases: [],
        threadExternalId: m.threadId,
        threadAliases,
        from: sender,
        to:
          m.direction === 'outbound'
            ? Object.keys(otherPerson).length
              ? [otherPerson]
              : []
            : Object.keys(me).length
              ? [me]
              : [],
        subject: m.subject,
        text: m.text.slice(0, 20_000),
        sentAt: m.sentAt,
        template: m.direction === 'outbound' ? sends.templateFor(m.text, m.sentAt) : null,
      }),
    );
  }

  /**
   * An item showing the recall placeholder instead of its text (the author deleted it, either
   * side): the message leaves the counts, once per message id.
   */
  const recalled = new Set<string>();
  function recalledItem(el: Element, m?: DomMessage | null): boolean {
    try {
      m ??= readMessageItem(el, null);
    } catch {
      return false; // read again with the next change
    }
    if (!m || !RECALLED_TEXT.test(m.text.trim())) return false;
    if (!recalled.has(m.messageId)) {
      recalled.add(m.messageId);
      emit(event('retract', { externalId: m.messageId }));
    }
    return true;
  }

  /** The thread of a pane whose item ids do not decode: another decodable item, else the page URL. */
  function fallbackThread(el: Element): string | null {
    const root = conversationRootOf(el);
    for (const other of root?.querySelectorAll(SEL.eventWithUrn) ?? []) {
      const t = parseEventUrn(other.getAttribute(SEL.eventUrnAttr))?.message?.threadId;
      if (t) return t;
    }
    return el.getRootNode() === doc && root ? normaliseThreadId(doc.location?.href ?? null) : null;
  }

  function previousDirection(el: Element): 'outbound' | 'inbound' | null {
    const li = el.closest(SEL.messageListItem);
    const prev = li?.previousElementSibling?.querySelector(SEL.eventWithUrn);
    if (!prev) return null;
    const known = directions.get(prev);
    if (known) return known;
    try {
      return readMessageItem(prev, null)?.direction ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The header's headline is a trait of the person the user writes to (only conversations with an
   * outbound message: other chats are not outreach). Only the headline: a title guessed from it
   * must not overwrite the one read from the profile's Experience section.
   */
  const traitSent = new Set<string>();
  function headerTrait(threadId: string, person: Header) {
    if (traitSent.has(threadId) || !person.name || !person.headline || !(person.memberId || person.profileUrl)) return;
    traitSent.add(threadId);
    emit(
      event('prospect', {
        person: toPerson(person),
        headline: person.headline.slice(0, 1000),
        title: null,
        company: null,
        location: null,
        industry: null,
        connectionDegree: null,
        seenAt: now(),
      }),
    );
  }

  /** The other participant per conversation pane/bubble, re-read only when the pane shows another thread. */
  function headerFor(el: Element, threadId: string) {
    const root = conversationRootOf(el) ?? (el.getRootNode() as ShadowRoot | Document);
    const cached = headers.get(root);
    if (cached && cached.threadId === threadId && cached.person.name) return cached.person;
    const person = readConversationHeader(root);
    // A header with a vanity profile link: the member id comes from the other person's own items.
    // Only when every inbound item is from one person (a group chat has several).
    if (!person.memberId) {
      const ids = new Set<string>();
      const links =
        (root as ParentNode).querySelectorAll?.(`.${SEL.otherClass} ${SEL.eventSenderLink.split(',')[0]}`) ?? [];
      for (let i = 0; i < links.length && i < 20; i++) {
        const id = personFromHref(links[i]!.getAttribute('href')).memberId;
        if (id) ids.add(id);
      }
      if (ids.size === 1) person.memberId = [...ids][0]!;
    }
    headers.set(root, { threadId, person });
    if (person.name) void names.remember(person.name, threadId, person.memberId, person.profileUrl);
    linkBubbleToProfile(root, person);
    return person;
  }

  /**
   * A chat bubble opened from a profile page (its Message button) names the member id of the
   * person the page shows by slug: when the bubble's person has the page's name, the two ids are
   * one person, and a profile event carrying both lets ingestion fold the records. Only bubbles
   * (the shadow root), only on /in/<slug>/, only when the page itself did not name another id.
   */
  const linked = new Set<string>();
  function linkBubbleToProfile(root: Node, person: Header) {
    if (!person.memberId || !person.name || !(root instanceof win.Element || root instanceof win.ShadowRoot)) return;
    if ((root as Node).getRootNode() === doc && !(root as Element).matches?.(SEL.bubble)) return;
    if (!/^\/in\/[^/]+\/?$/.test(doc.location?.pathname ?? '')) return;
    const r = readers.ready();
    // The page readers not loaded yet (they are on their way on a profile page): link once they are.
    if (!r) return void readers.load().then((x) => x && linkBubbleToProfile(root, person));
    let p: ProfileTraits | null = null;
    try {
      p = r.readProfile(doc, doc.location.href);
    } catch {
      return;
    }
    if (!p?.profileUrl || p.own || normText(p.name) !== normText(person.name)) return;
    if (p.memberId && p.memberId !== person.memberId) return;
    const key = `${p.profileUrl} ${person.memberId}`;
    if (linked.has(key) || p.memberId === person.memberId) return;
    linked.add(key);
    emit(
      event('prospect', {
        person: toPerson({ name: p.name, profileUrl: p.profileUrl, memberId: person.memberId }),
        headline: null,
        title: null,
        company: null,
        location: null,
        industry: null,
        connectionDegree: null,
        companyUrl: null,
        seenAt: now(),
      }),
    );
  }

  async function onConversationItem(li: Element) {
    const e = readConversationListItem(li);
    if (!e) return;
    const sig = `${e.names}\u0000${e.snippet}\u0000${e.own}`;
    const before = listState.get(li);
    listState.set(li, sig);
    if (before === sig || e.own) return;
    // Only entries stamped with a time of day (today): a date-only label is too coarse to join
    // with the message itself when the thread is opened later.
    if (!isPreciseListTime(e.timeText)) return;
    const at = parseListTime(e.timeText, now());
    if (at === null) return;
    let known = await names.load();
    const lookup = () => known[(e.senderName ?? e.names).toLowerCase()] ?? known[e.names.toLowerCase()];
    if (!lookup() && !e.threadId) known = await names.refresh();
    const found = lookup();
    const threadId = e.threadId ?? found?.threadId ?? null;
    const from = toPerson({
      name: e.senderName ?? e.names,
      memberId: found?.memberId ?? null,
      profileUrl: found?.profileUrl ?? null,
    });
    if (!threadId && !from.memberId && !from.profileUrl) return; // nothing ingestion could attach it to
    health.recognised();
    const externalId = `convlist:${threadId ?? e.names}:${hash(normText(e.snippet))}`;
    if (emittedMessages.has(externalId)) return;
    emittedMessages.add(externalId);
    emit(
      event('message', {
        direction: 'inbound',
        kind: 'linkedin-message',
        externalId,
        aliases: [],
        threadExternalId: threadId,
        threadAliases: found?.memberId ? [oneToOneThreadAlias(found.memberId)] : [],
        from,
        to: viewer.memberId() ? [{ memberId: viewer.memberId()! }] : [],
        subject: null,
        text: e.snippet.slice(0, 20_000),
        sentAt: Math.round(at),
        template: null,
      }),
    );
  }

  return {
    onMessageItem,
    onItemChanged(item) {
      if (emptyItems.has(item)) onMessageItem(item);
      // A message already read changed: recalled (the placeholder replaced its text)?
      else recalledItem(item);
    },
    onConversationItem,
  };
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
