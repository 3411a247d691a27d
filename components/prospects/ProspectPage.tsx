import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { CallOutcome, Seniority, Stage, type Prospect } from '@/lib/schema/model';
import { Info } from '@/components/insights/Info';
import { channelLabel, money } from '@/components/insights/format';
import { loadTimeline } from '@/lib/insights/prospects';
import { logCall, saveProspectEdits } from '@/lib/prospects/edit';
import { Loading } from '@/components/Loading';
import { TimelineItem } from './TimelineItem';

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

export function ProspectPage({ id, onBack }: { id: string; onBack: () => void }) {
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
