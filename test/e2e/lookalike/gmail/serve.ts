/**
 * Gmail look-alike for end-to-end tests, served at https://mail.google.com/mail/u/0/ with
 * context.route. It reproduces both layers Sidelog reads:
 * - the DOM of today's Gmail (class names and attributes from the 2019 compose capture and the
 *   docs/design.md "What the live sites do": div.M9 compose with hidden draft/rt/composeid inputs, the div.anm chip
 *   recipient widget, g_editable body, div.aoO Send, the div.b8 .vh toast with #link_undo and
 *   #link_vsm, h2.hP / div.adn / span.gD / span.g3 / div.a3s thread view, tr.zA / span.bqe rows);
 * - Gmail's own sync calls, made by the page's script as XMLHttpRequests with Gmail's headers:
 *   POST /sync/u/0/i/s (draft saves `^r`/`^r_bt`, sends `^pfg`, periodic sync), /i/bv (thread list),
 *   /i/fd (open a thread), with request and response bodies in the captured layouts (wire.ts).
 * The page is served with Gmail's Trusted Types CSP, so an HTML-string sink in the main world fails.
 *
 * Exports (reusable by other specs):
 *   serveGmail(context, opts?)            -> GmailServer: routes mail.google.com; state + `unexpected` requests
 *   openGmail(page)                       -> goes to the inbox and waits for it
 *   composeAndSend(page, {to, cc?, subject, body, via?: 'click' | 'keyboard'})
 *                                         -> opens Compose, types like a user, sends, waits for "Message sent"
 *   openCompose(page) / fillCompose(page, {...})  -> the same without sending (draft autosaves happen)
 *   openThread(page, subject)             -> clicks the inbox row, waits for the thread view
 *   replyInThread(page, {body, via?})     -> inline reply in the open thread, sends, waits for the toast
 *   scheduleSend(page, {to, cc?, bcc?, subject, body, minutesAhead})
 *                                         -> opens Compose, types, picks "Schedule send" in the menu of the
 *                                            arrow next to Send, "Pick date & time" a few minutes ahead,
 *                                            waits for "Send scheduled"; returns the due time (ms)
 *   cancelScheduledSend(page, subject)    -> opens the thread and clicks "Cancel send" (back to drafts)
 *   syncNow(page)                         -> the page's periodic sync (/i/s poll, then /i/bv)
 *   server.advance(ms)                    -> the server's clock moves on: scheduled messages due by then
 *                                            are sent (labels ^f…), and the next sync shows them sent
 *   deliverInbound(page, server, {from, subject?, text, toThreadWithSubject?})
 *                                         -> the server receives a message (in the thread of that subject,
 *                                            In-Reply-To = our last message there, or a new thread); the
 *                                            page then syncs (/i/s) and refreshes the list (/i/bv)
 *   clickUndo(page)                       -> clicks Undo in the toast
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fetchedId,
  legacyId,
  listResponse,
  rfcId,
  syncResponse,
  textToHtml,
  threadResponse,
  type LMessage,
  type LThread,
  type Person,
} from './wire';

export interface GmailOptions {
  me?: Person;
  /** Undo Send on the wire: 'A' sends at once and re-saves as draft on Undo; 'B' holds the send. */
  undoMode?: 'A' | 'B';
  undoWindowMs?: number;
  /** How h2.hP carries data-thread-perm-id: the id, the string "undefined", or not at all. */
  permId?: 'real' | 'undefined' | 'missing';
  /** 'opaque': sync bodies in a format no reader knows (only the DOM layer can capture). */
  wire?: 'captured' | 'opaque';
  /** How the page makes its sync calls: XMLHttpRequest (as Gmail does today) or fetch. */
  transport?: 'xhr' | 'fetch';
  /** Make the sync calls with the XMLHttpRequest of a hidden same-origin frame (Gmail's old js_frame). */
  syncFrame?: boolean;
  /** Paint the thread heading's data-legacy-thread-id this long after the thread view (0: at once). */
  idPaintDelayMs?: number;
}

