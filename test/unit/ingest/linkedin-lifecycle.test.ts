// What happens to a LinkedIn message or invitation after it was sent (issue 13): recalls and edits
// as realtime and GraphQL items carry them (`messageBodyRenderFormat`), the user's own recall, edit
// and withdraw calls, and what ingestion and the acceptance numbers make of them.
// Fixtures (test/fixtures/ATTRIBUTION.md): graphql-messages-edited-recalled-2025.json and
// realtime-message-{edited,recalled}-2025.json derive from the real 2025 messengerMessages element
// of graphql-invite-note-first-message-2025.json, their render formats as mautrix/linkedin reads
// them (pkg/connector/handlelinkedin.go onRealtimeMessage, pkg/linkedingo/messages.go at
// 525a6e31944c40be102552b7e6a0176aa7c96247); sdui-withdraw-invitation-2026.json is the body
// grinich/inflow captured (docs/linkedin-sent-invitations.md at 0f06f73f4751d7e432465f480cf1f09c39c73037).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { IngestDeps } from '@/lib/ingest/types';
import { backfillInviteFacts, INVITES_BACKFILLED } from '@/lib/ingest/linkedin-lifecycle';
import { extractMessages } from '@/lib/capture/linkedin/payloads';
import { tapToEvents } from '@/lib/capture/linkedin/network';
import { parseEditRequest, parseRecallRequest, parseWithdrawRequest } from '@/lib/capture/linkedin/requests';
import { changeToEvents, observeLinkedInSends, type WebRequestApi } from '@/lib/capture/linkedin/web-request';
import { acceptance } from '@/lib/analytics/acceptance';
import { decodeFacts, encodeFacts, mergeFacts } from '@/lib/analytics/facts';
import { createDetector } from '@/lib/templates/detect';
import { summarizeThread } from '@/lib/records/summary';
import { CaptureEvent, type CaptureEventInput } from '@/lib/schema/events';
import type { Message, Template, Thread } from '@/lib/schema/model';
import { T0, settings } from '../helpers/events';

const fx = (f: string) => readFileSync(path.resolve(__dirname, '../../fixtures/linkedin', f), 'utf8');
const VIEWER = 'ACoAAAPqaMsBppQ4Do96IW1KXudL-mT6tj3xXZ0'; // Vrajesh, the mailbox owner of the 2025 capture
const PEI = 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q';
const EDITED_ID = '2-MTczOTg0NzY4MDkxN2I2NTkxMy0xMDAmMjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==';
const RECALLED_ID = '2-MTczOTg1MDUxMjM0NWI0ODIxMy0xMDAmMjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==';
const FIRST_TEXT =
  'Hello Pei, I am expanding my network of insurance agents here on LinkedIn where we post lot of value content on online lead generation. Please accept my invite.\n\nThanks Pei\n';
const DAY = 86_400_000;
let n = 0;
const id = () => `t-${++n}`;

describe('items LinkedIn marks EDITED or RECALLED', () => {
  it('GraphQL messengerMessages: the edited item is flagged with its new text, the recalled one flagged with no text', () => {
    const msgs = extractMessages(JSON.parse(fx('graphql-messages-edited-recalled-2025.json')), VIEWER);
    expect(msgs.map((m) => [m.messageId, m.edited, m.recalled, m.direction])).toEqual([
      [EDITED_ID, true, false, 'outbound'],
      [RECALLED_ID, false, true, 'inbound'],
    ]);
    expect(msgs[0]!.text).toMatch(
      /^Hello Pei, I am expanding my network of insurance agents here on LinkedIn\. Please accept/,
    );
  });
  it('the real DEFAULT item is neither', () => {
    const [m] = extractMessages(JSON.parse(fx('graphql-invite-note-first-message-2025.json')), VIEWER);
    expect(m).toMatchObject({ edited: false, recalled: false });
  });
  it('realtime: a recall becomes a retract whoever sent it (here the prospect), an edit an edited message event', () => {
    const recalled = tapToEvents(
      'realtime',
      `data: ${fx('realtime-message-recalled-2025.json').replace(/\n\s*/g, '')}\n`,
      null,
      id,
      true,
    );
    expect(recalled.map((e) => CaptureEvent.parse(e))).toEqual([
      expect.objectContaining({ type: 'retract', externalId: RECALLED_ID, channel: 'linkedin' }),
    ]);
    const edited = tapToEvents('realtime', fx('realtime-message-edited-2025.json'), null, id, true).map((e) =>
      CaptureEvent.parse(e),
    );
    expect(edited).toEqual([
      expect.objectContaining({ type: 'message', externalId: EDITED_ID, edited: true, sentAt: 1739847681328 }),
    ]);
    // A recall with no body at all (the tombstone may omit it) is still a recall.
    const bare = JSON.parse(fx('realtime-message-recalled-2025.json'));
    delete bare['com.linkedin.realtimefrontend.DecoratedEvent'].payload.data
      .doDecorateMessageMessengerRealtimeDecoration.result.body;
    expect(tapToEvents('realtime', JSON.stringify(bare), null, id, true)).toEqual([
      expect.objectContaining({ type: 'retract', externalId: RECALLED_ID }),
    ]);
  });
  it('the 2021 legacy delete (recalledAt in the MessageEvent) is still a retract', () => {
    const out = tapToEvents('realtime', fx('realtime-delete-message.json'), null, id, true);
    expect(out.map((e) => e.type)).toEqual(['retract']);
  });
});

