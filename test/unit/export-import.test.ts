import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { buildExport, exportFileName, iso, messagesCsv } from '@/lib/export/export';
import { ImportError, importExport, parseExportText } from '@/lib/export/import';
import { ingestEvents } from '@/lib/ingest/ingest';
import { ExportFile } from '@/lib/schema/export';
import { MAX_TEXT } from '@/lib/schema/model';
import { readSeniority } from '@/lib/records/seniority';
import { setMessageIntent } from '@/lib/prospects/corrections';
import { mergeProspects, undoMerge } from '@/lib/prospects/merge';
import { messagesOfProspects } from '@/lib/records/prospect-messages';
import { sisimai } from './helpers/corpus';
import { T0, gmailInbound, gmailSend, settings } from './helpers/events';

let a: SidelogDb;
let b: SidelogDb;
let n = 0;
beforeEach(async () => {
  a = openDb(`exp-a-${++n}`);
  b = openDb(`exp-b-${n}`);
  await Promise.all([a.open(), b.open()]);
  const deps = { db: a, settings: settings(), now: () => T0 };
  await ingestEvents(deps, [
    gmailSend({ threadExternalId: 'thread-f:1', text: 'Hi Ada,\n"quoted" <b>text</b>, commas; and\ttabs' }),
    gmailInbound({ threadExternalId: 'thread-f:1' }),
    gmailSend({
      threadExternalId: 'thread-f:2',
      to: [{ email: 'bob@globex.com', name: 'Bob' }],
      cc: [{ email: 'carol@globex.com' }],
    }),
  ]);
  await a.templates.put({
    id: 't1',
    name: 'Intro',
    channel: 'email',
    subject: 'Hi',
    body: 'Hi {{firstName}}',
    tags: ['cold'],
    archived: false,
    version: 3,
    createdAt: T0,
    updatedAt: T0,
  });
  const [p] = await a.prospects.toArray();
  await a.prospects.put({
    ...p,
    dealValue: 1200,
    stage: 'won',
    traits: { region: 'EMEA' },
    title: 'CTO',
    seniority: 'c-level',
  });
});
afterEach(async () => {
  a.close();
  b.close();
  await Promise.all([a.delete(), b.delete()]);
});

