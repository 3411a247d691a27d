// LinkedIn capture end to end: the built extension in Chromium against the LinkedIn look-alike
// served at https://www.linkedin.com (test/e2e/lookalike/linkedin). Both capture layers run: the
// background's webRequest observer sees the page's createMessage / invitation calls, the content
// script reads the page's DOM; each message must be stored once.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openPanel, readDb, stopServiceWorker, type ExtensionChrome } from './fixtures';
import {
  serveLinkedIn,
  sendMessage,
  deliverInbound,
  sendInvitation,
  openMessageBubble,
  defaultCast,
} from './lookalike/linkedin/serve';
import { person } from './lookalike/linkedin/state';
import type { Message, Prospect, Template, Thread } from '../../lib/schema/model';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
declare const chrome: ExtensionChrome;
const linkedinMessages = async (panel: Page) =>
  (await readDb<Message>(panel, 'messages')).filter((m) => m.channel === 'linkedin');
const withText = async (panel: Page, text: string) => (await linkedinMessages(panel)).filter((m) => m.text === text);

async function open(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  return page;
}

/** Tag names and attribute names of every element, light DOM and open shadow roots, as a multiset. */
async function domShape(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(
          `${el.tagName.toLowerCase()}[${[...el.attributes]
            .map((a) => a.name)
            .sort()
            .join(',')}]`,
        );
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out.sort();
  });
}

test('messaging page: a send is stored once (network + DOM), a reply while the thread is open, reload adds nothing', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');

  const text = 'Hi Chris, quick question about how Initech evaluates procurement tools.';
  await sendMessage(page, text);
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
  // Both layers saw it and it is still one message.
  await expect
    .poll(async () => (await withText(panel, text))[0]?.seenBy?.sort(), { timeout: 15_000 })
    .toEqual(['dom', 'network']);
  const [sent] = await withText(panel, text);
  expect(sent).toMatchObject({ direction: 'outbound', kind: 'linkedin-message', classification: 'human' });
  const thread = li.threadOf(chris)!;
  const threads = await readDb<Thread>(panel, 'threads');
  const t = threads.find((x) => x.id === sent.threadId)!;
  expect(t.externalId === thread.id || t.keys.includes(`linkedin:t:${thread.id}`)).toBe(true);
  // The message id LinkedIn gave it (data-event-urn) is one of its keys.
  const serverId = thread.messages.find((m) => m.text === text)!.id;
  expect(sent.keys).toContain(`linkedin:${serverId}`);
  // …and so is the originToken of the request (webRequest layer); the main-world tap read the
  // createMessage response that names both, so the layers joined on ids, not only on text.
  const originToken = (
    li.state.received.find((r) => JSON.stringify(r.body).includes(text))!.body as { message: { originToken: string } }
  ).message.originToken;
  await expect
    .poll(async () => (await withText(panel, text))[0]?.keys, { timeout: 15_000 })
    .toEqual(expect.arrayContaining([`linkedin:${originToken}`, `linkedin:${serverId}`]));
  const prospects = await readDb<Prospect>(panel, 'prospects');
  const p = prospects.find((x) => x.id === sent.prospectId)!;
  expect(p.name).toBe('Chris Buyer');
  expect(p.linkedinMemberId).toBe(chris.memberId);

  // A reply arrives over realtime while the thread is open.
  const reply = 'Thanks Sam, we use spreadsheets today. Happy to talk.';
  await deliverInbound(page, li, chris, reply);
  await expect.poll(async () => (await withText(panel, reply)).length, { timeout: 15_000 }).toBe(1);
  const [inbound] = await withText(panel, reply);
  expect(inbound).toMatchObject({ direction: 'inbound', threadId: sent.threadId, classification: 'human' });

  // Reload: LinkedIn re-renders the whole thread from GraphQL; nothing is stored twice.
  const before = (await linkedinMessages(panel)).length;
  await page.reload();
  await page
    .locator('.msg-thread [data-event-urn]')
    .nth(thread.messages.length - 1)
    .waitFor();
  await page.waitForTimeout(1500);
  expect((await linkedinMessages(panel)).length).toBe(before);
  expect(await withText(panel, text)).toHaveLength(1);
  expect(await withText(panel, reply)).toHaveLength(1);

  // The panel's health line says LinkedIn capture works.
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByTestId('health-linkedin')).toContainText('working', { timeout: 20_000 });
});

