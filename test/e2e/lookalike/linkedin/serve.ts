/**
 * LinkedIn look-alike for end-to-end tests, served at the real URLs with context.route.
 *
 *   const li = await serveLinkedIn(context, { people: [...] });   // default cast below
 *   await page.goto(li.threadUrl(li.person('jane')));              // /messaging/thread/<2-…>/
 *   await page.goto(li.profileUrl(li.person('ana')));              // /in/<public-id>/ (SDUI or classic)
 *   await page.goto(li.feedUrl(li.person('chris')));               // /feed/ with a chat bubble open
 *   await sendMessage(page, 'Hi Jane');             // types in the thread's box and clicks Send
 *   await sendMessage(page, 'Hi', { inBubble: true });   // same, in the bubble (shadow root)
 *   await deliverInbound(page, li, li.person('jane'), 'Thanks!');  // realtime push of a reply
 *   await sendInvitation(page, 'Loved your talk');  // profile page: Connect, Add a note, Send
 *   await openMessageBubble(page);                  // profile page: Message -> chat bubble (shadow root)
 *   li.accept(li.person('ana'));                    // the invitation is accepted (reload shows "· 1st")
 *   li.state.received                               // every send/invite body the "server" got
 *   li.served                                       // every request the look-alike answered
 *   serveLinkedIn(context, { extraOrigins: ['https://control.test'] })  // same site at a control origin
 *
 * Static DOM fixtures for unit tests are rendered from these pages by dump-fixtures.ts.
 *
 * What is faithful (see pages.ts): Ember msg-* markup with data-event-urn set only after the
 * server answers, `--other` for inbound, profile links in /in/ACoAA… form, the conversation list
 * without hrefs or data attributes, #interop-outlet's open shadow root holding bubbles and the
 * invitation dialog, a server-driven profile (data-sdui-screen, componentkey, generated classes)
 * and a classic one, createMessage / addaAddConnection / GraphQL bodies and responses in
 * LinkedIn's shapes.
 */
import { expect, type BrowserContext, type Page, type Route } from '@playwright/test';
import { companyPage, feedPage, invitationManagerPage, messagingPage, preloadPage, profilePage } from './pages';
import {
  conversationUrn,
  dashMessage,
  findPerson,
  graphqlMessages,
  newInvitationId,
  newMessageId,
  newThread,
  person,
  realtimeMessageEvent,
  type LiCompany,
  type LiPerson,
  type LiState,
  type LiThread,
} from './state';

export interface LinkedInLookalike {
  state: LiState;
  person(publicId: string): LiPerson;
  threadOf(p: LiPerson): LiThread | undefined;
  threadUrl(p: LiPerson): string;
  profileUrl(p: LiPerson): string;
  feedUrl(bubbleWith?: LiPerson): string;
  /**
   * The invitation is accepted (a reload shows "· 1st"). LinkedIn then opens a conversation whose
   * first message is the invitation's note, sent by the viewer (with the invitee as `actor`).
   */
  accept(p: LiPerson): void;
  company(slug: string): LiCompany;
  companyUrl(c: LiCompany, tab?: 'home' | 'about'): string;
  contactInfoUrl(p: LiPerson): string;
  /** Adds a message to the server's state (e.g. history before the test starts). */
  addMessage(p: LiPerson, text: string, fromViewer: boolean, at?: number): { thread: LiThread; id: string };
  /** Every request URL the look-alike served (to tell the page's calls from anything else). */
  served: string[];
}

