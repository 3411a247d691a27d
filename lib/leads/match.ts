// Lead lists, step 5: which prospect each lead is, and what the import changes. Pure: the caller
// passes the stored prospects in and writes the plan out (lib/leads/import.ts).
//
// Matching, in order: any of the lead's email addresses (`email:` keys, as capture keys people),
// then its LinkedIn profile (`li:<public id>` or `lim:<member id>`), then name + company, both
// normalised (case, accents, punctuation, titles such as "Dr", legal forms such as "GmbH" or
// "Inc."), only when exactly one prospect has them. Rows of the same file that resolve to the
// same person are one prospect.
//
// What a lead list may change on a prospect that exists: it fills what the prospect lacks and
// never overwrites a value, whoever set it (capture, a hand edit, an earlier list): a live
// LinkedIn profile is fresher than an export, and a hand edit is the user's. Fields the user set
// by hand (`manualFields`) are not touched at all. Emails and the LinkedIn URL are added unless
// another prospect already has them (that would make one key name two people). Values that differ
// from what is stored are kept and reported, not applied.
import { personKeys } from '../records/keys';
import type { Prospect } from '../schema/model';
import type { Lead, SkippedRow } from './rows';

export type StoredProspect = Prospect;

const HONORIFICS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'phd',
  'mba',
  'cpa',
  'jr',
  'sr',
  'md',
  'esq',
  'ii',
  'iii',
]);
const LEGAL = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'bv',
  'nv',
  'plc',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pvt',
  'private',
  'kg',
  'se',
  'lp',
  'llp',
  'group',
  'holding',
  'holdings',
]);

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function normName(name: string | null | undefined): string {
  return fold(name ?? '')
    .filter((w) => !HONORIFICS.has(w))
    .join(' ');
}

/**
 * A company name as lead matching compares it. Looser than lib/prospects/company.ts
 * normaliseCompanyName (which makes stored `co:name:` keys and must stay as it is): drops a leading
 * "The", parenthesised parts and more legal forms, since a lead list's spelling is freer.
 */
