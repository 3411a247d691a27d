// Prospects of ingestion: the prospect a person a page names is (by email, LinkedIn slug, member
// id or numeric member id), created when new; two stored records the sighting's ids prove to be one
// person are folded with the one merge implementation (lib/records/prospect-merge.ts, logged); the ids the
// sighting adds; an accepted invitation.
import type { AcceptedEvent, CapturedPerson } from '../schema/events';
import type { MergeReason, Prospect } from '../schema/model';
import { foldAll, type MergeStore } from '../records/prospect-merge';
import {
  canonicalProfileUrl,
  emailDomain,
  isFreeMail,
  keyKind,
  linkedinMemberIdOfUrl,
  normEmail,
  personKeys,
} from '../records/keys';
import type { IngestDeps, Outcome } from './types';
import type { WorkingSet } from './working-set';

/** Folds in the working set: ingestion's side of lib/records/prospect-merge.ts. */
function wsMergeStore(ws: WorkingSet): MergeStore {
  return {
    messagesOf: (id) => ws.messagesOfProspect(id),
    threadsOf: (id) => ws.threadsOfProspect(id),
    putMessage: (m) => ws.putMessage(m),
    putThread: (t) => ws.putThread(t),
    putProspect: (p) => ws.putProspect(p),
    deleteProspect: (id) => ws.deleteProspect(id),
    logMerge: (r) => void ws.merges.push(r),
  };
}

/** Immutable LinkedIn ids: a record carrying one never takes another of the same kind. */
const IMMUTABLE = new Set(['lim', 'linum']);

/**
 * Finds the prospect a person is (by email, LinkedIn slug, member id or numeric member id) or
 * creates one. When the person's ids name two stored prospects (a profile page showing both its
 * slug and the member id messaging knew; an email on a contact-info overlay), they are folded
 * into one (lib/records/prospect-merge.ts, logged). With no id at all (a LinkedIn name only), the
 * thread's own prospect stands in.
 */
export async function upsertProspect(
  ws: WorkingSet,
  person: CapturedPerson,
  now: number,
  threadId: string | null,
  reason: MergeReason = 'sighting',
): Promise<Prospect | null> {
  let keys = personKeys(person);
  if (keys.length === 0) {
    if (!threadId || !person.name) return null;
    keys = [`thread:${threadId}`];
  }
  const found = await ws.prospectsByKeys(keys);
  const unique = [...new Map(found.map((p) => [p.id, p])).values()];
  // Records of two people (canAutoMerge) are left apart: the sighting is inconsistent there.
  const p =
    unique.length === 0
      ? newProspect(person, keys, now)
      : (await foldAll(wsMergeStore(ws), unique, { reason, now, evidence: () => keys })).kept;
  const next = withSighting(p, person, keys);
  if (JSON.stringify(next) !== JSON.stringify(p) || unique.length === 0) {
    next.updatedAt = now;
    ws.putProspect(next);
  }
  return next;
}

/** The record with what the sighting adds: its ids (except an immutable id of a kind it already has another of), email, profile, name, domain. */
function withSighting(p: Prospect, person: CapturedPerson, keys: string[]): Prospect {
  const own = new Set(p.keys.filter((k) => IMMUTABLE.has(keyKind(k))).map(keyKind));
  const add = keys
    .filter((k) => !k.startsWith('thread:') || p.keys.length === 0 || p.keys.every((x) => x.startsWith('thread:')))
    .filter((k) => p.keys.includes(k) || !IMMUTABLE.has(keyKind(k)) || !own.has(keyKind(k)));
  const email = normEmail(person.email);
  const url = canonicalProfileUrl(person.profileUrl);
  const memberId = person.memberId || linkedinMemberIdOfUrl(person.profileUrl);
  const next: Prospect = {
    ...p,
    keys: [...new Set([...p.keys, ...add])],
    emails: email && !p.emails.includes(email) ? [...p.emails, email] : p.emails,
    linkedinUrl: p.linkedinUrl ?? url,
    linkedinMemberId: p.linkedinMemberId ?? (memberId && add.includes(`lim:${memberId}`) ? memberId : null),
  };
  if (
    person.name &&
    !p.manualFields.includes('name') &&
    (!p.name || p.name === 'Unknown' || p.name === p.emails[0] || looksLikeEmailName(p.name, p.emails))
  )
    next.name = person.name;
  const domain = emailDomain(email);
  if (!next.domain && domain && !isFreeMail(domain)) next.domain = domain;
  return next;
}

const looksLikeEmailName = (name: string, emails: string[]) => emails.some((e) => e.split('@')[0] === name);

function newProspect(person: CapturedPerson, keys: string[], now: number): Prospect {
  const email = normEmail(person.email);
  const domain = emailDomain(email);
  const firstKey = keys[0];
  return {
    id: `p:${firstKey}`,
    name: person.name?.trim() || (email ? email.split('@')[0] : '') || 'Unknown',
    emails: email ? [email] : [],
    linkedinUrl: canonicalProfileUrl(person.profileUrl),
    linkedinMemberId: person.memberId || linkedinMemberIdOfUrl(person.profileUrl) || null,
    company: null,
    domain: domain && !isFreeMail(domain) ? domain : null,
    title: null,
    headline: null,
    seniority: null,
    industry: null,
    location: null,
    companySize: null,
    connectionDegree: null,
    connectedAt: null,
    stage: 'contacted',
    dealValue: null,
    traits: {},
    notes: '',
    manualFields: [],
    createdAt: now,
    updatedAt: now,
    keys,
  };
}

/** Why a sighting names several ids: a profile (slug + member id), a contact-info overlay (email), or any. */
export function reasonOf(person: CapturedPerson): MergeReason {
  if (person.email && (person.profileUrl || person.memberId)) return 'contact-info';
  if (person.profileUrl && (person.memberId || person.numericMemberId)) return 'profile';
  return 'sighting';
}

/** An invitation the user sent, seen accepted: a 1st-degree connection since the first acceptance. */
export async function ingestAccepted(deps: IngestDeps, ws: WorkingSet, ev: AcceptedEvent): Promise<Outcome> {
  const p = await upsertProspect(ws, ev.person, deps.now(), null, reasonOf(ev.person));
  if (!p) return 'dropped';
  ws.putProspect({ ...p, connectionDegree: 1, connectedAt: p.connectedAt ?? ev.at, updatedAt: deps.now() });
  return 'merged';
}
