// The typed WXT storage items of the background and the extension pages, one per fixed key of
// lib/storage/keys.ts (the registry of every key). Content scripts do not import this module:
// WXT's storage costs each of them about 9 KB; they use the names in keys.ts.
// Imported from wxt/utils/storage (what '#imports' re-exports), not '#imports': the import worker
// (lib/insights/import.worker.ts) opens the database, and a worker's bundle has no WXT virtual modules.
import { storage } from 'wxt/utils/storage';
import type { PopupSummary } from '../analytics/popup';
import type { Settings } from '../schema/settings';
import { POPUP_CACHE_KEY, SETTINGS_KEY, UPGRADE_KEY, type UpgradeNotice } from './keys';

/**
 * Read through lib/settings.ts getSettings, which validates and fills the defaults (none here: they
 * live with the zod schema, which the popup's first chunk must not load).
 */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`);

export const upgradeNoticeItem = storage.defineItem<UpgradeNotice>(`local:${UPGRADE_KEY}`);

export interface PopupCache {
  /** The shape of `summary` (lib/insights/popup-cache.ts POPUP_CACHE_FORMAT): another one is not reused. */
  format?: number;
  /** Local midnight of the day they were computed: only today's are reused. */
  day: number;
  summary: PopupSummary;
  /** When a scheduled message falls due, the numbers change with no new data: not reused from then. */
  until?: number | null;
}
export const popupCacheItem = storage.defineItem<PopupCache>(`local:${POPUP_CACHE_KEY}`);
