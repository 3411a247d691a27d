// @vitest-environment happy-dom
// DOM readers on hand-written fixtures of today's Gmail (test/fixtures/gmail/dom-2025, each file
// says where its details come from) and on the real 2019 compose capture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composeRootOf,
  draftIdOf,
  parseGmailDate,
  readCompose,
  readInboxRows,
  readOwnEmail,
  readThreadView,
} from '@/lib/capture/gmail/dom-read';

const FIX = path.resolve(__dirname, '../../../fixtures/gmail');
function load(file: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  // Test-only: fixtures are parsed by happy-dom's parser, never in Gmail's page.
  doc.body.innerHTML = readFileSync(path.join(FIX, file), 'utf8');
  return doc;
}

describe('compose', () => {
  it("reads today's chip widget, hidden ids, subject and the written text without the quote", () => {
    const doc = load('dom-2025/compose-chips.html');
    const root = doc.querySelector('div.M9')!;
    const c = readCompose(root);
    expect(c).toMatchObject({
      draftId: 'msg-a:r-7673660351152959857',
      threadId: 'thread-a:r-7681922771531347793',
      composeId: '2',
      fromEmail: 'me@sidelog.test',
      subject: 'Quick question about Acme',
      to: [{ email: 'ana@acme.io', name: 'Ana Ruiz' }, { email: 'bob@beta.co' }],
      cc: [{ email: 'carla@acme.io', name: 'Carla Diaz' }, { email: 'dan@delta.org' }],
      bcc: [],
    });
    expect(c.text).toBe('Hi Ana,\n\nAre you & the team around next week?');
    // A click on the Send button resolves to this compose.
    expect(composeRootOf(doc.querySelector('div.aoO'))).toBe(root);
  });

  it('reads the real 2019 compose (textarea recipients, empty body)', () => {
    const doc = load('compose-dialog-2019.html');
    const root = doc.querySelector('div.M9')!;
    (root.querySelector('textarea[name=to]') as HTMLTextAreaElement).value = 'Ana Ruiz <ana@acme.io>, bob@beta.co';
    const c = readCompose(root);
    expect(c.draftId).toBe('msg-a:r-7673660351152959857');
    expect(c.threadId).toBe('thread-a:r-7681922771531347793');
    expect(c.to).toEqual([{ email: 'ana@acme.io', name: 'Ana Ruiz' }, { email: 'bob@beta.co' }]);
    expect(c.text).toBe('');
    expect(root.querySelector('div.aoO[role=button]')!.getAttribute('aria-label')).toMatch(/^Send/);
  });
});

it('normalises the draft input of older builds', () => {
  expect(draftIdOf('#msg-a:r-7673660351152959857')).toEqual({ id: 'msg-a:r-7673660351152959857', legacy: null });
  expect(draftIdOf('r8190137112111191537')).toEqual({ id: 'msg-a:r8190137112111191537', legacy: null });
  expect(draftIdOf('183234EAADCF41E5')).toEqual({ id: null, legacy: '183234eaadcf41e5' });
  expect(draftIdOf('undefined')).toEqual({ id: null, legacy: null });
});

describe('thread view', () => {
  it('falls back to the legacy thread id when data-thread-perm-id is "undefined"', () => {
    const v = readThreadView(load('dom-2025/thread-view.html'))!;
    expect(v.threadNames).toEqual(['18333b13345c3a42', 'thread-f:1743802434391390786']);
    expect(v.subject).toBe('hey2');
    expect(v.unreadable).toBe(1);
    expect(v.messages).toHaveLength(2);
    const reply = v.messages[1];
    expect(reply).toMatchObject({
      externalId: 'msg-f:1743802434391390787',
      from: { email: 'ana@acme.io', name: 'Ana Ruiz' },
      to: [
        { email: 'me@sidelog.test', name: 'me' },
        { email: 'carla@acme.io', name: 'Carla' },
      ],
      text: "Sounds good, let's talk Tuesday.",
    });
    // Time comes from the id (server receive time), not from the localised title.
    expect(reply.sentAt).toBe(Number(BigInt('0x18333b13345c3a43') >> 20n));
    expect(reply.aliases).toContain('18333b13345c3a43');
    expect(v.messages[0]).toMatchObject({ externalId: 'msg-a:r726552832812233575', aliases: ['18333b1721425d97'] });
  });

  it('uses data-thread-perm-id when it is real', () => {
    const doc = load('dom-2025/thread-view.html');
    doc.querySelector('h2.hP')!.setAttribute('data-thread-perm-id', 'thread-a:r-474834441621213468');
    expect(readThreadView(doc)!.threadNames).toContain('thread-a:r-474834441621213468');
  });

  it('trusts the date title over an id that does not encode a plausible time', () => {
    const doc = load('dom-2025/thread-view.html');
    const node = doc.querySelectorAll('div.adn')[1];
    node.setAttribute('data-message-id', '#msg-f:2000000000000000000' /* >> 20 = a 2030 time */);
    node.removeAttribute('data-legacy-message-id');
    const m = readThreadView(doc)!.messages[1];
    expect(m.sentAt).toBe(new Date(2022, 8, 12, 15, 1).getTime());
  });

  it('a thread whose heading has no id yet: named by the selected row, body read from div.ii.gt', () => {
    const v = readThreadView(load('dom-2026/thread-id-late.html'))!;
    expect(v.threadNames).toEqual(['18333b13345c3a42', 'thread-f:1743802434391390786']);
    expect(v.messages).toHaveLength(1);
    expect(v.messages[0]).toMatchObject({
      externalId: 'msg-f:1743802434391390787',
      from: { email: 'ana@acme.io' },
      text: "Sounds good, let's talk Tuesday.",
    });
  });

  it('parses the localised date titles', () => {
    expect(parseGmailDate('Mon, Sep 12, 2022, 2:53\u202fPM')).toBe(new Date(2022, 8, 12, 14, 53).getTime());
    expect(parseGmailDate('not a date')).toBeNull();
  });
});

describe('inbox rows and identity', () => {
  it('reads thread ids, senders and unread state of rows', () => {
    const rows = readInboxRows(load('dom-2025/inbox-rows.html'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      threadNames: ['thread-f:1743802434391390786', '18333b13345c3a42'],
      senders: [{ email: 'ana@acme.io', name: 'Ana Ruiz' }],
      unread: true,
    });
    expect(rows[1].unread).toBe(false);
  });

  it('learns the own address from the account fixture (title first, else the account button)', () => {
    const doc = new DOMParser().parseFromString(
      readFileSync(path.join(FIX, 'dom-2025/account.html'), 'utf8'),
      'text/html',
    );
    expect(readOwnEmail(doc)).toBe('me@sidelog.test');
    doc.title = 'Gmail';
    expect(readOwnEmail(doc)).toBe('me@sidelog.test');
    doc.querySelector('a.gb_A')!.remove();
    expect(readOwnEmail(doc)).toBeNull();
  });

  it('learns the own address from the title or the account button', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.title = 'Inbox (3) - Me@Sidelog.test - Gmail';
    expect(readOwnEmail(doc)).toBe('me@sidelog.test');
    doc.title = 'me@sidelog.test - Gmail';
    expect(readOwnEmail(doc)).toBe('me@sidelog.test');
    const doc2 = document.implementation.createHTMLDocument('Gmail');
    const a = doc2.createElement('a');
    a.setAttribute('href', 'https://accounts.google.com/SignOutOptions');
    a.setAttribute('aria-label', 'Google Account: Me Person  \n(me@corp.example)');
    doc2.body.append(a);
    expect(readOwnEmail(doc2)).toBe('me@corp.example');
  });
});
