// Lead lists, step 4: mapped rows to leads, the same shape whatever tool wrote the file. Cells are
// kept as text, never evaluated: a cell such as `=HYPERLINK("http://x","Click")` is stored as those
// characters (React renders it as text; the messages CSV export escapes it, lib/export/export.ts).
import { MAX_SHORT, type Seniority } from '../schema/model';
import { canonicalProfileUrl, normEmail, personKeys } from '../records/keys';
import { deriveSeniority, readSeniority } from '../records/seniority';
import { columnsOf, type ColumnMapping, type LeadField, LEAD_SOURCE_TRAIT } from './guess';
import { rowNumber, type ParsedLeadFile } from './parse';

export interface LeadLinkedin {
  /** The profile URL as stored on the prospect. */
  url: string;
  /** `li:<public id>` for a public profile; `lim:<ACoA… id>` for a member-id URL; null for a Sales Navigator hashed id. */
  key: string | null;
  memberId: string | null;
}

export interface Lead {
  /** Spreadsheet row number. */
  row: number;
  name: string;
  emails: string[];
  linkedin: LeadLinkedin | null;
  company: string | null;
  title: string | null;
  industry: string | null;
  companySize: string | null;
  location: string | null;
  seniority: Seniority | null;
  domain: string | null;
  headline: string | null;
  traits: Record<string, string>;
}

export interface SkippedRow {
  row: number;
  reason: string;
}

export interface FormulaCell {
  row: number;
  column: string;
  value: string;
}

export interface LeadRows {
  leads: Lead[];
  skipped: SkippedRow[];
  /** Cells that a spreadsheet would run as a formula; stored as plain text. */
  formulas: FormulaCell[];
  /** Cells under an email column that are not an address (kept out of the emails). */
  badEmails: number;
}

export interface LeadRowOptions {
  /** Set as the trait "lead source" on rows that carry none of their own ('' = none). */
  leadSource?: string;
}

/** Placeholders that mean "no value" in exports and hand-made sheets. */
const NO_VALUE = new Set([
  '',
  '-',
  '--',
  '—',
  'n/a',
  'na',
  '#n/a',
  'null',
  'none',
  'unknown',
  'not available',
  'nan',
  'undefined',
]);

/** A cell as stored: trimmed, whitespace folded, bounded; null for blanks and placeholders. */
export function cell(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const v = raw.replace(/\s+/g, ' ').trim();
  if (NO_VALUE.has(v.toLowerCase())) return null;
  return v.length > MAX_SHORT ? v.slice(0, MAX_SHORT) : v;
}

/**
 * A cell a spreadsheet would evaluate: starting with =, +, -, @ (or tab / carriage return), unless
 * it is a plain number or phone number ("+44 20 7946 0958", "-5").
 */
export function isFormulaLike(v: string): boolean {
  if (!/^[=+\-@\t\r]/.test(v)) return false;
  return !/^[+-]?[\d\s().\-/]+$/.test(v);
}

/** A LinkedIn profile from a cell: public slugs give `li:` keys as capture does, `ACoA…` ids `lim:` keys. */
export function leadLinkedin(raw: string | null): LeadLinkedin | null {
  if (!raw) return null;
  const m = /(?:^|linkedin\.com)\/in\/([^/?#\s]+)/i.exec(raw.trim());
  if (!m) return null;
  let id = m[1];
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep it encoded */
  }
  if (/^ACoA[A-Za-z0-9_-]{10,}$/.test(id))
    return { url: `https://www.linkedin.com/in/${id}/`, key: `lim:${id}`, memberId: id };
  // Sales Navigator's hashed ids (ACwAA…) open the profile but match nothing capture sees.
  if (/^ACwA[A-Za-z0-9_-]{10,}$/.test(id))
    return { url: `https://www.linkedin.com/in/${id}/`, key: null, memberId: null };
  // A public profile: the key and URL capture makes of it (lib/records/keys.ts), so a later visit or message lands here.
  const url = canonicalProfileUrl(`https://www.linkedin.com/in/${m[1]}/`);
  const key = personKeys({ profileUrl: url ?? undefined }).find((k) => k.startsWith('li:')) ?? null;
  return url && key ? { url, key, memberId: null } : null;
}

/** The host of a website cell ("https://www.acme.com/about" → "acme.com"). */
export function websiteDomain(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#]|$)/i.exec(raw.trim());
  return m ? m[1].toLowerCase() : null;
}

export function buildLeads(
  file: ParsedLeadFile,
  mapping: readonly ColumnMapping[],
  opts: LeadRowOptions = {},
): LeadRows {
  const cols = columnsOf(mapping, file.headers);
  const get = (f: LeadField) => cols.get(f) ?? [];
  const traitCols = (cols.get('trait') ?? []).filter((c) => mapping[c].trait.trim());
  const mappedCols = [...mapping.keys()].filter((c) => mapping[c].role !== 'ignore');
  const leadSource = opts.leadSource?.trim().slice(0, MAX_SHORT) || '';
  const out: LeadRows = { leads: [], skipped: [], formulas: [], badEmails: 0 };
  file.rows.forEach((r, i) => {
    const row = rowNumber(file, i);
    const first = (f: LeadField) => {
      for (const c of get(f)) {
        const v = cell(r[c]);
        if (v) return v;
      }
      return null;
    };
    for (const c of mappedCols) {
      const v = (r[c] ?? '').trim();
      if (v && isFormulaLike(v)) out.formulas.push({ row, column: file.headers[c], value: v.slice(0, 80) });
    }
    const emails: string[] = [];
    for (const c of get('email')) {
      const v = cell(r[c]);
      if (!v) continue;
      // One cell may list several addresses ("a@x.com; b@x.com").
      for (const part of v.split(/[;,\s]+/)) {
        const e = normEmail(part);
        if (e) {
          if (!emails.includes(e)) emails.push(e);
        } else if (part) out.badEmails++;
      }
    }
    let linkedin: LeadLinkedin | null = null;
    for (const c of get('linkedin')) {
      linkedin = leadLinkedin(cell(r[c]));
      if (linkedin) break;
    }
    const full = first('name');
    const parts = [first('firstName'), first('lastName')].filter(Boolean).join(' ');
    const name = (full ?? parts).slice(0, MAX_SHORT);
    const company = first('company');
    if (!emails.length && !linkedin && !(name && company)) {
      const empty = r.every((x) => !x.trim());
      if (!empty) out.skipped.push({ row, reason: 'no email, LinkedIn profile URL, or name and company' });
      return;
    }
    const location = get('location')
      .map((c) => cell(r[c]))
      .filter((x): x is string => !!x)
      .filter((x, k, a) => a.indexOf(x) === k)
      .join(', ')
      .slice(0, MAX_SHORT);
    const title = first('title');
    const senCell = first('seniority');
    const traits: Record<string, string> = {};
    for (const c of traitCols) {
      const v = cell(r[c]);
      const k = mapping[c].trait.trim().slice(0, 100);
      if (v && !(k in traits)) traits[k] = v;
    }
    if (leadSource && !traits[LEAD_SOURCE_TRAIT]) traits[LEAD_SOURCE_TRAIT] = leadSource;
    out.leads.push({
      row,
      name,
      emails,
      linkedin,
      company,
      title,
      industry: first('industry'),
      companySize: first('companySize'),
      location: location || null,
      seniority: (senCell ? readSeniority(senCell) : null) ?? (title ? deriveSeniority(title) : null),
      domain: websiteDomain(first('website')),
      headline: first('headline'),
      traits,
    });
  });
  return out;
}