export function normCompany(company: string | null | undefined): string {
  const words = fold(company ?? '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

const nameCompanyKey = (name: string | null | undefined, company: string | null | undefined) => {
  const n = normName(name);
  const c = normCompany(company);
  return n && c ? `${n}|${c}` : null;
};

export type MatchedBy = 'email' | 'linkedin' | 'name and company';

export interface RowOutcome {
  row: number;
  kind: 'new' | 'matched' | 'duplicate' | 'skipped';
  prospectId?: string;
  by?: MatchedBy;
  /** For a duplicate: the row it repeats. */
  of?: number;
  reason?: string;
}

export interface KeptValue {
  row: number;
  field: string;
  stored: string;
  lead: string;
}

export interface ImportPlan {
  /** Prospects to write: new ones and existing ones that gain something. */
  writes: Prospect[];
  created: number;
  /** Existing prospects the file names. */
  matched: number;
  /** …of which gain at least one value. */
  enriched: number;
  duplicates: number;
  skipped: SkippedRow[];
  rows: RowOutcome[];
  kept: KeptValue[];
  /** Lead emails / LinkedIn URLs not added because another prospect has them. */
  conflicts: { row: number; value: string; prospectId: string }[];
}

const TEXT_FIELDS = ['company', 'title', 'industry', 'companySize', 'location', 'headline', 'domain'] as const;

const looksLikeEmailName = (p: Pick<Prospect, 'name' | 'emails'>) =>
  !p.name || p.name === 'Unknown' || p.emails.some((e) => e.split('@')[0] === p.name);

function newProspect(lead: Lead, id: string, keys: string[], now: number): Prospect {
  return {
    id,
    name: lead.name || (lead.emails[0] ? lead.emails[0].split('@')[0] : '') || 'Unknown',
    emails: [...lead.emails],
    linkedinUrl: lead.linkedin?.url ?? null,
    linkedinMemberId: lead.linkedin?.memberId ?? null,
    company: lead.company,
    domain: lead.domain,
    title: lead.title,
    headline: lead.headline,
    seniority: lead.seniority,
    industry: lead.industry,
    location: lead.location,
    companySize: lead.companySize,
    connectionDegree: null,
    connectedAt: null,
    // The stage enum has no "not contacted" value (a new value would break the export contract's
    // readers): a prospect with no outreach is shown "not contacted yet" from the thread facts.
    stage: 'contacted',
    dealValue: null,
    traits: { ...lead.traits },
    notes: '',
    manualFields: [],
    createdAt: now,
    updatedAt: now,
    keys,
  };
}

export function planLeadImport(
  leads: readonly Lead[],
  stored: readonly StoredProspect[],
  now: number,
  skipped: readonly SkippedRow[] = [],
): ImportPlan {
  const byKey = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const cur = new Map<string, Prospect>();
  const index = (p: Prospect) => {
    for (const k of p.keys) if (!byKey.has(k)) byKey.set(k, p.id);
    for (const e of p.emails) if (!byKey.has(`email:${e}`)) byKey.set(`email:${e}`, p.id);
    const nk = nameCompanyKey(p.name, p.company);
    if (nk) (byName.get(nk) ?? byName.set(nk, new Set()).get(nk)!).add(p.id);
  };
  for (const p of stored) {
    cur.set(p.id, p);
    index(p);
  }
  const createdBy = new Map<string, number>(); // new prospect id → the row that created it
  const touched = new Set<string>();
  const matchedIds = new Set<string>();
  const enrichedIds = new Set<string>();
  const plan: ImportPlan = {
    writes: [],
    created: 0,
    matched: 0,
    enriched: 0,
    duplicates: 0,
    skipped: [...skipped],
    rows: [],
    kept: [],
    conflicts: [],
  };
  for (const s of skipped) plan.rows.push({ row: s.row, kind: 'skipped', reason: s.reason });

  for (const lead of leads) {
    let id: string | undefined;
    let by: MatchedBy | undefined;
    for (const e of lead.emails) {
      id = byKey.get(`email:${e}`);
      if (id) {
        by = 'email';
        break;
      }
    }
    if (!id && lead.linkedin?.key) {
      id = byKey.get(lead.linkedin.key);
      if (id) by = 'linkedin';
    }
    if (!id) {
      const nk = nameCompanyKey(lead.name, lead.company);
      const ids = nk ? byName.get(nk) : undefined;
      if (ids && ids.size > 1) {
        const reason = `its name and company match ${ids.size} prospects; add an email or LinkedIn URL to tell them apart`;
        plan.skipped.push({ row: lead.row, reason });
        plan.rows.push({ row: lead.row, kind: 'skipped', reason });
        continue;
      }
      if (ids && ids.size === 1) {
        id = [...ids][0];
        by = 'name and company';
      }
    }
    if (!id) {
      // The keys capture gives a person (lib/records/keys.ts personKeys): `email:` for each address, then the profile's.
      const keys = [
        ...new Set([
          ...lead.emails.flatMap((email) => personKeys({ email })),
          ...(lead.linkedin?.key ? [lead.linkedin.key] : []),
        ]),
      ];
      const nk = nameCompanyKey(lead.name, lead.company);
      let newId = keys.length ? `p:${keys[0]}` : `p:lead:${nk ?? lead.row}`;
      for (let k = 2; cur.has(newId); k++) newId = `${keys.length ? `p:${keys[0]}` : `p:lead:${nk ?? lead.row}`}~${k}`;
      const p = newProspect(lead, newId, keys, now);
      cur.set(p.id, p);
      index(p);
      createdBy.set(p.id, lead.row);
      touched.add(p.id);
      plan.created++;
      plan.rows.push({ row: lead.row, kind: 'new', prospectId: p.id });
      continue;
    }
    const base = cur.get(id)!;
    const { next, gained } = fill(base, lead, byKey, plan);
    if (gained) {
      cur.set(id, next);
      index(next);
      touched.add(id);
    }
    if (createdBy.has(id)) {
      plan.duplicates++;
      plan.rows.push({ row: lead.row, kind: 'duplicate', prospectId: id, by, of: createdBy.get(id) });
    } else {
      matchedIds.add(id);
      if (gained) enrichedIds.add(id);
      plan.rows.push({ row: lead.row, kind: 'matched', prospectId: id, by });
    }
  }
  plan.matched = matchedIds.size;
  plan.enriched = enrichedIds.size;
  for (const id of touched) plan.writes.push({ ...cur.get(id)!, updatedAt: now });
  plan.rows.sort((a, b) => a.row - b.row);
  plan.skipped.sort((a, b) => a.row - b.row);
  return plan;
}

/** `p` with the holes the lead fills; `gained` says whether anything changed. */
function fill(
  p: Prospect,
  lead: Lead,
  byKey: Map<string, string>,
  plan: ImportPlan,
): { next: Prospect; gained: boolean } {
  const manual = new Set(p.manualFields);
  const next: Prospect = { ...p, emails: [...p.emails], keys: [...p.keys], traits: { ...p.traits } };
  let gained = false;
  const keep = (field: string, stored: string, value: string) => {
    const same =
      field === 'company'
        ? normCompany(stored) === normCompany(value)
        : stored.trim().toLowerCase() === value.trim().toLowerCase();
    if (!same) plan.kept.push({ row: lead.row, field, stored, lead: value });
  };
  if (lead.name && !manual.has('name')) {
    if (looksLikeEmailName(p) && p.name !== lead.name) {
      next.name = lead.name;
      gained = true;
    } else if (!looksLikeEmailName(p)) keep('name', p.name, lead.name);
  }
  for (const f of TEXT_FIELDS) {
    const v = lead[f];
    if (!v || manual.has(f)) continue;
    const s = p[f];
    if (s === null || s === undefined || s === '') {
      next[f] = v;
      gained = true;
    } else keep(f, s, v);
  }
  if (lead.seniority && !manual.has('seniority')) {
    if (!p.seniority) {
      next.seniority = lead.seniority;
      gained = true;
    } else keep('seniority', p.seniority, lead.seniority);
  }
  for (const e of lead.emails) {
    const owner = byKey.get(`email:${e}`);
    if (owner && owner !== p.id) {
      plan.conflicts.push({ row: lead.row, value: e, prospectId: owner });
      continue;
    }
    if (!next.emails.includes(e)) {
      next.emails.push(e);
      gained = true;
    }
    if (!next.keys.includes(`email:${e}`)) {
      next.keys.push(`email:${e}`);
      gained = true;
    }
  }
  const li = lead.linkedin;
  if (li) {
    const owner = li.key ? byKey.get(li.key) : undefined;
    if (owner && owner !== p.id) plan.conflicts.push({ row: lead.row, value: li.url, prospectId: owner });
    else {
      if (li.key && !next.keys.includes(li.key)) {
        next.keys.push(li.key);
        gained = true;
      }
      if (!next.linkedinUrl) {
        next.linkedinUrl = li.url;
        gained = true;
      }
      if (li.memberId && !next.linkedinMemberId) {
        next.linkedinMemberId = li.memberId;
        gained = true;
      }
    }
  }
  for (const [k, v] of Object.entries(lead.traits)) {
    if (!(k in p.traits)) {
      next.traits[k] = v;
      gained = true;
    } else keep(`trait "${k}"`, p.traits[k], v);
  }
  return { next, gained };
}
