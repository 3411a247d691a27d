import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { personOfTab, prospectForPage } from '@/lib/prospects/page-prospect';
import { prospectRow } from './helpers/rows';
import { personKeys } from '@/lib/records/keys';
import type { PageContext } from '@/lib/messaging';
import { T0, gmailSend, settings } from './helpers/events';
import { ingestEvents } from '@/lib/ingest/ingest';

let db: SidelogDb;
beforeEach(async () => {
  db = openDb(`page-prospect-${Math.random()}`);
  await db.open();
  await ingestEvents({ db, settings: settings(), now: () => T0 }, [gmailSend({ to: [{ email: 'ada@acme.com', name: 'Ada Lovelace' }] })]);
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
    const ctx: PageContext = { channel: 'linkedin', profileUrl: 'https://www.linkedin.com/in/jane-doe-594b81205/', memberId: 'ACoAAB12345' };
    expect((await prospectForPage(db, ctx))?.name).toBe('Jane Doe');
    expect(await prospectForPage(db, { ...ctx, memberId: null })).toBeNull();
  });
});
