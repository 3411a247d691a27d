// @vitest-environment happy-dom
// The controller joining both layers: one send per message, Undo in both wire behaviours,
// replies from the thread view, template insertion carried to the send.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureEvent } from '@/lib/schema/events';
import type { CaptureEventInput } from '@/lib/schema/events';
import { createGmailCapture } from '@/lib/capture/gmail/controller';
import { TAP_SOURCE, validateTapMessage } from '@/lib/capture/gmail/tap-protocol';

const FIX = path.resolve(__dirname, '../../../fixtures/gmail');
const sync = (f: string) => readFileSync(path.join(FIX, 'inboxsdk-sync-2022-09-09', f), 'utf8');
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
/** Waits (up to 3 s) for the controller's timers on a loaded machine, instead of a fixed sleep. */
const until = (fn: () => void) => vi.waitFor(fn, { timeout: 3000, interval: 10 });

let events: CaptureEventInput[];
let clock: number;
let current: { stop(): void } | null = null;
function setup(html?: string, over: Partial<Parameters<typeof createGmailCapture>[0]> = {}) {
  current?.stop(); // one controller per test: listeners of the previous one must not see this DOM
  document.body.replaceChildren();
  document.title = 'Inbox - me@sidelog.test - Gmail';
  if (html) {
    const holder = document.createElement('div');
    // Test-only: happy-dom parses the fixture; the extension itself never assigns HTML.
    holder.innerHTML = readFileSync(path.join(FIX, html), 'utf8');
    document.body.append(holder);
  }
  events = [];
  clock = 1_700_000_000_000;
  let n = 0;
  const cap = createGmailCapture({
    doc: document,
    now: () => clock,
    newId: () => `e${++n}`,
    emit: (e) => events.push(...e),
    domGraceMs: 0,
    scanDelayMs: 0,
    ...over,
  });
  cap.start();
  current = cap;
  return cap;
}
const tap = (kind: 's' | 'fd' | 'bv', req: string | null, resp: string | null, startedAt = clock) =>
  validateTapMessage({ source: TAP_SOURCE, v: 1, kind, requestBody: req, responseBody: resp, status: 200, startedAt })!;
const messages = () => events.filter((e) => e.type === 'message');