describe('export', () => {
  it('writes the public format with the documented fields', async () => {
    const file = await buildExport(a, T0);
    expect(() => ExportFile.parse(file)).not.toThrow();
    expect(file.format).toBe('sidelog-export');
    expect(file.version).toBe(1);
    expect(Object.keys(file.messages[0])).toEqual(
      expect.arrayContaining([
        'id',
        'channel',
        'direction',
        'kind',
        'threadId',
        'prospectId',
        'from',
        'to',
        'cc',
        'subject',
        'text',
        'sentAt',
        'templateId',
        'templateSource',
        'classification',
      ]),
    );
    expect(Object.keys(file.prospects[0])).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'emails',
        'linkedinUrl',
        'company',
        'title',
        'seniority',
        'industry',
        'location',
        'stage',
        'dealValue',
        'traits',
      ]),
    );
    expect(exportFileName(Date.UTC(2026, 0, 5, 12))).toMatch(/^sidelog-export-2026-01-0[45]\.json$/);
  });

  it('round-trips losslessly into an empty database', async () => {
    const file = await buildExport(a, T0);
    await importExport(b, parseExportText(JSON.stringify(file)), T0);
    // Everything but derived lookup fields (keys, seenBy, updatedAt) and the database's own change
    // counter (rev, lib/db/revision.ts) comes back as it was.
    const clean = (rows: Record<string, unknown>[]) =>
      rows.map(({ keys: _k, seenBy: _s, updatedAt: _u, rev: _r, ...r }) => r);
    for (const t of ['prospects', 'threads', 'messages', 'templates'] as const) {
      expect(clean(await b.table(t).orderBy('id').toArray())).toEqual(clean(await a.table(t).orderBy('id').toArray()));
    }
    const again = await buildExport(b, T0);
    expect(again).toEqual(file);
  });

  it('class and intent: a delay is "auto-reply" to a version-1 reader with the finer class beside it; every field round-trips exactly, manual ones included', async () => {
    const deps = { db: a, settings: settings(), now: () => T0 };
    const delay = sisimai('maildir/bsd/rfc3464-55.eml');
    await ingestEvents(deps, [
      gmailSend({
        threadExternalId: 'thread-f:9',
        to: [{ email: 'sotoneko@nora.nyaan.jp' }, { email: 'kim@globex.com' }],
        subject: 'Nyaan',
      }),
      gmailInbound({
        threadExternalId: 'thread-f:9',
        from: { email: delay.fromEmail!, name: delay.fromName! },
        subject: delay.subject,
        text: delay.text,
      }),
      gmailInbound({
        threadExternalId: 'thread-f:9',
        from: { email: 'kim@globex.com' },
        subject: 'Re: Nyaan',
        text: 'Not me — please talk to dana@globex.com, she runs ops.',
      }),
    ]);
    const [reply] = await a.messages.filter((m) => m.from.includes('kim@globex.com')).toArray();
    const [warning] = await a.messages.filter((m) => m.classification === 'delay').toArray();
    expect(warning).toMatchObject({
      classificationRule: 'delay:subject',
      failedRecipients: ['sotoneko@nora.nyaan.jp'],
    });
    expect(reply).toMatchObject({ classification: 'human', intent: 'referral', referral: 'dana@globex.com' });
    // The user corrects the reply's intent by hand.
    await setMessageIntent(a, reply.id, 'later', T0);

    const file = await buildExport(a, T0);
    expect(() => ExportFile.parse(file)).not.toThrow();
    const w = file.messages.find((m) => m.id === warning.id)!;
    expect(w).toMatchObject({
      classification: 'auto-reply',
      inboundClass: 'delay',
      classificationSource: 'detected',
      failedRecipients: ['sotoneko@nora.nyaan.jp'],
    });
    // A version-1 reader only ever meets version 1's classes.
    for (const m of file.messages) expect(['human', 'auto-reply', 'bounce']).toContain(m.classification);
    const r = file.messages.find((m) => m.id === reply.id)!;
    expect(r).toMatchObject({
      classification: 'human',
      intent: 'later',
      intentSource: 'manual',
      intentRule: 'referral',
      referral: 'dana@globex.com',
    });
    expect(r.inboundClass).toBeUndefined();
    // Outbound messages carry none of these fields.
    expect(Object.keys(file.messages.find((m) => m.direction === 'outbound')!)).not.toContain('intent');

    await importExport(b, parseExportText(JSON.stringify(file)), T0);
    const fields = [
      'classification',
      'classificationRule',
      'classificationSource',
      'failedRecipients',
      'intent',
      'intentRule',
      'intentSource',
      'referral',
    ] as const;
    const pick = (m: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, m[f]]));
    for (const m of await a.messages.toArray()) expect(pick((await b.messages.get(m.id))!)).toEqual(pick(m));
    expect((await b.threads.get(warning.threadId))!.summary).toEqual((await a.threads.get(warning.threadId))!.summary);
    expect(await buildExport(b, T0)).toEqual(file);
  });

  it('imports other files leniently: a "delay" classification, an intent in other words, a reply without intent gets one detected', async () => {
    const file = await buildExport(a, T0);
    const raw = JSON.parse(JSON.stringify(file));
    const inbound = raw.messages.find((m: { direction: string }) => m.direction === 'inbound');
    inbound.text = 'Yes, interested. Can you send a calendar link?';
    for (const k of [
      'classificationRule',
      'classificationSource',
      'failedRecipients',
      'intent',
      'intentRule',
      'intentSource',
      'referral',
    ])
      delete inbound[k];
    raw.messages.push({
      ...inbound,
      id: 'gmail:other-1',
      externalId: 'other-1',
      classification: 'Delayed',
      text: 'Delivery delayed',
    });
    raw.messages.push({ ...inbound, id: 'gmail:other-2', externalId: 'other-2', intent: 'Positive' });
    await importExport(b, parseExportText(JSON.stringify(raw)), T0);
    expect(await b.messages.get(inbound.id)).toMatchObject({ intent: 'interested', intentSource: 'detected' });
    expect(await b.messages.get('gmail:other-1')).toMatchObject({ classification: 'delay' });
    expect(await b.messages.get('gmail:other-2')).toMatchObject({ intent: 'interested' });
    // A version-1 enum value that is new is still refused where it would mislead: "delay" only through the dialect.
    const strict = ExportFile.safeParse({ ...file, messages: [{ ...file.messages[0], classification: 'delay' }] });
    expect(strict.success).toBe(false);
  });

  it('keeps the other ids threads and messages are known by, so later sightings still link', async () => {
    await ingestEvents({ db: a, settings: settings(), now: () => T0 }, [
      gmailSend({
        externalId: 'msg-a:r-x9',
        aliases: ['r-x9'],
        threadExternalId: 'thread-a:r-x5',
        threadAliases: ['thread-f:555'],
      }),
    ]);
    const file = await buildExport(a, T0);
    expect(file.threads.find((t) => t.externalId === 'thread-a:r-x5')?.aliases).toEqual(['thread-f:555']);
    await importExport(b, parseExportText(JSON.stringify(file)), T0);
    // A reply that names only the thread-f form, and a DOM sighting that names only the draft id.
    await ingestEvents({ db: b, settings: settings(), now: () => T0 }, [
      gmailInbound({ threadExternalId: 'thread-f:555' }),
      gmailSend({ layer: 'dom', externalId: 'r-x9', threadExternalId: null, rfcMessageId: null }),
    ]);
    const t = (await b.threads.toArray()).find((x) => x.externalId === 'thread-a:r-x5');
    expect(t?.summary?.firstReplyAt).not.toBeNull();
    expect(
      (await b.messages.where('threadId').equals(t!.id).toArray()).filter((m) => m.direction === 'outbound'),
    ).toHaveLength(1);
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    const text = JSON.stringify(await buildExport(a, T0));
    const first = await importExport(b, parseExportText(text), T0);
    expect(first.added.messages).toBe(3);
    const snapshot = await Promise.all(
      ['prospects', 'threads', 'messages', 'templates'].map((t) => b.table(t).toArray()),
    );
    const second = await importExport(b, parseExportText(text), T0 + 1000);
    expect(second).toEqual({ added: { prospects: 0, threads: 0, messages: 0, templates: 0 }, updated: 0 });
    expect(
      await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => b.table(t).toArray())),
    ).toEqual(snapshot);
  });

  it('merges into existing data without overwriting it', async () => {
    const file = await buildExport(a, T0);
    const [p] = await a.prospects.toArray();
    await a.prospects.put({ ...p, notes: 'local note', title: 'Changed locally' });
    await importExport(a, file, T0);
    const after = await a.prospects.get(p.id);
    expect(after?.title).toBe('Changed locally');
    expect(after?.notes).toBe('local note');
  });

  it('writes CSV that survives commas, quotes, newlines and formula injection', async () => {
    const msgs = (await a.messages.toArray()).sort((x, y) => x.sentAt - y.sentAt || (x.id < y.id ? -1 : 1));
    await a.messages.put({ ...msgs[0], subject: '=HYPERLINK("http://evil")' });
    const csv = messagesCsv(
      (await a.messages.toArray()).sort((x, y) => x.sentAt - y.sentAt || (x.id < y.id ? -1 : 1)),
      new Map((await a.prospects.toArray()).map((p) => [p.id, p])),
    );
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data.filter((r) => r.id);
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.text.includes('"quoted" <b>text</b>, commas; and\ttabs'))).toBe(true);
    expect(rows.find((r) => r.subject.includes('HYPERLINK'))?.subject.startsWith("'")).toBe(true);
  });
});

