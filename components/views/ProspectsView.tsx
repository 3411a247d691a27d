// Prospects: a searchable, paginated list (20k people stay fast: one read, filtered in memory,
// 50 rows drawn), and a prospect's page: one timeline across Gmail, LinkedIn and logged calls,
// with stage, deal value, traits and notes editable (marked manual so capture never overwrites).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { CallOutcome, Seniority, Stage, type Message, type Prospect, type Template } from '@/lib/schema/model';
import { setMessageTemplate } from '@/lib/templates/store';
import { Info } from '@/components/insights/Info';
import { channelLabel, dateText, dateTimeText, money } from '@/components/insights/format';
import { loadProspectList, loadTimeline } from '@/lib/insights/load';
import { usePageProspect, type PageProspect } from '@/components/insights/page-prospect';
import { OnPageNotice } from '@/components/insights/OnPageNotice';
import { ImportLeads } from '@/components/leads/ImportLeads';
import { logCall, saveProspectEdits } from '@/lib/prospects/edit';
import { undoMerge } from '@/lib/prospects/merge';
import type { MergeRecord } from '@/lib/schema/model';
import { MergeProspects } from '@/components/insights/MergeProspects';
import { setLastMerge, useLastMerge } from '@/components/insights/last-merge';
import '@/components/insights/insights.css';
import { Loading } from '@/components/Loading';

const PAGE = 50;
// One collator for 20k names: String.localeCompare builds one per call and is ~10x slower.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

export function ProspectsView() {
  const [selected, setSelected] = useState<string | null>(null);
  // The last merge made by hand: undoable until the panel is closed (components/insights/last-merge.ts).
  const lastMerge = useLastMerge();
  // When the active tab shows a Gmail thread or a LinkedIn conversation/profile, open that prospect
  // (the side panel). The panel opened as a tab of its own only offers the person of the site tab
  // used last: opening them unasked would pull the list away from under the user.
  const onPage = usePageProspect();
  const followId = onPage?.follow ? onPage.prospect.id : null;
  useEffect(() => {
    if (followId) setSelected(followId);
  }, [followId]);
  const [importing, setImporting] = useState(false);
  if (importing) return <ImportLeads onClose={() => setImporting(false)} />;
  const undo = lastMerge ? <UndoMergeBar record={lastMerge} onGone={() => setLastMerge(null)} /> : null;
  if (selected)
    return (
      <>
        {undo}
        <ProspectPage id={selected} onBack={() => setSelected(null)} />
      </>
    );
  return (
    <>
      {undo}
      <ProspectList
        onOpen={setSelected}
        onPage={onPage}
        onImport={() => setImporting(true)}
        onMerged={(r) => {
          setLastMerge(r);
          setSelected(r.keptId);
        }}
      />
    </>
  );
}

/** "Merged … Undo": the merge log entry's undo, offered while the panel stays open. */
function UndoMergeBar({ record, onGone }: { record: MergeRecord; onGone: () => void }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<'busy' | string | null>(null);
  const state = record.undoneAt ? 'undone' : (busy ?? 'merged');
  const undo = async () => {
    setBusy('busy');
    try {
      const at = Date.now();
      await undoMerge(getDb(), record.id, at);
      setBusy(null);
      setLastMerge({ ...record, undoneAt: at });
      void qc.invalidateQueries({ queryKey: ['insights'] });
    } catch (e) {
      setBusy(String(e instanceof Error ? e.message : e));
    }
  };
  const names = `${record.before.merged.name || record.before.merged.emails[0] || 'one record'} and ${record.before.kept.name || record.before.kept.emails[0] || 'another'}`;
  return (
    <div className="notice undo-bar" role="status" data-testid="merge-status">
      {state === 'undone' ? (
        <>Merge undone: {names} are two prospects again. </>
      ) : state === 'merged' || state === 'busy' ? (
        <>
          Merged {names}.{' '}
          <button onClick={undo} disabled={state === 'busy'}>
            Undo
          </button>{' '}
        </>
      ) : (
        <span className="error">{state} </span>
      )}
      <button className="link" aria-label="Dismiss" onClick={onGone}>
        ×
      </button>
    </div>
  );
}

/** The stage filter's extra choice: prospects with no outreach logged (a lead list's rows). */
const NOT_CONTACTED = 'not-contacted';

