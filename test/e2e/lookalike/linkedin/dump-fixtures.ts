// Renders the LinkedIn look-alike pages in plain Chromium (no extension) and saves the resulting
// DOM as static fixtures for the unit tests: `npx tsx test/e2e/lookalike/linkedin/dump-fixtures.ts`.
// The open shadow root of #interop-outlet is saved alongside as `<name>.shadow.html`.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveLinkedIn } from './serve';

const out = path.resolve('test/fixtures/linkedin/dom');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  const context = await browser.newContext();
  const li = await serveLinkedIn(context);
  const chris = li.person('chris-buyer-22');
  li.addMessage(chris, 'Hi Chris, saw your post on procurement tooling.', true, Date.UTC(2026, 10, 20, 9, 15));
  li.addMessage(chris, 'Thanks Sam! Happy to chat next week.', false, Date.UTC(2026, 10, 20, 10, 2));
  li.addMessage(chris, 'Tuesday works?', false, Date.UTC(2026, 10, 20, 10, 3));
  const page = await context.newPage();
  const save = async (name: string) => {
    const { html, shadow } = await page.evaluate(() => ({
      // The look-alike's own app scripts go; the page's data scripts (SDUI RSC payloads) stay.
      html:
        '<!DOCTYPE html>\n' +
        document.documentElement.outerHTML.replace(/<script>(?![^<]*__como_rehydration__)[\s\S]*?<\/script>/g, ''),
      shadow: document.getElementById('interop-outlet')?.shadowRoot?.innerHTML ?? '',
    }));
    writeFileSync(path.join(out, `${name}.html`), html);
    if (shadow) writeFileSync(path.join(out, `${name}.shadow.html`), shadow);
  };
  await page.goto(li.threadUrl(chris));
  await page.locator('[data-event-urn]').nth(2).waitFor();
  await save('messaging-thread');
  await page.goto(li.feedUrl(chris));
  await page.locator('#interop-outlet [data-event-urn]').nth(2).waitFor();
  await save('feed-bubble');
  await page.goto(li.profileUrl(li.person('ana-garcia-1')));
  await save('profile-sdui');
  await page.locator('main button[aria-label^="Invite "]').click();
  await page.locator('#interop-outlet [role="dialog"] button[aria-label="Add a note"]').click();
  await page.locator('#interop-outlet textarea#custom-message').fill('Hola Ana');
  await save('profile-sdui-invite-dialog');
  await page.goto(li.profileUrl(li.person('jane-doe-594b81205')));
  await save('profile-classic');
  await page.goto(li.contactInfoUrl(li.person('jane-doe-594b81205')));
  await save('profile-classic-contact-info');
  await page.goto(li.contactInfoUrl(li.person('ana-garcia-1')));
  await save('profile-sdui-contact-info');
  await page.goto(li.companyUrl(li.company('globex'), 'about'));
  await save('company-about');
  await page.goto(li.companyUrl(li.company('globex')));
  await save('company-home');
  await browser.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
