// The background's side of the `capture` message: who may send what, one ingestion at a time,
// and a "db changed" broadcast after every batch that wrote something.
import { browser } from 'wxt/browser';
import { getDb, type SidelogDb } from '../db/db';
import { notifyDbChanged, onDbChanged } from '../db/changes';
import { readOrphans } from '../capture/outbox';
import { dueInvites } from '../capture/linkedin/invite-hold';
import { ingestEvents, type IngestResult } from '../ingest/ingest';
import { learnIdentity } from '../ingest/identity';
import { IngestCache } from '../ingest/key-cache';
import type { CaptureAck } from '../messaging';
import type { CapturedPerson } from '../schema/events';
import { getSettings, updateSettings } from '../settings';
import { settingsItem } from '../storage/items';
import type { Settings } from '../schema/settings';
import type { Template, TemplateVersion } from '../schema/model';
import { createDetector } from '../templates/detect';

const SITE_CHANNEL: Record<string, 'gmail' | 'linkedin'> = {
  'https://mail.google.com': 'gmail',
  'https://www.linkedin.com': 'linkedin',
};

/** Which channel a sender may speak for: a content script only for its own site; our own pages for any. */
export function senderChannel(
  sender: { id?: string; url?: string; origin?: string },
  extensionId: string,
): 'gmail' | 'linkedin' | 'any' | null {
  if (sender.id !== extensionId) return null;
  const where = sender.url ?? (sender.origin ? `${sender.origin}/` : null);
  if (!where) return null;
  // Our own pages, compared by prefix: URL.origin of a chrome-extension:// or moz-extension://
  // URL is "null" outside browsers that treat the scheme as special.
  if (where.startsWith(browser.runtime.getURL('/'))) return 'any';
  try {
    return SITE_CHANNEL[new URL(where).origin] ?? null;
  } catch {
    return null;
  }
}

// Settings and templates change rarely and are read for every batch: keep them in memory and
// drop them when they change (storage watch; "db changed" naming the templates, from a page that
// edited them or an import). Other changes leave them: the background hears its own "db changed"
// after every batch it writes, and reading the templates again cost two transactions per batch.
let settingsCache: Promise<Settings> | null = null;
let templatesCache: Promise<{ templates: Template[]; versions: TemplateVersion[] }> | null = null;
let watching = false;
/** Tables whose change drops the templates kept in memory. */
const TEMPLATE_TABLES = ['templates', 'templateVersions'];
function watchCaches(): void {
  if (watching) return;
  watching = true;
  settingsItem.watch(() => (settingsCache = null));
  onDbChanged((change) => {
    // A change that names no tables (or an unknown shape) may have touched them: drop them.
    const tables = Array.isArray(change?.tables) ? change.tables : null;
    if (!tables || tables.some((t) => TEMPLATE_TABLES.includes(t))) templatesCache = null;
  });
}

interface Pending {
  events: unknown[];
  resolve: (r: IngestResult) => void;
  reject: (e: unknown) => void;
}
const pending: Pending[] = [];
/** Records known from earlier batches, per database (lib/ingest/key-cache.ts): trusted while its revision holds. */
const keyCaches = new WeakMap<SidelogDb, IngestCache>();
export const keyCacheOf = (db: SidelogDb) => keyCaches.get(db) ?? keyCaches.set(db, new IngestCache()).get(db)!;
let running = false;
/** At most this many events in one transaction: keeps a transaction short. */
const MAX_EVENTS_PER_RUN = 500;

/**
 * Runs ingestion one batch at a time. Requests that arrive while a batch runs are coalesced into
 * the next one (one transaction, one commit), and each caller gets back its own events' acks.
 */
export function ingestQueued(events: unknown[], db: SidelogDb = getDb()): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    pending.push({ events, resolve, reject });
    if (!running) void drain(db);
  });
}

