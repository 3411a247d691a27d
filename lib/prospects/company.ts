// Companies: how a prospect's current company and a LinkedIn company page are recognised as the
// same company, and LinkedIn's size bands in one form. Pure functions.
//
// Company keys (a company row's `keys`, a prospect's `companyKeys`):
//   `co:li:<slug>`   the page's public id (/company/<slug>/), lower-cased
//   `co:id:<n>`      the numeric company id (/company/<n>/ links in classic profiles, the
//                    `currentCompany=["<n>"]` employees link and `urn:li:fsd_company:<n>` on the page)
//   `co:name:<name>` the normalised name (legal suffixes, case, punctuation folded)
// A prospect whose profile links the company page carries the strong keys only, so two companies
// of the same name are never confused; a prospect known by name alone carries the name key.

const LEGAL = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pvt',
  'lp',
  'llp',
  'kk',
  'sl',
  'ltda',
  'group',
]);

/**
 * Company name for matching: "ACME Corp." and "Acme Corporation" are both "acme".
 * Not lib/leads/match.ts normCompany, on purpose: this one makes the `co:name:` keys stored on
 * companies and prospects (changing it would strand stored keys: a schema version with a re-key),
 * while a lead list's row only has to find an existing prospect, so that one folds harder (a
 * leading "The", parentheses, "Holding").
 */
export function normaliseCompanyName(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL.has(words[words.length - 1]!)) words.pop();
  const out = words.join(' ');
  return out || null;
}

/** Slug or numeric id of a company URL (`/company/<x>/…`, also `/showcase/<x>/`), lower-cased. */
export function companyRefOfUrl(url: string | null | undefined): { slug: string | null; id: string | null } {
  const m = url ? /(?:^|linkedin\.com)?\/(?:company|showcase)\/([^/?#]+)/i.exec(url.trim()) : null;
  if (!m) return { slug: null, id: null };
  let seg = m[1]!;
  try {
    seg = decodeURIComponent(seg);
  } catch {
    /* keep raw */
  }
  seg = seg.trim().toLowerCase();
  if (!seg) return { slug: null, id: null };
  return /^\d{1,15}$/.test(seg) ? { slug: null, id: seg } : { slug: seg, id: null };
}

/** The strong keys a company URL gives (slug or numeric id). */
export function companyUrlKeys(url: string | null | undefined): string[] {
  const { slug, id } = companyRefOfUrl(url);
  return slug ? [`co:li:${slug}`] : id ? [`co:id:${id}`] : [];
}

/**
 * The company keys of a prospect's current company: the strong keys when the profile links the
 * company page (`companyUrl`), else the name key.
 */
export function prospectCompanyKeys(
  company: string | null | undefined,
  companyUrl: string | null | undefined,
): string[] {
  const strong = companyUrlKeys(companyUrl);
  if (strong.length) return strong;
  const name = normaliseCompanyName(company);
  return name ? [`co:name:${name}`] : [];
}

/** Every key of a company page: its slug, its numeric id when the page shows it, its name. */
export function companyPageKeys(c: {
  slug?: string | null;
  numericId?: string | null;
  name?: string | null;
}): string[] {
  const keys: string[] = [];
  if (c.slug) keys.push(...companyUrlKeys(`/company/${c.slug}/`));
  if (c.numericId && /^\d{1,15}$/.test(c.numericId)) keys.push(`co:id:${c.numericId}`);
  const name = normaliseCompanyName(c.name);
  if (name) keys.push(`co:name:${name}`);
  return [...new Set(keys)];
}

/** LinkedIn's size bands (employees), smallest first. */
export const SIZE_BANDS: readonly [number, number, string][] = [
  [0, 1, '1'],
  [2, 10, '2-10'],
  [11, 50, '11-50'],
  [51, 200, '51-200'],
  [201, 500, '201-500'],
  [501, 1_000, '501-1,000'],
  [1_001, 5_000, '1,001-5,000'],
  [5_001, 10_000, '5,001-10,000'],
  [10_001, Infinity, '10,001+'],
];

/** A number as LinkedIn writes it: "1,001", "1.001", "1 001", "5K", "1,5K", "10K". */
function parseCount(raw: string): number | null {
  const m = /^(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})*|\d+)(?:[.,](\d))?\s*([kKmM])?$/.exec(raw.trim());
  if (!m) return null;
  let n = Number(m[1]!.replace(/[.,\u00a0\u202f ]/g, ''));
  if (m[3]) n = (n + (m[2] ? Number(m[2]) / 10 : 0)) * (/k/i.test(m[3]) ? 1_000 : 1_000_000);
  return Number.isFinite(n) ? n : null;
}

/**
 * The size band of a company as a page writes it, in every UI language LinkedIn ships:
 * "51-200 employees", "1,001-5,000 employees", "1K-5K employees" (top card), "10,001+ employees",
 * "51–200 Beschäftigte", "201-500 employés", "11-50 empleados", "2-10 funcionários". A figure of
 * employees on LinkedIn ("1,234 associated members") is not a band and gives null.
 */
export function normaliseSizeBand(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, ' ').trim();
  const range = /(\d[\d.,\u00a0\u202f ]*[kKmM]?)\s*[-–—]\s*(\d[\d.,\u00a0\u202f ]*[kKmM]?)/.exec(s);
  const plus = /(\d[\d.,\u00a0\u202f ]*[kKmM]?)\s*\+/.exec(s);
  let lo: number | null = null;
  let hi: number | null = null;
  if (range) {
    lo = parseCount(range[1]!);
    hi = parseCount(range[2]!);
  } else if (plus) {
    lo = parseCount(plus[1]!);
    hi = Infinity;
  } else return null;
  if (lo === null || hi === null || hi < lo) return null;
  // "1K-5K" means 1,001-5,000: the band whose upper bound is hi.
  for (const [a, b, label] of SIZE_BANDS) if (hi === b || (hi === Infinity && lo >= a && b === Infinity)) return label;
  for (const [a, b, label] of SIZE_BANDS) if (lo >= a && lo <= b) return label;
  return null;
}