function addToast() {
  const b8 = document.createElement('div');
  b8.className = 'b8';
  const vh = document.createElement('div');
  vh.className = 'vh';
  const text = document.createElement('span');
  text.textContent = 'Message sent';
  const undo = document.createElement('span');
  undo.id = 'link_undo';
  undo.textContent = 'Undo';
  const view = document.createElement('span');
  view.id = 'link_vsm';
  view.textContent = 'View message';
  vh.append(text, undo, view);
  b8.append(vh);
  document.body.append(b8);
  return undo;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('network layer', () => {
  it('a send becomes one outbound event and teaches the own address', async () => {
    const cap = setup();
    cap.onTap(tap('s', sync('cvOnSend_request.json'), sync('cvOnSend_response.json')));
    const out = messages();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ direction: 'outbound', externalId: 'msg-a:r8190137112111191537', layer: 'network' });
    expect(events.flatMap((e) => (e.type === 'identity' ? [e.person.email] : []))).toEqual([
      'me@sidelog.test',
      'test@gmail.com',
    ]);
    for (const e of events) expect(() => CaptureEvent.parse(e)).not.toThrow();
  });

  it('Undo behaviour A: the sent message saved again as a draft is retracted', () => {
    const cap = setup();
    cap.onTap(tap('s', sync('cvOnSend_request.json'), sync('cvOnSend_response.json')));
    clock += 3000;
    // cvOnDraftUpdate saves msg-a:r8190137112111191537 (the id just sent) as a draft (^r).
    cap.onTap(tap('s', sync('cvOnDraftUpdate_request.json'), sync('cvOnDraftUpdate_response.json')));
    expect(events.filter((e) => e.type === 'retract')).toEqual([
      expect.objectContaining({ externalId: 'msg-a:r8190137112111191537' }),
    ]);
  });

  it('a send again after an Undo is logged, even when the Undo is read after the new send began', () => {
    const cap = setup();
    cap.onTap(tap('s', sync('cvOnSend_request.json'), sync('cvOnSend_response.json')));
    const undoAt = (clock += 3000);
    // The page sends again right after the draft save completed; the content script reads the
    // draft save's tap message only later (a busy page): the Undo still came first.
    clock += 2000;
    const resendAt = undoAt + 500;
    cap.onTap(tap('s', sync('cvOnDraftUpdate_request.json'), sync('cvOnDraftUpdate_response.json'), undoAt));
    cap.onTap(tap('s', sync('cvOnSend_request.json'), sync('cvOnSend_response.json'), resendAt));
    expect(events.filter((e) => e.type === 'retract' || e.type === 'message').map((e) => e.type)).toEqual([
      'message',
      'retract',
      'message',
    ]);
  });

  it('draft saves alone yield nothing', () => {
    const cap = setup();
    cap.onTap(tap('s', sync('cvOnDraftSave_request.json'), sync('cvOnDraftSave_response.json')));
    cap.onTap(tap('s', sync('cvOnDraftUpdate_request.json'), sync('cvOnDraftUpdate_response.json')));
    expect(messages()).toHaveLength(0);
    expect(events.filter((e) => e.type === 'retract')).toHaveLength(0);
  });

  it('health counts recognised sends and unreadable payloads per layer', () => {
    const cap = setup();
    cap.onTap(tap('s', sync('cvOnSend_request.json'), sync('cvOnSend_response.json')));
    cap.onTap(tap('fd', null, JSON.stringify({ nothing: true })));
    cap.flushHealth();
    const h = events.filter((e) => e.type === 'health');
    expect(h).toEqual([
      expect.objectContaining({ layer: 'network', recognised: 1, failed: 1, lastError: 'fd response shape unknown' }),
    ]);
    cap.flushHealth();
    expect(events.filter((e) => e.type === 'health')).toHaveLength(1); // counters reset after a report
  });
});

