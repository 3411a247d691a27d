// Schema v3's upgrade (lib/db/db.ts): the repair of databases written before one person had one
// record (issue 10). Prospects that stored data proves to be one person are folded together with
// the one merge implementation (lib/records/prospect-merge.ts), each fold logged with reason
// "upgrade", and invitation notes stored a second time as the first message of the conversation
// after acceptance are folded into the invitation (lib/records/invite-echo.ts). It lives with the
// database because an upgrade runs inside Dexie's version change, when the database opens; the
// rules it applies live below the database, in lib/records, which ingestion and the Prospects tab
// share.
//
// What counts as proof (never a name, never a guess):
// - two records sharing a key (an import can leave such pairs);
// - a record whose LinkedIn "slug" is a lower-cased member id (`li:acoaa…`, written by older
//   builds from `/in/ACoAA…` URLs) and a record with that member id (`lim:ACoAA…`);
// - an invitation thread named by both the profile and the member id (`invite:li:<slug>` and
//   `invite:lim:<ACoA…>` on one thread: the page that sent it showed both);
// - a record's own `linkedinMemberId` field, and another record keyed by it.
import type { Table, Transaction } from 'dexie';
import { isInviteEcho } from '../records/invite-echo';
import { isMemberId, keyKind } from '../records/keys';
import { messagesOfProspects } from '../records/prospect-messages';
import { foldAll, tablesMergeStore } from '../records/prospect-merge';
import { summarizeThread } from '../records/summary';
import type { MergeReason, MergeRecord, Message, Prospect, Thread } from '../schema/model';

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** A lower-cased member id stored as a slug by older builds (`li:acoaa…`). */
const fakeSlug = (key: string) => keyKind(key) === 'li' && /^aco[a-z0-9_-]{10,}$/.test(key.slice(3));

/** Cleans one record's own keys: fake slugs go (the member id key stands for them), linkedinMemberId becomes a key. */
function cleanKeys(p: Prospect): Prospect {
  const keys = new Set(p.keys);
  if (p.linkedinMemberId && isMemberId(p.linkedinMemberId)) keys.add(`lim:${p.linkedinMemberId}`);
  const lims = [...keys].filter((k) => keyKind(k) === 'lim').map((k) => k.slice(4).toLowerCase());
  let linkedinUrl = p.linkedinUrl;
  for (const k of [...keys]) {
    if (fakeSlug(k) && lims.includes(k.slice(3))) {
      keys.delete(k);
      if (linkedinUrl && linkedinUrl.toLowerCase().includes(`/in/${k.slice(3)}`)) linkedinUrl = null;
    }
  }
  const out = { ...p, keys: [...keys], linkedinUrl };
  return JSON.stringify(out) === JSON.stringify(p) ? p : out;
}

export interface RepairResult {
  merges: MergeRecord[];
  /** Invitation notes found stored twice and folded into the invitation. */
  inviteEchoes: number;
  /**
   * Every thread as stored when the repair is done, when it wrote none (no merge, no echo): the
   * v4 step that follows in the same upgrade takes them instead of reading them again.
   */
  threadsUnchanged: Thread[] | null;
}

/** The upgrade transaction's tables this repair reads and writes. */
interface Tables {
  prospects: Table;
  threads: Table;
  messages: Table;
  merges: Table;
}

/**
 * Runs in the v2 → v3 upgrade transaction, and after an import (lib/insights/import-job.ts, reason
 * `import`): any read-write transaction over prospects, threads, messages, merges.
 */
