import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import {
  onPageChange,
  pageProspect,
  personOfTab,
  prospectForPage,
  type PageTabsApi,
  type TabLike,
  type TabEvents,
} from '@/lib/prospects/page-prospect';
import { prospectRow } from '../helpers/rows';
import { personKeys } from '@/lib/records/keys';
import type { PageContext } from '@/lib/messaging';
import { T0, gmailSend, settings } from '../helpers/events';
import { ingestEvents } from '@/lib/ingest/ingest';

let db: SidelogDb;
beforeEach(async () => {
  db = openDb(`page-prospect-${Math.random()}`);
  await db.open();
  await ingestEvents({ db, settings: settings(), now: () => T0 }, [
    gmailSend({ to: [{ email: 'ada@acme.com', name: 'Ada Lovelace' }] }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('personOfTab (who an insert is for)', () => {
  const ask = (ctx: PageContext | null) => async () => ctx;
  it('is the known prospect when the page names one', async () => {
    const p = await personOfTab(db, 1, ask({ channel: 'gmail', emails: ['ADA@acme.com'] }));
    expect(p?.name).toBe('Ada Lovelace');
  });
  it('falls back to the name the page shows for someone not known yet', async () => {
    const p = await personOfTab(db, 1, ask({ channel: 'linkedin', threadExternalId: 'new-conv', name: ' Jane Doe ' }));
    expect(p).toEqual({ name: 'Jane Doe', company: null, title: null });
  });
  it('is nobody when the tab does not answer in time', async () => {
    const never = () => new Promise<PageContext | null>(() => {});
    expect(await personOfTab(db, 1, never, 20)).toBeNull();
  });
});

describe('prospectForPage (who the tab shows)', () => {
  it('finds a LinkedIn prospect known by member id from a profile page under its public URL', async () => {
    // Messaging names people by member id (and /in/ACoA… URLs); their profile page has the public id.
    await db.prospects.put(prospectRow('p-jane', { name: 'Jane Doe', keys: personKeys({ memberId: 'ACoAAB12345' }) }));
    const ctx: PageContext = {
      channel: 'linkedin',
      profileUrl: 'https://www.linkedin.com/in/jane-doe-594b81205/',
      memberId: 'ACoAAB12345',
    };
    expect((await prospectForPage(db, ctx))?.name).toBe('Jane Doe');
    expect(await prospectForPage(db, { ...ctx, memberId: null })).toBeNull();
  });
});

describe('pageProspect (who is on "the current tab")', () => {
  const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcg';
  const ada: PageContext = { channel: 'gmail', emails: ['ada@acme.com'] };
  /** Tabs as tabs.query answers; `self` is the panel's own tab when it is opened as a tab. */
  function tabs(list: TabLike[], self?: TabLike): PageTabsApi {
    return {
      getCurrent: async () => self,
      query: async (q) =>
        q.active
          ? list.filter((t) => t.active).slice(0, 1)
          : list.filter((t) => q.url?.some((u) => t.url?.startsWith(u.replace('*', ''))) ?? true),
    };
  }
  const askAda = (tabId: number) => async (id: number) => (id === tabId ? ada : null);

  it('side panel: the active tab is Gmail, so both scopes name its person and the panel may follow', async () => {
    const t = tabs([{ id: 1, url: GMAIL, active: true }]);
    for (const scope of ['panel', 'insert'] as const) {
      const found = await pageProspect(db, t, askAda(1), scope);
      expect(found).toMatchObject({ prospect: { name: 'Ada Lovelace' }, site: 'gmail', follow: true });
    }
  });

  it('side panel on another site: "panel" is nobody, "insert" is the Gmail tab Insert would fill', async () => {
    const t = tabs([
      { id: 1, url: 'https://example.com/', active: true },
      { id: 2, url: GMAIL, active: false, lastAccessed: 5 },
    ]);
    expect(await pageProspect(db, t, askAda(2), 'panel')).toBeNull();
    expect((await pageProspect(db, t, askAda(2), 'insert'))?.prospect.name).toBe('Ada Lovelace');
  });

  it('the panel opened as a tab of its own offers the person of the site tab used last, without following', async () => {
    const t = tabs(
      [
        { id: 9, url: 'chrome-extension://x/sidepanel.html', active: true },
        { id: 3, url: GMAIL, lastAccessed: 1 },
        { id: 4, url: 'https://www.linkedin.com/in/someone/', lastAccessed: 7 },
      ],
      { id: 9 },
    );
    const ask = vi.fn(async (id: number) => (id === 3 ? ada : null));
    expect(await pageProspect(db, t, ask, 'panel')).toBeNull(); // LinkedIn (used last) shows nobody known
    expect(ask).toHaveBeenCalledWith(4);
    const t2 = tabs(
      [
        { id: 9, url: 'chrome-extension://x/sidepanel.html', active: true },
        { id: 3, url: GMAIL, lastAccessed: 1 },
      ],
      { id: 9 },
    );
    expect(await pageProspect(db, t2, ask, 'panel')).toMatchObject({
      prospect: { name: 'Ada Lovelace' },
      site: 'gmail',
      follow: false,
    });
  });

  it('is nobody when anything fails: tabs unreadable, no answer in time', async () => {
    const broken: PageTabsApi = { query: async () => Promise.reject(new Error('no tabs')) };
    expect(await pageProspect(db, broken, askAda(1), 'panel')).toBeNull();
    const never = () => new Promise<PageContext | null>(() => {});
    expect(await pageProspect(db, tabs([{ id: 1, url: GMAIL, active: true }]), never, 'panel', 20)).toBeNull();
  });
});

describe('onPageChange', () => {
  it('fires when a tab is activated, navigates or finishes loading; not on other updates; stops when unsubscribed', () => {
    const listeners = {
      activated: new Set<() => void>(),
      updated: new Set<(id: number, info: { status?: string; url?: string }) => void>(),
    };
    const events: TabEvents = {
      onActivated: {
        addListener: (f) => listeners.activated.add(f),
        removeListener: (f) => listeners.activated.delete(f),
      },
      onUpdated: { addListener: (f) => listeners.updated.add(f), removeListener: (f) => listeners.updated.delete(f) },
    };
    const onChange = vi.fn();
    const off = onPageChange(events, onChange);
    listeners.activated.forEach((f) => f());
    listeners.updated.forEach((f) => f(1, { status: 'loading' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    listeners.updated.forEach((f) => f(1, { url: 'https://www.linkedin.com/in/x/' }));
    listeners.updated.forEach((f) => f(1, { status: 'complete' }));
    expect(onChange).toHaveBeenCalledTimes(3);
    off();
    expect(listeners.activated.size + listeners.updated.size).toBe(0);
    expect(onPageChange(undefined, onChange)).toBeTypeOf('function'); // no tabs API (a popup in tests): nothing to follow
  });
});
