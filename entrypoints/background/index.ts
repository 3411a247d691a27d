import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { drainOrphans, handleCapture, ingestQueued } from '@/lib/background/capture-handler';
import { observeLinkedInSends } from '@/lib/capture/linkedin/web-request';

// main() must stay synchronous: every listener is registered before the first await, so an event
// that wakes the worker is never missed.
export default defineBackground(() => {
  onMessage('capture', ({ data, sender }) => handleCapture(data, sender));
  observeLinkedInSends((events) => void ingestQueued(events).catch(() => undefined));

  // The toolbar button opens the popup; the popup's button opens the side panel.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: false })
    .catch(() => undefined);

  void drainOrphans();
});