describe('import after a merge', () => {
  it('an older backup brings back no one merged since: their rows go to the record they live in now', async () => {
    const backup = await buildExport(a, T0);
    const ids = (await a.prospects.toArray()).map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const rec = await mergeProspects(a, ids[0], ids[1], T0 + 1);
    const before = await a.prospects.count();
    const r = await importExport(a, backup, T0 + 2);
    expect(r.added.prospects).toBe(0);
    expect(await a.prospects.get(rec.mergedId)).toBeUndefined();
    expect(await a.prospects.count()).toBe(before);
    const names = (m: { prospectId: string | null }) => m.prospectId;
    expect((await a.messages.toArray()).map(names)).not.toContain(rec.mergedId);
    for (const t of await a.threads.toArray()) expect(t.prospectIds).not.toContain(rec.mergedId);
    // Undone, the merge no longer redirects: the two records are back and the backup adds nothing.
    await undoMerge(a, rec.id, T0 + 3);
    expect(await a.prospects.get(rec.mergedId)).toBeDefined();
    expect((await importExport(a, backup, T0 + 4)).added.prospects).toBe(0);
  });
});

describe('import keeps threads listing the prospects of their messages', () => {
  // How a prospect's messages are found (lib/records/prospect-messages.ts): through their threads.
  const found = async (db: SidelogDb) => {
    for (const p of await db.prospects.toArray()) {
      const want = (await db.messages.toArray()).filter((m) => m.prospectId === p.id).map((m) => m.id);
      expect((await messagesOfProspects(db, [p.id])).map((m) => m.id).sort(), p.name).toEqual(want.sort());
    }
  };

  it('a file whose threads list nobody, or someone else, still finds every message by its prospect', async () => {
    const file = await buildExport(a, T0);
    const [one, two] = file.threads;
    const other = file.messages.find((m) => m.threadId === two.id)!.prospectId!;
    one.prospectIds = [];
    two.prospectIds = [file.messages.find((m) => m.threadId === one.id)!.prospectId!];
    await importExport(b, parseExportText(JSON.stringify(file)), T0);
    expect((await b.threads.get(two.id))!.prospectIds).toContain(other);
    await found(b);
  });

  it('a message the file adds to a thread this database has lists its prospect there', async () => {
    const file = await buildExport(a, T0);
    const [one, two] = file.threads;
    const bob = file.messages.find((m) => m.threadId === two.id)!.prospectId!;
    const base = file.messages.find((m) => m.threadId === one.id)!;
    file.messages.push({ ...base, id: 'late', prospectId: bob, aliases: [], sentAt: iso(T0 + 5_000) });
    await importExport(a, parseExportText(JSON.stringify(file)), T0);
    expect((await a.threads.get(one.id))!.prospectIds).toContain(bob);
    await found(a);
  });
});

