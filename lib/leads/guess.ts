// Lead lists, step 3: what each column is, guessed from its header and a sample of its values.
// Built on the header sets of real exports (test/fixtures/leads/, attributed in
// test/fixtures/ATTRIBUTION.md): Apollo ("Person Linkedin Url", "# Employees", "Company Name for
// Emails"), HubSpot ("Record ID", "Job Title", "Original Traffic Source", 300 properties),
// PhantomBuster's Sales Navigator export (camelCase; "profileUrl" is a Sales Navigator link while
// "linkedInProfileUrl" is the profile), LinkedIn's Connections.csv ("URL", "Position"), and sheets
// made by hand in English, French, German or Spanish. Values decide where headers cannot: a column
// of linkedin.com/in/ links is the profile whatever its name, one of /sales/ links is not.

export const LEAD_FIELDS = [
  'email',
  'linkedin',
  'name',
  'firstName',
  'lastName',
  'company',
  'title',
  'industry',
  'companySize',
  'location',
  'seniority',
  'website',
  'headline',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
export type ColumnRole = LeadField | 'trait' | 'ignore';

export const FIELD_LABELS: Record<LeadField, string> = {
  email: 'Email',
  linkedin: 'LinkedIn profile URL',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  title: 'Job title',
  industry: 'Industry',
  companySize: 'Company size',
  location: 'Location',
  seniority: 'Seniority',
  website: 'Company website',
  headline: 'Headline',
};

/** Fields several columns may hold: every email is the person's; location parts are joined. */
export const MULTI_FIELDS: ReadonlySet<ColumnRole> = new Set(['email', 'location']);

export interface ColumnMapping {
  role: ColumnRole;
  /** The trait's name when role is 'trait'. */
  trait: string;
  /** Why a column was guessed 'ignore' (shown next to it), or '' . */
  why: string;
}

/** The two trait names lead lists share across files, so one "Who replies" row covers every list. */
export const LEAD_SOURCE_TRAIT = 'lead source';
export const CAMPAIGN_TRAIT = 'campaign';

/** "linkedInProfileUrl" → "linked In Profile Url"; headers with spaces ("HubSpot Team") are left whole. */
const splitCamel = (h: string) => (/[\s_]/.test(h.trim()) ? h : h.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2'));

/** Lower case, no accents, camelCase split, "#" read as "number of", punctuation as spaces. */
export function normHeader(h: string): string {
  return splitCamel(h)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/#/g, ' number of ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\blinked in\b/g, 'linkedin')
    .replace(/\be mail\b/g, 'email')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A readable trait name from a header: "Lead Source" → "lead source", "connectionDegree" → "connection degree". */
export function traitName(h: string): string {
  const t = splitCamel(h)
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
  return (t || 'trait').slice(0, 100);
}

// Header synonyms per field, most specific first: when two columns claim a single field, the one
// whose header comes first here wins (HubSpot's "Company Name" over "Associated Company").
const SYNONYMS: Record<LeadField, string[]> = {
  email: [
    'email',
    'email address',
    'work email',
    'business email',
    'professional email',
    'corporate email',
    'primary email',
    'person email',
    'contact email',
    'verified email',
    'mail',
    'courriel',
    'adresse email',
    'adresse mail',
    'email adresse',
    'emailadresse',
    'correo',
    'correo electronico',
    'email 1',
    'secondary email',
    'tertiary email',
    'personal email',
    'other email',
    'email 2',
    'email 3',
    'member email',
  ],
  linkedin: [
    'linkedin profile url',
    'linkedin url',
    'person linkedin url',
    'linkedin profile',
    'linkedin',
    'linkedin link',
    'public profile url',
    'linkedin public url',
    'profile url',
    'default profile url',
    'profil linkedin',
    'lien linkedin',
    'linkedin profil',
    'perfil de linkedin',
    'url',
    'profile link',
    'profile',
  ],
  name: [
    'full name',
    'fullname',
    'name',
    'contact name',
    'lead name',
    'person name',
    'prospect name',
    'contact',
    'prospect',
    'display name',
    'formatted name',
    'nom complet',
    'vollstandiger name',
    'nombre completo',
  ],
  firstName: ['first name', 'firstname', 'given name', 'first', 'forename', 'prenom', 'vorname', 'nombre'],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'last',
    'nom de famille',
    'nom',
    'nachname',
    'apellido',
    'apellidos',
  ],
  company: [
    'company',
    'company name',
    'companyname',
    'organization',
    'organisation',
    'organization name',
    'organisation name',
    'account',
    'account name',
    'employer',
    'current company',
    'company 1',
    'entreprise',
    'societe',
    'nom de l entreprise',
    'firma',
    'unternehmen',
    'empresa',
    'associated company',
    'associated company primary',
  ],
  title: [
    'title',
    'job title',
    'jobtitle',
    'position',
    'current title',
    'current position',
    'job',
    'role',
    'job role',
    'position title',
    'designation',
    'occupation',
    'poste',
    'titre',
    'fonction',
    'intitule du poste',
    'berufsbezeichnung',
    'position im unternehmen',
    'cargo',
    'puesto',
  ],
  industry: [
    'industry',
    'company industry',
    'industry sector',
    'sector',
    'vertical',
    'secteur',
    'secteur d activite',
    'branche',
    'industrie',
    'sector industria',
  ],
  companySize: [
    'company size',
    'company headcount',
    'headcount',
    'employees',
    'number of employees',
    'employee count',
    'employee range',
    'employees range',
    'company size range',
    'size',
    'company employees',
    'taille',
    'taille de l entreprise',
    'effectif',
    'nombre d employes',
    'mitarbeiter',
    'anzahl mitarbeiter',
    'unternehmensgrosse',
    'tamano',
    'tamano de la empresa',
  ],
  location: [
    'location',
    'person location',
    'lead location',
    'city',
    'person city',
    'state',
    'person state',
    'region',
    'state region',
    'country',
    'person country',
    'country region',
    'geography',
    'ville',
    'region',
    'pays',
    'stadt',
    'ort',
    'land',
    'bundesland',
    'ciudad',
    'provincia',
    'pais',
  ],
  seniority: [
    'seniority',
    'seniority level',
    'employment seniority',
    'management level',
    'level',
    'seniorite',
    'niveau hierarchique',
  ],
  website: [
    'website',
    'company website',
    'website url',
    'domain',
    'company domain',
    'company domain name',
    'web',
    'site web',
    'site internet',
    'webseite',
    'sitio web',
  ],
  headline: ['headline', 'linkedin headline', 'profile headline'],
};
const SYNONYM_RANK = new Map<string, { field: LeadField; rank: number }>();
for (const f of LEAD_FIELDS)
  SYNONYMS[f].forEach((s, rank) => SYNONYM_RANK.has(s) || SYNONYM_RANK.set(s, { field: f, rank }));

const LEAD_SOURCE_HEADERS = new Set([
  'lead source',
  'source',
  'leadsource',
  'lead source detail',
  'original source',
  'original traffic source',
  'utm source',
  'source du lead',
  'origine',
  'origine du lead',
  'quelle',
  'lead quelle',
  'fuente',
  'origen',
]);
const CAMPAIGN_HEADERS = new Set(['campaign', 'campaign name', 'utm campaign', 'campagne', 'kampagne', 'campana']);

// Columns that are about something else than the person's traits, by header. Each entry says why.
const NOISE: [RegExp, string][] = [
  [
    /\bemail (status|confidence|source|sent|open|opened|bounced?|domain|type|verification|catch all|last verified|confirmed|hard bounce|address quarantine|address automated)|\b(quarantin\w*|opted out|unsubscribed|invalid email)\b/,
    'about the email address, not the person',
  ],
  [/\bfor emails\b/, 'a variant of the company name'],
  [/\b(phone|mobile|fax|tel|telephone|whatsapp)\b/, 'phone numbers'],
  [/\b(id|ids|vmid|uuid|guid)\b/, 'record ids'],
  [
    /\b(date|dates|timestamp|time|created|modified|updated|birth|since|connected on|raised at|duration|last|first|recent|latest|next)\b/,
    'dates and activity history',
  ],
  [/\bowner\b/, 'a colleague, not the lead'],
  [/\b(gender|marital|military|religion|relationship|salutation)\b/, 'personal data not needed for outreach'],
  [/\b(url|urls|link|links|image|photo|picture|avatar|twitter|facebook|instagram|github|youtube|click)\b/, 'links'],
  [/\b(address|street|zip|postal|postcode)\b/, 'a postal address'],
  [
    /^company (city|state|country|location|phone|region|linkedin)|^ip\b|\btime zone\b|\btimezone\b/,
    "the company's place, not the lead's",
  ],
  [
    /\b(revenue|funding|amount|score|count|counts|number of|total|average|pageviews|sessions)\b/,
    'numbers about activity or money',
  ],
  [/\b(summary|description|about|bio|notes?|message|keywords|technologies|skills|specialties|seo)\b/, 'long text'],
  [/\b(query|search)\b/, 'the search that found the lead'],
  [
    /\b(is premium|is open link|open link|premium|enrich\w*|bounced|replied|demoed|sent|opened|clicked|delivered)\b/,
    'flags of another tool',
  ],
  [/\b(past|previous)\b/, 'a past job'],
  [
    /\bemail\b.*\bstatus\b|\b(code|codes|days|sequence|workflow|drill down|detail \d|legal basis|chat|registered|registration|accessed|confirmation)\b/,
    "another tool's bookkeeping",
  ],
  [
    /^associated\b|^billing contact\b|^contact signer\b|^lead with primary\b|^links to\b/,
    "another tool's record links",
  ],
];

const RE_EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const RE_URL = /^(https?:\/\/|www\.)\S+$/i;
const RE_LI_PROFILE = /linkedin\.com\/in\//i;
const RE_LI_SALES = /linkedin\.com\/sales\//i;
const RE_LI_COMPANY = /linkedin\.com\/(company|school|showcase)\//i;
const RE_PHONE = /^['+(]?[+\d][\d\s().\-/]{6,}$/;
const RE_DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}.*)?$|^\d{1,2} \p{L}{3,9}\.? \d{4}$/u;
const RE_ID = /^(\d{6,}|[0-9a-f]{16,}|[0-9a-f-]{32,36})$/i;

export interface ColumnSample {
  /** Non-empty values (trimmed), a sample. */
  values: string[];
  /** Rows the sample was taken from. */
  rows: number;
}

/** Up to `max` non-empty values of each column. */
export function sampleColumns(rows: readonly (readonly string[])[], width: number, max = 200): ColumnSample[] {
  const out: ColumnSample[] = Array.from({ length: width }, () => ({ values: [], rows: 0 }));
  const n = Math.min(rows.length, 2_000);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < width; c++) {
      const s = out[c];
      s.rows++;
      const v = (rows[i][c] ?? '').trim();
      if (v && s.values.length < max) s.values.push(v);
    }
  }
  return out;
}

