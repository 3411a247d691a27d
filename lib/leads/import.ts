// Lead lists, the database side: the preview reads the stored prospects and plans; the import
// plans again inside one read-write transaction over the prospects (so what it writes follows
// what is stored at that moment, not at preview time) and writes every new or enriched prospect
// at once. Nothing is written when the plan has nothing to write; a failure rolls everything back.
import type { SidelogDb } from '../db/db';
import { notifyDbChanged } from '../db/changes';
import type { Prospect } from '../schema/model';
import { planLeadImport, type ImportPlan } from './match';
import type { LeadRows } from './rows';

/** The stored prospects the preview matches against (read once; the preview re-plans in memory as the mapping changes). */
export async function loadMatchTargets(db: SidelogDb): Promise<Prospect[]> {
  return (await db.prospects.toArray()) as Prospect[];
}

/** Plans an import without writing (the preview). */
export async function previewLeadImport(db: SidelogDb, rows: LeadRows, now: number): Promise<ImportPlan> {
  return planLeadImport(rows.leads, await loadMatchTargets(db), now, rows.skipped);
}

export interface LeadImportResult {
  plan: ImportPlan;
  written: number;
}

export async function importLeadRows(db: SidelogDb, rows: LeadRows, now: number): Promise<LeadImportResult> {
  const plan = await db.transaction('rw', db.prospects, async () => {
    const stored = (await db.prospects.toArray()) as Prospect[];
    const p = planLeadImport(rows.leads, stored, now, rows.skipped);
    if (p.writes.length) await db.prospects.bulkPut(p.writes);
    return p;
  });
  // The caller brings the dashboard's stored facts up to date (lib/insights/prospects.ts importLeadList).
  if (plan.writes.length) notifyDbChanged({ tables: ['prospects'] });
  return { plan, written: plan.writes.length };
}
