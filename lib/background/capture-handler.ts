// The background's side of the `capture` message: who may send what, one ingestion at a time,
// and a "db changed" broadcast after every batch that wrote something.
import { browser } from 'wxt/browser';
import { getDb, type SidelogDb } from '../db/db';
import { notifyDbChanged } from '../db/changes';
import { readOrphans } from '../capture/outbox';
import { ingestEvents, type IngestResult } from '../ingest/ingest';
import type { CaptureAck } from '../messaging';
import type { CapturedPerson } from '../schema/events';
import { getSettings, updateSettings } from '../settings';
import { createDetector } from '../templates/detect';
import { canonicalProfileUrl, normEmail } from '../ingest/keys';

const SITE_CHANNEL: Record<string, 'gmail' | 'linkedin'> = {
  'https://mail.google.com': 'gmail',
  'https://www.linkedin.com': 'linkedin',
};

/** Which channel a sender may speak for: a content script only for its own site; our own pages for any. */
export function senderChannel(sender: { id?: string; url?: string; origin?: string }, extensionId: string): 'gmail' | 'linkedin' | 'any' | null {
  if (sender.id !== extensionId) return null;
  let origin = sender.origin;
  if (!origin && sender.url) {
    try {
      origin = new URL(sender.url).origin;
    } catch {
      return null;
    }
  }
  if (!origin) return null;
  if (origin === new URL(browser.runtime.getURL('/')).origin) return 'any';
  return SITE_CHANNEL[origin] ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs ingestion batches one after another (settings and identities are read per batch). */
export function ingestQueued(events: unknown[], db: SidelogDb = getDb()): Promise<IngestResult> {
  const run = queue.then(async () => {
    const settings = await getSettings();
    const templates = await db.templates.toArray();
    const result = await ingestEvents(
      {
        db,
        settings,
        now: Date.now,
        detect: createDetector(templates),
        onIdentity: (p, ch) => rememberIdentity(p, ch),
      },
      events,
    );
    if (result.stored + result.merged + result.rejected > 0) notifyDbChanged({ tables: ['messages', 'threads', 'prospects', 'meta'] });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function rememberIdentity(p: CapturedPerson, _channel: 'gmail' | 'linkedin'): Promise<void> {
  const s = await getSettings();
  const ids = structuredClone(s.identities);
  const email = normEmail(p.email);
  const url = canonicalProfileUrl(p.profileUrl);
  let changed = false;
  if (email && !ids.emails.includes(email)) (ids.emails.push(email), (changed = true));
  if (p.memberId && !ids.linkedinMemberIds.includes(p.memberId)) (ids.linkedinMemberIds.push(p.memberId), (changed = true));
  if (url && !ids.linkedinProfileUrls.includes(url)) (ids.linkedinProfileUrls.push(url), (changed = true));
  if (changed) await updateSettings({ identities: ids });
}

export async function handleCapture(
  data: unknown,
  sender: { id?: string; url?: string; origin?: string },
): Promise<CaptureAck> {
  const allowed = senderChannel(sender, browser.runtime.id);
  const events = Array.isArray((data as { events?: unknown })?.events) ? ((data as { events: unknown[] }).events) : [];
  if (!allowed) return { acked: [], rejected: events.length };
  // An event that claims another site's channel than the page it came from is malformed.
  const checked = allowed === 'any'
    ? events
    : events.map((e) => ((e as { channel?: unknown })?.channel === allowed ? e : { ...(e as object), channel: `forged:${String((e as { channel?: unknown })?.channel)}` }));
  const result = await ingestQueued(checked);
  return { acked: result.acked, rejected: result.rejected };
}

/** Events left in outboxes by tabs that closed before the worker acknowledged them. */
export async function drainOrphans(olderThanMs = 60_000): Promise<void> {
  const { keys, events } = await readOrphans(browser.storage.local, Date.now() - olderThanMs);
  if (keys.length === 0) return;
  await ingestQueued(events);
  await browser.storage.local.remove(keys);
}
