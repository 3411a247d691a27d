// What a human reply to outreach means: interested, not interested (or unsubscribe), wrong person
// / referral (naming the colleague's address when the text gives one), not now / later, or other.
// Rule-based, in English, German, French and Spanish (well) and Portuguese, Dutch, Italian, Polish
// (best effort), read on the reply's own text: quoted history and signature are removed first.
//
// Pure and bounded (the stripper reads at most 20 000 characters; the rules read the first
// OWN_LIMIT of the reply's own text). Scored on test/fixtures/replies/intents.json in
// test/unit/replies/intent.test.ts.
import type { ReplyIntent } from '../schema/model';
import { fold } from '../text';
import { stripQuote } from './strip-quote';

export type { ReplyIntent };

export interface IntentInput {
  text: string | null | undefined;
  /** The replier's own address: never the referral. */
  fromEmail?: string | null;
  /** The user's own addresses (and others to ignore): never the referral. */
  ignoreAddresses?: readonly string[];
}

export interface IntentResult {
  intent: ReplyIntent;
  /** Which rule decided, e.g. "unsubscribe", "later", "interested:meeting". */
  rule: string;
  /** For a referral: the colleague's address, when the reply gives one. */
  referral: string | null;
}

const OWN_LIMIT = 3_000;
const re = (parts: readonly string[]) => new RegExp(fold(parts.join('|')), 'i');

// Opting out: decides whatever else the reply says.
const UNSUBSCRIBE = re([
  '\\bunsubscribe',
  '\\bremove (me|my (e-?mail|address|name))',
  '\\btake me off',
  '\\b(stop|quit) (e-?mailing|emailing|contacting|writing|sending)',
  "\\b(do not|don't|dont|pls don'?t|please don'?t|never) (contact|e-?mail|email|write|message|follow up|reach out)",
  '\\bopt(ed)? out',
  'off (your|the) (mailing )?list',
  'abmelden',
  '\\babmeldung',
  '(aus|von) (ihrem|ihrer|dem|der) (verteiler|liste|mailingliste)',
  'streichen sie (mich|meine)',
  'keine (weiteren )?(e-?mails|mails|nachrichten)',
  'hören sie (bitte )?auf',
  'nicht mehr (kontaktieren|anschreiben|schreiben)',
  'désinscri',
  'd[ée]sabonne',
  'retirer de (votre|vos) liste',
  '(ne plus|plus) (me )?(contacter|recevoir|écrire)',
  'darme de baja',
  '\\bdar(me)? de baja',
  '\\bbaja\\b',
  'elimin(a|e|ar)(me)? de (tu|su|vuestra) lista',
  'no (vuelvas|vuelva) a (escribirme|contactarme)',
  'no quiero recibir',
  '(remova|remover|tirar)(-me)? da (sua )?lista',
  'me (remova|remove|tire)',
  'descadastr',
  'haal (mij|me) .{0,20}(van|uit) (uw|je|de) lijst',
  'afmelden',
  'cancellatemi|cancellami|cancellarmi',
  'rimuovermi|rimuovetemi',
  'usunąć mnie|usuńcie mnie|wypisać|wypisz mnie',
  'отписать|отписк',
]);