async function drain(db: SidelogDb): Promise<void> {
  running = true;
  watchCaches();
  try {
    while (pending.length) {
      const group: Pending[] = [];
      let n = 0;
      while (pending.length && (group.length === 0 || n + pending[0].events.length <= MAX_EVENTS_PER_RUN)) {
        const p = pending.shift()!;
        group.push(p);
        n += p.events.length;
      }
      try {
        settingsCache ??= getSettings();
        templatesCache ??= Promise.all([db.templates.toArray(), db.templateVersions.toArray()]).then(
          ([templates, versions]) => ({ templates, versions }),
        );
        const [settings, { templates, versions }] = await Promise.all([settingsCache, templatesCache]);
        const result = await ingestEvents(
          {
            db,
            settings: structuredClone(settings),
            now: Date.now,
            cache: keyCacheOf(db),
            detect: createDetector(templates, { versions }),
            onIdentity: async (p) => {
              await rememberIdentity(p);
              settingsCache = null;
            },
          },
          group.flatMap((g) => g.events),
        );
        if (result.stored + result.merged + result.rejected > 0)
          notifyDbChanged({ tables: ['messages', 'threads', 'prospects', 'meta'] });
        const acked = new Set(result.acked);
        let offset = 0;
        for (const g of group) {
          const end = offset + g.events.length;
          const ids = g.events.map((e) => (e as { eventId?: unknown } | null)?.eventId);
          g.resolve({
            ...result,
            acked: ids.filter((id): id is string => typeof id === 'string' && acked.has(id)),
            rejected: result.rejectedAt.filter((i) => i >= offset && i < end).length,
          });
          offset = end;
        }
      } catch (e) {
        for (const g of group) g.reject(e);
      }
    }
  } finally {
    running = false;
  }
}

async function rememberIdentity(p: CapturedPerson): Promise<void> {
  const ids = structuredClone((await getSettings()).identities);
  if (learnIdentity(ids, p)) await updateSettings({ identities: ids });
}

export async function handleCapture(
  data: unknown,
  sender: { id?: string; url?: string; origin?: string },
): Promise<CaptureAck> {
  const allowed = senderChannel(sender, browser.runtime.id);
  const events = Array.isArray((data as { events?: unknown })?.events) ? (data as { events: unknown[] }).events : [];
  if (!allowed) return { acked: [], rejected: events.length };
  // An event that claims another site's channel than the page it came from is malformed.
  const checked =
    allowed === 'any'
      ? events
      : events.map((e) =>
          (e as { channel?: unknown })?.channel === allowed
            ? e
            : { ...(e as object), channel: `forged:${String((e as { channel?: unknown })?.channel)}` },
        );
  const result = await ingestQueued(checked);
  return { acked: result.acked, rejected: result.rejected };
}

/**
 * How old an outbox entry must be before the background takes it as left behind. A live tab's
 * outbox delivers within milliseconds of storing an event; one that was asleep retries within
 * seconds. Taking a live entry is harmless anyway (ingestion stores a message once), only wasted.
 */
export const ORPHAN_AGE_MS = 2_000;

/**
 * Events left behind by tabs that closed before the worker acknowledged them: outbox entries, and
 * LinkedIn invitations the DOM layer held for the network layer's confirmation (past due and
 * never confirmed). Returns when the next invitation still held falls due, if one is.
 */
export async function drainOrphans(olderThanMs = 60_000): Promise<{ nextDueAt: number | null }> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const cutoff = Date.now() - olderThanMs;
  const orphans = readOrphans(all, cutoff);
  const invites = dueInvites(all, cutoff);
  const keys = [...orphans.keys, ...invites.keys];
  if (keys.length) {
    await ingestQueued([...orphans.events, ...invites.events]);
    await browser.storage.local.remove(keys);
  }
  return { nextDueAt: invites.nextDueAt };
}

/**
 * After a tab closes: drain once its outbox entries are old enough not to be a live tab's, and
 * again when an invitation it held falls due (the worker lives on while a timer is set).
 */
export function drainAfterClose(delayMs = ORPHAN_AGE_MS + 500): void {
  setTimeout(() => {
    drainOrphans(ORPHAN_AGE_MS).then(
      ({ nextDueAt }) => {
        if (nextDueAt != null) drainAfterClose(Math.max(0, nextDueAt + ORPHAN_AGE_MS - Date.now()) + 100);
      },
      () => undefined,
    );
  }, delayMs);
}
