// Isolated-world Gmail content script: wiring only. Capture logic lives in lib/capture/gmail.
import { createOutbox } from '../../lib/capture/outbox';
import { trackingFilter } from '../../lib/capture/tracking';
import { createGmailCapture } from '../../lib/capture/gmail/controller';
import { validateTapMessage } from '../../lib/capture/gmail/tap-protocol';
import { onMessage } from '../../lib/messaging-lite';
import type { CaptureEventInput } from '../../lib/schema/events';
import { gmailScheduled, gmailSentThreads } from '../../lib/storage/local-items';

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
    const capture = createGmailCapture({
      doc: document,
      now: Date.now,
      newId: () => crypto.randomUUID(),
      emit,
      // What it remembers across reloads, in extension storage (never the site's).
      sentThreads: gmailSentThreads,
      scheduledMemory: gmailScheduled,
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
