// LinkedIn ids, payload readers and send-request readers on the real captures in
// test/fixtures/linkedin (TextsHQ, 2021-22) and on today's Dash shapes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeMessageId,
  memberIdFromUrn,
  normaliseMessageId,
  normaliseThreadId,
  parseEventUrn,
  canonicalProfileUrl,
} from '@/lib/capture/linkedin/ids';
import { extractMessages, parseJsonStream, parseSendResponse } from '@/lib/capture/linkedin/payloads';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin');
const load = (f: string) => parseJsonStream(readFileSync(path.join(dir, f), 'utf8'));

const KISHAN = 'ACoAAA7bNVUBXo4wls3McYpXWVndS6LXypCdluU';
const JOHN = 'ACoAADRSJgABy3J9f7VTdTKCbW79SieJTT-sub0';
const THREAD_E48 = '2-ZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';

describe('message id decoding', () => {
  it('decodes a 2-… message id into epoch ms and thread', () => {
    const d = decodeMessageId(
      '2-MTY1OTExMzA1NzA3MWI1OTIwNS0wMDEmZTI4OTlmNDEtOGI1MC00ZGEyLWI3ODUtNjM5NGVjYTlhNWIwXzAxMg==',
    );
    expect(d).not.toBeNull();
    expect(d!.epochMs).toBe(1659113057071);
    expect(d!.threadUuid).toBe('e2899f41-8b50-4da2-b785-6394eca9a5b0_012');
    expect(d!.threadId).toBe('2-ZTI4OTlmNDEtOGI1MC00ZGEyLWI3ODUtNjM5NGVjYTlhNWIwXzAxMg==');
  });
  it('rejects ids that are not message ids', () => {
    expect(decodeMessageId(THREAD_E48)).toBeNull(); // a thread id has no `<ms>…&`
    expect(decodeMessageId('2-!!!')).toBeNull();
    expect(decodeMessageId('hello')).toBeNull();
  });
  it('decodes the message id out of every URN wrapper', () => {
    const id = '2-MTYyNzA1MTAxODM3N2I2OTk3OC0wMDMmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
    for (const urn of [
      `urn:li:fsd_message:${id}`,
      `urn:li:messagingMessage:${id}`,
      `urn:li:fs_event:(${THREAD_E48},${id})`,
      `urn:li:msg_message:(urn:li:fsd_profile:${KISHAN},${id})`,
      encodeURIComponent(`urn:li:msg_message:(urn:li:fsd_profile:${KISHAN},${id})`),
    ]) {
      expect(normaliseMessageId(urn)).toBe(id);
      expect(decodeMessageId(urn)?.threadId).toBe(THREAD_E48);
    }
  });
  it('parses a data-event-urn: first element is the viewer', () => {
    const p = parseEventUrn(
      `urn:li:msg_message:(urn:li:fsd_profile:${JOHN},2-MTY1OTExMjU3MjQxM2I4MDkxOC0wMDEmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==)`,
    );
    expect(p?.viewerMemberId).toBe(JOHN);
    expect(p?.message?.epochMs).toBe(1659112572413);
    expect(p?.message?.threadId).toBe(THREAD_E48);
  });
});

describe('thread id normal form (shared by network and DOM layers)', () => {
  const forms = [
    THREAD_E48,
    THREAD_E48.replace(/=+$/, ''),
    `urn:li:fs_conversation:${THREAD_E48}`,
    `urn:li:fsd_conversation:${THREAD_E48}`,
    `urn:li:messagingThread:${THREAD_E48}`,
    `urn:li:msg_conversation:(urn:li:fsd_profile:${JOHN},${THREAD_E48})`,
    encodeURIComponent(`urn:li:msg_conversation:(urn:li:fsd_profile:${JOHN},${THREAD_E48})`),
    `https://www.linkedin.com/messaging/thread/${THREAD_E48}/`,
    `https://www.linkedin.com/messaging/thread/${encodeURIComponent(THREAD_E48)}/?foo=1`,
    'e4889771-049c-4bb8-8d36-fbb0ff11334c_012',
  ];
  for (const f of forms) it(`normalises ${f.slice(0, 60)}`, () => expect(normaliseThreadId(f)).toBe(THREAD_E48));
  it('does not pick a 2- inside a member id', () => {
    expect(normaliseThreadId(`urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAX2-abcdEFG,${THREAD_E48})`)).toBe(
      THREAD_E48,
    );
  });
  it('returns null for non-thread input', () => {
    expect(normaliseThreadId('https://www.linkedin.com/feed/')).toBeNull();
    expect(normaliseThreadId('')).toBeNull();
  });
});

describe('member ids and profile URLs', () => {
  it('reads member ids from URNs', () => {
    expect(memberIdFromUrn(`urn:li:fsd_profile:${KISHAN}`)).toBe(KISHAN);
    expect(memberIdFromUrn(`urn:li:fs_miniProfile:${JOHN}`)).toBe(JOHN);
    expect(memberIdFromUrn(`urn:li:fs_messagingMember:(${THREAD_E48},${KISHAN})`)).toBe(KISHAN);
    expect(memberIdFromUrn('urn:li:member:249247061')).toBeNull();
  });
  it('canonicalises profile URLs', () => {
    expect(canonicalProfileUrl('https://www.linkedin.com/in/John-Doe-594b81205?miniProfileUrn=x')).toBe(
      'https://www.linkedin.com/in/john-doe-594b81205/',
    );
    expect(canonicalProfileUrl('/in/j%C3%BCrgen-m/')).toBe('https://www.linkedin.com/in/j%C3%BCrgen-m/');
  });
});

