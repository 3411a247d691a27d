// The content scripts' side of the typed protocol of lib/messaging.ts, without
// @webext-core/messaging (issue 13: about 3 KB less in every content script). Wire-compatible with
// that library (v4), which the background and the side panel keep using: a request is
// `{ id, type, data, timestamp }`, a reply `{ res }` or `{ err }` (an error as
// @aklinker1/zero-serialize-error writes it: name, message, stack). test/unit/messaging-lite.test.ts
// checks both directions against the library itself.
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './messaging';

type Type = keyof ProtocolMap;
type DataOf<K extends Type> = Parameters<ProtocolMap[K]>[0];
type ReturnOf<K extends Type> = Awaited<ReturnType<ProtocolMap[K]>>;

interface Wire {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}
type Reply = { res?: unknown; err?: { name?: string; message?: string; stack?: string } } | undefined;

/** What this module needs of `browser.runtime` (tests pass a stand-in). */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      l: (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined | void,
    ): void;
  };
}

export function liteMessaging(runtime: () => RuntimeLike) {
  let seq = Math.floor(Math.random() * 1e4);
  const handlers: Record<string, (m: Wire & { sender: unknown }) => unknown> = {};
  let listening = false;

  /** To the background; rejects with the handler's error (or "No response"). */
  async function sendMessage<K extends Type>(
    type: K,
    ...args: DataOf<K> extends undefined ? [] : [data: DataOf<K>]
  ): Promise<ReturnOf<K>> {
    const message: Wire = { id: seq++, type, data: args[0], timestamp: Date.now() };
    const reply = (await runtime().sendMessage(message)) as Reply;
    if (!reply) throw new Error('No response');
    if (reply.err != null) {
      const e = new Error(reply.err.message);
      if (reply.err.name) e.name = reply.err.name;
      throw e;
    }
    return reply.res as ReturnOf<K>;
  }

  /** Answers `type` (one handler per type); other messages are left to other listeners. */
  function onMessage<K extends Type>(
    type: K,
    handler: (message: { data: DataOf<K>; sender: unknown }) => ReturnOf<K> | Promise<ReturnOf<K>>,
  ): void {
    handlers[type] = handler as (m: Wire & { sender: unknown }) => unknown;
    if (listening) return;
    listening = true;
    runtime().onMessage.addListener((message, sender, sendResponse) => {
      const m = message as Wire | null;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string' || typeof m.timestamp !== 'number') return false;
      const h = handlers[m.type];
      if (!h) return false;
      (async () => h({ ...m, sender }))().then(
        (res) => sendResponse({ res }),
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          sendResponse({ err: { name: err.name, message: err.message, stack: err.stack ?? '' } });
        },
      );
      return true;
    });
  }

  return { sendMessage, onMessage };
}

export const { sendMessage, onMessage } = liteMessaging(() => browser.runtime as unknown as RuntimeLike);
