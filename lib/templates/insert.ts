// Insert from the side panel: find the Gmail/LinkedIn tab to fill, ask its content script to fill
// the focused compose (lib/messaging.ts `insertTemplate`), and find the prospect that tab shows
// (for the preview and the variables). The content script does the filling; nothing is sent.
import type { SidelogDb } from '../db/db';
import { personKeys, threadKeys } from '../ingest/keys';
import type { InsertRequest, InsertResult, PageContext } from '../messaging';
import type { Prospect, Template } from '../schema/model';
import { prospectVariables, resolveTemplate } from './variables';

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

export const NO_SITE_TAB = 'Open a Gmail compose or a LinkedIn conversation first.';
export const NOT_READY =
  'Sidelog is not running in that tab yet (it was open before Sidelog was installed or updated): reload the tab and try again.';

/** The request for a template filled with a prospect's values (missing ones stay as {{name}}). */
export function insertRequestFor(t: Template, prospect: Prospect | null): InsertRequest & { missing: string[] } {
  const values = prospectVariables(prospect);
  const body = resolveTemplate(t.body, values);
  const subject = t.subject ? resolveTemplate(t.subject, values) : null;
  return {
    subject: subject?.text ?? null,
    body: body.text,
    templateId: t.id,
    templateVersion: t.version,
    missing: [...new Set([...(subject?.missing ?? []), ...body.missing])],
  };
}

export interface InsertOutcome extends InsertResult {
  site?: 'gmail' | 'linkedin';
}

/**
 * Finds the tab, builds the request for it (`build` gets the tab, so the variables come from the
 * prospect that very tab shows, not from one looked up before the user switched tabs), and asks
 * the tab's content script to fill its compose.
 */
export async function insertIntoSiteTab(
  tabs: TabsApi,
  send: (data: InsertRequest, tabId: number) => Promise<InsertResult>,
  build: (tab: TabLike & { id: number }) => Promise<InsertRequest> | InsertRequest,
): Promise<InsertOutcome> {
  const tab = await findSiteTab(tabs);
  if (!tab || tab.id === undefined) return { ok: false, reason: NO_SITE_TAB };
  const site = siteOf(tab.url) ?? undefined;
  const req = await build(tab as TabLike & { id: number });
  try {
    const res = await send(req, tab.id);
    if (!res || typeof res.ok !== 'boolean') return { ok: false, reason: NOT_READY, site };
    return { ...res, site };
  } catch {
    // "Could not establish connection. Receiving end does not exist.": no content script there.
    return { ok: false, reason: NOT_READY, site };
  }
}

/** The prospect the page shows: by email, LinkedIn profile, or the thread it has open. */
export async function prospectForPage(db: SidelogDb, ctx: PageContext | null): Promise<Prospect | null> {
  if (!ctx) return null;
  const keys = [
    ...(ctx.emails ?? []).flatMap((email) => personKeys({ email })),
    ...(ctx.profileUrl ? personKeys({ profileUrl: ctx.profileUrl }) : []),
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
