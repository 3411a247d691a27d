// Gmail "Schedule send" end to end: the built extension against the Gmail look-alike, which
// schedules the way Gmail does (the arrow next to Send → "Schedule send" → "Pick date & time",
// `^scheduled` in the /i/s request, "Send scheduled" toast, Cancel send in the thread view, and the
// server sending it at its time). Time is driven the way the app reads it: the side panel computes
// its numbers at its clock (Playwright's clock on the panel page, fast-forwarded past the due time),
// and the look-alike server's clock is moved on to make Gmail send it.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, readDb, test } from './fixtures';
import {
  cancelScheduledSend,
  composeAndSend,
  openGmail,
  scheduleSend,
  serveGmail,
  syncNow,
} from './lookalike/gmail/serve';

const ME = { email: 'me@sidelog.test', name: 'Sam Sender' };
const ANA = { email: 'ana@acme.io', name: 'Ana Ruiz' };
const BOB = { email: 'bob@beta.co', name: 'Bob Brown' };
const CRM = '4417730@bcc.hubspot.com';

type Msg = {
  id: string;
  direction: string;
  status?: string;
  scheduledAt?: number | null;
  sentAt: number;
  subject: string | null;
  seenBy: string[];
  source: string;
  bcc?: string[];
  to: string[];
};

/** The side panel with Playwright's clock installed before its scripts run (time flows; the test can jump it). */
async function openPanelWithClock(context: BrowserContext, extensionId: string): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.clock.install();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return panel;
}

const dbMessages = (panel: Page) => readDb<Msg>(panel, 'messages');

