// Facts: everything the insights need about threads and prospects, in columns (typed arrays and
// string lists) rather than one object per row. Two reasons, both measured at 100k messages /
// 20k threads / 20k prospects (test/bench/analytics-*.ts):
// - IndexedDB in Chromium costs ~20 µs per record read, so the side panel reading 20k threads and
//   20k prospects spends a second before computing anything; one record of columns reads in
//   ~10–40 ms. lib/insights/facts-store.ts keeps these columns persisted and up to date.
// - The metrics walk 20k threads several times; integer codes in typed arrays (a prospect is an
//   index, a trait value is a code) replace string-keyed Map lookups and per-row allocations.
// Built by encodeFacts from the same plain rows the rest of the app uses; decodeFacts gives the
// rows back (used to merge changes, and by tests).
import type { CallOutcome, Channel, Prospect, ReplyIntent, Stage, Template, Thread } from '../schema/model';

export type AnalyticsThread = Pick<Thread, 'id' | 'channel' | 'prospectIds' | 'subject' | 'summary'>;
export type AnalyticsProspect = Pick<
  Prospect,
  | 'id'
  | 'name'
  | 'emails'
  | 'linkedinUrl'
  | 'company'
  | 'title'
  | 'seniority'
  | 'industry'
  | 'location'
  | 'companySize'
  | 'stage'
  | 'dealValue'
  | 'traits'
> &
  Partial<Pick<Prospect, 'connectedAt'>>;
export type AnalyticsTemplate = Pick<Template, 'id' | 'name' | 'tags' | 'version' | 'archived'>;

export type Dimension =
  'seniority' | 'title' | 'company' | 'industry' | 'location' | 'companySize' | 'channel' | `trait:${string}`;

export const BUILTIN_DIMENSIONS: { key: Dimension; label: string }[] = [
  { key: 'seniority', label: 'Seniority' },
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'industry', label: 'Industry' },
  { key: 'location', label: 'Location' },
  { key: 'companySize', label: 'Company size' },
  { key: 'channel', label: 'Channel' },
];
type ProspectField = 'seniority' | 'title' | 'company' | 'industry' | 'location' | 'companySize';
const PROSPECT_FIELDS: ProspectField[] = ['seniority', 'title', 'company', 'industry', 'location', 'companySize'];

export const UNKNOWN = '(unknown)';
export const CHANNELS: readonly Channel[] = ['gmail', 'linkedin'];
export const STAGES: readonly Stage[] = ['contacted', 'replied', 'qualified', 'meeting', 'won', 'lost'];
export const CALL_OUTCOMES: readonly CallOutcome[] = ['connected', 'voicemail', 'no-answer'];
export const INTENTS: readonly ReplyIntent[] = ['interested', 'not-interested', 'referral', 'later', 'other'];

/** Thread flags. */
export const BOUNCED = 1;
export const AWAITING = 2;
/** The thread has a summary (ingestion writes one with every message). */
export const SUMMARISED = 4;
/** A delay warning is the latest news of delivery ("delivery delayed"; the thread stays a unit). */
export const DELAYED = 8;

/** One column per fact; row i of every column is thread i. "None" is NaN for times, -1 for codes, 0 for versions and steps. */
export interface ThreadColumns {
  n: number;
  id: string[];
  channel: Uint8Array;
  subject: (string | null)[];
  /** Prospects of thread i: pIdx[pOff[i]] … pIdx[pOff[i + 1] - 1] (indexes into the prospect columns). */
  pOff: Int32Array;
  pIdx: Int32Array;
  /** -1 none, 0 outbound, 1 inbound. */
  firstDir: Int8Array;
  firstOut: Float64Array;
  firstTpl: Int32Array;
  firstVer: Int32Array;
  outCount: Int32Array;
  autoReplies: Int32Array;
  lastOut: Float64Array;
  lastIn: Float64Array;
  firstReply: Float64Array;
  creditTpl: Int32Array;
  creditVer: Int32Array;
  creditStep: Int32Array;
  flags: Uint8Array;
  /** First reply judged interested (NaN none): the positive reply rate. */
  firstPositive: Float64Array;
  /** Intent of the first reply: index in INTENTS, -1 none. */
  replyIntent: Int8Array;
  /** Addresses bounces named, joined by "\n" (null none): those prospects leave the prospect numbers. */
  bRcpt: (string | null)[];
  /** Outbound messages and calls of thread i: sAt[sOff[i]] … (time, template code, call outcome or -1). */
  sOff: Int32Array;
  sAt: Float64Array;
  sTpl: Int32Array;
  sCall: Int8Array;
  /** LinkedIn invitations of thread i: iAt[iOff[i]] … (sent; withdrawn, NaN = not withdrawn). */
  iOff: Int32Array;
  iAt: Float64Array;
  iWd: Float64Array;
}

