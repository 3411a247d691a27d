// The popup. Its "Open side panel" button: chrome.sidePanel.open({ windowId }) in the click's user
// gesture. Headless Chromium does not expose the side panel as a page, so what is checked is the
// API's answer: on success the popup closes itself; on a refusal it stays open with the error.
import type { Page } from '@playwright/test';
import { expect, openPanel, openPopup, readDb, test } from './fixtures';
import { composeAndSend, openGmail, serveGmail } from './lookalike/gmail/serve';

test('popup opens the side panel', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('button', { name: 'Open side panel' })).toBeEnabled();
  // The window id is read when the popup opens (no await may precede sidePanel.open in the click).
  await popup.waitForTimeout(300);
  const closed = popup.waitForEvent('close', { timeout: 10_000 });
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  await closed;
  expect(popup.isClosed()).toBe(true);
});

test('the popup never shows numbers older than the data: kept numbers are dropped by a capture', async ({
  context,
  extensionId,
}) => {
  // Every value "Sent today" ever shows in a popup, recorded from its first frame on.
  await context.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html')) return;
    const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
    new MutationObserver(() => {
      const v = document.querySelector('[data-testid=popup-today] .stat-value')?.textContent;
      if (v != null && seen[seen.length - 1] !== v) seen.push(v);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const seen = (p: Page) => p.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  await serveGmail(context, { me: { email: 'me@sidelog.test', name: 'Sam Sender' } });
  const gmail = await context.newPage();
  await openGmail(gmail);
  await composeAndSend(gmail, { to: ['ana@acme.io'], subject: 'First', body: 'One' });

  // A popup computes and keeps its numbers; the next one shows them in its first frame.
  let popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-fresh=true] [data-testid=popup-today] .stat-value')).toHaveText('1');
  await popup.close();
  popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-fresh=true]')).toBeVisible();
  expect(await seen(popup)).toEqual(['1']);
  await popup.close();

  // A capture since: the kept "1" must not be shown, not even for a frame.
  await composeAndSend(gmail, { to: ['bob@beta.co'], subject: 'Second', body: 'Two' });
  const panel = await openPanel(context, extensionId);
  await expect.poll(async () => (await readDb(panel, 'messages')).length, { timeout: 10_000 }).toBe(2);
  popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-fresh=true] [data-testid=popup-today] .stat-value')).toHaveText('2');
  expect(await seen(popup)).toEqual(['2']);
});
