// Templates tab: the library (search, tag filter, archive), the create/edit form, a preview filled
// with the current tab's prospect (or one chosen), the numbers per template and version (the
// Dashboard's, with n, interval and verdict), and Insert into the Gmail/LinkedIn tab. Reads and
// actions: lib/insights/templates.ts through components/templates/use-templates.ts.
import { useId } from 'react';
import type { TemplateDraft } from '@/lib/templates/store';
import { TemplateCard } from '@/components/templates/TemplateCard';
import { TemplateFilters } from '@/components/templates/TemplateFilters';
import { TemplateForm } from '@/components/templates/TemplateForm';
import {
  usePreviewProspect,
  useTemplateActions,
  useTemplateFilter,
  useTemplateLibrary,
  useTemplateStats,
} from '@/components/templates/use-templates';
import '@/components/templates/templates.css';
import { Loading } from '@/components/Loading';

const EMPTY_DRAFT: TemplateDraft = {
  name: '',
  channel: 'any',
  subject: '',
  body: 'Hi {{firstName|there}},\n\n',
  tags: [],
};

export function TemplatesView() {
  const id = useId();
  const templates = useTemplateLibrary();
  const stats = useTemplateStats();
  const list = useTemplateFilter(templates.data);
  const preview = usePreviewProspect();
  const { editing, setEditing, notice, inserts, save, act, insert } = useTemplateActions(preview);

  if (templates.isPending)
    return (
      <section aria-label="Templates" className="tpl-view">
        <Loading label="Loading templates…" />
      </section>
    );
  if (templates.isError)
    return (
      <section aria-label="Templates" className="tpl-view">
        <p className="notice error" role="alert">
          Could not read templates: {String(templates.error)}
        </p>
      </section>
    );

  const all = templates.data;
  const { filter } = list;
  const q = filter.query.trim();
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
        <TemplateForm
          key="new"
          title="New template"
          initial={EMPTY_DRAFT}
          previewProspect={preview.prospect}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
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
            <TemplateFilters
              id={id}
              filter={filter}
              setFilter={list.setFilter}
              tags={list.tags}
              archivedCount={list.archivedCount}
              preview={preview}
            />
            {list.visible.length === 0 ? (
              <p className="empty">
                No template matches{q ? ` "${filter.query}"` : ''}
                {filter.tag ? ` with tag "${filter.tag}"` : ''}.
              </p>
            ) : (
              <div className="tpl-list">
                {list.visible.map((t) =>
                  // Edited in place, so the form opens where the user clicked, not at the top of a long list.
                  editing !== null && editing !== 'new' && editing.id === t.id ? (
                    <TemplateForm
                      key={t.id}
                      title={`Edit ${t.name}`}
                      initial={editing}
                      editingVersion={editing.version}
                      previewProspect={preview.prospect}
                      onSave={save}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <TemplateCard
                      key={t.id}
                      template={t}
                      stats={stats?.get(t.id)}
                      previewProspect={preview.prospect}
                      insertState={inserts[t.id]}
                      onInsert={() => void insert(t)}
                      onEdit={() => setEditing(t)}
                      onDuplicate={() => void act(t, 'duplicate')}
                      onArchive={(archived) => void act(t, archived ? 'archive' : 'unarchive')}
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
