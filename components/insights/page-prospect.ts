// The prospect the active Gmail/LinkedIn tab shows, asked from its content script
// (getPageContext, lib/messaging.ts) and looked up in the database; re-checked when the active tab
// changes or navigates. Any failure (not one of the two sites, content script not there) is null.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messaging';
import { prospectOfTab, siteOf } from '@/lib/prospects/page-prospect';
import type { Prospect } from '@/lib/schema/model';

export function usePageProspect(): Prospect | null {
  const [prospect, setProspect] = useState<Prospect | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      try {
        // Only the active tab: following the user elsewhere (a tab they left) would be a surprise.
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        const p =
          tab?.id !== undefined && siteOf(tab.url)
            ? await prospectOfTab(getDb(), tab.id, (tabId) => sendMessage('getPageContext', undefined, tabId))
            : null;
        if (alive) setProspect((cur) => (cur?.id === p?.id ? cur : p));
      } catch {
        if (alive) setProspect(null);
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
  return prospect;
}
