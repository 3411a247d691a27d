// The prospect the Gmail/LinkedIn tab the panel is about shows, asked from its content script
// (getPageContext, lib/messaging.ts) and looked up in the database; re-checked when the active tab
// changes or navigates. Any failure (not one of the two sites, content script not there) is null.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messaging';
import { findSiteTab, prospectOfTab, siteOf } from '@/lib/prospects/page-prospect';
import type { Prospect } from '@/lib/schema/model';

export interface PageProspect {
  prospect: Prospect;
  site: 'gmail' | 'linkedin';
  /** The tab is the one the user is looking at (the side panel's active tab): views may open the
   *  person on their own. False for the panel opened as a tab: it only offers them. */
  follow: boolean;
}

export function usePageProspect(): PageProspect | null {
  const [found, setFound] = useState<PageProspect | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      try {
        // In the side panel, only the active tab: following the user to a tab they left would be
        // a surprise. The panel opened as a tab of its own is the active tab itself: then the
        // Gmail/LinkedIn tab used last (the same choice as inserting a template).
        const self = await browser.tabs.getCurrent?.();
        const tab = self ? await findSiteTab(browser.tabs) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
        const site = siteOf(tab?.url);
        const p =
          tab?.id !== undefined && site
            ? await prospectOfTab(getDb(), tab.id, (tabId) => sendMessage('getPageContext', undefined, tabId))
            : null;
        if (alive) setFound((cur) => (cur?.prospect.id === p?.id ? cur : p && site ? { prospect: p, site, follow: !self } : null));
      } catch {
        if (alive) setFound(null);
      }
    };
    void check();
    const onActivated = () => void check();
    const onUpdated = (_id: number, info: { status?: string; url?: string }) => {
      if (info.url || info.status === 'complete') void check();
    };
    browser.tabs?.onActivated?.addListener(onActivated);
    browser.tabs?.onUpdated?.addListener(onUpdated);
    return () => {
      alive = false;
      browser.tabs?.onActivated?.removeListener(onActivated);
      browser.tabs?.onUpdated?.removeListener(onUpdated);
    };
  }, []);
  return found;
}
