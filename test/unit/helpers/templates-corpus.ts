// A generated corpus for template detection: realistic outreach templates in four languages, each
// filled with prospect data and edited the ways people edit before sending, and messages written
// without any template (free text, replies, and near misses that reuse one line of a template).
// Deterministic (seeded) so a failing run can be reproduced; used by the unit test and the bench.
import type { Channel, Template } from '@/lib/schema/model';

export type Lang = 'en' | 'de' | 'fr' | 'es';

export interface CorpusTemplate {
  template: Template;
  lang: Lang;
  custom: Record<string, string[]>;
}

export interface Sample {
  text: string;
  subject: string | null;
  channel: Channel;
  lang: Lang;
  /** The template it came from, or null for messages written without one. */
  templateId: string | null;
  edits: string[];
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

type Def = [
  name: string,
  lang: Lang,
  channel: Template['channel'],
  subject: string | null,
  body: string,
  custom?: Record<string, string[]>,
];

const DEFS: Def[] = [
  [
    'Cold intro A',
    'en',
    'email',
    'Quick question about {{company}}',
    `Hi {{firstName}},

I noticed {{company}} has been growing its sales team quite a bit this year. Most teams at that stage tell us their reps spend hours every week logging emails by hand.

We built a small tool that records every message automatically and shows which ones get replies.

Would it be worth a 15 minute call next week to see if it fits?

Best,
Sam`,
  ],
  [
    'Cold intro B',
    'en',
    'email',
    'Quick question about {{company}}',
    `Hi {{firstName}},

I noticed {{company}} has been growing its sales team quite a bit this year. Curious how you currently find out which of your outreach messages actually work?

Our customers usually double their reply rate within a month, simply by dropping the templates nobody answers.

Open to a short chat on Thursday or Friday?

Cheers,
Sam`,
  ],
  [
    'Follow-up 1',
    'en',
    'email',
    null,
    `Hi {{firstName|there}},

Just bumping this to the top of your inbox in case it got buried. I know how busy things get for a {{title}}.

Happy to send over a two minute video instead of a call if that is easier.

Thanks,
Sam`,
  ],
  [
    'Follow-up 2',
    'en',
    'email',
    null,
    `Hi {{firstName|there}},

I have reached out a couple of times without hearing back, so I will assume the timing is not right for {{company}}.

If that changes, just reply to this email and I will pick it up from there.

All the best,
Sam`,
  ],
  [
    'Breakup',
    'en',
    'email',
    'Closing the loop',
    `{{firstName}}, I will stop filling your inbox after this one.

Should I close your file, or is there someone else at {{company}} who owns outbound tooling? A name is all I need.

Thanks either way.`,
  ],
  [
    'Event invite',
    'en',
    'email',
    'See you at {{event}}?',
    `Hello {{firstName}},

Will you be at {{event}} later this month? A few of us are hosting a small breakfast for revenue leaders the morning of the second day, no slides and no pitches.

It would be great to have the {{company}} perspective at the table. Shall I save you a seat?

Warm regards,
Sam`,
    { event: ['SaaStr Europa', 'Web Summit', 'Dreamforce', 'the Berlin Sales Summit', 'Slush'] },
  ],
  [
    'Referral ask',
    'en',
    'any',
    null,
    `Hi {{firstName}}, {{mutual}} suggested I get in touch with you. They mentioned you are rethinking how the team at {{company}} handles prospecting.

I would love to hear what you are trying and share what has worked for similar teams. Do you have twenty minutes sometime next week?`,
    { mutual: ['Laura Chen', 'Tom from Pipedrive', 'our friend Marco Rossi', 'Priya Patel'] },
  ],
  [
    'LinkedIn connect',
    'en',
    'linkedin',
    null,
    `Hi {{firstName}}, I enjoyed your recent post about building outbound from scratch. I work with founders on the same problem and would be glad to connect.`,
  ],
  [
    'LinkedIn after connect',
    'en',
    'linkedin',
    null,
    `Thanks for connecting, {{firstName}}! Out of curiosity, how does {{company}} keep track of which outreach messages lead to meetings today? We are building something for exactly that and I would value your opinion as a {{title}}.`,
  ],
  [
    'Recruiting engineer',
    'en',
    'any',
    'Senior engineer role at Sidelog',
    `Hi {{firstName}},

Your work on {{project}} caught my eye. We are a small team building privacy-first sales tools and we are hiring our second senior engineer, fully remote within Europe.

The role is mostly TypeScript, browser extensions and a bit of data work. Salary range and equity details are in the job post, and I am happy to answer anything directly.

Would you be open to a casual conversation?

Best,
Alex`,
    {
      project: [
        'the Dexie contributions',
        'your open source CRDT library',
        'the talk on IndexedDB performance',
        'the WebExtension polyfill',
      ],
    },
  ],
  [
    'Case study share',
    'en',
    'email',
    '{{company}} + how Northwind doubled replies',
    `Hi {{firstName}},

Thought you might find this useful: Northwind's sales team was sending about 400 emails a week without knowing which ones worked. After six weeks they cut their template list in half and their reply rate went from 4% to 9%.

I wrote up the whole story, including the templates they dropped. Want me to send it over?

Sam`,
  ],
  [
    'Meeting confirm',
    'en',
    'any',
    'Our call on {{day}}',
    `Hi {{firstName}}, looking forward to our call on {{day}}. I will send a calendar invite with a video link shortly. If anything comes up, just let me know and we will find another slot.`,
    { day: ['Tuesday', 'Wednesday at 3pm', 'Friday morning', 'the 14th'] },
  ],
  [
    'Kaltakquise',
    'de',
    'email',
    'Kurze Frage zu {{company}}',
    `Hallo {{firstName}},

mir ist aufgefallen, dass {{company}} das Vertriebsteam in diesem Jahr deutlich vergrößert hat. Viele Teams in dieser Phase erzählen uns, dass ihre Mitarbeiter jede Woche Stunden mit dem manuellen Erfassen von E-Mails verbringen.

Wir haben ein kleines Werkzeug entwickelt, das jede Nachricht automatisch festhält und zeigt, welche Antworten bekommen.

Hätten Sie nächste Woche 15 Minuten Zeit für ein kurzes Gespräch?

Viele Grüße
Sam`,
  ],
  [
    'Nachfassen 1',
    'de',
    'email',
    null,
    `Hallo {{firstName|zusammen}},

ich wollte meine letzte Nachricht noch einmal nach oben holen, falls sie untergegangen ist. Als {{title}} haben Sie sicher einiges auf dem Tisch.

Gerne schicke ich Ihnen auch ein kurzes Video statt eines Termins, falls Ihnen das lieber ist.

Beste Grüße
Sam`,
  ],
  [
    'Nachfassen 2',
    'de',
    'email',
    null,
    `Hallo {{firstName|zusammen}},

da ich bisher nichts von Ihnen gehört habe, gehe ich davon aus, dass der Zeitpunkt für {{company}} gerade nicht passt.

Sollte sich das ändern, antworten Sie einfach auf diese E-Mail und ich melde mich umgehend.

Alles Gute
Sam`,
  ],
  [
    'Veranstaltung',
    'de',
    'any',
    'Sehen wir uns auf der {{event}}?',
    `Guten Tag {{firstName}} {{lastName}},

sind Sie Ende des Monats auch auf der {{event}}? Wir laden eine kleine Runde von Vertriebsleitern zu einem Frühstück am zweiten Messetag ein, ganz ohne Vorträge und ohne Verkaufsgespräch.

Es wäre schön, die Sicht von {{company}} dabei zu haben. Darf ich Ihnen einen Platz reservieren?

Mit freundlichen Grüßen
Sam`,
    { event: ['DMEXCO', 'OMR', 'CeBIT', 'Hannover Messe', 'Bits & Pretzels'] },
  ],
  [
    'LinkedIn Vernetzung',
    'de',
    'linkedin',
    null,
    `Hallo {{firstName}}, Ihr Beitrag über den Aufbau eines Vertriebsteams von null hat mir sehr gefallen. Ich arbeite mit Gründern an genau diesem Thema und würde mich freuen, mich mit Ihnen zu vernetzen.`,
  ],
  [
    'LinkedIn Danke',
    'de',
    'linkedin',
    null,
    `Danke für die Vernetzung, {{firstName}}! Mich würde interessieren, wie {{company}} heute nachverfolgt, welche Nachrichten zu Terminen führen. Wir bauen gerade etwas genau dafür und Ihre Meinung als {{title}} wäre mir viel wert.`,
  ],
  [
    'Empfehlung',
    'de',
    'any',
    null,
    `Hallo {{firstName}}, {{mutual}} hat mir empfohlen, mich bei Ihnen zu melden. Offenbar überlegen Sie gerade, wie das Team bei {{company}} die Neukundengewinnung organisiert.

Ich würde gerne hören, was Sie ausprobieren, und teilen, was bei ähnlichen Teams funktioniert hat. Hätten Sie nächste Woche zwanzig Minuten?`,
    { mutual: ['Frau Becker', 'Jonas von HubSpot', 'unser gemeinsamer Bekannter Felix Wagner'] },
  ],
  [
    'Absage Abschluss',
    'de',
    'email',
    'Letzte Nachricht von mir',
    `{{firstName}}, das ist meine letzte Nachricht zu diesem Thema.

Soll ich das Thema schließen, oder gibt es bei {{company}} jemand anderen, der für Vertriebswerkzeuge zuständig ist? Ein Name genügt mir völlig.

Danke in jedem Fall.`,
  ],
  [
    'Prise de contact',
    'fr',
    'email',
    'Une question rapide sur {{company}}',
    `Bonjour {{firstName}},

j'ai vu que {{company}} a beaucoup agrandi son équipe commerciale cette année. La plupart des équipes à ce stade nous disent que leurs commerciaux passent des heures chaque semaine à noter leurs e-mails à la main.

Nous avons créé un petit outil qui enregistre chaque message automatiquement et montre lesquels obtiennent des réponses.

Auriez-vous 15 minutes la semaine prochaine pour en parler ?

Bien cordialement,
Sam`,
  ],
  [
    'Relance',
    'fr',
    'any',
    null,
    `Bonjour {{firstName|}}, je me permets de relancer mon message précédent au cas où il serait passé inaperçu. En tant que {{title}}, vous êtes sûrement très sollicité. Je peux aussi vous envoyer une courte vidéo si c'est plus simple pour vous.`,
  ],
  [
    'Primer contacto',
    'es',
    'email',
    'Una pregunta rápida sobre {{company}}',
    `Hola {{firstName}},

he visto que {{company}} ha ampliado mucho su equipo comercial este año. La mayoría de los equipos en esa etapa nos cuentan que sus comerciales pasan horas cada semana registrando correos a mano.

Hemos creado una pequeña herramienta que guarda cada mensaje automáticamente y muestra cuáles reciben respuesta.

¿Tendría 15 minutos la próxima semana para una llamada?

Un saludo,
Sam`,
  ],
  [
    'LinkedIn conectar',
    'es',
    'linkedin',
    null,
    `Hola {{firstName}}, me gustó mucho tu publicación sobre cómo montar un equipo de ventas desde cero. Trabajo con fundadores en ese mismo reto y me encantaría conectar contigo.`,
  ],
];

export function corpusTemplates(now = Date.UTC(2026, 0, 1)): CorpusTemplate[] {
  return DEFS.map(([name, lang, channel, subject, body, custom], k) => ({
    lang,
    custom: custom ?? {},
    template: {
      id: `tpl-${k + 1}`,
      name,
      channel,
      subject,
      body,
      tags: [lang],
      archived: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
  }));
}

const FIRST = [
  'Anna',
  'Ben',
  'Mary Ann',
  'Jean-Luc',
  'Søren',
  'Zoë',
  'Mohammed',
  'Li',
  'Priya',
  'José',
  'Katarzyna',
  'Tom',
  'Émilie',
  'Lukas',
  'Aoife',
  'Oluwaseun',
];
const LAST = [
  'Schmidt',
  'Nguyen',
  'van der Berg',
  'Okafor',
  "O'Brien",
  'García López',
  'Müller',
  'Kowalski',
  'Dubois',
  'Smith',
];
const COMPANY = [
  'Acme',
  'Northwind Traders',
  'Müller & Söhne GmbH',
  'Globex Corporation',
  'Initech',
  'Blue Yonder Analytics',
  'Zalando SE',
  'Hooli',
  'Stark Industries',
  'Café Central Group',
  'Umbrella',
  'Wayne Enterprises Europe',
];
const TITLE = [
  'VP of Sales',
  'Head of Growth',
  'CEO',
  'Founder',
  'Sales Director EMEA',
  'Leiterin Vertrieb',
  'Directeur commercial',
  'Account Executive',
  'Chief Revenue Officer',
  'Head of Business Development',
];

const GREETINGS: Record<Lang, string[]> = {
  en: ['Hi', 'Hello', 'Hey', 'Dear', 'Good morning'],
  de: ['Hallo', 'Hi', 'Guten Tag', 'Liebe', 'Moin'],
  fr: ['Bonjour', 'Salut', 'Cher'],
  es: ['Hola', 'Buenos días', 'Estimado'],
};
const SIGNATURES: Record<Lang, string[]> = {
  en: [
    'Best regards,\nSam Carter\nFounder, Sidelog\n+44 20 7946 0958',
    '--\nSam Carter | Sidelog\nsidelog.example',
    'Sent from my iPhone',
    'Cheers, Sam',
  ],
  de: [
    'Viele Grüße\nSam Carter\nGründer, Sidelog GmbH\nTel. +49 30 1234567',
    '--\nSam Carter\nSidelog GmbH, Torstraße 1, 10119 Berlin',
    'Von meinem iPhone gesendet',
  ],
  fr: ['Cordialement,\nSam Carter\nFondateur, Sidelog', 'Envoyé de mon iPhone'],
  es: ['Saludos,\nSam Carter\nFundador, Sidelog', 'Enviado desde mi iPhone'],
};
const PERSONAL: Record<Lang, string[]> = {
  en: [
    'Congrats on the recent funding round, by the way.',
    'Hope the launch went well!',
    'I saw your interview on the Growth podcast, great points on hiring.',
    'Hope you had a good weekend.',
    'PS: loved the new website.',
  ],
  de: [
    'Herzlichen Glückwunsch übrigens zur Finanzierungsrunde.',
    'Ich hoffe, der Launch lief gut!',
    'Ich habe Ihr Interview im Podcast gehört, sehr spannend.',
    'PS: Die neue Website gefällt mir sehr.',
  ],
  fr: ['Félicitations pour la levée de fonds, au passage.', "J'espère que le lancement s'est bien passé !"],
  es: ['Enhorabuena por la ronda de financiación, por cierto.', '¡Espero que el lanzamiento haya ido bien!'],
};
const FILLER: Record<Lang, string[]> = {
  en: ['really', 'just', 'actually', 'quickly', 'honestly', 'also'],
  de: ['wirklich', 'eigentlich', 'auch', 'kurz', 'gerne'],
  fr: ['vraiment', 'aussi', 'rapidement'],
  es: ['realmente', 'también', 'rápidamente'],
};

// Free text nobody wrote from a template: cold notes on other topics, replies and small talk.
const FREE: Record<Lang, string[]> = {
  en: [
    'Thanks for the quick reply, Thursday works for me.',
    'Could you send me the slides from yesterday?',
    'I am putting together a shortlist of vendors for our data warehouse migration.',
    'We met briefly at the airport lounge in Lisbon and you mentioned you were hiring designers.',
    'Are you still looking for a contractor for the mobile app?',
    'Let me check with my co-founder and get back to you.',
    'Our board meeting moved to next month, so there is no rush on the proposal.',
    'Here is the invoice for March, payment terms as usual.',
    'I loved your article on pricing pages and shared it with the team.',
    'Sorry for the late answer, I was travelling all of last week.',
    'Can we push our call by thirty minutes?',
    'We are organising a hackathon in June and looking for sponsors.',
    'Do you know anyone who does bookkeeping for small startups?',
    'The contract looks good, I signed it this morning.',
    'I would like to introduce you to Marta, who runs partnerships at Contoso.',
    'Your team seems to be doing interesting things with logistics software.',
    'We are a agency helping B2B companies with paid search campaigns.',
    'Happy to jump on a call whenever suits you.',
    'I am a student writing my thesis on remote work and would appreciate ten minutes of your time.',
    'We noticed a few broken links on your documentation site.',
    'The demo environment is ready, credentials are in the shared folder.',
    'Are you the right person to talk to about office space in Munich?',
    'Let us catch up over coffee when you are back in town.',
    'Great to meet you at the conference, here is the link I promised.',
  ],
  de: [
    'Danke für die schnelle Antwort, Donnerstag passt mir gut.',
    'Könnten Sie mir die Folien von gestern schicken?',
    'Wir stellen gerade eine Liste von Anbietern für unsere Buchhaltung zusammen.',
    'Wir haben uns kurz auf dem Sommerfest kennengelernt und Sie haben erwähnt, dass Sie Entwickler suchen.',
    'Suchen Sie noch einen Freelancer für die App?',
    'Ich kläre das mit meiner Kollegin und melde mich dann.',
    'Unser Termin mit dem Beirat wurde verschoben, daher eilt das Angebot nicht.',
    'Anbei die Rechnung für März, Zahlungsziel wie immer.',
    'Ihr Artikel über Preisgestaltung hat mir sehr gefallen.',
    'Entschuldigen Sie die späte Antwort, ich war die ganze letzte Woche unterwegs.',
    'Können wir unser Telefonat um eine halbe Stunde verschieben?',
    'Wir organisieren im Juni einen Hackathon und suchen noch Sponsoren.',
    'Kennen Sie jemanden, der die Buchhaltung für kleine Startups übernimmt?',
    'Der Vertrag sieht gut aus, ich habe ihn heute Morgen unterschrieben.',
    'Ich möchte Sie gerne mit Marta bekannt machen, sie leitet die Partnerschaften bei Contoso.',
    'Wir sind eine Agentur und helfen B2B Firmen bei Suchmaschinenwerbung.',
    'Gerne telefonieren wir, wann immer es Ihnen passt.',
    'Ich schreibe meine Masterarbeit über Homeoffice und würde mich über zehn Minuten freuen.',
    'Auf Ihrer Dokumentation sind uns ein paar defekte Links aufgefallen.',
    'Sind Sie der richtige Ansprechpartner für Büroflächen in München?',
    'Lassen Sie uns auf einen Kaffee treffen, wenn Sie wieder in der Stadt sind.',
  ],
  fr: [
    'Merci pour votre réponse rapide, jeudi me convient.',
    "Pourriez-vous m'envoyer les slides d'hier ?",
    'Nous préparons une liste de fournisseurs pour notre migration.',
    "Désolé pour la réponse tardive, j'étais en déplacement toute la semaine.",
    'Pouvons-nous décaler notre appel de trente minutes ?',
    'Nous organisons un hackathon en juin et cherchons des sponsors.',
    "Le contrat me semble bon, je l'ai signé ce matin.",
    'Seriez-vous la bonne personne pour parler de bureaux à Lyon ?',
  ],
  es: [
    'Gracias por la respuesta rápida, el jueves me viene bien.',
    '¿Podrías enviarme las diapositivas de ayer?',
    'Estamos preparando una lista de proveedores para la migración.',
    'Perdona la respuesta tardía, estuve de viaje toda la semana.',
    '¿Podemos mover la llamada media hora?',
    'Organizamos un hackathon en junio y buscamos patrocinadores.',
    'El contrato está bien, lo firmé esta mañana.',
    '¿Eres la persona adecuada para hablar de oficinas en Madrid?',
  ],
};

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function fill(t: CorpusTemplate, r: () => number): { body: string; subject: string | null } {
  const first = pick(r, FIRST);
  const values: Record<string, string | null> = {
    firstName: r() < 0.08 ? null : first, // some prospects have no known first name: fallback used
    lastName: pick(r, LAST),
    company: pick(r, COMPANY),
    title: pick(r, TITLE),
  };
  for (const [k, vs] of Object.entries(t.custom)) values[k] = pick(r, vs);
  const sub = (s: string) =>
    s.replace(
      /\{\{\s*([^}|]+?)\s*(?:\|([^}]*))?\}\}/g,
      (_m, name: string, fb: string | undefined) => values[name] ?? fb ?? first,
    );
  return { body: sub(t.template.body), subject: t.template.subject ? sub(t.template.subject) : null };
}

