// The main-world tap: observes sync calls, passes every request through unchanged.
import { describe, expect, it } from 'vitest';
import { installTap } from '@/lib/capture/gmail/tap';
import type { TapMessage } from '@/lib/capture/gmail/tap-protocol';

class FakeXHR {
  static sent: Array<{ url: string; body: unknown }> = [];
  url = '';
  responseType = '';
  responseText = '';
  response: unknown = null;
  status = 0;
  listeners: Record<string, Array<() => void>> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  send(body?: unknown) {
    FakeXHR.sent.push({ url: this.url, body });
  }
  addEventListener(type: string, fn: () => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  finish(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    for (const fn of this.listeners.loadend ?? []) fn();
  }
}

function fakeWindow() {
  const fetched: Array<{ input: unknown; init: unknown }> = [];
  const win = {
    location: { href: 'https://mail.google.com/mail/u/0/#inbox' },
    XMLHttpRequest: FakeXHR,
    fetch: (input: unknown, init?: unknown) => {
      fetched.push({ input, init });
      return Promise.resolve(new Response('[1,"resp"]', { status: 200 }));
    },
  };
  return { win: win as unknown as Window & typeof globalThis, fetched };
}

describe('main-world tap', () => {
  it('XHR: reads sync calls after they complete, passes bodies through unchanged, ignores other URLs', async () => {
    const { win } = fakeWindow();
    const posted: TapMessage[] = [];
    installTap(
      win,
      (m) => posted.push(m),
      () => 42,
    );
    const x = new win.XMLHttpRequest() as unknown as FakeXHR;
    x.open('POST', '/sync/u/0/i/s?hl=en&c=3&rt=r&pt=ji');
    x.send('[[null,null,2]]');
    expect(FakeXHR.sent.at(-1)).toEqual({ url: '/sync/u/0/i/s?hl=en&c=3&rt=r&pt=ji', body: '[[null,null,2]]' });
    expect(posted).toHaveLength(0); // nothing before the page's own request completes
    x.finish(200, '[0]');
    await Promise.resolve();
    expect(posted).toEqual([
      {
        source: 'sidelog-gmail-tap',
        v: 1,
        kind: 's',
        requestBody: '[[null,null,2]]',
        responseBody: '[0]',
        status: 200,
        startedAt: 42,
      },
    ]);
    const other = new win.XMLHttpRequest() as unknown as FakeXHR;
    other.open('POST', '/mail/u/0/?ui=2&ik=1');
    other.send('x');
    other.finish(200, 'y');
    await Promise.resolve();
    expect(posted).toHaveLength(1);
  });

  it("bodies sent as bytes or a Blob are read as UTF-8; the page's body object goes out as it was", async () => {
    const { win, fetched } = fakeWindow();
    const posted: TapMessage[] = [];
    installTap(win, (m) => posted.push(m));
    const bytes = new TextEncoder().encode('[["msg-a:r1","Grüße"]]');
    const x = new win.XMLHttpRequest() as unknown as FakeXHR;
    x.open('POST', '/sync/u/0/i/s?hl=en');
    x.send(bytes);
    expect(FakeXHR.sent.at(-1)!.body).toBe(bytes);
    x.finish(200, '[0]');
    const blob = new Blob(['["blob"]'], { type: 'application/json' });
    await win.fetch('/sync/u/0/i/s?c=2', { method: 'POST', body: blob });
    expect((fetched[0].init as RequestInit).body).toBe(blob);
    const latin1 = new Uint8Array([0xff, 0xfe, 0x00]); // not UTF-8: no body rather than a garbled one
    const y = new win.XMLHttpRequest() as unknown as FakeXHR;
    y.open('POST', '/sync/u/0/i/s?hl=en');
    y.send(latin1.buffer);
    y.finish(200, '[0]');
    await new Promise((r) => setTimeout(r, 5));
    expect(posted.map((m) => m.requestBody).sort()).toEqual(['["blob"]', '[["msg-a:r1","Grüße"]]', null].sort());
  });

  it('fetch: the page gets the very same response, still readable; the tap reads a copy', async () => {
    const { win, fetched } = fakeWindow();
    const posted: TapMessage[] = [];
    installTap(win, (m) => posted.push(m));
    installTap(win, (m) => posted.push(m)); // a second injection is a no-op
    const res = await win.fetch('https://mail.google.com/sync/u/0/i/fd?hl=en', { method: 'POST', body: '["req"]' });
    expect(await res.text()).toBe('[1,"resp"]');
    expect(fetched).toEqual([
      { input: 'https://mail.google.com/sync/u/0/i/fd?hl=en', init: { method: 'POST', body: '["req"]' } },
    ]);
    await new Promise((r) => setTimeout(r, 5));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ kind: 'fd', requestBody: '["req"]', responseBody: '[1,"resp"]' });
    // A Request object: its body is copied before the page's fetch consumes it.
    const req = new Request('https://mail.google.com/sync/u/0/i/s?hl=en&c=9', { method: 'POST', body: '["sent"]' });
    const res2 = await win.fetch(req);
    expect(await res2.text()).toBe('[1,"resp"]');
    await new Promise((r) => setTimeout(r, 5));
    expect(posted[1]).toMatchObject({ kind: 's', requestBody: '["sent"]' });
    expect(fetched[1].input).toBe(req); // the page's own Request object went out…
    expect(req.bodyUsed).toBe(false); // …with its body unread by the tap (it read a clone)
    await win.fetch('https://mail.google.com/mail/u/0/images/x.png');
    await new Promise((r) => setTimeout(r, 5));
    expect(posted).toHaveLength(2);
  });
});
