// Insert from the side panel: find the Gmail/LinkedIn tab to fill, ask its content script to fill
// the focused compose (lib/messaging.ts `insertTemplate`), and find the prospect that tab shows
// (for the preview and the variables). The content script does the filling; nothing is sent.
import type { InsertRequest, InsertResult } from '../messaging';
import { findSiteTab, siteOf, type PersonForTemplate, type TabLike, type TabsApi } from '../prospects/page-prospect';
import type { Template } from '../schema/model';
import { prospectVariables, resolveTemplate } from './variables';

export const NO_SITE_TAB = 'Open a Gmail compose or a LinkedIn conversation first.';
export const NOT_READY =
  'Sidelog is not running in that tab yet (it was open before Sidelog was installed or updated): reload the tab and try again.';

/** The request for a template filled with a prospect's values (missing ones stay as {{name}}). */
export function insertRequestFor(
  t: Template,
  prospect: PersonForTemplate | null,
): InsertRequest & { missing: string[] } {
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
