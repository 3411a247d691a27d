// The content scripts' outbox. A captured event is written to extension storage.local (never the
// site's storage) before it is sent, and removed only when the background acknowledges it. The
// service worker may be asleep, restarting or crashed: the event waits and is sent again. If the
// tab closes first, the background drains what is left (drainOrphans). If the page navigates first
// (a LinkedIn send, then at once a click to a profile: a full page load), the next page's outbox
// asks the background to drain what earlier pages left, as it starts.
import { browser } from 'wxt/browser';
import type { CaptureAck } from '../messaging';
import { sendMessage } from '../messaging-lite';
import type { CaptureEventInput } from '../schema/events';
import { OUTBOX_PREFIX } from '../storage/keys';

/**
 * Events per message: large enough that a burst (a long conversation opened) is ingested in a
 * few transactions, small enough that one message stays a few MB even with long texts.
 */
export const OUTBOX_BATCH = 100;
const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export interface OutboxEntry {
  event: CaptureEventInput;
  queuedAt: number;
  /** Order within the tab's outbox: storage hands keys back sorted by name, not as written. */
  seq?: number;
}

export interface Outbox {
  push(events: CaptureEventInput[]): void;
  flush(): Promise<void>;
  pending(): number;
}

export interface OutboxOptions {
  /** Defaults to the `capture` message of lib/messaging. */
  send?: (events: CaptureEventInput[]) => Promise<CaptureAck>;
  now?: () => number;
  /** Overridable for tests. */
  storage?: Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;
  newId?: () => string;
  /** Asks the background to take in what earlier pages left; defaults to the `drainOutboxes` message. */
  drainLeftovers?: () => Promise<unknown>;
}

export function createOutbox(name: string, opts: OutboxOptions = {}): Outbox {
  const send = opts.send ?? ((events: CaptureEventInput[]) => sendMessage('capture', { events }));
  const storage = opts.storage ?? browser.storage.local;
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const drainLeftovers = opts.drainLeftovers ?? (() => sendMessage('drainOutboxes'));
  void drainLeftovers().catch(() => undefined);
  const pending = new Map<string, CaptureEventInput>();
  let persisted: Promise<unknown> = Promise.resolve();
  let flushing: Promise<void> | null = null;
  let retryMs = MIN_RETRY_MS;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const key = (eventId: string) => `${OUTBOX_PREFIX}${name}:${eventId}`;

  function schedule(ms: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
  }

  async function flushOnce(): Promise<void> {
    await persisted;
    while (pending.size > 0) {
      const batch = [...pending.values()].slice(0, OUTBOX_BATCH);
      const ack = await send(batch);
      const done = ack?.acked ?? [];
      if (done.length === 0) throw new Error('background acknowledged nothing');
      for (const id of done) pending.delete(id);
      await storage.remove(done.map(key));
    }
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = flushOnce()
      .then(() => {
        retryMs = MIN_RETRY_MS;
      })
      .catch(() => {
        // Worker asleep or restarting, or the extension was reloaded: try again later.
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  }

  return {
    push(events) {
      if (events.length === 0) return;
      const entries: Record<string, OutboxEntry> = {};
      for (const e of events) {
        const event = { ...e, eventId: e.eventId || newId() } as CaptureEventInput;
        pending.set(event.eventId, event);
        entries[key(event.eventId)] = { event, queuedAt: now(), seq: seq++ };
      }
      persisted = persisted.then(() => storage.set(entries)).catch(() => undefined);
      void persisted.then(() => flush());
    },
    flush,
    pending: () => pending.size,
  };
}

/**
 * Outbox entries (in all of storage.local) left behind by tabs that closed before their events
 * were acknowledged, in the order they were captured: a send and its Undo must not swap.
 */
export function readOrphans(all: Record<string, unknown>, olderThan: number): { keys: string[]; events: unknown[] } {
  const found: { key: string; entry: Partial<OutboxEntry> | null }[] = [];
  for (const [key, v] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    const entry = v as Partial<OutboxEntry> | null;
    if (entry && typeof entry.queuedAt === 'number' && entry.queuedAt > olderThan) continue;
    found.push({ key, entry });
  }
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  found.sort((a, b) => num(a.entry?.queuedAt) - num(b.entry?.queuedAt) || num(a.entry?.seq) - num(b.entry?.seq));
  return { keys: found.map((f) => f.key), events: found.map((f) => f.entry?.event) };
}
