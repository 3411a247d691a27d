import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { buildExport, exportFileName, messagesCsv } from '@/lib/export/export';
import { ImportError, importExport, parseExportText } from '@/lib/export/import';
import { ingestEvents } from '@/lib/ingest/ingest';
import { ExportFile } from '@/lib/schema/export';
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
    gmailSend({ threadExternalId: 'thread-f:2', to: [{ email: 'bob@globex.com', name: 'Bob' }], cc: [{ email: 'carol@globex.com' }] }),
  ]);
  await a.templates.put({ id: 't1', name: 'Intro', channel: 'email', subject: 'Hi', body: 'Hi {{firstName}}', tags: ['cold'], archived: false, version: 3, createdAt: T0, updatedAt: T0 });
  const [p] = await a.prospects.toArray();
  await a.prospects.put({ ...p, dealValue: 1200, stage: 'won', traits: { region: 'EMEA' }, title: 'CTO', seniority: 'c-level' });
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
      expect.arrayContaining(['id', 'channel', 'direction', 'kind', 'threadId', 'prospectId', 'from', 'to', 'cc', 'subject', 'text', 'sentAt', 'templateId', 'templateSource', 'classification']),
    );
    expect(Object.keys(file.prospects[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'emails', 'linkedinUrl', 'company', 'title', 'seniority', 'industry', 'location', 'stage', 'dealValue', 'traits']),
    );
    expect(exportFileName(Date.UTC(2026, 0, 5, 12))).toMatch(/^sidelog-export-2026-01-0[45]\.json$/);
  });

  it('round-trips losslessly into an empty database', async () => {
    const file = await buildExport(a, T0);
    await importExport(b, parseExportText(JSON.stringify(file)), T0);
    // Everything but derived lookup fields (keys, seenBy, updatedAt) and the database's own change
    // counter (rev, lib/db/revision.ts) comes back as it was.
    const clean = (rows: Record<string, unknown>[]) => rows.map(({ keys: _k, seenBy: _s, updatedAt: _u, rev: _r, ...r }) => r);
    for (const t of ['prospects', 'threads', 'messages', 'templates'] as const) {
      expect(clean(await b.table(t).orderBy('id').toArray())).toEqual(clean(await a.table(t).orderBy('id').toArray()));
    }
    const again = await buildExport(b, T0);
    expect(again).toEqual(file);
  });

  it('keeps the other ids threads and messages are known by, so later sightings still link', async () => {
    await ingestEvents({ db: a, settings: settings(), now: () => T0 }, [
      gmailSend({ externalId: 'msg-a:r-x9', aliases: ['r-x9'], threadExternalId: 'thread-a:r-x5', threadAliases: ['thread-f:555'] }),
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
    expect((await b.messages.where('threadId').equals(t!.id).toArray()).filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    const text = JSON.stringify(await buildExport(a, T0));
    const first = await importExport(b, parseExportText(text), T0);
    expect(first.added.messages).toBe(3);
    const snapshot = await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => b.table(t).toArray()));
    const second = await importExport(b, parseExportText(text), T0 + 1000);
    expect(second).toEqual({ added: { prospects: 0, threads: 0, messages: 0, templates: 0 }, updated: 0 });
    expect(await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => b.table(t).toArray()))).toEqual(snapshot);
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
    const msgs = await a.messages.orderBy('sentAt').toArray();
    await a.messages.put({ ...msgs[0], subject: '=HYPERLINK("http://evil")' });
    const csv = messagesCsv(await a.messages.orderBy('sentAt').toArray(), new Map((await a.prospects.toArray()).map((p) => [p.id, p])));
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data.filter((r) => r.id);
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.text.includes('"quoted" <b>text</b>, commas; and\ttabs'))).toBe(true);
    expect(rows.find((r) => r.subject.includes('HYPERLINK'))?.subject.startsWith("'")).toBe(true);
  });
});

describe('import rejects bad files and changes nothing', () => {
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => 'hello, world', /not JSON/],
    ['50 MB of junk', () => '\u0000junk'.repeat(10 * 1024 * 1024), /not JSON/],
    ['another format', () => JSON.stringify({ format: 'crm-backup', version: 1 }), /not a Sidelog export/],
    ['a newer version', () => JSON.stringify({ format: 'sidelog-export', version: 2, exportedAt: new Date().toISOString(), prospects: [], threads: [], messages: [], templates: [] }), /version 2/],
    ['a field of the wrong type', () => JSON.stringify({ format: 'sidelog-export', version: 1, exportedAt: new Date().toISOString(), prospects: [{ id: 'p', name: 5 }], threads: [], messages: [], templates: [] }), /prospects\.0\.name/],
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
    expect(await Promise.all(['prospects', 'threads', 'messages', 'templates'].map((t) => a.table(t).count()))).toEqual(before);
  });

  it('rolls back a file whose messages name a thread that does not exist', async () => {
    const file = await buildExport(a, T0);
    file.messages.push({ ...file.messages[0], id: 'gmail:new', threadId: 'gmail:nowhere' });
    file.prospects.push({ ...file.prospects[0], id: 'p:new' });
    await expect(importExport(b, file, T0)).rejects.toThrow(/nowhere/);
    expect(await b.prospects.count()).toBe(0);
  });
});
