// Foundation, end to end in the built extension: the shell, the capture path from a content
// script through the outbox to Dexie, a service worker stopped mid-way, hostile input, export.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { exportJson, expect, openPanel, readDb, stopServiceWorker, test, type ExtensionChrome } from './fixtures';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
declare const chrome: ExtensionChrome;

const CAPTURES = path.resolve('test/fixtures/gmail/inboxsdk-sync-2022-09-09');
// Six distinct sends. cvOnSend_4 is the same message as cvOnSend_3 (same msg-a id, with bcc).
const SENDS = ['cvOnSend', 'cvOnSend_3', 'cvOnReplySend', 'cvOnReplySend_3', 'cvOnReplySend_4', 'cvOnReplySend_5'];
const SAME_AS_3 = 'cvOnSend_4';
const read = (name: string) => readFileSync(path.join(CAPTURES, name), 'utf8');

/**
 * A minimal page at Gmail's real URL whose script replays captured sync calls the way Gmail's
 * own code does (XMLHttpRequest POST /sync/u/0/i/s, plain JSON bodies). The responses are the
 * captured ones. The extension's passive tap and content script see them as on the real site.
 */
async function serveMinimalGmail(context: BrowserContext) {
  await context.route('https://mail.google.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/sync/u/0/i/s')) {
      const body = route.request().postData() ?? '';
      const name = [...SENDS, SAME_AS_3].find((n) => read(`${n}_request.json`).trim() === body.trim());
      return route.fulfill({
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: name ? read(`${name}_response.json`) : '[]',
      });
    }
    if (url.pathname.startsWith('/mail/u/0')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><title>Inbox (3) - sidelog.tester@gmail.com - Gmail</title></head>
<body><div role="main">Minimal Gmail</div>
<script>
  window.replay = (body) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/sync/u/0/i/s?hl=en&c=' + Math.floor(Math.random() * 1000) + '&rt=r&pt=ji');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = reject;
    xhr.send(body);
  });
