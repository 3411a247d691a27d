// The toolbar popup's data layer. No react-query: one read on open, nothing to keep fresh in a
// window that lives seconds. Its first frame shows the kept numbers (lib/insights/popup-cache.ts);
// the database, zod and the metrics load afterwards as a chunk of their own, so this module
// imports them only dynamically.
import { browser } from 'wxt/browser';
import type { PopupSummary } from '@/lib/analytics/popup';

/** The popup's numbers recomputed from the dashboard's data (and kept for its next first frame). */
export async function freshPopupNumbers(now: number): Promise<PopupSummary> {
  const { loadDashboardData, popupNumbers } = await import('./load');
  return popupNumbers(await loadDashboardData(), now);
}

/** The popup's window: known before the click, since sidePanel.open() needs it synchronously. */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows?.getCurrent())?.id;
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox). Must run in the click's user gesture with
 * no await before it. Undefined when neither exists (or the window is not known yet).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> | undefined {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } })
    .chrome;
  const ff = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return chromeApi?.sidePanel && windowId !== undefined ? chromeApi.sidePanel.open({ windowId }) : ff?.open();
}