function ProspectList({
  onOpen,
  onPage,
  onImport,
  onMerged,
}: {
  onOpen: (id: string) => void;
  onPage: PageProspect | null;
  onImport: () => void;
  onMerged: (r: MergeRecord) => void;
}) {
  const q = useQuery({ queryKey: ['insights', 'prospect-list'], queryFn: () => loadProspectList() });
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<Stage | typeof NOT_CONTACTED | ''>('');
  const [page, setPage] = useState(0);
  // Merge by hand: pick two, compare them side by side, merge.
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const index = useMemo(
    () =>
      (q.data ?? [])
        .map((p) => ({ p, hay: [p.name, p.company, p.title, p.location, p.industry, ...p.emails].join(' ').toLowerCase() }))
        .sort((a, b) => collator.compare(a.p.name, b.p.name)),
    [q.data],
  );
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  // Stored stage "contacted" without any outreach logged reads "not contacted yet" (the stage enum has no such value).
  const fresh = (p: (typeof index)[number]['p']) => !p.contacted && p.stage === 'contacted';
  const stageOk = (p: (typeof index)[number]['p']) => !stage || (stage === NOT_CONTACTED ? fresh(p) : p.stage === stage && !fresh(p));
  const hits = terms.length || stage ? index.filter((x) => stageOk(x.p) && terms.every((t) => x.hay.includes(t))) : index;
  const pages = Math.max(1, Math.ceil(hits.length / PAGE));
  const cur = Math.min(page, pages - 1);

  if (q.error) return <p className="notice error">Could not read prospects: {String(q.error)}</p>;
  if (!q.data) return <Loading />;
  if (q.data.length === 0)
    return (
      <section aria-label="Prospects" className="insights">
        <div className="empty">
          <strong>No prospects yet</strong>
          Everyone you write to from Gmail or LinkedIn appears here. Open a LinkedIn profile or send a first message to start.
          <br />
          <button onClick={onImport}>Import leads (CSV)</button>
        </div>
      </section>
    );
  return (
    <section aria-label="Prospects" className="insights">
      {onPage && <OnPageNotice onPage={onPage} onOpen={() => onOpen(onPage.prospect.id)} />}
      <div className="list-actions">
        <span />
        <button onClick={onImport}>Import leads</button>
      </div>
      <input
        type="search"
        className="search"
        placeholder="Search name, company, title, email…"
        aria-label="Search prospects"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
      />
      <select
        aria-label="Stage filter"
        value={stage}
        onChange={(e) => {
          setStage(e.target.value as Stage | typeof NOT_CONTACTED | '');
          setPage(0);
        }}
      >
        <option value="">All stages</option>
        <option value={NOT_CONTACTED}>Not contacted yet</option>
        {Stage.options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <div className="row list-head">
        <p className="small muted" data-testid="prospect-count">
          {hits.length === index.length ? `${index.length} prospects` : `${hits.length} of ${index.length} prospects`}
        </p>
        {index.length > 1 && (
          <button
            className="small"
            aria-pressed={picking}
            onClick={() => {
              setPicking(!picking);
              setPicked([]);
              setComparing(false);
            }}
          >
            {picking ? 'Cancel merge' : 'Merge two…'}
          </button>
        )}
      </div>
      {picking && !comparing && (
        <div className="row small">
          <span className="muted">{picked.length === 2 ? 'Two picked.' : `Pick two prospects who are one person (${picked.length} of 2).`}</span>
          <button className="primary" disabled={picked.length !== 2} onClick={() => setComparing(true)}>
            Compare
          </button>
        </div>
      )}
      {picking && comparing && picked.length === 2 && (
        <MergeProspects
          ids={[picked[0]!, picked[1]!]}
          onCancel={() => setComparing(false)}
          onDone={(r) => {
            setPicking(false);
            setPicked([]);
            setComparing(false);
            onMerged(r);
          }}
        />
      )}
      <ul className="plist">
        {hits.slice(cur * PAGE, cur * PAGE + PAGE).map(({ p }) => {
          const label = p.name || p.emails[0] || 'Unnamed';
          const body = (
            <>
              <span className="row">
                <span className="pname">{label}</span>
                {fresh(p) ? <span className="stage stage-new">not contacted yet</span> : <span className={`stage stage-${p.stage}`}>{p.stage}</span>}
              </span>
              <span className="psub small muted">{[p.title, p.company].filter(Boolean).join(' · ') || p.emails[0] || p.linkedinUrl}</span>
            </>
          );
          if (!picking) {
            return (
              <li key={p.id}>
                <button onClick={() => onOpen(p.id)}>{body}</button>
              </li>
            );
          }
          const on = picked.includes(p.id);
          return (
            <li key={p.id} className="pick">
              <label>
                <input
                  type="checkbox"
                  aria-label={`Pick ${label}`}
                  checked={on}
                  disabled={!on && picked.length >= 2}
                  onChange={() => {
                    setComparing(false);
                    setPicked(on ? picked.filter((x) => x !== p.id) : [...picked, p.id]);
                  }}
                />
                <span className="pick-body">{body}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <div className="pager">
          <button disabled={cur === 0} onClick={() => setPage(cur - 1)}>
            ← Previous
          </button>
          <span className="small muted">
            Page {cur + 1} of {pages}
          </span>
          <button disabled={cur >= pages - 1} onClick={() => setPage(cur + 1)}>
            Next →
          </button>
        </div>
      )}
    </section>
  );
}

type Editable = {
  name: string;
  stage: Stage;
  dealValue: string;
  title: string;
  company: string;
  seniority: string;
  industry: string;
  location: string;
  companySize: string;
  notes: string;
  traits: [string, string][];
};

const toForm = (p: Prospect): Editable => ({
  name: p.name,
  stage: p.stage,
  dealValue: p.dealValue === null ? '' : String(p.dealValue),
  title: p.title ?? '',
  company: p.company ?? '',
  seniority: p.seniority ?? '',
  industry: p.industry ?? '',
  location: p.location ?? '',
  companySize: p.companySize ?? '',
  notes: p.notes,
  traits: Object.entries(p.traits),
});

/** The fields that differ from the stored prospect, in stored form. */
function changes(p: Prospect, f: Editable) {
  const out: Record<string, unknown> = {};
  const text = (k: 'title' | 'company' | 'industry' | 'location' | 'companySize') => {
    const v = f[k].trim() || null;
    if (v !== p[k]) out[k] = v;
  };
  if (f.name.trim() && f.name.trim() !== p.name) out.name = f.name.trim();
  if (f.stage !== p.stage) out.stage = f.stage;
  const deal = f.dealValue.trim() === '' ? null : Number(f.dealValue);
  if (deal !== p.dealValue && (deal === null || Number.isFinite(deal))) out.dealValue = deal;
  text('title');
  text('company');
  text('industry');
  text('location');
  text('companySize');
  const sen = (f.seniority || null) as Prospect['seniority'];
  if (sen !== p.seniority) out.seniority = sen;
  if (f.notes !== p.notes) out.notes = f.notes;
  const traits = Object.fromEntries(f.traits.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), v]));
  if (JSON.stringify(traits) !== JSON.stringify(p.traits)) out.traits = traits;
  return out;
}

