// The Prospects tab's data layer: its reads as query options (the list, one prospect, their
// timeline, two prospects side by side before a merge; the timeline's template picker reads the
// library through lib/insights/templates.ts templatesQuery), the list's search, stage filter and
// pages, the edit form and what it changed, and its actions (save edits, log a call, set a
// message's template, merge two prospects and undo it, read and import a lead list) with the words
// the tab shows for them. The hooks are components/prospects/use-*.ts and
// components/leads/use-import-leads.ts; the components only render.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { decodeProspects, type AnalyticsProspect } from '@/lib/analytics/facts';
import { prospectsWithOutreach } from '@/lib/analytics/lists';
import { getDb, type SidelogDb } from '@/lib/db/db';
import { checkLeadFileSize, LeadFileError } from '@/lib/leads/file';
import { LEAD_SOURCE_TRAIT } from '@/lib/leads/guess';
import { importLeadRows, loadMatchTargets, type LeadImportResult } from '@/lib/leads/import';
import { openLeadFile, type OpenedLeadFile } from '@/lib/leads/open';
import type { LeadRows } from '@/lib/leads/rows';
import { setMessageClass, setMessageIntent } from '@/lib/prospects/corrections';
import { logCall, saveProspectEdits } from '@/lib/prospects/edit';
import { getSettings } from '@/lib/settings';
import { mergeProspects, previewMerge, undoMerge } from '@/lib/prospects/merge';
import type {
  CallOutcome,
  Classification,
  MergeRecord,
  Message,
  Prospect,
  ReplyIntent,
  Stage,
  Thread,
} from '@/lib/schema/model';
import { setMessageTemplate } from '@/lib/templates/store';
import { loadFacts } from './facts-store';
import { queryKeys } from './query-keys';

// Reads -------------------------------------------------------------------------------------------

export type ProspectListRow = AnalyticsProspect & {
  /** Some outreach to them is logged (lib/analytics/lists.ts prospectsWithOutreach); false = "not contacted yet". */
  contacted: boolean;
};

/** The prospects list: the stored prospects as the facts hold them (one record read, not 20k). */
export async function loadProspectList(db: SidelogDb = getDb()): Promise<ProspectListRow[]> {
  const { facts } = await loadFacts(db);
  const reached = prospectsWithOutreach(facts);
  const row = new Map(facts.prospects.id.map((id, i) => [id, i]));
  return decodeProspects(facts).map((p) => ({ ...p, contacted: reached[row.get(p.id)!] === 1 }));
}

/** A row of the list with the text its search looks in. */
export interface IndexedProspect {
  p: ProspectListRow;
  /** Name, company, title, location, industry and emails, lower case. */
  hay: string;
}

// One collator for 20k names: String.localeCompare builds one per call and is ~10x slower.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The list as the tab searches it: by name, each row with its search text. */
export const indexProspects = (rows: readonly ProspectListRow[]): IndexedProspect[] =>
  rows
    .map((p) => ({ p, hay: [p.name, p.company, p.title, p.location, p.industry, ...p.emails].join(' ').toLowerCase() }))
    .sort((a, b) => collator.compare(a.p.name, b.p.name));

/** The list, indexed for the search (computed once per read, not per keystroke). */
export const prospectListQuery = () =>
  queryOptions({ queryKey: queryKeys.prospects.list(), queryFn: () => loadProspectList(), select: indexProspects });

/** One prospect's record; null once it is gone (merged into another, or deleted). */
export const loadProspect = async (id: string, db: SidelogDb = getDb()): Promise<Prospect | null> =>
  (await db.prospects.get(id)) ?? null;

export const prospectQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.prospects.detail(id), queryFn: () => loadProspect(id) });

export interface Timeline {
  /** Oldest first. */
  messages: Message[];
  threads: Thread[];
}

