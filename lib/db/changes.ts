// "db changed" notifications. The background and the extension pages share one origin, so a
// BroadcastChannel reaches every open side panel and popup without any permission or port.
import { forgetPopupCache } from '@/lib/insights/popup-cache';

export const DB_CHANGED_CHANNEL = 'sidelog-db-changed';

export interface DbChange {
  tables: string[];
}

export function notifyDbChanged(change: DbChange): void {
  // The popup's kept numbers are older than this change now.
  forgetPopupCache();
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(DB_CHANGED_CHANNEL);
  ch.postMessage(change);
  ch.close();
}

export function onDbChanged(listener: (change: DbChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(DB_CHANGED_CHANNEL);
  ch.onmessage = (e) => listener(e.data as DbChange);
  return () => ch.close();
}
