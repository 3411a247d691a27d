// Traits from `prospect` and `company` events: what a profile, a conversation header or an
// invitation card says about a person (name, headline, title, company, location, industry,
// connection degree; seniority derived from the title), and what a LinkedIn company page says
// about everyone who works there (industry, size band, headquarters). A value set by hand is never
// overwritten.
import type { CompanyEvent, ProspectEvent } from '../schema/events';
import type { Company, Prospect } from '../schema/model';
import { isPresenceLine } from '../records/presence';
import { companyPageKeys, normaliseCompanyName, normaliseSizeBand, prospectCompanyKeys } from '../prospects/company';
import { deriveSeniority } from '../records/seniority';
import { isSelf } from './identity';
import { personKeys } from '../records/keys';
import { reasonOf, upsertProspect } from './prospects';
import type { IngestDeps, Outcome } from './types';
import type { WorkingSet } from './working-set';

export async function ingestProspect(deps: IngestDeps, ws: WorkingSet, ev: ProspectEvent): Promise<Outcome> {
  if (isSelf(deps.settings, ev.person)) return 'dropped';
  const now = deps.now();
  if (ev.onlyKnown) {
    const keys = personKeys(ev.person);
    if (!keys.length || !(await ws.prospectsByKeys(keys)).length) return 'dropped';
  }
  const base = await upsertProspect(ws, ev.person, now, null, reasonOf(ev.person));
  if (!base) return 'dropped';
  const p: Prospect = { ...base };
  const manual = new Set(p.manualFields);
  const set = <K extends keyof Prospect>(k: K, v: Prospect[K] | null | undefined) => {
    if (v !== null && v !== undefined && v !== '' && !manual.has(k as string)) p[k] = v as Prospect[K];
  };
  if (ev.person.name && !manual.has('name')) p.name = ev.person.name;
  // A presence line ("Active 2h ago") is never a headline, whichever layer sent it.
  if (ev.headline && !isPresenceLine(ev.headline)) set('headline', ev.headline);
  set('title', ev.title);
  if (ev.company) await linkCompany(ws, p, ev.company, ev.companyUrl);
  set('company', ev.company);
  set('location', ev.location);
  set('industry', ev.industry);
  set('connectionDegree', ev.connectionDegree);
  if (!manual.has('seniority') && p.title) p.seniority = deriveSeniority(p.title);
  if (ev.connectionDegree === 1 && !p.connectedAt) {
    // Only an invitation we sent makes a 1st-degree connection an acceptance worth recording.
    const invited = (await ws.messagesOfProspect(p.id)).some((m) => m.kind === 'linkedin-invite');
    if (invited) p.connectedAt = ev.seenAt;
  }
  p.updatedAt = now;
  ws.putProspect(p);
  return 'merged';
}

/**
 * The prospect's current company, as a profile names it: its company keys (by the company page
 * the profile links, else by name), traits of a known company page, and, when the prospect moved
 * to another company, the old company's industry, size and HQ dropped (unless set by hand).
 */
async function linkCompany(ws: WorkingSet, p: Prospect, company: string, companyUrl: string | null): Promise<void> {
  const manual = new Set(p.manualFields);
  let keys = prospectCompanyKeys(company, companyUrl);
  const prev = p.companyKeys ?? [];
  const sameName = normaliseCompanyName(p.company) === normaliseCompanyName(company);
  // The same company seen without its link this time: keep the stronger keys seen before.
  if (!companyUrl && sameName && prev.some((k) => !k.startsWith('co:name:'))) keys = prev;
  const moved = !!p.company && !sameName && !keys.some((k) => prev.includes(k));
  if (moved && p.companyTraitsFrom) {
    if (!manual.has('industry')) p.industry = null;
    if (!manual.has('companySize')) p.companySize = null;
    p.companyHq = null;
    p.companyTraitsFrom = null;
  }
  p.companyKeys = keys;
  const [known] = await ws.companiesByKeys(keys);
  if (known) applyCompany(p, known);
}

/** A company page's traits on a prospect who works there: only where empty or from a company page, never over a hand-set value. */
function applyCompany(p: Prospect, c: Company): void {
  const manual = new Set(p.manualFields);
  const fromPage = !!p.companyTraitsFrom;
  if (c.industry && !manual.has('industry') && (!p.industry || fromPage)) p.industry = c.industry;
  if (c.companySize && !manual.has('companySize') && (!p.companySize || fromPage)) p.companySize = c.companySize;
  if (c.headquarters) p.companyHq = c.headquarters;
  p.companyTraitsFrom = c.id;
}

export async function ingestCompany(deps: IngestDeps, ws: WorkingSet, ev: CompanyEvent): Promise<Outcome> {
  const now = deps.now();
  const keys = companyPageKeys({ slug: ev.slug, numericId: ev.numericId, name: ev.name });
  if (!keys.length) return 'dropped';
  // Rows of this company known by some of its keys (a name first, a slug later) become one.
  const found = await ws.companiesByKeys(keys);
  const strong = keys.filter((k) => !k.startsWith('co:name:'));
  // A row known by name only joins; a row with other strong keys is another company of that name.
  const same = found.filter(
    (c) => c.keys.some((k) => strong.includes(k)) || c.keys.every((k) => k.startsWith('co:name:')) || !strong.length,
  );
  const [first, ...rest] = same;
  const c: Company = {
    // A company key is already `co:…`: it is the id (rows stored before 2026-12 keep their `co:co:…` ids).
    id: first?.id ?? strong[0] ?? keys[0]!,
    name: ev.name,
    keys: [...new Set([...(first?.keys ?? []), ...rest.flatMap((r) => r.keys), ...keys])].slice(0, 50),
    linkedinUrl: ev.slug
      ? `https://www.linkedin.com/company/${encodeURIComponent(ev.slug.toLowerCase())}/`
      : (first?.linkedinUrl ?? null),
    industry: ev.industry ?? first?.industry ?? null,
    companySize: normaliseSizeBand(ev.companySize) ?? first?.companySize ?? null,
    headquarters: ev.headquarters ?? first?.headquarters ?? null,
    seenAt: ev.seenAt,
    updatedAt: now,
  };
  for (const r of rest) ws.deleteCompany(r.id);
  ws.putCompany(c);
  // Everyone who works there: by the company page's slug or id, or by name when that is all their
  // profile gave (a prospect whose profile linked a company page carries no name key).
  for (const p of await ws.prospectsByCompanyKeys(c.keys)) {
    const next = { ...p };
    applyCompany(next, c);
    if (JSON.stringify(next) !== JSON.stringify(p)) ws.putProspect({ ...next, updatedAt: now });
  }
  return 'merged';
}
