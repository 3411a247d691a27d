// @vitest-environment happy-dom
// DOM readers and the watcher on hand-written current-DOM fixtures (test/fixtures/linkedin/dom,
// rendered from the look-alike: Ember msg-* messaging, chat bubble in #interop-outlet's shadow
// root, server-driven and classic profiles, invitation dialog).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  parseListTime,
  readConversationHeader,
  readConversationListItem,
  readMessageList,
  readProfile,
  readViewerName,
  splitHeadline,
  findComposeBoxes,
} from '@/lib/capture/linkedin/dom-read';
import { normaliseThreadId } from '@/lib/capture/linkedin/ids';
import * as SEL from '@/lib/capture/linkedin/selectors';
import { createLinkedInCapture, memoryArea } from '@/lib/capture/linkedin/controller';
import { pageReaders } from '@/lib/capture/linkedin/page-readers';
import { loadedReaders } from '@/lib/capture/linkedin/readers-source';
import { insertions } from '@/lib/capture/linkedin/insert';
import { CaptureEvent, type CaptureEventInput } from '@/lib/schema/events';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin/dom');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

function load(name: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(read(`${name}.html`));
  let shadow = '';
  try {
    shadow = read(`${name}.shadow.html`);
  } catch {
    /* no shadow content */
  }
  if (shadow) {
    const outlet = doc.getElementById('interop-outlet')!;
    const root = outlet.shadowRoot ?? outlet.attachShadow({ mode: 'open' });
    root.innerHTML = shadow;
  }
  return doc;
}

const threadUrlOf = (doc: Document) => {
  const urn = doc.querySelector('[data-event-urn]')!.getAttribute('data-event-urn')!;
  return urn;
};

describe('messaging page', () => {
  const html = read('messaging-thread.html');
  const firstUrn = /data-event-urn="([^"]+)"/.exec(html)![1]!;
  const threadId = normaliseThreadId(`urn:li:fs_event:(x,${firstUrn.split(',').pop()})`);
  it('reads every confirmed item with direction, text, time and thread', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const msgs = readMessageList(doc);
    expect(msgs.map((m) => [m.direction, m.text])).toEqual([
      ['outbound', 'Hi Chris, saw your post on procurement tooling.'],
      ['inbound', 'Thanks Sam! Happy to chat next week.'],
      ['inbound', 'Tuesday works?'],
    ]);
    expect(msgs[0]!.sentAt).toBe(Date.UTC(2026, 10, 20, 9, 15));
    expect(msgs[2]!.sentAt).toBe(Date.UTC(2026, 10, 20, 10, 3));
    expect(new Set(msgs.map((m) => m.threadId)).size).toBe(1);
    expect(msgs[0]!.viewerMemberId).toMatch(/^ACoAA/);
    expect(msgs[1]!.sender.memberId).toMatch(/^ACoAA/);
    expect(msgs[1]!.sender.memberId).not.toBe(msgs[0]!.viewerMemberId);
    expect(msgs[1]!.sender.name).toBe('Chris Buyer');
    expect(threadId).toBeTruthy();
    void threadUrlOf;
  });
  it('reads the conversation header and the viewer', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const h = readConversationHeader(doc.querySelector(SEL.conversationRoot));
    expect(h.name).toBe('Chris Buyer');
    expect(h.memberId).toMatch(/^ACoAA/);
    expect(h.profileUrl).toBeNull();
    // Chris's header shows a presence line ("Active 2h ago") where others show the headline: no headline.
    expect(doc.querySelector('.msg-entity-lockup__presence-status')?.textContent).toBe('Active 2h ago');
    expect(h.headline).toBeNull();
    expect(readViewerName(doc)).toBe('Sam Seller');
  });
  it('reads the conversation list (no hrefs): own vs inbound last message', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const items = [...doc.querySelectorAll(SEL.convItem)].map((li) => readConversationListItem(li)!);
    const chris = items.find((i) => i.names === 'Chris Buyer')!;
    expect(chris).toMatchObject({ own: false, snippet: 'Tuesday works?', senderName: 'Chris Buyer', threadId: null });
    expect(chris.timeText).toMatch(/\d{1,2}:\d{2} [AP]M/);
    const jane = items.find((i) => i.names === 'Jane Doe')!;
    expect(jane).toMatchObject({ own: true, snippet: 'Likewise Jane. Are you still running sales at Acme?' });
  });
  it('finds the message box', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    expect(findComposeBoxes(doc)).toHaveLength(1);
  });
});

