// The main-world tap (lib/capture/linkedin/tap.ts): which responses it reads, how, and that the
// page's own calls pass through untouched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchSink, installTap, listeningWindow, tapEventSource, type TapSink } from '@/lib/capture/linkedin/tap';
import { classifyTapUrl, MAX_BODY, readTapPayload, TAP_EVENT, type TapKind } from '@/lib/capture/linkedin/tap-protocol';
import { tapToEvents } from '@/lib/capture/linkedin/network';
import { CaptureEvent } from '@/lib/schema/events';

const dir = path.resolve(__dirname, '../../../fixtures/linkedin');
const JOHN = 'ACoAADRSJgABy3J9f7VTdTKCbW79SieJTT-sub0';
const id = () => crypto.randomUUID();
const MESSAGES =
  'https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb7&variables=(x)';
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('classifyTapUrl', () => {
  it('forwards only messaging reads, sends and realtime', () => {
    expect(
      classifyTapUrl('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage'),
    ).toBe('send');
    expect(
      classifyTapUrl(
        'https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb7&variables=(x)',
      ),
    ).toBe('messages');
    expect(classifyTapUrl('/realtime/connect?rc=1')).toBe('realtime');
    expect(classifyTapUrl('https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity')).toBeNull();
    expect(
      classifyTapUrl(
        'https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMailboxCounts.1',
      ),
    ).toBeNull();
  });
});

class FakeXHR {
  url = '';
  responseType = '';
  responseText = '';
  response: unknown = null;
  status = 0;
  sent: unknown[] = [];
  listeners: Record<string, Array<() => void>> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  send(body?: unknown) {
    this.sent.push(body);
  }
  addEventListener(type: string, fn: () => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  finish(status: number, text: string, responseType = '', response: unknown = null) {
    this.status = status;
    this.responseType = responseType;
    this.responseText = responseType === '' || responseType === 'text' ? text : '';
    this.response = response;
    for (const fn of this.listeners.load ?? []) fn();
  }
}

function fakeWindow(respond: (url: string) => Response = () => new Response('{"x":1}')) {
  const calls: { self: unknown; args: unknown[] }[] = [];
  const returned: Response[] = [];
  class XHR extends FakeXHR {}
  const win = {
    location: { href: 'https://www.linkedin.com/messaging/' },
    XMLHttpRequest: XHR,
    fetch(this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      const input = args[0];
      const res = respond(typeof input === 'string' ? input : (input as Request).url);
      returned.push(res);
      return Promise.resolve(res);
    },
  };
  return { win: win as unknown as Window & typeof globalThis, calls, returned };
}

function collect() {
  const got: [TapKind, string, string][] = [];
  const sink: TapSink = (kind, url, text) => void got.push([kind, url, text]);
  return { got, sink };
}

describe('installTap: fetch', () => {
  it('reads a copy of a messaging response; the page gets its own response, unread, from its own call', async () => {
    const { win, calls, returned } = fakeWindow(() => new Response('{"data":1}'));
    const { got, sink } = collect();
    installTap(win, sink);
    const init = { method: 'GET', headers: { 'csrf-token': 'x' } };
    const res = await win.fetch(MESSAGES, init);
    await settle();
    expect(calls).toEqual([{ self: win, args: [MESSAGES, init] }]);
    expect(res).toBe(returned[0]);
    expect(await res.text()).toBe('{"data":1}'); // the page's body was not consumed
    expect(got).toEqual([['messages', MESSAGES, '{"data":1}']]);
  });

  it('ignores other URLs, failed responses, empty and oversized bodies', async () => {
    const big = 'x'.repeat(MAX_BODY + 1);
    const { win } = fakeWindow((url) =>
      url.includes('fail')
        ? new Response('{}', { status: 500 })
        : url.includes('empty')
          ? new Response('')
          : url.includes('big')
            ? new Response(big)
            : new Response('{"a":1}'),
    );
    const { got, sink } = collect();
    installTap(win, sink);
    await win.fetch('https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity');
    await win.fetch(
      new Request(
        'https://www.linkedin.com/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.1&fail=1',
      ),
    );
    await win.fetch('/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.1&empty=1');
    await win.fetch('/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.1&big=1');
    await settle();
    expect(got).toEqual([]);
  });

  it('a Request object and a relative URL are classified like the app sees them', async () => {
    const { win } = fakeWindow();
    const { got, sink } = collect();
    installTap(win, sink);
    await win.fetch(
      new Request('https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage', {
        method: 'POST',
        body: '{}',
      }),
    );
    await win.fetch('/voyager/api/messaging/conversations/abc/events?q=x');
    await settle();
    expect(got.map(([k]) => k)).toEqual(['send', 'messages']);
  });

  it('reads the realtime stream line by line as it arrives, across chunk boundaries', async () => {
    const envelope = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8').replace(/\n/g, ' ');
    const enc = new TextEncoder();
    const cut = Math.floor(envelope.length / 2);
    const chunks = [
      `data: ${envelope.slice(0, cut)}`,
      `${envelope.slice(cut)}\n`,
      ':heartbeat\n',
      'data: {"b":2}\n',
      'data: {"unterminated":',
    ];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(enc.encode(ch));
        c.close();
      },
    });
    const { win } = fakeWindow(() => new Response(stream, { headers: { 'content-type': 'text/event-stream' } }));
    const { got, sink } = collect();
    installTap(win, sink);
    await win.fetch('/realtime/connect?rc=1');
    await settle();
    await settle();
    expect(got.map(([k, , t]) => [k, t])).toEqual([
      ['realtime', envelope.trim()],
      ['realtime', '{"b":2}'],
    ]);
    expect(tapToEvents('realtime', got[0]![2], JOHN, id).map((e) => CaptureEvent.parse(e))).toMatchObject([
      { direction: 'inbound', text: 'msg1111' },
    ]);
  });

  it('a sink that throws never reaches the page', async () => {
    const { win } = fakeWindow();
    installTap(win, () => {
      throw new Error('boom');
    });
    const res = await win.fetch(MESSAGES);
    await settle();
    expect(await res.text()).toBe('{"x":1}');
  });
});

