// The react-query keys of the side panel and the popup, all of them: a view never writes a key by
// hand, it takes its query options from its module in lib/insights/ (dashboard.ts, templates.ts,
// prospects.ts, settings.ts, page-prospect.ts), which take their keys from here. Every key of the
// panel's reads starts with `queryKeys.all`, so "everything the database feeds" is one prefix
// (lib/insights/query-client.ts invalidates it on every "db changed" notification).
//
// A key names what is read, not who reads it: the template library is one key whoever shows it
// (the Templates tab, the template picker of a prospect's timeline).
import type { PageScope } from '@/lib/prospects/page-prospect';

const ROOT = ['insights'] as const;

export const queryKeys = {
  /** Prefix of every read the database feeds. */
  all: ROOT,
  /**
   * The dashboard's data: the facts, the templates and the settings read together
   * (lib/insights/load.ts loadDashboardData). The Dashboard and the Templates tab's numbers share it.
   */
  dashboard: () => [...ROOT, 'facts'] as const,
  templates: {
    /** The template library (every template, archived ones included). */
    all: () => [...ROOT, 'templates'] as const,
  },
  prospects: {
    /** The prospects list (lib/insights/prospects.ts loadProspectList). */
    list: () => [...ROOT, 'prospect-list'] as const,
    /** One prospect's record. */
    detail: (id: string) => [...ROOT, 'prospect', id] as const,
    /** One prospect's timeline (lib/insights/prospects.ts loadTimeline). */
    timeline: (id: string) => [...ROOT, 'timeline', id] as const,
    /** Two prospects side by side with what merging them would keep (lib/prospects/merge.ts previewMerge). */
    mergePreview: (a: string, b: string) => [...ROOT, 'merge-preview', a, b] as const,
    /** The prospects updated last, offered by the Templates tab's preview. */
    recent: () => [...ROOT, 'prospects-recent'] as const,
  },
  /** How inbound messages of the last 30 days were classified, by rule (lib/insights/settings.ts). */
  classification: () => [...ROOT, 'classification'] as const,
  /** The person on "the current tab" (lib/prospects/page-prospect.ts pageProspect), per scope. */
  pageProspect: (scope: PageScope) => [...ROOT, 'page-prospect', scope] as const,
  // Settings' two reads (lib/insights/settings.ts) keep the keys the Settings tab has always used;
  // they are refreshed with the rest (the background learns the user's own addresses while it
  // stores a capture).
  /** The settings (lib/settings.ts). */
  settings: () => ['settings'] as const,
  /** The capture health lines and counts (lib/ingest/health.ts loadCaptureStatus). */
  captureStatus: () => ['status'] as const,
};

/** The key prefixes a "db changed" notification makes stale: every key above falls under one. */
export const dbDependentKeys = (): readonly (readonly unknown[])[] => [
  queryKeys.all,
  queryKeys.settings(),
  queryKeys.captureStatus(),
];