/** One prospect's timeline: messages linked to them, or in threads they are part of. */
export async function loadTimeline(prospectId: string, db: SidelogDb = getDb()): Promise<Timeline> {
  // Every message linked to the prospect is in one of these threads (lib/records/prospect-messages.ts).
  const threads = await db.threads.where('prospectIds').equals(prospectId).toArray();
  const messages = (
    await db.messages
      .where('threadId')
      .anyOf(threads.map((t) => t.id))
      .toArray()
  ).sort((a, b) => a.sentAt - b.sentAt);
  return { messages, threads };
}

/** How many messages the page draws (the newest). */
export const TIMELINE_SHOWN = 200;

export interface TimelineView {
  /** Every message of the timeline. */
  count: number;
  /** The newest TIMELINE_SHOWN, newest first. */
  shown: Message[];
  /** The channels of their threads ("on Gmail and LinkedIn"). */
  channels: Thread['channel'][];
}

export const timelineView = (t: Timeline): TimelineView => ({
  count: t.messages.length,
  shown: [...t.messages].reverse().slice(0, TIMELINE_SHOWN),
  channels: [...new Set(t.threads.map((x) => x.channel))],
});

/** The timeline as the page shows it. */
export const timelineQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.prospects.timeline(id), queryFn: () => loadTimeline(id), select: timelineView });

/** Gmail "Schedule send": held by Gmail until its time, counted from then (the numbers are taken at now). */
export const scheduledPending = (m: Message, now: number): boolean =>
  m.status === 'scheduled' && (m.scheduledAt == null || m.sentAt > now);

/** When the next message shown as "scheduled, not sent yet" falls due (null: none will). */
export function nextScheduledDue(messages: readonly Message[], now: number): number | null {
  let next: number | null = null;
  for (const m of messages) {
    const due = m.status === 'scheduled' && m.scheduledAt != null && m.sentAt > now;
    if (due && (next === null || m.sentAt < next)) next = m.sentAt;
  }
  return next;
}

/** Two prospects side by side with what merging them would keep (nothing is written). */
export const mergePreviewQuery = ([a, b]: readonly [string, string]) =>
  queryOptions({ queryKey: queryKeys.prospects.mergePreview(a, b), queryFn: () => previewMerge(getDb(), a, b) });

// The list ----------------------------------------------------------------------------------------

/** The stage filter's extra choice: prospects with no outreach logged (a lead list's rows). */
export const NOT_CONTACTED = 'not-contacted';
export type StageFilter = Stage | typeof NOT_CONTACTED | '';

export interface ProspectFilter {
  /** Words that must all be in the name, company, title, location, industry or emails (case ignored). */
  search: string;
  /** '' = any stage. */
  stage: StageFilter;
}

/** Stored stage "contacted" without any outreach logged reads "not contacted yet" (the stage enum has no such value). */
export const notContactedYet = (p: ProspectListRow): boolean => !p.contacted && p.stage === 'contacted';

export function filterProspects(index: readonly IndexedProspect[], f: ProspectFilter): readonly IndexedProspect[] {
  const terms = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  const { stage } = f;
  const stageOk = (p: ProspectListRow) =>
    !stage || (stage === NOT_CONTACTED ? notContactedYet(p) : p.stage === stage && !notContactedYet(p));
  return terms.length || stage ? index.filter((x) => stageOk(x.p) && terms.every((t) => x.hay.includes(t))) : index;
}

/** Rows per page. */
export const PAGE_SIZE = 50;

export interface ListPage<T> {
  rows: T[];
  /** The page shown, 0-based: the one asked for, or the last there is. */
  page: number;
  /** At least 1. */
  pages: number;
}

export function pageOf<T>(hits: readonly T[], page: number): ListPage<T> {
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const cur = Math.min(page, pages - 1);
  return { rows: hits.slice(cur * PAGE_SIZE, cur * PAGE_SIZE + PAGE_SIZE), page: cur, pages };
}

// The edit form -----------------------------------------------------------------------------------

/** The edit form's fields, as its inputs hold them. */
export type ProspectForm = {
  name: string;
  stage: Stage;
  dealValue: string;
  title: string;
  company: string;
  seniority: string;
  industry: string;
  location: string;
  companySize: string;
  notes: string;
  traits: [string, string][];
};

export type ProspectTextField = 'title' | 'company' | 'industry' | 'location' | 'companySize';

