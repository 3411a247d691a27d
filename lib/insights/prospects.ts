// The Prospects tab's data layer: the list (from the facts, one record read), one prospect's
// timeline.
import { decodeProspects, type AnalyticsProspect } from '@/lib/analytics/facts';
import { prospectsWithOutreach } from '@/lib/analytics/lists';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { loadFacts } from './facts-store';

export type ProspectListRow = AnalyticsProspect & {
  /** Some outreach to them is logged (lib/analytics/lists.ts prospectsWithOutreach); false = "not contacted yet". */
  contacted: boolean;
};

/** The prospects list: the stored prospects as the facts hold them (one record read, not 20k). */
export async function loadProspectList(db: SidelogDb = getDb()): Promise<ProspectListRow[]> {
  const { facts } = await loadFacts(db);
  const reached = prospectsWithOutreach(facts);
  const row = new Map(facts.prospects.id.map((id, i) => [id, i]));
  return decodeProspects(facts).map((p) => ({ ...p, contacted: reached[row.get(p.id)!] === 1 }));
}

/** One prospect's timeline: messages linked to them, or in threads they are part of. */
export async function loadTimeline(prospectId: string, db: SidelogDb = getDb()) {
  const [direct, threads] = await Promise.all([
    db.messages.where('prospectId').equals(prospectId).toArray(),
    db.threads.where('prospectIds').equals(prospectId).toArray(),
  ]);
  const seen = new Set(direct.map((m) => m.id));
  const viaThreads = await db.messages.where('threadId').anyOf(threads.map((t) => t.id)).toArray();
  const messages = [...direct, ...viaThreads.filter((m) => !seen.has(m.id))].sort((a, b) => a.sentAt - b.sentAt);
  return { messages, threads };
}