describe('chat bubble inside #interop-outlet shadow root', () => {
  it('reads items, header and box inside the shadow root', () => {
    const doc = load('feed-bubble', 'https://www.linkedin.com/feed/');
    expect(readMessageList(doc)).toHaveLength(0); // nothing in the light DOM
    const root = doc.getElementById('interop-outlet')!.shadowRoot!;
    const msgs = readMessageList(root);
    expect(msgs.map((m) => m.direction)).toEqual(['outbound', 'inbound', 'inbound']);
    const h = readConversationHeader(root.querySelector(SEL.conversationRoot));
    expect(h.name).toBe('Chris Buyer');
    expect(h.memberId).toBe(msgs[1]!.sender.memberId);
    expect(findComposeBoxes(doc)).toHaveLength(1);
  });
});

describe('profile pages', () => {
  it('server-driven layout: anchors on headings, componentkey and the contact-info link', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const p = readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!;
    expect(p).toMatchObject({
      layout: 'sdui',
      profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
      name: 'Ana García',
      headline: 'Directora de Marketing en Umbrella',
      title: 'Directora de Marketing',
      company: 'Umbrella',
      location: 'Madrid, Comunidad de Madrid, España',
      connectionDegree: 2,
      pending: false,
    });
    expect(p.memberId).toMatch(/^ACoAA/);
  });
  it('classic layout', () => {
    const doc = load('profile-classic', 'https://www.linkedin.com/in/jane-doe-594b81205/');
    const p = readProfile(doc, 'https://www.linkedin.com/in/jane-doe-594b81205/?trk=x')!;
    expect(p).toMatchObject({
      layout: 'classic',
      name: 'Jane Doe',
      headline: 'VP Sales at Acme Corp',
      title: 'VP Sales',
      company: 'Acme Corp',
      location: 'Berlin, Germany',
      connectionDegree: 1,
      pending: false,
    });
    expect(p.memberId).toMatch(/^ACoAA/);
  });
  it("classic page without a member-id link: the id comes from the page's embedded data for this profile", () => {
    const doc = load('profile-classic', 'https://www.linkedin.com/in/jane-doe-594b81205/');
    for (const a of doc.querySelectorAll('a[href*="profileUrn"]')) a.remove();
    for (const c of doc.querySelectorAll('code')) c.remove();
    const code = doc.createElement('code');
    code.setAttribute('style', 'display: none');
    code.textContent = JSON.stringify({
      included: [
        { entityUrn: 'urn:li:fsd_profile:ACoAAOtherPersonXXXXXXXXXXXXXXXXXXXXXXXXX', publicIdentifier: 'someone-else' },
        {
          entityUrn: 'urn:li:fsd_profile:ACoAAJaneDoeMemberIdXXXXXXXXXXXXXXXXXXXX',
          firstName: 'Jane',
          publicIdentifier: 'jane-doe-594b81205',
        },
      ],
    });
    doc.body.appendChild(code);
    expect(readProfile(doc, 'https://www.linkedin.com/in/jane-doe-594b81205/')!.memberId).toBe(
      'ACoAAJaneDoeMemberIdXXXXXXXXXXXXXXXXXXXX',
    );
  });
  it('location without a Contact info anchor', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    doc.querySelector('main a[href*="contact-info"]')!.remove();
    expect(readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!.location).toBe(
      'Madrid, Comunidad de Madrid, España',
    );
  });
  it('a heading that also holds the degree or pronouns still gives the bare name', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    doc.querySelector('main h2')!.textContent = 'Ana García (She/Her) · 2nd';
    expect(readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!.name).toBe('Ana García');
  });
  it('Pending after an invitation', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const b = doc.querySelector('main button[aria-label^="Invite "]')!;
    b.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Ana García');
    b.querySelector('span')!.textContent = 'Pending';
    expect(readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!.pending).toBe(true);
  });
  it('not a profile', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    expect(readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/details/experience/')).toBeNull();
    expect(readProfile(doc, 'https://www.linkedin.com/feed/')).toBeNull();
  });
  it('invitation dialog note is found in the shadow root', () => {
    const doc = load('profile-sdui-invite-dialog', 'https://www.linkedin.com/in/ana-garcia-1/');
    const boxes = findComposeBoxes(doc);
    expect(boxes.map((b) => b.tagName)).toEqual(['TEXTAREA']);
  });
});

