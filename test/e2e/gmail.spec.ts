// Gmail capture end to end: the built extension against the Gmail look-alike
// (test/e2e/lookalike/gmail), acting as a user, reading the result from the panel's database and export.
import type { Page } from '@playwright/test';
import { exportJson, expect, openPanel, readDb, test, type ExtensionChrome } from './fixtures';
import {
  clickUndo,
  composeAndSend,
  deliverInbound,
  fillCompose,
  openCompose,
  openGmail,
  openThread,
  replyInThread,
  serveGmail,
  type GmailServer,
} from './lookalike/gmail/serve';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
declare const chrome: ExtensionChrome;

const ME = { email: 'me@sidelog.test', name: 'Sam Sender' };
const ANA = { email: 'ana@acme.io', name: 'Ana Ruiz' };
const BOB = { email: 'bob@beta.co', name: 'Bob Brown' };
const CARLA = { email: 'carla@acme.io', name: 'Carla Diaz' };

type Msg = {
  id: string;
  direction: string;
  threadId: string;
  subject: string | null;
  text: string;
  to: string[];
  cc: string[];
  classification: string;
  externalId: string;
  seenBy: string[];
  source: string;
};
type Thread = {
  id: string;
  subject: string | null;
  summary?: {
    firstReplyAt: number | null;
    bounced: boolean;
    autoReplyCount: number;
    outboundCount: number;
    inboundCount: number;
  };
};

const outbound = (msgs: Msg[]) => msgs.filter((m) => m.direction === 'outbound');

/** Every request the test saw is the look-alike's own (page, its script, its sync calls) or extension-internal. */
function assertNoOwnRequests(requests: string[], server: GmailServer) {
  expect(server.unexpected).toEqual([]);
  const foreign = requests.filter((r) => {
    const url = r.slice(r.indexOf(' ') + 1);
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return false;
    if (
      url.startsWith('https://mail.google.com/mail/u/0/') ||
      url.startsWith('https://mail.google.com/_/scs/mail-static/')
    )
      return !r.startsWith('GET ');
    if (/^https:\/\/mail\.google\.com\/sync\/u\/0\/i\/(s|bv|fd)\?hl=en&c=\d+&rt=r&pt=ji$/.test(url))
      return !r.startsWith('POST ');
    return true;
  });
  expect(foreign).toEqual([]);
}

async function dbMessages(panel: Page) {
  return readDb<Msg>(panel, 'messages');
}

