// A small MIME reader for building the mail corpus (scripts/mail-corpus.ts): headers (RFC 5322
// unfolding, RFC 2047 encoded words), multipart trees, base64 / quoted-printable, and charsets
// through TextDecoder (Node ships the WHATWG encodings: ISO-2022-JP, Shift_JIS, EUC-JP, GBK,
// Big5, KOI8-R, windows-125x...). It only has to be good enough to show the text a mail client
// shows; it is not used by the extension.

export interface Part {
  headers: Map<string, string[]>;
  /** Lower-case media type, e.g. "text/plain"; "text/plain" when absent. */
  type: string;
  params: Map<string, string>;
  /** Decoded body bytes (after Content-Transfer-Encoding). */
  body: Buffer;
  children: Part[];
}

const ALIASES: Record<string, string> = {
  'iso-2022-jp-2': 'iso-2022-jp',
  'iso-2022-jp-3': 'iso-2022-jp',
  cp932: 'shift_jis',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  'windows-31j': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'ks_c_5601-1987': 'euc-kr',
  'unicode-1-1-utf-7': 'utf-8',
  'utf-7': 'utf-8',
  'x-unknown': 'utf-8',
  'unknown-8bit': 'utf-8',
  '8bit': 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  default: 'utf-8',
};

/** Decodes bytes in a charset; unknown or invalid input falls back to UTF-8, then windows-1252. */
export function decodeCharset(bytes: Buffer, charset?: string | null): string {
  let label = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  label = ALIASES[label] ?? label;
  // ISO-2022-JP text is 7-bit with escape sequences; many Japanese mails omit the charset.
  if (
    (!label || label === 'utf-8') &&
    (bytes.includes('\x1b$B', 0, 'latin1') || bytes.includes('\x1b$@', 0, 'latin1'))
  ) {
    label = 'iso-2022-jp';
  }
  // ISO-2022-JP is 7-bit by definition. Japanese carriers label 8-bit text as ISO-2022-JP (EZweb:
  // EUC-JP; KDDI/au: UTF-8; others Shift_JIS); mail clients sniff it, so the corpus does too.
  if (label === 'iso-2022-jp' && bytes.some((b) => b > 0x7f)) {
    for (const guess of ['utf-8', 'euc-jp', 'shift_jis']) {
      try {
        return new TextDecoder(guess, { fatal: true }).decode(bytes);
      } catch {
        /* not this one */
      }
    }
  }
  if (label && label !== 'utf-8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* unknown label: fall through */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** RFC 2047 encoded words (=?charset?B|Q?text?=); whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(/=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, cs: string, enc: string, text: string) => {
    const charset = cs.replace(/\*.*$/, '');
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          );
    return decodeCharset(bytes, charset);
  });
}

function splitHead(raw: Buffer): { head: string; body: Buffer } {
  const s = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(s);
  if (!m) return { head: s, body: Buffer.alloc(0) };
  return { head: s.slice(0, m.index), body: raw.subarray(m.index + m[0].length) };
}

function parseHeaders(head: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = head.split(/\r?\n/);
  // An mbox "From " separator line is not a header.
  if (lines[0]?.startsWith('From ')) lines.shift();
  let cur: string | null = null;
  const push = () => {
    if (!cur) return;
    const i = cur.indexOf(':');
    if (i > 0) {
      const k = cur.slice(0, i).trim().toLowerCase();
      const v = cur.slice(i + 1).trim();
      out.set(k, [...(out.get(k) ?? []), v]);
    }
  };
  for (const line of lines) {
    // A line that does not start a header (indented, or without a "Name:") continues the last one.
    if (cur !== null && (/^[ \t]/.test(line) || !/^[\x21-\x39\x3b-\x7e]+:/.test(line))) cur += ' ' + line.trim();
    else {
      push();
      cur = line;
    }
  }
  push();
  return out;
}

/** "text/plain; charset=utf-8; name*=..." → type and parameters. */
function parseContentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (!value) return { type: 'text/plain', params };
  const [type, ...rest] = value.split(';');
  const re = /([\w\-*]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  const tail = rest.join(';');
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) params.set(m[1].toLowerCase(), m[2].trim().replace(/^"|"$/g, ''));
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