test('chat bubble in the shadow root: existing conversation and a first message from a profile', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const bob = li.person('bob-builder');
  li.addMessage(bob, 'Hi Sam, good to meet you at the meetup.', false, Date.now() - 3600_000);

  // Existing conversation, bubble on the feed.
  const feed = await open(
    context,
    li.feedUrl(bob),
    '#interop-outlet .msg-overlay-conversation-bubble [data-event-urn]',
  );
  const text = 'Likewise Bob! Would a short call next week work for you?';
  await sendMessage(feed, text, { inBubble: true });
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
  await expect
    .poll(async () => (await withText(panel, text))[0]?.seenBy?.sort(), { timeout: 15_000 })
    .toEqual(['dom', 'network']);

  // First message to someone, from the profile's Message button (no conversation yet).
  const ana = li.person('ana-garcia-1');
  ana.degree = 1;
  const profile = await open(context, li.profileUrl(ana), 'main h2');
  await openMessageBubble(profile);
  const first = 'Hola Ana, ¿te interesa una demo de diez minutos?';
  await sendMessage(profile, first, { inBubble: true });
  await expect
    .poll(async () => (await withText(panel, first))[0]?.seenBy?.sort(), { timeout: 15_000 })
    .toEqual(['dom', 'network']);
  expect(await withText(panel, first)).toHaveLength(1);
  const [m] = await withText(panel, first);
  // The network sighting (recipient only) and the DOM sighting (LinkedIn's thread id) are one thread.
  const threads = (await readDb<Thread>(panel, 'threads')).filter((t) => t.channel === 'linkedin');
  const t = threads.find((x) => x.id === m.threadId)!;
  expect(t.keys).toEqual(
    expect.arrayContaining([`linkedin:t:with:${ana.memberId}`, `linkedin:t:${li.threadOf(ana)!.id}`]),
  );
  expect(li.state.received.some((r) => JSON.stringify(r.body).includes('hostRecipientUrns'))).toBe(true);
});

test('invitation with a note, acceptance, and profile traits (server-driven and classic)', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const ana = li.person('ana-garcia-1');
  const page = await open(context, li.profileUrl(ana), 'main h2');

  // Profile visit fills traits.
  await expect
    .poll(
      async () =>
        (await readDb<Prospect>(panel, 'prospects')).find(
          (p) => p.linkedinUrl === 'https://www.linkedin.com/in/ana-garcia-1/',
        ),
      { timeout: 15_000 },
    )
    .toMatchObject({
      name: 'Ana García',
      title: 'Directora de Marketing',
      company: 'Umbrella',
      location: 'Madrid, Comunidad de Madrid, España',
      connectionDegree: 2,
      seniority: 'director',
    });

  const note = 'Hola Ana, vi tu charla sobre marketing B2B. ¿Conectamos?';
  await sendInvitation(page, note);
  await expect(page.locator('main button[aria-label^="Pending"]')).toBeVisible();
  await expect.poll(async () => (await withText(panel, note)).length, { timeout: 15_000 }).toBe(1);
  // The network layer logged it; the DOM layer (which saw the dialog) stays quiet past its fallback delay.
  await page.waitForTimeout(11_000);
  expect((await withText(panel, note)).map((m) => m.seenBy)).toEqual([['network']]);
  const [inv] = await withText(panel, note);
  expect(inv).toMatchObject({ kind: 'linkedin-invite', direction: 'outbound' });
  const prospects = await readDb<Prospect>(panel, 'prospects');
  expect(prospects.find((p) => p.id === inv.prospectId)).toMatchObject({
    linkedinUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
    linkedinMemberId: ana.memberId,
  });

  // Ana accepts; the next visit shows "· 1st".
  li.accept(ana);
  await page.reload();
  await expect
    .poll(
      async () => {
        const p = (await readDb<Prospect>(panel, 'prospects')).find((x) => x.id === inv.prospectId);
        return [p?.connectionDegree, typeof p?.connectedAt === 'number' && p.connectedAt > 0];
      },
      { timeout: 15_000 },
    )
    .toEqual([1, true]);

  // Classic layout profile.
  const jane = li.person('jane-doe-594b81205');
  await open(context, li.profileUrl(jane), 'main h1');
  await expect
    .poll(
      async () =>
        (await readDb<Prospect>(panel, 'prospects')).find(
          (p) => p.linkedinUrl === 'https://www.linkedin.com/in/jane-doe-594b81205/',
        ),
      { timeout: 15_000 },
    )
    .toMatchObject({
      name: 'Jane Doe',
      title: 'VP Sales',
      company: 'Acme Corp',
      location: 'Berlin, Germany',
      connectionDegree: 1,
      seniority: 'vp',
    });
});