describe("the user's own calls (webRequest bodies)", () => {
  const MSG_URN = `urn:li:msg_message:(urn:li:fsd_profile:${VIEWER},${EDITED_ID})`;
  it('recall: ?action=recall with {"messageUrn"} (mautrix/linkedin RecallMessage, inflow recallMessage)', () => {
    expect(
      parseRecallRequest('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=recall', {
        messageUrn: MSG_URN,
      }),
    ).toBe(EDITED_ID);
  });
  it('edit: POST …Messages/<encoded urn> with {"patch":{"$set":{"body"}}}', () => {
    const url = `https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages/${encodeURIComponent(MSG_URN)}`;
    expect(parseEditRequest(url, { patch: { $set: { body: { text: 'Fixed typo', attributes: [] } } } })).toEqual({
      messageId: EDITED_ID,
      text: 'Fixed typo',
    });
    expect(parseEditRequest(url, { message: { body: { text: 'x' } } })).toBeNull();
    expect(
      parseEditRequest(
        'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
        { patch: { $set: { body: { text: 'x' } } } },
      ),
    ).toBeNull();
    const [ev] = changeToEvents(url, { patch: { $set: { body: { text: 'Fixed typo' } } } }, T0, id)!.map((e) =>
      CaptureEvent.parse(e),
    );
    // Dated and threaded from the id itself: `2-base64(<epoch ms>…&<thread uuid>)`.
    expect(ev).toMatchObject({
      type: 'message',
      edited: true,
      direction: 'outbound',
      externalId: EDITED_ID,
      sentAt: 1739847680917,
      threadExternalId: '2-MjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==',
    });
  });
  it('withdraw, server-driven: the captured body names the invitee by slug (its member and invitation ids were redacted upstream)', () => {
    const url =
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation&parentSpanId=abc';
    expect(parseWithdrawRequest(url, JSON.parse(fx('sdui-withdraw-invitation-2026.json')))).toEqual({
      profileUrl: 'https://www.linkedin.com/in/stevehamrick/',
      name: 'Steve Hamrick',
    });
    // The same shape with real ids: member id, invitation id; and a numeric invitee where a build names one.
    const body = JSON.parse(fx('sdui-withdraw-invitation-2026.json'));
    Object.assign(body.serverRequest.requestedArguments.payload, {
      profileUrn: PEI,
      invitationUrn: { invitationId: '7498810568384856065' },
      inviteeUrn: { memberId: 81071019 },
    });
    expect(parseWithdrawRequest(url, body)).toEqual({
      memberId: PEI,
      profileUrl: 'https://www.linkedin.com/in/stevehamrick/',
      invitationId: '7498810568384856065',
      numericMemberId: '81071019',
      name: 'Steve Hamrick',
    });
    // The dialog that only asks "Withdraw invitation?" is not the withdrawal.
    expect(
      parseWithdrawRequest(
        url.replace(
          'requests.mynetwork.addaWithdrawInvitation',
          'flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog',
        ),
        body,
      ),
    ).toBeNull();
    expect(parseWithdrawRequest(url.replace('addaWithdrawInvitation', 'addaAddConnection'), body)).toBeNull();
  });
  it('withdraw, Dash and older forms: only the invitation id, from the path', () => {
    expect(
      parseWithdrawRequest(
        'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A7233649881779728384?action=withdraw',
        { invitationType: 'CONNECTION' },
      ),
    ).toEqual({ invitationId: '7233649881779728384' });
    expect(
      parseWithdrawRequest(
        'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/urn:li:fsd_invitation:7233649881779728384?action=withdraw',
        {},
      ),
    ).toEqual({ invitationId: '7233649881779728384' });
    expect(
      parseWithdrawRequest(
        'https://www.linkedin.com/voyager/api/relationships/invitations/6543210987654321098?action=withdraw',
        {},
      ),
    ).toEqual({ invitationId: '6543210987654321098' });
    // Accepting a received invitation goes to the same path: not a withdrawal.
    expect(
      parseWithdrawRequest(
        'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A7233649881779728384?action=accept',
        {},
      ),
    ).toBeNull();
  });
  it('the observer reports them only once LinkedIn answered 2xx', () => {
    const out: CaptureEventInput[] = [];
    const l: Record<string, (d: never) => void> = {};
    const api: WebRequestApi = {
      onBeforeRequest: { addListener: (cb) => void (l.before = cb as never) },
      onCompleted: { addListener: (cb) => void (l.done = cb as never) },
      onErrorOccurred: { addListener: (cb) => void (l.err = cb as never) },
    };
    observeLinkedInSends((e) => out.push(...e), api, id);
    const post = (rid: string, url: string, body: unknown, status: number) => {
      l.before!({
        requestId: rid,
        url,
        method: 'POST',
        timeStamp: T0,
        requestBody: { raw: [{ bytes: new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer }] },
      } as never);
      l.done!({ requestId: rid, url, statusCode: status, timeStamp: T0 + 200 } as never);
    };
    const dash =
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A7233649881779728384?action=withdraw';
    post('1', dash, { invitationType: 'CONNECTION' }, 403);
    expect(out).toHaveLength(0);
    post('2', dash, { invitationType: 'CONNECTION' }, 200);
    expect(out.map((e) => CaptureEvent.parse(e))).toEqual([
      expect.objectContaining({
        type: 'invitation-withdrawn',
        person: { invitationId: '7233649881779728384' },
        at: T0,
      }),
    ]);
  });
});