describe('DOM layer', () => {
  it('Send click confirmed by the toast -> one outbound event keyed by the draft id', async () => {
    setup('dom-2025/compose-chips.html');
    (document.querySelector('div.aoO') as HTMLElement).click();
    await tick();
    expect(messages()).toHaveLength(0); // not before "Message sent"
    addToast();
    await until(() => expect(messages()).toHaveLength(1));
    const out = messages();
    expect(out[0]).toMatchObject({
      layer: 'dom',
      direction: 'outbound',
      externalId: 'msg-a:r-7673660351152959857',
      threadExternalId: 'thread-a:r-7681922771531347793',
      subject: 'Quick question about Acme',
      text: 'Hi Ana,\n\nAre you & the team around next week?',
      from: { email: 'me@sidelog.test' },
    });
    expect(out[0].to!.map((p) => p.email)).toEqual(['ana@acme.io', 'bob@beta.co']);
    expect(() => CaptureEvent.parse(out[0])).not.toThrow();
  });

  it('a page that goes away reports its confirmed sends at once, not after the grace period', async () => {
    // The DOM layer waits for the network layer's id before reporting a send; closing or reloading
    // Gmail inside that wait must not lose the send (the outbox keeps what it is given).
    const cap = setup('dom-2025/compose-chips.html', { domGraceMs: 60_000 });
    (document.querySelector('div.aoO') as HTMLElement).click();
    addToast();
    await new Promise((r) => setTimeout(r, 300));
    expect(messages()).toHaveLength(0); // still in its grace period
    cap.leaving();
    expect(messages()).toEqual([
      expect.objectContaining({ layer: 'dom', direction: 'outbound', externalId: 'msg-a:r-7673660351152959857' }),
    ]);
    cap.leaving(); // a second pagehide (bfcache) reports nothing twice
    expect(messages()).toHaveLength(1);
  });

  it('Ctrl+Enter in the body is a send too; Undo retracts it (behaviour B)', async () => {
    setup('dom-2025/compose-chips.html');
    const body = document.querySelector('[g_editable=true]')!;
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    const undo = addToast();
    await until(() => expect(messages()).toHaveLength(1));
    undo.click();
    expect(events.filter((e) => e.type === 'retract')).toEqual([
      expect.objectContaining({ externalId: 'msg-a:r-7673660351152959857', layer: 'dom' }),
    ]);
  });

  it('a network send completing after the Undo click is not logged', async () => {
    const cap = setup('dom-2025/compose-chips.html');
    const started = clock;
    (document.querySelector('div.aoO') as HTMLElement).click();
    const undo = addToast();
    await until(() => expect(messages()).toHaveLength(1));
    clock += 1000;
    undo.click();
    const req = sync('cvOnSend_3_request.json').replace(/msg-a:r-329565169840451245/g, 'msg-a:r-7673660351152959857');
    cap.onTap(tap('s', req, null, started));
    expect(messages().filter((e) => e.layer === 'network')).toHaveLength(0);
  });

  it("reads replies from the thread view, once, and skips the user's own messages", async () => {
    const cap = setup('dom-2025/thread-view.html');
    await until(() => expect(messages()).toHaveLength(1));
    const inbound = messages();
    expect(inbound[0]).toMatchObject({
      direction: 'inbound',
      externalId: 'msg-f:1743802434391390787',
      threadExternalId: 'thread-f:1743802434391390786',
      from: { email: 'ana@acme.io' },
    });
    // Gmail re-renders the same thread: same ids, nothing new.
    const main = document.querySelector('[role=main]')!;
    main.replaceWith(main.cloneNode(true));
    await tick(20);
    expect(messages()).toHaveLength(1);
    expect(cap.pageContext()).toMatchObject({
      channel: 'gmail',
      threadExternalId: 'thread-f:1743802434391390786',
      emails: ['ana@acme.io', 'carla@acme.io'],
    });
  });
});

describe('layers that disagree on ids', () => {
  it('a request whose message id is not the compose draft id: both sightings name each other', async () => {
    const cap = setup('dom-2025/compose-chips.html');
    (document.querySelector('div.aoO') as HTMLElement).click();
    // cvOnSend_3 has another msg id; give it this compose's subject and recipients.
    const req = JSON.parse(sync('cvOnSend_3_request.json'));
    const m = req[1][0][0][1][1][13][0];
    m[7] = 'Quick question about Acme';
    m[2] = [
      [1, 'ana@acme.io', 'Ana Ruiz'],
      [1, 'bob@beta.co'],
    ];
    cap.onTap(tap('s', JSON.stringify(req), null));
    addToast();
    await until(() => expect(messages()).toHaveLength(2));
    const [net, dom] = messages();
    expect(net).toMatchObject({ layer: 'network', externalId: 'msg-a:r-329565169840451245' });
    expect(net.aliases).toContain('msg-a:r-7673660351152959857');
    expect(dom).toMatchObject({
      layer: 'dom',
      externalId: 'msg-a:r-7673660351152959857',
      aliases: ['msg-a:r-329565169840451245'],
    });
  });
});