test('an invitation sent where the network layer cannot read it: the DOM logs it after its wait, also when the tab closed first', async ({
  context,
  extensionId,
}) => {
  // A build of LinkedIn whose invitation action has a name the network layer does not know.
  const cast = defaultCast();
  cast.people.push(
    person({
      firstName: 'Dev',
      lastName: 'Lead',
      publicId: 'dev-lead-9',
      headline: 'Engineering Lead at Hooli',
      title: 'Engineering Lead',
      company: 'Hooli',
      location: 'Dublin, Ireland',
      degree: 2,
    }),
  );
  const li = await serveLinkedIn(context, {
    ...cast,
    inviteSduiId: 'com.linkedin.sdui.requests.mynetwork.addaAddConnectionV2',
  });
  const panel = await openPanel(context, extensionId);
  const held = () =>
    panel.evaluate(
      async () =>
        Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('linkedin:invite-fallback:'))
          .length,
    );

  // The tab stays open: its own timer logs the invitation once the wait is over.
  const ana = await open(context, li.profileUrl(li.person('ana-garcia-1')), 'main h2');
  const first = 'Hola Ana, ¿conectamos?';
  await sendInvitation(ana, first);
  await expect(ana.locator('main button[aria-label^="Pending"]')).toBeVisible();
  await expect
    .poll(async () => (await withText(panel, first)).map((m) => [m.kind, m.seenBy]), { timeout: 20_000 })
    .toEqual([['linkedin-invite', ['dom']]]);

  // The user closes the tab as soon as it says Pending: the background logs what the tab held.
  const dev = await open(context, li.profileUrl(li.person('dev-lead-9')), 'main h2');
  const second = 'Hi Dev, enjoyed your talk on platform teams. Connect?';
  await sendInvitation(dev, second);
  await expect(dev.locator('main button[aria-label^="Pending"]')).toBeVisible();
  await expect.poll(held).toBe(1);
  await dev.close();
  await expect.poll(async () => (await withText(panel, second)).length, { timeout: 25_000 }).toBe(1);
  const [inv] = await withText(panel, second);
  expect(inv).toMatchObject({ kind: 'linkedin-invite', direction: 'outbound', seenBy: ['dom'] });
  const prospects = await readDb<Prospect>(panel, 'prospects');
  expect(prospects.find((p) => p.id === inv.prospectId)).toMatchObject({
    name: 'Dev Lead',
    linkedinUrl: 'https://www.linkedin.com/in/dev-lead-9/',
  });
  // Nothing left held, each invitation stored once.
  expect(await held()).toBe(0);
  expect((await withText(panel, first)).length).toBe(1);
});

test('a reply seen only in the conversation list', async ({ context, extensionId }) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const bob = li.person('bob-builder');
  const page = await open(context, li.threadUrl(bob), '.msg-thread .msg-form__contenteditable');
  const text = 'Hi Bob, are you the right person to talk to about ops tooling at Globex?';
  await sendMessage(page, text);
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
  const [sent] = await withText(panel, text);

  // The user moves to Jane's conversation; Bob answers; only the list shows it.
  const jane = li.person('jane-doe-594b81205');
  await page.goto(li.threadUrl(jane));
  await page.locator('.msg-thread [data-event-urn]').first().waitFor();
  const reply = 'Yes, that is me. Send me some times.';
  await deliverInbound(page, li, bob, reply);
  await expect(page.locator('.msg-conversation-card__message-snippet').first()).toHaveText(`Bob: ${reply}`);
  await expect.poll(async () => (await withText(panel, reply)).length, { timeout: 15_000 }).toBe(1);
  const [inbound] = await withText(panel, reply);
  expect(inbound).toMatchObject({ direction: 'inbound', threadId: sent.threadId });
  expect(Math.abs(inbound.sentAt - Date.now())).toBeLessThan(5 * 60_000);

  // Opening Bob's thread later shows the same reply with its id: still one message.
  await page.goto(li.threadUrl(bob));
  await page
    .locator('.msg-thread [data-event-urn]')
    .nth(li.threadOf(bob)!.messages.length - 1)
    .waitFor();
  await page.waitForTimeout(1500);
  expect(await withText(panel, reply)).toHaveLength(1);
});

