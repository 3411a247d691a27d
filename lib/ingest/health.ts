// The one-line verdict on a site's capture (Settings tab), from what ingestion stored. The content
// scripts only count (recognised, failed, last error) and send `health` events like any capture;
// the background owns the storage: the working set adds them up into meta rows
// `health:<site>:<layer>` at its commit (working-set.ts), beside ingestion's own counters
// (stats.ts). So this reader lives with ingestion, its writer, not with capture, which never
// touches the database (docs/architecture.md).
import type { SidelogDb } from '../db/db';
import { emptyStats, healthKey, STATS_KEY, type IngestStats } from './stats';
import type { HealthCounters as HealthRow } from './working-set';

export interface HealthLine {
  state: 'working' | 'degraded' | 'idle';
  text: string;
}

const DAY = 86_400_000;

export function captureHealth(network: HealthRow | null, dom: HealthRow | null, now: number): HealthLine {
  const rows = [network, dom].filter((r): r is HealthRow => !!r);
  if (rows.length === 0) return { state: 'idle', text: 'nothing seen yet — open the site in a tab' };
  const recognised = rows.reduce((n, r) => n + r.recognised, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const lastAt = Math.max(...rows.map((r) => r.lastAt ?? 0));
  const recentFail = rows.some((r) => r.lastFailedAt !== null && now - r.lastFailedAt < 7 * DAY);
  if (failed > 0 && recentFail) {
    const err = rows.find((r) => r.lastError)?.lastError;
    return {
      state: 'degraded',
      text: `degraded: ${failed} item${failed === 1 ? '' : 's'} seen by the page but not parsed${err ? ` (last: ${err})` : ''}`,
    };
  }
  const ago = now - lastAt;
  const when =
    ago < 60_000
      ? 'just now'
      : ago < 3_600_000
        ? `${Math.round(ago / 60_000)} min ago`
        : ago < DAY
          ? `${Math.round(ago / 3_600_000)} h ago`
          : `${Math.round(ago / DAY)} d ago`;
  return {
    state: 'working',
    text: `working — ${recognised} item${recognised === 1 ? '' : 's'} recognised, last ${when}`,
  };
}

/** The meta rows the capture status reads: ingestion's counters, and each site's health per layer. */
const SITES = ['gmail', 'linkedin'] as const;
const STATUS_KEYS = [STATS_KEY, ...SITES.flatMap((ch) => [healthKey(ch, 'network'), healthKey(ch, 'dom')])];

/** What the Settings tab shows about capture: a line per site, ingestion counters, totals. */
export async function loadCaptureStatus(db: SidelogDb, now: number) {
  // Only the rows it shows: `meta` also holds the facts, megabytes at 100k messages, which a read
  // of the whole table would copy onto the panel's main thread (a long task after every capture).
  const [meta, messages, threads, prospects] = await Promise.all([
    db.meta.bulkGet(STATUS_KEYS),
    db.messages.count(),
    db.threads.count(),
    db.prospects.count(),
  ]);
  const rows = new Map(STATUS_KEYS.map((k, i) => [k, meta[i]?.value]));
  const row = (k: string) => (rows.get(k) as HealthRow | undefined) ?? null;
  const health = (ch: (typeof SITES)[number]) =>
    captureHealth(row(healthKey(ch, 'network')), row(healthKey(ch, 'dom')), now);
  return {
    stats: { ...emptyStats(), ...((rows.get(STATS_KEY) as IngestStats | undefined) ?? {}) },
    gmail: health('gmail'),
    linkedin: health('linkedin'),
    counts: { messages, threads, prospects },
  };
}
