// The DOM layer's live part: one MutationObserver over LinkedIn's page (and the open shadow root
// of #interop-outlet), turning what the readers in dom.ts find into capture events.
//
// Rules (docs/design.md, "Capture, per site"): read only. Per-node state lives in WeakSet/WeakMap, nothing is written to the
// page. The observer callback does work proportional to the mutation (added subtrees, changed
// attributes), never a scan of the whole page; profile reads are debounced.
import type { CaptureEventInput, CapturedPerson } from '../../schema/events';
import {
  conversationRootOf,
  parseListTime,
  isPreciseListTime,
  personFromHref,
  readConversationHeader,
  readConversationListItem,
  readMessageItem,
  readProfile,
  readViewerName,
  readableText,
  type DomMessage,
  type ProfileTraits,
} from './dom-read';
import { inviteThreadId, noteKey, oneToOneThreadAlias, normaliseThreadId, parseEventUrn } from './ids';
import { readCompanyPage, readInvitationCards } from './pages';
import { insertions, noteFocus } from './insert';
import type { HeldInvite } from './invite-hold';
import { confirmedKey, holdKey, noteInfoKey, pendingMemberKey } from '../../storage/keys';
import { PENDING_LABEL, RECALLED_TEXT, SEL } from './selectors';
import { normText } from '../../text';

export interface WatcherStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface LinkedInCaptureOptions {
  doc: Document;
  push: (events: CaptureEventInput[]) => void;
  now?: () => number;
  newId?: () => string;
  /** Extension storage (never the site's): pending invitations, names seen in conversations. */
  store?: WatcherStore;
  /** ms to wait before reading a profile after its page stopped changing. */
  profileDelayMs?: number;
  healthEveryMs?: number;
  /** How long the DOM waits for the network layer to confirm an invitation before logging it itself. */
  inviteFallbackMs?: number;
  /** The site's "log my outreach" switch: while off, no invitation is noted or held in storage. */
  tracking?: () => boolean;
}

export interface LinkedInCapture {
  /** Processes a batch of mutation records (what the MutationObserver callback calls). */
  handle(records: MutationRecord[]): void;
  /** Reads everything already on the page (start, SPA navigation). */
  scanAll(): void;
  flush(): void;
  stop(): void;
  stats(): { recognised: number; failed: number };
  /** The viewer's member id once known (first element of any data-event-urn). */
  viewer(): string | null;
}

const FIVE_MIN = 5 * 60_000;

function memoryStore(): WatcherStore {
  const m = new Map<string, unknown>();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}

