// One person, one record (issue 10), end to end: the built extension in Chromium against the
// LinkedIn (and Gmail) look-alikes, which name a member the way the real site does on each
// surface: `ACoAA…` ids in messaging, the slug on profiles (the member id only in SDUI card keys
// and classic embedded data), numeric ids in invitations. Each order real use takes runs on its
// own fresh browser profile (a new context per test).
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPanel, readDb, test } from './fixtures';
import { composeAndSend, openGmail, serveGmail } from './lookalike/gmail/serve';
import {
  defaultCast,
  openMessageBubble,
  sendInvitation,
  sendMessage,
  serveLinkedIn,
  deliverInbound,
} from './lookalike/linkedin/serve';
import { person } from './lookalike/linkedin/state';
import type { MergeRecord, Message, Prospect, Thread } from '../../lib/schema/model';

test.describe.configure({ timeout: 120_000 });

const linkedinMessages = async (panel: Page) =>
  (await readDb<Message>(panel, 'messages')).filter((m) => m.channel === 'linkedin');
const prospectsNamed = async (panel: Page, name: string) =>
  (await readDb<Prospect>(panel, 'prospects')).filter((p) => p.name === name);

async function open(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  return page;
}

/** The dashboard's "Who replies" table by the given trait: label → "k/n". */
async function whoReplies(panel: Page, trait: string): Promise<Record<string, string>> {
  await panel.bringToFront();
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await panel.getByLabel('Trait', { exact: true }).selectOption({ label: trait });
  const rows = panel.getByTestId('trait-table').locator('tbody tr');
  await rows.first().waitFor();
  const out: Record<string, string> = {};
  for (const r of await rows.all())
    out[(await r.locator('th .clip').innerText()).trim()] = (await r.locator('td.num').innerText()).trim();
  return out;
}

for (const [who, layout] of [
  ['chris-buyer-22', 'server-driven'],
  ['jane-doe-594b81205', 'classic'],
] as const) {
  test(`messaged first on the messaging page, profile (${layout}) visited later: one prospect with the traits, counted in "Who replies"`, async ({
    context,
    extensionId,
  }) => {
    const li = await serveLinkedIn(context, { history: false });
    const panel = await openPanel(context, extensionId);
    const p = li.person(who);
    const page = await open(context, li.threadUrl(p), '.msg-thread .msg-form__contenteditable');
    const text = `Hi ${p.firstName}, a quick question about ${p.company}.`;
    await sendMessage(page, text);
    await expect
      .poll(async () => (await linkedinMessages(panel)).filter((m) => m.text === text).length, { timeout: 15_000 })
      .toBe(1);
    await deliverInbound(page, li, p, 'Happy to talk.');
    await expect.poll(async () => (await linkedinMessages(panel)).length, { timeout: 15_000 }).toBe(2);
    // Messaging named the member by id only: one record keyed by it, no traits yet.
    const before = await prospectsNamed(panel, `${p.firstName} ${p.lastName}`);
    expect(before.map((x) => x.id)).toEqual([`p:lim:${p.memberId}`]);
    expect(before[0].title).toBeNull();

    await page.goto(li.profileUrl(p));
    await expect
      .poll(
        async () =>
          (await readDb<Prospect>(panel, 'prospects')).map((x) => [
            x.name,
            x.title,
            x.company,
            x.location,
            x.linkedinUrl,
          ]),
        { timeout: 15_000 },
      )
      .toEqual([
        [`${p.firstName} ${p.lastName}`, p.title, p.company, p.location, `https://www.linkedin.com/in/${p.publicId}/`],
      ]);
    const [rec] = await readDb<Prospect>(panel, 'prospects');
    expect(rec.keys).toEqual(expect.arrayContaining([`lim:${p.memberId}`, `li:${p.publicId}`, `linum:${p.numericId}`]));
    expect((await linkedinMessages(panel)).every((m) => m.prospectId === rec.id)).toBe(true);
    // The header line was a presence line or the headline, never stored as a presence line.
    expect(rec.headline).toBe(p.headline);

    // "Who replies": the person, with their seniority and company, replied.
    const seniority = rec.seniority as string;
    expect(seniority).toBeTruthy();
    expect(await whoReplies(panel, 'Seniority')).toEqual({ [seniority]: '1/1' });
    expect(await whoReplies(panel, 'Company')).toEqual({ [p.company]: '1/1' });
    await expect(panel.getByTestId('prospect-rate')).toContainText('1 of 1 people');
  });
}