describe('ingestion', () => {
  let db: SidelogDb;
  let deps: IngestDeps;
  let k = 0;
  beforeEach(async () => {
    db = openDb(`li-lifecycle-${++k}`);
    await db.open();
    deps = {
      db,
      settings: settings({ identities: { emails: [], linkedinMemberIds: [VIEWER], linkedinProfileUrls: [] } }),
      now: () => T0 + DAY,
    };
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
  const ingest = (...e: unknown[]) => ingestEvents(deps, e);
  const template: Template = {
    id: 'tpl-ins',
    name: 'Insurance agents',
    channel: 'linkedin',
    subject: null,
    tags: [],
    archived: false,
    version: 1,
    createdAt: 0,
    updatedAt: 0,
    body: 'Hello {{firstName}}, I am expanding my network of insurance agents here on LinkedIn where we post lot of value content on online lead generation. Please accept my invite.',
  };

  it('an edit keeps the first text for template attribution and detection, and the edit beside it', async () => {
    deps.detect = createDetector([template]);
    const graphql = JSON.parse(fx('graphql-invite-note-first-message-2025.json'));
    // The message as first read (DEFAULT), then the realtime EDITED event for it.
    for (const e of tapToEvents('messages', JSON.stringify(graphql), VIEWER, id)) await ingest(e);
    for (const e of tapToEvents('realtime', fx('realtime-message-edited-2025.json'), VIEWER, id)) await ingest(e);
    const [m] = await db.messages.toArray();
    expect(m!.text).toBe(FIRST_TEXT);
    expect(m!.editedText).toMatch(
      /^Hello Pei, I am expanding my network of insurance agents here on LinkedIn\. Please accept my invite\./,
    );
    expect(m).toMatchObject({ templateId: 'tpl-ins', templateSource: 'detected' });
    // The edited text alone would not be detected as that template: attribution really reads the first text.
    expect(deps.detect!({ text: m!.editedText!, subject: null, channel: 'linkedin' })).toBeNull();
    expect(await db.messages.count()).toBe(1);
  });

  it("the user's own edit call edits a stored message; of a message never stored it is dropped", async () => {
    const url = (mid: string) =>
      `https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages/${encodeURIComponent(`urn:li:msg_message:(urn:li:fsd_profile:${VIEWER},${mid})`)}`;
    const edit = (mid: string) =>
      changeToEvents(url(mid), { patch: { $set: { body: { text: 'Edited by hand' } } } }, T0, id)!;
    expect((await ingest(...edit(EDITED_ID))).dropped).toBe(1);
    expect(await db.messages.count()).toBe(0);
    for (const e of tapToEvents('messages', fx('graphql-invite-note-first-message-2025.json'), VIEWER, id))
      await ingest(e);
    await ingest(...edit(EDITED_ID));
    const [m] = await db.messages.toArray();
    expect(m).toMatchObject({ text: FIRST_TEXT, editedText: 'Edited by hand' });
  });

  it('a recalled reply from the prospect no longer counts: gone from the thread, their stage back to contacted', async () => {
    const graphql = JSON.parse(fx('graphql-messages-edited-recalled-2025.json'));
    // Before the recall: the same reply, DEFAULT, with its text.
    const live = structuredClone(graphql);
    const reply = live.data.messengerMessagesBySyncToken.elements[1];
    reply.messageBodyRenderFormat = 'DEFAULT';
    reply.body.text = 'Sure, tell me more.';
    // Our message to Pei as the DOM layer logs it (it names the recipient), then the thread read.
    await ingest({
      eventId: id(),
      type: 'message',
      channel: 'linkedin',
      layer: 'dom',
      direction: 'outbound',
      kind: 'linkedin-message',
      externalId: EDITED_ID,
      threadExternalId: '2-MjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==',
      from: { memberId: VIEWER },
      to: [{ memberId: PEI, name: 'Pei Wu' }],
      text: FIRST_TEXT,
      sentAt: 1739847681328,
    });
    for (const e of tapToEvents('messages', JSON.stringify(live), VIEWER, id)) await ingest(e);
    let [t] = await db.threads.toArray();
    expect(t!.summary!.firstReplyAt).toBe(1739850512345);
    expect((await db.prospects.toArray())[0]!.stage).toBe('replied');
    // The recall, by the realtime stream (and again by the next GraphQL read: harmless).
    for (const e of tapToEvents('realtime', fx('realtime-message-recalled-2025.json'), VIEWER, id)) await ingest(e);
    for (const e of tapToEvents('messages', JSON.stringify(graphql), VIEWER, id)) await ingest(e);
    [t] = await db.threads.toArray();
    expect(t!.summary!.firstReplyAt).toBeNull();
    expect(t!.summary!.inboundCount).toBe(0);
    expect((await db.messages.toArray()).map((m) => m.direction)).toEqual(['outbound']);
    expect((await db.prospects.toArray())[0]!.stage).toBe('contacted');
  });

  const invite = (to: Record<string, string>, at = T0, note = 'Loved your talk on pricing, connect?') => ({
    eventId: id(),
    type: 'message',
    channel: 'linkedin',
    layer: 'network',
    direction: 'outbound',
    kind: 'linkedin-invite',
    externalId: `linkedin-invite:${JSON.stringify(to)}:${at}`,
    aliases: [],
    threadExternalId: `invite:li:${to.slug ?? to.memberId}`,
    threadAliases: [],
    from: { memberId: VIEWER },
    to: [
      {
        ...(to.slug ? { profileUrl: `https://www.linkedin.com/in/${to.slug}/` } : {}),
        ...(to.memberId ? { memberId: to.memberId } : {}),
        ...(to.numeric ? { numericMemberId: to.numeric } : {}),
      },
    ],
    subject: null,
    text: note,
    sentAt: at,
  });
  const withdrawn = (person: Record<string, string>, at = T0 + DAY) => ({
    eventId: id(),
    type: 'invitation-withdrawn',
    channel: 'linkedin',
    layer: 'network',
    person,
    at,
  });

  it('a withdrawal marks the invitation its ids name (slug, member id, numeric id), never creates anyone', async () => {
    await ingest(
      invite({ slug: 'stevehamrick' }),
      invite({ memberId: PEI, numeric: '81071019' }),
      invite({ slug: 'ana-garcia-1' }),
    );
    expect(
      (await ingest(withdrawn({ profileUrl: 'https://www.linkedin.com/in/stevehamrick/', name: 'Steve Hamrick' })))
        .merged,
    ).toBe(1);
    expect((await ingest(withdrawn({ numericMemberId: '81071019' }))).merged).toBe(1);
    expect((await ingest(withdrawn({ memberId: 'ACoAAnobody0000000000000000000000000000' }))).dropped).toBe(1);
    const byText = await db.messages.toArray();
    expect(byText.filter((m) => m.withdrawnAt === T0 + DAY)).toHaveLength(2);
    expect(byText.find((m) => m.to[0]!.includes('ana-garcia-1'))!.withdrawnAt).toBeUndefined();
    expect(await db.prospects.count()).toBe(3);
    const invites = (await db.threads.toArray()).flatMap((t) => t.summary!.invites!);
    expect(invites.map((i) => i.withdrawnAt).sort()).toEqual([T0 + DAY, T0 + DAY, null].sort());
  });

  it('an invitation-id-only withdrawal finds the invitation through the id the profile page data named', async () => {
    await ingest(invite({ slug: 'arunachalamshanmugam' }));
    await ingest({
      eventId: id(),
      type: 'prospect',
      channel: 'linkedin',
      layer: 'dom',
      seenAt: T0 + 1000,
      person: {
        profileUrl: 'https://www.linkedin.com/in/arunachalamshanmugam/',
        memberId: 'ACoAAAFLbSMBI_QFsWH37FhUiaXUdHhwTU30gAU',
        invitationId: '7233649881779728384',
      },
      headline: 'Founder, CTO at VcloudIT',
      title: null,
      company: null,
      location: null,
      industry: null,
      connectionDegree: 3,
    });
    const [w] = changeToEvents(
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A7233649881779728384?action=withdraw',
      {},
      T0 + 2 * DAY,
      id,
    )!;
    expect((await ingest(w)).merged).toBe(1);
    expect((await db.messages.toArray())[0]!.withdrawnAt).toBe(T0 + 2 * DAY);
  });

  it('summaries written before invitations were kept are backfilled once (LinkedIn threads only)', async () => {
    await ingest(invite({ slug: 'stevehamrick' }));
    const [t] = await db.threads.toArray();
    const { invites: _drop, ...old } = t!.summary!;
    await db.threads.put({ ...t!, summary: old as Thread['summary'] });
    expect((await db.threads.get(t!.id))!.summary!.invites).toBeUndefined();
    expect(await backfillInviteFacts(db, T0)).toBe(1);
    expect((await db.threads.get(t!.id))!.summary!.invites).toEqual([{ at: T0, withdrawnAt: null }]);
    expect((await db.meta.get(INVITES_BACKFILLED))!.value).toBe(true);
    expect(await backfillInviteFacts(db, T0)).toBe(0);
  });
});

describe('acceptance, a function of now', () => {
  const inv = (id: string, at: number, o: { withdrawnAt?: number; connectedAt?: number } = {}) => ({
    thread: {
      id: `linkedin:invite:${id}`,
      channel: 'linkedin' as const,
      prospectIds: [`p:${id}`],
      subject: null,
      summary: summarizeThread([
        {
          id: `m-${id}`,
          channel: 'linkedin',
          direction: 'outbound',
          kind: 'linkedin-invite',
          sentAt: at,
          withdrawnAt: o.withdrawnAt,
          threadId: `linkedin:invite:${id}`,
          text: 'note',
          classification: 'human',
        } as Message,
      ]),
    },
    prospect: {
      id: `p:${id}`,
      name: id,
      emails: [],
      linkedinUrl: null,
      company: null,
      title: null,
      seniority: null,
      industry: null,
      location: null,
      companySize: null,
      stage: 'contacted' as const,
      dealValue: null,
      traits: {},
      connectedAt: o.connectedAt ?? null,
    },
  });
  const rows = [
    inv('accepted', T0, { connectedAt: T0 + 3 * DAY }),
    inv('old-pending', T0),
    inv('young-pending', T0 + 10 * DAY),
    inv('withdrawn', T0 + 2 * DAY, { withdrawnAt: T0 + 5 * DAY }),
  ];
  const facts = encodeFacts(
    rows.map((r) => r.thread),
    rows.map((r) => r.prospect),
  );

  it('pending up to the window is not counted; past it, not accepted; withdrawn left out', () => {
    const at = (now: number) => acceptance(facts, { now, pendingDays: 21 });
    // Day 20: nothing has waited 21 days yet; the accepted one is the only decided one.
    expect(at(T0 + 20 * DAY)).toMatchObject({
      sent: 4,
      accepted: 1,
      notAccepted: 0,
      pending: 2,
      withdrawn: 1,
      rate: { k: 1, n: 1 },
    });
    // Day 22: the first pending invitation now counts as not accepted, with no new data.
    expect(at(T0 + 22 * DAY)).toMatchObject({
      accepted: 1,
      notAccepted: 1,
      pending: 1,
      withdrawn: 1,
      rate: { k: 1, n: 2, rate: 0.5 },
    });
    // Day 32: both.
    expect(at(T0 + 32 * DAY)).toMatchObject({ notAccepted: 2, pending: 0, rate: { k: 1, n: 3 } });
    // The window is a setting.
    expect(acceptance(facts, { now: T0 + 22 * DAY, pendingDays: 7 })).toMatchObject({ notAccepted: 2, pending: 0 });
  });
  it('the date range picks invitations by when they were sent', () => {
    expect(acceptance(facts, { now: T0 + 40 * DAY, pendingDays: 21, from: T0 + DAY })).toMatchObject({
      sent: 2,
      withdrawn: 1,
      notAccepted: 1,
    });
  });
  it('merged facts give the numbers of a fresh encoding (a withdrawal and an acceptance arriving later)', () => {
    const later = [
      inv('old-pending', T0, { withdrawnAt: T0 + 30 * DAY }),
      inv('young-pending', T0 + 10 * DAY, { connectedAt: T0 + 12 * DAY }),
    ];
    const merged = mergeFacts(facts, {
      threads: later.map((r) => r.thread),
      prospects: later.map((r) => r.prospect),
      deletedThreads: [],
      deletedProspects: [],
    });
    const fresh = encodeFacts(
      [rows[0]!, later[0]!, later[1]!, rows[3]!].map((r) => r.thread),
      [rows[0]!, later[0]!, later[1]!, rows[3]!].map((r) => r.prospect),
    );
    const now = T0 + 40 * DAY;
    expect(acceptance(merged, { now, pendingDays: 21 })).toEqual(acceptance(fresh, { now, pendingDays: 21 }));
    expect(acceptance(merged, { now, pendingDays: 21 })).toMatchObject({ accepted: 2, withdrawn: 2, notAccepted: 0 });
    // And through a re-encoding (a deleted thread forces one): still the same.
    const reencoded = mergeFacts(merged, {
      threads: [],
      prospects: [],
      deletedThreads: ['nope'],
      deletedProspects: [],
    });
    expect(decodeFacts(reencoded).threads.flatMap((t) => t.summary!.invites)).toHaveLength(4);
    expect(acceptance(reencoded, { now, pendingDays: 21 })).toEqual(acceptance(fresh, { now, pendingDays: 21 }));
  });
});

describe('the backfill at worker start', () => {
  it('never creates the database (a fresh profile, or an old one the first page upgrades)', async () => {
    const { backfillInviteFactsIfPresent } = await import('@/lib/ingest/linkedin-lifecycle');
    let opened = 0;
    const name = `li-absent-${Date.now()}`;
    expect(await backfillInviteFactsIfPresent(() => (opened++, openDb(name)), name)).toBe(0);
    expect(opened).toBe(0);
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });
});
