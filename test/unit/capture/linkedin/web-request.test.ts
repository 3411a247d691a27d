// The background's webRequest observer: LinkedIn send calls (bodies as raw bytes) -> capture events,
// confirmed only by a 2xx status. Bodies follow the shapes LinkedIn's web client sends (2025-26).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { CaptureEvent } from '@/lib/schema/events';
import { classifySendUrl, parseSendRequest } from '@/lib/capture/linkedin/requests';
import {
  observeLinkedInSends,
  type WebRequestApi,
  type BeforeRequestDetails,
  type CompletedDetails,
} from '@/lib/capture/linkedin/web-request';
import type { CaptureEventInput } from '@/lib/schema/events';
import { noteKey } from '@/lib/capture/linkedin/ids';

const VIEWER = 'ACoAADRSJgABy3J9f7VTdTKCbW79SieJTT-sub0';
const OTHER = 'ACoAAA7bNVUBXo4wls3McYpXWVndS6LXypCdluU';
const THREAD = '2-ZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
const CREATE = 'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage';

function createBody(text: string, extra: Record<string, unknown> = {}) {
  // trackingId is 16 raw bytes as chars: JSON.stringify escapes control chars, the rest go out as UTF-8.
  const trackingId = String.fromCharCode(0, 7, 200, 255, 16, 33, 90, 128, 1, 2, 3, 4, 250, 251, 9, 10);
  return {
    message: {
      body: { attributes: [], text },
      renderContentUnions: [],
      conversationUrn: `urn:li:msg_conversation:(urn:li:fsd_profile:${VIEWER},${THREAD})`,
      originToken: '0b6f0c58-3a52-4c35-8a7b-0e1b0c9b9d11',
      ...extra,
    },
    mailboxUrn: `urn:li:fsd_profile:${VIEWER}`,
    trackingId,
    dedupeByClientGeneratedToken: false,
  };
}
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o)).buffer as ArrayBuffer;

function fakeApi() {
  const before: ((d: BeforeRequestDetails) => void)[] = [];
  const done: ((d: CompletedDetails) => void)[] = [];
  const api: WebRequestApi = {
    onBeforeRequest: {
      addListener: (cb, filter, extra) => {
        expect(extra).toEqual(['requestBody']);
        expect(filter.urls.every((u) => u.startsWith('https://www.linkedin.com/'))).toBe(true);
        before.push(cb);
      },
    },
    onCompleted: { addListener: (cb) => done.push(cb) },
    onErrorOccurred: { addListener: () => {} },
  };
  let n = 0;
  const send = (url: string, body: unknown, status: number, requestId = String(++n)) => {
    for (const cb of before)
      cb({
        requestId,
        url,
        method: 'POST',
        timeStamp: 1_764_000_000_000 + n,
        requestBody: { raw: [{ bytes: bytes(body) }] },
      });
    for (const cb of done) cb({ requestId, url, statusCode: status, timeStamp: 1_764_000_000_500 + n });
  };
  return { api, send };
}

describe('classifySendUrl', () => {
  it('knows the send endpoints and nothing else', () => {
    expect(classifySendUrl(CREATE)).toBe('createMessage');
    expect(
      classifySendUrl('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=recall'),
    ).toBeNull();
    expect(
      classifySendUrl(
        'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2',
      ),
    ).toBe('invite');
    expect(
      classifySendUrl(
        'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaAddConnection',
      ),
    ).toBe('sduiInvite');
    expect(
      classifySendUrl(
        'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.update.saveState',
      ),
    ).toBeNull();
    expect(
      classifySendUrl(
        'https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.x',
      ),
    ).toBeNull();
    expect(
      classifySendUrl('https://evil.example/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage'),
    ).toBeNull();
  });
});

