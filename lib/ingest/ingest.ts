// Ingestion's batch runner, run by the background: validate every event (a malformed one is
// counted and dropped whole), order them (identities, then prospects and companies, messages and
// retractions, acceptances, health), drop what tracking switched off, then work the batch as one
// unit of work (working-set.ts: a few bulk reads, one commit, rerun on fresh data when a panel edit
// raced it) and, if any event throws, replay each event alone so one bad event is lost alone.
// What each event does lives with its records: messages.ts, threads.ts, prospects.ts, traits.ts;
// the counters in stats.ts. docs/design.md "Ingestion" walks through it.
import { CaptureEvent } from '../schema/events';
import { learnIdentity } from './identity';
import { messageKeys, personKeys, threadKeys } from '../records/keys';
import { withdrawInvitation } from './linkedin-lifecycle';
import { ingestMessage, retractMessage } from './messages';
import { ingestAccepted } from './prospects';
import { bumpStats, countStat, mergeStats, type StatsDelta } from './stats';
import { ingestCompany, ingestProspect } from './traits';
import type { IngestDeps, Outcome } from './types';
import { ConflictError, WorkingSet } from './working-set';

export interface IngestResult {
  /** Event ids dealt with (stored, merged, dropped by rule, or rejected): the outbox may forget them. */
  acked: string[];
  stored: number;
  merged: number;
  dropped: number;
  rejected: number;
  /** Positions (in the input) of the events rejected as malformed. */
  rejectedAt: number[];
  errors: string[];
}

const PRIORITY: Record<CaptureEvent['type'], number> = {
  identity: 0,
  prospect: 1,
  company: 1,
  message: 2,
  retract: 2,
  'connection-accepted': 3,
  'invitation-withdrawn': 3,
  health: 4,
};

export async function ingestEvents(deps: IngestDeps, raw: readonly unknown[]): Promise<IngestResult> {
  const result: IngestResult = { acked: [], stored: 0, merged: 0, dropped: 0, rejected: 0, rejectedAt: [], errors: [] };
  const stats: StatsDelta = {};
  const valid = validate(raw, result, stats);
  valid.sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type]);

  // Identities first and outside the transaction: persisting them is not an IndexedDB operation.
  for (const ev of valid.filter((e) => e.type === 'identity')) {
    learnIdentity(deps.settings.identities, ev.person);
    await deps.onIdentity?.(ev.person, ev.channel);
    result.merged++;
    result.acked.push(ev.eventId);
  }
  const active = valid.filter((ev) => {
    if (ev.type === 'identity') return false;
    if (ev.type === 'health' || deps.settings.tracking[ev.channel]) return true;
    countStat(stats, 'trackingOff');
    result.dropped++;
    result.acked.push(ev.eventId);
    return false;
  });
  await runBatch(deps, active, result, stats);
  if (Object.keys(stats).length) await bumpStats(deps.db, stats, deps.now());
  return result;
}

/** The events that pass the schema; the others are counted, reported and acknowledged. */
function validate(raw: readonly unknown[], result: IngestResult, stats: StatsDelta): CaptureEvent[] {
  const valid: CaptureEvent[] = [];
  for (const [i, item] of raw.entries()) {
    const parsed = CaptureEvent.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    result.rejected++;
    result.rejectedAt.push(i);
    const msg = describeZodError(parsed.error);
    result.errors.push(msg);
    countStat(stats, 'malformed');
    stats.lastError = msg;
    const id = (item as { eventId?: unknown } | null)?.eventId;
    if (typeof id === 'string' && id.length > 0 && id.length <= 100) result.acked.push(id);
  }
  return valid;
}

/**
 * The whole batch is worked in memory and committed in one transaction (one commit, a few bulk
 * reads). If any event throws, nothing of the batch is written and each event is replayed in a
 * unit of work of its own, so one bad event is lost alone and none is stored in part.
 */
