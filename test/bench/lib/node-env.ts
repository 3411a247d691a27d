// Node benches run lib code that reaches extension storage (settings, the upgrade notice): give it
// WXT's in-memory fake browser, and IndexedDB from fake-indexeddb. Import this module first.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const g = globalThis as unknown as { chrome?: unknown; browser?: unknown };
g.chrome ??= fakeBrowser;
g.browser ??= fakeBrowser;
