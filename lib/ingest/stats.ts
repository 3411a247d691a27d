// Ingestion's own counters (meta row `ingest:stats`): events rejected as malformed, dropped by a
// rule (untracked mail, excluded domains, a site switched off) or lost to an error, and the last
// error. Each batch adds its delta once, after its unit of work, so a retried unit never counts
// twice. The Settings tab shows them beside the capture health lines (health.ts).
import type { SidelogDb } from '../db/db';
import type { HealthEvent } from '../schema/events';

export interface IngestStats {
  malformed: number;
  untracked: number;
  excluded: number;
  trackingOff: number;
  failed: number;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** Counters the events of one unit of work bump, added to the stored ones once per batch. */
export type StatsDelta = Partial<IngestStats>;

export const STATS_KEY = 'ingest:stats';

/** The meta row of one site's capture health for one layer: written at commit (working-set.ts), read by health.ts. */
export const healthKey = (channel: HealthEvent['channel'], layer: HealthEvent['layer']) => `health:${channel}:${layer}`;

const COUNTERS = ['malformed', 'untracked', 'excluded', 'trackingOff', 'failed'] as const;
type Counter = (typeof COUNTERS)[number];

export const emptyStats = (): IngestStats => ({
  malformed: 0,
  untracked: 0,
  excluded: 0,
  trackingOff: 0,
  failed: 0,
  lastError: null,
  lastErrorAt: null,
});

/** One more of `counter` in this delta. */
export function countStat(stats: StatsDelta, counter: Counter): void {
  stats[counter] = (stats[counter] ?? 0) + 1;
}

export function mergeStats(into: StatsDelta, from: StatsDelta): void {
  for (const k of COUNTERS) {
    if (from[k]) into[k] = (into[k] ?? 0) + from[k]!;
  }
  if (from.lastError) into.lastError = from.lastError;
}

/** Adds a batch's delta to the stored counters. */
export async function bumpStats(db: SidelogDb, delta: StatsDelta, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const cur = ((await db.meta.get(STATS_KEY))?.value as IngestStats | undefined) ?? emptyStats();
    const next: IngestStats = {
      malformed: cur.malformed + (delta.malformed ?? 0),
      untracked: cur.untracked + (delta.untracked ?? 0),
      excluded: cur.excluded + (delta.excluded ?? 0),
      trackingOff: cur.trackingOff + (delta.trackingOff ?? 0),
      failed: cur.failed + (delta.failed ?? 0),
      lastError: delta.lastError ?? cur.lastError,
      lastErrorAt: delta.lastError ? now : cur.lastErrorAt,
    };
    await db.meta.put({ key: STATS_KEY, value: next });
  });
}