/** A trait as codes: codes[p] indexes values (UNKNOWN included when a prospect lacks it). */
export interface DimensionColumn {
  key: Dimension;
  label: string;
  values: string[];
  codes: Int32Array;
}

export interface ProspectColumns {
  id: string[];
  /** 1 = a stored prospect; 0 = an id threads name that no stored prospect has (still one person). */
  stored: Uint8Array;
  name: string[];
  /** Email addresses joined by "\n" ('' = none): the prospects list shows and searches them. */
  emails: string[];
  /** Profile URL, '' = none. */
  linkedin: string[];
  stage: Uint8Array;
  /** Deal value; NaN = none. */
  deal: Float64Array;
  /** When an invitation the user sent was seen accepted; NaN = not (yet). */
  connected: Float64Array;
  /** Every built-in trait but channel (a thread fact), then each custom trait, sorted. */
  dims: DimensionColumn[];
}

export interface Facts {
  v: 1;
  /** Template code → template id (any id seen, including deleted templates). */
  tpl: string[];
  threads: ThreadColumns;
  prospects: ProspectColumns;
}

/** Codes for strings: the index in `list`, appending a string seen for the first time. */
function interner(list: string[]): (v: string) => number {
  const index = new Map(list.map((v, k) => [v, k]));
  return (v) => {
    let k = index.get(v);
    if (k === undefined) {
      k = list.length;
      index.set(v, k);
      list.push(v);
    }
    return k;
  };
}
/** Template codes: -1 for none. */
const templateCoder = (tpl: string[]) => {
  const intern = interner(tpl);
  return (id: string | null | undefined) => (id ? intern(id) : -1);
};

const clean = (v: unknown) => (v === null || v === undefined || v === '' ? UNKNOWN : String(v));
const time = (v: number | null | undefined) => (v === null || v === undefined ? NaN : v);

