// Which Gmail/LinkedIn tab the side panel is about, and which prospect that tab shows. One place
// for both the Templates tab (insert, preview) and the Prospects/Dashboard views (open the person
// on the active tab).
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
    const th = await db.threads.where('keys').anyOf(threadKeys(channel, ctx.threadExternalId, [])).first();
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

/** The prospect shown by the site tab `findSiteTab` picks. */
export async function prospectOfSiteTab(
  db: SidelogDb,
  tabs: TabsApi,
  ask: (tabId: number) => Promise<PageContext | null>,
): Promise<Prospect | null> {
  const tab = await findSiteTab(tabs);
  return tab?.id === undefined ? null : prospectOfTab(db, tab.id, ask);
}
