// After a LinkedIn message or invitation was sent (issue 13), end to end on the look-alike, which
// serves these flows as the site does: the user's own recall (`?action=recall`) and edit
// (`POST …Messages/<urn>` patch) calls, RECALLED / EDITED items over /realtime/connect and in the
// GraphQL reads, the "This message has been deleted." placeholder, and invitation withdrawals by
// the server-driven action (invitation manager) and the Dash call (classic profile).
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openPanel, readDb } from './fixtures';
import {
  defaultCast,
  deliverInbound,
  editOwnMessage,
  recallInbound,
  recallOwnMessage,
  sendInvitation,
  sendMessage,
  serveLinkedIn,
  withdrawInvitation,
} from './lookalike/linkedin/serve';
import { person } from './lookalike/linkedin/state';
import type { Message, Prospect, Template } from '../../lib/schema/model';

const DAY = 86_400_000;
const linkedinMessages = async (panel: Page) =>
  (await readDb<Message>(panel, 'messages')).filter((m) => m.channel === 'linkedin');
const withText = async (panel: Page, text: string) => (await linkedinMessages(panel)).filter((m) => m.text === text);

async function open(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  return page;
}

test('recall on LinkedIn: the message leaves the counts, and a reload showing its tombstone brings nothing back', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context, { realtimeClient: 'fetch' });
  const panel = await openPanel(context, extensionId);
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
  const text = 'Hi Chris, wrong deck attached, sorry: ignore the pricing slide.';
  await sendMessage(page, text);
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
  await expect(panel.getByTestId('activity-totals')).toContainText('1 LinkedIn', { timeout: 15_000 });

  await recallOwnMessage(page, text);
  // The page's own call, as mautrix/linkedin and the web app make it.
  expect(li.state.received.find((r) => r.url.endsWith('?action=recall'))?.body).toEqual({
    messageUrn: expect.stringMatching(/^urn:li:msg_message:\(urn:li:fsd_profile:.+,2-.+\)$/),
  });
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(0);
  await expect(panel.getByText('Nothing logged yet')).toBeVisible({ timeout: 15_000 });

  // Reload: GraphQL returns the RECALLED tombstone, the page draws the placeholder: still nothing.
  await page.reload();
  await expect(
    page.locator('.msg-s-event-listitem__body', { hasText: 'This message has been deleted.' }),
  ).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await withText(panel, text)).toHaveLength(0);
  expect((await linkedinMessages(panel)).filter((m) => /deleted/i.test(m.text))).toHaveLength(0);
});

test('a prospect who recalls a reply: it no longer counts as a reply', async ({ context, extensionId }) => {
  const li = await serveLinkedIn(context, { realtimeClient: 'fetch' });
  const panel = await openPanel(context, extensionId);
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
  const text = 'Hi Chris, would a 20-minute call on vendor onboarding help your team?';
  await sendMessage(page, text);
  await expect.poll(async () => (await withText(panel, text)).length, { timeout: 15_000 }).toBe(1);
  const reply = 'Yes, call me Thursday.';
  const replyId = await deliverInbound(page, li, chris, reply);
  await expect.poll(async () => (await withText(panel, reply)).length, { timeout: 15_000 }).toBe(1);
  await expect(panel.getByTestId('thread-rate')).toContainText('1 of 1 threads', { timeout: 15_000 });

  // Chris deletes his reply: LinkedIn pushes the RECALLED item; the page draws the placeholder.
  await recallInbound(page, li, replyId);
  await expect(
    page.locator('.msg-s-event-listitem--other .msg-s-event-listitem__body', {
      hasText: 'This message has been deleted.',
    }),
  ).toBeVisible({ timeout: 10_000 });
  await expect.poll(async () => (await withText(panel, reply)).length, { timeout: 15_000 }).toBe(0);
  await expect(panel.getByTestId('thread-rate')).toContainText('0 of 1 threads', { timeout: 15_000 });
  const prospect = (await readDb<Prospect>(panel, 'prospects')).find((p) => p.linkedinMemberId === chris.memberId);
  expect(prospect?.stage).toBe('contacted');
});