// Forwarding to, or naming, someone else.
const REFERRAL = re([
  "\\b(i'?m|i am) not the (right|best|correct|appropriate) (person|contact)",
  '\\bwrong (person|contact|department|dept|team|guy|gal)',
  'not (my|the right) (area|department|dept|role|call|decision)',
  "\\b(i'?m|i am) not the decision[- ]maker",
  "\\bi don'?t (make|handle|own) (these|this|that)",
  "\\bi (no longer|don't) (handle|manage|work on|own) (this|that)",
  "\\bi don'?t handle (this|that) anymore",
  '\\b(please )?(contact|reach out to|talk to|speak (with|to)|email|e-mail|write to|try) (my colleague|our|the|\\S+@)',
  '\\bbest (person|contact|to talk to) (is|would be)',
  "\\byou('ll| will|'d| would)? (want|need|should|might want) to (talk|speak|reach out|contact|get in touch)",
  '\\b(this|that) would be (for|handled by) (our|the|my)',
  "\\b(i('ve| have)?|i'll) (forwarded|forward|passed|pass|sent|shared) (this|it|your (e-?mail|note|message))",
  '\\bdirect (this|it|your (request|inquiry)) to',
  '\\bi left (that|this|the) (role|position|company|job)',
  '\\bthe (current|new) .{0,30}(is|lead is|owner is)',
  // German
  'falsche(r|n)? (ansprechpartner|ansprechpartnerin|person|abteilung)',
  'nicht (der|die) (richtige|zuständige)',
  '(dafür|hierfür) (bin ich )?nicht zuständig',
  'nicht zuständig',
  'zuständig (ist|sind|wäre)',
  'wenden sie sich (bitte )?an',
  'kontaktieren sie (bitte )?(meinen|meine|unseren|unsere|herrn|frau)',
  '(habe|hab) (ihre|die) (mail|e-?mail|nachricht|anfrage) .{0,40}weitergeleitet',
  'weitergeleitet',
  'ansprechpartner(in)? ist',
  'das (entscheidet|macht|machen) bei uns',
  'nicht mehr in (dieser|der) (rolle|position|funktion)',
  'versuchen sie es (bei|mit)',
  // French
  'pas la bonne personne',
  'mauvais(e)? (interlocut|personne|contact)',
  '(contactez|voyez|adressez-vous|écrivez|ecrivez)( plutôt| plutot)? (à|a|avec|mon|ma|notre|nos)',
  "ce n'est pas (mon|de mon) (périmètre|ressort|domaine)",
  "c'est (notre|mon|ma) .{0,40}qui (gère|s'occupe|decide|décide)",
  'je (lui|vous) (transf[eè]re|transmets)',
  'je transmets',
  'merci de vous adresser',
  "je ne (m'occupe|gère) plus",
  'a repris le poste',
  // Spanish
  'no soy la persona (indicada|adecuada|correcta)',
  'persona equivocada',
  'te equivocaste de persona',
  '(escribe|escriba|contacta|contacte|habla|hable) (a|con) ',
  '(se lo|te lo|lo) (reenv[ií]o|paso)',
  'le paso (tu|su) (correo|mensaje|email)',
  'no es mi (área|area|departamento)',
  'ya no estoy en (ese|este) puesto',
  'ahora lo lleva',
  'esto lo (lleva|decide|gestiona)',
  'eso lo decide',
  // Portuguese, Dutch, Italian, Polish
  'não sou a pessoa certa',
  'fale com',
  'vou encaminhar',
  'niet de juiste persoon',
  'neem contact op met',
  'non sono la persona giusta',
  'giro la (mail|e-?mail)',
  'scriva a|scrivi a',
  'nie jestem właściwą osobą',
  'proszę pisać do',
]);

// Handing the thread to someone: a referral, unless it is to book the meeting ("cc'ing my EA to
// find a slot").
const HANDOFF = re(["\\b(cc'?ing|cc-?ing|looping in|adding|copying) ", '\\bcc:? @?\\w']);
const SCHEDULING = re([
  '\\b(find|set up|book|schedule|grab) (a |some )?(time|slot|meeting|call)',
  '\\b(my|our) (ea|assistant|pa)\\b',
  '\\bcalendar\\b',
  'termin (vereinbaren|finden|abstimmen)',
  'prendre (un )?rdv|fixer (un )?(rdv|créneau)',
  'agendar|agendemos|cuadrar (una )?(fecha|hora)',
]);

