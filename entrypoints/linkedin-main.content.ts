// Passive main-world tap for LinkedIn (runs before LinkedIn's app, which keeps its own reference
// to fetch from boot). It observes responses the app itself requested — messaging sends, message
// lists and the realtime stream (a streamed fetch or an EventSource) — and hands them to the
// isolated content script through a window event (as capture events, built by
// lib/capture/linkedin/tap.ts). It never alters, delays, adds or repeats a request: the wrapper
// calls the original and reads a clone of the response. No DOM node or attribute is written.
import { classifyTapUrl, TAP_EVENT, tapEventSource, tapToEvents, type TapKind } from '@/lib/capture/linkedin/tap';

const MAX_BODY = 2_000_000;

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  // Also in LinkedIn's own frames: the hidden /preload/ frame runs parts of the app (it may hold
  // the realtime connection). A frame hands what it reads to the top page's content script.
  allFrames: true,
  main() {
    let target: Window = window;
    try {
      if (window.top && window.top !== window && window.top.location.origin === location.origin) target = window.top;
    } catch {
      /* a cross-origin top: this frame keeps its sightings (nobody listens there) */
    }
    // Parsed here, so the isolated script stays small; it re-checks what it receives.
    let n = 0;
    const hand = (kind: TapKind, _url: string, text: string) => {
      if (!text || text.length > MAX_BODY) return;
      try {
        const events = tapToEvents(kind, text, null, () => `tap-${Date.now()}-${n++}`, true);
        if (events.length) target.dispatchEvent(new CustomEvent(TAP_EVENT, { detail: JSON.stringify(events) }));
      } catch {
        /* never disturb the page */
      }
    };

    const nativeFetch = window.fetch;
    if (typeof nativeFetch === 'function') {
      const tapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
        const result = nativeFetch.apply(this, args);
        try {
          const input = args[0];
          const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
          const kind = classifyTapUrl(new URL(url, location.href).href);
          if (kind) {
            result
              .then((res) => {
                if (!res.ok) return;
                const copy = res.clone();
                if (kind === 'realtime') return readStream(copy, (chunk) => hand(kind, url, chunk));
                return copy.text().then((t) => hand(kind, url, t));
              })
              .catch(() => undefined);
          }
        } catch {
          /* the page's call goes on untouched */
        }
        return result;
      };
      window.fetch = tapped as typeof fetch;
    }

    // The same stream when the client reads it with EventSource: each event's data is one JSON document.
    tapEventSource(window, (url, data) => hand('realtime', url, data));

    const proto = XMLHttpRequest.prototype;
    const nativeOpen = proto.open;
    const nativeSend = proto.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        urls.set(this, new URL(String(args[1]), location.href).href);
      } catch {
        /* ignore */
      }
      return (nativeOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const url = urls.get(this);
        const kind = url ? classifyTapUrl(url) : null;
        if (kind && kind !== 'realtime') {
          this.addEventListener('load', () => {
            try {
              if (this.status < 200 || this.status >= 300) return;
              const r = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.responseType === 'json' ? JSON.stringify(this.response) : '';
              hand(kind, url!, r);
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
  },
});

/** Reads a realtime (server-sent events) clone as it streams; hands over each complete line. */
async function readStream(res: Response, onLine: (line: string) => void): Promise<void> {
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
      const line = buffered.slice(0, nl).replace(/^data:\s?/, '').trim();
      buffered = buffered.slice(nl + 1);
      if (line.startsWith('{')) onLine(line);
    }
    if (buffered.length > MAX_BODY) buffered = '';
  }
}