async function createTemplate(panel: Page, name: string, body: string) {
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const first = panel.getByRole('button', { name: 'Create your first template' });
  const another = panel.getByRole('button', { name: 'New template' });
  await expect(first.or(another)).toBeVisible();
  await ((await first.isVisible()) ? first : another).click();
  const form = panel.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Channel', { exact: true }).selectOption({ label: 'LinkedIn' });
  await form.getByLabel('Body', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.getByRole('article', { name, exact: true })).toBeVisible();
  return (await readDb<Template>(panel, 'templates')).find((t) => t.name === name)!.id as string;
}

test('an edited message keeps its first text for the template; the timeline shows the edit', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const tpl = await createTemplate(
    panel,
    'Vendor week',
    'Hi {{firstName}}, we help procurement teams compare vendors in one week. Worth a short call next Tuesday?',
  );
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
  const first = 'Hi Chris, we help procurement teams compare vendors in one week. Worth a short call next Tuesday?';
  await sendMessage(page, first);
  await expect
    .poll(async () => (await withText(panel, first))[0]?.templateSource, { timeout: 15_000 })
    .toBe('detected');

  const edited = 'Hi Chris, sorry, I meant Wednesday: would that work?';
  await editOwnMessage(page, first, edited);
  expect(li.state.received.find((r) => /voyagerMessagingDashMessengerMessages\/urn/.test(r.url))?.body).toEqual({
    patch: { $set: { body: { text: edited, attributes: [] } } },
  });
  await expect.poll(async () => (await withText(panel, first))[0]?.editedText, { timeout: 15_000 }).toBe(edited);
  const [m] = await withText(panel, first);
  expect(m).toMatchObject({ templateId: tpl, templateSource: 'detected' });
  expect(await linkedinMessages(panel)).toHaveLength(1); // one record, the first text with the edit beside it

  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel
    .getByRole('button', { name: /Chris Buyer/ })
    .first()
    .click();
  const item = panel.getByTestId('timeline').getByTestId('edited-text');
  await expect(item).toContainText(edited);
  await expect(item).toContainText('edited');
  await expect(item).toHaveAttribute('title', `Edited on LinkedIn. First sent as: ${first}`);
});

