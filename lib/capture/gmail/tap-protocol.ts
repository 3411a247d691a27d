// What the main-world tap hands to the isolated content script, and the check the isolated side
// runs on it. The channel is window.postMessage, which the page can also use: every message is
// treated as untrusted input (validated here, and again by the background's zod schemas).
import type { SyncKind } from './sync-parser';

export const TAP_SOURCE = 'sidelog-gmail-tap';
export const TAP_VERSION = 1;
/** Sync payloads are JSON of a few KB to a few MB; anything larger is not Gmail's. */
export const MAX_BODY = 8 * 1024 * 1024;

export interface TapMessage {
  source: typeof TAP_SOURCE;
  v: typeof TAP_VERSION;
  kind: SyncKind;
  requestBody: string | null;
  responseBody: string | null;
  status: number;
  /** When the page started the request (ms): Undo decisions compare it to the Undo click. */
  startedAt: number;
}

/** `/sync/u/<n>/i/s`, `/i/fd`, `/i/bv` on mail.google.com, any query string. */
export function syncKindOf(url: string): SyncKind | null {
  const m = /^(?:https:\/\/mail\.google\.com)?\/sync\/u\/\d+\/i\/(s|fd|bv)(?:[?#]|$)/.exec(url);
  return m ? (m[1] as SyncKind) : null;
}

const bodyOk = (b: unknown) => b === null || (typeof b === 'string' && b.length <= MAX_BODY);

export function validateTapMessage(data: unknown): TapMessage | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.source !== TAP_SOURCE || d.v !== TAP_VERSION) return null;
  if (d.kind !== 's' && d.kind !== 'fd' && d.kind !== 'bv') return null;
  if (!bodyOk(d.requestBody) || !bodyOk(d.responseBody)) return null;
  if (typeof d.status !== 'number' || typeof d.startedAt !== 'number' || !Number.isFinite(d.startedAt)) return null;
  return {
    source: TAP_SOURCE,
    v: TAP_VERSION,
    kind: d.kind,
    requestBody: d.requestBody as string | null,
    responseBody: d.responseBody as string | null,
    status: d.status,
    startedAt: d.startedAt,
  };
}