export const formOf = (p: Prospect): ProspectForm => ({
  name: p.name,
  stage: p.stage,
  dealValue: p.dealValue === null ? '' : String(p.dealValue),
  title: p.title ?? '',
  company: p.company ?? '',
  seniority: p.seniority ?? '',
  industry: p.industry ?? '',
  location: p.location ?? '',
  companySize: p.companySize ?? '',
  notes: p.notes,
  traits: Object.entries(p.traits),
});

export type ProspectEdits = Parameters<typeof saveProspectEdits>[2];

/** The fields that differ from the stored prospect, in stored form (a blank name or a deal value that is not a number is no change). */
export function editsOf(p: Prospect, f: ProspectForm): ProspectEdits {
  const out: Record<string, unknown> = {};
  const text = (k: ProspectTextField) => {
    const v = f[k].trim() || null;
    if (v !== p[k]) out[k] = v;
  };
  if (f.name.trim() && f.name.trim() !== p.name) out.name = f.name.trim();
  if (f.stage !== p.stage) out.stage = f.stage;
  const deal = f.dealValue.trim() === '' ? null : Number(f.dealValue);
  if (deal !== p.dealValue && (deal === null || Number.isFinite(deal))) out.dealValue = deal;
  text('title');
  text('company');
  text('industry');
  text('location');
  text('companySize');
  const sen = (f.seniority || null) as Prospect['seniority'];
  if (sen !== p.seniority) out.seniority = sen;
  if (f.notes !== p.notes) out.notes = f.notes;
  const traits = Object.fromEntries(f.traits.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), v]));
  if (JSON.stringify(traits) !== JSON.stringify(p.traits)) out.traits = traits;
  return out as ProspectEdits;
}

// Actions -----------------------------------------------------------------------------------------
// Each says what the tab shows once it is done (a failure is said, not thrown) and refreshes the
// reads it changed through the key factory, without waiting for them: the tab answers at once, the
// refetch follows (the write's own "db changed" notification refreshes the other pages).

export type Outcome = { ok: true; message: string | null } | { ok: false; message: string };

/** A prospect's record feeds the list, their page, the person on the tab and the dashboard's numbers: every read under queryKeys.all. */
const refresh = (qc: QueryClient) => void qc.invalidateQueries({ queryKey: queryKeys.all });

const reason = (e: unknown) => String(e instanceof Error ? e.message : e);

/** Saves the edited fields, marked manual so capture never overwrites them. */
export async function saveProspect(
  qc: QueryClient,
  prospectId: string,
  edits: ProspectEdits,
  db: SidelogDb = getDb(),
): Promise<Outcome> {
  try {
    await saveProspectEdits(db, prospectId, edits);
  } catch (e) {
    return { ok: false, message: String(e) };
  }
  refresh(qc);
  return { ok: true, message: 'Saved.' };
}

/** Logs a call by hand, at `at` (lib/prospects/edit.ts logCall: it lands in their latest thread). */
export async function logProspectCall(
  qc: QueryClient,
  call: { prospectId: string; outcome: CallOutcome; note: string },
  at = Date.now(),
  db: SidelogDb = getDb(),
): Promise<Outcome> {
  try {
    await logCall(db, { ...call, at });
  } catch (e) {
    return { ok: false, message: String(e) };
  }
  refresh(qc);
  return { ok: true, message: null };
}

/** The user's word on which template a message came from (null: none); every number follows (the thread summary is recomputed). */
export async function setTimelineTemplate(
  qc: QueryClient,
  messageId: string,
  templateId: string | null,
  db: SidelogDb = getDb(),
): Promise<Outcome> {
  try {
    await setMessageTemplate(db, messageId, templateId);
  } catch (e) {
    return { ok: false, message: String(e) };
  }
  refresh(qc);
  return { ok: true, message: null };
}

/**
 * The user's word on what an inbound message is (human, automatic reply, bounce, delivery delayed):
 * kept against capture and upgrades; the thread's numbers are recomputed.
 */
