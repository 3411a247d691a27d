// Gmail sync payloads built in the layouts of the real captures (test/fixtures/gmail, 2022-09-09
// InboxSDK data and the gmail.js fd-embedded capture) and of gmail.js' /i/fd reader. Used by the
// look-alike server (serve.ts); the look-alike page builds its requests the same way (page.js).

export interface Person {
  email: string;
  name?: string | null;
}

export interface LMessage {
  id: string; // msg-a:r… (authored) or msg-f:<dec> (received)
  legacy: string; // hex
  from: Person;
  to: Person[];
  cc: Person[];
  /** Blind copies: only the sender's own copy carries them ([4], as in cvOnSend_3_response.json). */
  bcc?: Person[];
  subject: string;
  html: string;
  snippet: string;
  time: number;
  labels: string[];
  rfc: string;
  inReplyTo: string | null;
  references: string[];
}

export interface LThread {
  id: string; // thread-a:r… (started by the user) or thread-f:<dec>
  legacy: string;
  subject: string;
  messages: LMessage[];
  /** Server change counter at the last change (drives incremental /i/s sync). */
  changedAt: number;
}

/** Legacy ids carry the server time in their top bits (id >> 20 = ms), like Gmail's. */
export function legacyId(time: number): string {
  const low = BigInt(Math.floor(Math.random() * 0xfffff));
  return ((BigInt(time) << 20n) | low).toString(16);
}
export const fetchedId = (kind: 'msg' | 'thread', legacy: string) => `${kind}-f:${BigInt('0x' + legacy).toString(10)}`;

let rfcCounter = 0;
export function rfcId(domain = 'mail.gmail.com'): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+=_-';
  let s = 'CA';
  for (let i = 0; i < 40; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return `<${s}${++rfcCounter}@${domain}>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
export function textToHtml(text: string): string {
  return `<div dir="ltr">${text
    .split('\n')
    .map((l) => (l ? escapeHtml(l) : '<br>'))
    .join('</div><div dir="ltr">')}</div>`;
}

const contact = (p: Person) => (p.name ? [1, p.email, p.name] : [1, p.email]);

/** A message in the response/embedded layout (56 slots, as in cvOnSend_response.json). */
export function responseMessage(m: LMessage, withBody: boolean): unknown[] {
  const a: unknown[] = new Array(56).fill(null);
  a[0] = m.id;
  a[1] = contact(m.from);
  a[2] = m.to.map(contact);
  a[3] = m.cc.length ? m.cc.map(contact) : null;
  a[4] = m.bcc?.length ? m.bcc.map(contact) : null;
  a[6] = m.time;
  a[7] = m.subject;
  // Embedded threads carry the body as [null, [[0, null, [null, html]]]] (fd-embedded capture);
  // responses to a send carry only the snippet.
  a[8] = withBody ? [null, [[0, null, [null, m.html]]]] : null;
  a[9] = m.snippet;
  a[10] = m.labels;
  a[13] = m.rfc;
  a[14] = m.references.length ? m.references : null;
  a[15] = m.inReplyTo;
  a[17] = m.time + 200;
  a[30] = m.time + 200;
  a[43] = 0;
  a[55] = m.legacy;
  return a;
}

/** The embedded thread `[subject, snippet, time, id|lastMsg, messages, …, 19: legacy]`. */
export function embeddedThread(t: LThread, withBody: boolean, pipeForm: boolean): unknown[] {
  const a: unknown[] = new Array(20).fill(null);
  const last = t.messages[t.messages.length - 1];
  a[0] = t.subject;
  a[1] = last?.snippet ?? '';
  a[2] = last?.time ?? 0;
  a[3] = pipeForm && last ? `${t.id}|${last.id}` : t.id;
  a[4] = t.messages.map((m) => responseMessage(m, withBody));
  a[8] = `msg-a:bump-${t.id.split(':')[1]}`;
  a[13] = 0.5;
  a[14] = [t.messages.map((m) => [m.from.name ?? m.from.email, m.from.email])];
  a[16] = 0;
  a[19] = t.legacy;
  return a;
}

/** `POST /i/s` response (cvOnSend_response.json layout). */
export function syncResponse(threads: Array<{ requestId: string; thread: LThread }>, counter: number): unknown[] {
  return [
    [[[10, 0, null, counter]]],
    [
      0,
      null,
      null,
      null,
      null,
      threads.map(({ requestId, thread }) => [
        [requestId, null, [null, null, null, null, null, null, [embeddedThread(thread, false, false), counter]]],
      ]),
    ],
    [
      [
        ['^i', 0, threads.length],
        ['^all', 0, threads.length],
      ],
    ],
    [counter],
  ];
}

/** `POST /i/bv` response (thread list; InboxSDK extractThreadsFromSearchResponse_20220909: body[2][i][0]). */
export function listResponse(threads: LThread[]): unknown[] {
  return [
    null,
    [threads.length],
    threads.map((t, i) => [embeddedThread(t, true, true), i]),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    [null, threads.length],
  ];
}

/** `POST /i/fd` response in the layout gmail.js parse_fd_request_payload reads. */
export function threadResponse(t: LThread): unknown[] {
  const compact = t.messages.map((m) => [m.id, contact(m.from), null, m.labels]);
  const full = t.messages.map((m) => {
    const d: unknown[] = new Array(35).fill(null);
    d[0] = m.to.map(contact);
    d[1] = m.cc.map(contact);
    d[2] = (m.bcc ?? []).map(contact);
    d[4] = m.subject;
    d[5] = [null, [[0, null, [null, m.html]]]];
    d[7] = m.rfc;
    const sender: unknown[] = new Array(17).fill(null);
    sender[16] = m.from.email;
    d[10] = sender;
    d[16] = String(m.time);
    d[34] = m.legacy;
    return [m.id, d];
  });
  // Thread descriptor: [0] id, [1] subject, [2] legacy hex, [13] legacy as decimal (InboxSDK reads [13]).
  const desc: unknown[] = new Array(14).fill(null);
  desc[0] = t.id;
  desc[1] = t.subject;
  desc[2] = t.legacy;
  desc[13] = BigInt('0x' + t.legacy).toString(10);
  return [null, [[t.id, [desc, compact], full]]];
}