export function encodeFacts(threads: readonly AnalyticsThread[], prospects: readonly AnalyticsProspect[]): Facts {
  // Prospects first: threads refer to them by row (ids threads name beyond these are appended).
  const ids: string[] = [];
  const prospectRow = interner(ids);
  for (const p of prospects) prospectRow(p.id);
  const nStored = ids.length;
  // Duplicate ids (not expected from the database): the last row wins.
  const unique =
    nStored === prospects.length
      ? prospects
      : ids.map(
          (
            (byId) => (id: string) =>
              byId.get(id)!
          )(new Map(prospects.map((p) => [p.id, p]))),
        );

  const tpl: string[] = [];
  const code = templateCoder(tpl);

  const n = threads.length;
  let nP = 0;
  let nS = 0;
  let nI = 0;
  for (const t of threads) {
    nP += t.prospectIds.length;
    nS += t.summary?.sends?.length ?? 0;
    nI += t.summary?.invites?.length ?? 0;
  }
  const c: ThreadColumns = {
    n,
    id: new Array(n),
    channel: new Uint8Array(n),
    subject: new Array(n),
    pOff: new Int32Array(n + 1),
    pIdx: new Int32Array(nP),
    firstDir: new Int8Array(n),
    firstOut: new Float64Array(n),
    firstTpl: new Int32Array(n),
    firstVer: new Int32Array(n),
    outCount: new Int32Array(n),
    autoReplies: new Int32Array(n),
    lastOut: new Float64Array(n),
    lastIn: new Float64Array(n),
    firstReply: new Float64Array(n),
    creditTpl: new Int32Array(n),
    creditVer: new Int32Array(n),
    creditStep: new Int32Array(n),
    flags: new Uint8Array(n),
    firstPositive: new Float64Array(n),
    replyIntent: new Int8Array(n),
    bRcpt: new Array(n),
    sOff: new Int32Array(n + 1),
    sAt: new Float64Array(nS),
    sTpl: new Int32Array(nS),
    sCall: new Int8Array(nS),
    iOff: new Int32Array(n + 1),
    iAt: new Float64Array(nI),
    iWd: new Float64Array(nI),
  };
  let at = { pj: 0, sj: 0, ij: 0 };
  for (let i = 0; i < n; i++) at = writeThread(c, i, threads[i], at, prospectRow, code);
  const { pj, sj, ij } = at;
  c.pOff[n] = pj;
  c.sOff[n] = sj;
  c.iOff[n] = ij;

  const total = ids.length;
  const stored = new Uint8Array(total).fill(1, 0, nStored);
  const stage = new Uint8Array(total);
  const deal = new Float64Array(total).fill(NaN);
  const connected = new Float64Array(total).fill(NaN);
  const name: string[] = new Array(total).fill('');
  const emails: string[] = new Array(total).fill('');
  const linkedin: string[] = new Array(total).fill('');
  for (let p = 0; p < nStored; p++) {
    const x = unique[p];
    name[p] = x.name;
    emails[p] = (x.emails ?? []).join('\n');
    linkedin[p] = x.linkedinUrl ?? '';
    stage[p] = Math.max(0, STAGES.indexOf(x.stage));
    if (x.dealValue !== null && x.dealValue !== undefined) deal[p] = x.dealValue;
    connected[p] = time(x.connectedAt);
  }
  const custom = new Set<string>();
  for (const x of unique) for (const k in x.traits) custom.add(k);
  const dims: DimensionColumn[] = [];
  const column = (key: Dimension, label: string, get: (x: AnalyticsProspect) => unknown): DimensionColumn => {
    const values: string[] = [];
    const codes = new Int32Array(total);
    const valueCode = interner(values);
    for (let p = 0; p < nStored; p++) codes[p] = valueCode(clean(get(unique[p])));
    if (total > nStored) codes.fill(valueCode(UNKNOWN), nStored);
    return { key, label, values, codes };
  };
  for (const f of PROSPECT_FIELDS)
    dims.push(column(f, BUILTIN_DIMENSIONS.find((d) => d.key === f)!.label, (x) => x[f]));
  for (const k of [...custom].sort()) dims.push(column(`trait:${k}`, k, (x) => x.traits[k]));
  return {
    v: 1,
    tpl,
    threads: c,
    prospects: { id: ids, stored, name, emails, linkedin, stage, deal, connected, dims },
  };
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** The rows back (summary fields the facts do not keep come back null or 0). */
export function decodeFacts(f: Facts): { threads: AnalyticsThread[]; prospects: AnalyticsProspect[] } {
  return { threads: decodeThreads(f), prospects: decodeProspects(f) };
}

export function decodeThreads(f: Facts): AnalyticsThread[] {
  const c = f.threads;
  const P = f.prospects;
  const tplId = (k: number) => (k < 0 ? null : f.tpl[k]);
  const threads: AnalyticsThread[] = new Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const prospectIds: string[] = [];
    for (let j = c.pOff[i]; j < c.pOff[i + 1]; j++) prospectIds.push(P.id[c.pIdx[j]]);
    const sends = [];
    for (let j = c.sOff[i]; j < c.sOff[i + 1]; j++)
      sends.push({
        at: c.sAt[j],
        templateId: tplId(c.sTpl[j]),
        call: c.sCall[j] < 0 ? null : CALL_OUTCOMES[c.sCall[j]],
      });
    const invites = [];
    for (let j = c.iOff[i]; j < c.iOff[i + 1]; j++) invites.push({ at: c.iAt[j], withdrawnAt: orNull(c.iWd[j]) });
    const dir = c.firstDir[i];
    threads[i] = {
      id: c.id[i],
      channel: CHANNELS[c.channel[i]],
      prospectIds,
      subject: c.subject[i],
      summary: !(c.flags[i] & SUMMARISED)
        ? undefined
        : {
            firstMessageAt: null,
            firstDirection: dir === 0 ? 'outbound' : dir === 1 ? 'inbound' : null,
            firstOutboundAt: orNull(c.firstOut[i]),
            firstOutboundMessageId: null,
            firstTemplateId: tplId(c.firstTpl[i]),
            firstTemplateVersion: c.firstVer[i] || null,
            outboundCount: c.outCount[i],
            inboundCount: 0,
            lastOutboundAt: orNull(c.lastOut[i]),
            lastInboundAt: orNull(c.lastIn[i]),
            firstReplyAt: orNull(c.firstReply[i]),
            firstReplyMessageId: null,
            replyCreditTemplateId: tplId(c.creditTpl[i]),
            replyCreditTemplateVersion: c.creditVer[i] || null,
            replyCreditStep: c.creditStep[i] || null,
            autoReplyCount: c.autoReplies[i],
            bounced: (c.flags[i] & BOUNCED) !== 0,
            awaitingUser: (c.flags[i] & AWAITING) !== 0,
            sends,
            invites,
            ...(c.bRcpt[i] ? { bouncedRecipients: c.bRcpt[i]!.split('\n') } : {}),
            ...(c.flags[i] & DELAYED ? { delayed: true } : {}),
            ...(c.replyIntent[i] >= 0 ? { firstReplyIntent: INTENTS[c.replyIntent[i]] } : {}),
            ...(Number.isNaN(c.firstPositive[i]) ? {} : { firstPositiveAt: c.firstPositive[i] }),
          },
    };
  }
  return threads;
}

