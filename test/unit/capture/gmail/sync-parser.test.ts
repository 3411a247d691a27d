// The sync readers on the real captures (test/fixtures/gmail, see ATTRIBUTION.md).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageEvent } from '@/lib/schema/events';
import { parseSyncCall, readResponseMessages, walkMessages, type SyncCall } from '@/lib/capture/gmail/sync-parser';

const DIR = path.resolve(__dirname, '../../../fixtures/gmail/inboxsdk-sync-2022-09-09');
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
let n = 0;
const ctx = { ownEmails: [] as string[], newId: () => `ev-${++n}` };

function pair(name: string): SyncCall {
  const files = readdirSync(DIR);
  const req = files.find((f) => f.startsWith(name + '_request'))!;
  const resp = files.find((f) => f.startsWith(name + '_response'))!;
  return { kind: 's', requestBody: read(req), responseBody: read(resp) };
}

const SENDS = [
  'cvOnSend',
  'cvOnSend_2',
  'cvOnSend_3',
  'cvOnSend_4',
  'cvOnReplySend',
  'cvOnReplySend_2',
  'cvOnReplySend_3',
  'cvOnReplySend_4',
  'cvOnReplySend_5',
];
const DRAFTS = [
  'cvOnDraftSave',
  'cvOnDraftSaveBatched',
  'cvOnDraftUpdate',
  'cvOnDraftUpdate_2',
  'cvOnReplyDraftSave',
  'cvOnReplyDraftUpdate',
  'cvOnReplyDraftUpdate_2',
  'cvOnReplyDraftUpdate_3',
];

