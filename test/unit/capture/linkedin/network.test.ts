// The network layer: the tap's payloads -> capture events (on the TextsHQ captures and Dash shapes).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tapToEvents } from '@/lib/capture/linkedin/network';
import { CaptureEvent } from '@/lib/schema/events';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin');
const KISHAN = 'ACoAAA7bNVUBXo4wls3McYpXWVndS6LXypCdluU';
const JOHN = 'ACoAADRSJgABy3J9f7VTdTKCbW79SieJTT-sub0';
const THREAD = '2-ZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
const id = () => crypto.randomUUID();

describe('tapToEvents', () => {
  it('realtime stream (two envelopes) -> inbound for John, with the sender', () => {
    const text =
      readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8') +
      '\n' +
      readFileSync(path.join(dir, 'realtime-message-seen.json'), 'utf8');
    const evs = tapToEvents('realtime', text, JOHN, id).map((e) => CaptureEvent.parse(e));
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({
      type: 'message',
      direction: 'inbound',
      text: 'msg1111',
      from: { memberId: KISHAN, name: 'Kishan Bagaria', profileUrl: 'https://www.linkedin.com/in/kishanbagaria/' },
      to: [{ memberId: JOHN }],
    });
  });
  it('the echo of a sent message joins by originToken', () => {
    const [echo] = readFileSync(path.join(dir, 'realtime-send-message-pair.json'), 'utf8').split(/\n(?=\{)/);
    const [ev] = tapToEvents('realtime', echo!, KISHAN, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({
      direction: 'outbound',
      aliases: ['a97e5074-9563-45ac-bea4-29aca1d482b0'],
      threadExternalId: THREAD,
    });
  });
  it('a Dash createMessage response: message id + originToken + thread', () => {
    const msgId = '2-MTcwMDAwMDAwMDAwMGI0MjQyNC0wMDEmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
    const body = JSON.stringify({
      value: {
        renderContentUnions: [],
        entityUrn: `urn:li:msg_message:(urn:li:fsd_profile:${JOHN},${msgId})`,
        backendConversationUrn: `urn:li:messagingThread:${THREAD}`,
        senderUrn: `urn:li:msg_messagingParticipant:urn:li:fsd_profile:${JOHN}`,
        originToken: 'ee08dae8-bec6-46a5-8e04-c0bb135b6fb6',
        body: { attributes: [], text: 'Hello World' },
        backendUrn: `urn:li:messagingMessage:${msgId}`,
        conversationUrn: `urn:li:msg_conversation:(urn:li:fsd_profile:${JOHN},${THREAD})`,
        deliveredAt: 1700000000500,
      },
    });
    const [ev] = tapToEvents('send', body, null, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({
      type: 'message',
      direction: 'outbound',
      externalId: msgId,
      aliases: ['ee08dae8-bec6-46a5-8e04-c0bb135b6fb6'],
      threadExternalId: THREAD,
      text: 'Hello World',
      sentAt: 1700000000500,
    });
  });
  it('a recalled message becomes a retract; receipts and reactions give nothing', () => {
    const del = readFileSync(path.join(dir, 'realtime-delete-message.json'), 'utf8');
    expect(tapToEvents('realtime', del, KISHAN, id)).toMatchObject([{ type: 'retract' }]);
    expect(
      tapToEvents('realtime', readFileSync(path.join(dir, 'realtime-reaction-added.json'), 'utf8'), KISHAN, id),
    ).toEqual([]);
  });
  it('a message list whose viewer is unknown still gets direction from the conversation', () => {
    const doc = readFileSync(path.join(dir, 'single-conversation-messages.json'), 'utf8');
    const [ev] = tapToEvents('messages', doc, null, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({ direction: 'inbound', text: '1', threadExternalId: THREAD });
  });
});

describe('the tap payload, parsed in the background and checked in the content script (untrusted input)', () => {
  it('parseTapPayload: the window event detail -> events; anything the tap would not send -> nothing', async () => {
    const { tapDetail } = await import('@/lib/capture/linkedin/tap-protocol');
    const { parseTapPayload } = await import('@/lib/capture/linkedin/network');
    const body = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    const events = parseTapPayload(tapDetail('realtime', body), () => 'bg-id');
    expect(events).toMatchObject([{ eventId: 'bg-id', type: 'message', text: 'msg1111', direction: 'unknown' }]);
    expect(parseTapPayload(JSON.stringify({ kind: 'feed', body }), id)).toEqual([]);
    expect(parseTapPayload(JSON.stringify({ kind: 'realtime', body: 42 }), id)).toEqual([]);
    expect(parseTapPayload(JSON.stringify({ kind: 'realtime', body: 'x'.repeat(2_000_001) }), id)).toEqual([]);
    expect(parseTapPayload({ kind: 'realtime', body }, id)).toEqual([]); // not the string the event carries
    expect(parseTapPayload('not json', id)).toEqual([]);
    expect(parseTapPayload(tapDetail('realtime', '{"torn":'), id)).toEqual([]);
  });

  it('receiveTap: a payload goes to the background parser, its events are checked with the viewer known then, junk never leaves', async () => {
    const { receiveTap, tapDetail } = await import('@/lib/capture/linkedin/tap-protocol');
    const { parseTapPayload } = await import('@/lib/capture/linkedin/network');
    const body = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    const sent: string[] = [];
    const pushed: unknown[][] = [];
    let viewer: string | null = null;
    let n = 0;
    const deps = {
      parse: async (d: string) => {
        sent.push(d);
        viewer = JOHN; // learned by the page while the background parsed
        return parseTapPayload(d, () => 'bg');
      },
      viewer: () => viewer,
      push: (e: unknown[]) => void pushed.push(e),
      newId: () => `cs-${n++}`,
    };
    await receiveTap(tapDetail('realtime', body), deps);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject([
      { eventId: 'cs-0', direction: 'inbound', text: 'msg1111', to: [{ memberId: JOHN }] },
    ]);
    for (const junk of ['{"kind":"feed","body":"x"}', 42, null]) await receiveTap(junk, deps);
    expect(sent).toHaveLength(1); // only the tap's shape reaches the background
    await receiveTap(tapDetail('realtime', body), { ...deps, parse: () => Promise.reject(new Error('no background')) });
    expect(pushed).toHaveLength(1);
  });

  it('checkTapEvents passes LinkedIn network message/retract events with fresh ids, drops the rest', async () => {
    const { checkTapEvents } = await import('@/lib/capture/linkedin/tap-protocol');
    const body = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    const built = tapToEvents('realtime', body, null, () => 'background-id', true);
    expect(built).toHaveLength(1); // direction unknown to the background (legacy shape, no viewer in it)
    const parsed = [
      ...built,
      { type: 'identity', channel: 'linkedin', layer: 'network', person: {} },
      { ...built[0], channel: 'gmail' },
      'junk',
      null,
    ];
    let n = 0;
    const out = checkTapEvents(parsed, JOHN, () => `fresh-${n++}`);
    expect(out).toHaveLength(1);
    const ev = CaptureEvent.parse(out[0]);
    expect(ev).toMatchObject({
      eventId: 'fresh-0',
      type: 'message',
      text: 'msg1111',
      direction: 'inbound',
      to: [{ memberId: JOHN }],
    });
    // As Kishan (the sender) the same payload is outbound; with no viewer known it is dropped.
    expect(checkTapEvents(built, KISHAN, () => 'y')[0]).toMatchObject({ direction: 'outbound' });
    expect(checkTapEvents(built, null, () => 'y')).toEqual([]);
    expect(checkTapEvents('not a list', JOHN, () => 'x')).toEqual([]);
    expect(checkTapEvents({ not: 'a list' }, JOHN, () => 'x')).toEqual([]);
  });
});