const share = (values: readonly string[], re: RegExp) =>
  values.length ? values.filter((v) => re.test(v)).length / values.length : 0;

/** What the values say a column is, or null when they say nothing. */
function fromValues(s: ColumnSample): { role: ColumnRole; why: string; linkedinSlugShare?: number } | null {
  const v = s.values;
  if (s.rows > 0 && v.length === 0) return { role: 'ignore', why: 'empty in this file' };
  if (!v.length) return null;
  if (share(v, RE_LI_PROFILE) >= 0.5) {
    // Sales Navigator exports link /in/ACwAA… (a hashed id) where the public slug is unknown.
    const slugs = v.filter((x) => RE_LI_PROFILE.test(x) && !/\/in\/AC[wo]AA/i.test(x)).length / v.length;
    return { role: 'linkedin', why: '', linkedinSlugShare: slugs };
  }
  if (share(v, RE_LI_SALES) >= 0.5)
    return { role: 'ignore', why: 'Sales Navigator links (the LinkedIn profile URL column identifies people)' };
  if (share(v, RE_LI_COMPANY) >= 0.5) return { role: 'ignore', why: "the company's LinkedIn page" };
  if (share(v, RE_EMAIL) >= 0.6) return { role: 'email', why: '' };
  return null;
}

/** Noise that only values reveal, for columns the header did not place. */
function noiseFromValues(s: ColumnSample): string | null {
  const v = s.values;
  if (!v.length) return null;
  if (share(v, RE_URL) >= 0.6) return 'links';
  if (share(v, RE_DATE) >= 0.6) return 'dates';
  if (share(v, RE_PHONE) >= 0.6) return 'phone numbers';
  if (share(v, RE_ID) >= 0.6) return 'record ids';
  if (v.reduce((n, x) => n + x.length, 0) / v.length > 60) return 'long text';
  if (v.length >= 20 && new Set(v.map((x) => x.toLowerCase())).size >= v.length * 0.9)
    return 'a different value on almost every row, so nothing to group by';
  return null;
}