describe('installTap: XMLHttpRequest', () => {
  it('reads finished 2xx messaging responses (text and json), passes the call through unchanged', () => {
    const { win } = fakeWindow();
    const { got, sink } = collect();
    installTap(win, sink);
    const x = new win.XMLHttpRequest() as unknown as FakeXHR;
    x.open('GET', MESSAGES);
    x.send(null);
    expect(x.url).toBe(MESSAGES);
    expect(x.sent).toEqual([null]);
    expect(got).toEqual([]); // nothing before the page's own request completes
    x.finish(200, '{"t":1}');
    const j = new win.XMLHttpRequest() as unknown as FakeXHR;
    j.open('GET', '/voyager/api/messaging/conversations/abc/events');
    j.send();
    j.finish(200, '', 'json', { j: 2 });
    expect(got).toEqual([
      ['messages', MESSAGES, '{"t":1}'],
      ['messages', 'https://www.linkedin.com/voyager/api/messaging/conversations/abc/events', '{"j":2}'],
    ]);
  });

  it('ignores other URLs, errors, and the realtime URL (read by fetch or EventSource only)', () => {
    const { win } = fakeWindow();
    const { got, sink } = collect();
    installTap(win, sink);
    const mk = (url: string, status: number) => {
      const x = new win.XMLHttpRequest() as unknown as FakeXHR;
      x.open('GET', url);
      x.send();
      x.finish(status, '{"z":1}');
    };
    mk('/voyager/api/feed/updates', 200);
    mk(MESSAGES, 403);
    mk('/realtime/connect?rc=1', 200);
    expect(got).toEqual([]);
  });
});