</script></body></html>`,
      });
    }
    return route.fulfill({ status: 204, body: '' });
  });
}

async function sendFromPage(page: Page, name: string) {
  await page.evaluate(
    (body) => (window as unknown as { replay(b: string): Promise<number> }).replay(body),
    read(`${name}_request.json`),
  );
}

/** Sends raw `capture` messages from an extension page (the background re-validates everything). */
async function sendRaw(page: Page, events: unknown[]): Promise<{ acked: string[]; rejected: number }> {
  return page.evaluate(
    (events) =>
      new Promise((resolve) =>
        chrome.runtime.sendMessage(
          { id: 1, type: 'capture', data: { events }, timestamp: Date.now() },
          (r: { res?: { acked: string[]; rejected: number } } | undefined) =>
            resolve(r?.res as { acked: string[]; rejected: number }),
        ),
      ),
    events,
  );
}

test('the side panel shell opens with its four sections and honest empty states', async ({ context, extensionId }) => {
  const panel = await openPanel(context, extensionId);
  for (const name of ['Dashboard', 'Prospects', 'Templates', 'Settings'])
    await expect(panel.getByRole('tab', { name })).toBeVisible();
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByTestId('health-gmail')).toContainText('nothing seen yet');
  await expect(panel.getByTestId('health-linkedin')).toContainText('nothing seen yet');
  await expect(panel.getByRole('button', { name: 'Export JSON' })).toBeVisible();
  await expect(panel.getByLabel('Import JSON')).toBeAttached();
});

test('sends seen by the content script are stored once, even with the worker stopped mid-way', async ({
  context,
  extensionId,
  requests,
}) => {
  await serveMinimalGmail(context);
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  const panel = await openPanel(context, extensionId);

  await sendFromPage(gmail, SENDS[0]);
  await expect.poll(async () => (await readDb(panel, 'messages')).length, { timeout: 10_000 }).toBe(1);

  // The worker goes to sleep; the next sends wait in the outbox and wake it.
  await stopServiceWorker(panel, extensionId);
  await sendFromPage(gmail, SENDS[1]);
  await stopServiceWorker(panel, extensionId);
  await sendFromPage(gmail, SENDS[2]);
  await sendFromPage(gmail, SENDS[3]);
  // Stopped while events are in flight: the send and the stop race each other.
  await Promise.all([sendFromPage(gmail, SENDS[4]), stopServiceWorker(panel, extensionId)]);
  await Promise.all([sendFromPage(gmail, SENDS[5]), stopServiceWorker(panel, extensionId)]);
  // The same message in another call, and the same calls again (a retry, a reload): stored once.
  // cvOnSend_4's response also carries cvOnSend's message back as a draft (an Undo in the
  // capture), so it retracts that send, and replaying cvOnSend right after is a send again: it
  // must be kept however late the content script reads the Undo (it once was dropped under load).
  await sendFromPage(gmail, SAME_AS_3);
  await sendFromPage(gmail, SENDS[0]);
  await sendFromPage(gmail, SENDS[3]);

  // Settled: the outbox is empty (everything acknowledged) and all six are stored, together, so a
  // count passing on the way (before a late retraction) cannot pass for the end state.
  await expect
    .poll(
      async () => {
        const outbox = await panel.evaluate(
          async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('outbox:')).length,
        );
        return { outbox, stored: (await readDb(panel, 'messages')).length };
      },
      { timeout: 15_000 },
    )
    .toEqual({ outbox: 0, stored: SENDS.length });

  const { filename, data } = await exportJson(panel);
  expect(filename).toMatch(/^sidelog-export-\d{4}-\d{2}-\d{2}\.json$/);
  expect(data.format).toBe('sidelog-export');
  expect(data.version).toBe(1);
  expect(data.messages).toHaveLength(SENDS.length);
  expect(new Set(data.messages.map((m: { id: string }) => m.id)).size).toBe(SENDS.length);
  expect(
    data.messages.every(
      (m: { direction: string; channel: string }) => m.direction === 'outbound' && m.channel === 'gmail',
    ),
  ).toBe(true);

  // Privacy: every request went to the look-alike site (the page's own calls) or stayed inside the extension.
  const foreign = requests.filter(
    (r) => !/^(GET|POST) (https:\/\/mail\.google\.com\/|chrome-extension:\/\/|blob:|data:)/.test(r),
  );
  expect(foreign).toEqual([]);
});

test('hostile and malformed events are dropped whole, the worker survives, text stays text', async ({
  context,
  extensionId,
}) => {
  const panel = await openPanel(context, extensionId);
  const base = {
    type: 'message',
    channel: 'gmail',
    layer: 'dom',
    direction: 'outbound',
    kind: 'email',
    threadExternalId: 'thread-f:1',
    from: { email: 'me@seller.io' },
    to: [{ email: 'ada@acme.com', name: 'Ada' }],
    subject: 'Hello',
    text: 'Hi',
    sentAt: Date.now(),
  };
  const huge = 'A'.repeat(5 * 1024 * 1024);
  const bad: unknown[] = [];
  for (let i = 0; i < 100; i++) {
    const variants: unknown[] = [
      { ...base, eventId: `b${i}`, externalId: `x${i}`, sentAt: 'now' },
      { ...base, eventId: `b${i}`, externalId: `x${i}`, text: i % 10 === 0 ? huge.slice(0, 300_000) : 42 },
      { ...base, eventId: `b${i}`, externalId: `x${i}`, channel: 'evil' },
      { ...base, eventId: `b${i}`, externalId: '' },
      { ...base, eventId: `b${i}`, externalId: `x${i}`, to: '<script>alert(1)</script>' },
      { ...base, eventId: `b${i}`, externalId: `x${i}`, type: '__proto__' },
      null,
      `<img src=x onerror=alert(${i})>`,
      { ...base, eventId: `b${i}`, externalId: `x${i}`, subject: huge },
      { ...base, eventId: `b${i}`, externalId: `x${i}`, direction: undefined },
    ];
    bad.push(variants[i % variants.length]);
  }
  for (let i = 0; i < bad.length; i += 10) {
    const r = await sendRaw(panel, bad.slice(i, i + 10));
    expect(r.rejected).toBe(10);
  }
  expect(await readDb(panel, 'messages')).toHaveLength(0);

  // The worker is still alive and stores a valid event whose fields contain markup.
  const evil = '<img src=x onerror="document.title=\'pwned\'">';
  const ok = await sendRaw(panel, [
    { ...base, eventId: 'good', externalId: 'good-1', to: [{ email: 'ada@acme.com', name: evil }], text: evil },
  ]);
  expect(ok).toEqual({ acked: ['good'], rejected: 0 });
  const msgs = await readDb<{ text: string }>(panel, 'messages');
  expect(msgs.map((m) => m.text)).toEqual([evil]);

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByTestId('ingest-stats')).toContainText('Rejected as malformed: 100');
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await expect(panel.getByText(evil).first()).toBeVisible();
  expect(await panel.locator('img[src="x"]').count()).toBe(0);
  expect(await panel.title()).not.toBe('pwned');
});