function decodeTransfer(body: Buffer, cte: string | undefined): Buffer {
  const enc = (cte ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const s = body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(
      s.replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  }
  return body;
}

export function parseMessage(raw: Buffer, depth = 0): Part {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers.get('content-type')?.[0]);
  const part: Part = { headers, type, params, body: Buffer.alloc(0), children: [] };
  if (type.startsWith('multipart/') && params.get('boundary') && depth < 12) {
    const boundary = '--' + params.get('boundary');
    const s = body.toString('latin1');
    const pieces = s.split(new RegExp('(?:^|\\r?\\n)' + escapeRe(boundary) + '(?:--)?[ \\t]*(?=\\r?\\n|$)'));
    // pieces[0] is the preamble; the last one after the closing boundary is the epilogue.
    for (const piece of pieces.slice(1)) {
      const text = piece.replace(/^\r?\n/, '');
      if (!text.trim()) continue;
      part.children.push(parseMessage(Buffer.from(text, 'latin1'), depth + 1));
    }
    if (part.children.length) return part;
    // No part matched the boundary (a broken or rewritten boundary): mail clients show the body as text.
    part.type = 'text/plain';
  }
  if (type === 'message/rfc822' && depth < 12) {
    part.children.push(parseMessage(decodeTransfer(body, headers.get('content-transfer-encoding')?.[0]), depth + 1));
    return part;
  }
  part.body = decodeTransfer(body, headers.get('content-transfer-encoding')?.[0]);
  return part;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A header's value, decoded. Raw 8-bit bytes in a header (not allowed, but common) are read as
 * UTF-8, else in the charset the body declares.
 */
export const header = (p: Part, name: string): string | null => {
  const v = p.headers.get(name.toLowerCase())?.[0];
  if (v === undefined) return null;
  let raw = v;
  if (/[\x80-\xff]/.test(v)) {
    const bytes = Buffer.from(v, 'latin1');
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      raw = decodeCharset(bytes, bodyCharset(p));
    }
  }
  return decodeWords(raw);
};

function bodyCharset(p: Part): string | null {
  for (const c of walk(p)) if (c.params.get('charset')) return c.params.get('charset')!;
  return null;
}

export function partText(p: Part): string {
  const text = decodeCharset(p.body, p.params.get('charset'));
  return text.replace(/\r\n?/g, '\n');
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©' };

/** HTML to the text a reader sees: blocks become line breaks, tags and comments go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|tr|li|h[1-6]|table|blockquote|pre|ul|ol|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

const isAttachment = (p: Part) => /^attachment/i.test(p.headers.get('content-disposition')?.[0] ?? '');

/**
 * The text a webmail shows for the message body: text/plain (or text/html as text when an
 * alternative has no plain part) of the parts shown inline. Attached messages (message/rfc822),
 * delivery-status and rfc822-headers parts are shown as attachments, so they are left out.
 */
export function visibleText(p: Part): string {
  if (p.children.length && p.type.startsWith('multipart/')) {
    if (p.type === 'multipart/alternative') {
      const plain = p.children.find((c) => c.type === 'text/plain' && !isAttachment(c));
      const pick =
        plain ??
        p.children.find((c) => c.type.startsWith('multipart/')) ??
        p.children.find((c) => c.type === 'text/html');
      return pick ? visibleText(pick) : '';
    }
    return p.children
      .map(visibleText)
      .filter((t) => t.trim())
      .join('\n\n');
  }
  if (isAttachment(p)) return '';
  if (p.type === 'text/plain' || p.type === 'text' || p.type === 'text/enriched') return partText(p);
  if (p.type === 'text/html') return htmlToText(partText(p));
  return '';
}

/** Every part of the tree, depth first (including inside attached messages). */
export function* walk(p: Part): Generator<Part> {
  yield p;
  for (const c of p.children) yield* walk(c);
}

/** "Name <a@b>" → { name, email }. */
export function parseAddress(value: string | null): { email: string | null; name: string | null } {
  if (!value) return { email: null, name: null };
  const v = value.trim();
  // "Name <a@b>", and "Mail Delivery Subsystem <MAILER-DAEMON>" with a bare local part.
  const angle = /<([^<>@\s]+@[^<>\s]+)>/.exec(v) ?? /<([^<>\s]+)>\s*$/.exec(v);
  if (angle) {
    const name = v.slice(0, angle.index).trim().replace(/^"|"$/g, '').trim();
    return { email: angle[1].trim(), name: name || null };
  }
  const bare = /([^\s<>()"]+@[^\s<>()"]+)/.exec(v);
  const email = bare ? bare[1].replace(/[,;]$/, '') : null;
  const rest = bare ? v.replace(bare[0], '').replace(/[()"]/g, '').trim() : v;
  if (!email) {
    // "<>" or "MAILER-DAEMON" without a domain.
    const local = v.replace(/[<>"]/g, '').trim();
    return { email: local || null, name: null };
  }
  return { email, name: rest || null };
}

/** All addresses in an address-list header. */
export function addressList(value: string | null): string[] {
  if (!value) return [];
  return [...value.matchAll(/[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)].map((m) => m[0].toLowerCase());
}
