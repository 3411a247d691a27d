// Templates tab in the built extension: empty state, create with variables, preview, edit (new
// version), duplicate, archive, search and tag filter, Insert with no Gmail/LinkedIn tab open,
// and the look at 360 px with a long name.
import { test, expect, openPanel, readDb } from './fixtures';
import type { Page } from '@playwright/test';
import type { Template } from '../../lib/schema/model';

async function openTemplates(page: Page) {
  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'Templates', level: 2 })).toBeVisible();
}

async function fillForm(
  page: Page,
  f: { name: string; channel?: string; subject?: string; body: string; tags?: string },
) {
  const form = page.getByRole('form', { name: /template/i });
  await form.getByLabel('Name', { exact: true }).fill(f.name);
  if (f.channel) await form.getByLabel('Channel', { exact: true }).selectOption({ label: f.channel });
  if (f.subject !== undefined) await form.getByLabel('Subject', { exact: true }).fill(f.subject);
  await form.getByLabel('Body', { exact: true }).fill(f.body);
  if (f.tags !== undefined) await form.getByLabel('Tags', { exact: true }).fill(f.tags);
  return form;
}

test('create, preview, edit, duplicate, archive and filter templates', async ({ context, extensionId, requests }) => {
  const panel = await openPanel(context, extensionId, 360);
  await openTemplates(panel);

  await expect(panel.getByText('No templates yet')).toBeVisible();
  await panel.getByRole('button', { name: 'Create your first template' }).click();

  // Saving an invalid body shows why, and stores nothing.
  let form = await fillForm(panel, { name: 'Broken', body: 'Hi {{firstName' });
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(form.getByRole('alert')).toContainText('Unclosed');
  expect(await readDb(panel, 'templates')).toHaveLength(0);

  const longName = 'Cold intro for Series A founders in the DACH region who recently hired their first sales rep';
  form = await fillForm(panel, {
    name: longName,
    channel: 'Email',
    subject: 'Quick question about {{company|your team}}',
    body: 'Hi {{firstName|there}},\n\nI noticed {{company|your team}} is hiring. Worth a call?',
    tags: 'cold, dach',
  });
  // The live preview, with no prospect, shows the fallbacks.
  await expect(form.getByRole('region', { name: 'Preview' })).toContainText('Hi there,');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.getByRole('status').first()).toContainText('Created');

  const card = panel.getByRole('article', { name: longName, exact: true });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('template-numbers')).toContainText('Not used as a first touch yet');
  await expect(card).toContainText('Quick question about your team');

  let rows = await readDb<Template>(panel, 'templates');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    name: longName,
    channel: 'email',
    version: 1,
    tags: ['cold', 'dach'],
    archived: false,
  });
  expect(await readDb(panel, 'templateVersions')).toHaveLength(1);

  // A long name wraps: nothing in the panel is wider than the 360 px viewport.
  const overflow = await panel.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await panel.screenshot({ path: test.info().outputPath('templates-360.png'), fullPage: true });

  // Editing the text starts version 2.
  await card.getByRole('button', { name: `Edit ${longName}` }).click();
  form = panel.getByRole('form', { name: `Edit ${longName}` });
  await form
    .getByLabel('Body', { exact: true })
    .fill('Hi {{firstName|there}},\n\nSaw that {{company|your team}} is growing. Open to a chat?');
  await expect(form).toContainText('Saving starts version 2');
  expect(
    await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await panel.screenshot({ path: test.info().outputPath('templates-form-360.png'), fullPage: true });
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.getByText('as version 2')).toBeVisible();
  await expect(card.getByText('v2', { exact: true })).toBeVisible();
  expect(await readDb(panel, 'templateVersions')).toHaveLength(2);

  // Duplicate, then archive the copy.
  await card.getByRole('button', { name: `Duplicate ${longName}` }).click();
  const copy = panel.getByRole('article', { name: `${longName} (copy)` });
  await expect(copy).toBeVisible();
  await copy.getByRole('button', { name: `Archive ${longName} (copy)` }).click();
  await expect(copy).toBeHidden();
  await panel.getByLabel(/Show archived/).check();
  await expect(copy).toContainText('Archived');
  rows = await readDb<Template>(panel, 'templates');
  expect(rows.find((r) => r.name.endsWith('(copy)'))).toMatchObject({ archived: true, version: 1 });

  // A second template to filter against.
  await panel.getByRole('button', { name: 'New template' }).click();
  form = await fillForm(panel, {
    name: 'LinkedIn thanks',
    channel: 'LinkedIn',
    body: 'Thanks for connecting, {{firstName}}!',
    tags: 'linkedin',
  });
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.getByRole('article', { name: 'LinkedIn thanks' })).toBeVisible();

  await panel.getByLabel('Tag', { exact: true }).selectOption('linkedin');
  await expect(panel.getByRole('article', { name: 'LinkedIn thanks' })).toBeVisible();
  await expect(card).toBeHidden();
  await panel.getByLabel('Tag', { exact: true }).selectOption('');
  await panel.getByLabel('Search templates').fill('growing');
  await expect(card).toBeVisible();
  await expect(panel.getByRole('article', { name: 'LinkedIn thanks' })).toBeHidden();
  await panel.getByLabel('Search templates').fill('');

  // Insert with no Gmail or LinkedIn tab open says what to do.
  await panel.getByRole('button', { name: 'Insert LinkedIn thanks' }).click();
  await expect(panel.getByRole('article', { name: 'LinkedIn thanks' }).getByRole('status')).toContainText(
    'Open a Gmail compose or a LinkedIn conversation first',
  );

  // The panel made no network request of its own.
  expect(requests.filter((r) => !r.includes(`chrome-extension://${extensionId}`))).toEqual([]);
});
