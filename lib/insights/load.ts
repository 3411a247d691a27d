// Dexie reads for the insights views and the popup. Kept apart from lib/analytics (pure) and from
// the React pieces, so each view's query function is one call. The dashboard, the popup and the
// prospects list read the facts (one record, kept by lib/insights/facts-store.ts); a prospect's
// page reads their own messages (lib/insights/prospects.ts). Never the whole message table.
import type { Facts } from '@/lib/analytics/facts';
import { loadFacts } from '@/lib/insights/facts-store';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { getSettings } from '@/lib/settings';
import type { Template } from '@/lib/schema/model';
import { popupSummary, type PopupSummary } from '@/lib/analytics/popup';
import { nextDue } from '@/lib/analytics/units';
import { popupBounds, writePopupCache } from '@/lib/insights/popup-cache';
import type { Settings } from '@/lib/schema/settings';

export interface DashboardData {
  facts: Facts;
  templates: Template[];
  settings: Settings;
}

/** Everything the Dashboard and the popup compute from: facts (lib/insights/facts-store.ts), templates, settings. */
export async function loadDashboardData(db: SidelogDb = getDb()): Promise<DashboardData> {
  const [{ facts }, templates, settings] = await Promise.all([loadFacts(db), db.templates.toArray(), getSettings()]);
  return { facts, templates, settings };
}

/** The popup's numbers from the dashboard's data, also kept for the popup's next first frame. */
export function popupNumbers(d: DashboardData, now: number): PopupSummary {
  const summary = popupSummary({
    facts: d.facts,
    templates: d.templates,
    now,
    ...popupBounds(now),
    replyWindowDays: d.settings.replyWindowDays,
    minSample: d.settings.minSample,
  });
  writePopupCache(summary, now, nextDue(d.facts, now));
  return summary;
}
