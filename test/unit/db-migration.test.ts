// The migration pattern: open the released version with data, open the next version over it,
// check that the data survived and the upgrade ran. Each real schema version has a test here that
// opens a database written by the version before it and upgrades it with the real openDb().
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UPGRADE_KEY } from '@/lib/storage/keys';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, openDb } from '@/lib/db/db';
import { changesSince, currentRev, revisionMiddleware } from '@/lib/db/revision';
import { summarizeThread } from '@/lib/records/summary';
import { messagesOfProspects } from '@/lib/records/prospect-messages';
import { loadTimeline } from '@/lib/insights/prospects';
import { decodeProspects } from '@/lib/analytics/facts';
import { loadFacts } from '@/lib/insights/facts-store';
import type { Thread } from '@/lib/schema/model';
import { sisimai } from './helpers/corpus';
import { T0 } from './helpers/events';
import { messageRow, prospectRow } from './helpers/rows';

const msg = messageRow;

const thread = (id: string, summary?: unknown): Thread =>
  ({
    id,
    channel: 'gmail',
    externalId: id,
    prospectIds: ['p1'],
    subject: 'Hi',
    keys: [`gmail:t:${id}`],
    updatedAt: T0,
    ...(summary ? { summary } : {}),
  }) as Thread;

/** A summary as v1 wrote it: without the fields added since. */
const v1Summary = (over: Record<string, unknown> = {}) => {
  const { sends: _sends, ...old } = summarizeThread([]) as unknown as Record<string, unknown>;
  return { ...old, ...over };
};