// Not now: a time to come back.
const LATER = re([
  '\\bnot (right )?now\\b',
  '\\bnot at the moment',
  '\\bnot at this (time|point)',
  '\\b(maybe|perhaps|possibly) (later|next|in|after|in the|2\\d{3})',
  '\\b(check|circle|reach|ping|come|touch) (back|base)',
  '\\b(ping|contact|email|try|ask) me (again|back|later|in|after)',
  '\\breach (back )?out (again )?(in|after|next|later)',
  '\\bfollow up (then|in|after|next|later)',
  '\\bget back to me (in|after|next)',
  '\\bget in touch (in|after|next)',
  '\\brevisit',
  '\\b(next|following) (quarter|month|year|fall|spring|summer|winter|fiscal|budget)',
  '\\bafter (the )?(new year|summer|holidays|our|q\\d|the \\d+(st|nd|rd|th))',
  '\\bin (the )?(q[1-4]|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december|a (few|couple( of)?) (weeks|months)|\\d+ (weeks|months)|six months|two months|a year)',
  "\\b(timing|time) (is not|isn't|is)( not)? (great|good|right|ideal)",
  "\\b(budget|budget's|budget is) (is )?(frozen|locked|closed|spent)",
  '\\buntil (january|february|march|april|may|june|july|august|september|october|november|december|q\\d|next)',
  '\\btoo (busy|early|soon)',
  '\\bswamped',
  '\\bmaybe (20\\d\\d|next)',
  // German
  '(aktuell|derzeit|momentan|im moment|gerade) (nicht|kein|keine)',
  '(melden|kontaktieren) sie (sich|mich) (gerne |bitte )?(im|in|nach|nochmal|wieder|später)',
  'im (januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|herbst|frühjahr|sommer|winter|neuen jahr)',
  'nächste(s|n)? (jahr|quartal|monat)',
  'in (\\d+|ein paar|einigen|zwei|drei) (monaten|wochen)',
  'nach (den sommerferien|dem sommer|der sommerpause|ostern|weihnachten)',
  'ab q\\d|erst ab',
  '\\bspäter\\b',
  'vielleicht nächstes',
  'zeitlich nicht',
  // French
  'pas (pour le moment|maintenant|tout de suite|en ce moment)',
  '(recontactez|relancez|recontacter|relancer|réessayez|reessayez)',
  "l'année prochaine|l'an prochain",
  'plus tard',
  "après l'été|apres l'ete|à la rentrée",
  'en (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)',
  'au (t[1-4]|q[1-4]|prochain trimestre)',
  'dans (\\d+|quelques) (mois|semaines)',
  'à revoir',
  'revenez vers moi',
  'trop tôt',
  'on en reparle',
  // Spanish
  'ahora (mismo )?no',
  'en este momento no',
  'el año que viene|el próximo año',
  'más adelante',
  '(vuelve|vuelva) a (escribirme|contactarme|intentarlo)',
  '(escríbeme|escribeme|contáctame|contactame) (en|después|despues|dentro)',
  'dentro de (\\d+|unos|un par de) (meses|semanas)',
  'después del verano|despues del verano',
  'inténtalo en|intentalo en',
  'retomamos',
  'no es (un )?buen momento',
  'hasta (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)',
  'en el q[1-4]',
  // Portuguese, Dutch, Italian, Polish
  'agora não',
  'me procure',
  'ano que vem',
  'não é um bom momento',
  'nu even niet',
  'volgend jaar',
  'na de zomer',
  'adesso no',
  'mi ricontatti',
  "l'anno prossimo",
  'non è il momento',
  'teraz nie',
  'w przyszłym roku',
  'po wakacjach',
  'może później',
]);

// Context that usually comes with a no ("we already use X", "no budget"), but not when the same
// reply asks for a demo or a call.
const NOT_INTERESTED_CONTEXT = re([
  '\\b(already|currently) (use|have|using|work with)',
  "\\b(no|don't have (a|any)?) (need|budget)",
  '\\bno need',
  '\\bbuilt (this|it) in[- ]house',
  "\\bwe don'?t (need|outsource|use)",
  'zufrieden mit (unserem|unserer|dem|der)',
  'intern gelöst',
  'déjà un prestataire',
  'deja un prestataire',
  'ya tenemos (proveedor|un proveedor)',
  'já temos fornecedor',
]);
// Asking to go on: outweighs the context above.
const INTERESTED_STRONG = re([
  '\\b(demo|trial|pricing|proposal|quote)\\b',
  "\\blet'?s (talk|chat|set|schedule|connect|meet|book)",
  '\\b(send|share) (me|us|over)\\b',
  '\\b(call|meeting)\\b.{0,30}\\b(next week|tomorrow|monday|tuesday|wednesday|thursday|friday)',
  'termin|démo|demo|reunión|llamada',
]);