describe('sends in the captures', () => {
  it.each(SENDS)('%s yields exactly one valid outbound send', (name) => {
    const r = parseSyncCall(pair(name), ctx);
    const out = r.events.filter((e) => e.direction === 'outbound');
    expect(out).toHaveLength(1);
    expect(r.failed).toBe(0);
    expect(() => MessageEvent.parse(out[0])).not.toThrow();
    expect(out[0].externalId).toMatch(/^msg-a:r-?\d+$/);
    expect(out[0].rfcMessageId).toMatch(/^<.+@mail\.gmail\.com>$/);
    // The server's legacy id is an alias, and the thread is known by every form.
    expect(out[0].aliases!.some((a) => /^[0-9a-f]{16}$/.test(a))).toBe(true);
  });

  // What each capture's user wrote (read from the request's part 0; quoted history and tracker marks excluded).
  const WRITTEN: Record<string, { to: string[]; cc: string[]; subject: string; text: string }> = {
    cvOnSend: { to: ['test+1@gmail.com'], cc: [], subject: 'subject_111', text: 'ab' },
    cvOnSend_2: { to: ['test+1@gmail.com'], cc: [], subject: 'subject_111', text: 'ab' },
    cvOnSend_3: { to: ['test+to@test.com'], cc: ['test+cc@test.com'], subject: 'test subject', text: 'test body' },
    cvOnSend_4: { to: ['test+to@test.com'], cc: ['test+cc@test.com'], subject: 'test subject', text: 'test body' },
    cvOnReplySend: { to: ['test@streak.com'], cc: [], subject: 'Re: tracking test', text: 'foo2 (no tracking)' },
    cvOnReplySend_2: { to: ['test@streak.com'], cc: [], subject: 'Re: hey2', text: 'hey hey' },
    cvOnReplySend_3: {
      to: ['test+to@test.com'],
      cc: ['test+cc@test.com', 'test+cc2@test.com'],
      subject: 'Re: test subject',
      text: 'test reply body',
    },
    cvOnReplySend_4: { to: ['test+to@gmail.com'], cc: [], subject: 'Re: test_subject', text: 'b2' },
    cvOnReplySend_5: { to: ['test+to@gmail.com'], cc: [], subject: 'Re: test subject 4', text: 'b' },
  };
  it.each(Object.entries(WRITTEN))('%s: recipients, subject and written text', (name, want) => {
    const e = parseSyncCall(pair(name), ctx).events.find((x) => x.direction === 'outbound')!;
    expect({ to: e.to!.map((p) => p.email), cc: e.cc!.map((p) => p.email), subject: e.subject, text: e.text }).toEqual(
      want,
    );
  });

  it('new email: recipients, subject, written text, time and ids (cvOnSend)', () => {
    const [e] = parseSyncCall(pair('cvOnSend'), ctx).events;
    expect(e).toMatchObject({
      direction: 'outbound',
      externalId: 'msg-a:r8190137112111191537',
      from: { email: 'test@gmail.com', name: 'Test Test' },
      to: [{ email: 'test+1@gmail.com', name: 'Test Test' }],
      cc: [],
      subject: 'subject_111',
      text: 'ab',
      sentAt: 1662744701149,
      rfcMessageId: '<CAFsK+UQf12W_Efo3+hwj+BWb+sk8DaGQkrOoBOU38nHafAHJ4Q@mail.gmail.com>',
    });
    expect(e.aliases).toContain('183234eaadcf41e5');
    // thread-a (client id), the legacy hex and its thread-f decimal all name the thread.
    const names = [e.threadExternalId, ...e.threadAliases!];
    expect(names).toContain('thread-a:r263523620390330024');
    expect(names).toContain('183234ce86ffa010');
    expect(names).toContain(`thread-f:${BigInt('0x183234ce86ffa010').toString()}`);
  });

  it('to and cc of a new email (cvOnSend_3); bcc is not reported as to/cc', () => {
    const [e] = parseSyncCall(pair('cvOnSend_3'), ctx).events;
    expect(e.to).toEqual([{ email: 'test+to@test.com', name: 'test to' }]);
    expect(e.cc).toEqual([{ email: 'test+cc@test.com', name: 'test cc' }]);
    expect(e.subject).toBe('test subject');
    // The tracker's invisible mark (Streak's "ᐧ") is not part of what was written.
    expect(e.text).toBe('test body');
  });

  it('a batch with a draft save and a send yields only the send (cvOnSend_4)', () => {
    const r = parseSyncCall(pair('cvOnSend_4'), ctx);
    expect(r.events.map((e) => e.externalId)).toEqual(['msg-a:r-329565169840451245']);
    expect(r.draftSaves).toEqual(['msg-a:r8190137112111191537']);
  });

  it('reply: the typed text without the quoted history, In-Reply-To and thread-f (cvOnReplySend_2)', () => {
    const r = parseSyncCall(pair('cvOnReplySend_2'), ctx);
    const sent = r.events.find((e) => e.direction === 'outbound')!;
    expect(sent.text).toBe('hey hey');
    expect(sent.subject).toBe('Re: hey2');
    expect(sent.threadExternalId).toBe('thread-f:1743802434391390786');
    expect(sent.threadAliases).toContain('18333b13345c3a42');
    expect(sent.inReplyTo).toContain('<CAFxDt-Pv7d2eRZ5nzFABppc=gGvLF=AuGyt7CFeYErh14DDtrQ@mail.gmail.com>');
    expect(sent.rfcMessageId).toBe('<CAFxDt-NiTcOcChGTdnjfqAW4x-A6VaVkW=jd2y8jE1bJajCULg@mail.gmail.com>');
    expect(r.ownEmails).toEqual(['test@streak.com']);
  });

  it('the inbound message in cvOnReplySend_2_response is inbound with sender, time, ids and In-Reply-To', () => {
    const r = parseSyncCall(pair('cvOnReplySend_2'), ctx);
    const inbound = r.events.filter((e) => e.direction === 'inbound');
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({
      externalId: 'msg-f:1743802434391390786',
      // The capture anonymised the address to "Test Test": it is kept as a name, not as an email.
      from: { name: 'Test Test' },
      sentAt: 1663019594553,
      subject: 'hey2',
      text: 'hey2 sdff fsd fsdf',
      threadExternalId: 'thread-f:1743802434391390786',
      rfcMessageId: '<CAGx7AOR8U=-2XmorjA5EpwxiEPApJdiFm6wc4z92VK4Ln2nvew@mail.gmail.com>',
      inReplyTo: [], // the first message of its thread: it answers nothing
    });
    expect(inbound[0].aliases).toContain('18333b13345c3a42');
    expect(() => MessageEvent.parse(inbound[0])).not.toThrow();
  });

  it("the user's earlier messages in a thread history are not re-logged as sends (cvOnReplySend)", () => {
    const r = parseSyncCall(pair('cvOnReplySend'), ctx);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].externalId).toBe('msg-a:r-414184523264894368');
    expect(r.events[0].text).toBe('foo2 (no tracking)');
  });

  it('a send whose response never came still yields the send from the request', () => {
    const c = pair('cvOnSend_3');
    const r = parseSyncCall({ ...c, responseBody: null }, ctx);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].rfcMessageId).toBeNull();
    expect(r.events[0].threadExternalId).toMatch(/^thread-a:r-?\d+$/);
    expect(r.events[0].aliases).toEqual([]);
  });
});

describe('drafts in the captures', () => {
  it.each(DRAFTS)('%s yields no outbound event and reports the draft save', (name) => {
    const r = parseSyncCall(pair(name), ctx);
    expect(r.events.filter((e) => e.direction === 'outbound')).toHaveLength(0);
    expect(r.draftSaves.length).toBeGreaterThan(0);
    expect(r.failed).toBe(0);
  });
});

