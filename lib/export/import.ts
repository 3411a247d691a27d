// Import of a `sidelog-export` file: merges into what is there (a record already present keeps its
// values and only gains what it lacked), so importing the same file twice changes nothing. A file
// that is not valid is rejected whole with a message that says why; nothing is written.
import Dexie from 'dexie';
import type { SidelogDb } from '../db/db';
import { ExportFile } from '../schema/export';
import { readDialects } from './dialects';
import type { Message, Prospect, Template, Thread } from '../schema/model';
import { messageKeys, normEmail, personKeys, threadKeys } from '../records/keys';
import { importInbound } from './inbound-fields';
import { foldedInto } from '../records/prospect-merge';
import { listingTheirProspects } from '../records/prospect-messages';
import { summarizeThread } from '../records/summary';

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export class ImportError extends Error {}

/** The user cancelled: the transaction was rolled back, nothing was written. */
export class ImportCancelled extends ImportError {
  constructor() {
    super('Import cancelled: nothing was changed.');
  }
}

/** How far an import has come (lib/insights/import-job.ts adds the reading and facts phases). */
export interface ImportProgress {
  phase: 'reading' | 'writing' | 'facts' | 'done';
  /** Bytes of the file read so far, and its size. */
  bytesRead: number;
  bytes: number;
  /** Records in the file (prospects, threads, messages, templates), once parsed. */
  read: number;
  /** Records merged into the database so far (written or found already there). */
  written: number;
  /** Facts rebuilt and stored (the last phase). */
  factsBuilt: boolean;
}

export interface ImportOptions {
  /** Called after each chunk of records is merged (inside the transaction: keep it cheap). */
  onWritten?: (written: number) => void;
  /** Checked between chunks: when true the transaction is rolled back and ImportCancelled thrown. */
  cancelled?: () => boolean;
  /**
   * Called inside the import's transaction (which includes `meta`) once every row is written, with
   * the thread and prospect rows written: what depends on them (the facts) can be stored in the
   * same commit, from the rows in memory rather than read back. `fresh`: the database had no
   * threads and no prospects before, so the rows written are all there are.
   */
  beforeCommit?: (w: WrittenRows) => PromiseLike<void>;
  /** Called first inside the import's transaction (to read what beforeCommit compares with). */
  atStart?: () => PromiseLike<void>;
}

export interface WrittenRows {
  threads: Thread[];
  prospects: Prospect[];
  fresh: boolean;
}

/**
 * Records per bulkPut. The chunks of a table are all issued before the first is awaited (IndexedDB
 * runs them in order), so the database never waits for this thread between them; progress and
 * cancel follow each chunk as it completes.
 */
const WRITE_CHUNK = 5_000;

/** Bytes per read of a file being imported. */
const READ_CHUNK = 1 << 20;

/**
 * Reads a file as text a slice at a time (Blob.slice, decoded as a stream so a character cut
 * between slices is whole), so the caller can show how much is read and cancel. Rejects a file
 * above MAX_IMPORT_BYTES before reading it.
 */
export async function readExportBlob(
  blob: Blob,
  onBytes: (read: number) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<string> {
  if (blob.size > MAX_IMPORT_BYTES) throw new ImportError('This file is too large to be a Sidelog export.');
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < blob.size; at += READ_CHUNK) {
    if (cancelled()) throw new ImportCancelled();
    const bytes = await blob.slice(at, at + READ_CHUNK).arrayBuffer();
    parts.push(decoder.decode(bytes, { stream: true }));
    onBytes(Math.min(blob.size, at + READ_CHUNK));
  }
  if (cancelled()) throw new ImportCancelled();
  parts.push(decoder.decode());
  return parts.join('');
}

/** Records in a parsed file, as the progress counts them. */
export const recordCount = (f: ExportFile) =>
  f.prospects.length + f.threads.length + f.messages.length + f.templates.length;

export interface ImportResult {
  added: { prospects: number; threads: number; messages: number; templates: number };
  updated: number;
}

export function parseExportText(text: string): ExportFile {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('This file is too large to be a Sidelog export.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON. Choose a file made by Export JSON.');
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== 'sidelog-export')
    throw new ImportError('This JSON file is not a Sidelog export (its "format" is not "sidelog-export").');
  if (head.version !== 1)
    throw new ImportError(`This export is version ${JSON.stringify(head.version)}; this Sidelog reads version 1.`);
  const parsed = ExportFile.safeParse(readDialects(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'the file';
    throw new ImportError(
      `The file has a field of the wrong shape at ${where}: ${issue?.message ?? 'invalid'}. Nothing was imported.`,
    );
  }
  return parsed.data;
}