export interface GmailServer {
  me: Person;
  threads: LThread[];
  drafts: Map<string, LMessage & { threadId: string }>;
  /** Every request to mail.google.com that is neither the page nor the page's own sync calls. */
  unexpected: string[];
  /** Sync calls received, as `<kind> <labels…>`. */
  syncLog: string[];
  thread(idOrSubject: string): LThread | undefined;
  addInbound(o: InboundSpec): LMessage;
  /** The server's clock (real time plus what advance() added). */
  now(): number;
  /** Moves the server's clock on; Gmail sends the scheduled messages due by then. */
  advance(ms: number): void;
}

export interface InboundSpec {
  from: Person;
  text: string;
  subject?: string;
  /** Put the message in the thread with this subject (reply); otherwise a new thread. */
  toThreadWithSubject?: string;
}

const PAGE_JS = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'page.js'), 'utf8');
const XSRF = 'AKwhgQpLookalikeXsrfToken0000000001';

// The sync bodies are Gmail's nested positional arrays, read by index as Gmail's own code does
// (./wire.ts writes the same layouts); a type per index would restate those layouts, so the
// reader takes them untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Wire = any;
/** What page.js puts on the look-alike page's window. */
interface LookalikeWindow {
  __gmailLookalike: { sync(): unknown; refreshList(): unknown; openThread(id: string): unknown };
}

