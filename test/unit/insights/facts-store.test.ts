// The dashboard's facts kept in IndexedDB (lib/insights/facts-store.ts) on fake-indexeddb: built
// once, read back, brought up to date by whatever writes the tables (ingestion, edits, import,
// deletions), and always equal to facts encoded afresh from the tables.
import { describe, expect, it, vi } from 'vitest';
import { computeDashboard } from '@/lib/analytics/dashboard';
import { decodeFacts, encodeFacts, type Facts } from '@/lib/analytics/facts';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { generateSeed } from '@/lib/dev/seed';
import { importExport } from '@/lib/export/import';
import { dropHeldFacts, FACTS_KEY, loadFacts } from '@/lib/insights/facts-store';
import { logCall, saveProspectEdits } from '@/lib/prospects/edit';
import type { Template } from '@/lib/schema/model';

const now = Date.UTC(2026, 10, 27);
let n = 0;
async function seeded(): Promise<SidelogDb> {
  const db = openDb(`facts-store-${++n}-${Math.random()}`);
  await importExport(db, generateSeed({ now, prospects: 60, threads: 80 }), now);
  return db;
}
const numbers = (facts: Facts, templates: Template[]) =>
  computeDashboard({
    facts,
    templates,
    now,
    replyWindowDays: 30,
    minSample: 5,
    filters: {},
    dimension: 'seniority',
    utcOffsetMs: 0,
  });
async function expectFresh(db: SidelogDb, facts: Facts) {
  const fresh = encodeFacts(await db.threads.toArray(), await db.prospects.toArray());
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const [a, b] = [decodeFacts(facts), decodeFacts(fresh)];
  expect(byId(a.threads)).toEqual(byId(b.threads));
  expect(byId(a.prospects)).toEqual(byId(b.prospects));
  const templates = await db.templates.toArray();
  expect(numbers(facts, templates)).toEqual(numbers(fresh, templates));
}

describe('facts store', () => {
  it('builds the facts once, then reads them back stored', async () => {
    const db = await seeded();
    const first = await loadFacts(db, { save: 'now' });
    expect(first.how).toBe('rebuilt');
    await expectFresh(db, first.facts);
    expect(await db.meta.get(FACTS_KEY)).toBeTruthy();
    dropHeldFacts(db); // a new page
    const again = await loadFacts(db, { save: 'never' });
    expect(again.how).toBe('stored');
    expect(again.rev).toBe(first.rev);
    await expectFresh(db, again.facts);
  });

  it('merges what was written since: a logged call, a prospect edit, a new thread, a deleted thread', async () => {
    const db = await seeded();
    await loadFacts(db, { save: 'now' });
    dropHeldFacts(db);
    const [p] = await db.prospects.limit(1).toArray();
    await logCall(db, { prospectId: p.id, outcome: 'connected', note: '', at: now - 3_600_000 });
    await saveProspectEdits(db, p.id, { stage: 'won', dealValue: 1234, traits: { ...p.traits, region: 'north' } }, now);
    const [t1, t2] = await db.threads.limit(2).toArray();
    await db.threads.delete(t1.id);
    await db.threads.put({ ...t2, id: 'gmail:new-thread', keys: ['gmail:thread:new-thread'] });
    const after = await loadFacts(db, { save: 'now' });
    expect(after.how).toBe('merged');
    await expectFresh(db, after.facts);
    // The custom trait added by the edit is a dimension now.
    expect(numbers(after.facts, []).dimensions.map((d) => d.key)).toContain('trait:region');
    // The merged facts were stored: a new page starts from them.
    dropHeldFacts(db);
    const next = await loadFacts(db, { save: 'never' });
    expect(next.how).toBe('stored');
    await expectFresh(db, next.facts);
  });

  it('this page refreshes from the facts it holds (a "db changed" broadcast)', async () => {
    const db = await seeded();
    await loadFacts(db, { save: 'never' });
    const [p] = await db.prospects.limit(1).toArray();
    await saveProspectEdits(db, p.id, { seniority: 'c-level' }, now);
    const after = await loadFacts(db, { save: 'never' });
    expect(after.how).toBe('merged');
    await expectFresh(db, after.facts);
  });

  it('rebuilds when the changes cannot be known (a cleared table)', async () => {
    const db = await seeded();
    await loadFacts(db, { save: 'now' });
    dropHeldFacts(db);
    await db.prospects.clear();
    const after = await loadFacts(db, { save: 'never' });
    expect(after.how).toBe('rebuilt');
    await expectFresh(db, after.facts);
  });

  it('an empty database gives empty facts', async () => {
    const db = openDb(`facts-store-empty-${Math.random()}`);
    const f = await loadFacts(db, { save: 'never' });
    expect(f.facts.threads.n).toBe(0);
    expect(numbers(f.facts, []).threadRate.n).toBe(0);
  });
});