describe('installTap: once per window', () => {
  it('a second install (the script injected twice) wraps nothing again and reads each response once', async () => {
    const { win } = fakeWindow();
    const { got, sink } = collect();
    installTap(win, sink);
    const fetchOnce = win.fetch;
    const openOnce = win.XMLHttpRequest.prototype.open;
    installTap(win, sink);
    expect(win.fetch).toBe(fetchOnce);
    expect(win.XMLHttpRequest.prototype.open).toBe(openOnce);
    await win.fetch(MESSAGES);
    await settle();
    expect(got).toHaveLength(1);
  });
});

describe('dispatchSink and listeningWindow', () => {
  it('hands each body, unparsed, to the target as a string detail the content script reads back', () => {
    const target = new EventTarget();
    const seen: unknown[] = [];
    target.addEventListener(TAP_EVENT, (e) => seen.push((e as CustomEvent).detail));
    const sink = dispatchSink(target);
    const body = readFileSync(path.join(dir, 'realtime-new-message.json'), 'utf8');
    sink('realtime', '/realtime/connect', body);
    sink('send', '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage', '{"value":{}}');
    expect(seen.every((d) => typeof d === 'string')).toBe(true);
    expect(seen.map(readTapPayload)).toEqual([
      { kind: 'realtime', body },
      { kind: 'send', body: '{"value":{}}' },
    ]);
    // A body at the bound whose JSON escaping makes the detail longer still passes.
    const quoted = '"'.repeat(MAX_BODY);
    expect(readTapPayload(JSON.stringify({ kind: 'messages', body: quoted }))).toEqual({
      kind: 'messages',
      body: quoted,
    });
    expect(readTapPayload(JSON.stringify({ kind: 'messages', body: quoted + '"' }))).toBeNull();
    // What the page could dispatch instead: nothing passes.
    for (const junk of [
      null,
      42,
      '{"kind":"feed","body":"x"}',
      '{"kind":"send"}',
      '{"kind":"send","body":""}',
      'not json',
      { kind: 'send', body: 'x' },
    ])
      expect(readTapPayload(junk)).toBeNull();
  });

  it('a frame hands over to a same-origin top window, else keeps its sightings', () => {
    const top = { location: { origin: 'https://www.linkedin.com' } } as unknown as Window;
    const frame = { top, location: { origin: 'https://www.linkedin.com' } } as unknown as Window;
    expect(listeningWindow(frame)).toBe(top);
    const foreignTop = {
      get location(): Location {
        throw new Error('cross-origin');
      },
    } as unknown as Window;
    const embedded = { top: foreignTop, location: { origin: 'https://www.linkedin.com' } } as unknown as Window;
    expect(listeningWindow(embedded)).toBe(embedded);
    const alone = { location: { origin: 'https://www.linkedin.com' } } as unknown as Window;
    (alone as unknown as { top: Window }).top = alone;
    expect(listeningWindow(alone)).toBe(alone);
  });
});

describe('tapEventSource (realtime read by an EventSource client)', () => {
  class FakeSource extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    static made: FakeSource[] = [];
    constructor(
      readonly url: string,
      readonly init?: EventSourceInit,
    ) {
      super();
      FakeSource.made.push(this);
    }
  }
  const win = () => ({
    EventSource: FakeSource as unknown as typeof EventSource,
    location: { href: 'https://www.linkedin.com/feed/' },
  });

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
    expect(tapToEvents('realtime', got[0]![1], JOHN, id).map((e) => CaptureEvent.parse(e))).toMatchObject([
      { direction: 'inbound', text: 'msg1111' },
    ]);
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
    const w: { EventSource?: typeof EventSource; location: { href: string } } = {
      location: { href: 'https://www.linkedin.com/' },
    };
    tapEventSource(w, () => undefined);
    expect(w.EventSource).toBeUndefined();
  });
});
