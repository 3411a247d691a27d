// The "Import JSON" sequence, in one place and in its order: read the file (streamed, so progress
// moves), parse and check it, merge it into the database (one transaction: a cancel or a failure
// rolls everything back), then bring the stored facts up to date (lib/insights/facts-store.ts).
// It runs in a worker (lib/insights/import.worker.ts) so the panel stays responsive; the steps
// that must happen in the panel itself, after it (the "db changed" notification, the popup's
// numbers, the queries), are lib/insights/data-transfer.ts's.
import type { SidelogDb } from '@/lib/db/db';
import {
  ImportCancelled,
  importExport,
  parseExportText,
  readExportBlob,
  recordCount,
  type ImportProgress,
  type ImportResult,
  type WrittenRows,
} from '@/lib/export/import';
import { encodeFacts, mergeFacts, type Facts } from '@/lib/analytics/facts';
import { popupSummary, type PopupSummary } from '@/lib/analytics/popup';
import { nextDue } from '@/lib/analytics/units';
import { REV_KEY } from '@/lib/db/revision';
import { repairIdentities, twoRecordsOfOnePerson } from '@/lib/db/upgrade-v3';
import { FACTS_FORMAT, FACTS_KEY, loadFacts, saveFacts } from './facts-store';
import { popupBounds } from './popup-cache';

export interface ImportJobOptions {
  now: number;
  onProgress?: (p: ImportProgress) => void;
  cancelled?: () => boolean;
  /** The settings the popup's numbers need: given, the job computes them from the facts it built. */
  popupSettings?: { replyWindowDays: number; minSample: number };
}

export interface ImportJobResult extends ImportResult {
  /** Records the import left as two records of one person (a shared address or LinkedIn id) and the job folded. */
  peopleMerged?: number;
  /** The popup's numbers after the import (when popupSettings were given and the import changed something). */
  popup?: { summary: PopupSummary; until: number | null };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The facts after the import, built inside its transaction from the rows it wrote (in memory) and
 * stored in the same commit: into an empty database, from those rows alone; over facts stored at
 * the revision the import started from, merged with them. Otherwise (facts missing or behind)
 * null, and the job rebuilds them from the tables after the commit, as any page would.
 */
async function factsInTransaction(db: SidelogDb, w: WrittenRows, revBefore: number): Promise<Facts | null> {
  const rev = Number((await db.meta.get(REV_KEY))?.value ?? 0);
  let facts: Facts | null = null;
  // In the order a read of the tables gives them (by id), as a rebuild would.
  if (w.fresh) facts = encodeFacts([...w.threads].sort(byId), [...w.prospects].sort(byId));
  else {
    const stored = (await db.meta.get(FACTS_KEY))?.value as
      { format?: number; rev?: number; facts?: Facts } | undefined;
    if (stored?.format === FACTS_FORMAT && stored.rev === revBefore && stored.facts?.v === 1)
      facts = mergeFacts(stored.facts, {
        threads: w.threads,
        prospects: w.prospects,
        deletedThreads: [],
        deletedProspects: [],
      });
  }
  if (facts) await saveFacts(db, rev, facts);
  return facts;
}

/** Records added or completed by an import: 0 means the file changed nothing. */
export const importTotal = (r: ImportResult) =>
  r.added.prospects + r.added.threads + r.added.messages + r.added.templates + r.updated;

export async function runImportJob(db: SidelogDb, blob: Blob, o: ImportJobOptions): Promise<ImportJobResult> {
  const cancelled = o.cancelled ?? (() => false);
  const p: ImportProgress = {
    phase: 'reading',
    bytesRead: 0,
    bytes: blob.size,
    read: 0,
    written: 0,
    factsBuilt: false,
  };
  const report = () => o.onProgress?.({ ...p });
  report();
  const text = await readExportBlob(
    blob,
    (n) => {
      p.bytesRead = n;
      report();
    },
    cancelled,
  );
  const file = parseExportText(text);
  if (cancelled()) throw new ImportCancelled();
  p.phase = 'writing';
  p.read = recordCount(file);
  report();
  let revBefore = 0;
  let facts: Facts | null = null;
  /** Whether two records of one person may be left after the commit (the repair below). */
  let repairNeeded = false;
  const result: ImportJobResult = await importExport(db, file, o.now, {
    cancelled,
    onWritten: (n) => {
      p.written = n;
      report();
    },
    atStart: async () => {
      revBefore = Number((await db.meta.get(REV_KEY))?.value ?? 0);
    },
    beforeCommit: async (w) => {
      // Into an empty database, two records of one person can only both be the file's: found in
      // memory, without reading every record back (a 100k import would spend a second and more).
      // Into a database with people, any prospect written may share a key with one already there.
      repairNeeded = w.fresh ? twoRecordsOfOnePerson(w.prospects, w.threads) : w.prospects.length > 0;
      if (!w.fresh && !w.threads.length && !w.prospects.length) return; // nothing the facts hold changed
      p.written = p.read;
      p.phase = 'facts';
      report();
      facts = await factsInTransaction(db, w, revBefore);
    },
  });
  p.written = p.read;
  // The import is committed from here on: a cancel no longer applies.
  if (importTotal(result) > 0 && repairNeeded) {
    // The file matches records by id. One person this database and the file know under two ids
    // (first met by email here, on LinkedIn there), or a file from another tool that lists one
    // person twice, shares a key (an address, a LinkedIn id): folded into one record as the v3
    // upgrade does, each fold in the merge log (reason `import`, undoable on the Prospects tab).
    const repair = await db.transaction('rw', [db.prospects, db.threads, db.messages, db.merges], (tx) =>
      repairIdentities(tx, o.now, 'import'),
    );
    if (repair.merges.length) result.peopleMerged = repair.merges.length;
    // Rows changed after the facts stored with the import: loadFacts brings them up to date.
    if (repair.merges.length || repair.inviteEchoes) facts = null;
  }
  if (importTotal(result) > 0) {
    if ((p.phase as ImportProgress['phase']) !== 'facts') {
      p.phase = 'facts';
      report();
    }
    // The dashboard's stored facts, up to date now while the user waits for the import anyway,
    // rather than on the next visit to the dashboard: stored with the import above, or rebuilt here.
    facts ??= (await loadFacts(db, { save: 'now' })).facts;
    if (o.popupSettings) {
      const summary = popupSummary({
        facts,
        templates: await db.templates.toArray(),
        now: o.now,
        ...popupBounds(o.now),
        ...o.popupSettings,
      });
      result.popup = { summary, until: nextDue(facts, o.now) };
    }
  }
  p.factsBuilt = true;
  p.phase = 'done';
  report();
  return result;
}
