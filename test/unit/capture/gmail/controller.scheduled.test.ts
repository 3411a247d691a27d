// @vitest-environment happy-dom
// Gmail "Schedule send" in the controller: the network layer follows a scheduled message until
// it is sent or cancelled, and the DOM layer takes no "Schedule send" for a send; on requests
// built from InboxSDK's real send capture (helpers/gmail-schedule.ts says where each position
// comes from). The parser's side is sync-parser.scheduled.test.ts. Also: the thread scan waiting
// for an id painted late.
import { describe, expect, it, vi } from 'vitest';
import { CaptureEvent, type CaptureEventInput, type MessageEventInput } from '@/lib/schema/events';
import { createGmailCapture, type ScheduledEntry } from '@/lib/capture/gmail/controller';
import { TAP_SOURCE, validateTapMessage } from '@/lib/capture/gmail/tap-protocol';
import {
  CAPTURE_TIME,
  SCHEDULED_ID,
  SCHEDULED_LEGACY,
  SCHEDULED_THREAD,
  SENT_LABELS,
  draftSaveRequest,
  laterSighting,
  scheduleRequest,
  scheduleResponse,
} from '../../helpers/gmail-schedule';

const STARTED = CAPTURE_TIME + 500; // the request went out right after the message was stamped
const DUE = CAPTURE_TIME + 3 * 3_600_000;

// ------------------------------------------------------------------ controller

let events: CaptureEventInput[];
let clock: number;
let current: { stop(): void } | null = null;
function setup(over: Partial<Parameters<typeof createGmailCapture>[0]> = {}) {
  current?.stop();
  document.body.replaceChildren();
  document.title = 'Inbox - test@test.com - Gmail';
  events = [];
  clock = STARTED;
  let k = 0;
  const cap = createGmailCapture({
    doc: document,
    now: () => clock,
    newId: () => `e${++k}`,
    emit: (e) => events.push(...e),
    domGraceMs: 0,
    scanDelayMs: 0,
    ...over,
  });
  cap.start();
  current = cap;
  return cap;
}
const tap = (req: string | null, resp: string | null, startedAt = clock) =>
  validateTapMessage({
    source: TAP_SOURCE,
    v: 1,
    kind: 's',
    requestBody: req,
    responseBody: resp,
    status: 200,
    startedAt,
  })!;
const messages = () => events.filter((e): e is MessageEventInput & { type: 'message' } => e.type === 'message');
const retracts = () =>
  events.filter((e) => e.type === 'retract') as Array<{ externalId: string; unscheduled?: boolean }>;
const until = (fn: () => void) => vi.waitFor(fn, { timeout: 3000, interval: 10 });

