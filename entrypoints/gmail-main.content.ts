// Main-world passive tap on mail.google.com (see lib/capture/gmail/tap.ts). It must run at
// document_start, before Gmail's scripts take their references to XMLHttpRequest and fetch.
import { installTap } from '../lib/capture/gmail/tap';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  // Gmail has run its app code in a same-origin frame in the past: tap every mail.google.com frame
  // and hand the payloads to the top window, where the isolated content script listens.
  allFrames: true,
  main() {
    const target = window.top && window.top !== window ? window.top : window;
    installTap(window, (msg) => {
      try {
        target.postMessage(msg, window.location.origin);
      } catch {
        /* the top window is not Gmail's origin: nothing to hand over */
      }
    });
  },
});
