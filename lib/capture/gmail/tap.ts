// The passive main-world tap. Installed at document_start, before Gmail's own scripts keep
// references to XMLHttpRequest/fetch. It never alters, delays, adds or cancels a request: it wraps
// open/send and fetch only to read the URL, the request body it is given, and a copy of the
// response once the page's request completes, then posts them to the isolated content script.
// Only `/sync/u/N/i/{s,fd,bv}` calls are read; everything else passes by untouched and unread.
import { syncKindOf, TAP_SOURCE, TAP_VERSION, MAX_BODY, type TapMessage } from './tap-protocol';

type Post = (msg: TapMessage) => void;

/**
 * The request body as text. Gmail's sync calls send JSON strings; bytes and blobs (a client that
 * encodes first) are decoded as UTF-8; FormData and streams are not read.
 */
function bodyText(body: unknown): string | null | Promise<string | null> {
  const fit = (t: string) => (t.length <= MAX_BODY ? t : null);
  if (typeof body === 'string') return fit(body);
  if (body instanceof URLSearchParams) return fit(body.toString());
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    if (body.byteLength > MAX_BODY) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return null;
    }
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob)
    return body.size > MAX_BODY ? null : body.text().then(fit, () => null);
  return null;
}

export function installTap(win: Window & typeof globalThis, post: Post, now: () => number = () => Date.now()): void {
  const marker = Symbol.for('sidelog.gmail.tap');
  const w = win as unknown as Record<symbol, boolean>;
  if (w[marker]) return; // one tap per window, even if the script is injected twice
  w[marker] = true;

  const XHR = win.XMLHttpRequest;
  if (XHR) {
    const urls = new WeakMap<XMLHttpRequest, string>();
    const open = XHR.prototype.open;
    const send = XHR.prototype.send;
    XHR.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        urls.set(this, String(args[1]));
      } catch {
        /* never break the page */
      }
      return (open as (...a: unknown[]) => void).apply(this, args);
    } as typeof XHR.prototype.open;
    XHR.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      try {
        const kind = syncKindOf(new URL(urls.get(this) ?? '', win.location.href).href);
        if (kind) {
          const requestBody = Promise.resolve(bodyText(body));
          const startedAt = now();
          this.addEventListener('loadend', () => {
            try {
              let responseBody: string | null = null;
              if (this.responseType === '' || this.responseType === 'text') responseBody = this.responseText;
              else if (this.responseType === 'json' && this.response != null)
                responseBody = JSON.stringify(this.response);
              const status = this.status;
              void requestBody.then((req) =>
                post({
                  source: TAP_SOURCE,
                  v: TAP_VERSION,
                  kind,
                  requestBody: req,
                  responseBody: responseBody && responseBody.length <= MAX_BODY ? responseBody : null,
                  status,
                  startedAt,
                }),
              );
            } catch {
              /* ignore */
            }
          });
        }
      } catch {
        /* never break the page */
      }
      return send.call(this, body);
    };
  }

  const origFetch = win.fetch;
  if (typeof origFetch === 'function') {
    const wrapped = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      let kind: ReturnType<typeof syncKindOf> = null;
      let reqText: Promise<string | null> = Promise.resolve(null);
      const startedAt = now();
      try {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
        kind = syncKindOf(new URL(url, win.location.href).href);
        // A Request's body can be read only once: copy it before the page's fetch consumes it.
        if (kind)
          reqText =
            init?.body != null
              ? Promise.resolve(bodyText(init.body))
              : input instanceof Request
                ? input
                    .clone()
                    .text()
                    .catch(() => null)
                : reqText;
      } catch {
        kind = null;
      }
      const p = origFetch.call(win, input, init);
      if (kind) {
        const k = kind;
        p.then(
          (res) =>
            Promise.all([
              reqText,
              res
                .clone()
                .text()
                .catch(() => null),
            ]).then(([requestBody, responseBody]) =>
              post({
                source: TAP_SOURCE,
                v: TAP_VERSION,
                kind: k,
                requestBody,
                responseBody: responseBody && responseBody.length <= MAX_BODY ? responseBody : null,
                status: res.status,
                startedAt,
              }),
            ),
          () =>
            reqText.then((requestBody) =>
              post({
                source: TAP_SOURCE,
                v: TAP_VERSION,
                kind: k,
                requestBody,
                responseBody: null,
                status: 0,
                startedAt,
              }),
            ),
        ).catch(() => undefined);
      }
      return p;
    };
    win.fetch = wrapped as typeof fetch;
  }
}
