// The popup's "Open side panel" button: chrome.sidePanel.open({ windowId }) in the click's user
// gesture. Headless Chromium does not expose the side panel as a page, so what is checked is the
// API's answer: on success the popup closes itself; on a refusal it stays open with the error.
import { expect, openPopup, test } from './fixtures';

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
