// A realistic, deterministic outreach data set as a `sidelog-export` v1 file (lib/schema/export.ts),
// for screenshots, benchmarks and end-to-end tests. It is loaded through the panel's Import JSON,
// so thread summaries are computed by the real importer, not here.
//
// Replies are not uniform: the chance of a reply depends on the template, the prospect's seniority,
// industry and channel, so the dashboard has real differences to find (and noise where there are none).
import { deriveSeniority } from '../records/seniority';
import type { ExportFile } from '../schema/export';
import { exportTemplate } from '../export/export';

export interface SeedOptions {
  seed?: number;
  /** Everything happens before this instant (ms). */
  now?: number;
  prospects?: number;
  threads?: number;
  /** Minimum number of messages: threads get longer conversations until it is reached. */
  messages?: number;
  templates?: number;
  /** First touches are spread over this many days before `now`. */
  days?: number;
}

export const SEED_DEFAULTS = { seed: 1, prospects: 400, threads: 480, messages: 0, templates: 8, days: 120 };
export const SEED_LARGE = { prospects: 20_000, threads: 20_000, messages: 100_000, templates: 50, days: 365 };

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const SEED_USER_EMAIL = 'alex@northwind-demo.example';
export const SEED_USER_LINKEDIN = 'https://www.linkedin.com/in/alex-seller-demo/';

/** mulberry32: tiny, fast, and the same sequence on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Eva',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Lars',
  'Maya',
  'Nils',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Mary-Catherine',
  'Bartholomew',
];
const LAST = [
  'Adeyemi',
  'Bergström',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'van der Berg',
  'Wójcik',
  'Müller-Lüdenscheidt-Vanderbilt',
];
const COMPANIES: [string, string, string, string][] = [
  // name, domain, industry, size
  ['Acme Analytics', 'acme-analytics.example', 'Software', '51-200'],
  ['Brightline Health', 'brightline.example', 'Healthcare', '201-1000'],
  ['Copperleaf Logistics', 'copperleaf.example', 'Logistics', '1001-5000'],
  ['Delta Fintech', 'deltafin.example', 'Financial services', '51-200'],
  ['Evergreen Retail Group International Holdings', 'evergreen.example', 'Retail', '5001+'],
  ['Fjord Robotics', 'fjord.example', 'Manufacturing', '11-50'],
  ['Granite Security', 'granite.example', 'Software', '201-1000'],
  ['Harbor Insurance', 'harbor.example', 'Financial services', '1001-5000'],
  ['Ion Energy', 'ion-energy.example', 'Energy', '201-1000'],
  ['Juniper Learning', 'juniper.example', 'Education', '11-50'],
  ['Kite Media', 'kite.example', 'Media', '51-200'],
  ['Lumen Biotech', 'lumen.example', 'Healthcare', '51-200'],
  ['Mosaic Foods', 'mosaic.example', 'Retail', '201-1000'],
  ['Nimbus Cloud', 'nimbus.example', 'Software', '1001-5000'],
  ['Orbit Freight', 'orbit.example', 'Logistics', '51-200'],
  ['Pioneer Capital', 'pioneer.example', 'Financial services', '11-50'],
];
const TITLES = [
  'CEO',
  'Co-founder & CTO',
  'VP of Sales',
  'VP Engineering',
  'Director of Marketing',
  'Head of Growth',
  'Engineering Manager',
  'Sales Manager',
  'Senior Software Engineer',
  'Account Executive',
  'Data Analyst',
  'Product Designer',
  'Chief Revenue Officer',
  'Marketing Intern',
];
const LOCATIONS = [
  'Berlin, Germany',
  'London, United Kingdom',
  'Paris, France',
  'New York, NY',
  'San Francisco, CA',
  'Stockholm, Sweden',
  'Madrid, Spain',
  'Lagos, Nigeria',
  'Tokyo, Japan',
  'São Paulo, Brazil',
];
const SOURCES = ['conference', 'inbound list', 'referral', 'website visitor'];
const TECH = ['HubSpot', 'Salesforce', 'Pipedrive', 'none'];

// How much each trait multiplies the base reply chance (the signal the insights should find).
const SENIORITY_FACTOR: Record<string, number> = {
  'c-level': 0.6,
  founder: 1.5,
  vp: 0.8,
  director: 1.1,
  manager: 1.3,
  senior: 1.0,
  individual: 0.9,
  intern: 0.5,
};
const INDUSTRY_FACTOR: Record<string, number> = {
  Software: 1.3,
  Healthcare: 0.7,
  Logistics: 1.0,
  'Financial services': 0.8,
  Retail: 0.9,
  Manufacturing: 1.1,
  Energy: 1.0,
  Education: 1.4,
  Media: 1.0,
};

interface SeedTemplate {
  id: string;
  name: string;
  channel: 'email' | 'linkedin' | 'any';
  subject: string | null;
  body: string;
  tags: string[];
  version: number;
  /** Base reply chance of a first touch with this template. */
  quality: number;
  followUp: boolean;
}

