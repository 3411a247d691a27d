// "Import leads" (Prospects tab): pick a CSV, check how its columns are read, see what will happen,
// import. Renders only: its steps and the mapping screen's state are components/leads/use-import-leads.ts,
// reads and writes lib/insights/prospects.ts (over lib/leads).
import { useState } from 'react';
import { MAX_LEAD_FILE_BYTES, MAX_LEAD_ROWS } from '@/lib/leads/file';
import { FIELD_LABELS, LEAD_FIELDS, LEAD_SOURCE_TRAIT, type ColumnRole } from '@/lib/leads/guess';
import type { RowOutcome } from '@/lib/leads/match';
import type { OpenedLeadFile } from '@/lib/leads/open';
import type { Lead, LeadRows } from '@/lib/leads/rows';
import type { Prospect } from '@/lib/schema/model';
import { requestDimension } from '@/components/insights/dimension-request';
import { Info } from '@/components/insights/Info';
import { useImportLeads, useLeadMapping, type Step } from './use-import-leads';
import './leads.css';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function ImportLeads({ onClose }: { onClose: () => void }) {
  const { step, importError, pick, importRows } = useImportLeads();

  return (
    <section aria-label="Import leads" className="insights leads">
      <button onClick={onClose}>← All prospects</button>
      <h2>Import leads</h2>
      {(step.kind === 'pick' || step.kind === 'reading') && (
        <div className="card">
          <p className="small">
            A CSV of leads from Sales Navigator (exported with PhantomBuster, Evaboot…), Apollo, HubSpot or a sheet of
            your own. Columns are matched next; people already here are matched by email, then LinkedIn URL, then name
            and company.
          </p>
          <label className="field">
            <span>Lead list (CSV)</span>
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              aria-label="Lead list (CSV)"
              disabled={step.kind === 'reading'}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </label>
          {step.kind === 'reading' && (
            <p className="small" role="status">
              Reading {step.name}…
            </p>
          )}
          {step.kind === 'pick' && step.error && (
            <p className="notice error" role="alert" data-testid="lead-file-error">
              {step.error}
            </p>
          )}
          <Info>
            Up to {mb(MAX_LEAD_FILE_BYTES)} and {MAX_LEAD_ROWS.toLocaleString('en')} rows; UTF-8, UTF-16 or Windows
            (Excel) encodings; comma, semicolon or tab separated.
          </Info>
        </div>
      )}
      {step.kind === 'map' && (
        <Mapping
          key={step.file.name}
          file={step.file}
          stored={step.stored}
          onImport={importRows}
          onCancel={onClose}
          error={importError}
        />
      )}
      {step.kind === 'importing' && (
        <p className="small" role="status">
          Importing {step.file.name}…
        </p>
      )}
      {step.kind === 'done' && <Done step={step} onClose={onClose} />}
    </section>
  );
}

function Done({ step, onClose }: { step: Extract<Step, { kind: 'done' }>; onClose: () => void }) {
  const { plan, written } = step.result;
  return (
    <div className="card">
      <p className="notice ok" role="status" data-testid="lead-import-done">
        {written === 0
          ? `Nothing new in ${step.file.name}: everyone in it is already here with these details.`
          : `Imported ${step.file.name}: ${plan.created} new ${plan.created === 1 ? 'prospect' : 'prospects'}, ${plan.enriched} completed, ${plan.skipped.length} ${plan.skipped.length === 1 ? 'row' : 'rows'} skipped.`}
      </p>
      <div className="row">
        {step.hasLeadSource && (
          <button
            className="primary"
            onClick={() => {
              requestDimension(`trait:${LEAD_SOURCE_TRAIT}`);
              document.getElementById('tab-dashboard')?.click();
            }}
          >
            Reply rate by lead source →
          </button>
        )}
        <button onClick={onClose}>Back to prospects</button>
      </div>
    </div>
  );
}

