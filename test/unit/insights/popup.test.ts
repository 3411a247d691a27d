// lib/insights/popup.ts: the popup's read (its numbers recomputed from the dashboard's data, and kept
// for its next first frame) and the side panel opener of each browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import { freshPopupNumbers, openSidePanel } from '@/lib/insights/popup';
import { readPopupCache } from '@/lib/insights/popup-cache';
import { gmailInbound, gmailSend, settings } from '../helpers/events';

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
});

describe('freshPopupNumbers', () => {
  it("computes today's numbers from the database and keeps them for the next popup", async () => {
    const now = Date.now();
    const sent = gmailSend({ sentAt: now - 60_000 });
    await ingestEvents({ db: getDb(), settings: settings(), now: () => now }, [
      sent,
      gmailInbound({ threadExternalId: sent.threadExternalId, sentAt: now - 30_000 }),
    ]);
    const s = await freshPopupNumbers(now);
    expect(s.today).toEqual({ gmail: 1, linkedin: 0, calls: 0 });
    expect(s.last30).toMatchObject({ k: 1, n: 1 });
    await vi.waitFor(async () => expect(await readPopupCache(now)).toEqual(s));
  });
});

describe('openSidePanel', () => {
  const g = globalThis as { chrome?: unknown };
  const saved = g.chrome;
  afterEach(() => {
    g.chrome = saved;
    delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
  });

  it("Chrome: opens the side panel of the popup's window", async () => {
    const open = vi.fn(async () => {});
    g.chrome = { sidePanel: { open } };
    await openSidePanel(12);
    expect(open).toHaveBeenCalledWith({ windowId: 12 });
  });

  it('Firefox: opens the sidebar; nothing to open without either', async () => {
    g.chrome = undefined;
    expect(openSidePanel(12)).toBeUndefined();
    const open = vi.fn(async () => {});
    (fakeBrowser as { sidebarAction?: unknown }).sidebarAction = { open };
    await openSidePanel(undefined);
    expect(open).toHaveBeenCalledOnce();
  });
});
