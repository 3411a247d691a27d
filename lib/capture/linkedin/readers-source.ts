// The whole-page readers (a profile, a company page, the invitation manager's cards) only run on
// /in/, /company/ (/showcase/) and /mynetwork/invitation-manager/ pages, yet weigh about a third of
// the LinkedIn content script. So they are built apart (entrypoints/linkedin-pages.ts, the bundle
// of page-readers.ts) and the background injects them into the tab, on request, the first time
// the content script needs them (issue 13: the scripts every LinkedIn page loads stay within
// 40 KB). A script the extension injects runs in the content script's own isolated world (one per
// extension and frame), so the injected bundle hands its readers over through a property of that
// world's global object, which the page cannot see. Tests hand the readers over directly
// (`loadedReaders`).
import type { CompanyPage, InvitationCard } from './pages';
import type { ProfileTraits } from './dom-read';

export interface PageReaders {
  readProfile(doc: Document, url: string): ProfileTraits | null;
  readCompanyPage(doc: Document, url: string): CompanyPage | null;
  readInvitationCards(doc: Document): InvitationCard[];
}

export interface ReadersSource {
  /** The readers when they are here already, else null (nothing is requested). */
  ready(): PageReaders | null;
  /** The readers, requested once per page the first time (null when they could not be loaded). */
  load(): Promise<PageReaders | null>;
}

/** The property of the isolated world's global object the injected bundle sets. */
export const READERS_GLOBAL = '__sidelogLinkedInReaders';

/** Readers at hand (tests, benchmarks). */
export const loadedReaders = (r: PageReaders): ReadersSource => ({ ready: () => r, load: async () => r });

/** After this many failed requests, the page goes without its page reads (a message error each time). */
const MAX_ATTEMPTS = 3;

/**
 * Readers the background injects: `request` asks for the injection (the `loadLinkedInReaders`
 * message) and resolves once the bundle ran, leaving its readers on `world[READERS_GLOBAL]`. One
 * request at a time, none again once they are here (they stay for the page's life, across
 * LinkedIn's in-app navigations).
 */
export function injectedReaders(request: () => Promise<unknown>, world: object = globalThis): ReadersSource {
  const here = () => ((world as Record<string, unknown>)[READERS_GLOBAL] as PageReaders | undefined) ?? null;
  let pending: Promise<PageReaders | null> | null = null;
  let attempts = 0;
  return {
    ready: here,
    load() {
      const r = here();
      if (r) return Promise.resolve(r);
      if (pending) return pending;
      if (attempts >= MAX_ATTEMPTS) return Promise.resolve(null);
      attempts++;
      pending = request().then(
        () => here(),
        () => null,
      );
      void pending.then(() => (pending = null));
      return pending;
    },
  };
}

/**
 * The profile the page shows, to `then`: at once off /in/ pages (null: no readers needed there) and
 * when the readers are here, else once they arrive (null if they cannot be loaded).
 */
export function withProfile(src: ReadersSource, doc: Document, then: (p: ProfileTraits | null) => void): void {
  const r = src.ready();
  if (!/^\/in\//.test(doc.location?.pathname ?? '')) then(null);
  else if (r) then(r.readProfile(doc, doc.location.href));
  else void src.load().then((x) => then(x ? x.readProfile(doc, doc.location.href) : null));
}