describe('inbound threads', () => {
  it('fd-embedded: five inbound messages with sender, time, subject, text and ids', () => {
    const raw = readFileSync(
      path.resolve(__dirname, '../../../fixtures/gmail/gmailjs/fd-embedded-2022-10-21.json'),
      'utf8',
    );
    const r = parseSyncCall(
      { kind: 'bv', requestBody: null, responseBody: raw },
      { ownEmails: ['jostein@gmail.com'], newId: () => 'x' },
    );
    expect(r.events).toHaveLength(5);
    for (const e of r.events) {
      expect(e.direction).toBe('inbound');
      expect(e.from).toEqual({ email: 'jostein@secure.kjonigsen.net', name: 'Jostein Kjønigsen' });
      expect(e.externalId).toMatch(/^msg-f:\d+$/);
      expect(e.text).toContain('Vennlig hilsen');
      expect(e.text).not.toMatch(/<|&gt;/);
      expect(() => MessageEvent.parse(e)).not.toThrow();
    }
    const e4 = r.events.find((e) => e.subject === 'Test email 4')!;
    expect(e4).toMatchObject({
      externalId: 'msg-f:1743836977043622489',
      sentAt: 1663052536832,
      threadExternalId: 'thread-f:1743836977043622489',
    });
    expect(e4.aliases).toContain('18335a7dcae04a59');
    expect(e4.rfcMessageId).toBe('<491e0008-2936-f0e2-171a-3d696268b5b7@secure.kjonigsen.net>');
  });

  it("an /i/fd response in gmail.js's documented layout is read", () => {
    const fd = [
      null,
      [
        [
          'thread-f:1743836977043622489',
          [
            ['thread-f:1743836977043622489'],
            [['msg-f:1743836977043622490', [1, 'ana@acme.io', 'Ana Ruiz'], null, ['^all', '^i']]],
          ],
          [
            [
              'msg-f:1743836977043622490',
              [
                [[1, 'me@x.com']],
                null,
                null,
                null,
                'Re: hello',
                [null, [[0, null, [null, '<div>Sounds good</div><div class="gmail_quote">old</div>']]]],
                null,
                '<abc@acme.io>',
                null,
                null,
                [],
                null,
                null,
                null,
                null,
                null,
                '1663052600000',
              ],
            ],
          ],
        ],
      ],
    ];
    const r = parseSyncCall(
      { kind: 'fd', requestBody: null, responseBody: JSON.stringify(fd) },
      { ownEmails: ['me@x.com'], newId: () => 'x' },
    );
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      direction: 'inbound',
      from: { email: 'ana@acme.io' },
      text: 'Sounds good',
      sentAt: 1663052600000,
      rfcMessageId: '<abc@acme.io>',
    });
  });

  it('an unknown response shape is counted as a failure, not guessed', () => {
    const r = parseSyncCall(
      { kind: 'fd', requestBody: null, responseBody: JSON.stringify([1, [2, 3], { a: 'msg-f:1' }]) },
      ctx,
    );
    expect(r.events).toHaveLength(0);
    expect(r.failed).toBe(1);
  });

  it('an empty thread list is a known shape, not a failure', () => {
    expect(
      parseSyncCall({ kind: 'bv', requestBody: null, responseBody: JSON.stringify([null, [0], [], null]) }, ctx).failed,
    ).toBe(0);
    expect(parseSyncCall({ kind: 'fd', requestBody: null, responseBody: JSON.stringify([null, []]) }, ctx).failed).toBe(
      0,
    );
    expect(
      parseSyncCall({ kind: 'bv', requestBody: null, responseBody: JSON.stringify([null, [0], [[1, 2]], null]) }, ctx)
        .failed,
    ).toBe(1);
  });

  it('a send label in an unreadable request is counted as a failed send', () => {
    const r = parseSyncCall(
      { kind: 's', requestBody: JSON.stringify([[1], [[[10, ['weird', { x: '^pfg' }]]]]]), responseBody: null },
      ctx,
    );
    expect(r.events).toHaveLength(0);
    expect(r.failed).toBe(1);
  });
});

