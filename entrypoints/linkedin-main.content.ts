// Main-world passive tap on www.linkedin.com (see lib/capture/linkedin/tap.ts). It must run at
// document_start, before LinkedIn's app keeps its own references to fetch, XHR and EventSource.
import { dispatchSink, installTap, listeningWindow } from '@/lib/capture/linkedin/tap';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  // Also in LinkedIn's own frames: the hidden /preload/ frame runs parts of the app (it may hold
  // the realtime connection). A frame hands what it reads to the top page's content script.
  allFrames: true,
  main() {
    installTap(window, dispatchSink(listeningWindow(window)));
  },
});
