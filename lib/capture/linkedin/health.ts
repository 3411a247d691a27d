// The DOM layer's health: items recognised and reads that failed since the last report, sent as a
// `health` event now and then (the panel says "working" or "degraded" from them).
import type { CaptureEventInput } from '../../schema/events';
import type { DomEventMaker, Health } from './context';

export type { Health } from './context';

export function createHealth(emit: (ev: CaptureEventInput) => void, event: DomEventMaker): Health {
  let recognised = 0;
  let failed = 0;
  let lastError: string | null = null;
  let reportedAt = { recognised: 0, failed: 0 };
  return {
    recognised: () => void recognised++,
    fail(msg) {
      failed++;
      lastError = msg.slice(0, 300);
    },
    report() {
      if (recognised === reportedAt.recognised && failed === reportedAt.failed) return;
      emit(
        event('health', {
          recognised: recognised - reportedAt.recognised,
          failed: failed - reportedAt.failed,
          lastError,
        }),
      );
      reportedAt = { recognised, failed };
      lastError = null;
    },
    stats: () => ({ recognised, failed }),
  };
}