function typo(w: string, r: () => number): string {
  if (w.length < 4) return w;
  const i = 1 + Math.floor(r() * (w.length - 2));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

/** Edits people make before sending; each sample gets 0–4 of them. */
function edit(body: string, lang: Lang, r: () => number, log: string[]): string {
  const lines = body.split('\n');
  const apply = (name: string, p: number, f: () => void) => {
    if (r() < p) {
      f();
      log.push(name);
    }
  };
  apply('greeting', 0.35, () => {
    const g = pick(r, GREETINGS[lang]);
    const first = lines[0].split(/\s+/);
    if (GREETINGS[lang].some((x) => x.toLowerCase() === first[0].toLowerCase())) {
      lines[0] = [g, ...first.slice(1)].join(' ');
    } else lines.unshift(`${g},`);
  });
  apply('signature', 0.4, () => lines.push('', ...pick(r, SIGNATURES[lang]).split('\n')));
  const ws = lines.join('\n').split(/ +/);
  apply('typo', 0.3, () => {
    const n = 1 + Math.floor(r() * 2);
    for (let k = 0; k < n; k++) {
      const i = Math.floor(r() * ws.length);
      ws[i] = typo(ws[i], r);
    }
  });
  apply('word-swap', 0.3, () => {
    const i = Math.floor(r() * ws.length);
    if (!ws[i].includes('\n')) ws[i] = pick(r, FILLER[lang]);
  });
  apply('word-insert', 0.25, () => ws.splice(Math.floor(r() * ws.length), 0, pick(r, FILLER[lang])));
  apply('word-delete', 0.25, () => {
    const i = Math.floor(r() * ws.length);
    if (!ws[i].includes('\n')) ws.splice(i, 1);
  });
  let text = ws.join(' ');
  apply('personal-line', 0.3, () => {
    const ss = text.split('\n\n');
    ss.splice(Math.min(1, ss.length), 0, pick(r, PERSONAL[lang]));
    text = ss.join('\n\n');
  });
  apply('drop-sentence', 0.12, () => {
    const ss = sentences(text);
    if (ss.length >= 6) {
      ss.splice(2 + Math.floor(r() * (ss.length - 4)), 1);
      text = ss.join(' ');
    }
  });
  apply('reflow', 0.25, () => (text = text.replace(/\n+/g, r() < 0.5 ? ' ' : '\n')));
  apply('punctuation', 0.2, () => (text = text.replace(/[,;]/g, '').replace(/!/g, '.')));
  apply('case', 0.1, () => (text = text.toLowerCase()));
  return text;
}

function freeText(lang: Lang, r: () => number): string {
  const n = 1 + Math.floor(r() * 5);
  const out: string[] = [];
  if (r() < 0.6) out.push(`${pick(r, GREETINGS[lang])} ${pick(r, FIRST)},`);
  for (let k = 0; k < n; k++) out.push(pick(r, FREE[lang]));
  if (r() < 0.5) out.push(pick(r, SIGNATURES[lang]));
  return out.join(r() < 0.5 ? '\n\n' : ' ');
}

export interface Corpus {
  templates: CorpusTemplate[];
  positives: Sample[];
  negatives: Sample[];
}

export function buildCorpus(seed = 42, perTemplate = 50, negatives = 600): Corpus {
  const r = rng(seed);
  const templates = corpusTemplates();
  const channelFor = (t: Template): Channel =>
    t.channel === 'email' ? 'gmail' : t.channel === 'linkedin' ? 'linkedin' : r() < 0.5 ? 'gmail' : 'linkedin';
  const positives: Sample[] = [];
  for (const t of templates) {
    for (let k = 0; k < perTemplate; k++) {
      const { body, subject } = fill(t, r);
      const edits: string[] = [];
      const text = edit(body, t.lang, r, edits);
      const channel = channelFor(t.template);
      positives.push({
        text,
        subject: channel === 'gmail' ? subject : null,
        channel,
        lang: t.lang,
        templateId: t.template.id,
        edits,
      });
    }
  }
  const langs: Lang[] = ['en', 'en', 'de', 'de', 'fr', 'es'];
  const neg: Sample[] = [];
  for (let k = 0; k < negatives; k++) {
    const kind = r();
    const lang = pick(r, langs);
    let text: string;
    let edits: string[];
    if (kind < 0.25) {
      // Near miss: one line lifted from a template of the same language, the rest written freely.
      const t = pick(
        r,
        templates.filter((x) => x.lang === lang),
      );
      const { body } = fill(t, r);
      const ss = sentences(body);
      const line = pick(
        r,
        ss.filter((s) => s.split(/\s+/).length >= 5).length ? ss.filter((s) => s.split(/\s+/).length >= 5) : ss,
      );
      text = `${freeText(lang, r)}\n\n${line}\n\n${pick(r, FREE[lang])} ${pick(r, FREE[lang])}`;
      edits = ['near-miss'];
    } else if (kind < 0.4) {
      text = pick(r, FREE[lang]);
      edits = ['short-reply'];
    } else {
      text = freeText(lang, r);
      edits = ['free'];
    }
    neg.push({
      text,
      subject: r() < 0.5 ? 'Re: ' + pick(r, FREE[lang]).slice(0, 30) : null,
      channel: r() < 0.5 ? 'gmail' : 'linkedin',
      lang,
      templateId: null,
      edits,
    });
  }
  return { templates, positives, negatives: neg };
}

/** n synthetic but distinct templates (for the benchmark's 200), built from the corpus ones. */
export function manyTemplates(n: number, seed = 7): Template[] {
  const r = rng(seed);
  const base = corpusTemplates();
  const out: Template[] = [];
  for (let k = 0; k < n; k++) {
    const b = base[k % base.length];
    const extra = [pick(r, FREE[b.lang]), pick(r, FREE[b.lang])].join(' ');
    out.push({
      ...b.template,
      id: `bench-${k}`,
      name: `${b.template.name} #${k}`,
      body: `${b.template.body}\n\n${extra}`,
    });
  }
  return out;
}
