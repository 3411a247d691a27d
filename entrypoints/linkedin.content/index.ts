// LinkedIn content script (isolated world): wiring only. Readers live in lib/capture/linkedin.
// Reads LinkedIn's DOM, never writes to it; events go through the outbox to the background.
import { browser } from 'wxt/browser';
import { createOutbox } from '@/lib/capture/outbox';
import { trackingFilter } from '@/lib/capture/tracking';
import type { CaptureEventInput } from '@/lib/schema/events';
import { createLinkedInCapture } from '@/lib/capture/linkedin/controller';
import { insertTemplate } from '@/lib/capture/linkedin/insert';
import { linkedInPageContext } from '@/lib/capture/linkedin/page-context';
import { injectedReaders } from '@/lib/capture/linkedin/readers-source';
import { onMessage, sendMessage } from '@/lib/messaging-lite';
import { TAP_EVENT, receiveTap } from '@/lib/capture/linkedin/tap-protocol';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  // Bubbles and the invitation dialog live in #interop-outlet of the top document; the /preload/
  // iframe only runs their app. One instance per tab is enough.
  allFrames: false,
  main(ctx) {
    const outbox = createOutbox('linkedin');
    const tracked = trackingFilter('linkedin');
    const push = (events: CaptureEventInput[]) => {
      const keep = tracked(events);
      if (keep.length) outbox.push(keep);
    };
    // Profile, company and invitation-manager readers: injected by the background when first needed.
    const readers = injectedReaders(() => sendMessage('loadLinkedInReaders'));
    const capture = createLinkedInCapture({
      doc: document,
      readers,
      push,
      tracking: tracked.on,
      area: browser.storage.local,
    });
    capture.scanAll();
    addEventListener('pagehide', () => capture.flush());
    // Extension updated or disabled: this copy of the script stops observing the page.
    ctx.onInvalidated(() => capture.stop());

    // Responses LinkedIn's app received, handed over raw by the main-world tap
    // (linkedin-main.content.ts), parsed by the background, checked here (tap-protocol.ts).
    addEventListener(
      TAP_EVENT,
      (e) =>
        void receiveTap((e as CustomEvent).detail, {
          parse: (d) => sendMessage('parseLinkedInTap', d),
          viewer: capture.viewer,
          push,
          newId: () => crypto.randomUUID(),
        }),
    );

    onMessage('insertTemplate', ({ data }) => insertTemplate(document, data));
    onMessage('getPageContext', () => linkedInPageContext(document, readers));
  },
});