const TEMPLATE_KINDS = [
  {
    name: 'Cold intro',
    channel: 'email',
    tags: ['cold', 'email'],
    followUp: false,
    quality: 0.14,
    subject: 'Quick question, {{firstName}}',
    body: 'Hi {{firstName}},\n\nI noticed {{company}} is hiring for sales. We help teams like yours log outreach without extra clicks.\n\nWorth a 15-minute call next week?\n\nAlex',
  },
  {
    name: 'Pain-point opener',
    channel: 'email',
    tags: ['cold', 'email'],
    followUp: false,
    quality: 0.24,
    subject: '{{company}} and reply rates',
    body: 'Hi {{firstName}},\n\nMost teams we talk to cannot tell which message gets answered. Is that true at {{company}} too?\n\nAlex',
  },
  {
    name: 'Bump',
    channel: 'email',
    tags: ['follow-up', 'email'],
    followUp: true,
    quality: 0.08,
    subject: null,
    body: 'Hi {{firstName}}, bumping this to the top of your inbox. Any thoughts?',
  },
  {
    name: 'Breakup',
    channel: 'email',
    tags: ['follow-up', 'email'],
    followUp: true,
    quality: 0.12,
    subject: null,
    body: 'Hi {{firstName}}, I will stop writing after this one. If timing is wrong, just say so and I will check back in a quarter.',
  },
  {
    name: 'LinkedIn connect note',
    channel: 'linkedin',
    tags: ['cold', 'linkedin'],
    followUp: false,
    quality: 0.2,
    subject: null,
    body: 'Hi {{firstName}}, I enjoyed your post on {{topic}}. Would love to connect.',
  },
  {
    name: 'LinkedIn value drop',
    channel: 'linkedin',
    tags: ['cold', 'linkedin'],
    followUp: false,
    quality: 0.3,
    subject: null,
    body: 'Hi {{firstName}}, we wrote up how 40 sales teams measure reply rates. Want the link?',
  },
  {
    name: 'LinkedIn nudge',
    channel: 'linkedin',
    tags: ['follow-up', 'linkedin'],
    followUp: true,
    quality: 0.1,
    subject: null,
    body: 'Hi {{firstName}}, just floating this back up. No pressure.',
  },
  {
    name: 'Recruiting outreach',
    channel: 'any',
    tags: ['recruiting'],
    followUp: false,
    quality: 0.18,
    subject: 'Role at Northwind',
    body: 'Hi {{firstName}}, we are hiring a {{role}} and your background stood out. Open to a chat?',
  },
] as const;

