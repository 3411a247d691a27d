// HTML -> plain text for message bodies, on strings, with no DOM: it runs in the isolated world,
// in vitest, and never hands HTML to a parser in Gmail's page (Trusted Types forbid HTML sinks).
// Gmail puts the quoted history of a reply in `div.gmail_quote` (and `blockquote.gmail_quote`),
// always after what the user wrote; that part is cut, so the text is what was written.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[name.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(div|p|br|li|tr|h[1-6]|blockquote|ul|ol|table|pre|hr)$/;

/** Index where the quoted history starts, or -1. */
export function quoteStart(html: string): number {
  const m = /<(div|blockquote)\b[^>]*\bclass=("|')[^"']*\bgmail_quote\b/i.exec(html);
  return m ? m.index : -1;
}

export function htmlToText(html: string, opts: { keepQuote?: boolean } = {}): string {
  let src = html;
  if (!opts.keepQuote) {
    const q = quoteStart(src);
    if (q >= 0) src = src.slice(0, q);
  }
  // Drop content that is never text.
  src = src.replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  let out = '';
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    out += src.slice(last, m.index).replace(/\s+/g, ' ');
    const name = m[1].toLowerCase();
    if (BLOCK.test(name)) out += '\n';
    last = tag.lastIndex;
  }
  out += src.slice(last).replace(/\s+/g, ' ');
  return normaliseText(decodeEntities(out.replace(/<[^>]*$/, '')));
}

/** Trims each line, folds runs of blank lines, trims the whole. A "ᐧ" (U+1427) ending a line is
 *  dropped: it is the invisible mark email trackers (Streak, Mailtrack) add to the
 *  body, not something the user wrote (seen in the InboxSDK captures). */
export function normaliseText(s: string): string {
  return s
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .map((l) => l.replace(/\s*\u1427+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
