// The prospect the active Gmail/LinkedIn tab shows, asked from its content script
// (getPageContext, lib/messaging.ts) and looked up in the database; re-checked when the active tab
// changes or navigates. Any failure (not one of the two sites, content script not there) is null.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import type { Prospect } from '@/lib/schema/model';
import { findProspectForPage } from './load';

export function usePageProspect(): Prospect | null {
  const [prospect, setProspect] = useState<Prospect | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) return;
        const ctx = await sendMessage('getPageContext', undefined, tab.id);
        const p = ctx ? await findProspectForPage(ctx) : null;
        if (alive) setProspect(p);
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