describe('small parsers', () => {
  it('splitHeadline', () => {
    expect(splitHeadline('VP Sales at Acme Corp')).toEqual({ title: 'VP Sales', company: 'Acme Corp' });
    expect(splitHeadline('Head of Operations | Globex')).toEqual({ title: 'Head of Operations', company: null });
    expect(splitHeadline('CTO @ Foo, ex-Bar')).toEqual({ title: 'CTO', company: 'Foo' });
    expect(splitHeadline('Leiterin Vertrieb bei Siemens')).toEqual({ title: 'Leiterin Vertrieb', company: 'Siemens' });
    expect(splitHeadline('Directrice commerciale chez Orange')).toEqual({
      title: 'Directrice commerciale',
      company: 'Orange',
    });
  });
  it('parseListTime', () => {
    const now = new Date(2026, 10, 27, 15, 0).getTime(); // Fri 27 Nov 2026 15:00 local
    expect(parseListTime('2:44 PM', now)).toBe(new Date(2026, 10, 27, 14, 44).getTime());
    expect(parseListTime('09:05', now)).toBe(new Date(2026, 10, 27, 9, 5).getTime());
    expect(parseListTime('Mon', now)).toBe(new Date(2026, 10, 23, 12).getTime());
    expect(parseListTime('Nov 25', now)).toBe(new Date(2026, 10, 25, 12).getTime());
    expect(parseListTime('Dec 30', now)).toBe(new Date(2025, 11, 30, 12).getTime());
    expect(parseListTime('gestern', now)).toBeNull();
  });
});

