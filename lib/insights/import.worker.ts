// The worker that runs an import (lib/insights/import-job.ts) off the panel's main thread: reading,
// parsing and checking a 64 MB file, building 100k records and the facts would otherwise freeze the
// panel for seconds. Protocol (lib/insights/data-transfer.ts is the other side):
//   in:  { type: 'start', file: Blob, now, popupSettings? }   { type: 'cancel' }
//   out: { type: 'progress', progress }   { type: 'done', result }   { type: 'error', message, cancelled, user }
// The worker opens the database itself (an extension page's worker has the page's origin).
import { getDb } from '@/lib/db/db';
import { ImportCancelled, ImportError, type ImportProgress } from '@/lib/export/import';
import { runImportJob, type ImportJobOptions } from './import-job';

let cancelled = false;
const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
/** Progress at most every 50 ms (a 64 MB file is read in ~1,000 chunks), and at every change of phase. */
let lastAt = 0;
let lastPhase = '';
function postProgress(progress: ImportProgress): void {
  const t = performance.now();
  if (progress.phase === lastPhase && t - lastAt < 50) return;
  lastAt = t;
  lastPhase = progress.phase;
  post({ type: 'progress', progress });
}

type Start = { type: 'start'; file: Blob; now: number; popupSettings?: ImportJobOptions['popupSettings'] };

self.onmessage = (e: MessageEvent<Start | { type: 'cancel' }>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  runImportJob(getDb(), msg.file, {
    now: msg.now,
    popupSettings: msg.popupSettings,
    cancelled: () => cancelled,
    onProgress: postProgress,
  }).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) =>
      post({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        cancelled: err instanceof ImportCancelled,
        user: err instanceof ImportError,
      }),
  );
};