export async function setTimelineClass(
  qc: QueryClient,
  messageId: string,
  cls: Classification,
  db: SidelogDb = getDb(),
): Promise<Outcome> {
  try {
    const own = (await getSettings()).identities.emails;
    await setMessageClass(db, messageId, cls, own);
  } catch (e) {
    return { ok: false, message: reason(e) };
  }
  refresh(qc);
  return { ok: true, message: null };
}

/** The user's word on what a person's reply means; the positive reply rate follows. */
export async function setTimelineIntent(
  qc: QueryClient,
  messageId: string,
  intent: ReplyIntent,
  db: SidelogDb = getDb(),
): Promise<Outcome> {
  try {
    await setMessageIntent(db, messageId, intent);
  } catch (e) {
    return { ok: false, message: reason(e) };
  }
  refresh(qc);
  return { ok: true, message: null };
}

/** Merges two prospects by hand; the merge log's entry undoes it. */
export async function mergeTwoProspects(
  qc: QueryClient,
  [a, b]: readonly [string, string],
  db: SidelogDb = getDb(),
): Promise<{ ok: true; record: MergeRecord } | { ok: false; message: string }> {
  try {
    const record = await mergeProspects(db, a, b);
    refresh(qc);
    return { ok: true, record };
  } catch (e) {
    return { ok: false, message: reason(e) };
  }
}

/** Undoes a merge made by hand; the record comes back marked undone. */
export async function undoProspectMerge(
  qc: QueryClient,
  record: MergeRecord,
  at = Date.now(),
  db: SidelogDb = getDb(),
): Promise<{ ok: true; record: MergeRecord } | { ok: false; message: string }> {
  try {
    await undoMerge(db, record.id, at);
  } catch (e) {
    return { ok: false, message: reason(e) };
  }
  refresh(qc);
  return { ok: true, record: { ...record, undoneAt: at } };
}

// Lead lists --------------------------------------------------------------------------------------

const leadFileMessage = (e: unknown) =>
  e instanceof LeadFileError ? e.message : `This file could not be read: ${e instanceof Error ? e.message : String(e)}`;

/** Why a file of this size is refused before a byte of it is read (null: it is not). */
export function leadFileRefused(size: number): string | null {
  try {
    checkLeadFileSize(size);
    return null;
  } catch (e) {
    return leadFileMessage(e);
  }
}

export type LeadFileRead = { ok: true; file: OpenedLeadFile; stored: Prospect[] } | { ok: false; message: string };

/** Reads a picked lead list for the mapping screen, with the stored prospects its preview matches against. */
export async function readLeadFile(
  f: Pick<File, 'name' | 'arrayBuffer'>,
  db: SidelogDb = getDb(),
): Promise<LeadFileRead> {
  try {
    const [file, stored] = await Promise.all([
      openLeadFile(new Uint8Array(await f.arrayBuffer()), f.name),
      loadMatchTargets(db),
    ]);
    return { ok: true, file, stored };
  } catch (e) {
    return { ok: false, message: leadFileMessage(e) };
  }
}

export type LeadImportOutcome =
  | {
      ok: true;
      result: LeadImportResult;
      /** Some row has a lead source: "Reply rate by lead source" is worth offering. */ hasLeadSource: boolean;
    }
  /** Nothing was written; `stored` is read again for the mapping screen's preview. */
  | { ok: false; message: string; stored: Prospect[] };

/** Imports the rows of a lead list in one transaction. */
export async function importLeadList(
  qc: QueryClient,
  rows: LeadRows,
  now = Date.now(),
  db: SidelogDb = getDb(),
): Promise<LeadImportOutcome> {
  try {
    const result = await importLeadRows(db, rows, now);
    // The dashboard's stored facts are brought up to date while the user waits anyway.
    if (result.written) await loadFacts(db, { save: 'now' }).catch(() => undefined);
    refresh(qc);
    return { ok: true, result, hasLeadSource: rows.leads.some((l) => l.traits[LEAD_SOURCE_TRAIT]) };
  } catch (e) {
    return {
      ok: false,
      message: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}`,
      stored: await loadMatchTargets(db),
    };
  }
}
