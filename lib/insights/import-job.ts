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
} from '@/lib/export/import';
import { loadFacts } from './facts-store';

export interface ImportJobOptions {
  now: number;
  onProgress?: (p: ImportProgress) => void;
  cancelled?: () => boolean;
}

/** Records added or completed by an import: 0 means the file changed nothing. */
export const importTotal = (r: ImportResult) =>
  r.added.prospects + r.added.threads + r.added.messages + r.added.templates + r.updated;

export async function runImportJob(db: SidelogDb, blob: Blob, o: ImportJobOptions): Promise<ImportResult> {
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
  const result = await importExport(db, file, o.now, {
    cancelled,
    onWritten: (n) => {
      p.written = n;
      report();
    },
  });
  p.written = p.read;
  // The import is committed from here on: a cancel no longer applies.
  if (importTotal(result) > 0) {
    p.phase = 'facts';
    report();
    // The dashboard's stored facts, brought up to date now while the user waits for the import
    // anyway, rather than on the next visit to the dashboard.
    await loadFacts(db, { save: 'now' });
  }
  p.factsBuilt = true;
  p.phase = 'done';
  report();
  return result;
}
