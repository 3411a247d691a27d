import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import {
  ORPHAN_AGE_MS,
  drainAfterClose,
  drainOrphans,
  handleCapture,
  ingestQueued,
} from '@/lib/background/capture-handler';
import { observeLinkedInSends } from '@/lib/capture/linkedin/web-request';
import { parseTapPayload } from '@/lib/capture/linkedin/network';
import { injectLinkedInReaders } from '@/lib/capture/linkedin/inject-readers';
import { forgetPopupCacheOnChanges } from '@/lib/insights/forget-popup-cache';
import { backfillInviteFactsIfPresent } from '@/lib/ingest/linkedin-lifecycle';
import { DB_NAME, getDb } from '@/lib/db/db';

// main() must stay synchronous: every listener is registered before the first await, so an event
// that wakes the worker is never missed.
export default defineBackground(() => {
  forgetPopupCacheOnChanges();
  onMessage('capture', ({ data, sender }) => handleCapture(data, sender));
  observeLinkedInSends((events) => void ingestQueued(events).catch(() => undefined));
  onMessage('parseLinkedInTap', ({ data }) => parseTapPayload(data, () => crypto.randomUUID()));
  onMessage('loadLinkedInReaders', ({ sender }) =>
    injectLinkedInReaders((injection) => browser.scripting.executeScript(injection), sender),
  );

  // The toolbar button opens the popup; the popup's button opens the side panel.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: false })
    .catch(() => undefined);

  void drainOrphans();
  // Once: LinkedIn thread summaries written before they kept their invitations (acceptance numbers).
  void backfillInviteFactsIfPresent(getDb, DB_NAME).catch(() => undefined);
  // A tab that closes right after a capture leaves it in its outbox (stored, not yet delivered):
  // take it in once it is old enough not to be a live tab's, and LinkedIn invitations it held once
  // they fall due. The event needs no "tabs" permission.
  browser.tabs.onRemoved.addListener(() => drainAfterClose());
  // Now, and once more when what the asking page's predecessor left is old enough to be an orphan.
  onMessage('drainOutboxes', async () => {
    await drainOrphans(ORPHAN_AGE_MS);
    drainAfterClose();
  });
});
