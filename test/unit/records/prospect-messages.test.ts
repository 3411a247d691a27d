// Where a prospect's messages are (lib/records/prospect-messages.ts): through the threads that list
// the prospect, since schema v5 keeps no index of messages by prospect; and the rule every writer
// keeps so that look-up is complete (a thread lists the prospects of its messages).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { recomputeThread } from '@/lib/db/recompute';
import { listingTheirProspects, messagesOfProspects, unlistedProspects } from '@/lib/records/prospect-messages';
import type { Thread } from '@/lib/schema/model';
import { T0 } from '../helpers/events';
import { messageRow } from '../helpers/rows';

const thread = (id: string, prospectIds: string[]): Thread => ({
  id,
  channel: 'gmail',
  externalId: id,
  prospectIds,
  subject: 'Hi',
  keys: [`gmail:t:${id}`],
  updatedAt: T0,
});

describe('the listing rule', () => {
  it('names the prospects of the messages a thread does not list, once each, in order met', () => {
    const msgs = [
      messageRow('m1', 't', { prospectId: 'a' }),
      messageRow('m2', 't', { prospectId: 'c' }),
      messageRow('m3', 't', { prospectId: null }),
      messageRow('m4', 't', { prospectId: 'c' }),
      messageRow('m5', 't', { prospectId: 'b' }),
    ];
    expect(unlistedProspects(thread('t', ['a']), msgs)).toEqual(['c', 'b']);
    expect(listingTheirProspects(thread('t', ['a']), msgs).prospectIds).toEqual(['a', 'c', 'b']);
    const full = thread('t', ['b', 'a', 'c']);
    expect(listingTheirProspects(full, msgs)).toBe(full); // nothing to add: the same object
  });
});

describe('messagesOfProspects', () => {
  let db: SidelogDb;
  let n = 0;
  beforeEach(async () => {
    db = openDb(`prospect-messages-${++n}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("finds each prospect's messages through the threads listing them, and only theirs", async () => {
    await db.threads.bulkPut([thread('t1', ['a']), thread('t2', ['a', 'b']), thread('t3', ['c'])]);
    await db.messages.bulkPut([
      messageRow('m1', 't1', { prospectId: 'a' }),
      messageRow('m2', 't2', { prospectId: 'a' }),
      messageRow('m3', 't2', { prospectId: 'b' }),
      messageRow('m4', 't2', { prospectId: null }),
      messageRow('m5', 't3', { prospectId: 'c' }),
    ]);
    const ids = async (p: string[]) => (await messagesOfProspects(db, p)).map((m) => m.id).sort();
    expect(await ids(['a'])).toEqual(['m1', 'm2']);
    expect(await ids(['b'])).toEqual(['m3']);
    expect(await ids(['a', 'c'])).toEqual(['m1', 'm2', 'm5']);
    expect(await ids(['nobody'])).toEqual([]);
    expect(await ids([])).toEqual([]);
  });

  it('a thread re-summarised by hand comes to list the prospects its messages name', async () => {
    await db.threads.put(thread('t1', []));
    await db.messages.put(messageRow('m1', 't1', { prospectId: 'a' }));
    expect(await messagesOfProspects(db, ['a'])).toEqual([]); // the rule broken: not found
    await recomputeThread(db, 't1', T0);
    expect((await db.threads.get('t1'))!.prospectIds).toEqual(['a']);
    expect((await messagesOfProspects(db, ['a'])).map((m) => m.id)).toEqual(['m1']);
  });
});
