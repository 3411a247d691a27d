// Reply intent on the project-authored, hand-labelled replies of test/fixtures/replies/intents.json
// (labels written before the rules; `heldOut` items were checked only at the end). Prints
// precision and recall per intent for the tuning part and the held-out part, and holds precision
// ≥ 0.9 on "interested" and "not interested" on each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyInboundDetailed } from '@/lib/replies/classify';
import { detectIntent, type ReplyIntent } from '@/lib/replies/intent';

interface Reply {
  id: string;
  lang: string;
  intent: ReplyIntent;
  heldOut: boolean;
  referral?: string;
  text: string;
}

const file = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/replies/intents.json'), 'utf8')) as {
  items: Reply[];
};
const INTENTS: ReplyIntent[] = ['interested', 'not-interested', 'referral', 'later', 'other'];
const USER = 'sam@sidelog-demo.com';

function score(items: Reply[]) {
  const got = items.map((r) => ({ r, v: detectIntent({ text: r.text, ignoreAddresses: [USER] }) }));
  const per = Object.fromEntries(
    INTENTS.map((k) => {
      const tp = got.filter((g) => g.r.intent === k && g.v.intent === k).length;
      const actual = got.filter((g) => g.r.intent === k).length;
      const predicted = got.filter((g) => g.v.intent === k).length;
      return [
        k,
        { tp, actual, predicted, precision: predicted ? tp / predicted : 1, recall: actual ? tp / actual : 1 },
      ];
    }),
  ) as Record<ReplyIntent, { tp: number; actual: number; predicted: number; precision: number; recall: number }>;
  const lines = INTENTS.map((k) => {
    const p = per[k];
    return `  ${k.padEnd(15)} precision ${p.precision.toFixed(3)} (${p.tp}/${p.predicted})  recall ${p.recall.toFixed(3)} (${p.tp}/${p.actual})`;
  });
  const accuracy = got.filter((g) => g.v.intent === g.r.intent).length / got.length;
  const langs = [...new Set(items.map((r) => r.lang))].map((l) => {
    const rows = got.filter((g) => g.r.lang === l);
    return `${l} ${rows.filter((g) => g.v.intent === g.r.intent).length}/${rows.length}`;
  });
  const misses = got
    .filter((g) => g.v.intent !== g.r.intent)
    .map(
      (g) =>
        `  ${g.r.id} ${g.r.intent} → ${g.v.intent} (${g.v.rule}): ${g.r.text
          .split('\n')
          .find(
            (l) => l.trim() && !/^(hi|hey|hallo|bonjour|hola|olá|hoi|ciao|dzień dobry|guten tag|sam)\b/i.test(l.trim()),
          )
          ?.slice(0, 90)}`,
    );
  return {
    got,
    per,
    text: `${lines.join('\n')}\n  accuracy ${accuracy.toFixed(3)}; by language: ${langs.join(', ')}`,
    misses,
  };
}

describe('reply intent on hand-labelled replies', () => {
  const tuning = score(file.items.filter((r) => !r.heldOut));
  const heldOut = score(file.items.filter((r) => r.heldOut));
  console.log(`Tuning part (${tuning.got.length}):\n${tuning.text}\n${tuning.misses.join('\n')}`);
  console.log(`Held-out part (${heldOut.got.length}):\n${heldOut.text}\n${heldOut.misses.join('\n')}`);

  it('has at least 200 replies in at least four languages', () => {
    expect(file.items.length).toBeGreaterThanOrEqual(200);
    expect(new Set(file.items.map((r) => r.lang)).size).toBeGreaterThanOrEqual(4);
  });

  for (const [name, part] of [
    ['tuning', tuning],
    ['held-out', heldOut],
  ] as const) {
    it(`${name}: precision ≥ 0.9 on interested and not interested`, () => {
      expect(part.per.interested.precision).toBeGreaterThanOrEqual(0.9);
      expect(part.per['not-interested'].precision).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('names the colleague of a referral when the reply gives an address', () => {
    const refs = [...tuning.got, ...heldOut.got].filter((g) => g.r.referral && g.v.intent === 'referral');
    expect(refs.length).toBeGreaterThan(15);
    for (const g of refs) expect(g.v.referral, g.r.id).toBe(g.r.referral);
    // Never the user's own address or the replier's, from the quoted history or the signature.
    for (const g of [...tuning.got, ...heldOut.got]) expect(g.v.referral).not.toBe(USER);
  });

  it('every reply is a human reply for the inbound classifier', () => {
    const auto = file.items.filter(
      (r) =>
        classifyInboundDetailed({
          fromEmail: 'x@acme.example',
          subject: 'Re: Quick question',
          text: r.text,
          threadSubject: 'Quick question',
        }).class !== 'human',
    );
    expect(auto.map((r) => r.id)).toEqual([]);
  });
});

describe('detectIntent', () => {
  it('reads the reply, not the quoted outreach that says "interested" and "unsubscribe"', () => {
    const text =
      'Thanks, not now. Try me in Q3.\n\nOn Tue, Mar 3, 2026 at 9:14 AM Sam <sam@x.com> wrote:\n> Would you be interested in a call?\n> Reply "unsubscribe" to opt out.';
    expect(detectIntent({ text }).intent).toBe('later');
  });
  it('an unsubscribe wins over everything else', () => {
    expect(detectIntent({ text: 'Interesting, but please remove me from your list.' }).intent).toBe('not-interested');
  });
  it('a referral names the address in the text, not the replier', () => {
    const r = detectIntent({
      text: 'Not my area, please contact my colleague Mia (mia@acme.com).\n\nBest,\nAda\nada@acme.com',
      fromEmail: 'ada@acme.com',
    });
    expect(r).toEqual({ intent: 'referral', rule: 'referral', referral: 'mia@acme.com' });
  });
  it('an empty reply is other', () => {
    expect(detectIntent({ text: '> quoted only' }).intent).toBe('other');
  });
});
