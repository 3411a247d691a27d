// Templates tab: the library (search, tag filter, archive), the create/edit form, a preview filled
// with the current tab's prospect (or one chosen), the numbers per template and version, and
// Insert into the Gmail/LinkedIn tab. Reads Dexie through react-query; App invalidates every
// query when the background broadcasts "db changed", and writes here invalidate directly too.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { getSettings } from '@/lib/settings';
import { sendMessage } from '@/lib/messaging';
import type { Prospect, Template } from '@/lib/schema/model';
import { templateNumbers } from '@/lib/templates/stats';
import { loadFacts } from '@/lib/insights/facts-store';
import {
  createTemplate,
  duplicateTemplate,
  setTemplateArchived,
  updateTemplate,
  type TemplateDraft,
} from '@/lib/templates/store';
import { insertIntoSiteTab, insertRequestFor } from '@/lib/templates/insert';
import { personOfTab, prospectOfSiteTab, type TabsApi } from '@/lib/prospects/page-prospect';
import { TemplateCard, type InsertState } from '@/components/templates/TemplateCard';
import { TemplateForm } from '@/components/templates/TemplateForm';
import '@/components/templates/templates.css';
import { Loading } from '@/components/Loading';

const tabsApi: TabsApi = { query: (q) => browser.tabs.query(q) };

const EMPTY_DRAFT: TemplateDraft = {
  name: '',
  channel: 'any',
  subject: '',
  body: 'Hi {{firstName|there}},\n\n',
  tags: [],
};

const AUTO = '';
const NONE = 'none';

const askPage = (tabId: number) => sendMessage('getPageContext', undefined, tabId);
const pageProspect = () => prospectOfSiteTab(getDb(), tabsApi, askPage);