export function defaultCast() {
  const viewer = person({
    firstName: 'Sam',
    lastName: 'Seller',
    publicId: 'sam-seller-7b1',
    headline: 'Founder at Sidelog',
    degree: 1,
  });
  // Each person's conversation header shows something else under the name, as real ones do.
  const people = [
    person({
      firstName: 'Jane',
      lastName: 'Doe',
      publicId: 'jane-doe-594b81205',
      headline: 'VP Sales at Acme Corp',
      title: 'VP Sales',
      company: 'Acme Corp',
      location: 'Berlin, Germany',
      degree: 1,
      layout: 'classic',
      companySlug: 'acme-corp',
      presence: 'online-dot',
      email: 'jane.doe@acme-corp.example',
    }),
    person({
      firstName: 'Bob',
      lastName: 'Builder',
      publicId: 'bob-builder',
      headline: 'Head of Operations | Globex',
      title: 'Head of Operations',
      company: 'Globex',
      location: 'London, England, United Kingdom',
      degree: 1,
      companySlug: 'globex',
      presence: 'mobile',
    }),
    person({
      firstName: 'Chris',
      lastName: 'Buyer',
      publicId: 'chris-buyer-22',
      headline: 'Procurement Manager at Initech',
      title: 'Procurement Manager',
      company: 'Initech',
      location: 'Austin, Texas, United States',
      degree: 1,
      companySlug: 'initech',
      presence: 'active',
    }),
    person({
      firstName: 'Ana',
      lastName: 'García',
      publicId: 'ana-garcia-1',
      headline: 'Directora de Marketing en Umbrella',
      title: 'Directora de Marketing',
      company: 'Umbrella',
      location: 'Madrid, Comunidad de Madrid, España',
      degree: 2,
      companySlug: 'umbrella-corp',
      presence: 'available',
      email: 'ana.garcia@umbrella.example',
    }),
  ];
  const companies: LiCompany[] = [
    {
      slug: 'acme-corp',
      numericId: '2414183',
      name: 'Acme Corp',
      industry: 'Software Development',
      size: '51-200 employees',
      topCardSize: '51-200 employees',
      headquarters: 'Berlin, Berlin',
      followers: '12K',
    },
    {
      slug: 'globex',
      numericId: '1035',
      name: 'Globex Corporation',
      industry: 'Manufacturing',
      size: '1,001-5,000 employees',
      topCardSize: '1K-5K employees',
      headquarters: 'London, England',
      followers: '340K',
    },
    {
      slug: 'initech',
      numericId: '98765',
      name: 'Initech',
      industry: 'IT Services and IT Consulting',
      size: '201-500 employees',
      topCardSize: '201-500 employees',
      headquarters: 'Austin, Texas',
      followers: '8K',
    },
    {
      slug: 'umbrella-corp',
      numericId: '5551212',
      name: 'Umbrella',
      industry: 'Marketing Services',
      size: '11-50 employees',
      topCardSize: '11-50 employees',
      headquarters: 'Madrid, Comunidad de Madrid',
      followers: '2K',
    },
  ];
  return { viewer, people, companies };
}

