// "db changed" notifications. The background and the extension pages share one origin, so a
// BroadcastChannel reaches every open side panel and popup without any permission or port.
//
// What must happen in the writing context itself, at once (the popup's kept numbers are dropped:
// lib/insights/forget-popup-cache.ts), subscribes with subscribeDbChanges: the database layer
// knows no one above it.

export const DB_CHANGED_CHANNEL = 'sidelog-db-changed';

export interface DbChange {
  tables: string[];
}

const subscribers = new Set<(change: DbChange) => void>();

/**
 * Runs `listener` on every change this context notifies, synchronously, before the broadcast
 * (other contexts hear it through onDbChanged). Returns the unsubscribe.
 */
export function subscribeDbChanges(listener: (change: DbChange) => void): () => void {
  subscribers.add(listener);
  return () => void subscribers.delete(listener);
}

export function notifyDbChanged(change: DbChange): void {
  for (const listener of subscribers) listener(change);
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
