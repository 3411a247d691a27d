// What every part of the Gmail capture shares: the page (document, window), the clock and id
// maker, the emit gate (nothing leaves once the capture is stopped), the fields of this page's
// events, the user's own addresses, the health counters (health.ts), the template inserted into
// each compose (compose-ui.ts) and the thread names of logged sends (memory.ts).
import type { CaptureEventInput } from '../../schema/events';
import { createHealth } from './health';
import { createSentThreads, type MemoryStore } from './memory';

export interface TemplateRef {
  id: string;
  version: number | null;
}

/** The template inserted into each compose (compose-ui.ts), by compose root and by draft id (a
 *  send carries it). */
export interface Templates {
  byRoot: WeakMap<Element, TemplateRef>;
  byDraft: Map<string, TemplateRef>;
}

export interface CoreDeps {
  doc: Document;
  now: () => number;
  newId: () => string;
  emit: (events: CaptureEventInput[]) => void;
  sentThreads?: MemoryStore<string[]>;
}

export type Core = ReturnType<typeof createCore>;

export function createCore(deps: CoreDeps) {
  const { doc, now, newId } = deps;
  const own = new Set<string>();
  let stopped = false;
  /** The fields every event of this page shares. */
  const base = <T extends CaptureEventInput['type']>(type: T) => ({
    eventId: newId(),
    type,
    channel: 'gmail' as const,
  });
  const emit = (events: CaptureEventInput[]) => {
    if (events.length && !stopped) deps.emit(events);
  };
  const shared = {
    doc,
    win: doc.defaultView!,
    now,
    newId,
    emit,
    base,
    /** A written message read from the DOM (the network layer's are built by sync-parser.ts). */
    domMessage: (direction: 'outbound' | 'inbound') => ({
      ...base('message'),
      layer: 'dom' as const,
      direction,
      kind: 'email' as const,
    }),
    /** The user's own addresses (lower case), as the page and the sync calls show them. */
    own,
    learnOwn(email: string | null | undefined) {
      const e = email?.trim().toLowerCase();
      if (!e || own.has(e) || !e.includes('@')) return;
      own.add(e);
      emit([{ ...base('identity'), layer: 'dom', person: { email: e } }]);
    },
    stopped: () => stopped,
    /** The template inserted into each compose, by compose root and by draft id. */
    templates: { byRoot: new WeakMap(), byDraft: new Map() } as Templates,
    sent: createSentThreads(deps.sentThreads),
  };
  const health = createHealth(shared);
  return {
    ...shared,
    health,
    stop() {
      stopped = true;
      health.stop();
    },
  };
}
