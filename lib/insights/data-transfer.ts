// The Settings tab's "Your data": Export JSON, Export messages CSV and Import JSON, as the other
// views' data layers are (lib/insights/*.ts): the component renders and calls useDataTransfer().
//
// Import JSON runs in order: read and parse the file, merge it into the database, build the
// facts and the popup's numbers (lib/insights/import-job.ts, in a worker:
// lib/insights/import.worker.ts), then, in this page, notify "db changed" (other pages refresh;
// this page's popup numbers are dropped) and only after that keep the popup's new numbers (the
// notification would drop them), then refresh the queries. A cancel before the merge committed
// leaves the database as it was. The page itself only renders progress and stores the numbers the
// worker computed: reading the facts back here would be a long task of the panel.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { notifyDbChanged } from '@/lib/db/changes';
import { exportFileName, exportJsonBlob, messagesCsvBlob } from '@/lib/export/export';
import { ImportCancelled, ImportError, type ImportProgress } from '@/lib/export/import';
import { getSettings } from '@/lib/settings';
import { loadDashboardData, popupNumbers } from './load';
import { importTotal, runImportJob, type ImportJobOptions, type ImportJobResult } from './import-job';
import { writePopupCache } from './popup-cache';

export type { ImportProgress } from '@/lib/export/import';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export JSON: the whole database as a sidelog-export file, built in parts (lib/export/export.ts). */
export async function exportJson(now = Date.now()): Promise<void> {
  download(exportFileName(now), await exportJsonBlob(getDb(), now));
}

/** Export messages CSV: one row per message, for spreadsheets. */
export async function exportCsv(now = Date.now()): Promise<void> {
  const name = exportFileName(now)
    .replace('sidelog-export', 'sidelog-messages')
    .replace(/\.json$/, '.csv');
  download(name, await messagesCsvBlob(getDb()));
}

/** A running import: its result, progress as it goes, and a cancel. */
export interface ImportRun {
  result: Promise<ImportJobResult>;
  cancel(): void;
}

export type ImportRunner = (
  file: Blob,
  now: number,
  onProgress: (p: ImportProgress) => void,
  popupSettings?: ImportJobOptions['popupSettings'],
) => ImportRun;

/** The import in a worker, off the page's main thread. */
export const workerRunner: ImportRunner = (file, now, onProgress, popupSettings) => {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<ImportJobResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent) => {
      const m = e.data as
        | { type: 'progress'; progress: ImportProgress }
        | { type: 'done'; result: ImportJobResult }
        | { type: 'error'; message: string; cancelled: boolean; user: boolean };
      if (m.type === 'progress') return onProgress(m.progress);
      worker.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(m.cancelled ? new ImportCancelled() : m.user ? new ImportError(m.message) : new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the import worker failed'));
    };
  });
  worker.postMessage({ type: 'start', file, now, popupSettings });
  return { result, cancel: () => worker.postMessage({ type: 'cancel' }) };
};

/** The same job on this thread (where there are no module workers: unit tests). */
export const inPageRunner: ImportRunner = (file, now, onProgress, popupSettings) => {
  let cancelled = false;
  return {
    result: runImportJob(getDb(), file, { now, onProgress, popupSettings, cancelled: () => cancelled }),
    cancel: () => void (cancelled = true),
  };
};

/** In an extension page, the worker; elsewhere (unit tests in happy-dom) the same job in the page. */
const defaultRunner: ImportRunner = (...args) =>
  (typeof Worker === 'function' && typeof location !== 'undefined' && location.protocol.endsWith('-extension:')
    ? workerRunner
    : inPageRunner)(...args);

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What the tab says after an import, or after it failed or was cancelled. */
export function importMessage(
  fileName: string,
  outcome: { result: ImportJobResult } | { error: unknown },
): { kind: 'ok' | 'error'; text: string } {
  if ('error' in outcome) {
    const e = outcome.error;
    return {
      kind: 'error',
      text:
        e instanceof ImportError
          ? e.message
          : `Import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const r = outcome.result;
  const a = r.added;
  return {
    kind: 'ok',
    text:
      importTotal(r) === 0
        ? `Nothing new in ${fileName}: everything in it is already here.`
        : `Imported ${fileName}: ${count(a.messages, 'message')}, ${count(a.threads, 'thread')}, ${count(a.prospects, 'prospect')}, ${count(a.templates, 'template')} added; ${count(r.updated, 'record')} completed.` +
          (r.peopleMerged
            ? ` ${r.peopleMerged} ${r.peopleMerged === 1 ? 'person was' : 'people were'} here under another record and ${r.peopleMerged === 1 ? 'was' : 'were'} merged (undo on the Prospects tab).`
            : ''),
  };
}

/**
 * The steps that follow an import in the importing page: "db changed" (other pages and this
 * page's subscribers), then the popup's numbers kept for its next first frame: those the job
 * computed, else computed here.
 */
export async function afterImport(result: ImportJobResult, now = Date.now()): Promise<void> {
  notifyDbChanged({ tables: ['prospects', 'threads', 'messages', 'templates'] });
  if (importTotal(result) === 0) return;
  if (result.popup) writePopupCache(result.popup.summary, now, result.popup.until);
  else popupNumbers(await loadDashboardData(), now);
}

export interface DataTransfer {
  /** Starts importing a file; resolves when it ended (done, failed or cancelled). */
  importFile(file: File): Promise<void>;
  /** Cancels the running import (before its merge committed: nothing changes). */
  cancel(): void;
  /** Progress of the running import, null when none runs. */
  progress: ImportProgress | null;
  message: { kind: 'ok' | 'error'; text: string } | null;
  exportJson(): Promise<void>;
  exportCsv(): Promise<void>;
}

export function useDataTransfer(runner: ImportRunner = defaultRunner): DataTransfer {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [message, setMessage] = useState<DataTransfer['message']>(null);
  const running = useRef<ImportRun | null>(null);

  const importFile = useCallback(
    async (file: File) => {
      if (running.current) return;
      setMessage(null);
      // Taken at once, so a second file or a cancel while the settings are read is not lost.
      let cancelledEarly = false;
      running.current = { result: new Promise(() => {}), cancel: () => void (cancelledEarly = true) };
      const now = Date.now();
      const settings = await getSettings().catch(() => null);
      const popupSettings = settings
        ? { replyWindowDays: settings.replyWindowDays, minSample: settings.minSample }
        : undefined;
      const run = runner(file, now, setProgress, popupSettings);
      running.current = run;
      if (cancelledEarly) run.cancel();
      try {
        const result = await run.result;
        await afterImport(result, now);
        setMessage(importMessage(file.name, { result }));
        await qc.invalidateQueries();
      } catch (error) {
        setMessage(importMessage(file.name, { error }));
      } finally {
        running.current = null;
        setProgress(null);
      }
    },
    [qc, runner],
  );

  const cancel = useCallback(() => running.current?.cancel(), []);
  const onExportJson = useCallback(() => exportJson(), []);
  const onExportCsv = useCallback(() => exportCsv(), []);
  return { importFile, cancel, progress, message, exportJson: onExportJson, exportCsv: onExportCsv };
}
