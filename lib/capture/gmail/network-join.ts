// The network layer's side of the join: sync calls handed over by the main-world tap, parsed
// (sync-parser.ts) into events, matched with the DOM layer's Send presses (same draft id, or same
// subject and recipients) so one send is one record under both ids, and Undo Send's behaviour A:
// the just-sent message comes back as a draft -> the draft save retracts it.
import type { CaptureEventInput } from '../../schema/events';
import type { Core } from './core';
import { RECENT_MS, sendSignature, type DomSend } from './dom-send';
import type { Scheduled } from './scheduled';
import { parseSyncCall } from './sync-parser';
import type { TapMessage } from './tap-protocol';

interface NetSend {
  at: number;
  retracted: boolean;
}

export type NetworkJoin = ReturnType<typeof createNetworkJoin>;

/** `dom`: the DOM layer's Send presses to match; `scheduled`: the scheduled messages followed. */
export function createNetworkJoin(core: Core, dom: Pick<DomSend, 'claim'>, scheduled: Scheduled) {
  const { now, newId, own, health, emit, templates } = core;
  const netSends = new Map<string, NetSend>();
  const retractedAt = new Map<string, number>();
  // Sync calls that arrived before the scheduled messages' memory loaded (a few ms at page start).
  const queue: TapMessage[] = [];

  /** `at`: when the user undid: the Undo click, or the start of the draft save that carries it. */
  function retract(id: string, layer: 'network' | 'dom', at = now(), unscheduled = false) {
    retractedAt.set(id, at);
    const ns = netSends.get(id);
    if (ns) ns.retracted = true;
    emit([{ ...core.base('retract'), layer, externalId: id, ...(unscheduled && { unscheduled }) }]);
  }

  function onTap(msg: TapMessage) {
    if (!scheduled.loaded()) {
      queue.push(msg);
      return;
    }
    const r = parseSyncCall(msg, { ownEmails: [...own], newId, watched: scheduled.watched });
    r.ownEmails.forEach(core.learnOwn);
    health.count('network', r.recognised, r.failed, r.errors[r.errors.length - 1] ?? 'unreadable sync payload');
    const out: CaptureEventInput[] = [];
    for (const e of r.events) {
      if (e.direction === 'outbound' && e.status === 'scheduled') scheduled.add(e, msg.startedAt);
      else if (e.direction === 'outbound') {
        const id = e.externalId;
        const undoneAt = retractedAt.get(id);
        if (undoneAt != null && undoneAt >= msg.startedAt) continue; // a send the user undid before it completed
        const snap = dom.claim(id, sendSignature(e.subject, e.to ?? []));
        if (snap) {
          const domId = snap.id ?? snap.state.draftId;
          if (domId && domId !== id) e.aliases = [...(e.aliases ?? []), domId].slice(0, 20);
        }
        const tpl = templates.byDraft.get(id) ?? snap?.template ?? null;
        if (tpl) e.template = tpl;
        netSends.set(id, { at: now(), retracted: false });
        core.sent.remember(e);
        retractedAt.delete(id);
      }
      out.push(e);
    }
    emit(out);
    scheduled.sightings(r.sightings);
    // Behaviour A of Undo Send: the just-sent message comes back as a draft.
    for (const id of r.draftSaves) {
      if (scheduled.draftSaved(id, msg.startedAt)) continue;
      const ns = netSends.get(id);
      // Dated by the draft save's start, not by when this script reads it: the page may already
      // have sent the message again, and that send must not pass for one undone in flight.
      if (ns && !ns.retracted && now() - ns.at < RECENT_MS) retract(id, 'network', msg.startedAt);
    }
  }

  return {
    onTap,
    retract,
    /** The sync calls held while the scheduled messages' memory loaded. */
    drain: () => queue.splice(0).forEach(onTap),
    /** Drops sends and retractions older than the undo/correlation windows. */
    prune(t: number) {
      for (const [id, n] of netSends) if (t - n.at > RECENT_MS) netSends.delete(id);
      for (const [id, at] of retractedAt) if (t - at > RECENT_MS) retractedAt.delete(id);
    },
  };
}
