// The side panel's react-query client and how it learns that the data changed. The background
// (after a capture) and the pages (after an edit) broadcast "db changed" (lib/db/changes.ts); the
// panel then marks every read the database feeds as stale, through the key factory
// (lib/insights/query-keys.ts): the views on screen refetch, the others when they are shown.
import { QueryClient } from '@tanstack/react-query';
import { onDbChanged, type DbChange } from '@/lib/db/changes';
import { dbDependentKeys, queryKeys } from './query-keys';

export function createQueryClient(): QueryClient {
  // Fresh for 30 s: switching tabs does not re-read; a change is announced, not polled for.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });
}

/** Marks every read the database feeds as stale (the views on screen refetch). */
export async function invalidateAfterDbChange(qc: QueryClient): Promise<void> {
  await Promise.all(dbDependentKeys().map((queryKey) => qc.invalidateQueries({ queryKey })));
}

/**
 * After a template is created, edited, duplicated or archived: the library and what shows template
 * names and tags (the dashboard's data, hence the Templates tab's numbers). The write's own "db
 * changed" notification refreshes the rest a moment later.
 */
export async function invalidateAfterTemplateChange(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: queryKeys.templates.all() }),
    qc.invalidateQueries({ queryKey: queryKeys.dashboard() }),
  ]);
}

/**
 * Follows "db changed" notifications for the life of a page. A burst of captures (a long
 * conversation opened) sends many: one refetch per burst, `delayMs` after its first notice.
 * Returns the unsubscribe.
 */
export function followDbChanges(
  qc: QueryClient,
  o: { delayMs?: number; subscribe?: (listener: (change: DbChange) => void) => () => void } = {},
): () => void {
  const { delayMs = 300, subscribe = onDbChanged } = o;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const off = subscribe(() => {
    timer ??= setTimeout(() => {
      timer = null;
      void invalidateAfterDbChange(qc);
    }, delayMs);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
