// The Settings tab's reads and its settings write, as the other views' data layers: query options
// with keys from lib/insights/query-keys.ts. (Its export and import live in lib/export.)
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { loadCaptureStatus } from '@/lib/ingest/health';
import { getDb } from '@/lib/db/db';
import type { Settings } from '@/lib/schema/settings';
import { getSettings, updateSettings } from '@/lib/settings';
import { queryKeys } from './query-keys';

export const settingsQuery = () => queryOptions({ queryKey: queryKeys.settings(), queryFn: () => getSettings() });

/** Capture health per site and what is stored, looked at again every 10 s while the tab is shown. */
export const captureStatusQuery = () =>
  queryOptions({ queryKey: queryKeys.captureStatus(), queryFn: () => loadCaptureStatus(getDb(), Date.now()), refetchInterval: 10_000 });

/** Saves a change of settings; the tab shows the saved settings at once. Throws what the tab says. */
export async function saveSettings(qc: QueryClient, patch: Partial<Settings>): Promise<Settings> {
  const s = await updateSettings(patch);
  qc.setQueryData(queryKeys.settings(), s);
  return s;
}