const ROLE_OPTIONS: { value: ColumnRole; label: string }[] = [
  { value: 'ignore', label: 'Ignore' },
  ...LEAD_FIELDS.map((f) => ({ value: f as ColumnRole, label: FIELD_LABELS[f] })),
  { value: 'trait', label: 'Custom trait' },
];

function outcomeText(o: RowOutcome | undefined): string {
  if (!o) return '';
  switch (o.kind) {
    case 'new':
      return 'new, not contacted yet';
    case 'matched':
      return `matched by ${o.by}`;
    case 'duplicate':
      return `same person as row ${o.of}`;
    case 'skipped':
      return `skipped: ${o.reason}`;
  }
}

function Mapping({
  file,
  stored,
  onImport,
  onCancel,
  error,
}: {
  file: OpenedLeadFile;
  stored: Prospect[];
  onImport: (file: OpenedLeadFile, rows: LeadRows) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const { parsed, samples } = file;
  const { mapping, setRole, setTrait, leadSource, setLeadSource, missing, rows, plan, outcome, upToDate } =
    useLeadMapping(file, stored);
  const [showIgnored, setShowIgnored] = useState(false);

  const used = mapping.map((c, i) => i).filter((i) => mapping[i].role !== 'ignore');
  const ignored = mapping.map((c, i) => i).filter((i) => mapping[i].role === 'ignore');
  const shown = showIgnored ? mapping.map((_, i) => i) : used;
  const firstLeads: Lead[] = rows.leads.slice(0, 5);
  const skippedBy = new Map<string, number[]>();
  for (const s of plan?.skipped ?? rows.skipped)
    (skippedBy.get(s.reason) ?? skippedBy.set(s.reason, []).get(s.reason)!).push(s.row);
  const canImport = !!plan && plan.writes.length > 0;

  return (
    <>
      <p className="small" data-testid="lead-file-summary">
        <strong>{file.name}</strong>: {parsed.rows.length.toLocaleString('en')}{' '}
        {parsed.rows.length === 1 ? 'row' : 'rows'}, {parsed.headers.length}{' '}
        {parsed.headers.length === 1 ? 'column' : 'columns'}
        {file.tool ? ` · ${file.tool} export` : ''}
        {file.encoding !== 'utf-8'
          ? ` · ${file.encoding === 'windows-1252' ? 'Windows (Excel) encoding' : 'UTF-16'}`
          : ''}
        {parsed.delimiter === ';' ? ' · semicolons' : parsed.delimiter === '\t' ? ' · tabs' : ''}
      </p>
      <div className="card" aria-label="Columns">
        <h3>Columns</h3>
        <ul className="lead-cols" data-testid="lead-columns">
          {shown.map((i) => {
            const c = mapping[i];
            const h = parsed.headers[i];
            return (
              <li key={i} className={c.role === 'ignore' ? 'ignored' : ''}>
                <div className="lead-col-name">
                  <strong title={h}>{h}</strong>
                  <span className="small muted sample" title={samples[i]?.values.slice(0, 3).join(' · ')}>
                    {samples[i]?.values.slice(0, 2).join(' · ') || 'empty'}
                  </span>
                </div>
                <select
                  aria-label={`Use of column ${h}`}
                  value={c.role}
                  onChange={(e) => setRole(i, e.target.value as ColumnRole)}
                >
                  {ROLE_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {c.role === 'trait' && (
                  <input
                    type="text"
                    aria-label={`Trait name for column ${h}`}
                    value={c.trait}
                    maxLength={100}
                    onChange={(e) => setTrait(i, e.target.value)}
                  />
                )}
                {c.role === 'ignore' && c.why && <span className="small muted why">{c.why}</span>}
              </li>
            );
          })}
        </ul>
        {ignored.length > 0 && (
          <button className="small" onClick={() => setShowIgnored(!showIgnored)}>
            {showIgnored
              ? 'Hide ignored columns'
              : `Show ${ignored.length} ignored ${ignored.length === 1 ? 'column' : 'columns'}`}
          </button>
        )}
        <label className="field lead-source">
          <span>Lead source for rows without one</span>
          <input
            type="text"
            aria-label="Lead source for rows without one"
            value={leadSource}
            maxLength={100}
            onChange={(e) => setLeadSource(e.target.value)}
          />
        </label>
        <Info>
          Several location columns (city, state, country) are joined. Custom traits (such as lead source or campaign)
          become choices of “Who replies” on the Dashboard. A lead source set here goes to rows whose own is empty;
          clear it to set none.
        </Info>
      </div>

      {missing && (
        <p className="notice error" role="alert" data-testid="lead-missing-id">
          {missing}
        </p>
      )}
      {plan && (
        <div className="card" aria-label="Preview">
          <h3>What will happen</h3>
          <p data-testid="lead-summary">
            <strong>{plan.created}</strong> new · <strong>{plan.matched}</strong> matched ({plan.enriched} gain details)
            · <strong>{plan.skipped.length}</strong> skipped
            {plan.duplicates > 0 ? ` · ${plan.duplicates} repeated rows merged` : ''}
          </p>
          {skippedBy.size > 0 && (
            <ul className="small lead-notes" data-testid="lead-skipped">
              {[...skippedBy].map(([reason, at]) => (
                <li key={reason}>
                  {at.length} skipped: {reason} (row{at.length > 1 ? 's' : ''} {at.slice(0, 6).join(', ')}
                  {at.length > 6 ? '…' : ''})
                </li>
              ))}
            </ul>
          )}
          {rows.formulas.length > 0 && (
            <p className="notice small" data-testid="lead-formulas">
              {rows.formulas.length} {rows.formulas.length === 1 ? 'cell starts' : 'cells start'} with =, +, - or @ (row{' '}
              {rows.formulas[0].row}, {rows.formulas[0].column}: <code>{rows.formulas[0].value}</code>). They are kept
              as plain text and never run; the messages CSV export escapes them.
            </p>
          )}
          {plan.kept.length > 0 && (
            <p className="small muted" data-testid="lead-kept">
              {plan.kept.length} {plan.kept.length === 1 ? 'value differs' : 'values differ'} from what Sidelog has and{' '}
              {plan.kept.length === 1 ? 'is' : 'are'} left as stored (row {plan.kept[0].row}, {plan.kept[0].field}: “
              {plan.kept[0].stored}”, file “{plan.kept[0].lead}”). A lead list only fills what is missing.
            </p>
          )}
          {plan.conflicts.length > 0 && (
            <p className="small muted">
              {plan.conflicts.length} email or LinkedIn{' '}
              {plan.conflicts.length === 1 ? 'address belongs' : 'addresses belong'} to another prospect and{' '}
              {plan.conflicts.length === 1 ? 'is' : 'are'} not added.
            </p>
          )}
          {firstLeads.length > 0 && (
            <table className="lead-preview" data-testid="lead-preview">
              <thead>
                <tr>
                  <th className="num">Row</th>
                  <th>Lead</th>
                  <th>Result</th>
                </tr>
              </thead>
              <tbody>
                {firstLeads.map((l) => (
                  <tr key={l.row}>
                    <td className="num">{l.row}</td>
                    <td>
                      <span className="clip">
                        <strong>{l.name || l.emails[0] || l.linkedin?.url}</strong>
                        {[l.title, l.company].filter(Boolean).length > 0 && (
                          <span className="muted"> · {[l.title, l.company].filter(Boolean).join(', ')}</span>
                        )}
                      </span>
                      <span className="small muted clip">{l.emails[0] ?? l.linkedin?.url ?? ''}</span>
                    </td>
                    <td className="small">{outcomeText(outcome.get(l.row))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button className="primary" disabled={!canImport || !upToDate} onClick={() => onImport(file, rows)}>
          {plan && plan.writes.length > 0
            ? `Import ${plan.created + plan.enriched} ${plan.created + plan.enriched === 1 ? 'lead' : 'leads'}`
            : 'Nothing to import'}
        </button>
        <button onClick={onCancel}>Cancel</button>
      </div>
    </>
  );
}