export async function serveLinkedIn(
  context: BrowserContext,
  opts: {
    viewer?: LiPerson;
    people?: LiPerson[];
    companies?: LiCompany[];
    history?: boolean;
    /** Also serve the look-alike at these origins (controls the content script does not match). */ extraOrigins?: string[];
    inviteSduiId?: string;
    realtimeClient?: LiState['realtimeClient'];
    realtimeFrame?: LiState['realtimeFrame'];
  } = {},
): Promise<LinkedInLookalike> {
  const cast = defaultCast();
  const state: LiState = {
    viewer: opts.viewer ?? cast.viewer,
    people: opts.people ?? cast.people,
    companies: opts.companies ?? cast.companies,
    invitations: [],
    threads: [],
    received: [],
    inviteSduiId: opts.inviteSduiId,
    realtimeClient: opts.realtimeClient,
    realtimeFrame: opts.realtimeFrame,
    realtimeQueue: [],
  };
  const served: string[] = [];
  const byPublic = (id: string) => state.people.find((p) => p.publicId === id);

  const addMessage = (p: LiPerson, text: string, fromViewer: boolean, at = Date.now()) => {
    const thread = state.threads.find((t) => t.other === p.memberId) ?? newThread(state, p);
    const id = newMessageId(thread.uuid, at);
    thread.messages.push({
      id,
      text,
      sender: fromViewer ? state.viewer.memberId : p.memberId,
      at,
      originToken: fromViewer ? crypto.randomUUID() : null,
    });
    state.threads.splice(state.threads.indexOf(thread), 1);
    state.threads.unshift(thread);
    return { thread, id };
  };
  if (opts.history !== false) {
    // Two days of history with Jane so the list and thread are not empty.
    const jane = state.people[0]!;
    addMessage(jane, 'Hi Sam, thanks for connecting!', false, Date.now() - 2 * 86400_000);
    addMessage(jane, 'Likewise Jane. Are you still running sales at Acme?', true, Date.now() - 2 * 86400_000 + 60_000);
  }

  /** A message by its URN (`urn:li:msg_message:(…,2-…)`) or bare id. */
  const findMessage = (urn: string) => {
    for (const t of state.threads)
      for (const m of t.messages) if (urn === m.id || urn.endsWith(`,${m.id})`)) return { t, m };
    return null;
  };

  const html = (route: Route, body: string) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  const handler = async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    served.push(`${req.method()} ${req.url()}`);
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (req.method() === 'GET' && (m = /^\/messaging\/thread\/([^/]+)\/?$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return html(route, messagingPage(state, state.threads.find((t) => t.id === id) ?? null));
    }
    if (req.method() === 'GET' && /^\/messaging\/?$/.test(path))
      return html(route, messagingPage(state, state.threads[0] ?? null));
    if (req.method() === 'GET' && (m = /^\/in\/([^/]+)\/?(overlay\/contact-info\/?)?$/.exec(path))) {
      const p = byPublic(decodeURIComponent(m[1]!));
      return p
        ? html(route, profilePage(state, p, m[2] ? 'contact-info' : null))
        : route.fulfill({ status: 404, body: 'Not found' });
    }
    if (req.method() === 'GET' && (m = /^\/company\/([^/]+)\/?(about\/?)?$/.exec(path))) {
      const ref = decodeURIComponent(m[1]!).toLowerCase();
      const c = state.companies.find((x) => x.slug === ref || x.numericId === ref);
      if (!c) return route.fulfill({ status: 404, body: 'Not found' });
      // Addressed by numeric id (classic profiles link it so): LinkedIn redirects to the slug.
      if (ref === c.numericId)
        return route.fulfill({
          status: 301,
          headers: { location: `https://www.linkedin.com/company/${c.slug}/${m[2] ? 'about/' : ''}` },
          body: '',
        });
      return html(route, companyPage(state, c, m[2] ? 'about' : 'home'));
    }
    if (req.method() === 'GET' && (m = /^\/mynetwork\/invitation-manager\/(sent|received)?\/?$/.exec(path))) {
      return html(route, invitationManagerPage(state, m[1] === 'sent' ? 'sent' : 'received'));
    }
    if (req.method() === 'GET' && /^\/feed\/?$/.test(path)) {
      const withId = url.searchParams.get('bubble');
      return html(route, feedPage(state, withId ? (byPublic(withId) ?? null) : null));
    }
    if (path === '/preload/') return html(route, preloadPage(state));
    if (path === '/voyager/api/voyagerMessagingGraphQL/graphql') {
      const vars = decodeURIComponent(url.searchParams.get('variables') ?? '');
      const t = state.threads.find((x) => vars.includes(x.id));
      return json(route, t ? graphqlMessages(state, t) : { data: { messengerMessagesBySyncToken: { elements: [] } } });
    }
    if (
      path === '/voyager/api/voyagerMessagingDashMessengerMessages' &&
      url.searchParams.get('action') === 'createMessage'
    ) {
      const body = JSON.parse(req.postData() ?? '{}');
      state.received.push({ url: req.url(), body });
      const conv: string | undefined = body.message?.conversationUrn;
      let thread = conv ? state.threads.find((t) => conv.includes(t.id)) : undefined;
      if (!thread) {
        const recipient = String(body.hostRecipientUrns?.[0] ?? '')
          .split(':')
          .pop()!;
        const p = findPerson(state, recipient);
        if (!p) return json(route, { status: 400 }, 400);
        thread = state.threads.find((t) => t.other === p.memberId) ?? newThread(state, p);
      }
      const at = Date.now();
      const id = newMessageId(thread.uuid, at);
      const msg = {
        id,
        text: body.message.body.text,
        sender: state.viewer.memberId,
        at,
        originToken: body.message.originToken,
      };
      thread.messages.push(msg);
      const d = dashMessage(state, thread, msg);
      return json(route, {
        value: { ...d, conversationUrn: conversationUrn(state, thread), senderUrn: d.sender.entityUrn },
      });
    }
    // The user recalls ("Delete") or edits a message they sent (mautrix/linkedin RecallMessage and
    // EditMessage, pkg/linkedingo/messages.go at 525a6e31944c40be102552b7e6a0176aa7c96247): the
    // server keeps a RECALLED tombstone or the EDITED text and pushes the item over realtime.
    const dashMessages = '/voyager/api/voyagerMessagingDashMessengerMessages';
    const editPath = path.startsWith(dashMessages + '/');
    if (
      req.method() === 'POST' &&
      ((path === dashMessages && url.searchParams.get('action') === 'recall') || editPath)
    ) {
      const body = JSON.parse(req.postData() ?? '{}');
      state.received.push({ url: req.url(), body });
      const urn = editPath ? decodeURIComponent(path.slice(dashMessages.length + 1)) : String(body.messageUrn ?? '');
      const found = findMessage(urn);
      if (!found || found.m.sender !== state.viewer.memberId || found.m.recalled)
        return json(route, { status: 403 }, 403);
      if (editPath) {
        const text = body?.patch?.$set?.body?.text;
        if (typeof text !== 'string') return json(route, { status: 400 }, 400);
        found.m.text = text;
        found.m.edited = true;
      } else found.m.recalled = true;
      if (state.realtimeClient) state.realtimeQueue.push(realtimeMessageEvent(state, found.t, found.m));
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    }
    // Withdrawing an invitation: the server-driven action (the body grinich/inflow captured,
    // test/fixtures/linkedin/sdui-withdraw-invitation-2026.json) or the Dash call by invitation id.
    const sduiid = url.searchParams.get('sduiid') ?? '';
    const dashWithdraw = /^\/voyager\/api\/voyagerRelationshipsDashInvitations\/([^/]+)$/.exec(path);
    if (
      req.method() === 'POST' &&
      ((path.startsWith('/flagship-web/rsc-action/actions/server-request') && /addaWithdrawInvitation$/.test(sduiid)) ||
        (dashWithdraw && url.searchParams.get('action') === 'withdraw'))
    ) {
      const body = JSON.parse(req.postData() ?? '{}');
      state.received.push({ url: req.url(), body });
      const payload = body?.serverRequest?.requestedArguments?.payload ?? {};
      const invId = dashWithdraw
        ? /(\d+)$/.exec(decodeURIComponent(dashWithdraw[1]!))?.[1]
        : payload?.invitationUrn?.invitationId;
      const inv = state.invitations.find((i) => i.id === invId && !i.withdrawn);
      if (!inv) return json(route, { status: 404 }, 404);
      inv.withdrawn = true;
      const target = state.people.find((p) => p.memberId === inv.to);
      if (target) target.pending = false;
      return dashWithdraw
        ? json(route, { data: { $type: 'com.linkedin.restli.common.ActionResponse' }, included: [] })
        : route.fulfill({ status: 200, contentType: 'text/x-component', body: '0:{"a":"$@1"}\n1:{"success":true}\n' });
    }
    if (
      path.startsWith('/flagship-web/rsc-action/actions/server-request') ||
      path === '/voyager/api/voyagerRelationshipsDashMemberRelationships'
    ) {
      const body = JSON.parse(req.postData() ?? '{}');
      state.received.push({ url: req.url(), body });
      const payload = body?.serverRequest?.requestedArguments?.payload ?? body?.requestedArguments?.payload;
      const numeric = String(payload?.inviteeUrn?.memberId ?? '');
      const target = state.people.find(
        (p) =>
          (numeric && p.numericId === numeric) ||
          (payload?.nonIterableProfileId && p.memberId === payload.nonIterableProfileId) ||
          String(body?.invitee?.inviteeUnion?.memberProfile ?? '').endsWith(p.memberId),
      );
      if (target) {
        target.pending = true;
        state.invitations.push({
          to: target.memberId,
          note: typeof payload?.customMessage === 'string' ? payload.customMessage : (body?.customMessage ?? null),
          at: Date.now(),
          id: newInvitationId(),
        });
      }
      // The SDUI action answers with an RSC stream; its content is irrelevant to the page here.
      return route.fulfill({
        status: 200,
        contentType: 'text/x-component',
        body: '0:{"a":"$@1"}\n1:{"success":true}\n',
      });
    }
    if (path.startsWith('/realtime/connect')) {
      // What is queued, as server-sent events; the connection then ends and the client reconnects
      // (a held-open stream is what LinkedIn serves; a route can only answer whole bodies).
      const events = state.realtimeQueue
        .splice(0)
        .map((e) => `data: ${JSON.stringify(e)}\n\n`)
        .join('');
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: `retry: 300\n\n${events}` });
    }
    if (path.startsWith('/realtime/'))
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: '' });
    if (path.startsWith('/li/track') || path.startsWith('/sensorCollect'))
      return route.fulfill({ status: 204, body: '' });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'look-alike: not served' });
  };
  for (const origin of ['https://www.linkedin.com', ...(opts.extraOrigins ?? [])])
    await context.route(`${origin}/**`, handler);

  return {
    state,
    served,
    person: (id) => {
      const p = byPublic(id) ?? state.people.find((x) => x.publicId.startsWith(id));
      if (!p) throw new Error(`no look-alike person ${id}`);
      return p;
    },
    threadOf: (p) => state.threads.find((t) => t.other === p.memberId),
    threadUrl: (p) => {
      const t = state.threads.find((x) => x.other === p.memberId) ?? newThread(state, p);
      return `https://www.linkedin.com/messaging/thread/${t.id}/`;
    },
    profileUrl: (p) => `https://www.linkedin.com/in/${p.publicId}/`,
    feedUrl: (p) => `https://www.linkedin.com/feed/${p ? `?bubble=${encodeURIComponent(p.publicId)}` : ''}`,
    accept: (p) => {
      p.pending = false;
      p.degree = 1;
      const inv = [...state.invitations].reverse().find((i) => i.to === p.memberId);
      if (inv?.note) {
        const thread = state.threads.find((t) => t.other === p.memberId) ?? newThread(state, p);
        const at = Date.now();
        thread.messages.push({
          id: newMessageId(thread.uuid, at),
          text: inv.note,
          sender: state.viewer.memberId,
          at,
          originToken: null,
          actor: p.memberId,
        });
      }
    },
    company: (slug) => {
      const c = state.companies.find((x) => x.slug === slug);
      if (!c) throw new Error(`no look-alike company ${slug}`);
      return c;
    },
    companyUrl: (c, tab = 'home') => `https://www.linkedin.com/company/${c.slug}/${tab === 'about' ? 'about/' : ''}`,
    contactInfoUrl: (p) => `https://www.linkedin.com/in/${p.publicId}/overlay/contact-info/`,
    addMessage,
  };
}

