// lib/insights/import-job.ts and the streamed export (lib/export/export.ts exportJsonBlob): an
// import reports its progress, a cancel rolls everything back, and the streamed file is the same
// JSON as buildExport.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { buildExport, exportJsonBlob, iso, messagesCsv, messagesCsvBlob } from '@/lib/export/export';
import { ImportCancelled, type ImportProgress } from '@/lib/export/import';
import { runImportJob } from '@/lib/insights/import-job';
import { importMessage } from '@/lib/insights/data-transfer';
import { dropHeldFacts, FACTS_KEY } from '@/lib/insights/facts-store';
import { decodeFacts, encodeFacts, type Facts } from '@/lib/analytics/facts';
import { popupSummary } from '@/lib/analytics/popup';
import { popupBounds } from '@/lib/insights/popup-cache';
import { generateSeed } from '@/lib/dev/seed';
import type { Template } from '@/lib/schema/model';
import { T0 } from './helpers/events';

let a: SidelogDb;
let n = 0;
beforeEach(async () => {
  a = openDb(`import-job-${++n}`);
  await a.open();
});
afterEach(async () => {
  a.close();
  await a.delete();
});

const seedBlob = () => {
  const seed = generateSeed({
    seed: 3,
    prospects: 300,
    threads: 600,
    messages: 5_000,
    templates: 4,
    days: 60,
    now: T0,
  });
  return { seed, blob: new Blob([JSON.stringify(seed)], { type: 'application/json' }) };
};
const snapshot = (db: SidelogDb) =>
  Promise.all(
    ['prospects', 'threads', 'messages', 'templates', 'templateVersions', 'meta'].map((t) => db.table(t).toArray()),
  );