// Declining.
const NOT_INTERESTED = re([
  '\\bnot interested',
  '\\bno interest',
  '\\bnot (a )?(fit|priority|relevant|for us|something we need)',
  "\\b(isn't|is not|aren't|not) relevant",
  '\\bno,? thank(s| you)',
  'thanks,? but no',
  '\\bno thanks',
  '\\bpass\\.?$',
  '\\b(all set|happy) with (our|the) (current|existing)',
  "\\bwe('re| are) (all )?set\\b",
  "\\bwon'?t be needing",
  '\\bnot looking',
  '\\bso no\\b',
  '^\\s*no\\.?\\s*$',
  // German
  'kein interesse',
  'nicht interessiert',
  'kein bedarf',
  'nicht (relevant|interessant)',
  'nein,? danke',
  // French
  'pas intéressé',
  'pas interesse',
  "ne (nous|m')intéresse pas",
  'ne nous interesse pas',
  'non merci',
  'pas pour nous',
  'aucun besoin',
  'pas besoin',
  'pas de besoin',
  // Spanish
  'no (me|nos) interesa',
  'no gracias',
  'no tenemos (necesidad|interés)',
  'no es para nosotros',
  // Portuguese, Dutch, Italian, Polish
  'não (tenho|temos) interesse',
  'geen interesse',
  'non (mi|ci) interessa',
  'nie (jestem|jesteśmy) zainteresowan',
  'не интересно',
]);

// Wanting to go on: a meeting, information, a price, a trial.
const INTERESTED = re([
  "(?<!not |n't |nicht )\\b(yes|yep|yeah|sure|absolutely|definitely)\\b",
  '^\\s*(ok|okay)\\b.{0,40}\\b(works|let|for|send|book|call|time|when)',
  '\\binterested\\b',
  '\\bsounds (good|great|interesting|intresting|interesting)',
  '\\bsounds? intr?esting',
  "\\blet'?s (talk|chat|do|set|schedule|connect|meet|find|book|hop)",
  '\\b(send|share) (me |us |over )?(some |the |a |your |more )?(times|info|information|details|deck|one[- ]pager|pricing|prices|proposal|case study|brochure|quote|slot)',
  '\\bcan you (send|share|do)\\b',
  '\\b(demo|trial|pricing|price|quote|proposal|case study|onboarding|integrat)',
  '\\b(call|meeting|chat|conversation|intro)\\b.{0,40}\\b(next week|tomorrow|monday|tuesday|wednesday|thursday|friday|tues|wed|thu|fri|\\d{1,2}(:\\d\\d)? ?(am|pm))',
  "\\b(are you|i'm|i am) (free|available)\\b",
  '\\bcalendly\\.com|\\bgrab a slot|\\bbook (me|a time|a slot)|put something on my calendar|find a slot',
  '\\b(would love|happy|open|keen) to (take a look|learn|chat|talk|see|hear)',
  "\\b(i'?d|i would) (be open|like|love) to",
  '\\bworth a (conversation|chat|call|look)',
  '\\blearn more',
  '\\bgood timing|timely',
  '\\b(works|work) for (me|us)',
  '\\b\\d+ ?min(ute)?s? (works|is fine|is ok|sounds)',
  '\\b(mon|tues?|wed|thu|thurs|fri)(day)? or (mon|tues?|wed|thu|thurs|fri)(day)?\\b',
  '(passt|geht) (gut|mir|uns|bei mir)',
  '\\b\\d{1,2}(:\\d\\d)? ?uhr\\b',
  '(montag|dienstag|mittwoch|donnerstag|freitag)\\b.{0,20}\\b(passt|geht|wäre|um \\d)',
  '\\b(could|might|may) be (useful|helpful|interesting|valuable|a (good )?fit|relevant)',
  // German
  '^\\s*(ja|jawohl)\\b',
  '\\b(gerne|gern)\\b',
  'klingt (gut|spannend|interessant)',
  '\\binteressant\\b',
  '\\binteressiert\\b',
  'termin',
  'angebot',
  'testversion|demo',
  'telefonieren|austauschen',
  'weitere infos|mehr infos|informationen',
  'preise',
  'referenz',
  // French
  '^\\s*oui\\b',
  "(ça|ca|cela) m'intéresse",
  'intéressant|interessant',
  'démo|demo',
  '\\brdv\\b|rendez-vous',
  'créneau|creneau',
  'envoyez-moi',
  'plaquette|tarifs|proposition commerciale',
  'pourquoi pas',
  'avec plaisir',
  'appel',
  // Spanish
  '^\\s*(sí|si)\\b',
  'me interesa',
  'interesante',
  'demo',
  'llamada',
  'reunión|reunion',
  'env[ií]ame|mándame|mandame',
  'propuesta|precios|versión de prueba',
  'agendemos|hablemos|podemos hablar',
  'me encantaría',
  // Portuguese, Dutch, Italian, Polish
  'tenho interesse',
  'vamos marcar',
  'me mande',
  'podemos falar',
  'interessant',
  'stuur me',
  'bellen',
  'mi interessa',
  'sentirci',
  'mi mandi',
  'jestem zainteresowan',
  'proszę o (więcej|cennik|ofertę)',
  'porozmawiać',
]);

