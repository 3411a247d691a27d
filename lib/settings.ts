// Settings live in WXT storage (extension storage.local), readable from the background, pages and
// content scripts alike. Values are re-validated on read: a corrupt value falls back to defaults.
// What must follow an update in the updating context at once (the popup's kept numbers depend on
// the reply window and minimum sample: lib/insights/forget-popup-cache.ts) subscribes with
// subscribeSettingsUpdates: settings know no one above them.
import { DEFAULT_SETTINGS, Settings } from './schema/settings';
import { settingsItem } from './storage/items';

const subscribers = new Set<(next: Settings) => void>();

/** Runs `listener` after every updateSettings in this context. Returns the unsubscribe. */
export function subscribeSettingsUpdates(listener: (next: Settings) => void): () => void {
  subscribers.add(listener);
  return () => void subscribers.delete(listener);
}

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(raw ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  for (const listener of subscribers) listener(next);
  return next;
}