describe('import job', () => {
  it('reports reading, writing and facts in order, with counts that reach the file’s records', async () => {
    const { seed, blob } = seedBlob();
    const seen: ImportProgress[] = [];
    const r = await runImportJob(a, blob, { now: T0, onProgress: (p) => seen.push(p) });
    const records = seed.prospects.length + seed.threads.length + seed.messages.length + seed.templates.length;
    expect(r.added.messages).toBe(seed.messages.length);
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['reading', 'writing', 'facts', 'done']);
    expect(seen.filter((p) => p.phase === 'reading').at(-1)!.bytesRead).toBe(blob.size);
    const written = seen.filter((p) => p.phase === 'writing').map((p) => p.written);
    expect(written.length).toBeGreaterThan(3); // it moves, chunk by chunk
    expect(written).toEqual([...written].sort((x, y) => x - y));
    expect(seen.at(-1)).toMatchObject({ read: records, written: records, factsBuilt: true });
    expect(await a.meta.get(FACTS_KEY)).toBeDefined();
  });

  it('stores, in the import’s commit, the facts a rebuild from the tables gives, and the popup’s numbers from them', async () => {
    const { seed } = seedBlob();
    const rebuilt = async () => encodeFacts(await a.threads.toArray(), await a.prospects.toArray());
    const stored = async () => (await a.meta.get(FACTS_KEY))!.value as { rev: number; facts: unknown };
    const settings = { replyWindowDays: 14, minSample: 5 };
    // Into an empty database: from the rows in memory.
    const half = { ...seed, messages: seed.messages.slice(0, 2_500), threads: seed.threads.slice(0, 400) };
    half.messages = half.messages.filter((m) => half.threads.some((t) => t.id === m.threadId));
    const r1 = await runImportJob(a, new Blob([JSON.stringify(half)]), { now: T0, popupSettings: settings });
    expect((await stored()).facts).toEqual(await rebuilt());
    expect((await stored()).rev).toBe((await a.meta.get('rev'))!.value);
    const popup = (facts: Facts, templates: Template[]) =>
      popupSummary({ facts, templates, now: T0, ...popupBounds(T0), ...settings });
    expect(r1.popup!.summary).toEqual(popup(await rebuilt(), await a.templates.toArray()));
    // Over those facts: merged with the rows the second import wrote (new threads, completed ones).
    dropHeldFacts(a);
    const r2 = await runImportJob(a, new Blob([JSON.stringify(seed)]), { now: T0 + 1, popupSettings: settings });
    expect(r2.added.threads).toBe(seed.threads.length - 400);
    // The same rows (a merge appends new ones where a rebuild orders all by id).
    const rows = (f: Facts) => {
      const d = decodeFacts(f);
      const sort = <T extends { id: string }>(xs: T[]) => xs.sort((x, y) => (x.id < y.id ? -1 : 1));
      return { threads: sort(d.threads), prospects: sort(d.prospects) };
    };
    expect(rows((await stored()).facts as Facts)).toEqual(rows(await rebuilt()));
    expect((await stored()).rev).toBe((await a.meta.get('rev'))!.value);
    expect(r2.popup!.summary).toEqual(popup(await rebuilt(), await a.templates.toArray()));
  }, 30_000); // two imports of 5,000 messages: slow on a loaded machine

  it('folds one person the database and the file know under two ids (a shared address), logged and counted', async () => {
    const { seed, blob } = seedBlob();
    await runImportJob(a, blob, { now: T0 });
    const before = await a.prospects.count();
    // The same person on another machine, first met there under another id: one thread, one reply.
    const ada = seed.prospects.find((p) => p.emails.length > 0)!;
    const theirs = { ...ada, id: 'p:elsewhere', notes: 'met at the fair' };
    const thread = { ...seed.threads.find((t) => t.prospectIds.includes(ada.id))! };
    const t2 = { ...thread, id: 'gmail:t:elsewhere', externalId: 'elsewhere', prospectIds: [theirs.id], aliases: [] };
    const m = seed.messages.find((x) => x.threadId === thread.id)!;
    const m2 = {
      ...m,
      id: 'gmail:elsewhere-1',
      externalId: 'elsewhere-1',
      threadId: t2.id,
      prospectId: theirs.id,
      aliases: [],
      rfcMessageId: null,
    };
    const file = { ...seed, prospects: [theirs], threads: [t2], messages: [m2], templates: [] };
    const r = await runImportJob(a, new Blob([JSON.stringify(file)]), { now: T0 + 1 });
    expect(r.added).toMatchObject({ prospects: 1, threads: 1, messages: 1 });
    expect(r.peopleMerged).toBe(1);
    expect(await a.prospects.count()).toBe(before);
    const [one] = await a.prospects.filter((p) => p.emails.includes(ada.emails[0])).toArray();
    expect(one.notes).toContain('met at the fair');
    expect((await a.messages.get(m2.id))!.prospectId).toBe(one.id);
    expect((await a.threads.get(t2.id))!.prospectIds).toEqual([one.id]);
    const merges = await a.merges.toArray();
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ reason: 'import', keptId: one.id });
    // The stored facts follow the fold (brought up to date after it, as a rebuild gives them).
    const stored = (await a.meta.get(FACTS_KEY))!.value as { rev: number; facts: Facts };
    const rows = (f: Facts) => {
      const d = decodeFacts(f);
      const sort = <T extends { id: string }>(xs: T[]) => xs.sort((x, y) => (x.id < y.id ? -1 : 1));
      return { threads: sort(d.threads), prospects: sort(d.prospects) };
    };
    expect(rows(stored.facts)).toEqual(rows(encodeFacts(await a.threads.toArray(), await a.prospects.toArray())));
    expect(stored.rev).toBe((await a.meta.get('rev'))!.value);
    expect(importMessage('theirs.json', { result: r }).text).toBe(
      'Imported theirs.json: 1 message, 1 thread, 1 prospect, 0 templates added; 0 records completed. ' +
        '1 person was here under another record and was merged (undo on the Prospects tab).',
    );
    // The same file again: nothing new, nothing folded.
    const again = await runImportJob(a, new Blob([JSON.stringify(file)]), { now: T0 + 2 });
    expect(again.peopleMerged).toBeUndefined();
    expect(await a.merges.count()).toBe(1);
  }, 30_000);

  it('into an empty database, folds the file’s own two records of one person (found in memory first)', async () => {
    const { seed } = seedBlob();
    const ada = seed.prospects.find((p) => p.emails.length > 0)!;
    const file = { ...seed, prospects: [...seed.prospects, { ...ada, id: 'p:twice' }] };
    const r = await runImportJob(a, new Blob([JSON.stringify(file)]), { now: T0 });
    expect(r.added.prospects).toBe(seed.prospects.length + 1);
    expect(r.peopleMerged).toBe(1);
    expect(await a.prospects.count()).toBe(seed.prospects.length);
    expect((await a.merges.toArray()).map((m) => m.reason)).toEqual(['import']);
    // Without such a pair nothing is folded, and the repair's read-back transaction (prospects,
    // threads, messages, merges, no templates: the import's own has them) is never opened.
    const b = openDb(`import-job-b-${n}`);
    const scopes: string[][] = [];
    const open = b.transaction.bind(b) as (...args: unknown[]) => unknown;
    vi.spyOn(b, 'transaction').mockImplementation(((...args: unknown[]) => {
      const tables = args.find(Array.isArray) as (string | { name: string })[] | undefined;
      if (tables) scopes.push(tables.map((t) => (typeof t === 'string' ? t : t.name)));
      return open(...args);
    }) as typeof b.transaction);
    const repairOpened = () => scopes.some((s) => s.includes('merges') && !s.includes('templates'));
    try {
      const plain = await runImportJob(b, new Blob([JSON.stringify(seed)]), { now: T0 });
      expect(plain.peopleMerged).toBeUndefined();
      expect(await b.merges.count()).toBe(0);
      expect(scopes.length).toBeGreaterThan(0);
      expect(repairOpened()).toBe(false);
      // The spy does see the repair when a second import brings a person already there.
      const dup = { ...seed, prospects: [{ ...ada, id: 'p:twice' }], threads: [], messages: [], templates: [] };
      expect((await runImportJob(b, new Blob([JSON.stringify(dup)]), { now: T0 + 1 })).peopleMerged).toBe(1);
      expect(repairOpened()).toBe(true);
    } finally {
      b.close();
      await b.delete();
    }
  }, 30_000);

  it('a cancel while writing leaves the database exactly as it was', async () => {
    const { seed } = seedBlob();
    // Something there before: the first 100 messages of the file.
    const first = { ...seed, messages: seed.messages.slice(0, 100) };
    await runImportJob(a, new Blob([JSON.stringify(first)]), { now: T0 });
    const before = await snapshot(a);
    let cancel = false;
    const job = runImportJob(a, new Blob([JSON.stringify(seed)]), {
      now: T0 + 1,
      cancelled: () => cancel,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.written > 2_000) cancel = true;
      },
    });
    await expect(job).rejects.toBeInstanceOf(ImportCancelled);
    expect(cancel).toBe(true);
    expect(await snapshot(a)).toEqual(before);
  });

  it('a cancel while reading stops before anything is parsed or written', async () => {
    const { blob } = seedBlob();
    const before = await snapshot(a);
    await expect(runImportJob(a, blob, { now: T0, cancelled: () => true })).rejects.toBeInstanceOf(ImportCancelled);
    expect(await snapshot(a)).toEqual(before);
  });
});