const ADDRESS = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** The first address in the reply's own text that is not the replier's or the user's. */
function referralAddress(own: string, input: IntentInput): string | null {
  const skip = new Set([...(input.ignoreAddresses ?? []), input.fromEmail ?? ''].map((a) => a.trim().toLowerCase()));
  for (const m of own.matchAll(ADDRESS)) {
    const a = m[0].toLowerCase().replace(/[.'-]+$/, '');
    if (!skip.has(a)) return a;
  }
  return null;
}

// Greetings the reply opens with ("Hi Sam,", "Hallo Herr Rivera,", "Sam -"): not part of what it says.
const GREETING =
  /^\s*((hi|hey|hello|dear|hallo|guten (tag|morgen)|moin|servus|liebe[rs]?|sehr geehrte[rs]?|bonjour|salut|hola|buenos d[ií]as|buenas|ol[áa]|oi|bom dia|hoi|beste|goedemorgen|ciao|buongiorno|gentile|dzie[ńn] dobry|witam|здравствуйте|добрый день)\b[^\n]{0,40}|[\p{L}.]+( [\p{L}.]+)?\s*[-–,:])\s*$/iu;

function withoutGreeting(own: string): string {
  const lines = own.split('\n');
  while (lines.length > 1 && (!lines[0].trim() || GREETING.test(lines[0]))) lines.shift();
  return lines.join('\n');
}

/** The intent of a human reply, from its own text (quoted history and signature removed). */
export function detectIntent(input: IntentInput): IntentResult {
  const own = withoutGreeting(stripQuote(input.text)).slice(0, OWN_LIMIT);
  const s = fold(own).toLowerCase();
  const result = (intent: ReplyIntent, rule: string, referral: string | null = null): IntentResult => ({
    intent,
    rule,
    referral,
  });
  if (!s.trim()) return result('other', 'empty');
  if (UNSUBSCRIBE.test(s)) return result('not-interested', 'unsubscribe');
  if (REFERRAL.test(s) || (HANDOFF.test(s) && !SCHEDULING.test(s)))
    return result('referral', 'referral', referralAddress(own, input));
  if (LATER.test(s)) return result('later', 'later');
  if (NOT_INTERESTED.test(s)) return result('not-interested', 'not-interested');
  if (NOT_INTERESTED_CONTEXT.test(s) && !INTERESTED_STRONG.test(s))
    return result('not-interested', 'not-interested:context');
  if (INTERESTED.test(s)) return result('interested', 'interested');
  return result('other', 'other');
}
