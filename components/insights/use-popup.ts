// The popup's one hook: the kept numbers at once, then the recomputed ones (lib/insights/popup.ts),
// and the "Open side panel" action.
import { useEffect, useState } from 'react';
import type { PopupSummary } from '@/lib/analytics/popup';
import { currentWindowId, freshPopupNumbers, openSidePanel } from '@/lib/insights/popup';

export interface PopupState {
  /** The numbers shown: the kept ones until the recompute lands, then fresh. */
  data: PopupSummary | null;
  fresh: boolean;
  error: string | null;
  /** Opens the side panel and closes the popup (call from the click). */
  openPanel: () => void;
}

export function usePopup(cached: PopupSummary | null): PopupState {
  const [data, setData] = useState<PopupSummary | null>(cached);
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>();

  useEffect(() => {
    const now = Date.now();
    // With kept numbers to show, read after they are painted: decoding the facts (a few MB at 100k
    // messages) would otherwise hold up the first paint.
    const painted = new Promise<void>((ok) => (cached ? requestAnimationFrame(() => setTimeout(ok, 0)) : ok()));
    painted
      .then(() => freshPopupNumbers(now))
      .then((summary) => {
        setData(summary);
        setFresh(true);
      })
      .catch((e) => setError(String(e)));
    currentWindowId().then(setWindowId, () => {});
  }, [cached]);

  const openPanel = () => {
    void openSidePanel(windowId)?.then(
      () => window.close(),
      (e: unknown) => setError(`Could not open the side panel: ${String(e)}`),
    );
  };
  return { data, fresh, error, openPanel };
}