/** The stored prospects (ids threads name without a stored prospect are left out). */
export function decodeProspects(f: Facts): AnalyticsProspect[] {
  const P = f.prospects;
  const prospects: AnalyticsProspect[] = [];
  const field = (d: DimensionColumn, p: number) => {
    const v = d.values[d.codes[p]];
    return v === UNKNOWN ? null : v;
  };
  for (let p = 0; p < P.id.length; p++) {
    if (!P.stored[p]) continue;
    const row = {
      id: P.id[p],
      name: P.name[p],
      emails: P.emails[p] ? P.emails[p].split('\n') : [],
      linkedinUrl: P.linkedin[p] || null,
      stage: STAGES[P.stage[p]],
      dealValue: orNull(P.deal[p]),
      connectedAt: orNull(P.connected[p]),
      traits: {} as Record<string, string>,
    } as AnalyticsProspect;
    for (const d of P.dims) {
      const v = field(d, p);
      if (d.key.startsWith('trait:')) {
        if (v !== null) row.traits[d.key.slice(6)] = v;
      } else (row as Record<string, unknown>)[d.key] = v;
    }
    prospects.push(row);
  }
  return prospects;
}

export interface FactsChange {
  threads: readonly AnalyticsThread[];
  prospects: readonly AnalyticsProspect[];
  deletedThreads: readonly string[];
  deletedProspects: readonly string[];
}

/**
 * Facts with some threads and prospects replaced, added or removed (an incremental refresh). The
 * input is not modified. Column by column: unchanged rows are copied, changed rows re-encoded, so
 * a day's changes cost a few copies of the arrays rather than re-encoding 20k rows.
 */
