// The migration pattern: open the released version with data, open the next version over it,
// check that the data survived and the upgrade ran. When schema v2 is added to lib/db/db.ts,
// this test opens a real v1 database and upgrades it with the real openDb().
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, openDb } from '@/lib/db/db';
import { T0 } from './helpers/events';

describe('database migrations', () => {
  it('v1 opens with the indexes the queries need', async () => {
    const db = openDb('mig-1');
    await db.open();
    expect(db.messages.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[direction+sentAt]', 'keys', 'prospectId', 'sentAt', 'templateId', 'threadId'].sort(),
    );
    expect(db.prospects.schema.indexes.find((i) => i.name === 'keys')?.multi).toBe(true);
    db.close();
    await db.delete();
  });

  it('data written under v1 survives an upgrade to a later version', async () => {
    const name = 'mig-2';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('messages').put({ id: 'gmail:m1', keys: ['gmail:m1'], threadId: 'gmail:t1', prospectId: 'p1', sentAt: T0, direction: 'outbound', text: 'hi' });
    v1.close();

    // A hypothetical v2 that adds an index and back-fills a field.
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2)
      .stores({ ...SCHEMA_V1, messages: SCHEMA_V1.messages + ', channel' })
      .upgrade((tx) => tx.table('messages').toCollection().modify((m) => void (m.channel ??= 'gmail')));
    await v2.open();
    const m = await v2.table('messages').get('gmail:m1');
    expect(m.text).toBe('hi');
    expect(await v2.table('messages').where('channel').equals('gmail').count()).toBe(1);
    v2.close();
    await Dexie.delete(name);
  });

  it('the current openDb() opens a database created by v1', async () => {
    const v1 = new Dexie('mig-3');
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('prospects').put({ id: 'p1', keys: ['email:a@b.co'], name: 'A' });
    v1.close();
    const db = openDb('mig-3');
    await db.open();
    expect((await db.prospects.where('keys').equals('email:a@b.co').first())?.name).toBe('A');
    db.close();
    await db.delete();
  });
});