test.describe('Gmail scheduled send', () => {
  test.describe.configure({ timeout: 150_000 });

  test('scheduled: one message, shown as scheduled, not counted; counted once due; Gmail sending it later counts nothing twice', async ({
    context,
    extensionId,
  }) => {
    const server = await serveGmail(context, { me: ME });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanelWithClock(context, extensionId);
    await expect(panel.getByText('Nothing logged yet')).toBeVisible();

    const due = await scheduleSend(page, {
      to: [ANA.email],
      bcc: [CRM],
      subject: 'Scheduled intro',
      body: 'Hi Ana, a note for tomorrow morning.',
      minutesAhead: 2,
    });
    expect(server.syncLog.some((l) => l.includes('^scheduled'))).toBe(true);
    expect(server.syncLog.some((l) => l.includes('^pfg'))).toBe(false);

    // One scheduled message, from the network layer only: the DOM layer took no "Send scheduled" for a send.
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => [m.status, m.scheduledAt, m.sentAt]), { timeout: 10_000 })
      .toEqual([['scheduled', due, due]]);
    await page.waitForTimeout(2500); // past the DOM layer's grace period: nothing else arrives
    let msgs = await dbMessages(panel);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      direction: 'outbound',
      subject: 'Scheduled intro',
      seenBy: ['network'],
      bcc: [CRM],
    });
    // Ana is the prospect; the CRM's bcc address is not.
    const prospects = await readDb<{ emails: string[] }>(panel, 'prospects');
    expect(prospects.map((p) => p.emails)).toEqual([[ANA.email]]);

    // Not counted yet: no outreach thread, nothing sent in the activity.
    await expect(panel.getByTestId('thread-rate')).toContainText('no threads yet', { timeout: 15_000 });
    await expect(panel.getByTestId('activity-totals')).toContainText('0 messages sent');
    await expect(panel.getByTestId('scheduled-ahead')).toContainText('1 scheduled, counted when due');

    // The prospect's timeline shows it as scheduled, with its bcc.
    await panel.getByRole('tab', { name: 'Prospects' }).click();
    await panel.getByRole('button', { name: /ana/i }).first().click();
    const item = panel.getByTestId('timeline').locator('li', { hasText: 'Scheduled intro' });
    await expect(item.getByTestId('scheduled-badge')).toHaveText('scheduled, not sent yet');
    await expect(item).toContainText('You scheduled');
    await expect(item).toContainText(`bcc ${CRM}`);

    // Due: the panel's clock passes the scheduled time (no new event, no reload): it counts.
    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    await expect(panel.getByTestId('thread-rate')).toContainText('no threads yet');
    await panel.clock.fastForward(due - (await panel.evaluate(() => Date.now())) + 60_000);
    await expect(panel.getByTestId('thread-rate')).toContainText('0 of 1 threads', { timeout: 15_000 });
    await expect(panel.getByTestId('activity-totals')).toContainText('1 messages sent: 1 Gmail');
    await expect(panel.getByTestId('scheduled-ahead')).toHaveCount(0);

    // Gmail sends it at its time; the page's next sync shows it sent (same ids): still one message, now sent.
    server.advance(due - Date.now() + 30_000);
    await syncNow(page);
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => m.status), { timeout: 10_000 })
      .toEqual(['sent']);
    msgs = await dbMessages(panel);
    expect(msgs).toHaveLength(1);
    expect(msgs[0].scheduledAt).toBe(due);
    expect(await readDb(panel, 'threads')).toHaveLength(1);
    await syncNow(page); // and again: nothing more
    await page.waitForTimeout(1500);
    expect(await dbMessages(panel)).toHaveLength(1);
    await expect(panel.getByTestId('thread-rate')).toContainText('0 of 1 threads', { timeout: 15_000 });
    await expect(panel.getByTestId('activity-totals')).toContainText('1 messages sent: 1 Gmail');
  });

  test('Cancel send puts it back in drafts: removed, never counted; Undo on the "Send scheduled" toast likewise', async ({
    context,
    extensionId,
  }) => {
    const server = await serveGmail(context, { me: ME, undoWindowMs: 8000 });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanelWithClock(context, extensionId);

    const due = await scheduleSend(page, {
      to: [ANA.email],
      subject: 'Cancel me',
      body: 'Scheduled, then cancelled',
      minutesAhead: 3,
    });
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => m.status), { timeout: 10_000 })
      .toEqual(['scheduled']);
    await page.waitForTimeout(8500); // the toast's Undo window closes
    await cancelScheduledSend(page, 'Cancel me');
    expect(server.syncLog.filter((l) => l.includes('^r_bt')).length).toBeGreaterThan(0);
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(0);
    expect(await readDb(panel, 'prospects')).toHaveLength(0);

    // Undo right after scheduling (the toast's link): the message goes back to its compose.
    await scheduleSend(page, { to: [BOB.email], subject: 'Undo me', body: 'Scheduled, then undone', minutesAhead: 3 });
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => m.subject), { timeout: 10_000 })
      .toEqual(['Undo me']);
    await page.locator('#link_undo').click();
    await page.locator('.b8 .vh', { hasText: 'Scheduled send undone' }).waitFor();
    await expect.poll(async () => (await dbMessages(panel)).length, { timeout: 10_000 }).toBe(0);

    // Past both due times, nothing counts and the server sends nothing.
    await panel.clock.fastForward(due - (await panel.evaluate(() => Date.now())) + 5 * 60_000);
    server.advance(10 * 60_000);
    await syncNow(page);
    await page.waitForTimeout(2000);
    expect(await dbMessages(panel)).toHaveLength(0);
    await expect(panel.getByText('Nothing logged yet')).toBeVisible({ timeout: 15_000 });
  });

  test('Undo of a plain send is unaffected, and a later scheduled send is not taken for one (sync format no reader knows: DOM layer only)', async ({
    context,
    extensionId,
  }) => {
    // With the network layer blind, only the DOM layer could log: it must log the send and not the schedule.
    await serveGmail(context, { me: ME, wire: 'opaque' });
    const page = await context.newPage();
    await openGmail(page);
    const panel = await openPanelWithClock(context, extensionId);
    await scheduleSend(page, { to: [ANA.email], subject: 'Scheduled, DOM only', body: 'Not a send', minutesAhead: 2 });
    await page.waitForTimeout(3000);
    expect(await dbMessages(panel)).toEqual([]);
    // Undo on the "Send scheduled" toast undoes no earlier send either.
    await composeAndSend(page, { to: [BOB.email], subject: 'Plain send', body: 'Sent now' });
    await expect
      .poll(async () => (await dbMessages(panel)).map((m) => m.subject), { timeout: 10_000 })
      .toEqual(['Plain send']);
    await page.waitForTimeout(6000); // the send's Undo window closes
    await scheduleSend(page, { to: [ANA.email], subject: 'Another scheduled', body: 'Later', minutesAhead: 2 });
    await page.locator('#link_undo').click();
    await page.waitForTimeout(2500);
    expect((await dbMessages(panel)).map((m) => m.subject)).toEqual(['Plain send']);
  });
});
