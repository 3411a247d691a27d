// Isolated-world Gmail content script: wiring only. Capture logic lives in lib/capture/gmail.
import { browser } from 'wxt/browser';
import { createOutbox } from '../../lib/capture/outbox';
import { trackingFilter } from '../../lib/capture/tracking';
import { createGmailCapture, type ScheduledEntry } from '../../lib/capture/gmail/controller';
import { validateTapMessage } from '../../lib/capture/gmail/tap-protocol';
import { onMessage } from '../../lib/messaging';
import type { CaptureEventInput } from '../../lib/schema/events';
import { GMAIL_SCHEDULED_KEY, GMAIL_SENT_THREADS_KEY } from '../../lib/storage/keys';

const HEALTH_EVERY_MS = 15_000;

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // document_start: the tap in the main world posts the first sync calls while the page loads.
  runAt: 'document_start',
  main(ctx) {
    const outbox = createOutbox('gmail');
    const tracked = trackingFilter('gmail');
    const emit = (events: CaptureEventInput[]) => {
      const keep = tracked(events);
      if (keep.length) outbox.push(keep);
    };
    // What the controller remembers across reloads, in extension storage (never the site's): which
    // thread each logged send belongs to, and the scheduled messages not yet seen sent or cancelled.
    const memory = <T>(key: string) => ({
      load: () => browser.storage.local.get(key).then((r) => (r[key] ?? {}) as Record<string, T>),
      save: (map: Record<string, T>) => void browser.storage.local.set({ [key]: map }).catch(() => undefined),
    });
    const capture = createGmailCapture({
      doc: document,
      now: Date.now,
      newId: () => crypto.randomUUID(),
      emit,
      sentThreads: memory<string[]>(GMAIL_SENT_THREADS_KEY),
      scheduledMemory: memory<ScheduledEntry>(GMAIL_SCHEDULED_KEY),
    });

    // Payloads from the main-world tap (this window or a same-origin Gmail frame). The page can
    // post here too: validated, then parsed, and the background validates again.
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.origin !== window.location.origin) return;
      const msg = validateTapMessage(e.data);
      if (msg) capture.onTap(msg);
    });

    onMessage('insertTemplate', ({ data }) => capture.insertTemplate(data));
    onMessage('getPageContext', () => capture.pageContext());

    const start = () => capture.start();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
    ctx.setInterval(() => capture.flushHealth(), HEALTH_EVERY_MS);
    window.addEventListener('pagehide', () => capture.leaving());
    ctx.onInvalidated(() => capture.stop());
  },
});