function ProspectPage({ id, onBack }: { id: string; onBack: () => void }) {
  const qc = useQueryClient();
  const prospect = useQuery({ queryKey: ['insights', 'prospect', id], queryFn: async () => (await getDb().prospects.get(id)) ?? null });
  const timeline = useQuery({ queryKey: ['insights', 'timeline', id], queryFn: () => loadTimeline(id) });
  const templates = useQuery({ queryKey: ['insights', 'templates'], queryFn: () => getDb().templates.toArray() });
  const [form, setForm] = useState<Editable | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [call, setCall] = useState<{ outcome: CallOutcome; note: string }>({ outcome: 'connected', note: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (prospect.data) setForm(toForm(prospect.data));
  }, [prospect.data]);

  if (prospect.isLoading) return <Loading />;
  const p = prospect.data;
  if (!p || !form)
    return (
      <section className="insights">
        <button onClick={onBack}>← All prospects</button>
        <p className="notice">This prospect no longer exists (merged or deleted).</p>
      </section>
    );

  const diff = changes(p, form);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['insights'] });
  const save = async () => {
    setError(null);
    try {
      await saveProspectEdits(getDb(), p.id, diff);
      setSaved('Saved.');
      refresh();
    } catch (e) {
      setError(String(e));
    }
  };
  const doLogCall = async () => {
    setError(null);
    try {
      await logCall(getDb(), { prospectId: p.id, outcome: call.outcome, note: call.note, at: Date.now() });
      setCall({ ...call, note: '' });
      refresh();
    } catch (e) {
      setError(String(e));
    }
  };
  const manual = (k: string) => (p.manualFields.includes(k) ? <span className="manual"> (edited)</span> : null);
  const set = (k: keyof Editable) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setSaved(null);
    setForm({ ...form, [k]: e.target.value });
  };
  const textField = (k: 'title' | 'company' | 'industry' | 'location' | 'companySize', label: string) => (
    <label className="field">
      <span>
        {label}
        {manual(k)}
      </span>
      <input type="text" value={form[k]} onChange={set(k)} />
    </label>
  );
  const msgs = timeline.data?.messages ?? [];
  const channels = [...new Set((timeline.data?.threads ?? []).map((t) => t.channel))];

  return (
    <section aria-label={`Prospect ${p.name}`} className="insights">
      <button onClick={onBack}>← All prospects</button>
      <div className="phead">
        <h2 data-testid="prospect-name">{p.name || p.emails[0] || 'Unnamed'}</h2>
        <p className="small muted">
          {[p.headline ?? [p.title, p.company].filter(Boolean).join(' at '), ...p.emails, p.linkedinUrl].filter(Boolean).join(' · ')}
          {channels.length > 0 && ` · on ${channels.map(channelLabel).join(' and ')}`}
        </p>
        {(p.industry || p.companySize || p.companyHq) && (
          <p className="small muted" data-testid="company-traits">
            {[p.company, p.industry, p.companySize && `${p.companySize} employees`, p.companyHq && `HQ ${p.companyHq}`].filter(Boolean).join(' · ')}
          </p>
        )}
      </div>

      <div className="card">
        <div className="grid2">
          <label className="field">
            <span>Stage{manual('stage')}</span>
            <select value={form.stage} onChange={set('stage')} aria-label="Stage">
              {Stage.options.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Deal value{manual('dealValue')}</span>
            <input type="number" min="0" step="any" value={form.dealValue} onChange={set('dealValue')} aria-label="Deal value" />
          </label>
        </div>
        <details className="more">
          <summary className="small">Title, company, traits and notes</summary>
          <div className="grid2">
          <label className="field">
            <span>Name{manual('name')}</span>
            <input type="text" value={form.name} onChange={set('name')} />
          </label>
          {textField('title', 'Title')}
          {textField('company', 'Company')}
          <label className="field">
            <span>Seniority{manual('seniority')}</span>
            <select value={form.seniority} onChange={set('seniority')}>
              <option value="">unknown</option>
              {Seniority.options.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          {textField('industry', 'Industry')}
          {textField('location', 'Location')}
          {textField('companySize', 'Company size')}
          </div>
        <div className="field">
          <span>Traits{manual('traits')}</span>
          {form.traits.map(([k, v], i) => (
            <div className="trait-row" key={i}>
              <input type="text" aria-label="Trait name" value={k} onChange={(e) => setForm({ ...form, traits: form.traits.map((t, j) => (j === i ? [e.target.value, t[1]] : t)) })} />
              <input type="text" aria-label="Trait value" value={v} onChange={(e) => setForm({ ...form, traits: form.traits.map((t, j) => (j === i ? [t[0], e.target.value] : t)) })} />
              <button aria-label={`Remove trait ${k}`} onClick={() => setForm({ ...form, traits: form.traits.filter((_, j) => j !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button onClick={() => setForm({ ...form, traits: [...form.traits, ['', '']] })}>Add trait</button>
        </div>
        <label className="field">
          <span>Notes{manual('notes')}</span>
          <textarea value={form.notes} onChange={set('notes')} />
        </label>
        </details>
        <div className="row">
          <button className="primary" disabled={Object.keys(diff).length === 0} onClick={save}>
            Save
          </button>
          {saved && <span className="small" role="status">{saved}</span>}
          {p.stage === 'won' && p.dealValue !== null && <span className="small muted">Won: {money(p.dealValue)}</span>}
        </div>
        <Info>Fields you change here are marked “edited”: capture from Gmail or LinkedIn never overwrites them.</Info>
      </div>

      <div className="card" aria-label="Log a call">
        <h3>Log a call</h3>
        <div className="row">
          <select aria-label="Call outcome" value={call.outcome} onChange={(e) => setCall({ ...call, outcome: e.target.value as CallOutcome })}>
            <option value="connected">Connected</option>
            <option value="voicemail">Voicemail</option>
            <option value="no-answer">No answer</option>
          </select>
          <input type="text" aria-label="Call note" placeholder="Note (optional)" value={call.note} onChange={(e) => setCall({ ...call, note: e.target.value })} style={{ flex: 1, minWidth: 0 }} />
          <button onClick={doLogCall}>Log call</button>
        </div>
      </div>
      {error && <p className="notice error">{error}</p>}

      <h3>Timeline ({msgs.length})</h3>
      {msgs.length === 0 ? (
        <p className="small muted">No messages with {p.name || 'this person'} yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {[...msgs].reverse().slice(0, 200).map((m) => (
            <TimelineItem key={m.id} m={m} templates={templates.data ?? []} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** "to A, B · cc C · bcc D": who an email went to, blind copies included (never prospects); a
 *  recipient by name when the address book had one (`full`: every address, for the tooltip). */
function timelineRecipients(m: Message, full = false): string {
  const who = (l: string) => (full ? l : (/^(.+?)\s*<[^>]+>$/.exec(l)?.[1] ?? l));
  const part = (label: string, list: readonly string[] | undefined) => (list?.length ? `${label} ${list.map(who).join(', ')}` : '');
  return [part('to', m.to), part('cc', m.cc), part('bcc', m.bcc)].filter(Boolean).join(' · ');
}

function TimelineItem({ m, templates }: { m: Message; templates: Template[] }) {
  const isCall = m.kind === 'call' || m.kind === 'voicemail';
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const options = templates.filter((t) => !t.archived || t.id === m.templateId);
  // Gmail "Schedule send": held by Gmail until its time, counted from then (the numbers are taken at now).
  const pending = m.status === 'scheduled' && (m.scheduledAt == null || m.sentAt > Date.now());
  const recipients = m.direction === 'outbound' && m.kind === 'email' ? timelineRecipients(m) : '';
  return (
    <li className={m.direction === 'outbound' ? 'out' : 'in'} data-status={m.status ?? 'sent'}>
      <div className="meta small">
        <span className={`ch ch-${isCall ? 'call' : m.channel}`}>{isCall ? 'Call' : channelLabel(m.channel)}</span>
        <span>{m.direction === 'outbound' ? (isCall ? 'You called' : pending ? 'You scheduled' : 'You wrote') : 'They wrote'}</span>
        <span className="muted" title={dateText(m.sentAt)}>
          {m.status === 'scheduled' && m.scheduledAt == null ? 'time not known' : dateTimeText(m.sentAt)}
        </span>
        {m.scheduledAt !== undefined && (
          <span className="badge sched" data-testid="scheduled-badge" title="Sent with Gmail's Schedule send: counted from its scheduled time.">
            {pending ? 'scheduled, not sent yet' : 'scheduled send'}
          </span>
        )}
        {m.kind === 'linkedin-invite' && <span className="badge">invitation</span>}
        {m.withdrawnAt != null && (
          <span className="badge" data-testid="withdrawn-badge" title="You withdrew this invitation: it is left out of the acceptance numbers.">
            withdrawn
          </span>
        )}
        {m.classification === 'bounce' && <span className="badge bounce">bounce</span>}
        {m.classification === 'auto-reply' && <span className="badge auto">auto-reply</span>}
        {isCall && <span className="badge">{m.kind === 'voicemail' ? 'voicemail' : (m.callOutcome ?? 'no-answer')}</span>}
      </div>
      {recipients && <div className="small muted recipients" title={timelineRecipients(m, true)}>{recipients}</div>}
      {m.subject && <div className="small"><strong>{m.subject}</strong></div>}
      {/* LinkedIn: the text as last edited, marked; the text first sent (what template attribution reads) in its tooltip. */}
      {m.editedText !== undefined ? (
        <div className="text small" data-testid="edited-text" title={`Edited on LinkedIn. First sent as: ${m.text}`}>
          {m.editedText} <span className="badge">edited</span>
        </div>
      ) : (
        m.text && <div className="text small">{m.text}</div>
      )}
      {m.direction === 'outbound' && !isCall && (
        <label className="small muted">
          Template:{' '}
          <select
            className="tpl-pick"
            aria-label="Template of this message"
            disabled={busy}
            value={m.templateId ?? ''}
            onChange={async (e) => {
              setBusy(true);
              setErr(null);
              try {
                // Recomputes the thread summary and broadcasts "db changed": every number follows.
                await setMessageTemplate(getDb(), m.id, e.target.value || null);
              } catch (x) {
                setErr(String(x));
              } finally {
                setBusy(false);
              }
            }}
          >
            <option value="">No template</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {m.templateSource && m.templateId && <span> ({m.templateSource})</span>}
          {err && <span className="notice error">{err}</span>}
        </label>
      )}
    </li>
  );
}