for (const [client, frame] of [
  ['fetch', 'page'],
  ['eventsource', 'page'],
  ['fetch', 'preload'],
] as const) {
  test(`a reply pushed over /realtime/connect (read with ${client} in the ${frame === 'page' ? 'page' : '/preload/ frame'}) while the user is on the feed: read from the network alone`, async ({
    context,
    extensionId,
  }) => {
    const li = await serveLinkedIn(context, { realtimeClient: client, realtimeFrame: frame });
    const panel = await openPanel(context, extensionId);
    const chris = li.person('chris-buyer-22');
    const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
    const text = `Hi Chris, a quick question about procurement at Initech (${client}, ${frame}).`;
    await sendMessage(page, text);
    await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
    const [sent] = await withText(panel, text);

    // On the feed no conversation is drawn: the stream is the only place the reply shows.
    await page.goto(li.feedUrl());
    await page.locator('main .feed-shared-update-v2').waitFor();
    const reply = `Happy to talk, Sam. Thursday works (${client}, ${frame}).`;
    await deliverInbound(page, li, chris, reply);
    await expect.poll(async () => (await withText(panel, reply)).length, { timeout: 15_000 }).toBe(1);
    const [inbound] = await withText(panel, reply);
    expect(inbound).toMatchObject({ direction: 'inbound', threadId: sent.threadId, seenBy: ['network'] });
    expect(await page.locator(`text=${reply}`).count()).toBe(0);
    // The client reconnects and reads again: still one message.
    await page.waitForTimeout(1500);
    expect(await withText(panel, reply)).toHaveLength(1);
  });
}

test('no extension traces in LinkedIn pages and no request of our own', async ({ context, extensionId, requests }) => {
  // Control: the same look-alike at an origin the content script does not match.
  const control = 'https://control.lookalike.test';
  const li = await serveLinkedIn(context, { extraOrigins: [control] });
  const panel = await openPanel(context, extensionId);
  const jane = li.person('jane-doe-594b81205');
  const threadPath = new URL(li.threadUrl(jane)).pathname;
  const origins = ['https://www.linkedin.com', control];

  // The same user actions on both origins first, so both then render the same server state.
  for (const origin of origins) {
    const page = await open(context, origin + threadPath, '.msg-thread [data-event-urn]');
    await sendMessage(page, `Trace check from ${origin === control ? 'control' : 'linkedin'}`);
    await page.locator('.msg-thread [data-event-urn]').nth(2).waitFor();
    await page.waitForTimeout(800);
    await page.close();
  }
  const shapes: Record<string, string[]> = {};
  for (const origin of origins) {
    const page = await open(context, origin + threadPath, '.msg-thread [data-event-urn]');
    await page.locator('.msg-thread [data-event-urn]').nth(3).waitFor();
    await page.waitForTimeout(1000);
    shapes[origin + ' thread'] = await domShape(page);
    await page.goto(origin + '/in/ana-garcia-1/');
    await page.locator('main h2').first().waitFor();
    await page.waitForTimeout(1000);
    shapes[origin + ' profile'] = await domShape(page);
    await page.goto(origin + '/feed/?bubble=jane-doe-594b81205');
    await page.locator('#interop-outlet [data-event-urn]').nth(3).waitFor();
    await page.waitForTimeout(1000);
    shapes[origin + ' feed'] = await domShape(page);
    await page.close();
  }
  for (const what of ['thread', 'profile', 'feed']) {
    expect(shapes[`https://www.linkedin.com ${what}`]!.length).toBeGreaterThan(20);
    expect(shapes[`https://www.linkedin.com ${what}`]).toEqual(shapes[`${control} ${what}`]);
  }
  // The extension did capture on linkedin.com (so the comparison above is meaningful).
  await expect
    .poll(async () => (await withText(panel, 'Trace check from linkedin')).length, { timeout: 15_000 })
    .toBe(1);
  // The control page's send went to another origin, where nothing of ours runs; it is known (once)
  // only because linkedin.com later rendered the shared thread.
  expect(await withText(panel, 'Trace check from control')).toHaveLength(1);

  // Requests: only the look-alike pages' own calls and extension pages; nothing else went out.
  const foreign = requests.filter(
    (r) =>
      !/^\S+ (https:\/\/www\.linkedin\.com\/|https:\/\/control\.lookalike\.test\/|chrome-extension:\/\/|data:)/.test(r),
  );
  expect(foreign).toEqual([]);
  for (const r of requests.filter((x) => x.includes(' https://www.linkedin.com/'))) expect(li.served).toContain(r);
  // No web-accessible resources exposed to linkedin.com.
  const manifest = await panel.evaluate(() => chrome.runtime.getManifest());
  expect((manifest as { web_accessible_resources?: unknown[] }).web_accessible_resources ?? []).toEqual([]);
});