async function runBatch(
  deps: IngestDeps,
  active: CaptureEvent[],
  result: IngestResult,
  stats: StatsDelta,
): Promise<void> {
  const batch = await runUnit(deps, active);
  if (batch.ok) {
    batch.outcomes.forEach((o) => result[o]++);
    mergeStats(stats, batch.stats);
    result.acked.push(...active.map((e) => e.eventId));
    return;
  }
  for (const ev of active) {
    const one = await runUnit(deps, [ev]);
    if (one.ok) {
      result[one.outcomes[0]]++;
      mergeStats(stats, one.stats);
    } else {
      // A bug or a storage failure: nothing of this event is stored.
      const msg = `${ev.type}: ${one.error}`.slice(0, 500);
      result.errors.push(msg);
      countStat(stats, 'failed');
      stats.lastError = msg;
    }
    result.acked.push(ev.eventId);
  }
}

type UnitResult = { ok: true; outcomes: Outcome[]; stats: StatsDelta } | { ok: false; error: string };

/** Runs events as one unit of work; retried on fresh data when a concurrent edit is detected. */
async function runUnit(deps: IngestDeps, events: CaptureEvent[]): Promise<UnitResult> {
  for (let attempt = 0; ; attempt++) {
    const stats: StatsDelta = {};
    try {
      const ws = new WorkingSet(deps.db, deps.cache);
      await ws.preload(preloadKeys(events));
      const outcomes: Outcome[] = [];
      for (const ev of events) outcomes.push(await handle(deps, ws, ev, stats));
      await ws.commit(deps.now());
      return { ok: true, outcomes, stats };
    } catch (err) {
      // Handlers may have changed records the key cache shares before the unit failed.
      deps.cache?.clear();
      if (err instanceof ConflictError && attempt < 3) continue;
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** Every id a batch will look up, so the working set can fetch them in three queries. */
function preloadKeys(events: CaptureEvent[]) {
  const messages: string[] = [];
  const threads: string[] = [];
  const threadIds: string[] = [];
  const prospects: string[] = [];
  for (const ev of events) {
    if (ev.type === 'message') {
      messages.push(...messageKeys(ev.channel, ev.externalId, ev.aliases, ev.rfcMessageId));
      // In-Reply-To/References are looked up only if the thread ids find no thread (rare).
      threads.push(...threadKeys(ev.channel, ev.threadExternalId, ev.threadAliases));
      threadIds.push(`${ev.channel}:${ev.threadExternalId ?? ev.externalId}`);
      for (const p of [ev.from, ...ev.to]) prospects.push(...personKeys(p));
    } else if (ev.type === 'retract') {
      messages.push(`${ev.channel}:${ev.externalId}`);
    } else if (ev.type === 'prospect' || ev.type === 'connection-accepted' || ev.type === 'invitation-withdrawn') {
      prospects.push(...personKeys(ev.person));
    }
    // Company events read companies and prospects by company keys on their own (rare).
  }
  return { messages, threads, prospects, threadIds };
}

function describeZodError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid event';
  const path = first.path.map(String).join('.') || '(event)';
  return `invalid event at ${path}: ${first.message}`.slice(0, 300);
}

async function handle(deps: IngestDeps, ws: WorkingSet, ev: CaptureEvent, stats: StatsDelta): Promise<Outcome> {
  switch (ev.type) {
    case 'identity':
      return 'merged'; // handled before the transaction
    case 'health':
      ws.health.push(ev);
      return 'merged';
    case 'message':
      return ingestMessage(deps, ws, ev, stats);
    case 'retract':
      return retractMessage(deps, ws, ev);
    case 'prospect':
      return ingestProspect(deps, ws, ev);
    case 'connection-accepted':
      return ingestAccepted(deps, ws, ev);
    case 'invitation-withdrawn':
      return withdrawInvitation(ws, ev, deps.now());
    case 'company':
      return ingestCompany(deps, ws, ev);
  }
}