function makeTemplates(count: number, r: ReturnType<typeof rng>): SeedTemplate[] {
  const out: SeedTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const k = TEMPLATE_KINDS[i % TEMPLATE_KINDS.length];
    const round = Math.floor(i / TEMPLATE_KINDS.length);
    out.push({
      id: `tpl-${String(i + 1).padStart(2, '0')}`,
      name: round === 0 ? k.name : `${k.name} #${round + 1}`,
      channel: k.channel,
      subject: k.subject,
      body: k.body,
      tags: [...k.tags],
      // Some templates were edited: results are reported per version.
      version: i % 3 === 1 ? 2 : i % 5 === 4 ? 3 : 1,
      quality: Math.max(0.02, k.quality * (0.8 + r.next() * 0.4)),
      followUp: k.followUp,
    });
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
const fill = (body: string, first: string, company: string) =>
  body
    .replace(/\{\{firstName\}\}/g, first)
    .replace(/\{\{company\}\}/g, company)
    .replace(/\{\{\w+\}\}/g, 'sales');

type ExportMessage = ExportFile['messages'][number];
type ExportThread = ExportFile['threads'][number];
type ExportProspect = ExportFile['prospects'][number];

export function generateSeed(options: SeedOptions = {}): ExportFile {
  const o = { ...SEED_DEFAULTS, now: Date.UTC(2026, 10, 27, 12), ...options };
  const r = rng(o.seed);
  const now = o.now;
  const templates = makeTemplates(o.templates, r);
  const firstTouch = (ch: 'gmail' | 'linkedin') =>
    templates.filter((t) => !t.followUp && (t.channel === 'any' || (t.channel === 'email') === (ch === 'gmail')));
  const followUps = (ch: 'gmail' | 'linkedin') =>
    templates.filter((t) => t.followUp && (t.channel === 'any' || (t.channel === 'email') === (ch === 'gmail')));

  // Prospects -----------------------------------------------------------------------------------
  const prospects: ExportProspect[] = [];
  const pTraits: {
    factor: number;
    hasEmail: boolean;
    hasLinkedin: boolean;
    first: string;
    company: string;
    domain: string;
  }[] = [];
  for (let i = 0; i < o.prospects; i++) {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const [company, domain, industry, size] = r.pick(COMPANIES);
    const title = r.pick(TITLES);
    const seniority = deriveSeniority(title);
    // 60% email only, 25% LinkedIn only, 15% both (one person across channels).
    const roll = r.next();
    const hasEmail = roll < 0.75;
    const hasLinkedin = roll >= 0.6;
    const id = `p-${String(i + 1).padStart(5, '0')}`;
    const handle = `${slug(first)}-${slug(last)}-${i + 1}`;
    const traits: Record<string, string> = { source: r.pick(SOURCES) };
    if (r.chance(0.7)) traits.crm = r.pick(TECH);
    prospects.push({
      id,
      name: `${first} ${last}`,
      emails: hasEmail ? [`${slug(first)}.${slug(last)}${i + 1}@${domain}`] : [],
      linkedinUrl: hasLinkedin ? `https://www.linkedin.com/in/${handle}/` : null,
      company,
      title,
      seniority,
      industry,
      location: r.pick(LOCATIONS),
      stage: 'contacted',
      dealValue: null,
      traits,
      domain,
      headline: `${title} at ${company}`,
      companySize: size,
      notes: '',
      manualFields: [],
    });
    pTraits.push({
      factor:
        (SENIORITY_FACTOR[seniority ?? 'individual'] ?? 1) *
        (INDUSTRY_FACTOR[industry] ?? 1) *
        (traits.source === 'referral' ? 1.6 : 1),
      hasEmail,
      hasLinkedin,
      first,
      company,
      domain,
    });
  }

  // Threads and messages ------------------------------------------------------------------------
  const threads: ExportThread[] = [];
  const messages: ExportMessage[] = [];
  const repliedProspects = new Set<number>();
  let msgSeq = 0;
  const mid = (ch: string) => `${ch}:seed-m${++msgSeq}`;
  const meLinkedin = SEED_USER_LINKEDIN;
  // Threads beyond one per prospect go to prospects on both channels first, then to random ones.
  const owners: number[] = [];
  // 5% of prospects were only looked at (profile visits): they get no thread.
  for (let i = 0; i < o.prospects && owners.length < o.threads; i++) if (!r.chance(0.05)) owners.push(i);
  const both = pTraits.map((p, i) => (p.hasEmail && p.hasLinkedin ? i : -1)).filter((i) => i >= 0);
  while (owners.length < o.threads)
    owners.push(both.length && r.chance(0.8) ? r.pick(both) : r.int(0, o.prospects - 1));
  const channelsUsed = new Map<number, Set<string>>();
  // Replied threads that can carry a longer conversation if a message count is requested.
  const conversations: { threadIdx: number; ch: 'gmail' | 'linkedin'; p: number; lastAt: number }[] = [];

  for (let t = 0; t < owners.length; t++) {
    const pi = owners[t];
    const p = prospects[pi];
    const pt = pTraits[pi];
    const used = channelsUsed.get(pi) ?? new Set<string>();
    let ch: 'gmail' | 'linkedin' = pt.hasEmail && (!pt.hasLinkedin || r.chance(0.6)) ? 'gmail' : 'linkedin';
    if (used.has(ch) && pt.hasEmail && pt.hasLinkedin) ch = ch === 'gmail' ? 'linkedin' : 'gmail';
    used.add(ch);
    channelsUsed.set(pi, used);
    const threadId = `${ch}:seed-t${t + 1}`;
    const addr = ch === 'gmail' ? p.emails[0] : p.linkedinUrl!;
    const me = ch === 'gmail' ? SEED_USER_EMAIL : meLinkedin;
    const subject = ch === 'gmail' ? `Quick question, ${pt.first}` : null;
    threads.push({ id: threadId, channel: ch, externalId: `seed-t${t + 1}`, prospectIds: [p.id], subject });
    // Recent days are busier (a seller ramping up), and weekends are quiet.
    let start = now - Math.floor(Math.pow(r.next(), 0.8) * o.days * DAY) - r.int(1, 10) * HOUR;
    if ([0, 6].includes(new Date(start).getUTCDay()) && r.chance(0.8)) start -= 2 * DAY;
    const push = (
      m: Omit<ExportMessage, 'id' | 'channel' | 'threadId' | 'prospectId' | 'cc' | 'sentAt'> & { at: number },
    ) => {
      const { at, ...rest } = m;
      messages.push({
        id: mid(ch),
        channel: ch,
        threadId,
        prospectId: p.id,
        cc: [],
        sentAt: iso(at),
        source: 'import',
        callOutcome: null,
        ...rest,
      });
    };
    const kindOut = ch === 'gmail' ? 'email' : 'linkedin-message';

    // 3% of threads were started by the prospect (inbound first: not an outreach unit).
    if (r.chance(0.03)) {
      push({
        direction: 'inbound',
        kind: kindOut,
        from: addr,
        to: [me],
        subject,
        text: `Hi, ${pt.company} is looking at tools like yours.`,
        templateId: null,
        templateSource: null,
        templateVersion: null,
        classification: 'human',
        at: start,
      });
      push({
        direction: 'outbound',
        kind: kindOut,
        from: me,
        to: [addr],
        subject,
        text: 'Thanks for reaching out! Here is a link to book a time.',
        templateId: null,
        templateSource: null,
        templateVersion: null,
        classification: 'human',
        at: start + 3 * HOUR,
      });
      continue;
    }

    const ftList = firstTouch(ch);
    const fuList = followUps(ch);
    const noTemplate = r.chance(0.12) || ftList.length === 0;
    const ft = noTemplate ? null : r.pick(ftList);
    const steps = 1 + (r.chance(0.7) ? 1 : 0) + (r.chance(0.45) ? 1 : 0);
    let at = start;
    let replied = false;
    const firstKind = ch === 'linkedin' && r.chance(0.3) ? 'linkedin-invite' : kindOut;
    for (let s = 1; s <= steps && !replied; s++) {
      const tpl = s === 1 ? ft : fuList.length && r.chance(0.85) ? r.pick(fuList) : null;
      if (at > now - HOUR) break;
      push({
        direction: 'outbound',
        kind: s === 1 ? firstKind : kindOut,
        from: me,
        to: [addr],
        subject: s === 1 ? subject : subject && `Re: ${subject}`,
        text: tpl
          ? fill(tpl.body, pt.first, pt.company)
          : `Hi ${pt.first}, following up on my note about ${pt.company}.`,
        templateId: tpl?.id ?? null,
        templateVersion: tpl ? r.int(1, tpl.version) : null,
        templateSource: tpl ? (r.chance(0.6) ? 'inserted' : 'detected') : null,
        templateScore: tpl ? 1 : null,
        classification: 'human',
        at,
      });
      // Bounces: email only, right after the first touch; the thread stops there.
      if (ch === 'gmail' && s === 1 && r.chance(0.03)) {
        push({
          direction: 'inbound',
          kind: 'email',
          from: `mailer-daemon@googlemail.com`,
          to: [me],
          subject: 'Delivery Status Notification (Failure)',
          text: `Address not found: ${addr}`,
          templateId: null,
          templateSource: null,
          templateVersion: null,
          classification: 'bounce',
          at: at + 2 * 60_000,
        });
        break;
      }
      if (ch === 'gmail' && r.chance(0.05)) {
        push({
          direction: 'inbound',
          kind: 'email',
          from: addr,
          to: [me],
          subject: `Out of office: ${subject}`,
          text: 'I am out of the office until Monday with limited access to email.',
          templateId: null,
          templateSource: null,
          templateVersion: null,
          classification: 'auto-reply',
          at: at + 5 * 60_000,
        });
      }
      const quality = tpl?.quality ?? 0.1;
      const pReply = Math.min(0.9, quality * pt.factor * (ch === 'linkedin' ? 1.15 : 1));
      if (r.chance(pReply)) {
        // Time to reply: log-normal around a few hours; 4% answer after the 30-day window.
        const late = r.chance(0.04);
        const delay = late
          ? (31 + r.int(0, 20)) * DAY
          : Math.min(25 * DAY, Math.exp(Math.log(4 * HOUR) + 1.4 * gauss(r.next)));
        const replyAt = (s === 1 ? start : at) + Math.max(5 * 60_000, delay);
        if (replyAt < now) {
          replied = true; // a late reply is still a reply message; analytics applies the window
          repliedProspects.add(pi);
          push({
            direction: 'inbound',
            kind: kindOut,
            from: addr,
            to: [me],
            subject: subject && `Re: ${subject}`,
            text: r.pick([
              'Sounds interesting, tell me more.',
              'Not right now, maybe next quarter.',
              'Can you send pricing?',
              'Happy to chat Thursday.',
            ]),
            templateId: null,
            templateSource: null,
            templateVersion: null,
            classification: 'human',
            at: replyAt,
          });
          // Two thirds of replies were answered by the user; the rest await the user.
          if (r.chance(0.66) && replyAt + 2 * HOUR < now) {
            push({
              direction: 'outbound',
              kind: kindOut,
              from: me,
              to: [addr],
              subject: subject && `Re: ${subject}`,
              text: 'Great, here is a link to my calendar.',
              templateId: null,
              templateSource: null,
              templateVersion: null,
              classification: 'human',
              at: replyAt + 2 * HOUR,
            });
            conversations.push({ threadIdx: t, ch, p: pi, lastAt: replyAt + 2 * HOUR });
          }
          break;
        }
      }
      at += (s === 1 ? 3 : 5) * DAY + r.int(0, 8) * HOUR;
    }
  }

  // Stages, deal values and logged calls ----------------------------------------------------------
  const lastThreadOf = new Map<string, ExportThread>();
  for (const th of threads) lastThreadOf.set(th.prospectIds[0], th);
  for (let i = 0; i < prospects.length; i++) {
    const p = prospects[i];
    if (repliedProspects.has(i)) {
      const roll = r.next();
      p.stage =
        roll < 0.4 ? 'replied' : roll < 0.6 ? 'qualified' : roll < 0.75 ? 'meeting' : roll < 0.87 ? 'won' : 'lost';
      if (p.stage === 'meeting' || p.stage === 'won' || p.stage === 'qualified') p.dealValue = r.int(5, 120) * 500;
    }
    // Calls: 12% of contacted prospects get 1-3 logged calls, in their latest thread (calls do
    // not change a thread's reply facts: lib/records/summary.ts ignores them).
    const th = lastThreadOf.get(p.id);
    if (th && r.chance(0.12)) {
      const n = r.int(1, 3);
      for (let k = 0; k < n; k++) {
        const at = now - r.int(0, Math.min(o.days, 60)) * DAY - r.int(1, 8) * HOUR;
        const roll = r.next();
        const outcome = roll < 0.35 ? 'connected' : roll < 0.7 ? 'voicemail' : 'no-answer';
        messages.push({
          id: `${th.channel}:seed-call${++msgSeq}`,
          channel: th.channel,
          direction: 'outbound',
          kind: 'call',
          threadId: th.id,
          prospectId: p.id,
          from: SEED_USER_EMAIL,
          to: [p.name],
          cc: [],
          subject: null,
          text: outcome === 'connected' ? 'Talked about their Q3 plans; send a proposal.' : '',
          sentAt: iso(at),
          templateId: null,
          templateSource: null,
          templateVersion: null,
          classification: 'human',
          source: 'manual',
          callOutcome: outcome,
        });
      }
    }
  }
  // Longer conversations until the requested message count is reached.
  let ci = 0;
  while (messages.length < o.messages && conversations.length) {
    const c = conversations[ci++ % conversations.length];
    const th = threads[c.threadIdx];
    const pr = prospects[c.p];
    const addr = c.ch === 'gmail' ? pr.emails[0] : pr.linkedinUrl!;
    const me = c.ch === 'gmail' ? SEED_USER_EMAIL : meLinkedin;
    const gap = Math.max(10 * 60_000, Math.min((now - c.lastAt) / 4, DAY));
    if (c.lastAt + 2 * gap >= now) continue;
    const kind = c.ch === 'gmail' ? 'email' : 'linkedin-message';
    const base = {
      channel: c.ch,
      threadId: th.id,
      prospectId: pr.id,
      cc: [],
      subject: th.subject && `Re: ${th.subject}`,
      templateId: null,
      templateSource: null,
      templateVersion: null,
      classification: 'human' as const,
      source: 'import' as const,
      callOutcome: null,
      kind: kind as ExportMessage['kind'],
    };
    messages.push({
      ...base,
      id: mid(c.ch),
      direction: 'inbound',
      from: addr,
      to: [me],
      text: 'Thanks, that works. One more question about pricing.',
      sentAt: iso(c.lastAt + gap),
    });
    messages.push({
      ...base,
      id: mid(c.ch),
      direction: 'outbound',
      from: me,
      to: [addr],
      text: 'Sure, here are the details.',
      sentAt: iso(c.lastAt + 2 * gap),
    });
    c.lastAt += 2 * gap;
  }

  // LinkedIn invitations: about half accepted a few days later, some withdrawn after two weeks, the
  // rest pending. Decided from each invitation's id, not the generator, so the rest of the data set
  // is what it was before invitations had outcomes.
  const byId = new Map(prospects.map((p, i) => [p.id, { p, i }]));
  for (const m of messages) {
    if (m.kind !== 'linkedin-invite' || !m.prospectId) continue;
    const sent = Date.parse(m.sentAt);
    const h = [...m.id].reduce((x, c) => (Math.imul(x, 31) + c.charCodeAt(0)) >>> 0, 7) % 100;
    const x = byId.get(m.prospectId);
    const acceptedAt = sent + (1 + (h % 6)) * DAY;
    if (x && (h < 30 || repliedProspects.has(x.i)) && acceptedAt < now)
      x.p.connectedAt = x.p.connectedAt ?? iso(acceptedAt);
    else if (h >= 90 && sent + 14 * DAY < now) m.withdrawnAt = iso(sent + 14 * DAY);
  }

  return {
    format: 'sidelog-export',
    version: 1,
    exportedAt: iso(now),
    prospects,
    threads,
    messages,
    templates: templates.map((t) =>
      exportTemplate({
        id: t.id,
        name: t.name,
        channel: t.channel,
        subject: t.subject,
        body: t.body,
        tags: t.tags,
        archived: false,
        version: t.version,
        createdAt: now - (o.days + 30) * DAY,
        updatedAt: now - (o.days + 30) * DAY + t.version * DAY,
      }),
    ),
  };
}

/** Standard normal deviate (Box-Muller) from a uniform source. */
function gauss(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}