describe('parseSendRequest', () => {
  it('createMessage in an existing conversation', () => {
    const s = parseSendRequest(CREATE, createBody('Hi Kishan, quick question'))!;
    expect(s).toMatchObject({
      kind: 'linkedin-message',
      text: 'Hi Kishan, quick question',
      originToken: '0b6f0c58-3a52-4c35-8a7b-0e1b0c9b9d11',
      threadId: THREAD,
      viewerMemberId: VIEWER,
    });
  });
  it('createMessage to someone new (profile Message button): recipients, no thread', () => {
    const body = createBody('Hello there');
    delete (body.message as Record<string, unknown>).conversationUrn;
    (body as Record<string, unknown>).hostRecipientUrns = [`urn:li:fsd_profile:${OTHER}`];
    const s = parseSendRequest(CREATE, body)!;
    expect(s.threadId).toBeNull();
    expect(s.recipients).toEqual([{ memberId: OTHER }]);
  });
  it('InMail carries a subject', () => {
    const s = parseSendRequest(CREATE, createBody('Body', { subject: 'Role at Acme' }))!;
    expect(s.kind).toBe('inmail');
    expect(s.subject).toBe('Role at Acme');
  });
  it('legacy conversation create with INMAIL subtype', () => {
    const s = parseSendRequest('https://www.linkedin.com/voyager/api/messaging/conversations?action=create', {
      conversationCreate: {
        eventCreate: {
          originToken: 'tok',
          value: {
            'com.linkedin.voyager.messaging.create.MessageCreate': {
              attributedBody: { text: 'Hey', attributes: [] },
              attachments: [],
            },
          },
        },
        recipients: [OTHER],
        subtype: 'INMAIL',
      },
    })!;
    expect(s).toMatchObject({ kind: 'inmail', text: 'Hey', originToken: 'tok', recipients: [{ memberId: OTHER }] });
  });
  it('verifyQuotaAndCreateV2 invitation with a note', () => {
    const s = parseSendRequest(
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2',
      { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${OTHER}` } }, customMessage: 'Loved your talk' },
    )!;
    expect(s).toMatchObject({ kind: 'linkedin-invite', text: 'Loved your talk', recipients: [{ memberId: OTHER }] });
  });
  it('server-driven addaAddConnection invitation with a note', () => {
    const s = parseSendRequest(
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaAddConnection',
      {
        requestId: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
        serverRequest: {
          $type: 'proto.sdui.actions.core.ServerRequest',
          requestId: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
          requestedArguments: {
            $type: 'proto.sdui.actions.requests.RequestedArguments',
            payload: {
              inviteeUrn: { memberId: '877798912' },
              nonIterableProfileId: OTHER,
              firstName: 'Ana',
              lastName: 'García',
              customMessage: 'Hola Ana',
              profileCanonicalUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
              origin: 'InvitationOrigin_MEMBER_PROFILE',
            },
            requestedStateKeys: [],
          },
        },
        states: [],
      },
    )!;
    expect(s).toMatchObject({ kind: 'linkedin-invite', text: 'Hola Ana' });
    expect(s.recipients[0]).toEqual({
      memberId: OTHER,
      numericMemberId: '877798912',
      profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
      name: 'Ana García',
    });
  });
});

describe('observeLinkedInSends', () => {
  it('emits a valid outbound event only after a 2xx status', async () => {
    const out: CaptureEventInput[] = [];
    const { api, send } = fakeApi();
    let id = 0;
    observeLinkedInSends(
      (e) => out.push(...e),
      api,
      () => `ev-${++id}`,
    );
    send(CREATE, createBody('Refused one'), 429);
    expect(out.filter((e) => e.type === 'message')).toHaveLength(0);
    send(CREATE, createBody('Hi Kishan — great meeting you'), 200);
    await new Promise((r) => setTimeout(r, 5));
    const msgs = out.filter((e) => e.type === 'message');
    expect(msgs).toHaveLength(1);
    const ev = CaptureEvent.parse(msgs[0]);
    expect(ev).toMatchObject({
      layer: 'network',
      direction: 'outbound',
      kind: 'linkedin-message',
      externalId: '0b6f0c58-3a52-4c35-8a7b-0e1b0c9b9d11',
      threadExternalId: THREAD,
      text: 'Hi Kishan — great meeting you',
    });
    expect(out.some((e) => e.type === 'identity' && e.person.memberId === VIEWER)).toBe(true);
    expect(out.some((e) => e.type === 'health' && e.recognised === 1)).toBe(true);
    for (const e of out) expect(CaptureEvent.safeParse(e).success).toBe(true);
  });
  it('a first message names its thread by the recipient, and invitations by profile', async () => {
    const out: CaptureEventInput[] = [];
    const { api, send } = fakeApi();
    observeLinkedInSends(
      (e) => out.push(...e),
      api,
      () => crypto.randomUUID(),
    );
    const body = createBody('First touch');
    delete (body.message as Record<string, unknown>).conversationUrn;
    (body as Record<string, unknown>).hostRecipientUrns = [`urn:li:fsd_profile:${OTHER}`];
    send(CREATE, body, 201);
    send(
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2',
      { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${OTHER}` } }, customMessage: 'Note' },
      200,
    );
    send(
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2',
      { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${OTHER}` } } },
      200,
    );
    await new Promise((r) => setTimeout(r, 5));
    const msgs = out.filter((e) => e.type === 'message').map((e) => CaptureEvent.parse(e)) as Extract<
      CaptureEvent,
      { type: 'message' }
    >[];
    expect(msgs.map((m) => m.threadExternalId)).toEqual([`with:${OTHER}`, `invite:lim:${OTHER}`]); // no-note invitation not logged
    expect(msgs[1]!.kind).toBe('linkedin-invite');
    expect(msgs[1]!.to).toEqual([{ memberId: OTHER }]);
    // The invitations (with and without a note) are remembered for acceptance, by member id.
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).filter((k) => k.includes('pending-m'))).toEqual([`linkedin:pending-m:${OTHER}`]);
  });
  it('counts an unreadable send body as a failure', () => {
    const out: CaptureEventInput[] = [];
    const { api, send } = fakeApi();
    observeLinkedInSends(
      (e) => out.push(...e),
      api,
      () => crypto.randomUUID(),
    );
    send(CREATE, 'not json at all', 200);
    expect(out.filter((e) => e.type === 'message')).toHaveLength(0);
    expect(out.some((e) => e.type === 'health' && e.failed === 1)).toBe(true);
  });
  it('a recalled (deleted) message is retracted by its LinkedIn id', () => {
    const out: CaptureEventInput[] = [];
    const { api, send } = fakeApi();
    observeLinkedInSends(
      (e) => out.push(...e),
      api,
      () => crypto.randomUUID(),
    );
    const id = '2-MTYyNzA1MTAxODM3N2I2OTk3OC0wMDMmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
    send(
      'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=recall',
      { messageUrn: `urn:li:msg_message:(urn:li:fsd_profile:${VIEWER},${id})` },
      500,
    );
    expect(out.filter((e) => e.type === 'retract')).toHaveLength(0);
    send(
      'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=recall',
      { messageUrn: `urn:li:msg_message:(urn:li:fsd_profile:${VIEWER},${id})` },
      200,
    );
    const r = out.filter((e) => e.type === 'retract');
    expect(r).toHaveLength(1);
    expect(CaptureEvent.parse(r[0])).toMatchObject({ externalId: id, channel: 'linkedin' });
  });
  it('an invitation note picks up the template and profile the content script noted at Send', async () => {
    const out: CaptureEventInput[] = [];
    const { api, send } = fakeApi();
    const note = 'Loved your talk on B2B pricing — connect?';
    // What the content script noted at the Send click (extension storage, as in the extension).
    await fakeBrowser.storage.local.set({
      [`linkedin:invite-note:${noteKey(note)}`]: {
        at: 1_764_000_000_000,
        templateId: 'tpl-9',
        templateVersion: 3,
        profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
        name: 'Ana García',
      },
    });
    observeLinkedInSends(
      (e) => out.push(...e),
      api,
      () => crypto.randomUUID(),
    );
    send(
      'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2',
      { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${OTHER}` } }, customMessage: note },
      200,
    );
    await new Promise((r) => setTimeout(r, 5));
    const [m] = out.filter((e) => e.type === 'message').map((e) => CaptureEvent.parse(e)) as Extract<
      CaptureEvent,
      { type: 'message' }
    >[];
    expect(m).toMatchObject({
      kind: 'linkedin-invite',
      template: { id: 'tpl-9', version: 3 },
      threadExternalId: 'invite:li:ana-garcia-1',
      threadAliases: [`invite:lim:${OTHER}`],
    });
    expect(m!.to).toEqual([
      { memberId: OTHER, profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/', name: 'Ana García' },
    ]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain(
      `linkedin:invite-confirmed:${noteKey(note)}`,
    );
  });
});