export function createLinkedInCapture(opts: LinkedInCaptureOptions): LinkedInCapture {
  const { doc } = opts;
  const win = doc.defaultView!;
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const store = opts.store ?? memoryStore();

  /** Item element -> the data-event-urn it had when read (Ember may reuse an element for another message). */
  const seenItems = new WeakMap<Element, string>();
  const directions = new WeakMap<Element, 'outbound' | 'inbound'>();
  const emptyItems = new WeakSet<Element>();
  const headers = new WeakMap<Node, { threadId: string; person: ReturnType<typeof readConversationHeader> }>();
  const emittedMessages = new Set<string>();
  /** Profiles seen with an invitation pending, in this page's life. */
  const pendingShown = new Set<string>();
  const listState = new WeakMap<Element, string>();
  const observedRoots = new WeakSet<Node>();
  let viewerMemberId: string | null = null;
  let viewerName: string | null = null;
  let identitySent = false;
  let recognised = 0;
  let failed = 0;
  let lastError: string | null = null;
  let reportedAt = { recognised: 0, failed: 0 };
  let lastUrl = '';
  let lastProfileKey = '';
  let profileTimer: ReturnType<typeof setTimeout> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let out: CaptureEventInput[] = [];
  /** Recent sends from a compose box: text -> template, for the confirmed item that follows. */
  const recentSends: { text: string; template: { id: string; version: number } | null; at: number }[] = [];
  let pendingInvite: { text: string; template: { id: string; version: number } | null; at: number; profileUrl: string } | null = null;
  /** Names seen in conversation headers -> thread and ids, for conversation-list entries (no ids in 2026). */
  let namesCache: Record<string, { threadId: string; memberId: string | null; profileUrl: string | null }> | null = null;
  const loadNames = async () => (namesCache ??= ((await store.get('linkedin:names')) as typeof namesCache) ?? {});

  const emit = (ev: CaptureEventInput) => {
    out.push(ev);
    if (!flushTimer) flushTimer = setTimeout(flush, 200);
  };
  function flush() {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (!out.length) return;
    const batch = out;
    out = [];
    opts.push(batch);
  }
  const fail = (msg: string) => {
    failed++;
    lastError = msg.slice(0, 300);
  };

  function learnViewer(memberId: string | null) {
    if (!memberId || viewerMemberId === memberId) return;
    viewerMemberId = memberId;
    identitySent = false;
    void store.set('linkedin:viewer', memberId);
  }
  // The viewer learned on an earlier page (a profile page has no data-event-urn to learn it from).
  void store.get('linkedin:viewer').then((v) => {
    if (typeof v === 'string' && !viewerMemberId) viewerMemberId = v;
  });
  function sendIdentity() {
    if (identitySent || !viewerMemberId) return;
    viewerName ??= readViewerName(doc);
    const person: CapturedPerson = { memberId: viewerMemberId };
    if (viewerName) person.name = viewerName;
    emit({ eventId: newId(), type: 'identity', channel: 'linkedin', layer: 'dom', person });
    identitySent = true;
  }

  const toPerson = (p: { name: string | null; profileUrl: string | null; memberId: string | null; numericMemberId?: string | null; invitationId?: string | null; email?: string | null }): CapturedPerson => {
    const o: CapturedPerson = {};
    if (p.name) o.name = p.name.slice(0, 1000);
    if (p.profileUrl) o.profileUrl = p.profileUrl;
    if (p.memberId) o.memberId = p.memberId;
    if (p.numericMemberId) o.numericMemberId = p.numericMemberId;
    if (p.invitationId) o.invitationId = p.invitationId;
    if (p.email) o.email = p.email;
    return o;
  };

  function templateFor(text: string, sentAt: number): { id: string; version: number } | null {
    const key = normText(text);
    for (let i = recentSends.length - 1; i >= 0; i--) {
      const s = recentSends[i]!;
      if (s.text === key && Math.abs(sentAt - s.at) <= FIVE_MIN) return s.template;
    }
    return null;
  }

  function onMessageItem(el: Element) {
    const urnNow = el.getAttribute(SEL.eventUrnAttr) ?? '';
    if (seenItems.get(el) === urnNow) return;
    let m: DomMessage | null = null;
    try {
      m = readMessageItem(el, () => previousDirection(el));
      if (!m && urnNow) {
        // An id we cannot decode (LinkedIn changed its scheme?): still log the message, in the
        // pane's thread, timed when first seen, and report the layer as degraded.
        fail('undecodable data-event-urn');
        m = readMessageItem(el, () => previousDirection(el), { threadId: fallbackThread(el), at: now() });
      }
    } catch (e) {
      fail(`message item: ${(e as Error).message}`);
    }
    seenItems.set(el, urnNow);
    if (!m) return;
    directions.set(el, m.direction);
    recognised++;
    learnViewer(m.viewerMemberId);
    sendIdentity();
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
    if (m.direction === 'outbound') headerTrait(el, m.threadId, other);
    const threadAliases: string[] = [];
    if (other.memberId) threadAliases.push(oneToOneThreadAlias(other.memberId));
    const viewer = toPerson({ name: viewerName, profileUrl: null, memberId: viewerMemberId });
    const sender = m.direction === 'inbound' ? toPerson({ name: m.sender.name ?? other.name, profileUrl: m.sender.profileUrl ?? other.profileUrl, memberId: m.sender.memberId ?? other.memberId }) : viewer;
    const otherPerson = toPerson(other);
    emit({
      eventId: newId(),
      type: 'message',
      channel: 'linkedin',
      layer: 'dom',
      direction: m.direction,
      kind: m.subject !== null ? 'inmail' : 'linkedin-message',
      externalId: m.messageId,
      aliases: [],
      threadExternalId: m.threadId,
      threadAliases,
      from: sender,
      to: m.direction === 'outbound' ? (Object.keys(otherPerson).length ? [otherPerson] : []) : Object.keys(viewer).length ? [viewer] : [],
      subject: m.subject,
      text: m.text.slice(0, 20_000),
      sentAt: m.sentAt,
      template: m.direction === 'outbound' ? templateFor(m.text, m.sentAt) : null,
    });
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
      emit({ eventId: newId(), type: 'retract', channel: 'linkedin', layer: 'dom', externalId: m.messageId });
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
    const li = el.closest('li');
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
  function headerTrait(el: Element, threadId: string, person: ReturnType<typeof readConversationHeader>) {
    if (traitSent.has(threadId) || !person.name || !person.headline || !(person.memberId || person.profileUrl)) return;
    traitSent.add(threadId);
    emit({ eventId: newId(), type: 'prospect', channel: 'linkedin', layer: 'dom', person: toPerson(person), headline: person.headline.slice(0, 1000), title: null, company: null, location: null, industry: null, connectionDegree: null, seenAt: now() });
    void el;
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
      const links = (root as ParentNode).querySelectorAll?.(`.${SEL.otherClass} ${SEL.eventSenderLink.split(',')[0]}`) ?? [];
      for (let i = 0; i < links.length && i < 20; i++) {
        const id = personFromHref(links[i]!.getAttribute('href')).memberId;
        if (id) ids.add(id);
      }
      if (ids.size === 1) person.memberId = [...ids][0]!;
    }
    headers.set(root, { threadId, person });
    if (person.name) void rememberName(person.name, threadId, person.memberId, person.profileUrl);
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
  function linkBubbleToProfile(root: Node, person: ReturnType<typeof readConversationHeader>) {
    if (!person.memberId || !person.name || !(root instanceof win.Element || root instanceof win.ShadowRoot)) return;
    if ((root as Node).getRootNode() === doc && !(root as Element).matches?.('.msg-overlay-conversation-bubble')) return;
    if (!/^\/in\/[^/]+\/?$/.test(doc.location?.pathname ?? '')) return;
    let p: ProfileTraits | null = null;
    try {
      p = readProfile(doc, doc.location.href);
    } catch {
      return;
    }
    if (!p?.profileUrl || p.own || normText(p.name) !== normText(person.name)) return;
    if (p.memberId && p.memberId !== person.memberId) return;
    const key = `${p.profileUrl} ${person.memberId}`;
    if (linked.has(key) || p.memberId === person.memberId) return;
    linked.add(key);
    emit({ eventId: newId(), type: 'prospect', channel: 'linkedin', layer: 'dom', person: toPerson({ name: p.name, profileUrl: p.profileUrl, memberId: person.memberId }), headline: null, title: null, company: null, location: null, industry: null, connectionDegree: null, companyUrl: null, seenAt: now() });
  }

  async function rememberName(name: string, threadId: string, memberId: string | null, profileUrl: string | null) {
    const key = name.toLowerCase();
    if ((await loadNames())[key]?.threadId === threadId) return;
    // Re-read before writing: another LinkedIn tab may have added names since this one loaded them.
    const names = { ...(await loadNames()), ...(((await store.get('linkedin:names')) as typeof namesCache) ?? {}) };
    names[key] = { threadId, memberId, profileUrl };
    namesCache = names;
    const keys = Object.keys(names);
    if (keys.length > 500) delete names[keys[0]!];
    await store.set('linkedin:names', names);
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
    let names = await loadNames();
    const lookup = () => names[(e.senderName ?? e.names).toLowerCase()] ?? names[e.names.toLowerCase()];
    if (!lookup() && !e.threadId) names = namesCache = { ...names, ...(((await store.get('linkedin:names')) as typeof namesCache) ?? {}) };
    const known = lookup();
    const threadId = e.threadId ?? known?.threadId ?? null;
    const from = toPerson({ name: e.senderName ?? e.names, memberId: known?.memberId ?? null, profileUrl: known?.profileUrl ?? null });
    if (!threadId && !from.memberId && !from.profileUrl) return; // nothing ingestion could attach it to
    recognised++;
    const externalId = `convlist:${threadId ?? e.names}:${hash(normText(e.snippet))}`;
    if (emittedMessages.has(externalId)) return;
    emittedMessages.add(externalId);
    emit({
      eventId: newId(),
      type: 'message',
      channel: 'linkedin',
      layer: 'dom',
      direction: 'inbound',
      kind: 'linkedin-message',
      externalId,
      aliases: [],
      threadExternalId: threadId,
      threadAliases: known?.memberId ? [oneToOneThreadAlias(known.memberId)] : [],
      from,
      to: viewerMemberId ? [{ memberId: viewerMemberId }] : [],
      subject: null,
      text: e.snippet.slice(0, 20_000),
      sentAt: Math.round(at),
      template: null,
    });
  }

  async function readProfileNow() {
    profileTimer = null;
    const url = doc.location?.href ?? '';
    let p: ProfileTraits | null = null;
    try {
      p = readProfile(doc, url);
    } catch (e) {
      fail(`profile: ${(e as Error).message}`);
      return;
    }
    if (!p) {
      // Counted only when the page shows a name heading we could not read (not while it is still loading).
      if (/\/in\/[^/]+\/?$/.test(new URL(url).pathname) && doc.querySelector('main h1')?.textContent?.trim()) fail('profile page without a readable name');
      return;
    }
    if (p.own || (viewerMemberId && p.memberId === viewerMemberId)) {
      // The viewer's own profile: it teaches who "me" is and is never a prospect.
      if (lastProfileKey === 'own:' + p.profileUrl) return;
      lastProfileKey = 'own:' + p.profileUrl;
      const person = toPerson({ name: p.name, profileUrl: p.profileUrl, memberId: p.memberId ?? viewerMemberId });
      emit({ eventId: newId(), type: 'identity', channel: 'linkedin', layer: 'dom', person });
      return;
    }
    // Who this page is about, for the invitation bookkeeping below: the slug URL, else the member id.
    const who = p.profileUrl ?? (p.memberId ? `member:${p.memberId}` : null);
    if (!who) return;
    const key = JSON.stringify(p);
    // Invitation sent from the dialog: confirmed once the profile shows Pending. The network layer
    // normally logs it (with the template noted at the click); the DOM logs it only when the
    // network layer has not confirmed it after a while (an endpoint it does not know, say).
    if (pendingInvite && pendingInvite.profileUrl === who && p.pending && now() - pendingInvite.at < 60_000) {
      const inv = pendingInvite;
      pendingInvite = null;
      const key = noteKey(inv.text);
      const tid = inviteThreadId({ ...(p.profileUrl ? { profileUrl: p.profileUrl } : {}), ...(p.memberId ? { memberId: p.memberId } : {}), ...(p.numericMemberId ? { numericMemberId: p.numericMemberId } : {}) })!;
      const aliases = [p.memberId ? inviteThreadId({ memberId: p.memberId }) : null, p.numericMemberId ? inviteThreadId({ numericMemberId: p.numericMemberId }) : null].filter((a): a is string => !!a && a !== tid);
      const event: CaptureEventInput = {
        eventId: newId(), type: 'message', channel: 'linkedin', layer: 'dom', direction: 'outbound', kind: 'linkedin-invite',
        externalId: `invite-dom:${tid}:${inv.at}`, aliases: [], threadExternalId: tid, threadAliases: [...new Set(aliases)],
        from: toPerson({ name: viewerName, memberId: viewerMemberId, profileUrl: null }), to: [toPerson(p)], subject: null,
        text: inv.text.slice(0, 20_000), sentAt: Math.round(inv.at), template: inv.template,
      };
      const wait = opts.inviteFallbackMs ?? 10_000;
      // Held in extension storage while it waits, so the background logs it if the tab closes first.
      const held: HeldInvite = { event, dueAt: now() + wait };
      const holding = store.set(holdKey(key), held);
      setTimeout(async () => {
        await holding;
        // Released before the check: past this point the background no longer takes it.
        await store.set(holdKey(key), null);
        const confirmed = await store.get(confirmedKey(key));
        await store.set(noteInfoKey(key), null);
        await store.set(confirmedKey(key), null);
        if (confirmed) return;
        emit(event);
        flush();
      }, wait);
    }
    // Invitations are remembered by profile (DOM) and by member id (the background's network layer
    // writes `linkedin:pending-m:<memberId>` when LinkedIn confirms an invitation).
    const pendingKey = `linkedin:pending:${who}`;
    const memberKey = p.memberId ? pendingMemberKey(p.memberId) : null;
    // Pending turned back into Connect while the page was open: the user withdrew the invitation
    // (whichever call the page used for it; the network layer reports the calls it knows too).
    if (pendingShown.has(who) && !p.pending && p.connectionDegree !== 1) emit({ eventId: newId(), type: 'invitation-withdrawn', channel: 'linkedin', layer: 'dom', person: toPerson(p), at: now() });
    pendingShown[p.pending ? 'add' : 'delete'](who);
    if (p.pending) await store.set(pendingKey, now());
    else if (p.connectionDegree === 1 && ((await store.get(pendingKey)) || (memberKey && (await store.get(memberKey))))) {
      await store.set(pendingKey, null);
      if (memberKey) await store.set(memberKey, null);
      emit({ eventId: newId(), type: 'connection-accepted', channel: 'linkedin', layer: 'dom', person: toPerson(p), at: now() });
    }
    if (key === lastProfileKey) return;
    lastProfileKey = key;
    recognised++;
    emit({
      eventId: newId(),
      type: 'prospect',
      channel: 'linkedin',
      layer: 'dom',
      person: toPerson(p),
      headline: p.headline,
      title: p.title,
      company: p.company,
      location: p.location,
      industry: null,
      connectionDegree: p.connectionDegree,
      companyUrl: p.companyUrl,
      seenAt: now(),
    });
  }

  /** Company pages (`/company/<slug>/`, its About tab): industry, size band, headquarters. */
  let lastCompanyKey = '';
  function readCompanyNow() {
    companyTimer = null;
    let c: ReturnType<typeof readCompanyPage> = null;
    try {
      c = readCompanyPage(doc, doc.location?.href ?? '');
    } catch (e) {
      fail(`company page: ${(e as Error).message}`);
      return;
    }
    if (!c || !(c.industry || c.companySize || c.headquarters)) return;
    const key = JSON.stringify(c);
    if (key === lastCompanyKey) return;
    lastCompanyKey = key;
    recognised++;
    emit({ eventId: newId(), type: 'company', channel: 'linkedin', layer: 'dom', name: c.name.slice(0, 1000), slug: c.slug, numericId: c.numericId, industry: c.industry, companySize: c.companySize, headquarters: c.headquarters, seenAt: now() });
  }

  /** Invitation manager cards: the headline of people already known (never creates a prospect). */
  const cardsSent = new Set<string>();
  function readInvitationCardsNow() {
    cardsTimer = null;
    for (const card of readInvitationCards(doc)) {
      const key = JSON.stringify(card);
      if (cardsSent.has(key)) continue;
      cardsSent.add(key);
      recognised++;
      emit({ eventId: newId(), type: 'prospect', channel: 'linkedin', layer: 'dom', person: toPerson({ name: card.name, profileUrl: card.profileUrl, memberId: card.memberId }), headline: card.headline, title: null, company: null, location: null, industry: null, connectionDegree: null, companyUrl: null, onlyKnown: true, seenAt: now() });
    }
  }

  let companyTimer: ReturnType<typeof setTimeout> | null = null;
  let cardsTimer: ReturnType<typeof setTimeout> | null = null;
  function schedulePageReads() {
    const path = doc.location?.pathname ?? '';
    if (/^\/(company|showcase)\/[^/]+/.test(path)) {
      if (companyTimer) clearTimeout(companyTimer);
      companyTimer = setTimeout(readCompanyNow, opts.profileDelayMs ?? 400);
    } else if (/^\/mynetwork\/invitation-manager/.test(path)) {
      if (cardsTimer) clearTimeout(cardsTimer);
      cardsTimer = setTimeout(readInvitationCardsNow, opts.profileDelayMs ?? 400);
    }
  }

  function scheduleProfile() {
    schedulePageReads();
    if (!/^\/in\//.test(doc.location?.pathname ?? '')) return;
    if (profileTimer) clearTimeout(profileTimer);
    profileTimer = setTimeout(() => void readProfileNow(), opts.profileDelayMs ?? 400);
  }

  function observeOutlet() {
    const root = doc.getElementById('interop-outlet')?.shadowRoot;
    if (root) observeShadow(root);
  }

  function scanRoot(root: ParentNode) {
    for (const el of root.querySelectorAll(SEL.eventWithUrn)) onMessageItem(el);
    for (const li of root.querySelectorAll(SEL.convItem)) void onConversationItem(li);
  }

  function observeShadow(root: ShadowRoot) {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, OBSERVE);
    scanRoot(root);
  }

  function handleAdded(n: Node) {
    if (n.nodeType !== 1) return;
    const el = n as Element;
    // A component that draws into its own open shadow root (as #interop-outlet does).
    if (el.shadowRoot) observeShadow(el.shadowRoot);
    if (el.hasAttribute(SEL.eventUrnAttr)) onMessageItem(el);
    else if (el.firstElementChild) for (const x of el.querySelectorAll(SEL.eventWithUrn)) onMessageItem(x);
    if (el.matches(SEL.convItem)) void onConversationItem(el);
    else if (el.firstElementChild && el.querySelector(SEL.convItem)) for (const li of el.querySelectorAll(SEL.convItem)) void onConversationItem(li);
  }

  const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: [SEL.eventUrnAttr], characterData: true };

  function handle(records: MutationRecord[]) {
    const href = doc.location?.href ?? '';
    if (href !== lastUrl) {
      lastUrl = href;
      lastProfileKey = '';
    }
    let touchedList: Element | null = null;
    for (const r of records) {
      if (r.type === 'attributes') {
        onMessageItem(r.target as Element);
        continue;
      }
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          handleAdded(n);
          if ((n as Element).id === 'interop-outlet' || (n.nodeType === 1 && (n as Element).querySelector?.('#interop-outlet'))) observeOutlet();
        }
      }
      // Text or children changed inside a conversation list entry (new snippet), or inside a message
      // item whose body was still empty.
      const t = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      const item = t?.closest?.(SEL.eventWithUrn);
      if (item && emptyItems.has(item)) onMessageItem(item);
      // A message already read changed: recalled (the placeholder replaced its text)?
      else if (item) recalledItem(item);
      const li = t?.closest?.(SEL.convItem);
      if (li && li !== touchedList) {
        touchedList = li;
        void onConversationItem(li);
      }
    }
    observeOutlet(); // getElementById + a WeakSet check: cheap enough for every batch
    scheduleProfile();
  }

  function scanAll() {
    observeOutlet();
    scanRoot(doc);
    scheduleProfile();
  }

  // Sends: a click on a Send button or Enter in a message box. Only read here, to learn which
  // template the text came from; the message itself is logged from its confirmed list item.
  function composeBoxOf(path: EventTarget[]): HTMLElement | null {
    for (const t of path) {
      const el = t as Element;
      if (el?.nodeType !== 1) continue;
      if (el.matches(SEL.composeBox)) return el as HTMLElement;
      const form = el.matches(SEL.composeForm) ? el : null;
      if (form) return form.querySelector(SEL.composeBox);
    }
    return null;
  }
  function recordSend(box: HTMLElement) {
    const text = readableText(box);
    if (!text.trim()) return;
    const ins = insertions.get(box);
    recentSends.push({ text: normText(text), template: ins ? { id: ins.templateId, version: ins.templateVersion } : null, at: now() });
    if (recentSends.length > 20) recentSends.shift();
    insertions.delete(box);
  }
  const onClick = (e: Event) => {
    const path = e.composedPath();
    const button = path.find((t) => (t as Element)?.nodeType === 1 && (t as Element).matches('button, [role="button"]')) as Element | undefined;
    if (!button) return;
    if (button.matches(SEL.sendButton) || (button.getAttribute('type') === 'submit' && button.closest(SEL.composeForm))) {
      const form = button.closest(SEL.composeForm);
      const box = form?.querySelector<HTMLElement>(SEL.composeBox) ?? composeBoxOf(path);
      if (box) recordSend(box);
      return;
    }
    const label = `${button.getAttribute('aria-label') ?? ''} ${button.textContent ?? ''}`;
    // "Pending" clicked on a profile (the way to withdraw): pending now, whatever the page read so far.
    if (PENDING_LABEL.test(label) && button.closest('main')) {
      try {
        const p = readProfile(doc, doc.location.href);
        const who = p ? p.profileUrl ?? (p.memberId ? `member:${p.memberId}` : null) : null;
        if (who) pendingShown.add(who);
      } catch {
        /* read again with the next change */
      }
    }
    // Invitation dialog: its Send button next to the note.
    const dialog = button.closest(SEL.dialog);
    const note = dialog?.querySelector<HTMLTextAreaElement>(SEL.inviteNote);
    if (note && /\b(send|senden|envoyer|enviar)\b/i.test(label) && (opts.tracking?.() ?? true)) {
      const profile = readProfile(doc, doc.location.href);
      const who = profile ? profile.profileUrl ?? (profile.memberId ? `member:${profile.memberId}` : null) : null;
      // Any invitation sent from a profile (with or without a note): a later "· 1st" is its acceptance.
      if (who) void store.set(`linkedin:pending:${who}`, now());
      if (!note.value.trim()) return;
      const ins = insertions.get(note);
      const template = ins ? { id: ins.templateId, version: ins.templateVersion } : null;
      insertions.delete(note);
      // For the network layer, which sees the same note text in the request body.
      const info: Record<string, unknown> = { at: now() };
      if (template) Object.assign(info, { templateId: template.id, templateVersion: template.version });
      if (profile) Object.assign(info, { name: profile.name, ...(profile.profileUrl ? { profileUrl: profile.profileUrl } : {}), ...(profile.memberId ? { memberId: profile.memberId } : {}), ...(profile.numericMemberId ? { numericMemberId: profile.numericMemberId } : {}) });
      void store.set(noteInfoKey(noteKey(note.value)), info);
      if (!profile || !who) return; // outside a profile page the network layer alone logs the invitation
      pendingInvite = { text: note.value, template, at: now(), profileUrl: who };
      scheduleProfile();
    }
  };
  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (k.key !== 'Enter' || k.shiftKey || k.isComposing) return;
    const box = composeBoxOf(k.composedPath());
    if (box && box.matches(SEL.composeBox)) recordSend(box);
  };
  const onFocus = (e: Event) => noteFocus(e.target, e.composedPath());
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('focusin', onFocus, true);

  const observer = new win.MutationObserver((records) => handle(records));
  observer.observe(doc.documentElement ?? doc, OBSERVE);

  // attachShadow() makes no mutation in the light DOM: look for the outlet's root now and then.
  const outletTimer = setInterval(observeOutlet, 2000);
  const reportHealth = () => {
    if (recognised === reportedAt.recognised && failed === reportedAt.failed) return;
    emit({ eventId: newId(), type: 'health', channel: 'linkedin', layer: 'dom', recognised: recognised - reportedAt.recognised, failed: failed - reportedAt.failed, lastError });
    reportedAt = { recognised, failed };
    lastError = null;
  };
  const healthTimer = setInterval(reportHealth, opts.healthEveryMs ?? 30_000);
  // A first report soon after start, so the panel can say "working" without waiting a full period.
  const firstHealth = setTimeout(reportHealth, Math.min(opts.healthEveryMs ?? 30_000, 5_000));

  return {
    handle,
    scanAll,
    flush,
    stop() {
      observer.disconnect();
      clearInterval(healthTimer);
      clearInterval(outletTimer);
      clearTimeout(firstHealth);
      if (profileTimer) clearTimeout(profileTimer);
      if (companyTimer) clearTimeout(companyTimer);
      if (cardsTimer) clearTimeout(cardsTimer);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('focusin', onFocus, true);
      flush();
    },
    stats: () => ({ recognised, failed }),
    viewer: () => viewerMemberId,
  };
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Exposed for getPageContext: the thread shown in the main pane or the URL. */
export function currentThreadId(doc: Document): string | null {
  const fromUrl = normaliseThreadId(doc.location?.href ?? null);
  if (fromUrl) return fromUrl;
  const el = doc.querySelector(`.msg-convo-wrapper ${SEL.eventWithUrn}, .msg-thread ${SEL.eventWithUrn}`);
  return el ? parseEventUrn(el.getAttribute(SEL.eventUrnAttr))?.message?.threadId ?? null : null;
}