describe('controller: scheduled messages followed until sent or cancelled', () => {
  it('schedule → one scheduled event; Cancel send (back to drafts) → removed, and only while scheduled', () => {
    const cap = setup();
    cap.onTap(tap(scheduleRequest({ due: DUE }), scheduleResponse()));
    expect(messages()).toHaveLength(1);
    expect(messages()[0]).toMatchObject({
      externalId: SCHEDULED_ID,
      status: 'scheduled',
      scheduledAt: DUE,
      layer: 'network',
    });
    // An autosave that started before the scheduling request is no cancel.
    cap.onTap(tap(draftSaveRequest(), null, STARTED - 200));
    expect(retracts()).toEqual([]);
    // Cancel send, minutes later: the message is saved back as a draft.
    clock += 10 * 60_000;
    cap.onTap(tap(draftSaveRequest(), null));
    expect(retracts()).toEqual([
      expect.objectContaining({ externalId: SCHEDULED_ID, unscheduled: true, layer: 'network' }),
    ]);
    for (const e of events) expect(() => CaptureEvent.parse(e)).not.toThrow();
    // Editing the draft afterwards saves it again: no further retract.
    clock += 5000;
    cap.onTap(tap(draftSaveRequest(), null));
    expect(retracts()).toHaveLength(1);
  });

  it('reschedule: cancel, then schedule again at a new time → the new event carries the new time', () => {
    const cap = setup();
    cap.onTap(tap(scheduleRequest({ due: DUE }), scheduleResponse()));
    clock += 60_000;
    cap.onTap(tap(draftSaveRequest(), null));
    clock += 60_000;
    cap.onTap(tap(scheduleRequest({ due: DUE + 86_400_000 }), scheduleResponse()));
    expect(messages().map((m) => m.scheduledAt)).toEqual([DUE, DUE + 86_400_000]);
    expect(retracts()).toHaveLength(1);
  });

  it('Gmail later shows it sent: one outbound event under the same ids, once; the id is then forgotten', () => {
    const cap = setup();
    cap.onTap(tap(scheduleRequest({ due: DUE }), scheduleResponse()));
    clock = DUE + 5000;
    const later = laterSighting(SENT_LABELS, DUE + 1200);
    cap.onTap(tap(later.request, later.response));
    const sent = messages().filter((m) => m.status !== 'scheduled');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ externalId: SCHEDULED_ID, sentAt: DUE + 1200, direction: 'outbound' });
    expect(sent[0].aliases).toContain(SCHEDULED_LEGACY);
    cap.onTap(tap(later.request, later.response));
    expect(messages()).toHaveLength(2); // the schedule and one sighting, not two
    // A draft save of that id now is no cancel (it was sent).
    cap.onTap(tap(draftSaveRequest(), null));
    expect(retracts()).toEqual([]);
  });

  it('the followed ids survive a reload (kept in extension storage), and sync calls wait for them', async () => {
    let saved: Record<string, ScheduledEntry> = {};
    const memory = {
      get: async () => saved,
      set: async (m: Record<string, ScheduledEntry> | null) => void (saved = structuredClone(m ?? {})),
    };
    const cap = setup({ scheduledMemory: memory });
    cap.onTap(tap(scheduleRequest({ due: DUE }), scheduleResponse()));
    await until(() => expect(saved[SCHEDULED_ID]).toEqual({ at: DUE, since: STARTED }));
    // The page reloads; the first sync call arrives before the memory is read.
    let release!: () => void;
    const slow = {
      get: () => new Promise<Record<string, ScheduledEntry>>((ok) => (release = () => ok(saved))),
      set: memory.set,
    };
    const again = setup({ scheduledMemory: slow });
    clock = DUE + 60_000;
    const later = laterSighting(SENT_LABELS, DUE + 900);
    again.onTap(tap(later.request, later.response));
    expect(messages()).toHaveLength(0);
    release();
    await until(() => expect(messages()).toHaveLength(1));
    expect(messages()[0]).toMatchObject({ externalId: SCHEDULED_ID, sentAt: DUE + 900 });
    await until(() => expect(saved[SCHEDULED_ID]).toBeUndefined());
  });

  it('cancelled where this page did not see the request: a response showing it back in drafts removes it', () => {
    const cap = setup();
    cap.onTap(tap(scheduleRequest({ due: DUE }), scheduleResponse()));
    clock += 3_600_000;
    const later = laterSighting(['^all', '^r', '^r_bt'], clock);
    cap.onTap(tap(later.request, later.response));
    expect(retracts()).toEqual([expect.objectContaining({ externalId: SCHEDULED_ID, unscheduled: true })]);
  });
});

// ------------------------------------------------------------------ DOM layer

function compose(): { root: HTMLElement; send: HTMLElement; item: HTMLElement } {
  const root = document.createElement('div');
  root.className = 'M9';
  const form = document.createElement('form');
  const input = (name: string, value: string) => {
    const i = document.createElement('input');
    i.type = 'hidden';
    i.name = name;
    i.value = value;
    form.append(i);
  };
  input('draft', `#${SCHEDULED_ID}`);
  input('rt', `#${SCHEDULED_THREAD}`);
  input('composeid', '1');
  const subject = document.createElement('input');
  subject.name = 'subjectbox';
  subject.value = 'test subject';
  form.append(subject);
  const to = document.createElement('div');
  to.className = 'anm';
  to.setAttribute('name', 'to');
  const chip = document.createElement('div');
  chip.setAttribute('role', 'option');
  chip.setAttribute('data-hovercard-id', 'test+to@test.com');
  to.append(chip);
  const body = document.createElement('div');
  body.setAttribute('g_editable', 'true');
  body.setAttribute('role', 'textbox');
  body.textContent = 'test body';
  const send = document.createElement('div');
  send.className = 'T-I aoO';
  send.setAttribute('role', 'button');
  send.textContent = 'Send';
  // The arrow next to Send ("More send options", .hG) opens a menu whose "Schedule send" item is
  // [selector="scheduledSend"] (InboxSDK gmail-compose-view.ts at a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9).
  const more = document.createElement('div');
  more.className = 'T-I hG';
  more.setAttribute('role', 'button');
  more.setAttribute('aria-label', 'More send options');
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  const item = document.createElement('div');
  item.setAttribute('role', 'menuitem');
  item.setAttribute('selector', 'scheduledSend');
  item.textContent = 'Schedule send';
  menu.append(item);
  root.append(form, to, body, send, more, menu);
  document.body.append(root);
  return { root, send, item };
}

function toast(text: string) {
  document.querySelector('div.b8')?.remove();
  const b8 = document.createElement('div');
  b8.className = 'b8';
  const vh = document.createElement('div');
  vh.className = 'vh';
  const span = document.createElement('span');
  span.textContent = text;
  const undo = document.createElement('span');
  undo.id = 'link_undo';
  undo.textContent = 'Undo';
  const view = document.createElement('span');
  view.id = 'link_vsm';
  view.textContent = 'View message';
  vh.append(span, undo, view);
  b8.append(vh);
  document.body.append(b8);
  return undo;
}