describe('capture controller', () => {
  const events = (out: CaptureEventInput[][]) => out.flat().map((e) => CaptureEvent.parse(e));
  it('emits valid message + identity events once, with the 1:1 alias', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.scanAll(); // re-render / rescan: nothing new
    w.flush();
    w.stop();
    const evs = events(out);
    const msgs = evs.filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs).toHaveLength(3);
    expect(msgs.map((m) => m.direction)).toEqual(['outbound', 'inbound', 'inbound']);
    const other = readConversationHeader(doc.querySelector(SEL.conversationRoot)).memberId!;
    for (const m of msgs) {
      expect(m.layer).toBe('dom');
      expect(m.threadAliases).toEqual([`with:${other}`]);
      expect(m.externalId).toMatch(/^2-/);
    }
    expect(msgs[0]!.to).toEqual([{ name: 'Chris Buyer', memberId: other }]);
    expect(msgs[1]!.from).toEqual({ name: 'Chris Buyer', memberId: other });
    const ids = evs.filter((e) => e.type === 'identity');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ person: { memberId: msgs[0]!.from.memberId, name: 'Sam Seller' } });
  });
  it('a sent message rendered without id is logged when its data-event-urn arrives, with the inserted template', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.flush();
    out.length = 0;
    // The user inserted template t1 v2 and pressed Send.
    const box = doc.querySelector<HTMLElement>(SEL.composeBox)!;
    box.innerHTML = '<p>Hi Chris, following up on my note.</p>';
    insertions.set(box, {
      templateId: 't1',
      templateVersion: 2,
      body: 'Hi Chris, following up on my note.',
      at: Date.now(),
    });
    doc.querySelector<HTMLElement>('button.msg-form__send-button')!.click();
    // LinkedIn renders it at once without an id…
    const list = doc.querySelector('.msg-thread .msg-s-message-list-content')!;
    const li = doc.createElement('li');
    li.className = 'msg-s-message-list__event clearfix';
    li.innerHTML =
      '<div class="msg-s-event-listitem"><div class="msg-s-event-listitem__message-bubble"><p class="msg-s-event-listitem__body">Hi Chris, following up on my note.</p></div></div>';
    list.appendChild(li);
    await new Promise((r) => setTimeout(r, 20));
    w.flush();
    expect(events(out).filter((e) => e.type === 'message')).toHaveLength(0);
    // …and sets data-event-urn when the server answers.
    const first = doc.querySelector('[data-event-urn]')!.getAttribute('data-event-urn')!;
    const viewer = /fsd_profile:([^,]+)/.exec(first)![1]!;
    const thread = /2-[^)]+\)$/.exec(first)![0]!.slice(2, -1);
    const uuid = atob(thread).split('&')[1]!;
    const at = Date.now();
    const msgId = '2-' + btoa(`${at}b12345-001&${uuid}`);
    li.firstElementChild!.setAttribute('data-event-urn', `urn:li:msg_message:(urn:li:fsd_profile:${viewer},${msgId})`);
    await new Promise((r) => setTimeout(r, 20));
    w.flush();
    w.stop();
    const msgs = events(out).filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      direction: 'outbound',
      externalId: msgId,
      sentAt: at,
      text: 'Hi Chris, following up on my note.',
      template: { id: 't1', version: 2 },
    });
  });
  it('a profile visit emits traits; Pending then 1st emits connection-accepted', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const out: CaptureEventInput[][] = [];
    const store = new Map<string, unknown>();
    const mk = () =>
      createLinkedInCapture({
        readers: loadedReaders(pageReaders),
        doc,
        push: (e) => out.push(e),
        profileDelayMs: 1,
        healthEveryMs: 1e9,
        area: memoryArea(store),
      });
    let w = mk();
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.flush();
    const p = events(out).find((e) => e.type === 'prospect') as Extract<CaptureEvent, { type: 'prospect' }>;
    expect(p).toMatchObject({
      person: { name: 'Ana García', profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/' },
      title: 'Directora de Marketing',
      company: 'Umbrella',
      connectionDegree: 2,
    });
    // Invitation sent: the button reads Pending.
    const b = doc.querySelector('main button[aria-label^="Invite "]')!;
    b.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Ana García');
    b.querySelector('span')!.textContent = 'Pending';
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    expect([...store.keys()]).toContain('linkedin:pending:https://www.linkedin.com/in/ana-garcia-1/');
    // Later visit: accepted, "· 1st".
    const deg = doc.querySelector('main p span[aria-hidden="true"]')!;
    deg.textContent = '· 1st';
    deg.nextElementSibling!.textContent = '1st degree connection';
    b.remove();
    out.length = 0;
    w = mk();
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    const evs = events(out);
    expect(evs.find((e) => e.type === 'connection-accepted')).toMatchObject({
      person: { profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/' },
    });
    expect(evs.find((e) => e.type === 'prospect')).toMatchObject({ connectionDegree: 1 });
  });
  it('Pending turning back into Connect while the page is open is a withdrawal (whatever call the page made); a reload showing Connect is not', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const out: CaptureEventInput[][] = [];
    const mk = () =>
      createLinkedInCapture({
        readers: loadedReaders(pageReaders),
        doc,
        push: (e) => out.push(e),
        profileDelayMs: 1,
        healthEveryMs: 1e9,
      });
    const b = doc.querySelector('main button[aria-label^="Invite "]')!;
    b.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Ana García');
    b.querySelector('span')!.textContent = 'Pending';
    const w = mk();
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    // The user withdraws: the button reads Connect again.
    b.setAttribute('aria-label', 'Invite Ana García to connect');
    b.querySelector('span')!.textContent = 'Connect';
    await new Promise((r) => setTimeout(r, 30));
    w.flush();
    w.stop();
    const withdrawn = events(out).filter((e) => e.type === 'invitation-withdrawn');
    expect(withdrawn).toEqual([
      expect.objectContaining({
        layer: 'dom',
        person: expect.objectContaining({
          profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
          name: 'Ana García',
        }),
      }),
    ]);
    // A new page view that only ever shows Connect says nothing about a withdrawal.
    out.length = 0;
    const w2 = mk();
    w2.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w2.flush();
    w2.stop();
    expect(events(out).filter((e) => e.type === 'invitation-withdrawn')).toHaveLength(0);
  });
  it("the viewer's own profile is an identity, not a prospect", async () => {
    const doc = load('profile-classic', 'https://www.linkedin.com/in/jane-doe-594b81205/');
    const edit = doc.createElement('a');
    edit.setAttribute('href', '/in/jane-doe-594b81205/edit/intro/');
    edit.setAttribute('aria-label', 'Edit intro');
    doc.querySelector('main section')!.appendChild(edit);
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      profileDelayMs: 1,
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    const evs = events(out);
    expect(evs.filter((e) => e.type === 'prospect')).toHaveLength(0);
    expect(evs.find((e) => e.type === 'identity')).toMatchObject({
      person: { name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe-594b81205/' },
    });
  });
  it('acceptance also follows an invitation the network layer confirmed (by member id)', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const deg = doc.querySelector('main p span[aria-hidden="true"]')!;
    deg.textContent = '· 1st';
    deg.nextElementSibling!.textContent = '1st degree connection';
    const memberId = readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!.memberId!;
    const store = new Map<string, unknown>([[`linkedin:pending-m:${memberId}`, Date.now() - 86400_000]]);
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      profileDelayMs: 1,
      healthEveryMs: 1e9,
      area: memoryArea(store),
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    expect(events(out).find((e) => e.type === 'connection-accepted')).toMatchObject({ person: { memberId } });
    expect(store.has(`linkedin:pending-m:${memberId}`)).toBe(false);
  });
  it('the conversation header gives no trait from a presence line; health is reported', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 10,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 40));
    w.stop();
    const evs = events(out);
    // Chris's header shows "Active 2h ago": a presence line is no headline, so no trait event.
    expect(evs.filter((e) => e.type === 'prospect')).toEqual([]);
    const health = evs.filter((e) => e.type === 'health') as Extract<CaptureEvent, { type: 'health' }>[];
    expect(health.reduce((n, h) => n + h.recognised, 0)).toBe(3);
    expect(health.reduce((n, h) => n + h.failed, 0)).toBe(0);
  });
  it('a bubble drawn into a shadow root attached later is still read', async () => {
    const doc = load('feed-bubble', 'https://www.linkedin.com/feed/');
    const shadowHtml = doc.getElementById('interop-outlet')!.shadowRoot!.innerHTML;
    // Start with a fresh outlet without a shadow root; the app attaches and fills it later.
    const fresh = doc.createElement('div');
    fresh.id = 'interop-outlet';
    doc.getElementById('interop-outlet')!.replaceWith(fresh);
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 20));
    fresh.attachShadow({ mode: 'open' }).innerHTML = shadowHtml;
    await new Promise((r) => setTimeout(r, 2300));
    w.stop();
    expect(events(out).filter((e) => e.type === 'message')).toHaveLength(3);
  });
  it("a header with a vanity profile link: member id from the other person's items", () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const chrisId = readConversationHeader(doc.querySelector(SEL.conversationRoot)).memberId!;
    doc
      .querySelector('a.msg-thread__link-to-profile')!
      .setAttribute('href', 'https://www.linkedin.com/in/chris-buyer-22/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.stop();
    const msgs = events(out).filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs[0]!.to).toEqual([
      { name: 'Chris Buyer', profileUrl: 'https://www.linkedin.com/in/chris-buyer-22/', memberId: chrisId },
    ]);
    expect(msgs[0]!.threadAliases).toEqual([`with:${chrisId}`]);
  });
  it('an element reused for another message, and a body that fills in late, are read again', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.flush();
    out.length = 0;
    const items = doc.querySelectorAll('[data-event-urn]');
    const urn = items[1]!.getAttribute('data-event-urn')!;
    const id = urn.slice(urn.lastIndexOf(',') + 1, -1);
    const tail = atob(id.slice(2)).split('&')[1]!;
    const newUrn = (ms: number) => urn.replace(id, '2-' + btoa(`${ms}b11111-001&${tail}`));
    // Reuse: same element, new id and text.
    items[1]!.querySelector('.msg-s-event-listitem__body')!.textContent = 'A different message';
    items[1]!.setAttribute('data-event-urn', newUrn(1_790_000_000_000));
    // Late body: a new item with an id but an empty body, filled a moment later.
    const li = doc.createElement('li');
    li.innerHTML = `<div class="msg-s-event-listitem msg-s-event-listitem--other" data-event-urn="${newUrn(1_790_000_100_000)}"><div class="msg-s-event-listitem__message-bubble"><p class="msg-s-event-listitem__body"></p></div></div>`;
    doc.querySelector('.msg-thread .msg-s-message-list-content')!.appendChild(li);
    await new Promise((r) => setTimeout(r, 20));
    li.querySelector('p')!.textContent = 'Late text';
    await new Promise((r) => setTimeout(r, 20));
    w.stop();
    const msgs = events(out).filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs.map((m) => [m.text, m.sentAt])).toEqual([
      ['A different message', 1_790_000_000_000],
      ['Late text', 1_790_000_100_000],
    ]);
  });
  it('a message recalled while on screen (its text replaced by the placeholder) is retracted once; one shown recalled on load is never logged', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.flush();
    const items = doc.querySelectorAll('[data-event-urn]');
    const urnOf = (el: Element) => el.getAttribute('data-event-urn')!;
    const idOf = (el: Element) => urnOf(el).slice(urnOf(el).lastIndexOf(',') + 1, -1);
    // The prospect deletes their reply: LinkedIn keeps the item and swaps the text for the placeholder.
    items[1]!.querySelector('.msg-s-event-listitem__body')!.textContent = 'This message has been deleted.';
    await new Promise((r) => setTimeout(r, 20));
    items[1]!.querySelector('.msg-s-event-listitem__body')!.textContent = 'This message has been deleted.'; // a re-render: still once
    await new Promise((r) => setTimeout(r, 20));
    w.flush();
    w.stop();
    const retracts = events(out).filter((e) => e.type === 'retract');
    expect(retracts).toEqual([expect.objectContaining({ externalId: idOf(items[1]!), layer: 'dom' })]);
    // A later page load where the item already shows the placeholder (German UI): a retract, no message.
    const doc2 = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    doc2.querySelectorAll('.msg-s-event-listitem__body')[2]!.textContent = 'Diese Nachricht wurde gelöscht.';
    const out2: CaptureEventInput[][] = [];
    const w2 = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc: doc2,
      push: (e) => out2.push(e),
      healthEveryMs: 1e9,
    });
    w2.scanAll();
    w2.flush();
    w2.stop();
    const evs2 = events(out2);
    expect(evs2.filter((e) => e.type === 'message')).toHaveLength(2);
    expect(evs2.filter((e) => e.type === 'retract')).toEqual([
      expect.objectContaining({ externalId: idOf(doc2.querySelectorAll('[data-event-urn]')[2]!) }),
    ]);
  });
  it('a new reply seen only in the conversation list is an inbound message in the known thread', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 20));
    w.flush();
    const threadId = (events(out).find((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>)
      .threadExternalId;
    const chrisId = readConversationHeader(doc.querySelector(SEL.conversationRoot)).memberId;
    out.length = 0;
    const chris = [...doc.querySelectorAll(SEL.convItem)].find((li) => li.textContent!.includes('Chris Buyer'))!;
    chris.querySelector('.msg-conversation-card__message-snippet')!.textContent =
      'Chris: Sounds good, send me an invite.';
    chris.querySelector('time')!.textContent = 'now';
    await new Promise((r) => setTimeout(r, 30));
    // Own last messages ("You: …") and date-only labels are not replies.
    const jane = [...doc.querySelectorAll(SEL.convItem)].find((li) => li.textContent!.includes('Jane Doe'))!;
    jane.querySelector('.msg-conversation-card__message-snippet')!.textContent = 'You: Following up';
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    const msgs = events(out).filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      direction: 'inbound',
      text: 'Sounds good, send me an invite.',
      threadExternalId: threadId,
      from: { name: 'Chris Buyer', memberId: chrisId },
    });
    expect(Math.abs(msgs[0]!.sentAt - Date.now())).toBeLessThan(5000);
  });
  it('an id in an unknown scheme is still logged (pane thread, time first seen) and reported as a failure', async () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const items = doc.querySelectorAll('[data-event-urn]');
    const viewer = /fsd_profile:([^,]+)/.exec(items[0]!.getAttribute('data-event-urn')!)![1]!;
    items[2]!.setAttribute('data-event-urn', `urn:li:msg_message:(urn:li:fsd_profile:${viewer},2-newSchemeId42)`);
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 10,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 40));
    w.stop();
    const evs = events(out);
    const msgs = evs.filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs).toHaveLength(3);
    expect(msgs[2]).toMatchObject({
      externalId: '2-newSchemeId42',
      threadExternalId: msgs[0]!.threadExternalId,
      direction: 'inbound',
      text: 'Tuesday works?',
    });
    expect(Math.abs(msgs[2]!.sentAt - Date.now())).toBeLessThan(5000);
    const health = evs.filter((e) => e.type === 'health') as Extract<CaptureEvent, { type: 'health' }>[];
    expect(health.reduce((n, h) => n + h.failed, 0)).toBe(1);
    expect(health.find((h) => h.lastError)?.lastError).toBe('undecodable data-event-urn');
  });
  it('an InMail item (subject line) is kind inmail', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    const first = doc.querySelector('[data-event-urn] .msg-s-event-listitem__message-bubble')!;
    const subj = doc.createElement('h3');
    subj.className = 'msg-s-event-listitem__subject t-14 t-bold';
    subj.textContent = 'Role at Initech';
    first.prepend(subj);
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.stop();
    const msgs = events(out).filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
    expect(msgs[0]).toMatchObject({
      kind: 'inmail',
      subject: 'Role at Initech',
      text: 'Hi Chris, saw your post on procurement tooling.',
    });
    expect(msgs[1]).toMatchObject({ kind: 'linkedin-message', subject: null });
  });
  it('an inbound marker on the group instead of the item still reads as inbound', () => {
    const doc = load('messaging-thread', 'https://www.linkedin.com/messaging/thread/2-x/');
    for (const el of doc.querySelectorAll('.msg-s-event-listitem--other')) {
      el.classList.remove('msg-s-event-listitem--other');
      el.closest('li')!.classList.add('msg-s-message-list__event--other');
      el.querySelector('a')?.remove(); // and no sender link to compare
    }
    expect(readMessageList(doc).map((m) => m.direction)).toEqual(['outbound', 'inbound', 'inbound']);
  });
});