test('visited first, messaged later: the profile record takes the messages', async ({ context, extensionId }) => {
  const li = await serveLinkedIn(context, { history: false });
  const panel = await openPanel(context, extensionId);
  const bob = li.person('bob-builder');
  const page = await open(context, li.profileUrl(bob), 'main h2');
  await expect
    .poll(async () => (await prospectsNamed(panel, 'Bob Builder'))[0]?.title, { timeout: 15_000 })
    .toBe('Head of Operations');
  await page.goto(li.threadUrl(bob));
  await page.locator('.msg-thread .msg-form__contenteditable').waitFor();
  const text = 'Hi Bob, how do you run ops tooling at Globex?';
  await sendMessage(page, text);
  await expect
    .poll(
      async () => (await linkedinMessages(panel)).filter((m) => m.text === text).map((m) => m.seenBy.sort().join('+')),
      { timeout: 15_000 },
    )
    .toEqual(['dom+network']);
  const all = await prospectsNamed(panel, 'Bob Builder');
  expect(all).toHaveLength(1);
  expect(all[0]).toMatchObject({
    id: 'p:li:bob-builder',
    title: 'Head of Operations',
    company: 'Globex',
    linkedinMemberId: bob.memberId,
  });
  // Bob's header says "Mobile • 5m ago": not his headline.
  expect(all[0].headline).toBe(bob.headline);
  expect((await linkedinMessages(panel))[0].prospectId).toBe('p:li:bob-builder');
});

test('messaged from a chat bubble opened on the profile: one prospect', async ({ context, extensionId }) => {
  const li = await serveLinkedIn(context, { history: false });
  const panel = await openPanel(context, extensionId);
  const ana = li.person('ana-garcia-1');
  ana.degree = 1;
  const profile = await open(context, li.profileUrl(ana), 'main h2');
  await openMessageBubble(profile);
  const text = 'Hola Ana, ¿una demo de diez minutos esta semana?';
  await sendMessage(profile, text, { inBubble: true });
  await expect
    .poll(
      async () => (await linkedinMessages(panel)).filter((m) => m.text === text).map((m) => m.seenBy.sort().join('+')),
      { timeout: 15_000 },
    )
    .toEqual(['dom+network']);
  await expect
    .poll(
      async () =>
        (await prospectsNamed(panel, 'Ana García')).map((x) => [x.title, x.company, x.linkedinMemberId, x.linkedinUrl]),
      { timeout: 15_000 },
    )
    .toEqual([['Directora de Marketing', 'Umbrella', ana.memberId, 'https://www.linkedin.com/in/ana-garcia-1/']]);
  const [p] = await prospectsNamed(panel, 'Ana García');
  expect((await linkedinMessages(panel))[0].prospectId).toBe(p.id);
  // "Available on mobile" under the name in the bubble is no headline.
  expect(p.headline).toBe(ana.headline);
});

test('invited from the profile with a note, accepted, the note shown in the new conversation: one outbound message', async ({
  context,
  extensionId,
}) => {
  const li = await serveLinkedIn(context, { history: false });
  const panel = await openPanel(context, extensionId);
  const ana = li.person('ana-garcia-1');
  const page = await open(context, li.profileUrl(ana), 'main h2');
  await expect.poll(async () => (await prospectsNamed(panel, 'Ana García')).length, { timeout: 15_000 }).toBe(1);
  const note = 'Hola Ana, vi tu charla sobre marketing B2B. ¿Conectamos?';
  await sendInvitation(page, note);
  await expect(page.locator('main button[aria-label^="Pending"]')).toBeVisible();
  await expect
    .poll(async () => (await linkedinMessages(panel)).map((m) => [m.kind, m.text]), { timeout: 15_000 })
    .toEqual([['linkedin-invite', note]]);
  // The invitation named her by numeric id and slug (the SDUI action): still the profile's record.
  const body = li.state.received.at(-1)!.body as {
    serverRequest: { requestedArguments: { payload: { inviteeUrn: { memberId: unknown } } } };
  };
  expect(body.serverRequest.requestedArguments.payload.inviteeUrn.memberId).toBe(ana.numericId);
  expect(await prospectsNamed(panel, 'Ana García')).toHaveLength(1);

  // Ana accepts; LinkedIn opens a conversation whose first message is the note.
  li.accept(ana);
  await page.reload();
  await expect
    .poll(async () => (await prospectsNamed(panel, 'Ana García'))[0]?.connectionDegree, { timeout: 15_000 })
    .toBe(1);
  await page.goto(li.threadUrl(ana));
  await page.locator('.msg-thread [data-event-urn]').first().waitFor();
  await page.waitForTimeout(2000);
  const msgs = await linkedinMessages(panel);
  expect(msgs).toHaveLength(1);
  expect(msgs[0]).toMatchObject({ kind: 'linkedin-invite', direction: 'outbound', text: note });
  const serverId = li.threadOf(ana)!.messages[0]!.id;
  expect(msgs[0].keys).toContain(`linkedin:${serverId}`);
  const threads = (await readDb<Thread>(panel, 'threads')).filter((t) => t.channel === 'linkedin');
  expect(threads).toHaveLength(1);
  expect(threads[0].summary?.outboundCount).toBe(1);

  // Her reply in that conversation answers the invitation.
  await deliverInbound(page, li, ana, '¡Hola! Sí, hablemos.');
  await expect.poll(async () => (await linkedinMessages(panel)).length, { timeout: 15_000 }).toBe(2);
  await expect(panel.getByTestId('thread-rate')).toContainText('1 of 1 threads', { timeout: 15_000 });
  expect(await prospectsNamed(panel, 'Ana García')).toHaveLength(1);
});

