// The popup's last numbers, kept so its first frame can show them while it recomputes. In the
// extension's storage.local (lib/storage/keys.ts POPUP_CACHE_KEY; never leaves the machine), and
// dropped by every "db changed" notification and settings update, whoever wrote: the background
// after a capture, a page after an edit (forget-popup-cache.ts subscribes in each context that
// writes). So numbers shown at once are never older than the data; after a change the popup shows
// "Loading…" until its recompute. Written by whoever computes them: the popup after its recompute,
// the side panel whenever it loads the facts and after an import. Only today's are reused
// (yesterday's "sent today" would be wrong). Free of the database and metrics: the popup's first
// chunk imports it.
import type { PopupSummary } from '@/lib/analytics/popup';
import { popupCacheItem } from '@/lib/storage/items';

/** Bump when PopupSummary's shape changes: numbers kept by an older build are not shown. */
export const POPUP_CACHE_FORMAT = 2;

/** Local midnight today and the first instant of this month. */
export function popupBounds(now: number): { startOfDay: number; startOfMonth: number } {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  const month = new Date(now);
  month.setDate(1);
  month.setHours(0, 0, 0, 0);
  return { startOfDay: day.getTime(), startOfMonth: month.getTime() };
}

export async function readPopupCache(now: number): Promise<PopupSummary | null> {
  try {
    const c = await popupCacheItem.getValue();
    return c &&
      c.format === POPUP_CACHE_FORMAT &&
      c.day === popupBounds(now).startOfDay &&
      !(c.until != null && now >= c.until)
      ? c.summary
      : null;
  } catch {
    return null;
  }
}

/** `until`: when a scheduled message falls due, the numbers change with no new data: not reused from then. */
export function writePopupCache(summary: PopupSummary, now: number, until: number | null = null): void {
  void popupCacheItem
    .setValue({ format: POPUP_CACHE_FORMAT, day: popupBounds(now).startOfDay, summary, until })
    .catch(() => undefined);
}

export function forgetPopupCache(): void {
  void popupCacheItem.removeValue().catch(() => undefined);
}
