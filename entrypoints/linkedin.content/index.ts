// LinkedIn content script (isolated world): wiring only. Readers live in lib/capture/linkedin.
// Reads LinkedIn's DOM, never writes to it; events go through the outbox to the background.
import { browser } from 'wxt/browser';
import { createOutbox } from '@/lib/capture/outbox';
import { trackingFilter } from '@/lib/capture/tracking';
import type { CaptureEventInput } from '@/lib/schema/events';
import { createLinkedInCapture, currentThreadId } from '@/lib/capture/linkedin/controller';
import { insertTemplate, pickBox } from '@/lib/capture/linkedin/insert';
import { conversationRootOf, readConversationHeader, readProfile, threadOfComposeBox } from '@/lib/capture/linkedin/dom-read';
import { SEL } from '@/lib/capture/linkedin/selectors';
import { onMessage, sendMessage } from '@/lib/messaging';
import { TAP_EVENT, checkTapEvents, readTapPayload } from '@/lib/capture/linkedin/tap-protocol';

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
    const capture = createLinkedInCapture({
      doc: document,
      push,
      tracking: tracked.on,
      area: browser.storage.local,
    });
    capture.scanAll();
    addEventListener('pagehide', () => capture.flush());
    // Extension updated or disabled: this copy of the script stops observing the page.
    ctx.onInvalidated(() => capture.stop());

    // Responses LinkedIn's app received, handed over raw by the main-world tap
    // (linkedin-main.content.ts), parsed by the background, checked here. The page could dispatch
    // this event too: it is untrusted input like the DOM, and the background validates every event.
    addEventListener(TAP_EVENT, (e) => {
      const detail = (e as CustomEvent).detail;
      if (!readTapPayload(detail)) return;
      void sendMessage('parseLinkedInTap', detail as string)
        .then((parsed) => {
          const events = checkTapEvents(parsed, capture.viewer(), () => crypto.randomUUID());
          if (events.length) push(events);
        })
        .catch(() => undefined);
    });

    onMessage('insertTemplate', ({ data }) => insertTemplate(document, data));
    onMessage('getPageContext', () => {
      const profile = /^\/in\//.test(location.pathname) ? readProfile(document, location.href) : null;
      if (profile) return { channel: 'linkedin' as const, threadExternalId: null, profileUrl: profile.profileUrl, memberId: profile.memberId, name: profile.name };
      // The conversation the user is writing in: the pane or bubble holding the box they focused
      // (bubbles live in #interop-outlet's shadow root), else the messaging page's pane.
      const box = pickBox(document);
      const pane = (box && conversationRootOf(box)) ?? document.querySelector(SEL.conversationRoot);
      const threadExternalId = (box && threadOfComposeBox(box, location.href)) ?? currentThreadId(document);
      const other = readConversationHeader(pane ?? document);
      if (!threadExternalId && !other.name) return null;
      return {
        channel: 'linkedin' as const,
        threadExternalId,
        profileUrl: other.profileUrl ?? (other.memberId ? `https://www.linkedin.com/in/${other.memberId}/` : null),
        memberId: other.memberId ?? null,
        name: other.name,
      };
    });
  },
});
