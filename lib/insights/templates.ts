// The Templates tab's data layer: its reads as query options (the library, the numbers, the
// prospects offered for the preview), the filtering of the list, and its actions (save, duplicate,
// archive, insert) with the words the tab shows for them. The hooks are
// components/templates/use-templates.ts; the components only render.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { templateSummaries, type TemplateSummary } from '@/lib/analytics/templates';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { sendMessage, type InsertRequest, type InsertResult } from '@/lib/messaging';
import { personOfTab, type PersonForTemplate, type TabsApi } from '@/lib/prospects/page-prospect';
import type { Prospect, Template } from '@/lib/schema/model';
import { insertIntoSiteTab, insertRequestFor } from '@/lib/templates/insert';
import {
  createTemplate,
  duplicateTemplate,
  setTemplateArchived,
  updateTemplate,
  type TemplateDraft,
} from '@/lib/templates/store';
import { dashboardQuery } from './dashboard';
import type { DashboardData } from './load';
import { askPage, extensionTabs } from './page-prospect';
import { invalidateAfterTemplateChange } from './query-client';
import { queryKeys } from './query-keys';

// Reads -------------------------------------------------------------------------------------------

/** The template library, archived ones included. */
export const loadTemplates = (db: SidelogDb = getDb()): Promise<Template[]> => db.templates.toArray();

export const templatesQuery = () =>
  queryOptions({ queryKey: queryKeys.templates.all(), queryFn: () => loadTemplates() });

/** How many prospects the preview offers by name. */
export const RECENT_PROSPECTS = 300;

/** The prospects updated last, newest first: whom the preview can be filled for. */
export const loadRecentProspects = (db: SidelogDb = getDb(), limit = RECENT_PROSPECTS): Promise<Prospect[]> =>
  db.prospects.orderBy('updatedAt').reverse().limit(limit).toArray();

export const recentProspectsQuery = () =>
  queryOptions({ queryKey: queryKeys.prospects.recent(), queryFn: () => loadRecentProspects() });

/**
 * Per template, the Dashboard's numbers over all time (lib/analytics/templates.ts): first-touch
 * reply rate with n, interval and verdict, per version, and messages sent; as of `now` (a scheduled
 * message counts once due: computed again with each new read).
 */
export const templateStatsOf = (d: DashboardData, now = Date.now()): Map<string, TemplateSummary> =>
  templateSummaries({
    facts: d.facts,
    templates: d.templates,
    replyWindowDays: d.settings.replyWindowDays,
    minSample: d.settings.minSample,
    now,
  });

/** The numbers are computed from the Dashboard's read (one key, one read for both tabs). */
export const templateStatsQuery = () =>
  queryOptions({ ...dashboardQuery(), select: (d: DashboardData) => templateStatsOf(d) });

// The list ----------------------------------------------------------------------------------------

export interface TemplateFilter {
  /** Words looked for in the name, subject, body and tags (case ignored). */
  query: string;
  /** '' = any tag. */
  tag: string;
  showArchived: boolean;
}

export interface FilteredTemplates {
  /** Active ones first, then by name. */
  visible: Template[];
  /** Every tag of the library, sorted: the choices of the tag filter. */
  tags: string[];
  archivedCount: number;
}

export function filterTemplates(all: readonly Template[], f: TemplateFilter): FilteredTemplates {
  const q = f.query.trim().toLowerCase();
  const visible = all
    .filter((t) => f.showArchived || !t.archived)
    .filter((t) => !f.tag || t.tags.includes(f.tag))
    .filter((t) => !q || [t.name, t.subject ?? '', t.body, ...t.tags].some((s) => s.toLowerCase().includes(q)))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
  return {
    visible,
    tags: [...new Set(all.flatMap((t) => t.tags))].sort((a, b) => a.localeCompare(b)),
    archivedCount: all.filter((t) => t.archived).length,
  };
}

// Actions -----------------------------------------------------------------------------------------
// Each returns what the tab says once it is done, and refreshes the reads it changed through the
// key factory (its "db changed" notification refreshes the rest a moment later).

/** Creates a template or saves an edit (a new version when the text changed). Throws what the form shows. */
export async function saveTemplate(
  qc: QueryClient,
  target: Template | 'new',
  draft: TemplateDraft,
  db: SidelogDb = getDb(),
): Promise<string> {
  let done: string;
  if (target === 'new') {
    const t = await createTemplate(db, draft);
    done = `Created "${t.name}".`;
  } else {
    const t = await updateTemplate(db, target.id, draft);
    done = t.version > target.version ? `Saved "${t.name}" as version ${t.version}.` : `Saved "${t.name}".`;
  }
  await invalidateAfterTemplateChange(qc);
  return done;
}

/** Duplicates or (un)archives a template; a failure is said, not thrown. */
export async function templateAction(
  qc: QueryClient,
  t: Template,
  action: 'duplicate' | 'archive' | 'unarchive',
  db: SidelogDb = getDb(),
): Promise<string> {
  let said: string;
  try {
    if (action === 'duplicate') await duplicateTemplate(db, t.id);
    else await setTemplateArchived(db, t.id, action === 'archive');
    said =
      action === 'duplicate'
        ? `Duplicated "${t.name}".`
        : action === 'archive'
          ? `Archived "${t.name}".`
          : `Restored "${t.name}".`;
  } catch (e) {
    said = e instanceof Error ? e.message : String(e);
  }
  await invalidateAfterTemplateChange(qc);
  return said;
}

export interface InsertDeps {
  tabs: TabsApi;
  send: (data: InsertRequest, tabId: number) => Promise<InsertResult>;
  /** Who the tab being filled shows, read at the moment of the insert. */
  personOf: (tabId: number) => Promise<PersonForTemplate | null>;
}

const extensionInsert = (): InsertDeps => ({
  tabs: extensionTabs,
  send: (data, tabId) => sendMessage('insertTemplate', data, tabId),
  personOf: (tabId) => personOfTab(getDb(), tabId, askPage),
});

/**
 * Fills the compose of the Gmail/LinkedIn tab Insert targets. `person` is whom the variables come
 * from: 'tab' = the person that very tab shows, read now (the preview's may be a tab ago), else
 * the one chosen for the preview (null = nobody: fallbacks).
 */
export async function insertTemplate(
  t: Template,
  person: 'tab' | PersonForTemplate | null,
  deps: InsertDeps = extensionInsert(),
): Promise<{ ok: boolean; message: string }> {
  let missing: string[] = [];
  const res = await insertIntoSiteTab(deps.tabs, deps.send, async (tab) => {
    const who = person === 'tab' ? await deps.personOf(tab.id) : person;
    const { missing: m, ...req } = insertRequestFor(t, who);
    missing = m;
    return req;
  });
  const where = res.site === 'linkedin' ? 'the LinkedIn message box' : 'the Gmail compose';
  const message = res.ok
    ? `Inserted into ${where}. Review it and send it yourself.` +
      (missing.length ? ` Fill in ${missing.map((m) => `{{${m}}}`).join(', ')} first.` : '')
    : (res.reason ?? 'Nothing was inserted.');
  return { ok: res.ok, message };
}
