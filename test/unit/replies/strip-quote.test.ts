// The quote and signature stripper on public fixtures: discourse/email_reply_trimmer's emails with
// their expected replies (test/fixtures/mail/quote-strip--…json), and the reply fixtures of talon
// and the email_reply_parser ports (the stripped reply keeps the first line and drops the history).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitReply, stripQuote } from '@/lib/replies/strip-quote';

const dir = path.resolve(__dirname, '../../fixtures/mail');
const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
// Compared without "> " lines, case and spacing: the trimmer keeps some inline quotes we drop.
const norm = (s: string) =>
  s
    .replace(/^\s*>.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

describe('stripQuote on discourse/email_reply_trimmer', () => {
  const pairs: { path: string; text: string; expected: string }[] = read(
    'quote-strip--discourse--email_reply_trimmer.json',
  ).items;

  it('keeps the reply and drops the history and signature', () => {
    const misses: string[] = [];
    for (const p of pairs) {
      const got = norm(stripQuote(p.text));
      const want = norm(p.expected);
      // Equal, or the expected text cut before a closing ("Thanks, Ada") that we count as signature.
      const ok = got === want || (want.startsWith(got) && got.length >= 0.6 * want.length);
      if (!ok) misses.push(`${p.path}\n  want: ${want.slice(0, 120)}\n  got:  ${got.slice(0, 120)}`);
    }
    console.log(`strip-quote: ${pairs.length - misses.length}/${pairs.length} as expected\n${misses.join('\n')}`);
    expect(pairs.length).toBeGreaterThan(50);
    expect((pairs.length - misses.length) / pairs.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('stripQuote on reply fixtures', () => {
  const files = ['mailgun--talon.json', 'github--email_reply_parser.json', 'crisp-oss--email-reply-parser.json'];
  it('never returns quoted history ("On … wrote:", "-----Original Message-----", "> " lines)', () => {
    let n = 0;
    const bad: string[] = [];
    for (const f of files) {
      for (const item of read(f).items as { path: string; text: string }[]) {
        n++;
        const own = stripQuote(item.text);
        if (
          /^\s*>/m.test(own) ||
          /-----\s*original message\s*-----/i.test(own) ||
          /^on .{5,200} wrote:\s*$/im.test(own)
        )
          bad.push(`${f} ${item.path}`);
      }
    }
    console.log(`history left in ${bad.length}/${n}: ${bad.join(', ')}`);
    expect(bad.length / n).toBeLessThanOrEqual(0.05);
  });
});

describe('splitReply', () => {
  it('splits reply, signature and quote in several languages', () => {
    const cases: [string, string][] = [
      [
        'Sounds good, Tuesday works.\n\nBest,\nAda Lovelace\nCTO, Acme\n+1 555 0100\n\nOn Mon, Mar 2, 2026 at 9:00 AM Bob <bob@x.com> wrote:\n> Hi Ada',
        'Sounds good, Tuesday works.',
      ],
      [
        'Gerne, rufen Sie mich an.\n\nMit freundlichen Grüßen\nMax Muster\n\nAm 02.03.2026 um 09:00 schrieb Bob <bob@x.com>:\n> Hallo',
        'Gerne, rufen Sie mich an.',
      ],
      [
        'Merci, pas intéressé.\n\nCordialement,\nJean\n\nLe lun. 2 mars 2026 à 09:00, Bob <bob@x.com> a écrit :\n> Bonjour',
        'Merci, pas intéressé.',
      ],
      [
        'Sí, me interesa.\n\nEnviado desde mi iPhone\n\nEl 2 mar 2026, a las 9:00, Bob <bob@x.com> escribió:\n> Hola',
        'Sí, me interesa.',
      ],
      [
        'Please talk to Mary.\n\n________________________________\nFrom: Bob <bob@x.com>\nSent: Monday, March 2, 2026 9:00 AM\nTo: Ada\nSubject: Intro',
        'Please talk to Mary.',
      ],
      ['Not now, maybe Q3.\n\n-----Original Message-----\nFrom: Bob', 'Not now, maybe Q3.'],
      ['Thanks!\n\nCould you send me the deck?\n\nCheers,\nAda', 'Thanks!\n\nCould you send me the deck?'],
    ];
    for (const [text, body] of cases) expect(splitReply(text).body).toBe(body);
    const s = splitReply(cases[0][0]);
    expect(s.signature).toContain('Ada Lovelace');
    expect(s.quote).toMatch(/^On Mon/);
  });

  it('reads only a bounded prefix', () => {
    const huge = 'a'.repeat(100_000) + '\n> quoted';
    expect(stripQuote(huge).length).toBeLessThanOrEqual(20_000);
  });
});
