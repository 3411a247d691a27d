// The dashboard's one read: the analytics facts (lib/analytics/facts.ts) kept in the meta table as
// a single record of columns, brought up to date with the threads and prospects written since
// (lib/db/revision.ts stamps every write with a revision). At 100k messages a record of columns
// reads in tens of milliseconds where 20k thread and 20k prospect records take a second or more,
// and a day's captures are a merge of a few rows. Derived data only: deleting it loses nothing
// (the next visit rebuilds it from the tables).
import { encodeFacts, mergeFacts, type Facts } from '@/lib/analytics/facts';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { changesSince } from '@/lib/db/revision';

export const FACTS_KEY = 'analytics:facts';
/** The revision and format of the stored facts, apart so a writer can compare without reading the facts. */
export const FACTS_REV_KEY = 'analytics:facts-rev';
/** Bump when the shape of Facts changes: stored facts of another format are rebuilt. */
export const FACTS_FORMAT = 4;

interface StoredFacts {
  format: number;
  rev: number;
  facts: Facts;
}

export interface LoadedFacts {
  facts: Facts;
  /** Database revision the facts reflect. */
  rev: number;
  /** How they were obtained (for the benchmark and tests). */
  how: 'stored' | 'merged' | 'rebuilt';
}

// Facts of this page, so a refresh after a "db changed" broadcast reads only the changes.
const held = new WeakMap<SidelogDb, { rev: number; facts: Facts }>();

export async function loadFacts(
  db: SidelogDb = getDb(),
  o: { save?: 'later' | 'now' | 'never' } = {},
): Promise<LoadedFacts> {
  let base = held.get(db) ?? null;
  if (!base) {
    const v = (await db.meta.get(FACTS_KEY))?.value as StoredFacts | undefined;
    if (v && v.format === FACTS_FORMAT && v.facts?.v === 1) {
      base = { rev: v.rev, facts: v.facts };
    }
  }
  let out: LoadedFacts | null = null;
  if (base) {
    const ch = await changesSince(db, base.rev);
    if (ch !== 'stale') {
      try {
        const facts = mergeFacts(base.facts, ch);
        out = { facts, rev: ch.rev, how: facts === base.facts ? 'stored' : 'merged' };
      } catch {
        // Stored facts that do not fit (damaged, or written by another build): rebuild below.
        out = null;
      }
    }
  }
  if (!out) {
    const ch = await changesSince(db, 0);
    if (ch === 'stale') throw new Error('the database changed while it was read; try again');
    out = { facts: encodeFacts(ch.threads, ch.prospects), rev: ch.rev, how: 'rebuilt' };
  }
  held.set(db, { rev: out.rev, facts: out.facts });
  const save = o.save ?? 'later';
  if (save === 'now' && out.how !== 'stored') await saveFacts(db, out.rev, out.facts).catch(() => false);
  else if (save === 'later' && out.how !== 'stored') saveLater(db);
  return out;
}

/**
 * A page that stays open (a side panel while the user writes) saves at most this often: each save
 * writes the whole record, megabytes at 100k messages. Not saving loses nothing: the next page
 * merges from the last stored facts.
 */
export const SAVE_EVERY_MS = 30_000;
const saving = new WeakMap<SidelogDb, { last: number; timer: ReturnType<typeof setTimeout> | null }>();

function saveLater(db: SidelogDb): void {
  let s = saving.get(db);
  if (!s) saving.set(db, (s = { last: -Infinity, timer: null }));
  if (s.timer) return; // the scheduled save writes what this page holds by then
  const state = s;
  // At the earliest after this task: the caller shows its numbers first.
  state.timer = setTimeout(
    () => {
      state.timer = null;
      state.last = Date.now();
      const h = held.get(db);
      if (h) void saveFacts(db, h.rev, h.facts).catch(() => false);
    },
    Math.max(0, state.last + SAVE_EVERY_MS - Date.now()),
  );
}

/** Stores facts unless newer ones are stored already (two panels open at once). */
export async function saveFacts(db: SidelogDb, rev: number, facts: Facts): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(FACTS_REV_KEY))?.value as { rev?: unknown; format?: unknown } | undefined;
    // Newer facts of this format are there already; facts of another format are replaced.
    if (stored?.format === FACTS_FORMAT && typeof stored.rev === 'number' && stored.rev >= rev) return false;
    await db.meta.bulkPut([
      { key: FACTS_KEY, value: { format: FACTS_FORMAT, rev, facts } satisfies StoredFacts },
      { key: FACTS_REV_KEY, value: { rev, format: FACTS_FORMAT } },
    ]);
    return true;
  });
}

/** Forgets the facts this page holds (tests; a page that wants a cold read). */
export function dropHeldFacts(db: SidelogDb = getDb()): void {
  held.delete(db);
}