/** Types `text` into the message box (thread pane, or the chat bubble in the shadow root) and clicks Send. */
export async function sendMessage(page: Page, text: string, opts: { inBubble?: boolean } = {}): Promise<void> {
  // Playwright's CSS locators pierce open shadow roots, as a user's clicks do.
  const scope = opts.inBubble
    ? page.locator('#interop-outlet .msg-overlay-conversation-bubble').last()
    : page.locator('.msg-thread');
  const box = scope.locator('.msg-form__contenteditable');
  await box.click();
  await page.keyboard.type(text);
  await scope.locator('button.msg-form__send-button').click();
}

/**
 * A reply from `from` arrives through realtime. With a `realtimeClient` the page reads it from
 * /realtime/connect over the network; without one the test hands it to the page directly.
 */
export async function deliverInbound(page: Page, li: LinkedInLookalike, from: LiPerson, text: string): Promise<string> {
  const { thread, id } = li.addMessage(from, text, false);
  const msg = thread.messages.find((m) => m.id === id)!;
  const envelope = realtimeMessageEvent(li.state, thread, msg);
  if (li.state.realtimeClient) li.state.realtimeQueue.push(envelope);
  else
    await page.evaluate((env) => (window as unknown as { __liRealtime(e: unknown): void }).__liRealtime(env), envelope);
  return id;
}

