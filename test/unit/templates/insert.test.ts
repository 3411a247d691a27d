import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { Prospect, Thread, type Template } from '@/lib/schema/model';
import { insertIntoSiteTab, insertRequestFor, NO_SITE_TAB, NOT_READY } from '@/lib/templates/insert';
import { findSiteTab, prospectForPage, type TabLike, type TabsApi } from '@/lib/prospects/page-prospect';

function tabs(active: TabLike | undefined, all: TabLike[]): TabsApi & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    query: async (q) => {
      calls.push(q);
      if (q.active && q.currentWindow) return active ? [active] : [];
      if (q.url) return all.filter((t) => q.url!.some((p) => t.url?.startsWith(p.replace('*', ''))));
      return [];
    },
  };
}

describe('findSiteTab', () => {
  it('prefers the active tab when it is Gmail or LinkedIn', async () => {
    const gm = { id: 1, url: 'https://mail.google.com/mail/u/0/#inbox', active: true };
    expect(await findSiteTab(tabs(gm, [gm]))).toBe(gm);
  });

  it('otherwise takes the most recently used site tab, active ones first', async () => {
    const panel = { id: 9, url: 'chrome-extension://abc/sidepanel.html', active: true };
    const gm = { id: 1, url: 'https://mail.google.com/mail/u/0/', lastAccessed: 100 };
    const li = { id: 2, url: 'https://www.linkedin.com/messaging/thread/1/', lastAccessed: 200 };
    const other = { id: 3, url: 'https://example.com/', lastAccessed: 999 };
    expect((await findSiteTab(tabs(panel, [gm, li, other])))?.id).toBe(2);
    expect((await findSiteTab(tabs(panel, [{ ...gm, active: true }, li])))?.id).toBe(1);
    expect(await findSiteTab(tabs(panel, [other]))).toBeNull();
  });
});

const tpl: Template = {
  id: 't1',
  name: 'Intro',
  channel: 'any',
  subject: 'About {{company|your team}}',
  body: 'Hi {{firstName|there}}, {{event}}?',
  tags: [],
  archived: false,
  version: 3,
  createdAt: 0,
  updatedAt: 0,
};

describe('insert', () => {
  it('builds the request from the prospect, reporting missing variables', () => {
    const p = Prospect.parse({
      id: 'p',
      name: 'Anna Schmidt',
      emails: [],
      linkedinUrl: null,
      company: 'Acme',
      title: null,
      seniority: null,
      industry: null,
      location: null,
      stage: 'contacted',
      dealValue: null,
      traits: {},
    });
    expect(insertRequestFor(tpl, p)).toEqual({
      subject: 'About Acme',
      body: 'Hi Anna, {{event}}?',
      templateId: 't1',
      templateVersion: 3,
      missing: ['event'],
    });
    expect(insertRequestFor(tpl, null)).toMatchObject({ subject: 'About your team', body: 'Hi there, {{event}}?' });
  });

  const req = { subject: null, body: 'x', templateId: 't1', templateVersion: 1 };

  it('says what to do when no Gmail/LinkedIn tab is open', async () => {
    const send = vi.fn();
    expect(await insertIntoSiteTab(tabs(undefined, []), send, () => req)).toEqual({ ok: false, reason: NO_SITE_TAB });
    expect(send).not.toHaveBeenCalled();
  });

  it('passes the content script answer through, and explains a tab without it', async () => {
    const li = { id: 5, url: 'https://www.linkedin.com/messaging/', active: true };
    const ok = vi.fn(async () => ({ ok: true }));
    expect(await insertIntoSiteTab(tabs(li, [li]), ok, (tab) => ({ ...req, body: `for tab ${tab.id}` }))).toEqual({
      ok: true,
      site: 'linkedin',
    });
    expect(ok).toHaveBeenCalledWith({ ...req, body: 'for tab 5' }, 5);
    const noBox = async () => ({ ok: false, reason: 'Click into a message box first.' });
    expect(await insertIntoSiteTab(tabs(li, [li]), noBox, () => req)).toEqual({
      ok: false,
      reason: 'Click into a message box first.',
      site: 'linkedin',
    });
    const dead = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await insertIntoSiteTab(tabs(li, [li]), dead, async () => req)).toEqual({
      ok: false,
      reason: NOT_READY,
      site: 'linkedin',
    });
  });
});

describe('prospectForPage', () => {
  let db: SidelogDb;
  let n = 0;
  beforeEach(async () => {
    db = openDb(`templates-insert-${n++}`);
    const base = {
      linkedinUrl: null,
      company: null,
      title: null,
      seniority: null,
      industry: null,
      location: null,
      stage: 'contacted',
      dealValue: null,
      traits: {},
    };
    await db.prospects.bulkPut([
      Prospect.parse({ ...base, id: 'a', name: 'Anna', emails: ['anna@acme.test'], keys: ['email:anna@acme.test'] }),
      Prospect.parse({
        ...base,
        id: 'b',
        name: 'Ben',
        emails: [],
        linkedinUrl: 'https://www.linkedin.com/in/ben-k/',
        keys: ['li:ben-k'],
      }),
      Prospect.parse({ ...base, id: 'c', name: 'Cleo', emails: [], keys: [] }),
    ]);
    await db.threads.put(
      Thread.parse({
        id: 'th',
        channel: 'linkedin',
        externalId: 'X1',
        prospectIds: ['c'],
        subject: null,
        keys: ['linkedin:t:X1'],
      }),
    );
  });
  afterEach(() => db.close());

  it('finds by email, by profile URL, then by the open thread', async () => {
    expect((await prospectForPage(db, { channel: 'gmail', emails: ['Anna@Acme.test'] }))?.id).toBe('a');
    expect(
      (
        await prospectForPage(db, {
          channel: 'linkedin',
          profileUrl: 'https://www.linkedin.com/in/ben-k/?miniProfile=1',
        })
      )?.id,
    ).toBe('b');
    expect((await prospectForPage(db, { channel: 'linkedin', threadExternalId: 'X1' }))?.id).toBe('c');
    expect(await prospectForPage(db, { channel: 'gmail', emails: ['nobody@x.test'] })).toBeNull();
    expect(await prospectForPage(db, null)).toBeNull();
  });
});