describe('linking a DOM-only reply to the logged send', () => {
  function threadViewFor(draftId: string) {
    // Thread view whose h2 names the thread only by a legacy hex id (perm id "undefined"),
    // showing the user's sent message (the compose's draft id) and a reply.
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    const h2 = document.createElement('h2');
    h2.className = 'hP';
    h2.setAttribute('data-thread-perm-id', 'undefined');
    h2.setAttribute('data-legacy-thread-id', '18335a7dcae04a59');
    h2.textContent = 'Quick question about Acme';
    const mk = (id: string, email: string, text: string) => {
      const d = document.createElement('div');
      d.className = 'adn ads';
      d.setAttribute('data-message-id', '#' + id);
      const g = document.createElement('span');
      g.className = 'gD';
      g.setAttribute('email', email);
      const b = document.createElement('div');
      b.className = 'a3s';
      b.textContent = text;
      d.append(g, b);
      return d;
    };
    main.append(h2, mk(draftId, 'me@sidelog.test', 'Hi Ana'), mk('msg-f:1743836977043622500', 'ana@acme.io', 'Yes!'));
    return main;
  }

  it('the reply carries the thread names of the send, also after a reload', async () => {
    let saved: Record<string, string[]> = {};
    const store = { get: async () => saved, set: async (m: Record<string, string[]> | null) => void (saved = m ?? {}) };
    let cap = setup('dom-2025/compose-chips.html');
    current!.stop();
    // Same document, a controller with the store.
    events = [];
    cap = createGmailCapture({
      doc: document,
      now: () => clock,
      newId: () => String(Math.random()),
      emit: (e) => events.push(...e),
      domGraceMs: 0,
      scanDelayMs: 0,
      sentThreads: store,
    });
    cap.start();
    current = cap;
    (document.querySelector('div.aoO') as HTMLElement).click();
    addToast();
    await until(() => expect(messages()).toHaveLength(1));
    // Saved as soon as the send is reported (a delayed save was lost to a quick reload).
    await Promise.resolve();
    expect(saved['msg-a:r-7673660351152959857']).toContain('thread-a:r-7681922771531347793');

    // "Reload": a new controller, a fresh page showing the thread.
    cap.stop();
    document.body.replaceChildren(threadViewFor('msg-a:r-7673660351152959857'));
    events = [];
    const after = createGmailCapture({
      doc: document,
      now: () => clock,
      newId: () => String(Math.random()),
      emit: (e) => events.push(...e),
      domGraceMs: 0,
      scanDelayMs: 20,
      sentThreads: store,
    });
    after.start();
    current = after;
    await until(() => expect(messages()).toHaveLength(1));
    const reply = messages()[0];
    expect(reply).toMatchObject({ direction: 'inbound', externalId: 'msg-f:1743836977043622500' });
    expect([reply.threadExternalId, ...reply.threadAliases!]).toEqual(
      expect.arrayContaining(['18335a7dcae04a59', 'thread-a:r-7681922771531347793']),
    );
  });
});

describe('thread view loading', () => {
  it('a message whose body loads later is reported again with its text; failures counted once', async () => {
    const cap = setup('dom-2025/thread-view.html');
    await until(() => expect(messages()).toHaveLength(1));
    const list = document.querySelector('[role=main]')!;
    const lazy = document.createElement('div');
    lazy.className = 'adn ads';
    lazy.setAttribute('data-message-id', '#msg-f:1743802434391390800');
    const sender = document.createElement('span');
    sender.className = 'gD';
    sender.setAttribute('email', 'bob@beta.co');
    const body = document.createElement('div');
    body.className = 'a3s aiL';
    lazy.append(sender, body);
    list.append(lazy);
    await until(() => expect(messages()).toHaveLength(2));
    expect(messages()[1]).toMatchObject({ externalId: 'msg-f:1743802434391390800', text: '' });
    const p = document.createElement('div');
    p.textContent = 'Loaded later';
    body.append(p);
    await until(() => expect(messages()).toHaveLength(3));
    expect(messages()[2]).toMatchObject({ externalId: 'msg-f:1743802434391390800', text: 'Loaded later' });
    cap.flushHealth();
    expect(events.find((e) => e.type === 'health' && e.layer === 'dom')).toMatchObject({ recognised: 2, failed: 1 });
  });
});

