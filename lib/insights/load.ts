// Dexie reads for the insights views and the popup. Kept apart from lib/analytics (pure) and from
// the React pieces, so each view's query function is one call. Reads only what a number needs:
// thread summaries, prospects, templates, and the outbound messages of the period (through the
// [direction+sentAt] index); never the whole message table.
import Dexie from 'dexie';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { getSettings } from '@/lib/settings';
import { canonicalProfileUrl, normEmail, personKeys, threadKeys } from '@/lib/ingest/keys';
import type { PageContext } from '@/lib/messaging';
import type { Message, Prospect, Template, Thread } from '@/lib/schema/model';
import type { Settings } from '@/lib/schema/settings';

export interface ThreadData {
  threads: Thread[];
  templates: Template[];
  settings: Settings;
}

export async function loadThreads(db: SidelogDb = getDb()): Promise<ThreadData> {
  const [threads, templates, settings] = await Promise.all([db.threads.toArray(), db.templates.toArray(), getSettings()]);
  return { threads, templates, settings };
}

export function loadProspects(db: SidelogDb = getDb()): Promise<Prospect[]> {
  return db.prospects.toArray();
}

/** Outbound messages (calls included) sent at or after `from`. */
export function loadOutbound(from: number, db: SidelogDb = getDb()): Promise<Message[]> {
  return db.messages.where('[direction+sentAt]').between(['outbound', from], ['outbound', Dexie.maxKey], true, true).toArray();
}

/**
 * The popup's inputs: today's outbound messages, and the threads that can have started in the last
 * 30 days or this month. A thread's updatedAt is set whenever its summary is (re)computed, which
 * happens when its first message is stored, so every thread first touched since `from` has
 * updatedAt >= from: the index gives a superset (popupSummary filters it) that stays small in daily
 * use (after a bulk import it is every thread, once).
 */
export async function loadPopup(now: number, startOfDay: number, startOfMonth: number, db: SidelogDb = getDb()) {
  const from = Math.min(now - 30 * 86_400_000, startOfMonth);
  const [outbound, threads, templates, settings] = await Promise.all([
    loadOutbound(startOfDay, db),
    db.threads.where('updatedAt').aboveOrEqual(from).toArray(),
    db.templates.toArray(),
    getSettings(),
  ]);
  return { outbound, threads, templates, settings };
}

/** One prospect's timeline: messages linked to them, or in threads they are part of. */
export async function loadTimeline(prospectId: string, db: SidelogDb = getDb()) {
  const [direct, threads] = await Promise.all([
    db.messages.where('prospectId').equals(prospectId).toArray(),
    db.threads.where('prospectIds').equals(prospectId).toArray(),
  ]);
  const seen = new Set(direct.map((m) => m.id));
  const viaThreads = await db.messages.where('threadId').anyOf(threads.map((t) => t.id)).toArray();
  const messages = [...direct, ...viaThreads.filter((m) => !seen.has(m.id))].sort((a, b) => a.sentAt - b.sentAt);
  return { messages, threads };
}