/** On a profile page: Connect → Add a note → type the note → Send (dialog in the shadow root). */
export async function sendInvitation(page: Page, note: string): Promise<void> {
  await page.locator('main button[aria-label^="Invite "]').click();
  await page.locator('#interop-outlet [role="dialog"] button[aria-label="Add a note"]').click();
  await page.locator('#interop-outlet textarea#custom-message').fill(note);
  await page.locator('#interop-outlet [role="dialog"] button[aria-label="Send invitation"]').click();
}

/** Opens the chat bubble from a profile page's Message button. */
export async function openMessageBubble(page: Page): Promise<void> {
  await page.locator('main [aria-label^="Message "]').first().click();
  await page.locator('#interop-outlet .msg-overlay-conversation-bubble').last().waitFor();
}

/** Messaging page or bubble: the user deletes (recalls) a message they sent: options → Delete → confirm. */
/** The item showing `text`, pinned by its data-event-urn (its text is about to change). */
async function ownItem(page: Page, text: string) {
  const urn = await page
    .locator('.msg-s-event-listitem[data-event-urn]', { hasText: text })
    .last()
    .getAttribute('data-event-urn');
  return page.locator(`.msg-s-event-listitem[data-event-urn="${urn}"]`);
}

export async function recallOwnMessage(page: Page, text: string): Promise<void> {
  const item = await ownItem(page, text);
  await item.locator('button.msg-s-event-listitem__options-trigger').click();
  await item.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete message?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(item.locator('.msg-s-event-listitem__body')).toHaveText('This message has been deleted.');
}

