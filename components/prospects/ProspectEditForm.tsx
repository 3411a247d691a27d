// The edit form of a prospect's page: stage and deal value, then (folded) name, title, company,
// seniority, company traits, custom traits and notes. A field set here is marked "edited".
import type { ProspectForm, ProspectTextField } from '@/lib/insights/prospects';
import { Seniority, Stage, type Prospect } from '@/lib/schema/model';
import { Info } from '@/components/insights/Info';
import { money } from '@/components/insights/format';
import type { ProspectActions } from './use-prospect-page';

type FormActions = Pick<ProspectActions, 'form' | 'setField' | 'setTraits' | 'edits' | 'saved' | 'save'>;

export function ProspectEditForm({ p, actions }: { p: Prospect; actions: FormActions }) {
  const { form, setField, setTraits, edits, saved, save } = actions;
  const manual = (k: string) => (p.manualFields.includes(k) ? <span className="manual"> (edited)</span> : null);
  const set =
    (k: Exclude<keyof ProspectForm, 'traits'>) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setField(k, e.target.value);
  const textField = (k: ProspectTextField, label: string) => (
    <label className="field">
      <span>
        {label}
        {manual(k)}
      </span>
      <input type="text" value={form[k]} onChange={set(k)} />
    </label>
  );
  return (
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
          <input
            type="number"
            min="0"
            step="any"
            value={form.dealValue}
            onChange={set('dealValue')}
            aria-label="Deal value"
          />
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
              <input
                type="text"
                aria-label="Trait name"
                value={k}
                onChange={(e) => setTraits(form.traits.map((t, j) => (j === i ? [e.target.value, t[1]] : t)))}
              />
              <input
                type="text"
                aria-label="Trait value"
                value={v}
                onChange={(e) => setTraits(form.traits.map((t, j) => (j === i ? [t[0], e.target.value] : t)))}
              />
              <button aria-label={`Remove trait ${k}`} onClick={() => setTraits(form.traits.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <button onClick={() => setTraits([...form.traits, ['', '']])}>Add trait</button>
        </div>
        <label className="field">
          <span>Notes{manual('notes')}</span>
          <textarea value={form.notes} onChange={set('notes')} />
        </label>
      </details>
      <div className="row">
        <button className="primary" disabled={Object.keys(edits).length === 0} onClick={save}>
          Save
        </button>
        {saved && (
          <span className="small" role="status">
            {saved}
          </span>
        )}
        {p.stage === 'won' && p.dealValue !== null && <span className="small muted">Won: {money(p.dealValue)}</span>}
      </div>
      <Info>Fields you change here are marked “edited”: capture from Gmail or LinkedIn never overwrites them.</Info>
    </div>
  );
}