export function mergeFacts(f: Facts, change: FactsChange): Facts {
  if (
    !change.threads.length &&
    !change.prospects.length &&
    !change.deletedThreads.length &&
    !change.deletedProspects.length
  )
    return f;
  if (change.deletedThreads.length) {
    // Removing thread rows shifts every row after them: rare (an undone send), so re-encode.
    const rows = decodeFacts(f);
    const dropT = new Set([...change.deletedThreads, ...change.threads.map((t) => t.id)]);
    const dropP = new Set([...change.deletedProspects, ...change.prospects.map((p) => p.id)]);
    return encodeFacts(
      [...rows.threads.filter((t) => !dropT.has(t.id)), ...change.threads],
      [...rows.prospects.filter((p) => !dropP.has(p.id)), ...change.prospects],
    );
  }
  const tpl = f.tpl.slice();
  const code = templateCoder(tpl);

  // Prospects: update rows in place (in copies), append new ones.
  const P0 = f.prospects;
  const ids = P0.id.slice();
  const rowOf = interner(ids);
  for (const x of change.prospects) rowOf(x.id);
  for (const id of change.deletedProspects) rowOf(id);
  for (const t of change.threads) for (const id of t.prospectIds) rowOf(id);
  const total = ids.length;
  const grow = <T extends Uint8Array | Float64Array | Int32Array>(a: T, fill: number): T => {
    if (a.length === total) return a.slice() as T;
    const b = new (a.constructor as new (n: number) => T)(total);
    b.set(a);
    b.fill(fill, a.length);
    return b;
  };
  const stored = grow(P0.stored, 0);
  const stage = grow(P0.stage, 0);
  const deal = grow(P0.deal, NaN);
  const connected = grow(P0.connected, NaN);
  const name = P0.name.slice();
  const emails = P0.emails.slice();
  const linkedin = P0.linkedin.slice();
  while (name.length < total) name.push('');
  while (emails.length < total) emails.push('');
  while (linkedin.length < total) linkedin.push('');
  const dims: DimensionColumn[] = P0.dims.map((d) => ({ ...d, values: d.values.slice(), codes: d.codes }));
  const custom = new Set<string>();
  for (const x of change.prospects) for (const k in x.traits) custom.add(k);
  for (const k of custom)
    if (!dims.some((d) => d.key === `trait:${k}`))
      dims.push({ key: `trait:${k}`, label: k, values: [UNKNOWN], codes: new Int32Array(P0.id.length) });
  dims.sort((a, b) => {
    const ta = a.key.startsWith('trait:');
    const tb = b.key.startsWith('trait:');
    return ta !== tb ? (ta ? 1 : -1) : ta ? a.key.localeCompare(b.key) : 0;
  });
  const valueCoders = dims.map((d) => interner(d.values));
  const valueCode = (i: number, v: string) => valueCoders[i](v);
  dims.forEach((d, i) => {
    const codes = new Int32Array(total);
    codes.set(d.codes);
    if (d.codes.length < total) codes.fill(valueCode(i, UNKNOWN), d.codes.length);
    d.codes = codes;
  });
  const getters = dims.map((d) =>
    d.key.startsWith('trait:')
      ? (x: AnalyticsProspect) => x.traits[d.key.slice(6)]
      : (x: AnalyticsProspect) => x[d.key as ProspectField],
  );
  for (const x of change.prospects) {
    const p = rowOf(x.id);
    stored[p] = 1;
    name[p] = x.name;
    emails[p] = (x.emails ?? []).join('\n');
    linkedin[p] = x.linkedinUrl ?? '';
    stage[p] = Math.max(0, STAGES.indexOf(x.stage));
    deal[p] = x.dealValue ?? NaN;
    connected[p] = time(x.connectedAt);
    dims.forEach((d, i) => (d.codes[p] = valueCode(i, clean(getters[i](x)))));
  }
  const changedP = new Set(change.prospects.map((x) => x.id));
  for (const id of change.deletedProspects) {
    if (changedP.has(id)) continue;
    const p = rowOf(id);
    stored[p] = 0;
    name[p] = '';
    emails[p] = '';
    linkedin[p] = '';
    stage[p] = 0;
    deal[p] = NaN;
    connected[p] = NaN;
    dims.forEach((d, i) => (d.codes[p] = valueCode(i, UNKNOWN)));
  }

  // Threads: scalar columns copied and updated; the two variable-length lists rebuilt.
  const c0 = f.threads;
  const tPos = new Map<string, number>();
  c0.id.forEach((id, i) => tPos.set(id, i));
  const changed = new Map<number, AnalyticsThread>();
  let n = c0.n;
  for (const t of change.threads) {
    let i = tPos.get(t.id);
    if (i === undefined) {
      i = n++;
      tPos.set(t.id, i);
    }
    changed.set(i, t);
  }
  const g = <T extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(n);
    b.set(a.subarray(0, Math.min(a.length, n)));
    return b;
  };
  const c: ThreadColumns = {
    n,
    id: c0.id.slice(),
    channel: g(c0.channel),
    subject: c0.subject.slice(),
    pOff: new Int32Array(n + 1),
    pIdx: c0.pIdx,
    firstDir: g(c0.firstDir),
    firstOut: g(c0.firstOut),
    firstTpl: g(c0.firstTpl),
    firstVer: g(c0.firstVer),
    outCount: g(c0.outCount),
    autoReplies: g(c0.autoReplies),
    lastOut: g(c0.lastOut),
    lastIn: g(c0.lastIn),
    firstReply: g(c0.firstReply),
    creditTpl: g(c0.creditTpl),
    creditVer: g(c0.creditVer),
    creditStep: g(c0.creditStep),
    flags: g(c0.flags),
    firstPositive: g(c0.firstPositive),
    replyIntent: g(c0.replyIntent),
    bRcpt: c0.bRcpt.slice(),
    sOff: new Int32Array(n + 1),
    sAt: c0.sAt,
    sTpl: c0.sTpl,
    sCall: c0.sCall,
    iOff: new Int32Array(n + 1),
    iAt: c0.iAt,
    iWd: c0.iWd,
  };
  let nP = 0;
  let nS = 0;
  let nI = 0;
  for (let i = 0; i < n; i++) {
    const t = changed.get(i);
    nP += t ? t.prospectIds.length : c0.pOff[i + 1] - c0.pOff[i];
    nS += t ? (t.summary?.sends?.length ?? 0) : c0.sOff[i + 1] - c0.sOff[i];
    nI += t ? (t.summary?.invites?.length ?? 0) : c0.iOff[i + 1] - c0.iOff[i];
  }
  c.pIdx = new Int32Array(nP);
  c.sAt = new Float64Array(nS);
  c.sTpl = new Int32Array(nS);
  c.sCall = new Int8Array(nS);
  c.iAt = new Float64Array(nI);
  c.iWd = new Float64Array(nI);
  let pj = 0;
  let sj = 0;
  let ij = 0;
  for (let i = 0; i < n; i++) {
    c.pOff[i] = pj;
    c.sOff[i] = sj;
    c.iOff[i] = ij;
    const t = changed.get(i);
    if (!t) {
      const a = c0.pOff[i];
      const b = c0.pOff[i + 1];
      c.pIdx.set(c0.pIdx.subarray(a, b), pj);
      pj += b - a;
      const sa = c0.sOff[i];
      const sb = c0.sOff[i + 1];
      c.sAt.set(c0.sAt.subarray(sa, sb), sj);
      c.sTpl.set(c0.sTpl.subarray(sa, sb), sj);
      c.sCall.set(c0.sCall.subarray(sa, sb), sj);
      sj += sb - sa;
      const ia = c0.iOff[i];
      const ib = c0.iOff[i + 1];
      c.iAt.set(c0.iAt.subarray(ia, ib), ij);
      c.iWd.set(c0.iWd.subarray(ia, ib), ij);
      ij += ib - ia;
      continue;
    }
    ({ pj, sj, ij } = writeThread(c, i, t, { pj, sj, ij }, rowOf, code));
  }
  c.pOff[n] = pj;
  c.sOff[n] = sj;
  c.iOff[n] = ij;
  return {
    v: 1,
    tpl,
    threads: c,
    prospects: { id: ids, stored, name, emails, linkedin, stage, deal, connected, dims },
  };
}

