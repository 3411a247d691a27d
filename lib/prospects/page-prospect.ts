// Which Gmail/LinkedIn tab the side panel is about, and which prospect that tab shows. One place
// for the Templates tab (insert, preview) and the Dashboard/Prospects views (the person on the
// active tab): `pageProspect` is the one answer, the panel's hook is components/insights/page-prospect.ts.
import type { SidelogDb } from '../db/db';
import { personKeys, threadKeys } from '../records/keys';
import type { PageContext } from '../messaging';
import type { Prospect } from '../schema/model';

/** Our two hosts. Host permissions let tabs.query filter on them without the `tabs` permission. */
export const SITE_URL_PATTERNS = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

export function siteOf(url: string | undefined): 'gmail' | 'linkedin' | null {
  if (!url) return null;
  if (url.startsWith('https://mail.google.com/')) return 'gmail';
  if (url.startsWith('https://www.linkedin.com/')) return 'linkedin';
  return null;
}

export interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  title?: string;
}

export interface TabsApi {
  query(q: { active?: boolean; currentWindow?: boolean; url?: string[] }): Promise<TabLike[]>;
}

/**
 * The tab to insert into. The active tab when it is Gmail or LinkedIn (the side panel's normal
 * case); otherwise (the panel opened as a tab of its own, or focus is elsewhere) the Gmail/LinkedIn
 * tab used most recently, preferring one that is active in its window.
 */
export async function findSiteTab(tabs: TabsApi): Promise<TabLike | null> {
  const [active] = await tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && siteOf(active.url)) return active;
  const candidates = (await tabs.query({ url: SITE_URL_PATTERNS })).filter((t) => t.id !== undefined && siteOf(t.url));
  candidates.sort((a, b) => Number(!!b.active) - Number(!!a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return candidates[0] ?? null;
}

/** The prospect the page shows: by email, LinkedIn profile, or the thread it has open. */
export async function prospectForPage(db: SidelogDb, ctx: PageContext | null): Promise<Prospect | null> {
  if (!ctx) return null;
  const keys = [
    ...(ctx.emails ?? []).flatMap((email) => personKeys({ email })),
    ...(ctx.profileUrl ? personKeys({ profileUrl: ctx.profileUrl }) : []),
    ...(ctx.memberId ? personKeys({ memberId: ctx.memberId }) : []),
  ];
  if (keys.length) {
    const p = await db.prospects.where('keys').anyOf(keys).first();
    if (p) return p;
  }
  if (ctx.threadExternalId) {
    const channel = ctx.channel;
    const th = await db.threads
      .where('keys')
      .anyOf(threadKeys(channel, ctx.threadExternalId, []))
      .first();
    const pid = th?.prospectIds[0];
    if (pid) return (await db.prospects.get(pid)) ?? null;
  }
  return null;
}

/**
 * The prospect a tab shows. `ask` is the getPageContext message to that tab; a tab without our
 * content script (opened before install) never answers, so give up soon.
 */
export async function prospectOfTab(
  db: SidelogDb,
  tabId: number,
  ask: (tabId: number) => Promise<PageContext | null>,
  timeoutMs = 1500,
): Promise<Prospect | null> {
  return prospectForPage(db, await askWithTimeout(tabId, ask, timeoutMs));
}

const askWithTimeout = (tabId: number, ask: (tabId: number) => Promise<PageContext | null>, timeoutMs: number) =>
  Promise.race([ask(tabId).catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);

/** Enough of a person to fill a template: a known prospect, or who the page names. */
export type PersonForTemplate = Pick<Prospect, 'name' | 'company' | 'title'> & Partial<Pick<Prospect, 'traits'>>;

/**
 * For an insert: the prospect the tab shows, or, when Sidelog does not know them yet (a first
 * message to someone), the name the page shows, so `{{firstName}}` still fills in.
 */
export async function personOfTab(
  db: SidelogDb,
  tabId: number,
  ask: (tabId: number) => Promise<PageContext | null>,
  timeoutMs = 1500,
): Promise<PersonForTemplate | null> {
  const ctx = await askWithTimeout(tabId, ask, timeoutMs);
  const known = await prospectForPage(db, ctx);
  if (known) return known;
  const name = ctx?.name?.trim();
  return name ? { name, company: null, title: null } : null;
}

/**
 * Which tab "the current tab" is.
 * - 'panel': the tab the panel is about. In the side panel, the active tab only (following the
 *   user to a tab they left would be a surprise); in the panel opened as a tab of its own (which
 *   is then the active tab), the Gmail/LinkedIn tab used last.
 * - 'insert': the tab Insert fills (`findSiteTab`): the active tab when it is Gmail or LinkedIn,
 *   else the one used last, so the Templates tab's preview shows the person an insert is for.
 */
export type PageScope = 'panel' | 'insert';

export interface PageTabsApi extends TabsApi {
  /** The tab this page is (browser.tabs.getCurrent): undefined in a side panel or popup. */
  getCurrent?(): Promise<unknown>;
}

export interface PageProspect {
  prospect: Prospect;
  site: 'gmail' | 'linkedin';
  /** The tab is the one the user is looking at (the side panel's active tab): views may open the
   *  person on their own. False for the panel opened as a tab: it only offers them. */
  follow: boolean;
}

/**
 * The prospect on "the current tab" (see PageScope), asked from its content script (`ask`, the
 * getPageContext message) and looked up in the database. Any failure (not one of the two sites,
 * no content script there, no answer in time) is null.
 */
export async function pageProspect(
  db: SidelogDb,
  tabs: PageTabsApi,
  ask: (tabId: number) => Promise<PageContext | null>,
  scope: PageScope,
  timeoutMs?: number,
): Promise<PageProspect | null> {
  try {
    const self = await tabs.getCurrent?.();
    const tab =
      scope === 'insert' || self
        ? await findSiteTab(tabs)
        : (await tabs.query({ active: true, currentWindow: true }))[0];
    const site = siteOf(tab?.url);
    if (tab?.id === undefined || !site) return null;
    const prospect = await prospectOfTab(db, tab.id, ask, timeoutMs);
    return prospect ? { prospect, site, follow: !self } : null;
  } catch {
    return null;
  }
}

interface TabEvent<F> {
  addListener(f: F): void;
  removeListener(f: F): void;
}

export interface TabEvents {
  onActivated?: TabEvent<() => void>;
  onUpdated?: TabEvent<(tabId: number, info: { status?: string; url?: string }) => void>;
}

/**
 * Calls `onChange` whenever "the current tab" may show someone else: a tab activated, a tab that
 * navigates (a new URL) or finishes loading. Returns the unsubscribe.
 */
export function onPageChange(tabs: TabEvents | undefined, onChange: () => void): () => void {
  const activated = () => onChange();
  const updated = (_id: number, info: { status?: string; url?: string }) => {
    if (info.url || info.status === 'complete') onChange();
  };
  tabs?.onActivated?.addListener(activated);
  tabs?.onUpdated?.addListener(updated);
  return () => {
    tabs?.onActivated?.removeListener(activated);
    tabs?.onUpdated?.removeListener(updated);
  };
}
