// Seniority derived from a job title (LinkedIn headline/position or an email signature).
// English, German, French and Spanish, including gendered forms (Leiterin, Directrice, Directora).
//
// How it decides:
// 1. Normalise: lower case, drop the company part ("… at Acme", "… bei Siemens", "… chez Orange",
//    "… en Umbrella"), and drop "assistant to the CEO"-style tails that name someone else's role.
// 2. A headline with several parts ("Founder | Speaker | Investor") is judged part by part and
//    the most senior part wins.
// 3. Within one part, rules are tried in order; the first match wins. The order encodes the
//    precedence that real titles need: "Senior Vice President" is VP (not senior), "Senior
//    Manager" is manager, "Vice President" is not "President", "Product Owner" is not an owner,
//    "Teamleiter" is a manager while "Vertriebsleiter" is a director, "Managing Director" and
//    "Director General" are C-level while "Director of Sales" is a director.
// 4. A title that matches nothing is an individual contributor.
//
// In lib/records (pure rules below the database): a derived field of the prospect record, set by
// ingestion, lead lists and imports, and re-derived when two records merge (prospect-merge.ts),
// which the schema v3 upgrade does too.
import type { Seniority } from '../schema/model';

// Letters of any script: \b in JS regexes only knows ASCII, which breaks on "Gründer" or "Présidente".
const L = '\\p{L}\\p{N}';
const w = (alts: string) => new RegExp(`(?<![${L}])(?:${alts})(?![${L}])`, 'iu');

/** Phrases that contain a senior-sounding word but are not that role. Removed before matching. */
const NOT_ROLES = [
  /(?:product|process|service|data|platform|content|system|application|business process)[\s-]+owner(?:in)?/giu,
  /chief of staff/giu, // a senior role, but not C-level: handled as director below
  /(?:hr |human resources |people |finance |it )?business partner/giu,
  /partner(?:ships?)?[\s-]+(?:account|manager|marketing|success|sales|development|programs?|alliances?|channel|management|engineer)/giu,
  /(?:channel|strategic|technology|alliance)[\s-]+partner(?:ships?)?/giu,
  /internal|international|internet/giu, // not "intern"
  /headquarters|headhunter|head[\s-]?hunter/giu,
  /lead[\s-]+gen(?:eration)?/giu, // a marketing activity, not a lead role
];

const RANK: Seniority[] = ['founder', 'c-level', 'vp', 'director', 'manager', 'senior', 'individual', 'intern'];

