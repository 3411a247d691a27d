// Isolated-world Gmail content script: wiring only. Capture logic lives in lib/capture/gmail.
import { browser } from 'wxt/browser';
import { createOutbox } from '../../lib/capture/outbox';
import { trackingFilter } from '../../lib/capture/tracking';
import { createGmailCapture, type ScheduledEntry } from '../../lib/capture/gmail/controller';
import { validateTapMessage } from '../../lib/capture/gmail/tap-protocol';
import { onMessage } from '../../lib/messaging';
import type { CaptureEventInput } from '../../lib/schema/events';

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
    // Which thread each logged send belongs to, kept in extension storage (never the site's).
    const SENT_KEY = 'gmail:sent-threads';
    const sentThreads = {
      load: () => browser.storage.local.get(SENT_KEY).then((r) => (r[SENT_KEY] ?? {}) as Record<string, string[]>),
      save: (map: Record<string, string[]>) => void browser.storage.local.set({ [SENT_KEY]: map }).catch(() => undefined),
    };
    // Scheduled messages logged and not yet seen sent or cancelled (controller.ts), likewise.
    const SCHEDULED_KEY = 'gmail:scheduled';
    const scheduledMemory = {
      load: () => browser.storage.local.get(SCHEDULED_KEY).then((r) => (r[SCHEDULED_KEY] ?? {}) as Record<string, ScheduledEntry>),
      save: (map: Record<string, ScheduledEntry>) => void browser.storage.local.set({ [SCHEDULED_KEY]: map }).catch(() => undefined),
    };
    const capture = createGmailCapture({ doc: document, now: Date.now, newId: () => crypto.randomUUID(), emit, sentThreads, scheduledMemory });

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
