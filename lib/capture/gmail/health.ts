// Health of the Gmail capture: per layer, how many messages it recognised and failed to read since
// the last report, sent as `health` events (the panel's capture line). A report goes out a couple
// of seconds after something was counted, at most every 10 s, so the line follows what just
// happened without a report per event; the content script also flushes on a timer and on leave.
import type { CaptureEventInput } from '../../schema/events';
import { readOwnEmail } from './dom-read';

export type Layer = 'network' | 'dom';

export type Health = ReturnType<typeof createHealth>;

/** What health needs of the capture's core (core.ts). */
export interface HealthHost {
  doc: Document;
  win: Window;
  now: () => number;
  emit: (events: CaptureEventInput[]) => void;
  base: (type: 'health') => { eventId: string; type: 'health'; channel: 'gmail' };
  stopped: () => boolean;
  learnOwn: (email: string | null) => void;
}

export function createHealth({ doc, win, now, emit, base, stopped, learnOwn }: HealthHost) {
  const zero = () => ({ recognised: 0, failed: 0, lastError: null as string | null });
  const counts = { network: zero(), dom: zero() };
  let timer: number | null = null;
  let lastAt = 0;

  function flush() {
    // Each report also reads the signed-in address, which the page may show late.
    learnOwn(readOwnEmail(doc));
    const out: CaptureEventInput[] = [];
    for (const layer of ['network', 'dom'] as const) {
      const h = counts[layer];
      if (h.recognised === 0 && h.failed === 0) continue;
      out.push({ ...base('health'), layer, ...h });
      counts[layer] = zero();
    }
    if (out.length) lastAt = now();
    emit(out);
  }

  /** Counts what a layer recognised and failed to read (with the last error), then reports soon. */
  function count(layer: Layer, recognised: number, failed = 0, error: string | null = null) {
    const h = counts[layer];
    h.recognised += recognised;
    if (failed) {
      h.failed += failed;
      h.lastError = error;
    }
    if ((recognised || failed) && timer == null && !stopped()) {
      timer = win.setTimeout(
        () => {
          timer = null;
          flush();
        },
        Math.max(2000, lastAt + 10_000 - now()),
      );
    }
  }

  return {
    count,
    fail: (layer: Layer, error: string) => count(layer, 0, 1, error.slice(0, 200)),
    flush,
    stop: () => timer != null && win.clearTimeout(timer),
  };
}