const RULES: [Seniority, RegExp][] = [
  // Interns, students, apprentices (first: "Marketing Intern" must not become "manager" via "marketing manager"-like words).
  [
    'intern',
    w(
      'intern|interns|internship|summer analyst|working student|werkstudent(?:in)?|student(?:in)?|students|praktikant(?:in)?|praktikum|auszubildende[rn]?|azubi|trainee|apprenti(?:e)?|apprentice|alternant(?:e)?|alternance|stagiaire|[ée]tudiant(?:e)?|becari[oa]|practicante|en pr[áa]cticas|pr[áa]cticas|estudiante|aprendiz|doktorand(?:in)?|phd candidate|phd student|graduate student|master student|bachelor student',
    ),
  ],
  // Founders and owners.
  [
    'founder',
    w(
      'co-?founder|co-?founders|founder|founders|founding partner|founding ceo|mitgr[üu]nder(?:in)?|co-?gr[üu]nder(?:in)?|gr[üu]nder(?:in)?|(?:co)?fondat(?:eur|rice)|(?:co)?fundador(?:a)?|socio fundador|socia fundadora|owner|co-?owner|inhaber(?:in)?|firmeninhaber(?:in)?|propri[ée]taire|due[ñn][oa]|propietari[oa]|entrepreneur|unternehmer(?:in)?|emprendedor(?:a)?',
    ),
  ],
  // Vice presidents before presidents.
  [
    'vp',
    w(
      'vp|svp|evp|avp|rvp|gvp|vice[\\s-]?president(?:in|e)?|vize[\\s-]?pr[äa]sident(?:in)?|vice[\\s-]?pr[ée]sident(?:e)?|vicepresident[ea]|vice[\\s-]?presidente',
    ),
  ],
  // C-level: chief … officer, the C-suite acronyms, presidents, managing directors, boards.
  [
    'c-level',
    w(
      'ceo|cto|cfo|coo|cmo|cro|cio|ciso|cpo|cdo|cco|chro|cso|cao|cbo|cxo|cio|cino|cis?o|chief[\\s\\p{L}&,/-]*officer|chief executive|president(?:in)?|pr[äa]sident(?:in)?|pr[ée]sident(?:e)?|presidente|presidenta|chair(?:man|woman|person)?|chair of the board|board member|member of the board|vorstand(?:s|svorsitzende[rn]?)?|vorstandsmitglied|aufsichtsrat(?:smitglied)?|gesch[äa]ftsf[üu]hrer(?:in)?|gesch[äa]ftsf[üu]hrende[rn]?|gesch[äa]ftsleitung|managing director|managing partner|general partner|senior partner|equity partner|executive director|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|pdg|dg|g[ée]rant(?:e)?|director(?:a)? general|director(?:a)? ejecutiv[oa]|consejer[oa] delegad[oa]|gerente general|country manager',
    ),
  ],
  // "Partner" as the role itself ("Partner", "Partner at McKinsey", "Partner, Bain").
  ['c-level', /^(?:\s*)partner(?:in)?(?:\s*$|\s*[,(@–-])/iu],
  // Directors and heads. German "…leiter" compounds are directors, except the team-level ones (below).
  [
    'director',
    w(
      'director(?:a|es)?|directors|direktor(?:in)?|directeur|directrice|head|heads|head of|chief|chief of staff|leiter(?:in)?|leitung|bereichsleiter(?:in)?|abteilungsleiter(?:in)?|hauptabteilungsleiter(?:in)?|bereichsleitung|prokurist(?:in)?|general manager|gm|sr\\.? director|senior director|associate director|group director|partner|jefe de departamento|jefa de departamento|directeur adjoint|directrice adjointe',
    ),
  ],
  // Managers, team leads, supervisors.
  [
    'manager',
    w(
      "manager(?:in)?|managers|mgr|team ?lead(?:er)?|tech(?:nical)? lead manager|group lead|lead of|supervisor|superviseur|supervisor(?:a)?|teamleiter(?:in)?|gruppenleiter(?:in)?|projektleiter(?:in)?|filialleiter(?:in)?|schichtleiter(?:in)?|teamleitung|gerente|jef[ea]|encargad[oa]|responsable|chef de projet|cheffe de projet|chef d['’]?[ée]quipe|chef de service|chef|productowner",
    ),
  ],
  // Senior individual contributors.
  [
    'senior',
    w(
      'senior|sr\\.?|s[ée]nior|principal|staff (?:engineer|software|data|scientist|designer|product|developer|architect|researcher|ml|machine)|lead|leitende[rn]?|confirm[ée](?:e)?|experte?|expert(?:e|o|a)?|distinguished|fellow|architect|architekt(?:in)?|architecte|arquitect[oa]',
    ),
  ],
];

function compact(title: string): string {
  let s = title.normalize('NFC').toLowerCase();
  // Company part: everything after " at ", " @ ", " bei ", " chez ", " en ", " à ", " presso ".
  s = s.replace(/\s+(?:at|@|bei|chez|en|à|presso|na|no)\s+.*$/u, '').replace(/@.*$/u, '');
  // "Executive Assistant to the CEO", "Assistentin der Geschäftsführung": the senior word is someone else's.
  s = s.replace(
    /(assistant|assistent(?:in)?|asistente|assistante|assistente|secretary|sekret[äa]r(?:in)?|secr[ée]taire|secretari[oa]|\bea\b|\bpa\b)\s+(?:to|of|for|der|des|du|de la|de|del|au|à|für)\b.*$/u,
    '$1',
  );
  for (const re of NOT_ROLES) {
    s = s.replace(re, (m) =>
      /owner/u.test(m) ? ' productowner ' : /chief of staff/u.test(m) ? ' chief of staff ' : ' ',
    );
  }
  return s.replace(/\s+/g, ' ').trim();
}

function classifyPart(part: string): Seniority | null {
  const s = part.trim();
  if (!s) return null;
  // "Chief of Staff" is senior but not C-level.
  if (/chief of staff/u.test(s) && !/(?<![\p{L}])(ceo|cto|cfo|coo)(?![\p{L}])/u.test(s)) return 'director';
  // A "…leiter(in)" compound (Vertriebsleiter, Marketingleiterin) is a head of department, unless team level.
  const leiter = /(\p{L}*)leiter(?:in)?(?![\p{L}])/u.exec(s);
  if (leiter && leiter[1]) {
    if (/(team|gruppen|projekt|filial|schicht|bau|kurs|übungs|uebungs)$/u.test(leiter[1])) return 'manager';
    return 'director';
  }
  for (const [level, re] of RULES) if (re.test(s)) return level;
  return 'individual';
}

export function deriveSeniority(title: string | null | undefined): Seniority | null {
  if (!title || !title.trim()) return null;
  const parts = title
    .split(/\s[|•·]\s|\s\/\s|\s-\s|\s–\s|\s—\s|;/u)
    .map(compact)
    .filter(Boolean);
  let best: Seniority | null = null;
  for (const p of parts.length ? parts : [compact(title)]) {
    const level = classifyPart(p);
    if (level && (best === null || RANK.indexOf(level) < RANK.indexOf(best))) best = level;
  }
  // A student who also holds a real role ("Student | Software Engineer") is judged by the role.
  return best ?? 'individual';
}

/** Labels other tools write for the levels (lower case, spaces and underscores as hyphens). */
const LEVEL_WORDS: Record<string, Seniority> = {
  'c-suite': 'c-level',
  clevel: 'c-level',
  cxo: 'c-level',
  executive: 'c-level',
  exec: 'c-level',
  owner: 'founder',
  'co-founder': 'founder',
  cofounder: 'founder',
  'vice-president': 'vp',
  svp: 'vp',
  evp: 'vp',
  head: 'director',
  'head-of': 'director',
  mgr: 'manager',
  'team-lead': 'manager',
  lead: 'senior',
  sr: 'senior',
  principal: 'senior',
  staff: 'senior',
  ic: 'individual',
  'individual-contributor': 'individual',
  entry: 'individual',
  'entry-level': 'individual',
  junior: 'individual',
  jr: 'individual',
  associate: 'individual',
  'mid-level': 'individual',
  mid: 'individual',
  student: 'intern',
  trainee: 'intern',
  training: 'intern',
  internship: 'intern',
  unpaid: 'intern',
};
const LEVELS = new Set<string>(RANK);
const NO_LEVEL = new Set(['', '-', 'n/a', 'na', 'none', 'null', 'unknown', 'other', 'not-applicable']);

/**
 * A seniority written by someone else (an imported file, another tool): one of ours in any case
 * ("VP", "C-Level"), a common label ("Individual Contributor", "Head of"), or failing those, read
 * like a title ("Vice President, Sales"). "Unknown" and blanks are no seniority.
 */
export function readSeniority(raw: unknown): Seniority | null {
  if (typeof raw !== 'string') return null;
  const k = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (NO_LEVEL.has(k)) return null;
  if (LEVELS.has(k)) return k as Seniority;
  return LEVEL_WORDS[k] ?? LEVEL_WORDS[k.replace(/-level$/, '')] ?? deriveSeniority(raw);
}
