// The main-world tap's payloads -> capture events (on the TextsHQ captures and Dash shapes).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyTapUrl, tapEventSource, tapToEvents } from '../../lib/capture/linkedin/tap';
import { CaptureEvent } from '../../lib/schema/events';

const dir = path.resolve(__dirname, '../fixtures/linkedin');
const KISHAN = 'ACoAAA7bNVUBXo4wls3McYpXWVndS6LXypCdluU';
const JOHN = 'ACoAADRSJgABy3J9f7VTdTKCbW79SieJTT-sub0';
const THREAD = '2-ZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
const id = () => crypto.randomUUID();

describe('classifyTapUrl', () => {
  it('forwards only messaging reads, sends and realtime', () => {
    expect(classifyTapUrl('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage')).toBe('send');
    expect(classifyTapUrl('https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb7&variables=(x)')).toBe('messages');
    expect(classifyTapUrl('/realtime/connect?rc=1')).toBe('realtime');
    expect(classifyTapUrl('https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity')).toBeNull();
    expect(classifyTapUrl('https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMailboxCounts.1')).toBeNull();
  });
});

describe('tapToEvents', () => {
  it('realtime stream (two envelopes) -> inbound for John, with the sender', () => {
    const text = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8') + '\n' + readFileSync(path.join(dir, 'realtime-message-seen.json'), 'utf8');
    const evs = tapToEvents('realtime', text, JOHN, id).map((e) => CaptureEvent.parse(e));
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'message', direction: 'inbound', text: 'msg1111', from: { memberId: KISHAN, name: 'Kishan Bagaria', profileUrl: 'https://www.linkedin.com/in/kishanbagaria/' }, to: [{ memberId: JOHN }] });
  });
  it('the echo of a sent message joins by originToken', () => {
    const [echo] = readFileSync(path.join(dir, 'realtime-send-message-pair.json'), 'utf8').split(/\n(?=\{)/);
    const [ev] = tapToEvents('realtime', echo!, KISHAN, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({ direction: 'outbound', aliases: ['a97e5074-9563-45ac-bea4-29aca1d482b0'], threadExternalId: THREAD });
  });
  it('a Dash createMessage response: message id + originToken + thread', () => {
    const msgId = '2-MTcwMDAwMDAwMDAwMGI0MjQyNC0wMDEmZTQ4ODk3NzEtMDQ5Yy00YmI4LThkMzYtZmJiMGZmMTEzMzRjXzAxMg==';
    const body = JSON.stringify({ value: { renderContentUnions: [], entityUrn: `urn:li:msg_message:(urn:li:fsd_profile:${JOHN},${msgId})`, backendConversationUrn: `urn:li:messagingThread:${THREAD}`, senderUrn: `urn:li:msg_messagingParticipant:urn:li:fsd_profile:${JOHN}`, originToken: 'ee08dae8-bec6-46a5-8e04-c0bb135b6fb6', body: { attributes: [], text: 'Hello World' }, backendUrn: `urn:li:messagingMessage:${msgId}`, conversationUrn: `urn:li:msg_conversation:(urn:li:fsd_profile:${JOHN},${THREAD})`, deliveredAt: 1700000000500 } });
    const [ev] = tapToEvents('send', body, null, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({ type: 'message', direction: 'outbound', externalId: msgId, aliases: ['ee08dae8-bec6-46a5-8e04-c0bb135b6fb6'], threadExternalId: THREAD, text: 'Hello World', sentAt: 1700000000500 });
  });
  it('a recalled message becomes a retract; receipts and reactions give nothing', () => {
    const del = readFileSync(path.join(dir, 'realtime-delete-message.json'), 'utf8');
    expect(tapToEvents('realtime', del, KISHAN, id)).toMatchObject([{ type: 'retract' }]);
    expect(tapToEvents('realtime', readFileSync(path.join(dir, 'realtime-reaction-added.json'), 'utf8'), KISHAN, id)).toEqual([]);
  });
  it('a message list whose viewer is unknown still gets direction from the conversation', () => {
    const doc = readFileSync(path.join(dir, 'single-conversation-messages.json'), 'utf8');
    const [ev] = tapToEvents('messages', doc, null, id).map((e) => CaptureEvent.parse(e));
    expect(ev).toMatchObject({ direction: 'inbound', text: '1', threadExternalId: THREAD });
  });
});

describe('checkTapEvents (isolated side of the bridge: untrusted input)', () => {
  it('passes LinkedIn network message/retract events with fresh ids, drops the rest', async () => {
    const { checkTapEvents } = await import('../../lib/capture/linkedin/tap-bridge');
    const body = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    const built = tapToEvents('realtime', body, null, () => 'page-chosen-id', true);
    expect(built).toHaveLength(1); // direction unknown to the tap (legacy shape, no viewer in it)
    const detail = JSON.stringify([...built, { type: 'identity', channel: 'linkedin', layer: 'network', person: {} }, { ...built[0], channel: 'gmail' }, 'junk', null]);
    let n = 0;
    const out = checkTapEvents(detail, JOHN, () => `fresh-${n++}`);
    expect(out).toHaveLength(1);
    const ev = CaptureEvent.parse(out[0]);
    expect(ev).toMatchObject({ eventId: 'fresh-0', type: 'message', text: 'msg1111', direction: 'inbound', to: [{ memberId: JOHN }] });
    // As Kishan (the sender) the same payload is outbound; with no viewer known it is dropped.
    expect(checkTapEvents(JSON.stringify(built), KISHAN, () => 'y')[0]).toMatchObject({ direction: 'outbound' });
    expect(checkTapEvents(JSON.stringify(built), null, () => 'y')).toEqual([]);
    expect(checkTapEvents('not json', JOHN, () => 'x')).toEqual([]);
    expect(checkTapEvents({ not: 'a string' }, JOHN, () => 'x')).toEqual([]);
  });
});

describe('tapEventSource (realtime read by an EventSource client)', () => {
  class FakeSource extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    static made: FakeSource[] = [];
    constructor(readonly url: string, readonly init?: EventSourceInit) {
      super();
      FakeSource.made.push(this);
    }
  }
  const win = () => ({ EventSource: FakeSource as unknown as typeof EventSource, location: { href: 'https://www.linkedin.com/feed/' } });

  it('hands over the data of realtime connections only, and leaves the page its own object', () => {
    const w = win();
    const got: [string, string][] = [];
    tapEventSource(w, (url, data) => got.push([url, data]));
    const rt = new w.EventSource('/realtime/connect?rc=1', { withCredentials: true });
    const other = new w.EventSource('/notifications/stream');
    expect(rt).toBe(FakeSource.made.at(-2));
    expect(rt).toBeInstanceOf(FakeSource);
    expect(rt).toBeInstanceOf(w.EventSource);
    expect((rt as unknown as FakeSource).init).toEqual({ withCredentials: true });
    expect(w.EventSource.OPEN).toBe(1);
    const envelope = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    rt.dispatchEvent(new MessageEvent('message', { data: envelope }));
    other.dispatchEvent(new MessageEvent('message', { data: '{"x":1}' }));
    expect(got).toEqual([['https://www.linkedin.com/realtime/connect?rc=1', envelope]]);
    // What the tap hands over is what the stream reader does: the envelope's message.
    expect(tapToEvents('realtime', got[0]![1], JOHN, id).map((e) => CaptureEvent.parse(e))).toMatchObject([{ direction: 'inbound', text: 'msg1111' }]);
  });

  it('a class of the page that extends EventSource keeps its own methods, and is still read', () => {
    const w = win();
    const got: string[] = [];
    tapEventSource(w, (_url, data) => got.push(data));
    class Reconnecting extends w.EventSource {
      hello() {
        return 'mine';
      }
    }
    const rt = new Reconnecting('https://www.linkedin.com/realtime/connect?rc=2');
    expect(rt.hello()).toBe('mine');
    expect(rt).toBeInstanceOf(FakeSource);
    rt.dispatchEvent(new MessageEvent('message', { data: '{"a":1}' }));
    expect(got).toEqual(['{"a":1}']);
    expect(() => (w.EventSource as unknown as (u: string) => unknown)('/realtime/connect')).toThrow();
  });

  it('a page without EventSource is left alone', () => {
    const w: { EventSource?: typeof EventSource; location: { href: string } } = { location: { href: 'https://www.linkedin.com/' } };
    tapEventSource(w, () => undefined);
    expect(w.EventSource).toBeUndefined();
  });
});
