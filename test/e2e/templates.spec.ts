// Templates end to end, on the site look-alikes: a template typed by hand on LinkedIn is
// "detected", one inserted from the panel is "inserted" (also after the user edits it), and the
// template's numbers in the panel follow the messages and replies.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openPanel, readDb, exportJson } from './fixtures';
import { serveLinkedIn, sendMessage as liSend, deliverInbound } from './lookalike/linkedin/serve';
import {
  serveGmail,
  openGmail,
  openCompose,
  fillCompose,
  deliverInbound as gmailInbound,
} from './lookalike/gmail/serve';
import type { Message, Template } from '../../lib/schema/model';

async function createTemplate(
  panel: Page,
  f: { name: string; channel: 'Email' | 'LinkedIn' | 'Email and LinkedIn'; subject?: string; body: string },
) {
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const first = panel.getByRole('button', { name: 'Create your first template' });
  const another = panel.getByRole('button', { name: 'New template' });
  await expect(first.or(another)).toBeVisible(); // the list has loaded
  await ((await first.isVisible()) ? first : another).click();
  const form = panel.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name', { exact: true }).fill(f.name);
  await form.getByLabel('Channel', { exact: true }).selectOption({ label: f.channel });
  if (f.subject !== undefined) await form.getByLabel('Subject', { exact: true }).fill(f.subject);
  await form.getByLabel('Body', { exact: true }).fill(f.body);
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.getByRole('article', { name: f.name, exact: true })).toBeVisible();
  const rows = await readDb<{ id: string; name: string }>(panel, 'templates');
  return rows.find((r) => r.name === f.name)!.id;
}

/** Outbound messages of this test (the look-alike's history, seen on page load, has none of these words). */
async function outbound(panel: Page, channel: string) {
  const rows = await readDb<Message>(panel, 'messages');
  return rows.filter(
    (m) => m.channel === channel && m.direction === 'outbound' && m.text.includes('thanks for connecting! How does'),
  );
}

async function linkedInThread(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.msg-thread .msg-form__contenteditable').waitFor();
  return page;
}

test('LinkedIn: typed by hand is detected, inserted from the panel is inserted, override is manual; numbers follow', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context);
  const panel = await openPanel(context, extensionId, 380);
  const body =
    'Hi {{firstName|there}}, thanks for connecting! How does {{company}} keep track of which outreach messages lead to meetings today? Happy to share what we learned.';
  const tplId = await createTemplate(panel, { name: 'LinkedIn thanks', channel: 'LinkedIn', body });
  const card = panel.getByRole('article', { name: 'LinkedIn thanks', exact: true });

  // 1. Typed by hand (filled in, one word changed): detected.
  const bob = li.person('bob-builder');
  const page = await linkedInThread(context, li.threadUrl(bob));
  const typed =
    'Hi Bob, thanks for connecting! How does Globex keep track of which outreach messages turn into meetings today? Happy to share what we learned.';
  await liSend(page, typed);
  await expect
    .poll(async () => (await outbound(panel, 'linkedin')).map((m) => m.templateSource), { timeout: 15_000 })
    .toEqual(['detected']);
  const [detected] = await outbound(panel, 'linkedin');
  expect(detected).toMatchObject({ templateId: tplId, templateVersion: 1, text: typed });
  expect(detected.templateScore).toBeGreaterThan(0.8);

  // The panel's numbers: one first touch, no reply yet; then Bob replies.
  await panel.bringToFront();
  await expect(card.getByTestId('template-numbers')).toContainText('0 of 1 replied (0%)');
  await expect(card.getByTestId('template-numbers')).toContainText('1 message sent');
  await deliverInbound(page, li, bob, 'Sounds interesting, tell me more.');
  await expect(card.getByTestId('template-numbers')).toContainText('1 of 1 replied (100%)', { timeout: 15_000 });

  // 2. Inserted from the panel into Jane's conversation, then edited before sending: inserted.
  const jane = li.person('jane-doe');
  const janePage = await linkedInThread(context, li.threadUrl(jane));
  await janePage.locator('.msg-thread .msg-form__contenteditable').click();
  await panel.bringToFront();
  await card.getByRole('button', { name: 'Insert LinkedIn thanks' }).click();
  await expect(card.getByRole('status')).toContainText('Inserted into the LinkedIn message box');
  await expect(card.getByRole('status')).toContainText('Fill in {{company}} first');
  const box = janePage.locator('.msg-thread .msg-form__contenteditable');
  // The words are in the box and nothing was sent by the insertion (the only send so far is Bob's).
  await expect(box).toContainText('thanks for connecting! How does');
  expect(
    li.state.received.filter((r) => JSON.stringify(r.body).includes('thanks for connecting! How does')),
  ).toHaveLength(1);
  await janePage.bringToFront();
  await box.click();
  await janePage.keyboard.press('End');
  await janePage.keyboard.type(' Cheers, Sam');
  await janePage.locator('.msg-thread button.msg-form__send-button').click();
  await expect
    .poll(async () => (await outbound(panel, 'linkedin')).map((m) => m.templateSource).sort(), { timeout: 15_000 })
    .toEqual(['detected', 'inserted']);
  const inserted = (await outbound(panel, 'linkedin')).find((m) => m.templateSource === 'inserted');
  expect(inserted).toMatchObject({ templateId: tplId, templateVersion: 1 });
  expect(inserted?.text).toContain('Cheers, Sam');
  // The variables came from the prospect the LinkedIn tab shows (Jane); her company is not known
  // from a conversation alone, so the placeholder stays for the user to fill, as the panel said.
  expect(inserted?.text).toMatch(/^Hi Jane, thanks for connecting! How does \{\{company\}\} keep track/);

  await panel.bringToFront();
  await expect(card.getByTestId('template-numbers')).toContainText('2 messages sent');
  await expect(card.getByTestId('template-numbers')).toContainText('1 of 1 replied (100%)');

  // 3. The user says Bob's message came from another template (the override in the Prospects
  // timeline): source "manual", and both templates' numbers move.
  await createTemplate(panel, {
    name: 'Other opener',
    channel: 'LinkedIn',
    body: 'Hello {{firstName}}, quick one about hiring at {{company}}.',
  });
  const other = panel.getByRole('article', { name: 'Other opener', exact: true });
  await expect(other.getByTestId('template-numbers')).toContainText('Not used as a first touch yet');
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel.getByRole('button', { name: /Bob Builder/ }).click();
  const item = panel.getByTestId('timeline').locator('li', { hasText: 'turn into meetings today' });
  await item.getByLabel('Template of this message').selectOption({ label: 'Other opener' });
  await expect
    .poll(async () => (await readDb<Message>(panel, 'messages')).find((m) => m.id === detected.id)?.templateSource, {
      timeout: 10_000,
    })
    .toBe('manual');
  const overridden = (await readDb<Message>(panel, 'messages')).find((m) => m.id === detected.id);
  const otherId = (await readDb<Template>(panel, 'templates')).find((t) => t.name === 'Other opener')!.id;
  expect(overridden).toMatchObject({ templateId: otherId, templateSource: 'manual', templateScore: null });

  await panel.getByRole('tab', { name: 'Templates' }).click();
  await expect(other.getByTestId('template-numbers')).toContainText('1 of 1 replied (100%) · 1 message sent');
  // "LinkedIn thanks" keeps Jane's inserted message, whose thread Jane started: no first touch left.
  await expect(card.getByTestId('template-numbers')).toContainText('Not used as a first touch yet · 1 message sent');
  await panel.screenshot({ path: test.info().outputPath('templates-after-override.png'), fullPage: true });
});