export async function repairIdentities(
  tx: Transaction,
  now: number,
  reason: MergeReason = 'upgrade',
): Promise<RepairResult> {
  const t: Tables = {
    prospects: tx.table('prospects'),
    threads: tx.table('threads'),
    messages: tx.table('messages'),
    merges: tx.table('merges'),
  };
  performance.mark('upgrade:v3:start');
  const all = withKeys((await t.prospects.toArray()) as Prospect[]);
  performance.mark('upgrade:v3:prospects');
  const threads = (await t.threads.toArray()) as Thread[];
  performance.mark('upgrade:v3:threads');
  const { groups, evidence } = provenPeople(all, threads);
  const { merges, survivors } = await foldPeople(t, groups, evidence, now, reason);
  const inviteEchoes = await foldStoredEchoes(t, threads, survivors);
  performance.mark('upgrade:v3:repaired');
  const threadsUnchanged = merges.length === 0 && inviteEchoes === 0 ? threads : null;
  return { merges, inviteEchoes, threadsUnchanged };
}

/** Whether the stored keys prove two of these records to be one person (what repairIdentities would fold), in memory. */
export function twoRecordsOfOnePerson(prospects: readonly Prospect[], threads: readonly Thread[]): boolean {
  return provenPeople(withKeys(prospects), threads as Thread[]).groups.some((g) => g.length > 1);
}

/** Records stored before `keys` existed read as having none. */
const withKeys = (prospects: readonly Prospect[]) => prospects.map((p) => ({ ...p, keys: p.keys ?? [] }));

/** The records each proof joins (groups of one person) and, per record, the proofs that joined it. */
function provenPeople(
  all: Prospect[],
  threads: Thread[],
): { groups: Prospect[][]; evidence: Map<string, Set<string>> } {
  const byId = new Map(all.map((p) => [p.id, p]));
  const uf = new UnionFind();
  const evidence = new Map<string, Set<string>>();
  const join = (a: string, b: string, why: string) => {
    if (a === b) return;
    uf.union(a, b);
    for (const id of [a, b]) (evidence.get(id) ?? evidence.set(id, new Set()).get(id)!).add(why);
  };

  // Shared keys, the record's own member id, fake slugs.
  const owner = new Map<string, string>();
  const byLowerMember = new Map<string, string>();
  for (const p of all) {
    const keys = new Set(p.keys);
    if (p.linkedinMemberId && isMemberId(p.linkedinMemberId)) keys.add(`lim:${p.linkedinMemberId}`);
    for (const k of keys) {
      const o = owner.get(k);
      if (o) join(o, p.id, k);
      else owner.set(k, p.id);
      if (keyKind(k) === 'lim') byLowerMember.set(k.slice(4).toLowerCase(), p.id);
    }
  }
  for (const p of all) {
    for (const k of p.keys) {
      if (!fakeSlug(k)) continue;
      const o = byLowerMember.get(k.slice(3));
      if (o)
        join(
          o,
          p.id,
          `lim:${
            byId
              .get(o)!
              .keys.find((x) => x.toLowerCase() === 'lim:' + k.slice(3))
              ?.slice(4) ?? k.slice(3)
          }`,
        );
    }
  }
  // Invitation threads named both ways.
  for (const t of threads) {
    if (t.channel !== 'linkedin') continue;
    const slug = t.keys.find((k) => k.startsWith('linkedin:t:invite:li:'))?.slice('linkedin:t:invite:li:'.length);
    const member = t.keys.find((k) => k.startsWith('linkedin:t:invite:lim:'))?.slice('linkedin:t:invite:lim:'.length);
    if (!slug || !member) continue;
    const a = owner.get(`li:${slug}`);
    const b = owner.get(`lim:${member}`);
    if (a && b) join(a, b, `invite:${slug}=${member}`);
  }

  const groups = new Map<string, Prospect[]>();
  for (const p of all) {
    const root = uf.find(p.id);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(p);
  }
  return { groups: [...groups.values()], evidence };
}