describe('conversation list times', () => {
  it('relative labels', () => {
    const now = 1_800_000_000_000;
    expect(parseListTime('now', now)).toBe(now);
    expect(parseListTime('5m', now)).toBe(now - 5 * 60_000);
    expect(parseListTime('2h ago', now)).toBe(now - 2 * 3_600_000);
  });
});

describe('invitation dialog (shadow root)', () => {
  async function run(confirmed: boolean) {
    const doc = load('profile-sdui-invite-dialog', 'https://www.linkedin.com/in/ana-garcia-1/');
    const root = doc.getElementById('interop-outlet')!.shadowRoot!;
    const note = root.querySelector<HTMLTextAreaElement>('textarea#custom-message')!;
    note.value = 'Hola Ana, ¿conectamos?';
    insertions.set(note, { templateId: 'tpl-1', templateVersion: 2, body: note.value, at: Date.now() });
    const store = new Map<string, unknown>();
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      profileDelayMs: 1,
      healthEveryMs: 1e9,
      inviteFallbackMs: 30,
      area: memoryArea(store),
    });
    w.scanAll();
    root.querySelector<HTMLElement>('button[aria-label="Send invitation"]')!.click();
    const noted = [...store.entries()].find(([k]) => k.startsWith('linkedin:invite-note:'));
    expect(noted?.[1]).toMatchObject({
      templateId: 'tpl-1',
      templateVersion: 2,
      profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
      name: 'Ana García',
    });
    if (confirmed) store.set(noted![0].replace('invite-note', 'invite-confirmed'), Date.now());
    const b = doc.querySelector('main button[aria-label^="Invite "]')!;
    b.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Ana García');
    b.querySelector('span')!.textContent = 'Pending';
    // Held in extension storage while it waits for the network layer (the background takes it
    // if the tab closes), released when the wait ends.
    await new Promise((r) => setTimeout(r, 10));
    const held = [...store.entries()].filter(([k, v]) => k.startsWith('linkedin:invite-fallback:') && v);
    expect(held).toHaveLength(1);
    expect(held[0][1]).toMatchObject({
      event: { kind: 'linkedin-invite', layer: 'dom', text: 'Hola Ana, ¿conectamos?' },
      dueAt: expect.any(Number),
    });
    await new Promise((r) => setTimeout(r, 120));
    expect([...store.entries()].filter(([k, v]) => /invite-(fallback|note|confirmed):/.test(k) && v)).toEqual([]);
    w.stop();
    return out
      .flat()
      .map((e) => CaptureEvent.parse(e))
      .filter((e) => e.type === 'message') as Extract<CaptureEvent, { type: 'message' }>[];
  }
  it('notes the template for the network layer and stays quiet once it confirmed', async () => {
    expect(await run(true)).toEqual([]);
  });
  it('with the site paused in Settings, nothing is noted or held', async () => {
    const doc = load('profile-sdui-invite-dialog', 'https://www.linkedin.com/in/ana-garcia-1/');
    const root = doc.getElementById('interop-outlet')!.shadowRoot!;
    root.querySelector<HTMLTextAreaElement>('textarea#custom-message')!.value = 'Hola Ana, ¿conectamos?';
    const store = new Map<string, unknown>();
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: () => undefined,
      tracking: () => false,
      profileDelayMs: 1,
      healthEveryMs: 1e9,
      inviteFallbackMs: 30,
      area: memoryArea(store),
    });
    w.scanAll();
    root.querySelector<HTMLElement>('button[aria-label="Send invitation"]')!.click();
    await new Promise((r) => setTimeout(r, 20));
    w.stop();
    expect([...store.keys()].filter((k) => k.includes('invite'))).toEqual([]);
  });
  it('logs the invitation itself when the network layer did not confirm it', async () => {
    const msgs = await run(false);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      kind: 'linkedin-invite',
      layer: 'dom',
      text: 'Hola Ana, ¿conectamos?',
      template: { id: 'tpl-1', version: 2 },
      threadExternalId: 'invite:li:ana-garcia-1',
    });
  });
});