test('insert from the panel into the chat bubble (shadow root) and the invitation note; sends carry the template', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId, 380);
  // A LinkedIn template, created through the panel as a user would.
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const first = panel.getByRole('button', { name: 'Create your first template' });
  const another = panel.getByRole('button', { name: 'New template' });
  await expect(first.or(another)).toBeVisible(); // wait for the list to load before choosing
  await ((await first.isVisible()) ? first : another).click();
  const form = panel.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name', { exact: true }).fill('Bubble hello');
  await form.getByLabel('Channel', { exact: true }).selectOption({ label: 'LinkedIn' });
  await form
    .getByLabel('Body', { exact: true })
    .fill('Quick one: would a 15 minute call next Tuesday suit you? No slides, promise.');
  await form.getByRole('button', { name: 'Save template' }).click();
  const card = panel.getByRole('article', { name: 'Bubble hello', exact: true });
  await expect(card).toBeVisible();
  const tpl = (await readDb<Template>(panel, 'templates')).find((t) => t.name === 'Bubble hello')!;

  // 1. Chat bubble on the feed (inside #interop-outlet's shadow root).
  const bob = li.person('bob-builder');
  li.addMessage(bob, 'Hi Sam!', false, Date.now() - 3600_000);
  const feed = await open(
    context,
    li.feedUrl(bob),
    '#interop-outlet .msg-overlay-conversation-bubble [data-event-urn]',
  );
  const bubbleBox = feed.locator('#interop-outlet .msg-overlay-conversation-bubble .msg-form__contenteditable');
  await bubbleBox.click();
  await panel.bringToFront();
  await card.getByRole('button', { name: 'Insert Bubble hello' }).click();
  await expect(card.getByRole('status')).toContainText('Inserted');
  await expect(bubbleBox).toContainText('would a 15 minute call next Tuesday suit you?');
  // Inserting sent nothing.
  expect(li.state.received.filter((r) => JSON.stringify(r.body).includes('15 minute call'))).toHaveLength(0);
  await feed.bringToFront();
  await feed.locator('#interop-outlet .msg-overlay-conversation-bubble button.msg-form__send-button').click();
  await expect
    .poll(
      async () =>
        (await linkedinMessages(panel))
          .filter((m) => m.text.includes('15 minute call') && m.kind === 'linkedin-message')
          .map((m) => [m.templateSource, m.templateId]),
      { timeout: 15_000 },
    )
    .toEqual([['inserted', tpl.id]]);

  // 2. Invitation note in the dialog (also in the shadow root).
  const ana = li.person('ana-garcia-1');
  const profile = await open(context, li.profileUrl(ana), 'main h2');
  await profile.locator('main button[aria-label^="Invite "]').click();
  await profile.locator('#interop-outlet [role="dialog"] button[aria-label="Add a note"]').click();
  await profile.locator('#interop-outlet textarea#custom-message').click();
  await panel.bringToFront();
  await card.getByRole('button', { name: 'Insert Bubble hello' }).click();
  await expect(card.getByRole('status')).toContainText('Inserted');
  await expect(profile.locator('#interop-outlet textarea#custom-message')).toHaveValue(/15 minute call next Tuesday/);
  await profile.bringToFront();
  await profile.locator('#interop-outlet [role="dialog"] button[aria-label="Send invitation"]').click();
  await expect
    .poll(
      async () =>
        (await linkedinMessages(panel))
          .filter((m) => m.kind === 'linkedin-invite')
          .map((m) => [m.templateSource, m.templateId, m.seenBy.sort().join('+')]),
      { timeout: 15_000 },
    )
    .toEqual([['inserted', tpl.id, 'network']]);
});

test('a send while the service worker sleeps: the webRequest event wakes it and both layers still join', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
  await page.waitForTimeout(1000);
  await stopServiceWorker(panel, extensionId);
  const text = 'Sent while the extension was asleep: does Thursday work?';
  await sendMessage(page, text);
  await expect
    .poll(async () => (await withText(panel, text))[0]?.seenBy?.sort(), { timeout: 20_000 })
    .toEqual(['dom', 'network']);
  expect(await withText(panel, text)).toHaveLength(1);
});
