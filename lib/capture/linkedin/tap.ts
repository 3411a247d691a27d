// The passive main-world tap for LinkedIn. Installed at document_start, before LinkedIn's app keeps
// its own references to fetch, XMLHttpRequest and EventSource. It observes responses the app itself
// requested (messaging sends, message lists, the realtime stream: which ones is classifyTapUrl's
// call, tap-protocol.ts) and hands their text to a sink. It never alters, delays, adds or repeats a
// request: each wrapper calls the original and reads a clone of the response (or the finished
// XHR, or one more listener on the page's own EventSource). No DOM node or attribute is written.
import { classifyTapUrl, MAX_BODY, TAP_EVENT, tapDetail, type TapKind } from './tap-protocol';

/** Receives the text of one response (or one realtime line) the page received. */
export type TapSink = (kind: TapKind, url: string, text: string) => void;

type TapWindow = Pick<Window & typeof globalThis, 'fetch' | 'XMLHttpRequest' | 'EventSource' | 'location'>;

export function installTap(win: TapWindow, sink: TapSink): void {
  const marker = Symbol.for('sidelog.linkedin.tap');
  const w = win as unknown as Record<symbol, boolean>;
  if (w[marker]) return; // one tap per window, even if the script is injected twice
  w[marker] = true;

  const hand: TapSink = (kind, url, text) => {
    if (!text || text.length > MAX_BODY) return;
    try {
      sink(kind, url, text);
    } catch {
      /* never disturb the page */
    }
  };

  const nativeFetch = win.fetch;
  if (typeof nativeFetch === 'function') {
    const tapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
      const result = nativeFetch.apply(this, args);
      try {
        const input = args[0];
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
        const kind = classifyTapUrl(new URL(url, win.location.href).href);
        if (kind) {
          result
            .then((res) => {
              if (!res.ok) return;
              const copy = res.clone();
              if (kind === 'realtime') return readStream(copy, (line) => hand(kind, url, line));
              return copy.text().then((t) => hand(kind, url, t));
            })
            .catch(() => undefined);
        }
      } catch {
        /* the page's call goes on untouched */
      }
      return result;
    };
    win.fetch = tapped as typeof fetch;
  }

  // The same stream when the client reads it with EventSource: each event's data is one JSON document.
  tapEventSource(win, (url, data) => hand('realtime', url, data));

  const XHR = win.XMLHttpRequest;
  if (XHR) {
    const proto = XHR.prototype;
    const nativeOpen = proto.open;
    const nativeSend = proto.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        urls.set(this, new URL(String(args[1]), win.location.href).href);
      } catch {
        /* ignore */
      }
      return (nativeOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const url = urls.get(this);
        const kind = url ? classifyTapUrl(url) : null;
        if (url && kind && kind !== 'realtime') {
          this.addEventListener('load', () => {
            try {
              if (this.status < 200 || this.status >= 300) return;
              const r =
                this.responseType === '' || this.responseType === 'text'
                  ? this.responseText
                  : this.responseType === 'json'
                    ? JSON.stringify(this.response)
                    : '';
              hand(kind, url, r);
            } catch {
              /* ignore */
            }
          });
        }
      } catch {
        /* ignore */
      }
      return (nativeSend as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.send;
  }
}

/** Reads a realtime (server-sent events) clone as it streams; hands over each complete JSON line. */
export async function readStream(res: Response, onLine: (line: string) => void): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered
        .slice(0, nl)
        .replace(/^data:\s?/, '')
        .trim();
      buffered = buffered.slice(nl + 1);
      if (line.startsWith('{')) onLine(line);
    }
    if (buffered.length > MAX_BODY) buffered = '';
  }
}

/**
 * Reads realtime streams the page opens with EventSource (a client may use it instead of a
 * streamed fetch): the page's constructor is wrapped so that each connection to a realtime URL
 * gets one more "message" listener. The page's own connection is returned untouched, `instanceof`
 * and the constants still hold, and no request is made, altered or repeated.
 */
export function tapEventSource(
  win: { EventSource?: typeof EventSource; location: { href: string } },
  onData: (url: string, data: string) => void,
): void {
  const Native = win.EventSource;
  if (typeof Native !== 'function') return;
  const Tapped = function (url: string | URL, init?: EventSourceInit) {
    // Called without `new`, it fails as the page's own would.
    if (!new.target) return (Native as unknown as (...a: unknown[]) => EventSource)(url, init);
    // Built for new.target, so a class of the page that extends EventSource keeps its prototype.
    const source = Reflect.construct(Native, init === undefined ? [url] : [url, init], new.target) as EventSource;
    try {
      const href = new URL(String(url), win.location.href).href;
      if (classifyTapUrl(href) === 'realtime') {
        source.addEventListener('message', (e) => {
          const data = (e as MessageEvent).data;
          if (typeof data === 'string') onData(href, data);
        });
      }
    } catch {
      /* the page's connection goes on untouched */
    }
    return source;
  } as unknown as typeof EventSource;
  // Same prototype for instances, and the constructor's own statics (CONNECTING, OPEN, CLOSED) inherited.
  Tapped.prototype = Native.prototype;
  Object.setPrototypeOf(Tapped, Native);
  win.EventSource = Tapped;
}

/**
 * The window whose content script listens: the top page when it is LinkedIn too (LinkedIn runs
 * parts of its app, perhaps the realtime connection, in a hidden same-origin /preload/ frame),
 * else this frame (a cross-origin top: nobody listens, the sightings stay here).
 */
export function listeningWindow(win: Window): Window {
  try {
    if (win.top && win.top !== win && win.top.location.origin === win.location.origin) return win.top;
  } catch {
    /* a cross-origin top */
  }
  return win;
}

/**
 * The tap's sink in the page: hands the text, unparsed, to `target`'s content script as TAP_EVENT
 * (the background parses it: this script carries only what it runs).
 */
export function dispatchSink(target: Pick<Window, 'dispatchEvent'>): TapSink {
  return (kind, _url, text) => void target.dispatchEvent(new CustomEvent(TAP_EVENT, { detail: tapDetail(kind, text) }));
}
