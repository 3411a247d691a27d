// lib/messaging-lite.ts (the content scripts' client) against @webext-core/messaging itself (the
// background's and the side panel's): both directions over a stand-in for the browser's message
// passing that, like the browser, copies every message, hands listeners (message, sender,
// sendResponse) and waits for sendResponse when a listener returned true.
import { afterEach, describe, expect, it } from 'vitest';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { liteMessaging, type RuntimeLike } from '../../lib/messaging-lite';
import type { ProtocolMap } from '../../lib/messaging';
import type { CaptureEventInput } from '../../lib/schema/events';

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined | void;

/** One context's runtime.onMessage, and delivery to it. */
function context() {
  const listeners: Listener[] = [];
  return {
    onMessage: {
      addListener: (l: Listener) => void listeners.push(l),
      removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    },
    deliver: (message: unknown, sender: unknown) =>
      new Promise<unknown>((resolve) => {
        let waits = false;
        for (const l of [...listeners])
          if (l(structuredClone(message), sender, (r) => resolve(structuredClone(r))) === true) waits = true;
        if (!waits) resolve(undefined);
      }),
  };
}

const TAB = { tab: { id: 7 }, frameId: 0, url: 'https://www.linkedin.com/feed/' };

function setup() {
  const background = context();
  const tab = context();
  // The library reads the global `chrome` (callback style).
  (globalThis as Record<string, unknown>).chrome = {
    runtime: { onMessage: background.onMessage, lastError: undefined },
    tabs: {
      sendMessage: (_tabId: number, m: unknown, _o: unknown, cb: (r: unknown) => void) =>
        void tab.deliver(m, { id: 'sidelog' }).then(cb),
    },
  };
  const library = defineExtensionMessaging<ProtocolMap>();
  const runtime: RuntimeLike = { sendMessage: (m) => background.deliver(m, TAB), onMessage: tab.onMessage };
  const lite = liteMessaging(() => runtime);
  return { library, lite, background };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).chrome;
});

describe('messaging-lite speaks @webext-core/messaging', () => {
  it('a message the small client sends is answered by the library, with its data and sender', async () => {
    const { library, lite } = setup();
    const seen: unknown[] = [];
    library.onMessage('parseLinkedInTap', ({ data, sender }) => {
      seen.push(data, sender);
      return [];
    });
    library.onMessage('capture', ({ data }) => ({ acked: data.events.map((e) => e.eventId), rejected: 0 }));
    await expect(lite.sendMessage('parseLinkedInTap', '{"k":1}')).resolves.toEqual([]);
    expect(seen).toEqual(['{"k":1}', TAB]);
    const ev = { eventId: 'e1' } as CaptureEventInput;
    await expect(lite.sendMessage('capture', { events: [ev] })).resolves.toEqual({ acked: ['e1'], rejected: 0 });
  });

  it('a message without data, and an error thrown by the library handler, reach the small client', async () => {
    const { library, lite } = setup();
    let calls = 0;
    library.onMessage('loadLinkedInReaders', () => void calls++);
    await expect(lite.sendMessage('loadLinkedInReaders')).resolves.toBeUndefined();
    expect(calls).toBe(1);
    library.onMessage('drainOutboxes', () => {
      throw new TypeError('storage gone');
    });
    await expect(lite.sendMessage('drainOutboxes')).rejects.toMatchObject({
      name: 'TypeError',
      message: 'storage gone',
    });
  });

  it('a message nobody answers rejects', async () => {
    const { lite } = setup();
    await expect(lite.sendMessage('drainOutboxes')).rejects.toThrow('No response');
  });

  it('the library (side panel) asking a tab is answered by the small client; errors keep their message', async () => {
    const { library, lite } = setup();
    lite.onMessage('getPageContext', async () => ({
      channel: 'linkedin',
      profileUrl: 'https://www.linkedin.com/in/ana/',
    }));
    lite.onMessage('insertTemplate', ({ data }) => {
      throw new Error(`no compose for ${data.templateId}`);
    });
    await expect(library.sendMessage('getPageContext', undefined, 7)).resolves.toEqual({
      channel: 'linkedin',
      profileUrl: 'https://www.linkedin.com/in/ana/',
    });
    await expect(
      library.sendMessage('insertTemplate', { subject: null, body: 'x', templateId: 't1', templateVersion: 1 }, 7),
    ).rejects.toThrow('no compose for t1');
  });

  it('the small client leaves other messages to other listeners', async () => {
    const background = context();
    const tab = context();
    const lite = liteMessaging(() => ({ sendMessage: (m) => background.deliver(m, TAB), onMessage: tab.onMessage }));
    lite.onMessage('getPageContext', () => null);
    // Not of the protocol's shape, or a type it has no handler for: no reply from it.
    await expect(tab.deliver({ hello: 1 }, {})).resolves.toBeUndefined();
    await expect(tab.deliver({ id: 1, type: 'insertTemplate', data: {}, timestamp: 1 }, {})).resolves.toBeUndefined();
    await expect(tab.deliver({ id: 2, type: 'getPageContext', timestamp: 1 }, {})).resolves.toEqual({ res: null });
  });
});