export type LeadTool = 'Apollo' | 'HubSpot' | 'Sales Navigator' | 'LinkedIn connections';

/** The tool a file came from, by the headers only it writes (null for a sheet made by hand). */
export function detectTool(headers: readonly string[], samples: readonly ColumnSample[] = []): LeadTool | null {
  const h = new Set(headers.map(normHeader));
  if (h.has('apollo contact id') || h.has('company name for emails') || h.has('person linkedin url')) return 'Apollo';
  if (
    h.has('vmid') ||
    h.has('regular company url') ||
    h.has('sales navigator url') ||
    h.has('sales navigator profile url') ||
    samples.some((s) => share(s.values, RE_LI_SALES) >= 0.5)
  )
    return 'Sales Navigator';
  if (
    h.has('record id') &&
    (h.has('contact owner') || h.has('lifecycle stage') || h.has('lead status') || h.has('marketing contact status'))
  )
    return 'HubSpot';
  if (h.has('connected on') && (h.has('url') || h.has('position'))) return 'LinkedIn connections';
  return null;
}

/**
 * One mapping per column. Single fields go to the best candidate (header rank, then for LinkedIn
 * the share of public /in/<slug> links); the other candidates are ignored with the reason. The
 * first lead-source-like column becomes the trait "lead source", the first campaign-like one
 * "campaign"; any other column is a custom trait named after its header unless its header or
 * values show it is noise (phones, ids, dates, links, long text).
 */