describe('streamed export', () => {
  it('is the same JSON as buildExport, messages in time order', async () => {
    const { blob } = seedBlob();
    await runImportJob(a, blob, { now: T0 });
    const streamed = JSON.parse(await (await exportJsonBlob(a, T0)).text());
    expect(streamed).toEqual(JSON.parse(JSON.stringify(await buildExport(a, T0))));
  });

  it('an empty database gives an empty, valid file', async () => {
    const streamed = JSON.parse(await (await exportJsonBlob(a, T0)).text());
    expect(streamed).toEqual(JSON.parse(JSON.stringify(await buildExport(a, T0))));
    expect(await (await messagesCsvBlob(a)).text()).toBe('');
  });

  it('a read that cannot start rejects (the file is never left waiting on its first tables)', async () => {
    const spy = vi.spyOn(a, 'backendDB').mockReturnValue({
      transaction: () => {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      },
    } as unknown as IDBDatabase);
    try {
      await expect(exportJsonBlob(a, T0)).rejects.toThrow('closing');
    } finally {
      spy.mockRestore();
    }
  });

  it('writes every time as toISOString does', () => {
    const day = 86_400_000;
    const edges = [
      0,
      1,
      999,
      1000,
      day - 1,
      day,
      951_782_400_000 /* 2000-02-29 */,
      4_107_542_399_999,
      253_402_300_799_999,
    ];
    const random = Array.from({ length: 5_000 }, (_, i) => Math.floor(((i * 7919) % 5000) * 5.07e10 + i * 997));
    for (const ms of [...edges, ...random]) expect(iso(ms)).toBe(new Date(ms).toISOString());
    // Outside the fast path: Date's own answer, a RangeError included.
    for (const ms of [-1, -62_198_755_200_000, 253_402_300_800_000, 1.5, 8.64e15])
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    expect(() => iso(Number.NaN)).toThrow(RangeError);
  });

  it('the CSV in parts is the CSV in one piece', async () => {
    const { blob } = seedBlob();
    await runImportJob(a, blob, { now: T0 });
    const messages = (await a.messages.toArray()).sort((x, y) => x.sentAt - y.sentAt || (x.id < y.id ? -1 : 1));
    const prospects = new Map((await a.prospects.toArray()).map((p) => [p.id, p]));
    expect(await (await messagesCsvBlob(a)).text()).toBe(messagesCsv(messages, prospects));
  });
});