describe('messages CSV columns', () => {
  it("ends with a person's reply's intent and referral, empty on other rows, after the columns it always had", async () => {
    const msgs = (await a.messages.toArray()).sort((x, y) => x.sentAt - y.sentAt || (x.id < y.id ? -1 : 1));
    const reply = {
      ...msgs[0],
      direction: 'inbound' as const,
      classification: 'human' as const,
      intent: 'referral' as const,
      referral: 'bob@acme.com',
    };
    const csv = messagesCsv([reply, msgs[1]], new Map((await a.prospects.toArray()).map((p) => [p.id, p])));
    const Papa = (await import('papaparse')).default;
    const [header, first, second] = Papa.parse<string[]>(csv).data;
    expect(header.slice(-4)).toEqual(['templateSource', 'threadId', 'intent', 'referral']);
    expect(header.indexOf('classification')).toBe(5);
    expect(first.slice(-2)).toEqual(['referral', 'bob@acme.com']);
    expect(second.slice(-2)).toEqual(['', '']);
  });
});

describe('import rejects bad files and changes nothing', () => {
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => 'hello, world', /not JSON/],
    ['50 MB of junk', () => '\u0000junk'.repeat(10 * 1024 * 1024), /not JSON/],
    ['another format', () => JSON.stringify({ format: 'crm-backup', version: 1 }), /not a Sidelog export/],
    [
      'a newer version',
      () =>
        JSON.stringify({
          format: 'sidelog-export',
          version: 2,
          exportedAt: new Date().toISOString(),
          prospects: [],
          threads: [],
          messages: [],
          templates: [],
        }),
      /version 2/,
    ],
    [
      'a field of the wrong type',
      () =>
        JSON.stringify({
          format: 'sidelog-export',
          version: 1,
          exportedAt: new Date().toISOString(),
          prospects: [{ id: 'p', name: 5 }],
          threads: [],
          messages: [],
          templates: [],
        }),
      /prospects\.0\.name/,
    ],
    ['an array', () => '[]', /not a Sidelog export/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const before = await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => a.table(t).count()));
    let err: unknown;
    try {
      await importExport(a, parseExportText(make()), T0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(message);
    expect(await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => a.table(t).count()))).toEqual(
      before,
    );
  });

  it('rolls back a file whose messages name a thread that does not exist', async () => {
    const file = await buildExport(a, T0);
    file.messages.push({ ...file.messages[0], id: 'gmail:new', threadId: 'gmail:nowhere' });
    file.prospects.push({ ...file.prospects[0], id: 'p:new' });
    await expect(importExport(b, file, T0)).rejects.toThrow(/nowhere/);
    expect(await b.prospects.count()).toBe(0);
  });
});

