// "When the tab shows a Gmail thread, a LinkedIn conversation or profile, the panel opens that
// prospect": the panel asks the site tab's content script what it shows (getPageContext) and looks
// the person up. In these tests the panel is a tab of its own, as the tests open it: it then looks
// at the Gmail/LinkedIn tab used last and offers its person (in Chrome's side panel it follows the
// active tab and opens them).
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPanel, readDb, test } from './fixtures';
import { composeAndSend, deliverInbound, openGmail, openThread, serveGmail } from './lookalike/gmail/serve';
import { sendMessage, serveLinkedIn } from './lookalike/linkedin/serve';

async function expectPanelOpens(context: BrowserContext, extensionId: string, site: string, name: RegExp) {
  const panel = await openPanel(context, extensionId);
  await expect(panel.locator('.on-page')).toContainText(new RegExp(`On the ${site} tab: ${name.source}`), {
    timeout: 15_000,
  });
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  // A panel that is a tab of its own offers the person above the list (the side panel opens them).
  const notice = panel.getByRole('region', { name: 'Prospects' }).locator('.on-page');
  await expect(notice).toContainText(name, { timeout: 15_000 });
  await expect(panel.getByLabel('Search prospects')).toBeVisible(); // the list stays
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(name);
  return panel;
}

test('a Gmail thread open in its tab: the panel names its prospect and the Prospects tab opens them', async ({
  context,
  extensionId,
}) => {
  const server = await serveGmail(context, { me: { email: 'me@sidelog.test', name: 'Sam Sender' } });
  const gmail = await context.newPage();
  await openGmail(gmail);
  await composeAndSend(gmail, { to: ['ana@acme.io'], subject: 'Hello Ana', body: 'Hi Ana, a quick question.' });
  await composeAndSend(gmail, { to: ['bob@beta.co'], subject: 'Hello Bob', body: 'Hi Bob, a quick question.' });
  await deliverInbound(gmail, server, {
    from: { email: 'ana@acme.io', name: 'Ana Ruiz' },
    text: 'Sure, tell me more.',
    toThreadWithSubject: 'Hello Ana',
  });
  const first = await openPanel(context, extensionId);
  await expect.poll(async () => (await readDb(first, 'messages')).length, { timeout: 15_000 }).toBe(3);
  await first.close();
  await gmail.bringToFront();
  await openThread(gmail, 'Hello Ana');
  await expectPanelOpens(context, extensionId, 'Gmail', /Ana Ruiz/);
});

test('a LinkedIn conversation, then a profile: the panel follows the tab', async ({ context, extensionId }) => {
  const li = await serveLinkedIn(context);
  const jane = li.person('jane-doe-594b81205');
  const page: Page = await context.newPage();
  await page.goto(li.threadUrl(jane));
  await page.locator('.msg-thread .msg-form__contenteditable').first().waitFor();
  await sendMessage(page, 'Hi Jane, a quick question about Acme.');
  const first = await openPanel(context, extensionId);
  await expect
    .poll(async () => (await readDb<{ text: string }>(first, 'messages')).some((m) => m.text.startsWith('Hi Jane')), {
      timeout: 15_000,
    })
    .toBe(true);
  await first.close();
  await page.bringToFront();
  const panel = await expectPanelOpens(context, extensionId, 'LinkedIn', /Jane Doe/);
  await panel.close();
  await page.bringToFront();
  await page.goto(li.profileUrl(jane));
  await page.waitForLoadState('domcontentloaded');
  await expectPanelOpens(context, extensionId, 'LinkedIn', /Jane Doe/);
});