/** The user edits a message they sent: options → Edit → new text → Save. */
export async function editOwnMessage(page: Page, text: string, newText: string): Promise<void> {
  const item = await ownItem(page, text);
  await item.locator('button.msg-s-event-listitem__options-trigger').click();
  await item.getByRole('menuitem', { name: 'Edit' }).click();
  await item.getByRole('textbox', { name: 'Edit message' }).fill(newText);
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.locator('.msg-s-event-listitem__edited')).toBeVisible();
}

/** The other person recalls a message of theirs: LinkedIn pushes the RECALLED item over realtime. */
export async function recallInbound(page: Page, li: LinkedInLookalike, id: string): Promise<void> {
  const thread = li.state.threads.find((t) => t.messages.some((m) => m.id === id))!;
  const msg = thread.messages.find((m) => m.id === id)!;
  msg.recalled = true;
  const envelope = realtimeMessageEvent(li.state, thread, msg);
  if (li.state.realtimeClient) li.state.realtimeQueue.push(envelope);
  else
    await page.evaluate((env) => (window as unknown as { __liRealtime(e: unknown): void }).__liRealtime(env), envelope);
}

/** Invitation manager (sent) or a profile showing Pending: Withdraw → confirm. */
export async function withdrawInvitation(page: Page, name?: string): Promise<void> {
  const button = name
    ? page.locator(`button[aria-label="Withdraw invitation sent to ${name}"]`)
    : page.locator('main button[aria-label^="Pending"]');
  await button.click();
  await page.getByRole('dialog', { name: 'Withdraw invitation' }).getByRole('button', { name: 'Withdraw' }).click();
  if (name) await expect(page.locator(`button[aria-label="Withdraw invitation sent to ${name}"]`)).toHaveCount(0);
  else await expect(page.locator('main button[aria-label^="Invite "]')).toBeVisible();
}
