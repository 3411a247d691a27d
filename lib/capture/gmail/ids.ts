// Gmail id forms and the conversions between them, so the network layer and the DOM layer name a
// message or a thread the same way and ingestion stores one record per message.
//
// Forms seen on the wire and in the DOM (docs/design.md "What the live sites do", InboxSDK test data 2022-09-09, 2019 compose):
// - sync ids: `msg-a:r<signed decimal>` (authored in this account: drafts and sends),
//   `msg-f:<decimal>` (fetched/received), `thread-a:r<signed decimal>`, `thread-f:<decimal>`.
// - DOM attributes prefix them with `#` (`data-message-id="#msg-f:…"`, hidden input
//   `draft` = `#msg-a:r…`, `rt` = `#thread-a:r…`).
// - legacy hex ids (`183234eaadcf41e5`): `msg-f:`/`thread-f:` decimals are the same 64-bit number.
//   The top bits (id >> 20) are the server's receive time in ms.

import { isMs } from './limits';

const HEX = /^[0-9a-f]{12,16}$/i;
const DEC = /^\d{15,20}$/;

/** Strips the DOM's `#` prefix and any `|…` suffix (`thread-f:1|msg-f:1` in embedded threads). */
export function cleanId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  if (s.startsWith('#')) s = s.slice(1);
  const bar = s.indexOf('|');
  if (bar > 0) s = s.slice(0, bar);
  return s.length > 0 && s.length <= 200 ? s : null;
}

export function isMsgId(s: unknown): s is string {
  return typeof s === 'string' && /^msg-[af]:r?-?\d+$/.test(s);
}
export function isThreadId(s: unknown): s is string {
  return typeof s === 'string' && /^thread-[af]:r?-?\d+$/.test(s);
}
export function isLegacyHex(s: unknown): s is string {
  return typeof s === 'string' && HEX.test(s);
}

export function hexToDecimal(hex: string): string | null {
  if (!HEX.test(hex)) return null;
  return BigInt('0x' + hex).toString(10);
}

export function decimalToHex(dec: string): string | null {
  if (!DEC.test(dec)) return null;
  const n = BigInt(dec);
  if (n >= 1n << 64n) return null;
  return n.toString(16);
}

/** Server time encoded in a legacy id / `-f:` decimal (ms since epoch), or null if implausible. */
export function timeFromLegacyHex(hex: string): number | null {
  if (!HEX.test(hex)) return null;
  const ms = Number(BigInt('0x' + hex) >> 20n);
  return isMs(ms) ? ms : null;
}

/** `msg-f:<dec>` <-> legacy hex; `msg-a:` ids have no computable legacy form (the server assigns one). */
export function legacyOfFetched(id: string): string | null {
  const m = /^(?:msg|thread)-f:(\d+)$/.exec(id);
  return m ? decimalToHex(m[1]) : null;
}

/** Every alias of a message id we can compute, plus the given extra ids (legacy hex from the server). */
export function messageAliases(externalId: string, extra: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  const legacy = legacyOfFetched(externalId);
  if (legacy) out.add(legacy);
  for (const e of extra) {
    const c = cleanId(e);
    if (!c || c === externalId) continue;
    if (isLegacyHex(c)) {
      out.add(c.toLowerCase());
      // A legacy hex of a received message is also its msg-f decimal.
      const dec = hexToDecimal(c);
      if (dec && externalId.startsWith('msg-f:')) out.add(`msg-f:${dec}`);
    } else out.add(c);
  }
  out.delete(externalId);
  return [...out];
}

/**
 * All names of one thread: the given ids plus, for every legacy hex, `thread-f:<decimal>` and, for
 * every `thread-f:`, its hex. A new thread is `thread-a:r…` in the send and `thread-f:<dec of legacy>`
 * once the server has it, so both must be listed for replies to link.
 */
export function threadNames(ids: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const raw of ids) {
    const c = cleanId(raw);
    if (!c) continue;
    if (isLegacyHex(c)) {
      const hex = c.toLowerCase();
      out.add(hex);
      const dec = hexToDecimal(hex);
      if (dec) out.add(`thread-f:${dec}`);
    } else if (isThreadId(c)) {
      out.add(c);
      const hex = legacyOfFetched(c);
      if (hex) out.add(hex);
    }
  }
  return [...out];
}

/** Picks the preferred external id of a thread (server `thread-f:` first) and the rest as aliases. */
export function splitThread(names: string[]): { threadExternalId: string | null; threadAliases: string[] } {
  if (names.length === 0) return { threadExternalId: null, threadAliases: [] };
  const primary =
    names.find((n) => n.startsWith('thread-f:')) ?? names.find((n) => n.startsWith('thread-')) ?? names[0];
  return { threadExternalId: primary, threadAliases: names.filter((n) => n !== primary) };
}