describe('files written by other tools (the contract read leniently where it leaves room)', () => {
  const day = Date.UTC(2026, 0, 5, 9);
  const foreign = () => ({
    format: 'sidelog-export',
    version: 1,
    exportedAt: '2026-01-06T10:00:00+02:00',
    prospects: [
      // Only the fields this tool knows; others left out.
      {
        id: 'p1',
        name: 'Ada',
        emails: ['ada@acme.io'],
        seniority: 'VP',
        stage: 'Qualified',
        dealValue: '5000',
        traits: { employees: 250, vip: true, note: '', nested: { x: 1 } },
      },
      { id: 'p2', name: 'Bob', emails: ['bob@globex.com'], seniority: 'Individual Contributor' },
      { id: 'p3', name: 'Cy', emails: ['cy@initech.com'], seniority: 'Unknown', title: 'CTO' },
      { id: 'p4', name: 'Di', emails: [], linkedinUrl: 'https://www.linkedin.com/in/di/', seniority: 'Head of Sales' },
    ],
    threads: [
      { id: 't1', channel: 'Gmail', subject: 'Hello' }, // no externalId, no prospectIds
      { id: 't2', channel: 'gmail', externalId: 'x2', prospectIds: ['p2'], subject: null },
      { id: 't3', channel: 'LINKEDIN', externalId: 'x3', prospectIds: ['p4'] },
    ],
    messages: [
      {
        id: 'm1',
        channel: 'gmail',
        direction: 'OUTBOUND',
        kind: 'Email',
        threadId: 't1',
        prospectId: 'p1',
        from: 'me@sidelog.test',
        to: ['ada@acme.io'],
        subject: 'Hello',
        text: 'x'.repeat(MAX_TEXT + 500),
        sentAt: day,
        templateId: 'tpl',
        templateSource: 'Inserted',
      },
      {
        id: 'm2',
        channel: 'gmail',
        direction: 'inbound',
        kind: 'email',
        threadId: 't1',
        prospectId: 'p1',
        from: 'ada@acme.io',
        text: 'Yes',
        sentAt: '2026-01-05T12:00:00Z',
        classification: 'Human',
      },
      {
        id: 'm3',
        channel: 'gmail',
        direction: 'outbound',
        kind: 'email',
        threadId: 't2',
        prospectId: 'p2',
        from: 'me@sidelog.test',
        to: ['bob@globex.com'],
        text: 'Hi',
        sentAt: '2026-01-05T09:00:00.000Z',
      },
      {
        id: 'm4',
        channel: 'gmail',
        direction: 'inbound',
        kind: 'email',
        threadId: 't2',
        prospectId: 'p2',
        from: 'bob@globex.com',
        text: 'Away',
        sentAt: '2026-01-05T09:05:00Z',
        classification: 'Out_of_Office',
      },
      {
        id: 'm5',
        channel: 'linkedin',
        direction: 'outbound',
        kind: 'connection_request',
        threadId: 't3',
        prospectId: 'p4',
        from: 'me',
        text: 'Hi Di',
        sentAt: '2026-01-05T09:00:00Z',
      },
    ],
    templates: [{ id: 'tpl', name: 'Intro', channel: 'Gmail', subject: 'Hello', body: 'Hi {{firstName}}' }],
  });

  it('imports a file that leaves out optional fields and writes values in its own way', async () => {
    const res = await importExport(b, parseExportText(JSON.stringify(foreign())), T0);
    expect(res.added).toEqual({ prospects: 4, threads: 3, messages: 5, templates: 1 });
    const p = Object.fromEntries((await b.prospects.toArray()).map((x) => [x.id, x]));
    expect(p.p1).toMatchObject({
      seniority: 'vp',
      stage: 'qualified',
      dealValue: 5000,
      company: null,
      linkedinUrl: null,
    });
    expect(p.p1.traits).toEqual({ employees: '250', vip: 'true', note: '' });
    expect(p.p2.seniority).toBe('individual');
    expect(p.p3.seniority).toBeNull(); // "Unknown" is no seniority (the title is not used in its place)
    expect(p.p4.seniority).toBe('director');
    const t = Object.fromEntries((await b.threads.toArray()).map((x) => [x.id, x]));
    expect(t.t1).toMatchObject({ externalId: 't1', prospectIds: ['p1'], channel: 'gmail' });
    expect(t.t1.summary).toMatchObject({ firstReplyAt: Date.parse('2026-01-05T12:00:00Z'), firstTemplateId: 'tpl' });
    expect(t.t2.summary).toMatchObject({ firstReplyAt: null, autoReplyCount: 1 });
    const m = Object.fromEntries((await b.messages.toArray()).map((x) => [x.id, x]));
    expect(m.m1).toMatchObject({
      direction: 'outbound',
      kind: 'email',
      classification: 'human',
      templateSource: 'inserted',
      sentAt: day,
      cc: [],
    });
    expect(m.m1.text).toHaveLength(MAX_TEXT);
    expect(m.m4.classification).toBe('auto-reply');
    expect(m.m5.kind).toBe('linkedin-invite');
    expect(await b.templates.get('tpl')).toMatchObject({ channel: 'email', tags: [] });
    // And the same file again changes nothing.
    expect((await importExport(b, parseExportText(JSON.stringify(foreign())), T0)).updated).toBe(0);
  });

  it.each([
    [
      'an unknown channel',
      (f: ReturnType<typeof foreign>) => void (f.threads[0].channel = 'facebook'),
      /threads\.0\.channel/,
    ],
    [
      'an unknown direction',
      (f: ReturnType<typeof foreign>) => void (f.messages[1].direction = 'sideways'),
      /messages\.1\.direction/,
    ],
    [
      'a date that is not one',
      (f: ReturnType<typeof foreign>) => void (f.messages[2].sentAt = 'last Tuesday'),
      /messages\.2\.sentAt/,
    ],
    [
      'a stage of its own',
      (f: ReturnType<typeof foreign>) => void (f.prospects[0].stage = 'hot lead'),
      /prospects\.0\.stage/,
    ],
  ])('still refuses %s, with the field named, and imports nothing', async (_n, spoil, message) => {
    const f = foreign();
    spoil(f);
    expect(() => parseExportText(JSON.stringify(f))).toThrow(message);
  });

  it.each([
    ['VP', 'vp'],
    ['C-Level', 'c-level'],
    ['CXO', 'c-level'],
    ['Owner', 'founder'],
    ['Mid-Senior level', 'senior'],
    ['Entry level', 'individual'],
    ['Vice President of Sales', 'vp'],
    ['Internship', 'intern'],
    ['n/a', null],
    ['', null],
    [42, null],
  ] as const)('reads the seniority %j as %j', (raw, want) => expect(readSeniority(raw)).toBe(want));
});