test('met on Gmail, later on LinkedIn with the email on the contact info overlay: one prospect', async ({
  context,
  extensionId,
}) => {
  await serveGmail(context, { me: { email: 'sam@seller.example', name: 'Sam Seller' } });
  const li = await serveLinkedIn(context, { history: false });
  const panel = await openPanel(context, extensionId);
  const gmail = await context.newPage();
  await openGmail(gmail);
  await composeAndSend(gmail, {
    to: ['jane.doe@acme-corp.example'],
    subject: 'Acme and Sidelog',
    body: 'Hi Jane, would a short call work next week?',
  });
  await expect
    .poll(async () => (await readDb<Prospect>(panel, 'prospects')).map((p) => p.emails), { timeout: 15_000 })
    .toEqual([['jane.doe@acme-corp.example']]);

  const jane = li.person('jane-doe-594b81205'); // classic profile
  const page = await open(context, li.profileUrl(jane), 'main h1');
  await expect.poll(async () => (await readDb<Prospect>(panel, 'prospects')).length, { timeout: 15_000 }).toBe(2);
  await page.locator('a[href*="/overlay/contact-info/"]').click();
  await page.locator('[role="dialog"] a[href^="mailto:"]').waitFor();
  await expect.poll(async () => (await readDb<Prospect>(panel, 'prospects')).length, { timeout: 15_000 }).toBe(1);
  const [p] = await readDb<Prospect>(panel, 'prospects');
  expect(p).toMatchObject({
    name: 'Jane Doe',
    emails: ['jane.doe@acme-corp.example'],
    linkedinUrl: 'https://www.linkedin.com/in/jane-doe-594b81205/',
    title: 'VP Sales',
    company: 'Acme Corp',
  });
  const merges = await readDb<MergeRecord>(panel, 'merges');
  expect(merges.map((m) => m.reason)).toEqual(['contact-info']);
  expect((await readDb<Message>(panel, 'messages')).every((m) => m.prospectId === p.id)).toBe(true);
});

