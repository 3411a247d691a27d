import { describe, expect, it } from 'vitest';
import { createDetector, words } from '@/lib/templates/detect';
import type { Template, TemplateVersion } from '@/lib/schema/model';
import { buildCorpus } from '../helpers/templates-corpus';

const tpl = (over: Partial<Template> & Pick<Template, 'id' | 'body'>): Template => ({
  name: over.id,
  channel: 'any',
  subject: null,
  tags: [],
  archived: false,
  version: 1,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('template detection on a generated corpus', () => {
  const corpus = buildCorpus(42, 50, 600);
  const detect = createDetector(corpus.templates.map((t) => t.template));

  it('meets precision >= 0.98 and recall >= 0.95', () => {
    expect(corpus.templates.length).toBeGreaterThanOrEqual(20);
    expect(corpus.positives.length).toBeGreaterThanOrEqual(20 * 50);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(500);
    expect(new Set(corpus.templates.map((t) => t.lang)).size).toBeGreaterThanOrEqual(2);

    let tp = 0;
    let wrong = 0; // a positive credited to another template: a false positive and a miss
    let missed = 0;
    let fp = 0;
    const misses: string[] = [];
    const byLang = new Map<string, { n: number; hit: number }>();
    for (const s of corpus.positives) {
      const m = detect(s);
      const l = byLang.get(s.lang) ?? { n: 0, hit: 0 };
      l.n++;
      if (m?.templateId === s.templateId) {
        tp++;
        l.hit++;
      } else if (m) {
        wrong++;
        misses.push(`wrong ${s.templateId}->${m.templateId} [${s.edits}]`);
      } else {
        missed++;
        if (misses.length < 8) misses.push(`missed ${s.templateId} [${s.edits}]: ${s.text.slice(0, 80)}`);
      }
      byLang.set(s.lang, l);
    }
    const falsePositives: string[] = [];
    for (const s of corpus.negatives) {
      const m = detect(s);
      if (m) {
        fp++;
        falsePositives.push(`${m.templateId} ${m.score} [${s.edits}]: ${s.text.slice(0, 100)}`);
      }
    }
    const precision = tp / (tp + wrong + fp);
    const recall = tp / corpus.positives.length;
    console.log(
      `template detection: ${corpus.templates.length} templates, ${corpus.positives.length} filled+edited, ` +
        `${corpus.negatives.length} without template -> precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} ` +
        `(tp ${tp}, wrong template ${wrong}, missed ${missed}, false positives ${fp}); recall by language: ` +
        [...byLang].map(([k, v]) => `${k} ${(v.hit / v.n).toFixed(3)}`).join(', '),
    );
    if (misses.length) console.log(misses.slice(0, 8).join('\n'));
    if (falsePositives.length) console.log(falsePositives.slice(0, 8).join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('createDetector', () => {
  const intro = tpl({
    id: 'intro',
    channel: 'email',
    subject: 'Quick question about {{company}}',
    body: 'Hi {{firstName}},\n\nI noticed {{company}} is hiring sales reps. We help teams see which outreach gets replies.\n\nWorth a short call next week?\n\nBest,\nSam',
  });

  it('matches a filled template with greeting changed and a signature added', () => {
    const d = createDetector([intro]);
    const m = d({
      channel: 'gmail',
      subject: 'Quick question about Northwind Traders',
      text: 'Hello Mary Ann,\n\nI noticed Northwind Traders is hiring sales reps. We help teams see which outreach gets replies.\n\nWorth a short call next week?\n\nBest,\nSam\n--\nSam Carter | Founder | +44 20 7946 0958',
    });
    expect(m).toMatchObject({ templateId: 'intro', version: 1 });
    expect(m!.score).toBeGreaterThan(0.9);
  });

  it('does not match unrelated text, or a template-free message sharing one sentence', () => {
    const d = createDetector([intro]);
    expect(d({ channel: 'gmail', subject: null, text: 'Thanks, Thursday works. See you then!' })).toBeNull();
    expect(
      d({
        channel: 'gmail',
        subject: null,
        text: 'Hi Tom, great to see you yesterday. Worth a short call next week? I would like to talk about the office move and the new lease terms in Munich.',
      }),
    ).toBeNull();
  });

  it('a variable absorbs a short run of words but not a paragraph', () => {
    const d = createDetector([
      tpl({ id: 't', body: 'Hi {{firstName}}, thanks for connecting! How does {{company}} track outreach today?' }),
    ]);
    expect(
      d({
        channel: 'linkedin',
        subject: null,
        text: 'Hi Jean-Luc, thanks for connecting! How does Müller & Söhne GmbH track outreach today?',
      })?.templateId,
    ).toBe('t');
    const long =
      'Hi Anna, thanks for connecting! How does ' +
      'a very long and entirely different story about many other things '.repeat(4) +
      'track outreach today?';
    expect(d({ channel: 'linkedin', subject: null, text: long })).toBeNull();
  });

  it('respects the template channel and skips archived templates', () => {
    const li = tpl({
      id: 'li',
      channel: 'linkedin',
      body: 'Hi {{firstName}}, I enjoyed your post about outbound and would be glad to connect.',
    });
    const arch = tpl({
      id: 'arch',
      archived: true,
      body: 'Hello {{firstName}}, this one is archived and should never be found by detection.',
    });
    const d = createDetector([li, arch]);
    const text = 'Hi Anna, I enjoyed your post about outbound and would be glad to connect.';
    expect(d({ channel: 'linkedin', subject: null, text })?.templateId).toBe('li');
    expect(d({ channel: 'gmail', subject: null, text })).toBeNull();
    expect(
      d({
        channel: 'gmail',
        subject: null,
        text: 'Hello Anna, this one is archived and should never be found by detection.',
      }),
    ).toBeNull();
  });

  it('credits an old version when the text is the old one', () => {
    const cur = tpl({
      id: 'x',
      version: 2,
      body: 'Hi {{firstName}}, we just released a brand new reporting dashboard for sales teams. Want a tour?',
    });
    const v1: TemplateVersion = {
      id: 'x@1',
      templateId: 'x',
      version: 1,
      subject: null,
      body: 'Hi {{firstName}}, our tool shows which of your cold emails get answers. Can I show you in ten minutes?',
      createdAt: 0,
    };
    const d = createDetector([cur], { versions: [v1] });
    expect(
      d({
        channel: 'gmail',
        subject: null,
        text: 'Hi Ben, our tool shows which of your cold emails get answers. Can I show you in ten minutes?',
      }),
    ).toMatchObject({ templateId: 'x', version: 1 });
    expect(
      d({
        channel: 'gmail',
        subject: null,
        text: 'Hi Ben, we just released a brand new reporting dashboard for sales teams. Want a tour?',
      }),
    ).toMatchObject({ templateId: 'x', version: 2 });
  });

  it('a very short template needs nearly the whole message', () => {
    const d = createDetector([tpl({ id: 's', body: 'Thanks {{firstName}}, talk soon!' })]);
    expect(d({ channel: 'gmail', subject: null, text: 'Thanks Anna, talk soon!' })?.templateId).toBe('s');
    expect(
      d({
        channel: 'gmail',
        subject: null,
        text: 'Thanks Anna, talk soon! Also, here is the contract and the invoice for last month.',
      }),
    ).toBeNull();
  });

  it('ignores case, accents and punctuation in words', () => {
    expect(words('Viele Grüße, CAFÉ!  l’été')).toEqual(['viele', 'grusse', 'cafe', 'l', 'ete']);
  });

  it('an empty template list or an empty message matches nothing', () => {
    expect(createDetector([])({ channel: 'gmail', subject: null, text: 'anything' })).toBeNull();
    expect(createDetector([intro])({ channel: 'gmail', subject: null, text: '   ' })).toBeNull();
  });
});

describe('createDetector memo', () => {
  it('reuses the compiled detector until a template changes', () => {
    const a = tpl({
      id: 'a',
      body: 'Hi {{firstName}}, we help sales teams see which messages get replies. Want a demo?',
    });
    const d1 = createDetector([a]);
    expect(createDetector([{ ...a }])).toBe(d1);
    const d2 = createDetector([
      { ...a, body: 'Hi {{firstName}}, totally different words now for this one template here.', version: 2 },
    ]);
    expect(d2).not.toBe(d1);
    expect(
      d2({ channel: 'gmail', subject: null, text: 'Hi Li, totally different words now for this one template here.' }),
    ).toMatchObject({ templateId: 'a', version: 2 });
    expect(createDetector([{ ...a, archived: true }])).not.toBe(d2);
    // An old detector keeps answering for its own templates.
    expect(
      d1({
        channel: 'gmail',
        subject: null,
        text: 'Hi Li, we help sales teams see which messages get replies. Want a demo?',
      }),
    ).toMatchObject({ version: 1 });
  });
});
