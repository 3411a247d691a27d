// "Import leads", its hooks: the steps (pick, reading, map, importing, done) with the reads and the
// import of lib/insights/prospects.ts, and the mapping screen's state: columns, lead source, and
// the preview re-planned after a pause in the typing (lib/leads, in memory).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { importLeadList, leadFileRefused, readLeadFile } from '@/lib/insights/prospects';
import { MULTI_FIELDS, missingIdentifier, traitName, type ColumnMapping, type ColumnRole } from '@/lib/leads/guess';
import type { LeadImportResult } from '@/lib/leads/import';
import { planLeadImport, type ImportPlan } from '@/lib/leads/match';
import type { OpenedLeadFile } from '@/lib/leads/open';
import { buildLeads, type LeadRows } from '@/lib/leads/rows';
import type { Prospect } from '@/lib/schema/model';

export type Step =
  | { kind: 'pick'; error: string | null }
  | { kind: 'reading'; name: string }
  | { kind: 'map'; file: OpenedLeadFile; stored: Prospect[] }
  | { kind: 'importing'; file: OpenedLeadFile }
  | { kind: 'done'; file: OpenedLeadFile; result: LeadImportResult; hasLeadSource: boolean };

export function useImportLeads() {
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'pick', error: null });
  const [importError, setImportError] = useState<string | null>(null);

  async function pick(f: File | undefined) {
    if (!f) return;
    setImportError(null);
    // Refused before a byte of it is read.
    const refused = leadFileRefused(f.size);
    if (refused) return setStep({ kind: 'pick', error: refused });
    setStep({ kind: 'reading', name: f.name });
    const r = await readLeadFile(f);
    setStep(r.ok ? { kind: 'map', file: r.file, stored: r.stored } : { kind: 'pick', error: r.message });
  }

  async function importRows(file: OpenedLeadFile, rows: LeadRows) {
    setImportError(null);
    setStep({ kind: 'importing', file });
    const r = await importLeadList(qc, rows);
    if (r.ok) return setStep({ kind: 'done', file, result: r.result, hasLeadSource: r.hasLeadSource });
    setImportError(r.message);
    setStep({ kind: 'map', file, stored: r.stored });
  }

  return { step, importError, pick, importRows };
}

/** The mapping screen: how each column is read, the lead source of rows without one, and what the import would do. */
export function useLeadMapping(file: OpenedLeadFile, stored: Prospect[]) {
  const { parsed } = file;
  const [mapping, setMapping] = useState<ColumnMapping[]>(file.mapping);
  const [leadSource, setLeadSource] = useState(file.defaultLeadSource);
  // Typing a trait name re-plans 50,000 rows: wait for a pause in the typing.
  const [settled, setSettled] = useState({ mapping, leadSource });
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ mapping, leadSource }), 250);
    return () => clearTimeout(timer);
  }, [mapping, leadSource]);

  const missing = missingIdentifier(settled.mapping);
  const rows = useMemo(
    () => buildLeads(parsed, settled.mapping, { leadSource: settled.leadSource }),
    [parsed, settled],
  );
  // New prospects are stamped with the time the screen opened.
  const [now] = useState(() => Date.now());
  const plan: ImportPlan | null = useMemo(
    () => (missing ? null : planLeadImport(rows.leads, stored, now, rows.skipped)),
    [rows, stored, now, missing],
  );
  const outcome = useMemo(() => new Map((plan?.rows ?? []).map((o) => [o.row, o])), [plan]);

  const setRole = (i: number, role: ColumnRole) =>
    setMapping((m) =>
      m.map((c, j) => {
        if (j === i) return { ...c, role, why: '', trait: c.trait || traitName(parsed.headers[i]) };
        // A single field moves: the column that held it is ignored.
        if (role !== 'trait' && role !== 'ignore' && !MULTI_FIELDS.has(role) && c.role === role)
          return { ...c, role: 'ignore', why: `"${parsed.headers[i]}" is used instead` };
        return c;
      }),
    );
  const setTrait = (i: number, trait: string) => setMapping((m) => m.map((c, j) => (j === i ? { ...c, trait } : c)));
  /** The preview shows what is typed (no pause pending). */
  const upToDate = settled.mapping === mapping && settled.leadSource === leadSource;
  return { mapping, setRole, setTrait, leadSource, setLeadSource, missing, rows, plan, outcome, upToDate };
}