/** Row i of the thread columns from a thread; its prospects and sends go at `at` in the lists. */
function writeThread(
  c: ThreadColumns,
  i: number,
  t: AnalyticsThread,
  at: { pj: number; sj: number; ij: number },
  prospectRow: (id: string) => number,
  code: (id: string | null | undefined) => number,
): { pj: number; sj: number; ij: number } {
  let { pj, sj, ij } = at;
  c.id[i] = t.id;
  c.channel[i] = t.channel === 'linkedin' ? 1 : 0;
  c.subject[i] = t.subject;
  c.pOff[i] = pj;
  for (const id of t.prospectIds) c.pIdx[pj++] = prospectRow(id);
  c.sOff[i] = sj;
  c.iOff[i] = ij;
  const s = t.summary;
  if (!s) {
    c.firstDir[i] = -1;
    c.firstOut[i] = c.lastOut[i] = c.lastIn[i] = c.firstReply[i] = NaN;
    c.firstTpl[i] = c.creditTpl[i] = -1;
    c.firstVer[i] = c.outCount[i] = c.autoReplies[i] = c.creditVer[i] = c.creditStep[i] = c.flags[i] = 0;
    c.firstPositive[i] = NaN;
    c.replyIntent[i] = -1;
    c.bRcpt[i] = null;
    return { pj, sj, ij };
  }
  writeSummary(c, i, s, code);
  for (const x of s.sends ?? []) {
    c.sAt[sj] = x.at;
    c.sTpl[sj] = code(x.templateId);
    c.sCall[sj] = x.call ? CALL_OUTCOMES.indexOf(x.call) : -1;
    sj++;
  }
  for (const x of s.invites ?? []) {
    c.iAt[ij] = x.at;
    c.iWd[ij] = time(x.withdrawnAt);
    ij++;
  }
  return { pj, sj, ij };
}

