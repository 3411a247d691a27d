// The popup's kept numbers (popup-cache.ts) are dropped by every change the context they are in
// makes: a "db changed" notification (a capture, an edit, an import) and a settings update (the
// numbers depend on the reply window and the minimum sample). The database and the settings do not
// know the popup cache; they take subscribers, and this subscribes. Called once, at start, by each
// context that writes: the background and the side panel (entrypoints). A module of its own so the
// popup's first chunk (popup-cache.ts) stays free of the settings schema.
import { subscribeDbChanges } from '../db/changes';
import { subscribeSettingsUpdates } from '../settings';
import { forgetPopupCache } from './popup-cache';

export function forgetPopupCacheOnChanges(): () => void {
  const offDb = subscribeDbChanges(() => forgetPopupCache());
  const offSettings = subscribeSettingsUpdates(() => forgetPopupCache());
  return () => {
    offDb();
    offSettings();
  };
}