test('Gmail: insert from the panel, edit a word, send: exported as inserted; numbers follow', async ({
  context,
  extensionId,
  requests,
}) => {
  const gmail = await serveGmail(context);
  const panel = await openPanel(context, extensionId, 380);
  const tplId = await createTemplate(panel, {
    name: 'Cold intro',
    channel: 'Email',
    subject: 'Quick question about {{company|your team}}',
    body: 'Hi {{firstName|there}},\n\nI noticed {{company|your team}} is hiring sales reps. Worth a short call next week?\n\nBest,\nSam',
  });
  const card = panel.getByRole('article', { name: 'Cold intro', exact: true });

  const page = await context.newPage();
  await openGmail(page);
  await openCompose(page);
  await fillCompose(page, { to: ['dana@northwind.example'], subject: '', body: '' });

  await panel.bringToFront();
  await card.getByRole('button', { name: 'Insert Cold intro' }).click();
  await expect(card.getByRole('status')).toContainText('Inserted into the Gmail compose');

  const compose = page.locator('div.M9').last();
  const body = compose.locator('div[g_editable=true][role=textbox]');
  await expect(compose.locator('input[name=subjectbox]')).toHaveValue('Quick question about your team');
  await expect(body).toContainText('Hi there,');
  await expect(body).toContainText('Worth a short call next week?');
  // The user edits a word before sending: the signature "Sam" becomes "Samantha".
  await page.bringToFront();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.type('Samantha');
  await expect(body).toContainText('Best,Samantha');
  await compose.locator('div.aoO[role=button]').click();
  await page.locator('#link_vsm').waitFor();

  const sent = async () =>
    (await readDb<Message>(panel, 'messages')).filter((m) => m.channel === 'gmail' && m.direction === 'outbound');
  await expect.poll(async () => (await sent()).map((m) => m.templateSource), { timeout: 15_000 }).toEqual(['inserted']);
  const [msg] = await sent();
  expect(msg).toMatchObject({ templateId: tplId, templateVersion: 1, subject: 'Quick question about your team' });
  expect(msg.text).toMatch(/Worth a short call next week\?\s+Best,\s+Samantha\s*$/);

  const { data } = await exportJson(panel);
  const exported = data.messages.find((m) => m.id === msg.id);
  expect(exported).toMatchObject({
    templateId: tplId,
    templateSource: 'inserted',
    direction: 'outbound',
    channel: 'gmail',
  });
  expect(data.templates.find((t) => t.id === tplId)).toMatchObject({ name: 'Cold intro', channel: 'email' });

  // Numbers: one first touch; Dana answers; the template shows it.
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await expect(card.getByTestId('template-numbers')).toContainText('0 of 1 replied (0%)');
  await gmailInbound(page, gmail, {
    from: { email: 'dana@northwind.example', name: 'Dana Scully' },
    text: 'Hi Sam, sure, Tuesday works.',
    toThreadWithSubject: 'Quick question about your team',
  });
  await expect(card.getByTestId('template-numbers')).toContainText('1 of 1 replied (100%)', { timeout: 15_000 });

  // Neither the panel nor the insertion made requests of their own to Gmail.
  expect(gmail.unexpected).toEqual([]);
  expect(
    requests.filter(
      (r) => !r.includes('mail.google.com') && !r.startsWith('GET chrome-extension://') && !r.includes('data:'),
    ),
  ).toEqual([]);
});