test('withdrawing invitations (invitation manager, classic profile) takes them out of the acceptance numbers', async ({
  context,
  extensionId,
}) => {
  const cast = defaultCast();
  cast.people.push(
    person({
      firstName: 'Kim',
      lastName: 'Classic',
      publicId: 'kim-classic-3',
      headline: 'Buyer at Vandelay',
      title: 'Buyer',
      company: 'Vandelay',
      location: 'Lyon, France',
      degree: 2,
      layout: 'classic',
    }),
  );
  const li = await serveLinkedIn(context, cast);
  const panel = await openPanel(context, extensionId);

  const ana = await open(context, li.profileUrl(li.person('ana-garcia-1')), 'main h2');
  const anaNote = 'Hola Ana, ¿conectamos? Trabajo con equipos de marketing B2B.';
  await sendInvitation(ana, anaNote);
  const kim = await open(context, li.profileUrl(li.person('kim-classic-3')), 'main h1');
  const kimNote = 'Hi Kim, we both work with procurement teams in Lyon. Connect?';
  await sendInvitation(kim, kimNote);
  await expect
    .poll(async () => (await withText(panel, anaNote)).length + (await withText(panel, kimNote)).length, {
      timeout: 15_000,
    })
    .toBe(2);
  await panel.reload();
  await expect(panel.getByTestId('invite-counts')).toContainText(
    '2 sent with a note: 0 accepted, 0 not accepted after 21 days, 2 pending, 0 withdrawn',
    { timeout: 15_000 },
  );

  // Ana's, from the invitation manager: the server-driven action.
  await ana.goto('https://www.linkedin.com/mynetwork/invitation-manager/sent/');
  await withdrawInvitation(ana, 'Ana García');
  expect(
    li.state.received.some((r) => r.url.includes('sduiid=com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation')),
  ).toBe(true);
  await expect
    .poll(async () => typeof (await withText(panel, anaNote))[0]?.withdrawnAt, { timeout: 15_000 })
    .toBe('number');
  await expect(panel.getByTestId('invite-counts')).toContainText('1 pending, 1 withdrawn', { timeout: 15_000 });

  // Kim's, from her classic profile (its data now names the pending invitation): the Dash call.
  await kim.reload();
  await expect
    .poll(
      async () =>
        (await readDb<Prospect>(panel, 'prospects'))
          .find((p) => p.name === 'Kim Classic')
          ?.keys.filter((k: string) => k.startsWith('liinv:')),
      { timeout: 15_000 },
    )
    .toHaveLength(1);
  await withdrawInvitation(kim);
  expect(
    li.state.received.some((r) =>
      /voyagerRelationshipsDashInvitations\/urn%3Ali%3Afsd_invitation%3A\d+\?action=withdraw/.test(r.url),
    ),
  ).toBe(true);
  await expect
    .poll(async () => typeof (await withText(panel, kimNote))[0]?.withdrawnAt, { timeout: 15_000 })
    .toBe('number');
  await expect(panel.getByTestId('invite-counts')).toContainText('0 pending, 2 withdrawn', { timeout: 15_000 });
  await expect(panel.getByTestId('invite-acceptance')).toContainText('none decided yet');

  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel
    .getByRole('button', { name: /Ana García/ })
    .first()
    .click();
  await expect(panel.getByTestId('timeline').getByTestId('withdrawn-badge')).toBeVisible();
});

test('an invitation pending longer than the window counts as not accepted; an accepted one as accepted', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId);
  const ana = await open(context, li.profileUrl(li.person('ana-garcia-1')), 'main h2');
  const note = 'Hola Ana, vi tu charla sobre marketing B2B. ¿Conectamos?';
  await sendInvitation(ana, note);
  await expect.poll(async () => (await withText(panel, note)).length, { timeout: 15_000 }).toBe(1);
  await panel.reload();
  const acceptance = panel.getByTestId('invite-acceptance');
  await expect(panel.getByTestId('invite-counts')).toContainText('1 pending', { timeout: 15_000 });
  await expect(acceptance).toContainText('none decided yet');
  // The tooltip says why a pending invitation ever counts as not accepted.
  await expect(acceptance).toHaveAttribute(
    'title',
    /LinkedIn does not tell when an invitation is ignored: after 21 days pending it counts as not accepted\./,
  );

  // Three weeks and a day later (the panel's clock), with nothing new from LinkedIn.
  const later = await context.newPage();
  await later.setViewportSize({ width: 420, height: 900 });
  await later.clock.install({ time: Date.now() + 22 * DAY });
  await later.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(later.getByTestId('invite-counts')).toContainText(
    '1 sent with a note: 0 accepted, 1 not accepted after 21 days, 0 pending',
    { timeout: 15_000 },
  );
  await expect(later.getByTestId('invite-acceptance')).toContainText('0%');
  await expect(later.getByTestId('invite-acceptance')).toContainText('0 of 1');
  await later.close();

  // Ana accepts after all; her profile shows "· 1st": accepted, whenever it happened.
  li.accept(li.person('ana-garcia-1'));
  await ana.reload();
  await expect
    .poll(
      async () =>
        (await readDb<Prospect>(panel, 'prospects')).find(
          (p) => p.linkedinUrl === 'https://www.linkedin.com/in/ana-garcia-1/',
        )?.connectedAt,
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await panel.reload();
  await expect(panel.getByTestId('invite-counts')).toContainText('1 accepted', { timeout: 15_000 });
  await expect(acceptance).toContainText('100%');
});