function writeSummary(
  c: ThreadColumns,
  i: number,
  s: NonNullable<AnalyticsThread['summary']>,
  code: (id: string | null | undefined) => number,
) {
  c.firstDir[i] = s.firstDirection === 'outbound' ? 0 : s.firstDirection === 'inbound' ? 1 : -1;
  c.firstOut[i] = time(s.firstOutboundAt);
  c.firstTpl[i] = code(s.firstTemplateId);
  c.firstVer[i] = s.firstTemplateId ? (s.firstTemplateVersion ?? 1) : 0;
  c.outCount[i] = s.outboundCount;
  c.autoReplies[i] = s.autoReplyCount;
  c.lastOut[i] = time(s.lastOutboundAt);
  c.lastIn[i] = time(s.lastInboundAt);
  c.firstReply[i] = time(s.firstReplyAt);
  c.creditTpl[i] = code(s.replyCreditTemplateId);
  c.creditVer[i] = s.replyCreditTemplateId ? (s.replyCreditTemplateVersion ?? 1) : 0;
  c.creditStep[i] = s.replyCreditStep ?? 0;
  c.flags[i] = SUMMARISED | (s.bounced ? BOUNCED : 0) | (s.awaitingUser ? AWAITING : 0) | (s.delayed ? DELAYED : 0);
  c.firstPositive[i] = time(s.firstPositiveAt);
  c.replyIntent[i] = s.firstReplyIntent ? INTENTS.indexOf(s.firstReplyIntent) : -1;
  c.bRcpt[i] = s.bouncedRecipients?.length ? s.bouncedRecipients.join('\n') : null;
}

/** The dimensions a user can pick: built-in ones, then the custom traits some stored prospect has. */
const dimensionsCache = new WeakMap<Facts, { key: Dimension; label: string }[]>();
export function dimensionsOf(f: Facts): { key: Dimension; label: string }[] {
  let out = dimensionsCache.get(f);
  if (out) return out;
  const { stored } = f.prospects;
  const present = (d: DimensionColumn) => {
    const unknown = d.values.indexOf(UNKNOWN);
    for (let p = 0; p < d.codes.length; p++) if (stored[p] && d.codes[p] !== unknown) return true;
    return false;
  };
  out = [
    ...BUILTIN_DIMENSIONS,
    ...f.prospects.dims
      .filter((d) => d.key.startsWith('trait:') && present(d))
      .map((d) => ({ key: d.key, label: d.label })),
  ];
  dimensionsCache.set(f, out);
  return out;
}
