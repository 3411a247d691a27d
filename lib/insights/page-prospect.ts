// "Who is on the current tab" as the panel reads it: lib/prospects/page-prospect.ts `pageProspect`
// bound to the extension's tabs, database and messaging, as query options (one key per scope).
// The hook is components/insights/page-prospect.ts usePageProspect.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { sendMessage, type PageContext } from '@/lib/messaging';
import { onPageChange, pageProspect, type PageScope, type PageTabsApi } from '@/lib/prospects/page-prospect';
import { queryKeys } from './query-keys';

/** The extension's tabs as lib/prospects/page-prospect.ts needs them. Host permissions let
 *  tabs.query filter by URL and read the URLs of our two sites without the `tabs` permission. */
export const extensionTabs: PageTabsApi = {
  query: (q) => browser.tabs.query(q),
  getCurrent: () => browser.tabs.getCurrent?.() ?? Promise.resolve(undefined),
};

/** Asks a tab's content script what it shows (lib/messaging.ts getPageContext). */
export const askPage = (tabId: number): Promise<PageContext | null> => sendMessage('getPageContext', undefined, tabId);

export const pageProspectQuery = (scope: PageScope) =>
  queryOptions({
    queryKey: queryKeys.pageProspect(scope),
    queryFn: () => pageProspect(getDb(), extensionTabs, askPage, scope),
    // Looked at again when the panel regains focus: the user may have moved within the site.
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });

/** Looks again (after an insert, or when the user may have moved to another page). */
export const refreshPageProspect = (qc: QueryClient, scope: PageScope) =>
  qc.invalidateQueries({ queryKey: queryKeys.pageProspect(scope) });

/** Calls `onChange` when the user may be looking at another page (tab switched, navigated, loaded). */
export const watchPageChanges = (onChange: () => void): (() => void) => onPageChange(browser.tabs, onChange);
