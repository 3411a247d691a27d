// Main-world passive tap on mail.google.com (see lib/capture/gmail/tap.ts). It must run at
// document_start, before Gmail's scripts take their references to XMLHttpRequest and fetch.
import { installTap } from '../lib/capture/gmail/tap';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window, (msg) => window.postMessage(msg, window.location.origin));
  },
});