describe('payloads from the captures', () => {
  it('realtime new message: text, thread, time, sender; direction from the viewer', () => {
    const [env] = load('realtime-new-message.json');
    const asJohn = extractMessages(env, JOHN);
    expect(asJohn).toHaveLength(1);
    const m = asJohn[0]!;
    expect(m.text).toBe('msg1111');
    expect(m.threadId).toBe('2-ZGE1M2EzMTQtOGFkMy00NWJlLWE0NjYtMzNhOWU5MzZiYzQ2XzAxMg==');
    expect(m.sentAt).toBe(1627044358006);
    expect(m.senderMemberId).toBe(KISHAN);
    expect(m.senderName).toBe('Kishan Bagaria');
    expect(m.senderProfileUrl).toBe('https://www.linkedin.com/in/kishanbagaria/');
    expect(m.direction).toBe('inbound');
    expect(extractMessages(env, KISHAN)[0]!.direction).toBe('outbound');
  });
  it('realtime echo of a sent message carries the originToken and matches the send response', () => {
    const [echo, response] = load('realtime-send-message-pair.json');
    const [m] = extractMessages(echo, KISHAN);
    expect(m!.direction).toBe('outbound');
    expect(m!.originToken).toBe('a97e5074-9563-45ac-bea4-29aca1d482b0');
    expect(m!.text).toBe('6');
    const r = parseSendResponse(response);
    expect(r?.messageId).toBe(m!.messageId);
    expect(r?.threadId).toBe(m!.threadId);
    expect(r?.threadId).toBe(THREAD_E48);
    expect(extractMessages(response)).toHaveLength(0); // a send response is not a new message
  });
  it('send-message-response: ids the request did not have', () => {
    const [resp] = load('send-message-response.json');
    const r = parseSendResponse(resp)!;
    expect(r.threadId).toBe(THREAD_E48);
    expect(decodeMessageId(r.messageId!)?.epochMs).toBe(1627048907872);
  });
  it('seen receipts, reactions, archive/delete of threads are not messages', () => {
    for (const f of [
      'realtime-message-seen.json',
      'realtime-reaction-added.json',
      'realtime-reaction-removed.json',
      'realtime-thread-archived.json',
      'realtime-thread-deleted.json',
      'realtime-client-connection.json',
    ]) {
      for (const doc of load(f)) expect(extractMessages(doc, JOHN)).toEqual([]);
    }
  });
  it('a recalled message is flagged', () => {
    const [doc] = load('realtime-delete-message.json');
    const [m] = extractMessages(doc, KISHAN);
    expect(m!.recalled).toBe(true);
    expect(m!.text).toBe('');
  });
  it('single conversation list: the viewer comes from sdkEntityUrn', () => {
    const [doc] = load('single-conversation-messages.json');
    const [m] = extractMessages(doc);
    expect(m!.text).toBe('1');
    expect(m!.senderMemberId).toBe(KISHAN);
    expect(m!.direction).toBe('inbound'); // viewer is John (sdkEntityUrn)
    expect(m!.threadId).toBe(THREAD_E48);
    expect(m!.sentAt).toBe(1659112572596);
  });
  it('group conversation list: own message is outbound', () => {
    const [doc] = load('group-conversation-messages.json');
    const [m] = extractMessages(doc);
    expect(m!.text).toBe('asd');
    expect(m!.direction).toBe('outbound'); // viewer is Kishan
    expect(m!.originToken).toBe('ed0d51d3-9c32-4c77-8dff-2f0f066e97ad');
    expect(m!.threadId).toBe('2-ZTI4OTlmNDEtOGI1MC00ZGEyLWI3ODUtNjM5NGVjYTlhNWIwXzAxMg==');
  });
  it("today's Dash/GraphQL message shape", () => {
    const msgId = '2-MTcwMDAwMDAwMDAwMGI0MjQyNC0wMDEmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
    const doc = {
      data: {
        messengerMessagesBySyncToken: {
          elements: [
            {
              entityUrn: `urn:li:msg_message:(urn:li:fsd_profile:${JOHN},${msgId})`,
              deliveredAt: 1700000000123,
              body: { text: 'Thanks, happy to chat', attributes: [] },
              originToken: null,
              sender: {
                entityUrn: `urn:li:msg_messagingParticipant:urn:li:fsd_profile:${KISHAN}`,
                hostIdentityUrn: `urn:li:fsd_profile:${KISHAN}`,
                participantType: {
                  member: {
                    firstName: { text: 'Kishan' },
                    lastName: { text: 'Bagaria' },
                    profileUrl: 'https://www.linkedin.com/in/kishanbagaria',
                    headline: { text: 'Founder' },
                  },
                },
              },
              conversation: { entityUrn: `urn:li:msg_conversation:(urn:li:fsd_profile:${JOHN},${THREAD_E48})` },
            },
          ],
        },
      },
    };
    const [m] = extractMessages(doc);
    expect(m).toMatchObject({
      messageId: msgId,
      threadId: THREAD_E48,
      sentAt: 1700000000123,
      text: 'Thanks, happy to chat',
      senderMemberId: KISHAN,
      senderName: 'Kishan Bagaria',
      direction: 'inbound',
    });
  });
});