describe('facts store, damaged record', () => {
  it('stored facts that cannot be merged are rebuilt from the tables', async () => {
    const db = await seeded();
    const first = await loadFacts(db, { save: 'now' });
    dropHeldFacts(db);
    const row = (await db.meta.get(FACTS_KEY))!.value as { facts: Facts };
    await db.meta.put({
      key: FACTS_KEY,
      value: { ...row, facts: { ...row.facts, threads: { ...row.facts.threads, pOff: null } } },
    });
    const [p] = await db.prospects.limit(1).toArray();
    await saveProspectEdits(db, p.id, { stage: 'won' }, now);
    const after = await loadFacts(db, { save: 'never' });
    expect(after.how).toBe('rebuilt');
    expect(after.rev).toBeGreaterThan(first.rev);
    await expectFresh(db, after.facts);
  });
});

describe('facts store, another format', () => {
  it('facts stored by another build (format) are rebuilt and replaced, even at the same revision', async () => {
    const db = await seeded();
    const first = await loadFacts(db, { save: 'now' });
    dropHeldFacts(db);
    const { FACTS_REV_KEY, FACTS_FORMAT } = await import('@/lib/insights/facts-store');
    const row = (await db.meta.get(FACTS_KEY))!.value as { facts: Facts };
    await db.meta.bulkPut([
      { key: FACTS_KEY, value: { ...row, format: FACTS_FORMAT - 1 } },
      // Format 1 kept the bare revision number here.
      { key: FACTS_REV_KEY, value: first.rev },
    ]);
    const again = await loadFacts(db, { save: 'now' });
    expect(again.how).toBe('rebuilt');
    dropHeldFacts(db);
    const third = await loadFacts(db, { save: 'never' });
    expect(third.how).toBe('stored');
    await expectFresh(db, third.facts);
  });
});

describe('facts store, saving from a page that stays open', () => {
  it('saves at once the first time, then at most every SAVE_EVERY_MS, the latest facts', async () => {
    const { SAVE_EVERY_MS, FACTS_REV_KEY } = await import('@/lib/insights/facts-store');
    const db = await seeded();
    const storedRev = async () => ((await db.meta.get(FACTS_REV_KEY))?.value as { rev: number } | undefined)?.rev;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const first = await loadFacts(db);
      await vi.advanceTimersByTimeAsync(0);
      await vi.waitFor(async () => expect(await storedRev()).toBe(first.rev));
      const [p] = await db.prospects.limit(1).toArray();
      await saveProspectEdits(db, p.id, { stage: 'meeting' }, now);
      const second = await loadFacts(db);
      await saveProspectEdits(db, p.id, { stage: 'won' }, now);
      const third = await loadFacts(db);
      expect(third.rev).toBeGreaterThan(second.rev);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await storedRev()).toBe(first.rev); // not yet: one save per interval
      await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
      await vi.waitFor(async () => expect(await storedRev()).toBe(third.rev)); // the latest, once
    } finally {
      vi.useRealTimers();
    }
    dropHeldFacts(db);
    const next = await loadFacts(db, { save: 'never' });
    expect(next.how).toBe('stored');
    await expectFresh(db, next.facts);
  });
});