describe('database migrations', () => {
  it('the current schema has the indexes the queries need', async () => {
    const db = openDb('mig-1');
    await db.open();
    expect(db.verno).toBe(5);
    // v2 dropped [direction+sentAt] and templateId: nothing queries them since the facts. v5
    // dropped prospectId (a prospect's messages are found through their threads) and sentAt.
    expect(db.messages.schema.indexes.map((i) => i.name).sort()).toEqual(['keys', 'threadId']);
    expect(db.prospects.schema.indexes.find((i) => i.name === 'keys')?.multi).toBe(true);
    expect(db.threads.schema.indexes.map((i) => i.name).sort()).toEqual(['keys', 'prospectIds', 'rev'].sort());
    expect(db.prospects.schema.indexes.map((i) => i.name)).toContain('rev');
    // v3: prospects by company keys, companies by keys, the merge log by time.
    expect(db.prospects.schema.indexes.find((i) => i.name === 'companyKeys')?.multi).toBe(true);
    expect(db.companies.schema.indexes.find((i) => i.name === 'keys')?.multi).toBe(true);
    expect(db.merges.schema.indexes.map((i) => i.name).sort()).toEqual(['at', 'keptId', 'mergedId']);
    db.close();
    await db.delete();
  });

  it('v1 → v2: summaries recomputed from the messages, every thread gets a rev; prospects are left as they were', async () => {
    const name = 'mig-v2';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const messages = [
      // t1: a send, a human reply, a logged call.
      msg('m1', 't1', { sentAt: T0, templateId: 'tpl', templateVersion: 2 }),
      msg('m2', 't1', { direction: 'inbound', sentAt: T0 + 3_600_000, from: 'ada@acme.com', to: ['me@seller.io'] }),
      msg('m3', 't1', { kind: 'call', sentAt: T0 + 7_200_000, callOutcome: 'connected' }),
      // t2: two sends, and its stored summary is wrong.
      msg('m4', 't2', { sentAt: T0 }),
      msg('m5', 't2', { sentAt: T0 + 86_400_000 }),
      // A message whose thread row is missing: ignored.
      msg('m6', 'orphan'),
    ];
    await v1.table('messages').bulkPut(messages);
    await v1.table('threads').bulkPut([
      thread('t1', v1Summary({ outboundCount: 1, inboundCount: 1, firstReplyAt: T0 + 3_600_000 })),
      thread('t2', v1Summary({ outboundCount: 7, bounced: true })),
      thread('t3'), // no summary, no messages
    ]);
    await v1.table('prospects').bulkPut([
      { id: 'p1', keys: ['email:ada@acme.com'], name: 'Ada' },
      { id: 'p2', keys: ['email:bob@acme.com'], name: 'Bob' },
    ]);
    await v1.table('meta').put({ key: 'ingest:stats', value: { accepted: 6 } });
    v1.close();

    const db = openDb(name);
    await db.open();
    const threads = await db.threads.orderBy('id').toArray();
    const prospects = await db.prospects.toArray();
    expect(threads.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    // (The v4 step after it judges the inbound messages: summaries of the messages as stored.)
    const stored = await db.messages.toArray();
    for (const t of threads) {
      expect(t.summary).toEqual(summarizeThread(stored.filter((m) => m.threadId === t.id)));
      expect(t.updatedAt).toBe(T0); // only derived fields change
    }
    expect(threads[1].summary?.outboundCount).toBe(2);
    expect(threads[1].summary?.bounced).toBe(false);
    expect(prospects.map((p) => p.name).sort()).toEqual(['Ada', 'Bob']);

    const revs = threads.map((r) => r.rev);
    for (const r of revs) expect(r).toBeGreaterThan(0);
    expect(new Set(revs).size).toBe(revs.length);
    expect(await currentRev(db)).toBeGreaterThanOrEqual(Math.max(...(revs as number[])));
    expect(await db.threads.where('rev').above(0).count()).toBe(3);
    // Prospects keep their rows (no rewrite of 20k rows at upgrade); the first facts read them all.
    for (const p of prospects) expect(p.rev).toBeUndefined();
    const facts = await loadFacts(db, { save: 'never' });
    expect(facts.how).toBe('rebuilt');
    expect(
      decodeProspects(facts.facts)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Ada', 'Bob']);
    // …and a prospect written after the upgrade is a change like any other.
    await db.prospects.update('p1', { name: 'Ada L.' });
    const ch = await changesSince(db, facts.rev);
    expect(ch !== 'stale' && ch.prospects.map((p) => p.name)).toEqual(['Ada L.']);
    // Untouched: messages and other meta.
    expect(await db.messages.count()).toBe(6);
    expect((await db.meta.get('ingest:stats'))?.value).toEqual({ accepted: 6 });

    // Writes after the upgrade continue the counter.
    const before = await currentRev(db);
    await db.threads.update('t3', { subject: 'later' });
    expect((await db.threads.get('t3'))?.rev).toBe(before + 1);
    db.close();
    await db.delete();
  });

  it('an upgrade announces itself in extension storage while it runs, and clears the notice when done', async () => {
    const name = 'mig-notice';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('threads').put(thread('t1'));
    v1.close();
    const seen: unknown[] = [];
    const listener = (ch: Record<string, { newValue?: unknown }>) => {
      if (UPGRADE_KEY in ch) seen.push(ch[UPGRADE_KEY].newValue ?? null);
    };
    fakeBrowser.storage.onChanged.addListener(listener);
    const db = openDb(name);
    await db.open();
    // v1 → v2 → v3 → v5: each step that works announces itself (v4's judging runs in v5's step);
    // the notice goes once the database is open. The v5 step reports how far it is (the same
    // notice with `progress`).
    await vi.waitFor(() => expect(seen.at(-1)).toBeNull());
    const progress = seen.filter((n) => (n as { progress?: number } | null)?.progress !== undefined);
    expect(progress.every((n) => (n as { toVersion: number }).toVersion === 5)).toBe(true);
    seen.splice(0, seen.length, ...seen.filter((n) => !progress.includes(n)));
    expect(seen).toHaveLength(4);
    expect(seen[0]).toMatchObject({ toVersion: 2, startedAt: expect.any(Number) });
    expect(seen[1]).toMatchObject({ toVersion: 3, startedAt: expect.any(Number) });
    expect(seen[2]).toMatchObject({ toVersion: 5, startedAt: expect.any(Number) });
    expect(seen[3]).toBeNull(); // removed once the upgraded database is open
    expect((await fakeBrowser.storage.local.get(UPGRADE_KEY))[UPGRADE_KEY]).toBeUndefined();
    db.close();
    // A new database is created, not upgraded: no notice.
    seen.length = 0;
    const fresh = openDb('mig-notice-new');
    await fresh.open();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    fakeBrowser.storage.onChanged.removeListener(listener);
    fresh.close();
    await Promise.all([db.delete(), fresh.delete()]);
  });

  it('v1 → v2 reads messages per range of threads: every thread of a large database is summarised', async () => {
    const name = 'mig-v2-large';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const T = 4_500; // more than two upgrade chunks
    const threads = Array.from({ length: T }, (_, i) => thread(`gmail:t-${i}`));
    const messages = threads.flatMap((t, i) =>
      Array.from({ length: 1 + (i % 3) }, (_, j) =>
        msg(`${t.id}/m${j}`, t.id, { sentAt: T0 + j, direction: j === 1 ? 'inbound' : 'outbound' }),
      ),
    );
    await v1.table('threads').bulkPut(threads);
    await v1.table('messages').bulkPut(messages);
    v1.close();

    const db = openDb(name);
    await db.open();
    const after = await db.threads.toArray();
    expect(after).toHaveLength(T);
    const counts = new Map<string, number>();
    for (const m of messages) counts.set(m.threadId, (counts.get(m.threadId) ?? 0) + 1);
    for (const t of after)
      expect((t.summary?.outboundCount ?? 0) + (t.summary?.inboundCount ?? 0)).toBe(counts.get(t.id));
    expect(new Set(after.map((t) => t.rev)).size).toBe(T);
    // v2 wrote every thread once; v4 rewrote those whose inbound message it judged.
    expect(await currentRev(db)).toBe(T + after.filter((t) => (t.summary?.inboundCount ?? 0) > 0).length);
    db.close();
    await db.delete();
  }, 60_000); // correctness on a large database, not speed: a loaded machine must not fail it

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

  it('a later version that adds an index and rewrites rows keeps the data and stamps revs', async () => {
    const name = 'mig-next';
    const db = openDb(name);
    await db.open();
    await db.messages.put(msg('gmail:m1', 'gmail:t1'));
    await db.threads.put(thread('gmail:t1'));
    const rev = await currentRev(db);
    db.close();

    // A hypothetical v6 over the real v5: the pattern a real one follows (in openDb()).
    const v3 = new Dexie(name);
    v3.use(revisionMiddleware);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    v3.version(4).stores(SCHEMA_V4);
    v3.version(5).stores(SCHEMA_V5);
    v3.version(6)
      .stores({ ...SCHEMA_V5, messages: SCHEMA_V5.messages + ', channel' })
      .upgrade(async (tx) => {
        await tx
          .table('messages')
          .toCollection()
          .modify((m) => void (m.channel ??= 'gmail'));
        await tx
          .table('threads')
          .toCollection()
          .modify((t) => void (t.subject = 'rewritten'));
      });
    await v3.open();
    const m = await v3.table('messages').get('gmail:m1');
    expect(m.text).toBe('hi');
    expect(await v3.table('messages').where('channel').equals('gmail').count()).toBe(1);
    // Upgrade transactions go through the revision middleware too.
    expect((await v3.table('threads').get('gmail:t1')).rev).toBe(rev + 1);
    expect((await v3.table('meta').get('rev')).value).toBe(rev + 1);
    v3.close();
    await Dexie.delete(name);
  });

  it('v2 → v3: records the stored keys prove to be one person are merged (logged), invitation notes stored twice are folded', async () => {
    const name = 'mig-v3';
    const v2 = new Dexie(name);
    v2.use(revisionMiddleware);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const MID = 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q';
    const MID2 = 'ACoAABbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const p = (id: string, over: Record<string, unknown>) => prospectRow(id, { createdAt: T0, updatedAt: T0, ...over });
    const li = (id: string, threadId: string, prospectId: string, over: Record<string, unknown> = {}) =>
      msg(id, threadId, {
        channel: 'linkedin',
        kind: 'linkedin-message',
        prospectId,
        keys: [`linkedin:${id}`],
        ...over,
      });
    const lthread = (id: string, prospectIds: string[], keys: string[]): Thread => ({
      id,
      channel: 'linkedin',
      externalId: id,
      prospectIds,
      subject: null,
      keys,
      updatedAt: T0,
    });
    await v2.table('prospects').bulkPut([
      // 1. Messaged (member id), and the same person stored by an older build under a lower-cased fake slug with the traits.
      p(`p:lim:${MID}`, { name: 'Pei Wu', keys: [`lim:${MID}`], linkedinMemberId: MID, stage: 'replied' }),
      p(`p:li:${MID.toLowerCase()}`, {
        name: 'Pei Wu',
        keys: [`li:${MID.toLowerCase()}`],
        linkedinUrl: `https://www.linkedin.com/in/${MID.toLowerCase()}/`,
        title: 'Physician Assistant',
        company: 'Clinic',
        createdAt: T0 + 5,
      }),
      // 2. Visited (slug, traits) and messaged (member id): an invitation thread named both ways proves it.
      p('p:li:ana-garcia-1', {
        name: 'Ana García',
        keys: ['li:ana-garcia-1'],
        linkedinUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
        title: 'Directora de Marketing',
        seniority: 'director',
        dealValue: 900,
      }),
      p(`p:lim:${MID2}`, {
        name: 'Ana García',
        keys: [`lim:${MID2}`],
        linkedinMemberId: MID2,
        notes: 'from chat',
        createdAt: T0 + 9,
      }),
      // 3. An import left two records sharing an email.
      p('p:email:bo@x.io', { name: 'bo', emails: ['bo@x.io'], keys: ['email:bo@x.io'] }),
      p('imported-bo', {
        name: 'Bo Berg',
        emails: ['bo@x.io'],
        keys: ['email:bo@x.io', 'li:bo-berg'],
        linkedinUrl: 'https://www.linkedin.com/in/bo-berg/',
        createdAt: T0 + 1,
      }),
      // 4. Nobody else.
      p('p:email:solo@y.io', { name: 'Solo', emails: ['solo@y.io'], keys: ['email:solo@y.io'] }),
    ]);
    const note = 'Hola Ana, ¿conectamos?';
    const messages = [
      li('m1', 'linkedin:2-pei', `p:lim:${MID}`, { sentAt: T0 }),
      li('m2', 'linkedin:2-pei', `p:lim:${MID}`, { direction: 'inbound', sentAt: T0 + 60_000 }),
      // Ana: the invitation (by slug), then its note again as the conversation's first message (by member id).
      li('inv', 'linkedin:invite:li:ana-garcia-1', 'p:li:ana-garcia-1', {
        kind: 'linkedin-invite',
        text: note,
        sentAt: T0,
        templateId: 'tpl',
        templateVersion: 1,
        templateSource: 'inserted',
        keys: ['linkedin:inv'],
      }),
      li('echo', 'linkedin:2-ana', `p:lim:${MID2}`, { text: note, sentAt: T0 + 86_400_000, keys: ['linkedin:2-echo'] }),
      li('reply', 'linkedin:2-ana', `p:lim:${MID2}`, {
        direction: 'inbound',
        text: 'Gracias',
        sentAt: T0 + 90_000_000,
      }),
      msg('g1', 'gmail:t-bo', { prospectId: 'imported-bo' }),
    ];
    await v2.table('messages').bulkPut(messages);
    await v2
      .table('threads')
      .bulkPut(
        [
          lthread('linkedin:2-pei', [`p:lim:${MID}`], ['linkedin:t:2-pei']),
          lthread(
            'linkedin:invite:li:ana-garcia-1',
            ['p:li:ana-garcia-1'],
            ['linkedin:t:invite:li:ana-garcia-1', `linkedin:t:invite:lim:${MID2}`],
          ),
          lthread('linkedin:2-ana', [`p:lim:${MID2}`], ['linkedin:t:2-ana', `linkedin:t:with:${MID2}`]),
          { ...thread('gmail:t-bo'), prospectIds: ['imported-bo'] },
        ].map((t) => ({ ...t, summary: summarizeThread(messages.filter((m) => m.threadId === t.id)) })),
      );
    v2.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const prospects = await db.prospects.orderBy('id').toArray();
    expect(prospects.map((x) => x.id).sort()).toEqual(
      [`p:lim:${MID}`, 'p:email:bo@x.io', 'p:email:solo@y.io', 'p:li:ana-garcia-1'].sort(),
    );
    const byId = Object.fromEntries(prospects.map((x) => [x.id, x]));
    // 1. The fake slug is gone from the keys and the URL; traits and stage are together.
    expect(byId[`p:lim:${MID}`]).toMatchObject({
      title: 'Physician Assistant',
      company: 'Clinic',
      stage: 'replied',
      linkedinUrl: null,
      linkedinMemberId: MID,
    });
    expect(byId[`p:lim:${MID}`].keys).toEqual([`lim:${MID}`]);
    // 2. Ana is one record, with both ids, the deal value and the notes.
    expect(byId['p:li:ana-garcia-1']).toMatchObject({
      title: 'Directora de Marketing',
      dealValue: 900,
      notes: 'from chat',
      linkedinMemberId: MID2,
    });
    expect(byId['p:li:ana-garcia-1'].keys.sort()).toEqual(['li:ana-garcia-1', `lim:${MID2}`]);
    // 3. Bo.
    expect(byId['p:email:bo@x.io']).toMatchObject({
      name: 'Bo Berg',
      linkedinUrl: 'https://www.linkedin.com/in/bo-berg/',
    });
    expect((await db.messages.get('g1'))!.prospectId).toBe('p:email:bo@x.io');
    // Every fold is in the log, with its evidence.
    const log = await db.merges.toArray();
    expect(log.map((l) => [l.keptId, l.mergedId, l.reason]).sort()).toEqual(
      [
        [`p:lim:${MID}`, `p:li:${MID.toLowerCase()}`, 'upgrade'],
        ['p:email:bo@x.io', 'imported-bo', 'upgrade'],
        ['p:li:ana-garcia-1', `p:lim:${MID2}`, 'upgrade'],
      ].sort(),
    );
    expect(log.find((l) => l.keptId === 'p:li:ana-garcia-1')!.evidence).toEqual(
      expect.arrayContaining([`invite:ana-garcia-1=${MID2}`]),
    );
    // The invitation's note, stored twice, is one outbound message: the invitation, in the conversation.
    const msgs = await db.messages.toArray();
    expect(msgs.map((m) => m.id).sort()).toEqual(['g1', 'inv', 'm1', 'm2', 'reply']);
    expect(await db.messages.get('inv')).toMatchObject({
      kind: 'linkedin-invite',
      threadId: 'linkedin:2-ana',
      prospectId: 'p:li:ana-garcia-1',
      sentAt: T0,
    });
    expect((await db.messages.get('inv'))!.keys).toEqual(expect.arrayContaining(['linkedin:inv', 'linkedin:2-echo']));
    expect(await db.threads.get('linkedin:invite:li:ana-garcia-1')).toBeUndefined();
    const conv = (await db.threads.get('linkedin:2-ana'))!;
    expect(conv.keys).toEqual(expect.arrayContaining(['linkedin:t:2-ana', 'linkedin:t:invite:li:ana-garcia-1']));
    expect(conv.prospectIds).toEqual(['p:li:ana-garcia-1']);
    expect(conv.summary).toMatchObject({
      outboundCount: 1,
      inboundCount: 1,
      firstTemplateId: 'tpl',
      firstReplyAt: T0 + 90_000_000,
    });
    // The numbers: four people, Ana's thread one unit with a reply.
    const facts = await loadFacts(db, { save: 'never' });
    expect(decodeProspects(facts.facts)).toHaveLength(4);
    expect(facts.facts.threads.n).toBe(3);
    db.close();
    await db.delete();
  });

  it('v3 → v4: stored inbound mail judged again (class, rule, failed recipients, intent); summaries of changed threads follow; a manual decision is kept', async () => {
    const name = 'mig-v4';
    const v3 = new Dexie(name);
    v3.use(revisionMiddleware);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const H = 3_600_000;
    // Real mail from the public corpus (test/fixtures/mail): a carrier bounce (au by KDDI), a
    // Gmail delay warning, an RFC 3834 vacation reply.
    const bounce = sisimai('maildir/bsd/lhost-ezweb-07.eml');
    const delay = sisimai('maildir/bsd/rfc3464-55.eml');
    const away = sisimai('maildir/bsd/rfc3834-01.eml');
    const inbound = (
      id: string,
      threadId: string,
      m: { fromEmail: string | null; fromName?: string | null; subject: string | null; text: string },
      over: Record<string, unknown> = {},
    ) =>
      msg(id, threadId, {
        direction: 'inbound',
        from: m.fromName ? `${m.fromName} <${m.fromEmail}>` : (m.fromEmail ?? ''),
        to: ['me@seller.io'],
        subject: m.subject,
        text: m.text,
        sentAt: T0 + 5 * H,
        ...over,
      });
    const messages = [
      // t1: a reply whose subject repeats the user's own ("Parental leave policy"), interested.
      msg('o1', 't1', { subject: 'Parental leave policy', to: ['Ada <ada@acme.com>'] }),
      inbound('i1', 't1', {
        fromEmail: 'ada@acme.com',
        fromName: 'Ada',
        subject: 'Re: Parental leave policy',
        text: 'Good timing, we are rewriting ours. Could we talk on Tuesday at 10?\n\nAda',
      }),
      // t2: to two people; the carrier bounce names one of them (stored as a whole-thread bounce in v3).
      msg('o2', 't2', { to: ['Kenji <this-local-part-does-not-exist@ezweb.ne.jp>', 'Bob <bob@acme.com>'] }),
      inbound('i2', 't2', bounce, { classification: 'bounce' }),
      // t3: a delay warning, which the v3 wrapper stored as a bounce.
      msg('o3', 't3', { to: ['sotoneko@nora.nyaan.jp'] }),
      inbound('i3', 't3', delay, { classification: 'bounce' }),
      // t4: a vacation reply stored as a person's.
      msg('o4', 't4', { to: [`${away.fromEmail}`] }),
      inbound('i4', 't4', away),
      // t5: the same vacation text, but the user said by hand it is a person saying "later".
      msg('o5', 't5', { to: [`${away.fromEmail}`] }),
      inbound('i5', 't5', away, {
        classificationSource: 'manual',
        classificationRule: 'auto:ooo-text',
        intent: 'later',
        intentSource: 'manual',
        intentRule: 'other',
      }),
      // t6: nothing inbound.
      msg('o6', 't6'),
    ];
    await v3.table('messages').bulkPut(messages);
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    await v3.table('threads').bulkPut(
      ids.map((id) => ({
        ...thread(id, summarizeThread(messages.filter((m) => m.threadId === id))),
        subject: id === 't1' ? 'Parental leave policy' : 'Hi',
        prospectIds: id === 't2' ? ['kenji', 'bob'] : ['p1'],
      })),
    );
    const revBefore = Object.fromEntries((await v3.table('threads').toArray()).map((t) => [t.id, t.rev]));
    // v3's summaries: t2 and t3 bounced as a whole, t4 "replied" by a vacation notice.
    expect((await v3.table('threads').get('t2')).summary.bounced).toBe(true);
    expect((await v3.table('threads').get('t4')).summary.firstReplyAt).not.toBeNull();
    v3.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const m = Object.fromEntries((await db.messages.toArray()).map((x) => [x.id, x]));
    expect(m.i1).toMatchObject({
      classification: 'human',
      classificationRule: 'human',
      classificationSource: 'detected',
      intent: 'interested',
      intentSource: 'detected',
      referral: null,
    });
    expect(m.i2).toMatchObject({
      classification: 'bounce',
      classificationRule: 'bounce:sender',
      failedRecipients: ['this-local-part-does-not-exist@ezweb.ne.jp'],
      intent: null,
    });
    expect(m.i3).toMatchObject({
      classification: 'delay',
      classificationSource: 'detected',
      failedRecipients: ['sotoneko@nora.nyaan.jp'],
    });
    expect(m.i4).toMatchObject({ classification: 'auto-reply', classificationRule: 'auto:ooo-text', intent: null });
    // The user's word stands.
    expect(m.i5).toMatchObject({
      classification: 'human',
      classificationSource: 'manual',
      intent: 'later',
      intentSource: 'manual',
    });
    // Outbound messages are not touched.
    expect(m.o1).toEqual(messages[0]);

    const t = Object.fromEntries((await db.threads.toArray()).map((x) => [x.id, x]));
    for (const id of ids)
      expect(t[id].summary).toEqual(summarizeThread(Object.values(m).filter((x) => x.threadId === id)));
    expect(t.t1.summary).toMatchObject({ firstReplyIntent: 'interested', firstPositiveAt: T0 + 5 * H });
    // The same pass lists the prospects of each thread's messages (v5): t2's name p1.
    expect(t.t2.prospectIds).toEqual(['kenji', 'bob', 'p1']);
    // One of two recipients bounced: the thread stays (for Bob); Kenji's address is named.
    expect(t.t2.summary).toMatchObject({
      bounced: false,
      bouncedRecipients: ['this-local-part-does-not-exist@ezweb.ne.jp'],
    });
    expect(t.t3.summary).toMatchObject({ bounced: false, delayed: true });
    expect(t.t4.summary).toMatchObject({ firstReplyAt: null, autoReplyCount: 1 });
    expect(t.t5.summary?.firstReplyAt).toBe(T0 + 5 * H);
    // Threads whose summary did not change keep their revision; the others moved.
    expect(t.t6.rev).toBe(revBefore.t6);
    expect(t.t5.rev).toBe(revBefore.t5);
    for (const id of ['t1', 't2', 't3', 't4']) expect(t[id].rev).toBeGreaterThan(revBefore[id]);
    db.close();
    await db.delete();
  });

  it('v3 → v4 on a larger database: every inbound message of every thread is judged', async () => {
    const name = 'mig-v4-large';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const T = 3_000;
    const messages = Array.from({ length: T }, (_, i) => [
      msg(`o${i}`, `t${i}`),
      msg(`i${i}`, `t${i}`, {
        direction: 'inbound',
        from: 'ada@acme.com',
        to: ['me@seller.io'],
        text: i % 2 ? 'Sounds good, send me a calendar link.' : 'Not interested, thanks.',
        sentAt: T0 + 1,
      }),
    ]).flat();
    await v3.table('messages').bulkPut(messages);
    await v3
      .table('threads')
      .bulkPut(Array.from({ length: T }, (_, i) => thread(`t${i}`, summarizeThread(messages.slice(2 * i, 2 * i + 2)))));
    v3.close();
    // The "upgrading" notice every waiting page shows hears how far the step is.
    const shares: number[] = [];
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      const p = (changes[UPGRADE_KEY]?.newValue as { progress?: number } | undefined)?.progress;
      if (p !== undefined) shares.push(p);
    };
    fakeBrowser.storage.onChanged.addListener(onChanged);
    const db = openDb(name);
    await db.open();
    await vi.waitFor(() => expect(shares.at(-1)).toBe(1));
    fakeBrowser.storage.onChanged.removeListener(onChanged);
    expect(shares.length).toBeGreaterThanOrEqual(4);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    const judged = await db.messages
      .filter((x) => x.direction === 'inbound' && x.classificationSource === 'detected')
      .toArray();
    expect(judged).toHaveLength(T);
    expect(judged.filter((x) => x.intent === 'interested')).toHaveLength(T / 2);
    expect(judged.filter((x) => x.intent === 'not-interested')).toHaveLength(T / 2);
    expect((await db.threads.toArray()).filter((x) => x.summary?.firstPositiveAt === T0 + 1)).toHaveLength(T / 2);
    db.close();
    await db.delete();
  }, 60_000); // correctness on a large database, not speed: a loaded machine must not fail it

  it('v4 → v5: two message indexes go; every thread lists the prospects of its messages; mail judged at v4 is not judged again', async () => {
    const name = 'mig-v5';
    const v4 = new Dexie(name);
    v4.use(revisionMiddleware);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const away = sisimai('maildir/bsd/rfc3834-01.eml');
    const messages = [
      // t1 keeps the rule: its thread lists p1.
      msg('o1', 't1'),
      // t2 (a file from another tool, imported before v5) lists nobody; its message names p2.
      msg('o2', 't2', { prospectId: 'p2' }),
      // t3 lists p1; a later message in it names p3. The vacation reply as v4 stored it: the
      // rules today would call it automatic, but v4 judged it already and v5 must not again.
      msg('o3', 't3'),
      msg('i3', 't3', {
        prospectId: 'p3',
        direction: 'inbound',
        from: away.fromEmail!,
        subject: away.subject,
        text: away.text,
        sentAt: T0 + 1,
        classification: 'human',
        classificationRule: 'human',
        classificationSource: 'detected',
      }),
    ];
    await v4.table('messages').bulkPut(messages);
    const summaries = (id: string) => summarizeThread(messages.filter((m) => m.threadId === id));
    await v4
      .table('threads')
      .bulkPut([
        thread('t1', summaries('t1')),
        { ...thread('t2', summaries('t2')), prospectIds: [] },
        thread('t3', summaries('t3')),
      ]);
    const revBefore = Object.fromEntries((await v4.table('threads').toArray()).map((t) => [t.id, t.rev]));
    v4.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.messages.schema.indexes.map((i) => i.name).sort()).toEqual(['keys', 'threadId']);
    const t = Object.fromEntries((await db.threads.toArray()).map((x) => [x.id, x]));
    expect(t.t1.prospectIds).toEqual(['p1']);
    expect(t.t1.rev).toBe(revBefore.t1); // unchanged, not rewritten
    expect(t.t2.prospectIds).toEqual(['p2']);
    expect(t.t3.prospectIds).toEqual(['p1', 'p3']);
    expect(t.t3.rev).toBeGreaterThan(revBefore.t3);
    expect(t.t3.summary).toEqual(summaries('t3'));
    expect(await db.messages.get('i3')).toEqual(messages[3]);
    // Each prospect's messages are found through the threads, the timeline too.
    expect((await messagesOfProspects(db, ['p3'])).map((m) => m.id)).toEqual(['i3']);
    expect((await messagesOfProspects(db, ['p2'])).map((m) => m.id)).toEqual(['o2']);
    expect((await loadTimeline('p2', db)).messages.map((m) => m.id)).toEqual(['o2']);
    db.close();
    await db.delete();
  });
});