describe('fallback walker', () => {
  it('finds the send when the message moved one level down (layout shift)', () => {
    const req = JSON.parse(read('cvOnSend_3_request.json'));
    // Wrap the thread one level deeper than the 2022 path reader expects.
    req[1][0][0][1] = [req[1][0][0][1]];
    const r = parseSyncCall(
      { kind: 's', requestBody: JSON.stringify(req), responseBody: read('cvOnSend_3_response.json') },
      ctx,
    );
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      externalId: 'msg-a:r-329565169840451245',
      subject: 'test subject',
      to: [{ email: 'test+to@test.com' }],
    });
  });

  it('reads recipients nested one more level', () => {
    const req = JSON.parse(read('cvOnSend_request.json'));
    const msg = req[1][0][0][1][1][13][0];
    msg[2] = msg[2].map((c: unknown) => [c]);
    const r = parseSyncCall({ kind: 's', requestBody: JSON.stringify(req), responseBody: null }, ctx);
    expect(r.events[0].to).toEqual([{ email: 'test+1@gmail.com', name: 'Test Test' }]);
  });

  it('reads a recipient list wrapped one more level and a message id moved one level down', () => {
    const req = JSON.parse(read('cvOnSend_3_request.json'));
    const msg = req[1][0][0][1][1][13][0];
    msg[2] = [
      [
        [1, 'a@x.io', 'A'],
        [1, 'b@y.io', 'B'],
      ],
    ];
    msg[0] = [msg[0]];
    const r = parseSyncCall({ kind: 's', requestBody: JSON.stringify(req), responseBody: null }, ctx);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].externalId).toBe('msg-a:r-329565169840451245');
    expect(r.events[0].to).toEqual([
      { email: 'a@x.io', name: 'A' },
      { email: 'b@y.io', name: 'B' },
    ]);
  });

  it('walks a response for messages', () => {
    const found = walkMessages(JSON.parse(read('cvOnReplySend_4_response.json')), 'walk');
    expect(found.map((m) => m.id)).toContain('msg-a:r9206449609684993976');
    expect(readResponseMessages('s', JSON.parse(read('cvOnReplySend_4_response.json'))).messages.length).toBe(4);
  });
});

describe('/i/fd minimal thread shape', () => {
  // InboxSDK extractThreadsFromThreadResponse_20220909 (gmail-sync-response-processor.ts at
  // a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9): a descriptor without [1][0][13] and a compact list
  // is the minimal shape, whose legacy thread id is [1][0][15] taken as it is; its messages are
  // [2][i] = [id, details] with the time at details[16].
  const fd = (desc: unknown[]) => [
    null,
    [
      [
        'thread-f:1743836977043622489',
        [desc],
        [
          [
            'msg-f:1743836977043622490',
            [
              [[1, 'me@x.com']],
              null,
              null,
              null,
              'Re: hello',
              [null, [[0, null, [null, '<div>Sounds good</div>']]]],
              null,
              '<abc@acme.io>',
              null,
              null,
              (() => {
                const s = new Array(17).fill(null);
                s[16] = 'ana@acme.io';
                return s;
              })(),
              null,
              null,
              null,
              null,
              null,
              '1663052600000',
            ],
          ],
        ],
      ],
    ],
  ];
  const descriptor = (at15: unknown) => {
    const d: unknown[] = new Array(16).fill(null);
    d[0] = 'thread-f:1743836977043622489';
    d[2] = 'Sounds good';
    d[15] = at15;
    return d;
  };
  it('reads the minimal shape: the message, and the thread by its id and the legacy id at [1][0][15] (hex)', () => {
    const r = parseSyncCall(
      { kind: 'fd', requestBody: null, responseBody: JSON.stringify(fd(descriptor('18335a7dcae04a59'))) },
      { ownEmails: ['me@x.com'], newId: () => 'x' },
    );
    expect(r.failed).toBe(0);
    expect(r.events).toHaveLength(1);
    const e = r.events[0];
    expect(e).toMatchObject({ direction: 'inbound', from: { email: 'ana@acme.io' }, sentAt: 1663052600000 });
    expect([e.threadExternalId, ...e.threadAliases!]).toEqual(
      expect.arrayContaining(['18335a7dcae04a59', `thread-f:${BigInt('0x18335a7dcae04a59')}`]),
    );
  });
  it('a thread id the request named differently links through [1][0][15] alone', () => {
    const d = descriptor('18335a7dcae04a59');
    const body = fd(d) as [unknown, [[unknown]]];
    body[1][0][0] = 'thread-a:r-1'; // the client's id for a thread it started
    d[0] = 'thread-a:r-1';
    const e = parseSyncCall(
      { kind: 'fd', requestBody: null, responseBody: JSON.stringify(body) },
      { ownEmails: ['me@x.com'], newId: () => 'x' },
    ).events[0];
    expect([e.threadExternalId, ...e.threadAliases!]).toEqual(
      expect.arrayContaining(['thread-a:r-1', '18335a7dcae04a59']),
    );
    // Without [15] there is no legacy name at all.
    d[15] = null;
    const bare = parseSyncCall(
      { kind: 'fd', requestBody: null, responseBody: JSON.stringify(body) },
      { ownEmails: ['me@x.com'], newId: () => 'x' },
    ).events[0];
    expect([bare.threadExternalId, ...bare.threadAliases!]).not.toContain('18335a7dcae04a59');
  });
});
