// The Templates tab's hooks over lib/insights/templates.ts: the library and its numbers, the list's
// filter, the prospect the preview (and an insert) is filled for, and the tab's actions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { refreshPageProspect } from '@/lib/insights/page-prospect';
import {
  filterTemplates,
  insertTemplate,
  recentProspectsQuery,
  saveTemplate,
  templateAction,
  templatesQuery,
  templateStatsQuery,
  type TemplateFilter,
} from '@/lib/insights/templates';
import type { Prospect, Template } from '@/lib/schema/model';
import type { TemplateDraft } from '@/lib/templates/store';
import { usePageProspect } from '@/components/insights/page-prospect';
import type { InsertState } from './TemplateCard';

export const useTemplateLibrary = () => useQuery(templatesQuery());

/** Per template id, its numbers (undefined while they load). */
export const useTemplateStats = () => useQuery(templateStatsQuery()).data;

const NO_TEMPLATES: Template[] = [];

export function useTemplateFilter(all: readonly Template[] = NO_TEMPLATES) {
  const [filter, set] = useState<TemplateFilter>({ query: '', tag: '', showArchived: false });
  const setFilter = useCallback((patch: Partial<TemplateFilter>) => set((f) => ({ ...f, ...patch })), []);
  const result = useMemo(() => filterTemplates(all, filter), [all, filter]);
  return { filter, setFilter, ...result };
}

/** The preview's choices: the person on the tab Insert fills (AUTO), nobody (NONE), or a prospect's id. */
export const AUTO = '';
export const NONE = 'none';

export interface PreviewProspect {
  choice: string;
  setChoice: (choice: string) => void;
  /** The person on the tab Insert fills, if Sidelog knows them. */
  current: Prospect | null;
  /** The prospects offered by name. */
  recent: Prospect[];
  /** Whom the preview is filled for. */
  prospect: Prospect | null;
}

export function usePreviewProspect(): PreviewProspect {
  const [choice, setChoice] = useState(AUTO);
  const current = usePageProspect('insert')?.prospect ?? null;
  const recent = useQuery(recentProspectsQuery()).data ?? [];
  const prospect = choice === AUTO ? current : choice === NONE ? null : (recent.find((p) => p.id === choice) ?? null);
  return { choice, setChoice, current, recent, prospect };
}

/** What the form is open for: a new template, one being edited, or nothing. */
export type Editing = Template | 'new' | null;

export function useTemplateActions(preview: Pick<PreviewProspect, 'choice' | 'prospect'>) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inserts, setInserts] = useState<Record<string, InsertState>>({});

  /** Saves the open form; a failure is thrown for the form to show. */
  const save = async (draft: TemplateDraft) => {
    if (editing === null) return;
    setNotice(await saveTemplate(qc, editing, draft));
    setEditing(null);
  };
  const act = async (t: Template, action: 'duplicate' | 'archive' | 'unarchive') =>
    setNotice(await templateAction(qc, t, action));
  const insert = async (t: Template) => {
    setInserts((s) => ({ ...s, [t.id]: { busy: true } }));
    const auto = preview.choice === AUTO;
    const res = await insertTemplate(t, auto ? 'tab' : preview.prospect);
    // The person of the tab just filled was read afresh: the preview follows.
    if (auto) void refreshPageProspect(qc, 'insert');
    setInserts((s) => ({ ...s, [t.id]: { busy: false, ...res } }));
  };
  return { editing, setEditing, notice, inserts, save, act, insert };
}