describe('DOM layer when the build changes', () => {
  it('finds the compose without div.M9 and the Send button by its label; a toast shown by style counts', async () => {
    setup('dom-2025/compose-chips.html');
    const m9 = document.querySelector('div.M9')!;
    m9.className = 'renamed';
    const send = document.querySelector('div.aoO')!;
    send.className = 'T-I J-J5-Ji';
    // A toast that already exists and is only shown (no nodes added).
    const undo = addToast();
    await tick(20);
    expect(messages()).toHaveLength(0); // a toast with no Send before it confirms nothing
    (send as HTMLElement).click();
    m9.remove(); // Gmail closes the compose it sent
    await until(() => expect(messages()).toHaveLength(1));
    expect(messages()[0]).toMatchObject({
      externalId: 'msg-a:r-7673660351152959857',
      subject: 'Quick question about Acme',
    });
    undo.click();
    expect(events.filter((e) => e.type === 'retract')).toHaveLength(1);
  });

  it('an unreadable send payload is counted as failed; the DOM layer still logs the send', async () => {
    const cap = setup('dom-2025/compose-chips.html');
    (document.querySelector('div.aoO') as HTMLElement).click();
    cap.onTap(tap('s', JSON.stringify({ v: 3, msgs: [{ id: 'x', labels: '^pfg' }] }), '{}'));
    addToast();
    await until(() =>
      expect(messages()).toEqual([
        expect.objectContaining({ layer: 'dom', externalId: 'msg-a:r-7673660351152959857' }),
      ]),
    );
    cap.flushHealth();
    expect(events.filter((e) => e.type === 'health')).toEqual([
      expect.objectContaining({ layer: 'network', recognised: 0, failed: 1 }),
      expect.objectContaining({ layer: 'dom', recognised: 1, failed: 0 }),
    ]);
  });
});

describe('template insertion', () => {
  it('says why when no compose is open', () => {
    const cap = setup();
    expect(cap.insertTemplate({ subject: 'S', body: 'B', templateId: 't1', templateVersion: 1 })).toMatchObject({
      ok: false,
    });
  });

  it('keeps a reply\'s "Re:" subject and inserts the body at the caret start', async () => {
    const cap = setup('dom-2025/compose-chips.html');
    const subj = document.querySelector('input[name=subjectbox]') as HTMLInputElement;
    subj.value = 'Re: Quick question';
    expect(cap.insertTemplate({ subject: 'Intro', body: 'Thanks!', templateId: 't2', templateVersion: 1 })).toEqual({
      ok: true,
    });
    expect(subj.value).toBe('Re: Quick question');
    expect(document.querySelector('[g_editable=true]')!.textContent!.startsWith('Thanks!')).toBe(true);
    // The compose button sits in the toolbar, in its own shadow root.
    await until(() => expect(document.querySelector('td.gU.Up [data-sidelog=compose-button]')).not.toBeNull());
  });

  it('fills the only compose and the send carries the template', async () => {
    const cap = setup('dom-2025/compose-chips.html');
    const body = document.querySelector('[g_editable=true]')!;
    body.replaceChildren();
    (document.querySelector('input[name=subjectbox]') as HTMLInputElement).value = '';
    const r = cap.insertTemplate({
      subject: 'Intro',
      body: 'Hi Ana,\nquick question.',
      templateId: 't1',
      templateVersion: 3,
    });
    expect(r).toEqual({ ok: true });
    expect((document.querySelector('input[name=subjectbox]') as HTMLInputElement).value).toBe('Intro');
    expect(body.textContent).toContain('quick question.');
    // The user edits a word: still the inserted template.
    body.append(document.createTextNode(' Thanks!'));
    (document.querySelector('div.aoO') as HTMLElement).click();
    addToast();
    await until(() => expect(messages()[0]?.template).toEqual({ id: 't1', version: 3 }));
    cap.onTap(
      tap(
        's',
        sync('cvOnSend_3_request.json').replace(/msg-a:r-329565169840451245/g, 'msg-a:r-7673660351152959857'),
        null,
      ),
    );
    expect(messages().filter((e) => e.layer === 'network')[0].template).toEqual({ id: 't1', version: 3 });
  });
});
