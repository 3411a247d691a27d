// Every unit test gets a fresh, in-memory IndexedDB (fake-indexeddb) and WXT's fake browser.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