const ms = (s: string | null | undefined, fallback: number) => (s ? Date.parse(s) : fallback);

/** Fills the holes of `cur` with `inc`'s values: existing data always wins. */
function fillIn<T extends object>(cur: T, inc: T): T {
  const out = { ...cur } as Record<string, unknown>;
  for (const [k, v] of Object.entries(inc)) {
    const c = out[k];
    if (
      c === null ||
      c === undefined ||
      c === '' ||
      (Array.isArray(c) && c.length === 0 && Array.isArray(v) && v.length > 0)
    )
      out[k] = v;
  }
  return out as T;
}

export async function importExport(
  db: SidelogDb,
  file: ExportFile,
  now: number,
  o: ImportOptions = {},
): Promise<ImportResult> {
  const prospects: Prospect[] = file.prospects.map((p) => ({
    id: p.id,
    name: p.name,
    emails: p.emails.map((e) => normEmail(e) ?? e),
    linkedinUrl: p.linkedinUrl,
    linkedinMemberId: p.linkedinMemberId ?? null,
    company: p.company,
    domain: p.domain ?? null,
    title: p.title,
    headline: p.headline ?? null,
    seniority: p.seniority,
    industry: p.industry,
    location: p.location,
    companySize: p.companySize ?? null,
    connectionDegree: p.connectionDegree ?? null,
    connectedAt: p.connectedAt ? Date.parse(p.connectedAt) : null,
    stage: p.stage,
    dealValue: p.dealValue,
    traits: p.traits,
    notes: p.notes ?? '',
    manualFields: p.manualFields ?? [],
    createdAt: ms(p.createdAt, now),
    updatedAt: ms(p.updatedAt, now),
    keys: [
      ...new Set([
        ...p.emails.flatMap((e) => personKeys({ email: e })),
        ...personKeys({ profileUrl: p.linkedinUrl ?? undefined, memberId: p.linkedinMemberId ?? undefined }),
      ]),
    ],
  }));
  // A thread also lists the prospects of its messages (withSummary below): a file from another
  // tool may name none.
  const threads: Thread[] = file.threads.map((t) => ({
    id: t.id,
    channel: t.channel,
    externalId: t.externalId || t.id,
    prospectIds: t.prospectIds,
    subject: t.subject,
    keys: threadKeys(t.channel, t.externalId || t.id, t.aliases ?? []),
    updatedAt: now,
  }));
  const messages: Message[] = file.messages.map((m) => ({
    id: m.id,
    channel: m.channel,
    direction: m.direction,
    kind: m.kind,
    threadId: m.threadId,
    prospectId: m.prospectId,
    from: m.from,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    text: m.text,
    sentAt: Date.parse(m.sentAt),
    templateId: m.templateId,
    templateVersion: m.templateVersion ?? null,
    templateSource: m.templateSource,
    templateScore: m.templateScore ?? null,
    classification: m.classification,
    source: m.source ?? 'import',
    externalId: m.externalId ?? '',
    rfcMessageId: m.rfcMessageId ?? null,
    inReplyTo: m.inReplyTo ?? [],
    callOutcome: m.callOutcome ?? null,
    ...(m.bcc?.length ? { bcc: m.bcc } : {}),
    ...(m.status === 'scheduled' ? { status: m.status } : {}),
    ...(m.scheduledAt !== undefined ? { scheduledAt: m.scheduledAt === null ? null : Date.parse(m.scheduledAt) } : {}),
    ...(m.editedText !== undefined ? { editedText: m.editedText } : {}),
    ...(m.withdrawnAt !== undefined ? { withdrawnAt: Date.parse(m.withdrawnAt) } : {}),
    ...importInbound(m),
    keys: [
      ...new Set([m.id, ...messageKeys(m.channel, m.externalId || m.id, m.aliases ?? [], m.rfcMessageId ?? null)]),
    ],
    seenBy: ['import'],
    updatedAt: now,
  }));
  const templates: Template[] = file.templates.map((t) => ({
    id: t.id,
    name: t.name,
    channel: t.channel,
    subject: t.subject,
    body: t.body,
    tags: t.tags,
    archived: t.archived ?? false,
    version: t.version ?? 1,
    createdAt: ms(t.createdAt, now),
    updatedAt: ms(t.updatedAt, now),
  }));

  // Threads referenced by a message must exist in the file or the database.
  const added = { prospects: 0, threads: 0, messages: 0, templates: 0 };
  let updated = 0;
  let merged = 0;
  const cancelled = o.cancelled ?? (() => false);
  const check = () => {
    if (cancelled()) throw new ImportCancelled();
  };
  /**
   * Writes rows in chunks, reporting and checking for a cancel as each completes (all in the one
   * transaction: a cancel throws, which rolls it back). Every chunk is issued at once.
   */
  function putChunked(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Dexie's EntityTable insert types differ per table
    table: import('dexie').Table<any, string, any>,
    rows: unknown[],
    counted: number,
  ): PromiseLike<void> {
    check();
    const writes: PromiseLike<unknown>[] = [];
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const n = Math.min(rows.length, i + WRITE_CHUNK);
      // This chunk's share of the table's records (the shares add up to `counted`).
      const share = Math.round((n / rows.length) * counted) - Math.round((i / rows.length) * counted);
      writes.push(
        table.bulkPut(rows.slice(i, n)).then(() => {
          check();
          // Tables' writes may complete out of order (threads and prospects first read the
          // revision counter): the count adds what completed, so it only ever grows.
          merged += share;
          o.onWritten?.(merged);
        }),
      );
    }
    return Dexie.Promise.all(writes).then(() => undefined);
  }
  // Only Dexie promises are awaited inside the transaction (no native Promise.all of async
  // functions), so it stays alive to the end: all or nothing.
  /** The file's rows with folded prospect ids replaced by the records they live in now. */
  function refold(folded: ReadonlyMap<string, string>): void {
    const fileIds = new Set(prospects.map((p) => p.id));
    const to = (id: string) => folded.get(id) ?? id;
    // A folded record whose survivor the file also has (or that another folded row already became)
    // adds nothing of its own: one row per id, the file's survivor row first.
    const rows: Prospect[] = prospects.filter((p) => !folded.has(p.id));
    for (const p of prospects)
      if (folded.has(p.id) && !fileIds.has(to(p.id))) {
        fileIds.add(to(p.id));
        rows.push({ ...p, id: to(p.id) });
      }
    prospects.splice(0, prospects.length, ...rows);
    for (const t of threads) t.prospectIds = [...new Set(t.prospectIds.map(to))];
    for (const m of messages) if (m.prospectId) m.prospectId = to(m.prospectId);
  }
  const tables = [db.prospects, db.threads, db.messages, db.templates, db.templateVersions, db.meta, db.merges];
  try {
    await mergeAll();
  } catch (e) {
    // A cancel seen by one chunk aborts the transaction: what else was waiting fails with the abort.
    if (cancelled() && !(e instanceof ImportCancelled)) throw new ImportCancelled();
    throw e;
  }
  return { added, updated };

  function mergeAll() {
    return db.transaction('rw', tables, async () => {
      if (o.atStart) await o.atStart();
      // Which ids exist: one key-only read per table instead of one read per record, all before the
      // first write (a read issued after a write waits for it).
      const [threadIds, prospectIds, messageIds, templateIds] = await Dexie.Promise.all([
        db.threads.toCollection().primaryKeys(),
        db.prospects.toCollection().primaryKeys(),
        db.messages.toCollection().primaryKeys(),
        db.templates.toCollection().primaryKeys(),
      ]);
      // A prospect the file names by an id this database folded into another record (a capture,
      // a merge by hand, an import's repair) is that record: an older backup never brings back a
      // person merged since, nor a second copy of one.
      const existingProspects = new Set<string>(prospectIds);
      const folded = foldedInto(await db.merges.toArray(), (id) => existingProspects.has(id));
      if (folded.size) refold(folded);
      const existingThreads = new Set<string>(threadIds);
      const fileThreads = new Set(threads.map((t) => t.id));
      const orphan = messages.find((m) => !fileThreads.has(m.threadId) && !existingThreads.has(m.threadId));
      if (orphan)
        throw new ImportError(
          `Message ${orphan.id} names thread ${orphan.threadId}, which is neither in the file nor in Sidelog. Nothing was imported.`,
        );

      /** Writes issued and not awaited yet: this thread goes on (thread summaries) while IndexedDB writes. */
      const pending: PromiseLike<void>[] = [];
      /**
       * Merges the file's rows into a table; returns each row's resulting version. `derive` may
       * complete a row (a thread's summary) before it is written, so nothing is written twice. The
       * writes are issued, not awaited (see `pending`).
       */
      async function merge<T extends { id: string }>(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Dexie's EntityTable insert types differ per table
        table: import('dexie').Table<any, string, any>,
        rows: T[],
        kind: keyof typeof added,
        have: ReadonlySet<string>,
        derive: (row: T) => T = (r) => r,
        onWrite: (row: T) => void = () => {},
      ): Promise<{ finals: T[]; puts: T[]; had: number }> {
        const overlap = rows.filter((r) => have.has(r.id)).map((r) => r.id);
        // Many overlaps (a re-import): one getAll beats thousands of gets.
        const current = new Map<string, T>();
        if (overlap.length > 2000) for (const r of (await table.toArray()) as T[]) current.set(r.id, r);
        else if (overlap.length)
          ((await table.bulkGet(overlap)) as (T | undefined)[]).forEach((r) => r && current.set(r.id, r));
        const puts: T[] = [];
        const finals: T[] = [];
        for (const row of rows) {
          const cur = current.get(row.id);
          const next = derive(cur ? fillIn(cur, row) : row);
          finals.push(next);
          if (!cur) {
            puts.push(next);
            added[kind]++;
            onWrite(next);
          } else if (JSON.stringify(next) !== JSON.stringify(cur)) {
            puts.push(next);
            updated++;
            onWrite(next);
          }
        }
        if (puts.length) {
          const written = putChunked(table, puts, rows.length);
          // Its failure (a cancel) is awaited below with the others; not an unhandled one meanwhile.
          written.then(undefined, () => undefined);
          pending.push(written);
        } else {
          merged += rows.length;
          o.onWritten?.(merged);
        }
        return { finals, puts, had: have.size };
      }

      const prospectsMerged = await merge(db.prospects, prospects, 'prospects', existingProspects);
      const written = new Set<string>(); // threads whose messages this import adds or completes
      const { finals: finalMessages } = await merge(
        db.messages,
        messages,
        'messages',
        new Set<string>(messageIds),
        undefined,
        (m) => written.add(m.threadId),
      );
      // Threads' summaries are derived from their messages. A new thread's messages are all in the
      // file; an existing thread's are read back (the file's are already written).
      const byThread = new Map<string, Message[]>();
      const push = (m: Message) => (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
      for (const m of finalMessages) if (!existingThreads.has(m.threadId)) push(m);
      const oldTouched = [...written].filter((id) => existingThreads.has(id));
      if (oldTouched.length) {
        const wanted = new Set(oldTouched);
        const rows =
          oldTouched.length > 500
            ? (await db.messages.toArray()).filter((m) => wanted.has(m.threadId))
            : await db.messages.where('threadId').anyOf(oldTouched).toArray();
        rows.forEach(push);
      }
      // A written thread lists every prospect its messages name: how a prospect's messages are
      // found (lib/records/prospect-messages.ts).
      const withSummary = (t: Thread): Thread => {
        const msgs = byThread.get(t.id);
        return msgs ? { ...listingTheirProspects(t, msgs), summary: summarizeThread(msgs) } : t;
      };
      const threadsWritten = (await merge(db.threads, threads, 'threads', existingThreads, withSummary)).puts;
      // Existing threads the file does not list but whose messages it changed.
      const unlisted = oldTouched.filter((id) => !fileThreads.has(id));
      if (unlisted.length) {
        const rows = await db.threads.bulkGet(unlisted);
        const puts = rows.filter((t): t is Thread => !!t).map(withSummary);
        if (puts.length) await db.threads.bulkPut(puts);
        threadsWritten.push(...puts);
      }
      await merge(db.templates, templates, 'templates', new Set<string>(templateIds));
      await Dexie.Promise.all(pending);
      const versionIds = templates.map((t) => `${t.id}@${t.version}`);
      const knownVersions = await db.templateVersions.bulkGet(versionIds);
      const newVersions = templates
        .filter((_, i) => !knownVersions[i])
        .map((t) => ({
          id: `${t.id}@${t.version}`,
          templateId: t.id,
          version: t.version,
          subject: t.subject,
          body: t.body,
          createdAt: t.updatedAt,
        }));
      if (newVersions.length) await db.templateVersions.bulkPut(newVersions);
      check();
      if (o.beforeCommit)
        await o.beforeCommit({
          threads: threadsWritten,
          prospects: prospectsMerged.puts,
          fresh: existingThreads.size === 0 && prospectsMerged.had === 0,
        });
      // A cancel that came during the last chunk still rolls everything back.
      check();
    });
  }
}
