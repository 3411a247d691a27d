// What every step of ingestion is handed (the batch runner in ingest.ts passes it to the handlers
// in messages.ts, prospects.ts and traits.ts) and what a handler reports back. A module of its own
// so the runner and the handlers import it without importing each other.
import type { SidelogDb } from '../db/db';
import type { CapturedPerson } from '../schema/events';
import type { Settings } from '../schema/settings';
import type { DetectInput, TemplateMatch } from '../templates/detect';
import type { IngestCache } from './key-cache';

export interface IngestDeps {
  db: SidelogDb;
  settings: Settings;
  now: () => number;
  /** Template detector for outbound text that did not come from an insertion. */
  detect?: (input: DetectInput) => TemplateMatch | null;
  /** The page told us who the user is; persist it (settings.identities). */
  onIdentity?: (person: CapturedPerson, channel: 'gmail' | 'linkedin') => Promise<void>;
  /** Records known from earlier batches, trusted while the revision counter has not moved (key-cache.ts). */
  cache?: IngestCache;
}

/** What one event came to: a new record, folded into a known one, or dropped by a rule. */
export type Outcome = 'stored' | 'merged' | 'dropped';
