// The one database. Opened only in extension pages and the background: a content script runs in
// the site's origin, where this would be the *site's* IndexedDB (docs/design.md, "Where it runs").
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { summarizeThread } from '../records/summary';
import type { Company, MergeRecord, Message, Prospect, Template, TemplateVersion, Thread } from '../schema/model';
import { repairIdentities } from './upgrade-v3';
import { judgeStoredMail } from './upgrade-v4';
import { revisionMiddleware, type Stamped } from './revision';
import type { UpgradeNotice } from '../storage/keys';
import { upgradeNoticeItem } from '../storage/items';

export interface MetaRow {
  key: string;
  value: unknown;
}

export type SidelogDb = Dexie & {
  prospects: EntityTable<Stamped<Prospect>, 'id'>;
  threads: EntityTable<Stamped<Thread>, 'id'>;
  messages: EntityTable<Message, 'id'>;
  templates: EntityTable<Template, 'id'>;
  templateVersions: EntityTable<TemplateVersion, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  companies: EntityTable<Company, 'id'>;
  merges: EntityTable<MergeRecord, 'id'>;
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

/**
 * v2: `rev` on threads and prospects (what changed since a snapshot, lib/db/revision.ts). Indexes
 * nothing reads since the numbers come from facts go: messages' `[direction+sentAt]` and
 * `templateId`, threads' `updatedAt` (every index is one more write per stored row).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  prospects: 'id, *keys, updatedAt, rev',
  threads: 'id, *keys, *prospectIds, rev',
  messages: 'id, *keys, threadId, prospectId, sentAt',
};

/**
 * v3 (identity, issue 10): `companies` (LinkedIn company pages, lib/prospects/company.ts), the
 * `merges` log (lib/records/prospect-merge.ts), and prospects indexed by their company keys so a company
 * page reaches every prospect who works there.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  prospects: 'id, *keys, updatedAt, rev, *companyKeys',
  companies: 'id, *keys',
  merges: 'id, at, keptId, mergedId',
};

/**
 * v4 (issue 11): no index changes. Inbound messages gain their class with rule and source, failed
 * recipients, intent and referral (lib/schema/model.ts); the upgrade judges the stored ones
 * (lib/db/upgrade-v4.ts) and recomputes the summaries of threads whose messages changed.
 */
export const SCHEMA_V4 = SCHEMA_V3;

/**
 * v5 (issue 14): messages lose their `prospectId` and `sentAt` indexes. Each index is one more
 * write per stored message (at 100k, these two cost a fifth of an import: docs/design.md, "What
 * the indexes cost"). A prospect's messages are found through the threads that list the prospect
 * (lib/records/prospect-messages.ts), the last 30 days of mail through the threads whose last
 * inbound message is that recent (the analytics facts' `lastIn`, lib/insights/settings.ts). The
 * upgrade makes every thread list the prospects of its messages, the rule that look-up needs
 * (lib/db/upgrade-v4.ts).
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, messages: 'id, *keys, threadId' };

/** Threads per read of their messages in the v2 upgrade: bounds memory (100k messages) without a read per thread. */
const UPGRADE_CHUNK = 2_000;

/**
 * v1 → v2: recomputes every thread's summary from its messages (summaries gain their sends), and
 * the rewrite gets a rev from the revision middleware (it runs in upgrade transactions too).
 * Prospects are not rewritten: a row without a rev is older than any facts, which are first built
 * from every row (lib/insights/facts-store.ts), and gets a rev at its next write.
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const threads = (await tx.table('threads').toArray()) as Thread[];
  // Messages are read by contiguous ranges of thread ids (index range reads, getAll-fast).
  threads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < threads.length; i += UPGRADE_CHUNK) {
    const chunk = threads.slice(i, i + UPGRADE_CHUNK);
    const messages = (await tx
      .table('messages')
      .where('threadId')
      .between(chunk[0].id, chunk[chunk.length - 1].id, true, true)
      .toArray()) as Message[];
    const byThread = new Map<string, Message[]>();
    for (const m of messages) (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
    await tx.table('threads').bulkPut(chunk.map((t) => ({ ...t, summary: summarizeThread(byThread.get(t.id) ?? []) })));
  }
}

export function openDb(name = DB_NAME): SidelogDb {
  // Relaxed durability: Chromium otherwise waits for a disk flush on every commit. Relaxed still
  // survives a browser or extension crash; only a power loss in the same instant could drop the
  // last commit.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as SidelogDb;
  let upgrading = false;
  /** An upgrade that announces itself while it runs (a new database is created, never upgraded). */
  const announced =
    (toVersion: number, run: (tx: Transaction, progress: (share: number) => void) => Promise<void>) =>
    (tx: Transaction) => {
      upgrading = true;
      const notice: UpgradeNotice = { toVersion, startedAt: Date.now() };
      void upgradeNoticeItem.setValue(notice).catch(() => undefined);
      // The share done, in steps of 5% (each one a storage write every page's notice hears).
      let shown = 0;
      const progress = (share: number) => {
        if (share <= shown || (share < 1 && share - shown < 0.05)) return;
        shown = share;
        void upgradeNoticeItem.setValue({ ...notice, progress: Math.min(1, share) }).catch(() => undefined);
      };
      return run(tx, progress);
    };
  /** Threads the v3 step read and left unchanged, for the step that reads the mail after it (one read fewer). */
  let threadsAfterV3: Thread[] | undefined;
  /** The v4 step's judging waits for v5's step: its rewrite then goes into the leaner messages store. */
  let judgePending = false;
  db.use(revisionMiddleware);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(announced(2, upgradeToV2));
  // v2 → v3: records the stored keys prove to be one person are merged (lib/db/upgrade-v3.ts).
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(
      announced(3, (tx) =>
        repairIdentities(tx, Date.now()).then((r) => {
          threadsAfterV3 = r.threadsUnchanged ?? undefined;
        }),
      ),
    );
  // v3 → v4: inbound mail judged again (class, rule, failed recipients, intent), summaries follow.
  // Done by the v5 step below, in the same upgrade transaction: Dexie drops v5's indexes before
  // that step runs, so the rewritten messages pay two index writes fewer each.
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(() => {
      judgePending = true;
    });
  // v4 → v5: two message indexes go; every thread lists the prospects of its messages (and, from
  // v3 or older, the mail is judged as v4 asks).
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(
      announced(5, (tx, progress) => {
        const threads = threadsAfterV3;
        const judge = judgePending;
        threadsAfterV3 = undefined;
        judgePending = false;
        return judgeStoredMail(tx, progress, threads, { judge }).then(() => undefined);
      }),
    );
  db.on('ready', () => {
    if (!upgrading) return;
    upgrading = false;
    void upgradeNoticeItem.removeValue().catch(() => undefined);
  });
  return db;
}

let shared: SidelogDb | undefined;
/** The database of this extension context (background or page), opened once. */
export function getDb(): SidelogDb {
  shared ??= openDb();
  return shared;
}