test('a company page gives industry and size to every prospect of that company; "Who replies" by industry', async ({
  context,
  extensionId,
}) => {
  const cast = defaultCast();
  // Two more people at Initech: one on a classic profile (links the company by numeric id), one on a
  // server-driven profile that does not link the company page (matched by name).
  cast.people.push(
    person({
      firstName: 'Dana',
      lastName: 'Lee',
      publicId: 'dana-lee-3',
      headline: 'CFO at Initech',
      title: 'CFO',
      company: 'Initech',
      location: 'Austin, Texas, United States',
      degree: 1,
      layout: 'classic',
      companySlug: 'initech',
    }),
  );
  cast.people.push(
    person({
      firstName: 'Eli',
      lastName: 'Stone',
      publicId: 'eli-stone',
      headline: 'Engineer at Initech',
      title: 'Software Engineer',
      company: 'Initech',
      location: 'Remote',
      degree: 2,
    }),
  );
  const li = await serveLinkedIn(context, { ...cast, history: false });
  const panel = await openPanel(context, extensionId);
  const chris = li.person('chris-buyer-22');
  const page = await open(context, li.threadUrl(chris), '.msg-thread .msg-form__contenteditable');
  await sendMessage(page, 'Hi Chris, how does Initech buy software?');
  await expect.poll(async () => (await linkedinMessages(panel)).length, { timeout: 15_000 }).toBe(1);
  for (const id of ['chris-buyer-22', 'dana-lee-3', 'eli-stone']) {
    await page.goto(li.profileUrl(li.person(id)));
    await page.locator('main h1, main h2').first().waitFor();
    await expect
      .poll(async () => (await readDb<Prospect>(panel, 'prospects')).filter((p) => p.company === 'Initech').length, {
        timeout: 15_000,
      })
      .toBe(['chris-buyer-22', 'dana-lee-3', 'eli-stone'].indexOf(id) + 1);
  }
  expect((await readDb<Prospect>(panel, 'prospects')).map((p) => p.industry)).toEqual([null, null, null]);

  await page.goto(li.companyUrl(li.company('initech'), 'about'));
  await page.locator('dl dt').first().waitFor();
  await expect
    .poll(
      async () =>
        (await readDb<Prospect>(panel, 'prospects'))
          .map((p) => [p.name, p.industry, p.companySize, p.companyHq])
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual([
      ['Chris Buyer', 'IT Services and IT Consulting', '201-500', 'Austin, Texas'],
      ['Dana Lee', 'IT Services and IT Consulting', '201-500', 'Austin, Texas'],
      ['Eli Stone', 'IT Services and IT Consulting', '201-500', 'Austin, Texas'],
    ]);
  expect(await whoReplies(panel, 'Industry')).toEqual({ 'IT Services and IT Consulting': '0/1' });
  expect(await whoReplies(panel, 'Company size')).toEqual({ '201-500': '0/1' });
  // The prospect page shows them.
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel.getByRole('button', { name: /Chris Buyer/ }).click();
  await expect(panel.getByTestId('company-traits')).toContainText('IT Services and IT Consulting');
});

test('merge two prospects by hand: one timeline, the numbers follow, undo works', async ({ context, extensionId }) => {
  await serveGmail(context, { me: { email: 'sam@seller.example', name: 'Sam Seller' } });
  const li = await serveLinkedIn(context, { history: false });
  const panel = await openPanel(context, extensionId, 360);
  // The same person on two channels, nothing on either page says so.
  const gmail = await context.newPage();
  await openGmail(gmail);
  await composeAndSend(gmail, {
    to: ['bbuilder@globex-mail.example'],
    subject: 'Globex ops',
    body: 'Hi Bob, a quick question about your ops tooling.',
  });
  const bob = li.person('bob-builder');
  const page = await open(context, li.threadUrl(bob), '.msg-thread .msg-form__contenteditable');
  await sendMessage(page, 'Hi Bob, following up here on LinkedIn.');
  await expect.poll(async () => (await readDb<Message>(panel, 'messages')).length, { timeout: 15_000 }).toBe(2);
  await deliverInbound(page, li, bob, 'Hi Sam, yes let us talk.');
  await expect.poll(async () => (await readDb<Message>(panel, 'messages')).length, { timeout: 15_000 }).toBe(3);
  await panel.bringToFront();
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(panel.getByTestId('prospect-rate')).toContainText('1 of 2 people', { timeout: 15_000 });

  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await expect(panel.getByTestId('prospect-count')).toHaveText('2 prospects');
  await panel.getByRole('button', { name: 'Merge two…' }).click();
  await panel.getByLabel('Pick Bob Builder').check();
  await panel.getByLabel('Pick bbuilder').check();
  await panel.getByRole('button', { name: 'Compare' }).click();
  const merge = panel.getByRole('region', { name: 'Merge two prospects' });
  await expect(merge.getByTestId('merge-left')).toHaveText('bbuilder');
  await expect(merge.getByTestId('merge-right')).toHaveText('Bob Builder');
  await expect(merge.getByRole('row', { name: /Name/ })).toContainText('Bob Builder');
  await merge.getByRole('button', { name: 'Merge into one' }).click();
  // The merged prospect's page: one timeline across Gmail and LinkedIn.
  await expect(panel.getByTestId('prospect-name')).toHaveText('Bob Builder');
  await expect(panel.getByTestId('timeline').locator('li')).toHaveCount(3);
  await expect(panel.getByTestId('merge-status')).toContainText('Merged');
  expect(await readDb<Prospect>(panel, 'prospects')).toHaveLength(1);
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(panel.getByTestId('prospect-rate')).toContainText('1 of 1 people', { timeout: 15_000 });

  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await panel.getByTestId('merge-status').getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByTestId('merge-status')).toContainText('Merge undone');
  await expect.poll(async () => (await readDb<Prospect>(panel, 'prospects')).length).toBe(2);
  await panel.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(panel.getByTestId('prospect-rate')).toContainText('1 of 2 people', { timeout: 15_000 });
  // A reload (the panel closed and opened) offers no undo any more.
  await panel.reload();
  await panel.getByRole('tab', { name: 'Prospects' }).click();
  await expect(panel.getByTestId('prospect-count')).toHaveText('2 prospects');
  await expect(panel.getByTestId('merge-status')).toHaveCount(0);
});
