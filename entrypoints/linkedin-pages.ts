// The LinkedIn page readers (profile, company page, invitation manager cards), injected by the
// background into a LinkedIn tab when its content script first needs them
// (lib/capture/linkedin/readers-source.ts). It runs in the content script's isolated world and
// leaves the readers there; never a web-accessible resource.
import { pageReaders } from '@/lib/capture/linkedin/page-readers';
import { READERS_GLOBAL } from '@/lib/capture/linkedin/readers-source';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[READERS_GLOBAL] = pageReaders;
});
