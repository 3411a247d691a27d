// Builds the `sidelog-export` v1 file (docs/design.md, "Export format"): a public contract for backups and other tools.
import Papa from 'papaparse';
import type { SidelogDb } from '../db/db';
import type { Message, Prospect, Template, Thread } from '../schema/model';
import type { ExportFile } from '../schema/export';
import { classificationV1, exportInbound } from './inbound-fields';

const DAY = 86_400_000;
/** Past it, toISOString writes a six-digit year. */
const YEAR_10000 = 253_402_300_800_000;
/** The date part (`YYYY-MM-DDT`) of each day met; an export of 100k messages meets a few thousand. */
const dayPrefix = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, the same string, without a Date per call for times from 1970 to
 * the year 9999: the day's prefix is kept, the time of day computed (a 100k export formats 130k+
 * times; this is about four times faster). Anything else (negative, fractional, out of range:
 * RangeError as before) goes through Date.
 */
export function iso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= YEAR_10000) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefix.size > 50_000) dayPrefix.clear();
    dayPrefix.set(day, prefix);
  }
  let t = ms - day * DAY;
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const sec = t % 60;
  t = (t - sec) / 60;
  const min = t % 60;
  return `${prefix}${pad2((t - min) / 60)}:${pad2(min)}:${pad2(sec)}.${pad3(milli)}Z`;
}