test.describe('Gmail capture', () => {
  // Whole user stories in a real Chromium on a shared 2-core machine: give them room.
  test.describe.configure({ timeout: 120_000 });

  test('new email to two recipients plus cc, reply in the thread, human reply, no request of its own', async ({
    context,
    extensionId,
    requests,
  }) => {
    const server = await serveGmail(context, { me: ME });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);

    await composeAndSend(page, {
      to: [ANA.email, BOB.email],
      cc: [CARLA.email],
      subject: 'Quick question about Acme',
      body: 'Hi Ana and Bob,\nare you free next week?',
    });
    await expect.poll(async () => outbound(await dbMessages(panel)).length, { timeout: 10_000 }).toBe(1);
    await expect(panel.getByTestId('thread-rate')).toContainText('0 of 1 threads', { timeout: 15_000 });
    // Both layers saw it (network at the response, DOM at "Message sent"): still one record.
    await expect
      .poll(async () => (await dbMessages(panel))[0]?.seenBy.sort().join(','), { timeout: 10_000 })
      .toBe('dom,network');
    let msgs = await dbMessages(panel);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      direction: 'outbound',
      subject: 'Quick question about Acme',
      text: 'Hi Ana and Bob,\nare you free next week?',
    });
    expect(msgs[0].to.join(' ')).toContain(ANA.email);
    expect(msgs[0].to.join(' ')).toContain(BOB.email);
    expect(msgs[0].cc.join(' ')).toContain(CARLA.email);
    expect(msgs[0].externalId).toMatch(/^msg-a:r-?\d+$/);

    // Reply inside the thread (Ctrl+Enter this time).
    await openThread(page, 'Quick question about Acme');
    await replyInThread(page, { body: 'Just bumping this up.', via: 'keyboard' });
    await expect.poll(async () => outbound(await dbMessages(panel)).length, { timeout: 10_000 }).toBe(2);
    msgs = await dbMessages(panel);
    const [first, bump] = outbound(msgs)
      .sort((a, b) => a.text.length - b.text.length)
      .reverse();
    expect(bump.text).toBe('Just bumping this up.'); // not the quoted history
    expect(bump.threadId).toBe(first.threadId);

    // Ana answers in the thread: the thread is marked replied.
    await deliverInbound(page, server, {
      from: ANA,
      text: 'Happy to chat, Tuesday works.',
      toThreadWithSubject: 'Quick question about Acme',
    });
    await expect
      .poll(async () => (await readDb<Thread>(panel, 'threads'))[0]?.summary?.firstReplyAt ?? null, { timeout: 10_000 })
      .not.toBeNull();
    msgs = await dbMessages(panel);
    const reply = msgs.find((m) => m.direction === 'inbound')!;
    expect(reply).toMatchObject({
      classification: 'human',
      threadId: first.threadId,
      text: 'Happy to chat, Tuesday works.',
    });
    // The panel's rate moves.
    await expect(panel.getByTestId('thread-rate')).toContainText('1 of 1 threads', { timeout: 15_000 });

    // Mail outside outreach is not logged.
    await deliverInbound(page, server, {
      from: { email: 'news@shop.example', name: 'Shop' },
      subject: 'Big sale',
      text: 'Everything must go',
    });
    await page.waitForTimeout(1500);
    expect((await dbMessages(panel)).filter((m) => m.direction === 'inbound')).toHaveLength(1);

    // Reload and re-render the same thread: nothing duplicated.
    await page.reload();
    await page.getByRole('button', { name: 'Compose' }).waitFor();
    // The look-alike reopens the thread from the URL (#inbox/<legacy id>), like Gmail.
    await page.locator('h2.hP', { hasText: 'Quick question about Acme' }).waitFor();
    await page.waitForTimeout(2500);
    msgs = await dbMessages(panel);
    expect(msgs).toHaveLength(3);
    expect(await readDb(panel, 'threads')).toHaveLength(1);

    // The export carries the same facts.
    const { data } = await exportJson(panel);
    expect(data.messages).toHaveLength(3);
    expect(data.threads).toHaveLength(1);
    expect(data.messages.filter((m) => m.direction === 'inbound')).toEqual([
      expect.objectContaining({ classification: 'human', from: expect.stringContaining(ANA.email) }),
    ]);
    // The health line (Settings) says capture works.
    await expect(panel.getByTestId('health-gmail')).toContainText('working', { timeout: 30_000 });

    assertNoOwnRequests(requests, server);
  });

  test('draft autosave logs nothing; undo send retracts (both wire behaviours)', async ({
    context,
    extensionId,
    requests,
  }) => {
    const server = await serveGmail(context, { me: ME, undoMode: 'A', undoWindowMs: 8000 });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);

    await openCompose(page);
    await fillCompose(page, { to: [ANA.email], subject: 'Draft only', body: 'Not sending this yet' });
    await expect
      .poll(() => server.syncLog.filter((l) => l.includes('^r')).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(2000);
    expect(await dbMessages(panel)).toHaveLength(0);

    // Behaviour A: the send goes out at once; Undo re-saves it as a draft.
    await page.locator('div.M9 div.aoO[role=button]').click();
    await page.locator('#link_vsm').waitFor();
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(1);
    await clickUndo(page);
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(2500); // late sightings (DOM grace, draft re-save) must not bring it back
    expect(await dbMessages(panel)).toHaveLength(0);
    assertNoOwnRequests(requests, server);
  });

  test('undo send when the client holds the send (behaviour B)', async ({ context, extensionId }) => {
    const server = await serveGmail(context, { me: ME, undoMode: 'B', undoWindowMs: 6000, permId: 'undefined' });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    await composeAndSend(page, { to: [BOB.email], subject: 'Held send', body: 'Undo me', via: 'keyboard' });
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(1);
    await clickUndo(page);
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(7000); // past the undo window: no request was made, nothing comes back
    expect(server.syncLog.filter((l) => l.includes('^pfg'))).toEqual([]);
    expect(await dbMessages(panel)).toHaveLength(0);
  });

  test('out-of-office and bounce are classified, not counted as replies (page uses fetch)', async ({
    context,
    extensionId,
  }) => {
    const server = await serveGmail(context, { me: ME, permId: 'missing', transport: 'fetch' });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    await composeAndSend(page, { to: [ANA.email], subject: 'Intro from Sam', body: 'Hi Ana, quick intro.' });
    await composeAndSend(page, { to: ['nobody@acme.io'], subject: 'Intro to nobody', body: 'Hello?' });
    await expect.poll(async () => outbound(await dbMessages(panel)).length, { timeout: 10_000 }).toBe(2);

    await deliverInbound(page, server, {
      from: ANA,
      subject: 'Automatic reply: Intro from Sam',
      text: 'I am out of the office until Monday with limited access to email.',
      toThreadWithSubject: 'Intro from Sam',
    });
    await deliverInbound(page, server, {
      from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' },
      subject: 'Delivery Status Notification (Failure)',
      text: "Address not found\nYour message wasn't delivered to nobody@acme.io because the address couldn't be found, or is unable to receive mail.",
      toThreadWithSubject: 'Intro to nobody',
    });
    await expect
      .poll(async () => (await dbMessages(panel)).filter((m) => m.direction === 'inbound').length, { timeout: 10_000 })
      .toBe(2);
    const msgs = await dbMessages(panel);
    expect(
      msgs
        .filter((m) => m.direction === 'inbound')
        .map((m) => m.classification)
        .sort(),
    ).toEqual(['auto-reply', 'bounce']);
    const threads = await readDb<Thread>(panel, 'threads');
    const intro = threads.find((t) => t.subject === 'Intro from Sam')!;
    const nobody = threads.find((t) => t.subject === 'Intro to nobody')!;
    expect(intro.summary).toMatchObject({ firstReplyAt: null, autoReplyCount: 1 });
    expect(nobody.summary).toMatchObject({ firstReplyAt: null, bounced: true });
    // Not replies, and the bounced thread leaves the denominator.
    await expect(panel.getByTestId('thread-rate')).toContainText('0 of 1 threads', { timeout: 15_000 });

    // The DOM layer reads the same messages from the thread view (data-thread-perm-id missing): still one each.
    await openThread(page, 'Intro from Sam');
    await page.waitForTimeout(2000);
    expect(await dbMessages(panel)).toHaveLength(4);
  });

  test('a sync format no reader knows: the DOM layer alone logs sends and replies, health says degraded', async ({
    context,
    extensionId,
  }) => {
    // The thread view names the thread only by its legacy id (perm id "undefined"), unlike the compose.
    const server = await serveGmail(context, { me: ME, wire: 'opaque', permId: 'undefined' });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    await composeAndSend(page, {
      to: [ANA.email],
      cc: [CARLA.email],
      subject: 'DOM only',
      body: 'Hello from the DOM layer',
    });
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(1);
    const [sent] = await dbMessages(panel);
    expect(sent).toMatchObject({
      direction: 'outbound',
      source: 'dom',
      subject: 'DOM only',
      text: 'Hello from the DOM layer',
    });
    expect(sent.externalId).toMatch(/^msg-a:r-?\d+$/); // the draft id: the id the network layer would use

    await deliverInbound(page, server, { from: ANA, text: 'Got it, thanks!', toThreadWithSubject: 'DOM only' });
    await page.reload(); // what the content script knew about the send must survive
    await page.getByRole('button', { name: 'Compose' }).waitFor();
    await openThread(page, 'DOM only');
    await expect
      .poll(async () => (await readDb<Thread>(panel, 'threads'))[0]?.summary?.firstReplyAt ?? null, { timeout: 10_000 })
      .not.toBeNull();
    expect(await readDb(panel, 'threads')).toHaveLength(1); // the reply joined the send's thread

    // The capture health line tells the user the network layer is failing.
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await expect(panel.getByTestId('health-gmail')).toContainText('degraded', { timeout: 30_000 });
  });

  test("the thread id painted late: the DOM layer waits for it, and the reply joins the send's thread", async ({
    context,
    extensionId,
  }) => {
    // DOM layer only, and the heading names the thread only by its legacy id, painted 1.5 s after the messages.
    const server = await serveGmail(context, { me: ME, wire: 'opaque', permId: 'undefined', idPaintDelayMs: 1500 });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    await composeAndSend(page, { to: [ANA.email], subject: 'Late id', body: 'Hello, is the id there yet?' });
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(1);
    await deliverInbound(page, server, { from: ANA, text: 'It is now.', toThreadWithSubject: 'Late id' });
    await openThread(page, 'Late id');
    await expect
      .poll(async () => (await readDb<Thread>(panel, 'threads'))[0]?.summary?.firstReplyAt ?? null, { timeout: 10_000 })
      .not.toBeNull();
    await page.waitForTimeout(1500);
    const threads = await readDb<Thread & { keys: string[] }>(panel, 'threads');
    expect(threads).toHaveLength(1);
    expect((await dbMessages(panel)).map((m) => m.direction).sort()).toEqual(['inbound', 'outbound']);
    // The thread is now known by the id Gmail painted late (the compose only knew its thread-a id).
    expect(threads[0].keys).toContain(`gmail:t:${server.thread('Late id')!.legacy}`);
  });

  test('a send read by the DOM layer alone is kept when Gmail is closed right after "Message sent"', async ({
    context,
    extensionId,
  }) => {
    // The DOM layer waits 1.5 s for the network layer's id before it reports a send: the tab closing
    // inside that wait must not lose it.
    await serveGmail(context, { me: ME, wire: 'opaque' });
    const page = await context.newPage();
    await openGmail(page);
    await composeAndSend(page, { to: [ANA.email], subject: 'Closing fast', body: 'Sent, then the tab closed' });
    await page.close({ runBeforeUnload: true });
    const panel = await openPanel(context, extensionId);
    // The background takes it from the closed tab's outbox (tabs.onRemoved, once it is 2 s old).
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => `${m.subject}|${m.source}`), { timeout: 15_000 })
      .toEqual(['Closing fast|dom']);

    // A reload instead of a close: no tab is removed; the side panel, as it opens, asks for it.
    const again = await context.newPage();
    await openGmail(again);
    await composeAndSend(again, { to: [BOB.email], subject: 'Reloading fast', body: 'Sent, then the page reloaded' });
    await again.reload();
    await again.waitForTimeout(2500);
    const panel2 = await openPanel(context, extensionId);
    await expect
      .poll(async () => (await dbMessages(panel2)).map((m) => m.subject).sort(), { timeout: 10_000 })
      .toEqual(['Closing fast', 'Reloading fast']);
  });

  test("sync calls made from a same-origin frame (Gmail's old js_frame) are still read", async ({
    context,
    extensionId,
  }) => {
    await serveGmail(context, { me: ME, syncFrame: true, undoMode: 'B', undoWindowMs: 1500 });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    await composeAndSend(page, { to: [ANA.email], subject: 'From the frame', body: 'Sent through the frame' });
    await expect
      .poll(async () => (await dbMessages(panel))[0]?.seenBy.sort().join(',') ?? '', { timeout: 15_000 })
      .toBe('dom,network');
    const [m] = await dbMessages(panel);
    expect(m).toMatchObject({ source: 'network', subject: 'From the frame', text: 'Sent through the frame' });
    expect(await dbMessages(panel)).toHaveLength(1);
  });

  test('excluded domains and tracking switched off: nothing is logged', async ({ context, extensionId }) => {
    await serveGmail(context, { me: ME });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanel(context, extensionId);
    const setSettings = (patch: object) =>
      panel.evaluate(async (p) => {
        const storage = chrome.storage.local;
        const cur = ((await storage.get('settings')).settings ?? {}) as Record<string, unknown>;
        const base = {
          tracking: { gmail: true, linkedin: true },
          excludedDomains: [],
          replyWindowDays: 30,
          minSample: 10,
          identities: { emails: [], linkedinMemberIds: [], linkedinProfileUrls: [] },
        };
        await storage.set({ settings: { ...base, ...cur, ...p } });
      }, patch);

    await setSettings({ excludedDomains: ['acme.io'] });
    await composeAndSend(page, { to: [ANA.email], subject: 'Internal note', body: 'Colleague only' });
    await composeAndSend(page, { to: [BOB.email], subject: 'Outreach', body: 'Hi Bob' });
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => m.subject), { timeout: 10_000 })
      .toEqual(['Outreach']);

    await setSettings({ tracking: { gmail: false, linkedin: true } });
    await composeAndSend(page, { to: ['dana@delta.org'], subject: 'Not tracked', body: 'Tracking is off' });
    await page.waitForTimeout(2500);
    expect((await dbMessages(panel)).map((m) => m.subject)).toEqual(['Outreach']);
  });
});