describe('DOM layer: "Schedule send" is not a send', () => {
  it('a Send press Gmail did not act on, then Schedule send: the "Send scheduled" toast confirms nothing', async () => {
    const cap = setup();
    const c = compose();
    c.send.click(); // e.g. refused ("Please specify at least one recipient"): no toast
    c.item.click();
    c.root.remove(); // Gmail closes the compose once scheduled
    toast('Send scheduled for Tue, Nov 28, 8:00 AM');
    cap.scan();
    await new Promise((r) => setTimeout(r, 50));
    cap.leaving();
    expect(messages()).toEqual([]);
  });

  it('Undo on the "Send scheduled" toast undoes no earlier send', async () => {
    const cap = setup();
    const first = compose();
    first.send.click();
    first.root.remove();
    toast('Message sent');
    cap.scan();
    await until(() => expect(messages()).toHaveLength(1)); // the earlier send, logged by the DOM layer
    const second = compose();
    second.root.querySelector<HTMLInputElement>('input[name=draft]')!.value = '#msg-a:r42';
    second.item.click();
    second.root.remove();
    const undo = toast('Send scheduled for Tue, Nov 28, 8:00 AM');
    cap.scan();
    undo.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(retracts()).toEqual([]);
  });
});

describe('DOM layer: the thread scan waits for the thread id', () => {
  function threadView(o: { legacy?: string | null; body?: 'a3s' | 'ii' } = {}) {
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    const h2 = document.createElement('h2');
    h2.className = 'hP';
    h2.textContent = 'hey2';
    if (o.legacy) h2.setAttribute('data-legacy-thread-id', o.legacy);
    const node = document.createElement('div');
    node.className = 'adn ads';
    node.setAttribute('data-message-id', '#msg-f:1743802434391390787');
    node.setAttribute('data-legacy-message-id', '18333b13345c3a43');
    const from = document.createElement('span');
    from.className = 'gD';
    from.setAttribute('email', 'ana@acme.io');
    from.setAttribute('name', 'Ana Ruiz');
    // Today's body: div.ii.gt (InboxSDK #1309), with or without the inner div.a3s.
    const ii = document.createElement('div');
    ii.className = 'ii gt';
    const a3s = document.createElement('div');
    a3s.className = 'a3s aiL';
    a3s.textContent = "Sounds good, let's talk Tuesday.";
    if (o.body === 'ii') ii.textContent = "Sounds good, let's talk Tuesday.";
    else ii.append(a3s);
    node.append(from, ii);
    main.append(h2, node);
    document.body.append(main);
    return { h2 };
  }

  it('an id painted after the messages exist is waited for, not given up', async () => {
    const cap = setup({ threadIdWaitMs: 3000 });
    const { h2 } = threadView({ legacy: null, body: 'ii' });
    cap.scan();
    await new Promise((r) => setTimeout(r, 250));
    expect(messages()).toEqual([]); // no id yet: waiting
    h2.setAttribute('data-legacy-thread-id', '18333b13345c3a42');
    await until(() => expect(messages()).toHaveLength(1));
    const e = messages()[0];
    expect(e).toMatchObject({
      direction: 'inbound',
      externalId: 'msg-f:1743802434391390787',
      threadExternalId: 'thread-f:1743802434391390786',
      text: "Sounds good, let's talk Tuesday.",
    });
  });

  it('the selected inbox row (tr.aps) names the thread while the heading has no id yet', async () => {
    const cap = setup();
    const table = document.createElement('table');
    table.innerHTML =
      '<tbody><tr class="zA aps"><td><span class="bqe" data-thread-id="#thread-f:1743802434391390786" data-legacy-thread-id="18333b13345c3a42">hey2</span></td></tr></tbody>';
    document.body.append(table);
    threadView({ legacy: null });
    cap.scan();
    await until(() => expect(messages()).toHaveLength(1));
    expect(messages()[0].threadExternalId).toBe('thread-f:1743802434391390786');
  });

  it('an id never painted: reported without one after the wait, and the health line hears of it', async () => {
    const cap = setup({ threadIdWaitMs: 300 });
    threadView({ legacy: null });
    cap.scan();
    await new Promise((r) => setTimeout(r, 150));
    expect(messages()).toEqual([]);
    clock += 400; // the controller's clock: the wait is over
    await until(() => expect(messages()).toHaveLength(1));
    expect(messages()[0].threadExternalId).toBeNull();
    cap.flushHealth();
    expect(events.find((e) => e.type === 'health' && e.layer === 'dom')).toMatchObject({
      failed: 1,
      lastError: 'open thread without an id',
    });
  });
});
