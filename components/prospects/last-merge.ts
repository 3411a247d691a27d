// The last merge made by hand in this panel: its undo is offered until the panel is closed. Kept
// at module level (the page's lifetime), not in a view's state, so switching tabs keeps it.
import { useSyncExternalStore } from 'react';
import type { MergeRecord } from '@/lib/schema/model';

let current: MergeRecord | null = null;
const listeners = new Set<() => void>();

export function setLastMerge(r: MergeRecord | null): void {
  current = r;
  for (const l of listeners) l();
}

export function useLastMerge(): MergeRecord | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
