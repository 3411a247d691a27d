// Settings live in WXT storage (extension storage.local), readable from the background, pages and
// content scripts alike. Values are re-validated on read: a corrupt value falls back to defaults.
import { storage } from '#imports';
import { DEFAULT_SETTINGS, Settings } from './schema/settings';
import { forgetPopupCache } from './insights/popup-cache';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(raw ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  forgetPopupCache(); // its numbers depend on the reply window and minimum sample
  return next;
}
