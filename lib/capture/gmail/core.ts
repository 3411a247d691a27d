// What every part of the Gmail capture shares: the page (document, window), the clock and id
// maker, the emit gate (nothing leaves once the capture is stopped), the fields of this page's
// events, the user's own addresses, and the health counters.
import type { CaptureEventInput } from '../../schema/events';
import { readOwnEmail } from './dom-read';
import { createHealth } from './health';

export interface CoreDeps {
  doc: Document;
  now: () => number;
  newId: () => string;
  emit: (events: CaptureEventInput[]) => void;
}

export type Core = ReturnType<typeof createCore>;

export function createCore(deps: CoreDeps) {
  const { doc, now, newId } = deps;
  const win = doc.defaultView!;
  const own = new Set<string>();
  let stopped = false;
  /** The fields every event of this page shares. */
  const base = <T extends CaptureEventInput['type']>(type: T) => ({ eventId: newId(), type, channel: 'gmail' as const });
  const emit = (events: CaptureEventInput[]) => {
    if (events.length && !stopped) deps.emit(events);
  };
  function learnOwn(email: string | null | undefined) {
    const e = email?.trim().toLowerCase();
    if (!e || own.has(e) || !e.includes('@')) return;
    own.add(e);
    emit([{ ...base('identity'), layer: 'dom', person: { email: e } }]);
  }
  const health = createHealth({
    win,
    now,
    emit,
    event: (layer, counts) => ({ ...base('health'), layer, ...counts }),
    stopped: () => stopped,
    beforeFlush: () => learnOwn(readOwnEmail(doc)),
  });
  return {
    doc,
    win,
    now,
    newId,
    emit,
    base,
    /** A written message read from the DOM (the network layer's are built by sync-parser.ts). */
    domMessage: (direction: 'outbound' | 'inbound') => ({ ...base('message'), layer: 'dom' as const, direction, kind: 'email' as const }),
    /** The user's own addresses (lower case), as the page and the sync calls show them. */
    own,
    learnOwn,
    health,
    stopped: () => stopped,
    stop() {
      stopped = true;
      health.stop();
    },
  };
}