function shell(me: Person, opts: Required<Omit<GmailOptions, 'me'>>): string {
  const cfg = JSON.stringify({
    me,
    xsrf: XSRF,
    undoMode: opts.undoMode,
    undoWindowMs: opts.undoWindowMs,
    permId: opts.permId,
    wire: opts.wire,
    transport: opts.transport,
    syncFrame: opts.syncFrame,
    idPaintDelayMs: opts.idPaintDelayMs,
  });
  // The shell is what the server sends, like Gmail's own HTML; everything inside is built by page.js.
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Gmail</title>
<link rel="icon" href="data:,">
<style>
body{font:14px Arial,sans-serif;margin:0}.gb_A{float:right;margin:8px}.aic{padding:8px}.T-I{display:inline-block;padding:6px 12px;border:1px solid #ccc;border-radius:4px;cursor:pointer;user-select:none}
.nH.Hd{position:fixed;right:16px;bottom:0;width:520px;background:#fff;border:1px solid #999;box-shadow:0 0 8px #999}
.anm{display:flex;gap:4px;flex-wrap:wrap;border-bottom:1px solid #eee;padding:4px}.afV{background:#e8eaed;border-radius:10px;padding:0 6px}
.aoT{width:95%;padding:4px}.editable{min-height:120px;padding:6px;border-top:1px solid #eee}
.b8{position:fixed;left:16px;bottom:16px;background:#323232;color:#fff;padding:10px}.b8 [role=link]{margin-left:12px;color:#8ab4f8;cursor:pointer}
tr.zA td{padding:4px 8px;border-bottom:1px solid #eee;cursor:pointer}tr.zE{font-weight:bold}.adn{border-top:1px solid #ddd;padding:8px}
</style>
<script type="application/json" id="lookalike-config">${cfg}</script>
</head><body><div id="loading">Loading…</div><div class="nH" id="app"></div>
<script src="/_/scs/mail-static/_/js/k=gmail.main.en.lookalike/m=b"></script></body></html>`;
}

export async function serveGmail(context: BrowserContext, options: GmailOptions = {}): Promise<GmailServer> {
  const me = options.me ?? { email: 'me@sidelog.test', name: 'Sam Sender' };
  const opts = {
    undoMode: options.undoMode ?? 'A',
    undoWindowMs: options.undoWindowMs ?? 5000,
    permId: options.permId ?? 'real',
    wire: options.wire ?? 'captured',
    transport: options.transport ?? 'xhr',
    syncFrame: options.syncFrame ?? false,
    idPaintDelayMs: options.idPaintDelayMs ?? 0,
  } as const;
  let counter = 1000;
  let skew = 0;
  const server: GmailServer = {
    me,
    threads: [],
    drafts: new Map(),
    unexpected: [],
    syncLog: [],
    now: () => Date.now() + skew,
    advance(ms) {
      skew += ms;
    },
    thread(key) {
      return this.threads.find(
        (t) => t.id === key || t.legacy === key || t.subject === key || fetchedId('thread', t.legacy) === key,
      );
    },
    addInbound(o) {
      const now = Date.now();
      const legacy = legacyId(now);
      const existing = o.toThreadWithSubject ? this.thread(o.toThreadWithSubject) : undefined;
      const lastOurs = existing ? [...existing.messages].reverse().find((m) => m.id.startsWith('msg-a:')) : undefined;
      const subject = o.subject ?? (existing ? `Re: ${existing.subject}` : '(no subject)');
      const msg: LMessage = {
        id: fetchedId('msg', legacy),
        legacy,
        from: o.from,
        to: [me],
        cc: [],
        subject,
        html: textToHtml(o.text),
        snippet: o.text.replace(/\s+/g, ' ').slice(0, 100),
        time: now,
        labels: ['^all', '^i', '^io_im', '^smartlabel_personal', '^sq_ig_i_personal', '^u'],
        rfc: rfcId(o.from.email.split('@')[1] ?? 'example.com'),
        inReplyTo: lastOurs?.rfc ?? null,
        references: existing ? existing.messages.map((m) => m.rfc) : [],
      };
      counter++;
      if (existing) {
        existing.messages.push(msg);
        existing.changedAt = counter;
      } else {
        this.threads.unshift({ id: fetchedId('thread', legacy), legacy, subject, messages: [msg], changedAt: counter });
      }
      return msg;
    },
  };

  /** Gmail sends a scheduled message at its time, server side: it becomes a sent message (the labels
   *  of a sent one, as in cvOnSend_3_response.json) under the same ids, and the thread changes. */
  const releaseDue = () => {
    for (const t of server.threads) {
      for (const m of t.messages) {
        if (!m.labels.includes('^scheduled') || m.time > server.now()) continue;
        counter++;
        m.labels = ['^all', '^f', '^f_bt', '^f_cl', '^pfg', '^sq_ig_i_personal'];
        t.changedAt = counter;
      }
    }
  };

  const handleSyncS = (body: Wire): unknown[] => {
    const updates: Wire[] = body?.[1]?.[0] ?? [];
    const touched: Array<{ requestId: string; thread: LThread }> = [];
    const since = typeof body?.[5] === 'number' ? body[5] : null;
    for (const u of updates) {
      const requestId: string = u?.[1]?.[0];
      const t = u?.[1]?.[1];
      const m: Wire[] | undefined = t?.[13]?.[0] ?? t?.[1]?.[0] ?? t?.[2]?.[0]?.[4]?.[0];
      if (!requestId || !m) continue;
      const labels: string[] = m[10] ?? [];
      server.syncLog.push(`s ${labels.join(' ')}`);
      const now = Date.now();
      const parts: Wire[] = m[8]?.[1] ?? [];
      const html = parts
        .filter((p) => p[0] === 0)
        .map((p) => p[1])
        .join('');
      const legacy = server.drafts.get(m[0])?.legacy ?? legacyId(now);
      const msg: LMessage = {
        id: m[0],
        legacy,
        from: { email: m[1][1], name: m[1][2] },
        to: (m[2] ?? []).map((c: Wire[]) => ({ email: c[1], name: c[2] ?? null })),
        cc: (m[3] ?? []).map((c: Wire[]) => ({ email: c[1], name: c[2] ?? null })),
        bcc: (m[4] ?? []).map((c: Wire[]) => ({ email: c[1], name: c[2] ?? null })),
        subject: m[7] ?? '',
        html,
        snippet: html
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 100),
        time: m[6],
        labels,
        rfc: server.drafts.get(m[0])?.rfc ?? rfcId(),
        inReplyTo: m[15] ?? null,
        references: m[14] ?? [],
      };
      counter++;
      let thread = server.thread(requestId);
      const scheduling = !labels.includes('^pfg') && labels.includes('^scheduled');
      if (labels.includes('^pfg') || scheduling) {
        server.drafts.delete(msg.id);
        // A scheduled message is held, labelled as the request labelled it, until its time ([6]).
        msg.labels = scheduling ? labels : ['^all', '^f', '^f_bt', '^f_cl', '^pfg', '^sq_ig_i_personal'];
        if (!thread) {
          thread = { id: requestId, legacy, subject: msg.subject, messages: [], changedAt: counter };
          server.threads.unshift(thread);
        }
        thread.messages = thread.messages.filter((x) => x.id !== msg.id);
        thread.messages.push(msg);
        thread.changedAt = counter;
        touched.push({ requestId, thread });
      } else {
        // A draft save (also Undo behaviour A: the sent message comes back as a draft).
        server.drafts.set(msg.id, { ...msg, threadId: requestId });
        for (const t of server.threads) {
          if (t.messages.some((x) => x.id === msg.id)) {
            t.messages = t.messages.filter((x) => x.id !== msg.id);
            t.changedAt = counter;
          }
        }
        server.threads = server.threads.filter((t) => t.messages.length > 0);
        const view: LThread =
          thread && thread.messages.length
            ? { ...thread, messages: [...thread.messages, msg] }
            : { id: requestId, legacy, subject: msg.subject, messages: [msg], changedAt: counter };
        touched.push({ requestId, thread: view });
      }
    }
    if (updates.length === 0 && since != null) {
      server.syncLog.push('s poll');
      for (const t of server.threads) if (t.changedAt > since) touched.push({ requestId: t.id, thread: t });
    }
    return syncResponse(touched, counter);
  };

  await context.route('https://mail.google.com/**', async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    const headers = req.headers();
    if (req.method() === 'GET' && /^\/mail\/u\/0\/?$/.test(url.pathname) && url.searchParams.get('view') === 'js') {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><title></title></head><body></body></html>',
      });
    }
    if (req.method() === 'GET' && /^\/mail\/u\/0\/?$/.test(url.pathname)) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types lookalike-sanitizer" },
        body: shell(me, opts),
      });
    }
    if (req.method() === 'GET' && url.pathname.startsWith('/_/scs/mail-static/')) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: PAGE_JS });
    }
    const kind = /^\/sync\/u\/0\/i\/(s|bv|fd)$/.exec(url.pathname)?.[1];
    if (req.method() === 'POST' && kind && headers['x-framework-xsrf-token'] === XSRF) {
      releaseDue();
      let body: Wire = null;
      const reverse = (x: string) => x.split('').reverse().join('');
      try {
        body = JSON.parse(req.postData() ?? 'null');
        if (opts.wire === 'opaque' && body?.v === 3) body = JSON.parse(reverse(body.payload));
      } catch {
        body = null;
      }
      let resp: unknown;
      if (kind === 's') resp = handleSyncS(body);
      else if (kind === 'bv') {
        server.syncLog.push('bv');
        resp = listResponse(server.threads);
      } else {
        server.syncLog.push('fd');
        const t = server.thread(String(body?.[0] ?? ''));
        resp = t ? threadResponse(t) : [null, []];
      }
      const out =
        opts.wire === 'opaque'
          ? JSON.stringify({ v: 3, payload: reverse(JSON.stringify(resp)) })
          : JSON.stringify(resp);
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: out });
    }
    server.unexpected.push(`${req.method()} ${req.url()}`);
    return route.fulfill({ status: 404, body: '' });
  });
  return server;
}

// ------------------------------------------------------------------ page helpers (act like a user)

export async function openGmail(page: Page): Promise<void> {
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.getByRole('button', { name: 'Compose' }).waitFor();
}

export async function openCompose(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Compose' }).click();
  await page.locator('div.M9').last().waitFor();
}

async function addRecipients(page: Page, field: 'to' | 'cc' | 'bcc', list: string[]) {
  if (!list.length) return;
  const compose = page.locator('div.M9').last();
  if (field === 'cc') await compose.getByRole('link', { name: /Add Cc recipients/ }).click();
  if (field === 'bcc') await compose.getByRole('link', { name: /Add Bcc recipients/ }).click();
  const input = compose.locator(`div.anm[name=${field}] input[role=combobox]`);
  for (const addr of list) {
    await input.click();
    await input.pressSequentially(addr, { delay: 5 });
    await input.press('Enter');
  }
}

export async function fillCompose(
  page: Page,
  o: { to: string[]; cc?: string[]; bcc?: string[]; subject: string; body: string },
): Promise<void> {
  const compose = page.locator('div.M9').last();
  await addRecipients(page, 'to', o.to);
  await addRecipients(page, 'cc', o.cc ?? []);
  await addRecipients(page, 'bcc', o.bcc ?? []);
  await compose.locator('input[name=subjectbox]').click();
  await compose.locator('input[name=subjectbox]').pressSequentially(o.subject, { delay: 2 });
  const body = compose.locator('div[g_editable=true][role=textbox]');
  await body.click();
  const lines = o.body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    if (lines[i]) await page.keyboard.type(lines[i], { delay: 2 });
  }
}

async function pressSend(page: Page, compose: ReturnType<Page['locator']>, via: 'click' | 'keyboard') {
  if (via === 'keyboard') {
    await compose.locator('div[g_editable=true][role=textbox]').click();
    await page.keyboard.press('Control+Enter');
  } else {
    await compose.locator('div.aoO[role=button]').click();
  }
}

export async function composeAndSend(
  page: Page,
  o: { to: string[]; cc?: string[]; bcc?: string[]; subject: string; body: string; via?: 'click' | 'keyboard' },
): Promise<void> {
  await openCompose(page);
  await fillCompose(page, o);
  await pressSend(page, page.locator('div.M9').last(), o.via ?? 'click');
  await page.locator('#link_vsm').waitFor();
}

export async function openThread(page: Page, subject: string): Promise<void> {
  await page.locator('tr.zA', { hasText: subject }).first().click();
  await page.locator('h2.hP', { hasText: subject }).waitFor();
}

export async function replyInThread(page: Page, o: { body: string; via?: 'click' | 'keyboard' }): Promise<void> {
  await page.getByRole('link', { name: 'Reply', exact: true }).click();
  const compose = page.locator('div.ip div.M9');
  const body = compose.locator('div[g_editable=true][role=textbox]');
  await body.click();
  await page.keyboard.type(o.body, { delay: 2 });
  await pressSend(page, compose, o.via ?? 'click');
  await page.locator('#link_vsm').waitFor();
}

export async function clickUndo(page: Page): Promise<void> {
  await page.locator('#link_undo').click();
  await page.locator('.b8 .vh', { hasText: 'Sending undone' }).waitFor();
}

/** Local "YYYY-MM-DD" and "HH:MM" of the page's clock `minutes` ahead (rounded up to the minute), as a user reads them. */
async function localTimeAhead(page: Page, minutes: number): Promise<{ date: string; time: string; at: number }> {
  return page.evaluate((mins) => {
    const d = new Date(Date.now() + mins * 60_000);
    d.setSeconds(0, 0);
    d.setMinutes(d.getMinutes() + 1);
    const p = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
      time: `${p(d.getHours())}:${p(d.getMinutes())}`,
      at: d.getTime(),
    };
  }, minutes);
}

/** "Schedule send" from a new compose, a few minutes ahead; returns the time it is due (ms). */
export async function scheduleSend(
  page: Page,
  o: { to: string[]; cc?: string[]; bcc?: string[]; subject: string; body: string; minutesAhead: number },
): Promise<number> {
  await openCompose(page);
  await fillCompose(page, o);
  const compose = page.locator('div.M9').last();
  await compose.getByRole('button', { name: 'More send options' }).click();
  await compose.getByRole('menuitem', { name: 'Schedule send' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule send' });
  await dialog.getByRole('menuitem', { name: 'Pick date & time' }).click();
  const when = await localTimeAhead(page, o.minutesAhead);
  await dialog.getByLabel('Date').fill(when.date);
  await dialog.getByLabel('Time').fill(when.time);
  await dialog.getByRole('button', { name: 'Schedule send' }).click();
  await page.locator('.b8 .vh', { hasText: 'Send scheduled for' }).waitFor();
  return when.at;
}

/** Opens the thread of a scheduled message and clicks "Cancel send". */
export async function cancelScheduledSend(page: Page, subject: string): Promise<void> {
  await openThread(page, subject);
  await page.getByRole('button', { name: 'Cancel send' }).click();
  await page.locator('.b8 .vh', { hasText: 'Sending cancelled' }).waitFor();
}

/** The page's periodic sync: an /i/s poll, then the list. */
export async function syncNow(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as LookalikeWindow).__gmailLookalike.sync());
}

/** The server receives a message; the page learns of it the way Gmail does: a sync (/i/s) and a list refresh (/i/bv). */
export async function deliverInbound(page: Page, server: GmailServer, o: InboundSpec): Promise<LMessage> {
  const msg = server.addInbound(o);
  await page.evaluate(() => (window as unknown as LookalikeWindow).__gmailLookalike.sync());
  return msg;
}
