// "Schedule send" (`^scheduled` where a send has `^pfg`, sync-parser.ts SCHEDULE_LABEL): the
// network layer logs a scheduled message, dated by its due time, and follows its id (kept across
// reloads) until Gmail shows it again: sent (`^f`) -> an outbound event under the same ids marks
// it sent (one record); back in drafts (`^r`: Cancel send, or Undo on the "Send scheduled" toast)
// -> it is retracted as unscheduled.
import type { MessageEventInput } from '../../schema/events';
import type { ScheduledEntry } from '../../storage/local-items';
import type { Core } from './core';
import { createMemory, type MemoryStore } from './memory';
import type { Sighting } from './sync-parser';

export type { ScheduledEntry };

const SCHEDULED_MAX = 500;
const DAY = 86_400_000;

export type Scheduled = ReturnType<typeof createScheduled>;

/** `store`: remembers, across reloads, the scheduled messages logged and not yet seen sent or
 *  cancelled; `retract`: reports a cancelled one (network-join.ts keeps the record). */
export function createScheduled(
  { now, emit, templates, sent }: Core,
  store: MemoryStore<ScheduledEntry> | undefined,
  retract: (id: string, layer: 'network', at: number, unscheduled: true) => void,
) {
  const memory = createMemory(store, (e) =>
    typeof e?.since === 'number' ? { at: typeof e.at === 'number' ? e.at : null, since: e.since } : null,
  );
  const scheduled = memory.map;
  function save() {
    const t = now();
    // Forgotten: long past due (Gmail has sent it; the numbers count it by its time anyway).
    for (const [id, e] of scheduled)
      if ((e.at ?? e.since) < t - 30 * DAY || scheduled.size > SCHEDULED_MAX) scheduled.delete(id);
    memory.save();
  }
  /** Back in drafts: the schedule was cancelled. */
  function unschedule(id: string) {
    scheduled.delete(id);
    save();
    retract(id, 'network', now(), true);
  }
  return {
    /** Whether the saved schedules are in: sync calls wait for them, so a sighting is never missed. */
    loaded: memory.loaded,
    load: memory.load,
    watched: (id: string) => scheduled.has(id),
    /** A message scheduled by a request that started at `since`. No Send press made it (the DOM
     *  layer has no snapshot): only an inserted template's memory names its template. */
    add(e: MessageEventInput, since: number) {
      const tpl = templates.byDraft.get(e.externalId);
      if (tpl) e.template = tpl;
      sent.remember(e);
      scheduled.set(e.externalId, { at: e.scheduledAt ?? null, since });
      save();
    },
    /** Later sightings of followed messages: sent (one record: same ids), or back in drafts. */
    sightings(list: Sighting[]) {
      for (const x of list) {
        if (!x.event) unschedule(x.id);
        else {
          scheduled.delete(x.id);
          save();
          emit([x.event]);
        }
      }
    },
    /** A draft save of `id` by a request that started at `startedAt`; false when `id` is not a
     *  followed scheduled message. Saved by a request begun after the scheduling one: the user
     *  cancelled the schedule (Cancel send, or Undo on the "Send scheduled" toast). */
    draftSaved(id: string, startedAt: number): boolean {
      const sch = scheduled.get(id);
      if (!sch) return false;
      if (startedAt > sch.since) unschedule(id);
      return true;
    },
  };
}