export function guessMapping(headers: readonly string[], samples: readonly ColumnSample[] = []): ColumnMapping[] {
  const out: ColumnMapping[] = headers.map((h) => ({ role: 'trait', trait: traitName(h), why: '' }));
  const candidates = new Map<LeadField, { col: number; score: number }[]>();
  const claim = (field: LeadField, col: number, score: number) =>
    (candidates.get(field) ?? candidates.set(field, []).get(field)!).push({ col, score });
  let leadSource = false;
  let campaign = false;
  headers.forEach((raw, col) => {
    const h = normHeader(raw);
    const s = samples[col];
    const byValue = s ? fromValues(s) : null;
    const syn = SYNONYM_RANK.get(h);
    if (byValue?.role === 'ignore' && byValue.why !== 'empty in this file') {
      out[col] = { role: 'ignore', trait: traitName(raw), why: byValue.why };
      return;
    }
    if (byValue?.role === 'linkedin') {
      // Header rank breaks ties between profile columns; public slugs beat hashed ids.
      const rank = syn?.field === 'linkedin' ? syn.rank : SYNONYMS.linkedin.length;
      claim('linkedin', col, (byValue.linkedinSlugShare ?? 0) * 1000 - rank);
      return;
    }
    if (syn) {
      if (byValue?.role === 'ignore') {
        out[col] = { role: 'ignore', trait: traitName(raw), why: byValue.why };
        return;
      }
      // A "URL" or "Profile" column that holds no LinkedIn profile links is not the profile column.
      if (syn.field === 'linkedin' && s && s.values.length) {
        out[col] = { role: 'ignore', trait: traitName(raw), why: 'no LinkedIn profile links in it' };
        return;
      }
      if (byValue?.role === 'email' && syn.field !== 'email') claim('email', col, -SYNONYMS.email.length);
      else claim(syn.field, col, -syn.rank);
      return;
    }
    if (byValue?.role === 'email') {
      claim('email', col, -SYNONYMS.email.length);
      return;
    }
    if (!leadSource && LEAD_SOURCE_HEADERS.has(h)) {
      leadSource = true;
      out[col] = { role: 'trait', trait: LEAD_SOURCE_TRAIT, why: '' };
      return;
    }
    if (!campaign && CAMPAIGN_HEADERS.has(h)) {
      campaign = true;
      out[col] = { role: 'trait', trait: CAMPAIGN_TRAIT, why: '' };
      return;
    }
    const noise = NOISE.find(([re]) => re.test(h));
    if (noise) {
      out[col] = { role: 'ignore', trait: traitName(raw), why: noise[1] };
      return;
    }
    if (byValue?.role === 'ignore') {
      out[col] = { role: 'ignore', trait: traitName(raw), why: byValue.why };
      return;
    }
    const valueNoise = s ? noiseFromValues(s) : null;
    if (valueNoise) out[col] = { role: 'ignore', trait: traitName(raw), why: valueNoise };
  });
  for (const [field, list] of candidates) {
    list.sort((a, b) => b.score - a.score || a.col - b.col);
    if (MULTI_FIELDS.has(field)) {
      // Every candidate keeps the field, in the order of the file (primary email first by rank).
      for (const c of list) out[c.col] = { role: field, trait: traitName(headers[c.col]), why: '' };
      continue;
    }
    const [best, ...rest] = list;
    out[best.col] = { role: field, trait: traitName(headers[best.col]), why: '' };
    for (const c of rest)
      out[c.col] = {
        role: 'ignore',
        trait: traitName(headers[c.col]),
        why: `"${headers[best.col]}" is used for ${FIELD_LABELS[field].toLowerCase()}`,
      };
  }
  return out;
}

/** The columns of each role, email columns ordered best first (the primary address leads). */
export function columnsOf(mapping: readonly ColumnMapping[], headers: readonly string[]): Map<ColumnRole, number[]> {
  const m = new Map<ColumnRole, number[]>();
  mapping.forEach((c, i) => (m.get(c.role) ?? m.set(c.role, []).get(c.role)!).push(i));
  const emails = m.get('email');
  if (emails) {
    const rank = (i: number) => SYNONYM_RANK.get(normHeader(headers[i]))?.rank ?? SYNONYMS.email.length;
    emails.sort((a, b) => rank(a) - rank(b) || a - b);
  }
  return m;
}

/** Why a mapping cannot identify anyone, or null when it can. */
export function missingIdentifier(mapping: readonly ColumnMapping[]): string | null {
  const roles = new Set(mapping.map((c) => c.role));
  if (roles.has('email') || roles.has('linkedin')) return null;
  if ((roles.has('name') || roles.has('firstName') || roles.has('lastName')) && roles.has('company')) return null;
  return 'No column identifies people: a lead list needs an email column, a LinkedIn profile URL column, or a name and a company column. Set one below if the file has it under another name.';
}