export function exportProspect(p: Prospect): ExportFile['prospects'][number] {
  return {
    id: p.id,
    name: p.name,
    emails: p.emails,
    linkedinUrl: p.linkedinUrl,
    company: p.company,
    title: p.title,
    seniority: p.seniority,
    industry: p.industry,
    location: p.location,
    stage: p.stage,
    dealValue: p.dealValue,
    traits: p.traits,
    linkedinMemberId: p.linkedinMemberId,
    domain: p.domain,
    headline: p.headline,
    companySize: p.companySize,
    connectionDegree: p.connectionDegree,
    connectedAt: p.connectedAt === null ? null : iso(p.connectedAt),
    notes: p.notes,
    manualFields: p.manualFields,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

/** The site ids behind `<prefix><id>` lookup keys, other than `except`. */
const aliasesOf = (keys: readonly string[], prefix: string, except: string) =>
  keys
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .filter((id) => id !== except);

export function exportThread(t: Thread): ExportFile['threads'][number] {
  return {
    id: t.id,
    channel: t.channel,
    externalId: t.externalId,
    prospectIds: t.prospectIds,
    subject: t.subject,
    aliases: aliasesOf(t.keys, `${t.channel}:t:`, t.externalId),
  };
}

export function exportMessage(m: Message): ExportFile['messages'][number] {
  const out: ExportFile['messages'][number] = {
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
    sentAt: iso(m.sentAt),
    templateId: m.templateId,
    templateSource: m.templateSource,
    classification: classificationV1(m.classification),
    templateVersion: m.templateVersion,
    templateScore: m.templateScore,
    source: m.source,
    externalId: m.externalId,
    // Thread keys (`<channel>:t:…`) never sit on messages; draft/legacy/origin ids do.
    aliases: aliasesOf(m.keys, `${m.channel}:`, m.externalId).filter(
      (a) => !a.startsWith('t:') && `${m.channel}:${a}` !== m.id,
    ),
    rfcMessageId: m.rfcMessageId,
    inReplyTo: m.inReplyTo,
    callOutcome: m.callOutcome,
  };
  // Optional in version 1: written only when there is something to say (assigned in this order,
  // so the keys come out as they always have; no object spread per message).
  if (m.bcc?.length) out.bcc = m.bcc;
  if (m.status === 'scheduled') out.status = m.status;
  if (m.scheduledAt !== undefined) out.scheduledAt = m.scheduledAt === null ? null : iso(m.scheduledAt);
  if (m.editedText !== undefined) out.editedText = m.editedText;
  if (m.withdrawnAt != null) out.withdrawnAt = iso(m.withdrawnAt);
  return Object.assign(out, exportInbound(m));
}

export function exportTemplate(t: Template): ExportFile['templates'][number] {
  return {
    id: t.id,
    name: t.name,
    channel: t.channel,
    subject: t.subject,
    body: t.body,
    tags: t.tags,
    archived: t.archived,
    version: t.version,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

export async function buildExport(db: SidelogDb, now: number): Promise<ExportFile> {
  const [prospects, threads, messages, templates] = await db.transaction(
    'r',
    [db.prospects, db.threads, db.messages, db.templates],
    () => Promise.all([db.prospects.toArray(), db.threads.toArray(), db.messages.toArray(), db.templates.toArray()]),
  );
  return {
    format: 'sidelog-export',
    version: 1,
    exportedAt: iso(now),
    prospects: prospects.map(exportProspect),
    threads: threads.map(exportThread),
    messages: messages.sort(byTime).map(exportMessage),
    templates: templates.map(exportTemplate),
  };
}

/** Records per part of a streamed file: each part is one string, and the page yields between parts. */
const PART = 2_000;

/**
 * Gives the page back (input, rendering) between parts, without setTimeout's 4 ms clamp after a
 * few nested calls (a 100k export has ~70 parts).
 */
function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
const byTime = (a: Message, b: Message) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Messages per read of the export: read in parts by id (getAll with a count), each written out as the next is read. */
const MESSAGE_READ = 10_000;

interface ExportRead {
  /** Each record as its line of the file. */
  prospects: string[];
  threads: string[];
  templates: string[];
  /** Each message as its line of the file, with what orders them (time, then id). */
  messages: { sentAt: number; id: string; json: string }[];
}

/**
 * Reads what the export writes in one read transaction (a consistent snapshot): one getAll for
 * prospects, threads and templates, and the messages in parts of MESSAGE_READ by id, the next
 * part always requested before the last one is turned into JSON, so IndexedDB reads while this
 * thread writes and no message object outlives its part.
 */
function readForExport(db: SidelogDb): Promise<ExportRead> {
  return db.open().then(
    () =>
      new Promise<ExportRead>((resolve, reject) => {
        const tx = db.backendDB().transaction(['prospects', 'threads', 'templates', 'messages'], 'readonly');
        const out: ExportRead = { prospects: [], threads: [], templates: [], messages: [] };
        // Each table turned into lines as soon as it is read, while IndexedDB reads the next.
        const lines = <T>(store: string, line: (row: T) => unknown, take: (lines: string[]) => void) => {
          const req = tx.objectStore(store).getAll();
          req.onsuccess = () => take((req.result as T[]).map((r) => JSON.stringify(line(r))));
        };
        lines('prospects', exportProspect, (l) => (out.prospects = l));
        lines('threads', exportThread, (l) => (out.threads = l));
        lines('templates', exportTemplate, (l) => (out.templates = l));
        const messages = tx.objectStore('messages');
        const readFrom = (after: string | null) => {
          const req = messages.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), MESSAGE_READ);
          req.onsuccess = () => {
            const rows = req.result as Message[];
            if (rows.length === MESSAGE_READ) readFrom(rows[rows.length - 1].id);
            for (const m of rows)
              out.messages.push({ sentAt: m.sentAt, id: m.id, json: JSON.stringify(exportMessage(m)) });
          };
        };
        readFrom(null);
        tx.oncomplete = () => resolve(out);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the export read was aborted'));
      }),
  );
}

const byLine = (a: { sentAt: number; id: string }, b: { sentAt: number; id: string }) =>
  a.sentAt - b.sentAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The export file as the parts of a Blob, built one part of records at a time: the whole file is
 * never one string (at 100k messages that string is 64 MB, and the Blob a second copy of it): each
 * part's string becomes a Blob of its own at once, and the page is given back between parts. One
 * record per line; the same JSON as buildExport. Messages in time order (ties by id, as the sentAt
 * index orders them). Every record is turned into its line as it is read (readForExport).
 */
export async function exportJsonBlob(db: SidelogDb, now: number): Promise<Blob> {
  const read = await readForExport(db);
  const parts: Blob[] = [];
  let head = `{"format":"sidelog-export","version":1,"exportedAt":${JSON.stringify(iso(now))}`;
  async function list<T>(name: string, rows: readonly T[], line: (row: T) => string): Promise<void> {
    head += `,\n"${name}":[`;
    for (let i = 0; i < rows.length; i += PART) {
      let s = head + (i === 0 ? '\n' : ',\n');
      head = '';
      const end = Math.min(rows.length, i + PART);
      for (let j = i; j < end; j++) s += (j > i ? ',\n' : '') + line(rows[j]);
      parts.push(new Blob([s]));
      if (end < rows.length) await yieldToPage();
    }
    head += rows.length ? '\n]' : ']';
  }
  const same = (l: string) => l;
  await list('prospects', read.prospects, same);
  await list('threads', read.threads, same);
  read.messages.sort(byLine);
  await list('messages', read.messages, (m) => m.json);
  await list('templates', read.templates, same);
  parts.push(new Blob([head + '}\n']));
  return new Blob(parts, { type: 'application/json' });
}

/** The messages CSV as the parts of a Blob, one part per chunk of rows (header once). */
export async function messagesCsvBlob(db: SidelogDb): Promise<Blob> {
  const [messages, prospects] = await db.transaction('r', [db.messages, db.prospects], () =>
    Promise.all([db.messages.toArray(), db.prospects.toArray()]),
  );
  messages.sort(byTime);
  const byId = new Map(prospects.map((p) => [p.id, p]));
  const parts: string[] = [];
  for (let i = 0; i < messages.length || i === 0; i += PART * 5) {
    parts.push((i > 0 ? '\r\n' : '') + messagesCsv(messages.slice(i, i + PART * 5), byId, i === 0));
    if (i + PART * 5 < messages.length) await yieldToPage();
  }
  return new Blob(parts, { type: 'text/csv' });
}

export function exportFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sidelog-export-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Messages as CSV (one row per message), for spreadsheets. */
export function messagesCsv(
  messages: readonly Message[],
  prospects: ReadonlyMap<string, Prospect>,
  header = true,
): string {
  return Papa.unparse(
    messages.map((m) => {
      const p = m.prospectId ? prospects.get(m.prospectId) : undefined;
      return {
        id: m.id,
        sentAt: iso(m.sentAt),
        channel: m.channel,
        direction: m.direction,
        kind: m.kind,
        classification: m.classification,
        prospect: p?.name ?? '',
        company: p?.company ?? '',
        from: m.from,
        to: m.to.join('; '),
        cc: m.cc.join('; '),
        bcc: (m.bcc ?? []).join('; '),
        status: m.status ?? 'sent',
        subject: m.subject ?? '',
        text: m.text,
        templateId: m.templateId ?? '',
        templateSource: m.templateSource ?? '',
        threadId: m.threadId,
        // Added at the end so columns read by position keep their place. A person's reply: what it
        // means (interested, not now, …) and the colleague it points to; empty otherwise.
        intent: m.intent ?? '',
        referral: m.referral ?? '',
      };
    }),
    { quotes: true, escapeFormulae: true, header },
  );
}
