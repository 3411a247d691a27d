// What every part of the LinkedIn capture controller (controller.ts) is handed: the page, the
// clock, ids, the event queue and the health counters. Each part is a plain factory taking this
// and the few other parts it needs; nothing here touches the page.
import type { CaptureEventInput, CapturedPerson } from '../../schema/events';
import type { ReadersSource } from './readers-source';

/** The DOM layer's health counters (health.ts). */
export interface Health {
  /** One more page item read. */
  recognised(): void;
  /** One read that failed; the message is kept for the next report. */
  fail(msg: string): void;
  /** Sends what changed since the last report, if anything did. */
  report(): void;
  stats(): { recognised: number; failed: number };
}

/** The fields of a DOM-layer event of one type, without what every such event carries. */
export type DomFields<T extends CaptureEventInput['type']> = Omit<
  Extract<CaptureEventInput, { type: T }>,
  'eventId' | 'type' | 'channel' | 'layer'
>;
/** Builds a DOM-layer LinkedIn event: a fresh id, channel and layer filled in. */
export type DomEventMaker = <T extends CaptureEventInput['type']>(type: T, fields: DomFields<T>) => CaptureEventInput;

export interface CaptureContext {
  doc: Document;
  now: () => number;
  newId: () => string;
  event: DomEventMaker;
  /** Queues one event (sent in a batch shortly after). */
  emit: (ev: CaptureEventInput) => void;
  /** Sends the queued events now. */
  flush: () => void;
  health: Health;
  /** The whole-page readers (profile, company page, invitation cards), loaded on demand. */
  readers: ReadersSource;
}

/** A person as capture events carry them: only the fields known, names capped. */
export function toPerson(p: {
  name: string | null;
  profileUrl: string | null;
  memberId: string | null;
  numericMemberId?: string | null;
  invitationId?: string | null;
  email?: string | null;
}): CapturedPerson {
  const o: CapturedPerson = {};
  if (p.name) o.name = p.name.slice(0, 1000);
  if (p.profileUrl) o.profileUrl = p.profileUrl;
  if (p.memberId) o.memberId = p.memberId;
  if (p.numericMemberId) o.numericMemberId = p.numericMemberId;
  if (p.invitationId) o.invitationId = p.invitationId;
  if (p.email) o.email = p.email;
  return o;
}

/** Events queued and sent in one batch 200 ms after the first (or on flush). */
export function createBatch(
  push: (events: CaptureEventInput[]) => void,
  delayMs = 200,
): { emit: (ev: CaptureEventInput) => void; flush: () => void } {
  let out: CaptureEventInput[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!out.length) return;
    const batch = out;
    out = [];
    push(batch);
  }
  return {
    emit(ev) {
      out.push(ev);
      if (!timer) timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