export function TemplatesView() {
  const qc = useQueryClient();
  const id = useId();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [previewChoice, setPreviewChoice] = useState(AUTO);
  const [inserts, setInserts] = useState<Record<string, InsertState>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const templates = useQuery({ queryKey: ['templates'], queryFn: () => getDb().templates.toArray() });
  const numbers = useQuery({
    queryKey: ['template-numbers'],
    queryFn: async () => {
      const [{ facts }, settings] = await Promise.all([loadFacts(), getSettings()]);
      return templateNumbers(facts, settings.replyWindowDays, Date.now());
    },
  });
  const prospects = useQuery({
    queryKey: ['templates-preview-prospects'],
    queryFn: () => getDb().prospects.orderBy('updatedAt').reverse().limit(300).toArray(),
  });
  const current = useQuery({ queryKey: ['page-prospect'], queryFn: pageProspect, refetchOnWindowFocus: true, staleTime: 5_000 });
  // The user moves between conversations: look again when a tab is activated or finishes loading.
  useEffect(() => {
    const again = () => void qc.invalidateQueries({ queryKey: ['page-prospect'] });
    const onUpdated = (_id: number, info: { status?: string }) => info.status === 'complete' && again();
    browser.tabs.onActivated.addListener(again);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(again);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [qc]);

  const previewProspect: Prospect | null =
    previewChoice === AUTO
      ? (current.data ?? null)
      : previewChoice === NONE
        ? null
        : (prospects.data?.find((p) => p.id === previewChoice) ?? null);

  const all = templates.data ?? [];
  const allTags = useMemo(() => [...new Set(all.flatMap((t) => t.tags))].sort((a, b) => a.localeCompare(b)), [all]);
  const q = query.trim().toLowerCase();
  const visible = all
    .filter((t) => showArchived || !t.archived)
    .filter((t) => !tag || t.tags.includes(tag))
    .filter((t) => !q || [t.name, t.subject ?? '', t.body, ...t.tags].some((s) => s.toLowerCase().includes(q)))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
  const archivedCount = all.filter((t) => t.archived).length;

  const refresh = () => qc.invalidateQueries();

  const save = async (draft: TemplateDraft) => {
    const db = getDb();
    if (editing === 'new') {
      const t = await createTemplate(db, draft);
      setNotice(`Created "${t.name}".`);
    } else if (editing) {
      const before = editing.version;
      const t = await updateTemplate(db, editing.id, draft);
      setNotice(t.version > before ? `Saved "${t.name}" as version ${t.version}.` : `Saved "${t.name}".`);
    }
    setEditing(null);
    await refresh();
  };

  const insert = async (t: Template) => {
    setInserts((s) => ({ ...s, [t.id]: { busy: true } }));
    let missing: string[] = [];
    const res = await insertIntoSiteTab(
      tabsApi,
      (data, tabId) => sendMessage('insertTemplate', data, tabId),
      async (tab) => {
        // "Current tab" means the tab being filled, read now: the cached one may be a tab ago.
        const who = previewChoice === AUTO ? await personOfTab(getDb(), tab.id, askPage) : previewProspect;
        const { missing: m, ...req } = insertRequestFor(t, who);
        missing = m;
        return req;
      },
    );
    if (previewChoice === AUTO) void qc.invalidateQueries({ queryKey: ['page-prospect'] });
    const where = res.site === 'linkedin' ? 'the LinkedIn message box' : 'the Gmail compose';
    const message = res.ok
      ? `Inserted into ${where}. Review it and send it yourself.` +
        (missing.length ? ` Fill in ${missing.map((m) => `{{${m}}}`).join(', ')} first.` : '')
      : (res.reason ?? 'Nothing was inserted.');
    setInserts((s) => ({ ...s, [t.id]: { busy: false, ok: res.ok, message } }));
  };

  const act = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      setNotice(done);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
    await refresh();
  };

  if (templates.isPending) return <section aria-label="Templates" className="tpl-view"><Loading label="Loading templates…" /></section>;
  if (templates.isError)
    return (
      <section aria-label="Templates" className="tpl-view">
        <p className="notice error" role="alert">Could not read templates: {String(templates.error)}</p>
      </section>
    );

  return (
    <section aria-label="Templates" className="tpl-view">
      <div className="tpl-top">
        <h2>Templates</h2>
        {editing === null && all.length > 0 && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New template
          </button>
        )}
      </div>
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}

      {editing === 'new' && (
        <TemplateForm key="new" title="New template" initial={EMPTY_DRAFT} previewProspect={previewProspect} onSave={save} onCancel={() => setEditing(null)} />
      )}

      {all.length === 0 && editing === null ? (
        <div className="empty">
          <strong>No templates yet</strong>
          <p>
            Create your first template: write a message once with <code>{'{{firstName}}'}</code> and{' '}
            <code>{'{{company}}'}</code>, insert it into Gmail or LinkedIn, and see which version gets replies.
          </p>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Create your first template
          </button>
        </div>
      ) : (
        all.length > 0 && (
          <>
            <div className="tpl-filters">
              <div className="field">
                <label className="tpl-label" htmlFor={`${id}-q`}>Search templates</label>
                <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, text or tag" />
              </div>
              {allTags.length > 0 && (
                <div className="field">
                  <label className="tpl-label" htmlFor={`${id}-tag`}>Tag</label>
                  <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
                    <option value="">All tags</option>
                    {allTags.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="field">
                <label className="tpl-label" htmlFor={`${id}-who`}>Preview and insert for</label>
                <select id={`${id}-who`} value={previewChoice} onChange={(e) => setPreviewChoice(e.target.value)}>
                  <option value={AUTO}>{current.data ? `Current tab: ${current.data.name || 'unnamed prospect'}` : 'Current tab (no prospect found)'}</option>
                  <option value={NONE}>Nobody (fallbacks)</option>
                  {(prospects.data ?? []).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name || p.emails[0] || p.id}
                      {p.company ? ` (${p.company})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              {archivedCount > 0 && (
                <label className="tpl-check">
                  <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived ({archivedCount})
                </label>
              )}
            </div>
            {visible.length === 0 ? (
              <p className="empty">No template matches{q ? ` "${query}"` : ''}{tag ? ` with tag "${tag}"` : ''}.</p>
            ) : (
              <div className="tpl-list">
                {visible.map((t) =>
                  // Edited in place, so the form opens where the user clicked, not at the top of a long list.
                  editing !== null && editing !== 'new' && editing.id === t.id ? (
                    <TemplateForm
                      key={t.id}
                      title={`Edit ${t.name}`}
                      initial={editing}
                      editingVersion={editing.version}
                      previewProspect={previewProspect}
                      onSave={save}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <TemplateCard
                      key={t.id}
                      template={t}
                      numbers={numbers.data?.get(t.id)}
                      previewProspect={previewProspect}
                      insertState={inserts[t.id]}
                      onInsert={() => void insert(t)}
                      onEdit={() => setEditing(t)}
                      onDuplicate={() => void act(() => duplicateTemplate(getDb(), t.id), `Duplicated "${t.name}".`)}
                      onArchive={(archived) =>
                        void act(() => setTemplateArchived(getDb(), t.id, archived), archived ? `Archived "${t.name}".` : `Restored "${t.name}".`)
                      }
                    />
                  ),
                )}
              </div>
            )}
          </>
        )
      )}
    </section>
  );
}
