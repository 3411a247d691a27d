// The one database. Opened only in extension pages and the background: a content script runs in
// the site's origin, where this would be the *site's* IndexedDB (DESIGN.md).
import Dexie, { type EntityTable } from 'dexie';
import type { Message, Prospect, Template, TemplateVersion, Thread } from '../schema/model';

export interface MetaRow {
  key: string;
  value: unknown;
}

export type SidelogDb = Dexie & {
  prospects: EntityTable<Prospect, 'id'>;
  threads: EntityTable<Thread, 'id'>;
  messages: EntityTable<Message, 'id'>;
  templates: EntityTable<Template, 'id'>;
  templateVersions: EntityTable<TemplateVersion, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'sidelog';

/**
 * Schema versions. Never edit a released version: add a new one with an upgrade function and a
 * test in test/unit/db-migration.test.ts (open the old version with data, upgrade, check).
 */
export const SCHEMA_V1 = {
  prospects: 'id, *keys, updatedAt',
  threads: 'id, *keys, *prospectIds, updatedAt',
  messages: 'id, *keys, threadId, prospectId, sentAt, [direction+sentAt], templateId',
  templates: 'id, name, archived, updatedAt',
  templateVersions: 'id, templateId',
  meta: 'key',
};

export function openDb(name = DB_NAME): SidelogDb {
  // Relaxed durability: Chromium otherwise waits for a disk flush on every commit. Relaxed still
  // survives a browser or extension crash; only a power loss in the same instant could drop the
  // last commit.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as SidelogDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

let shared: SidelogDb | undefined;
/** The database of this extension context (background or page), opened once. */
export function getDb(): SidelogDb {
  shared ??= openDb();
  return shared;
}