/** Each group folded into one record (foldAll), every record's keys cleaned; the records left, in order. */
async function foldPeople(
  t: Tables,
  groups: Prospect[][],
  evidence: Map<string, Set<string>>,
  now: number,
  reason: MergeReason,
): Promise<{ merges: MergeRecord[]; survivors: Prospect[] }> {
  const merges: MergeRecord[] = [];
  const store = tablesMergeStore(t);
  const survivors: Prospect[] = [];
  for (const group of groups) {
    if (group.length === 1) {
      const cleaned = cleanKeys(group[0]!);
      if (cleaned !== group[0]) await t.prospects.put(cleaned);
      survivors.push(cleaned);
      continue;
    }
    const evidenceOf = (kept: Prospect, other: Prospect) => [
      ...new Set([...(evidence.get(other.id) ?? []), ...(evidence.get(kept.id) ?? [])]),
    ];
    const folded = await foldAll(store, group, { reason, now, evidence: evidenceOf });
    merges.push(...folded.merges);
    for (const other of folded.left) survivors.push(cleanKeys(other));
    const cleaned = cleanKeys(folded.kept);
    await t.prospects.put(cleaned);
    survivors.push(cleaned);
  }
  return { merges, survivors };
}

/**
 * Invitation notes stored a second time after acceptance (same person, same text, later), folded
 * into the invitation; returns how many. Only people with an invitation are read: invitation
 * threads are known from the thread list.
 */
async function foldStoredEchoes(t: Tables, threads: Thread[], survivors: Prospect[]): Promise<number> {
  let inviteEchoes = 0;
  const inviteThreadIds = threads
    .filter(
      (th) =>
        th.channel === 'linkedin' &&
        (th.externalId.startsWith('invite:') || th.keys.some((k) => k.startsWith('linkedin:t:invite:'))),
    )
    .map((th) => th.id);
  const invitees = new Set<string>();
  if (inviteThreadIds.length) {
    for (const m of (await t.messages.where('threadId').anyOf(inviteThreadIds).toArray()) as Message[])
      if (m.kind === 'linkedin-invite' && m.prospectId) invitees.add(m.prospectId);
  }
  const byProspect = new Map<string, Message[]>();
  if (invitees.size) {
    for (const m of await messagesOfProspects(t, [...invitees]))
      (byProspect.get(m.prospectId!) ?? byProspect.set(m.prospectId!, []).get(m.prospectId!)!).push(m);
  }
  for (const p of survivors) {
    const msgs = byProspect.get(p.id);
    if (!msgs) continue;
    const invites = msgs.filter((m) => m.kind === 'linkedin-invite' && m.direction === 'outbound' && m.text.trim());
    if (!invites.length) continue;
    for (const m of msgs) {
      if (m.kind !== 'linkedin-message' || m.direction !== 'outbound') continue;
      const inv = invites.find((i) => isInviteEcho(i, m));
      if (!inv) continue;
      await foldEcho(t, inv, m);
      inviteEchoes++;
      invites.splice(invites.indexOf(inv), 1);
    }
  }
  return inviteEchoes;
}

/** The invitation takes the echo's place and ids; the conversation keeps its thread, which takes in the invitation's. */
async function foldEcho(t: Tables, inv: Message, m: Message): Promise<void> {
  const invThread = (await t.threads.get(inv.threadId)) as Thread | undefined;
  const convThread = (await t.threads.get(m.threadId)) as Thread | undefined;
  await t.messages.delete(m.id);
  await t.messages.put({
    ...inv,
    threadId: m.threadId,
    keys: [...new Set([...inv.keys, ...m.keys])],
    seenBy: [...new Set([...inv.seenBy, ...m.seenBy])],
  });
  if (convThread && invThread && invThread.id !== convThread.id) {
    await t.threads.put({
      ...convThread,
      keys: [...new Set([...convThread.keys, ...invThread.keys])],
      prospectIds: [...new Set([...convThread.prospectIds, ...invThread.prospectIds])],
    });
    const left = (await t.messages.where('threadId').equals(invThread.id).toArray()) as Message[];
    if (left.length === 0) await t.threads.delete(invThread.id);
    else await t.threads.put({ ...invThread, summary: summarizeThread(left) });
  }
  const conv = (await t.messages.where('threadId').equals(m.threadId).toArray()) as Message[];
  const th = (await t.threads.get(m.threadId)) as Thread | undefined;
  if (th) await t.threads.put({ ...th, summary: summarizeThread(conv) });
}
