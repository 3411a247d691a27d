// @vitest-environment happy-dom
// components/templates/TemplateCard.tsx: actions named after the template, the preview, and the
// Dashboard's numbers for the template (n, interval, verdict; per version).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TemplateCard } from '@/components/templates/TemplateCard';
import type { GroupRate } from '@/lib/analytics/rates';
import { wilson } from '@/lib/analytics/stats';
import { Prospect, type Template } from '@/lib/schema/model';
import { reactRoot } from '../../helpers/react';

const dom = reactRoot();
const render = dom.render;
const button = (name: string) =>
  [...dom.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

const anna = Prospect.parse({
  id: 'p',
  name: 'Anna Schmidt',
  emails: [],
  linkedinUrl: null,
  company: 'Acme',
  title: null,
  seniority: null,
  industry: null,
  location: null,
  stage: 'contacted',
  dealValue: null,
  traits: { event: 'DMEXCO' },
});

const tpl: Template = {
  id: 't1',
  name: 'A very long template name that must still be readable in a narrow side panel',
  channel: 'email',
  subject: 'About {{company}}',
  body: 'Hi {{firstName}}, {{event}} and {{budget}}?',
  tags: ['cold'],
  archived: false,
  version: 2,
  createdAt: 0,
  updatedAt: 0,
};

/** A row of the Dashboard's template table (lib/analytics/rates.ts GroupRate), "too early". */
const row = (key: string, k: number, n: number): GroupRate => ({
  key,
  label: key,
  ...wilson(k, n),
  vsRest: { verdict: 'too-early', p: null, test: null },
  positive: wilson(0, n),
  positiveVsRest: { verdict: 'too-early', p: null, test: null },
});

describe('TemplateCard', () => {
  it('names every action after the template, fills the preview, warns about missing values', () => {
    const onInsert = vi.fn();
    render(
      <TemplateCard
        template={tpl}
        stats={{
          uses: 5,
          firstTouch: row('t1', 1, 4),
          versions: [
            { ...row('t1@2', 1, 1), version: 2 },
            { ...row('t1@1', 0, 3), version: 1 },
          ],
        }}
        previewProspect={anna}
        insertState={{ busy: false, ok: false, message: 'Open a Gmail compose or a LinkedIn conversation first.' }}
        onInsert={onInsert}
        onEdit={() => {}}
        onDuplicate={() => {}}
        onArchive={() => {}}
      />,
    );
    for (const a of ['Insert', 'Edit', 'Duplicate', 'Archive']) expect(button(`${a} ${tpl.name}`)).toBeTruthy();
    act(() => button(`Insert ${tpl.name}`).click());
    expect(onInsert).toHaveBeenCalledOnce();
    expect(dom.host.textContent).toContain('About Acme');
    expect(dom.host.textContent).toContain('Hi Anna, DMEXCO and {{budget}}?');
    expect(dom.host.textContent).toContain('Anna Schmidt has no budget');
    expect(dom.host.querySelector('[data-testid=template-numbers]')?.textContent).toContain(
      '1 of 4 replied (25%) · 5 messages sent',
    );
    // n, the 95% interval and the verdict, as the Dashboard's template table has them.
    expect(dom.host.querySelector('[data-testid=template-rate]')?.textContent).toBe(
      '95% interval 5%–70% (n = 4) · too early',
    );
    expect(dom.host.querySelector('[data-testid=template-rate] .rate-bar-whisker')).not.toBeNull();
    // The positive reply rate beside it, with the same n, interval and verdict.
    expect(dom.host.querySelector('[data-testid=template-positive]')?.textContent).toBe(
      'Positive: 0 of 4 (0%), 95% interval 0%–49% · too early',
    );
    expect([...dom.host.querySelectorAll('[aria-label="By version"] li')].map((li) => li.textContent)).toEqual([
      'v2: 1 of 1 replied (100%), 95% interval 21%–100% · too early; positive 0 of 1 (0%), 95% interval 0%–79% · too early',
      'v1: 0 of 3 replied (0%), 95% interval 0%–56% · too early; positive 0 of 3 (0%), 95% interval 0%–56% · too early',
    ]);
    expect(dom.host.querySelector('[role=status]')?.textContent).toContain('Open a Gmail compose');
  });
});

describe('TemplateCard numbers', () => {
  const props = {
    template: tpl,
    previewProspect: null,
    insertState: undefined,
    onInsert: () => {},
    onEdit: () => {},
    onDuplicate: () => {},
    onArchive: () => {},
  };
  it('says when a template opened no thread yet, and shows no interval then', () => {
    render(<TemplateCard {...props} stats={{ uses: 1, firstTouch: null, versions: [] }} />);
    expect(dom.host.querySelector('[data-testid=template-numbers]')?.textContent).toBe(
      'Not used as a first touch yet · 1 message sent',
    );
    expect(dom.host.querySelector('[data-testid=template-rate]')).toBeNull();
    render(<TemplateCard {...props} stats={undefined} />);
    expect(dom.host.querySelector('[data-testid=template-numbers]')?.textContent).toBe(
      'Not used as a first touch yet · 0 messages sent',
    );
  });
  it('names the verdict against the other threads once n is large enough', () => {
    const r: GroupRate = {
      key: 't1',
      label: 'x',
      ...wilson(30, 60),
      vsRest: { verdict: 'higher', p: 0.0004, test: 'z', adjusted: { method: 'holm', m: 12, raw: 0.00003 } },
      positive: wilson(9, 60),
      positiveVsRest: {
        verdict: 'no-clear-difference',
        p: 0.4,
        test: 'z',
        adjusted: { method: 'holm', m: 12, raw: 0.04 },
      },
    };
    render(<TemplateCard {...props} stats={{ uses: 70, firstTouch: r, versions: [{ ...r, version: 2 }] }} />);
    expect(dom.host.querySelector('[data-testid=template-numbers]')?.textContent).toBe(
      '30 of 60 replied (50%) · 70 messages sent',
    );
    expect(dom.host.querySelector('[data-testid=template-rate]')?.textContent).toBe(
      '95% interval 38%–62% (n = 60) · higher than the rest (Holm p < 0.001)',
    );
    // Raw p 0.04 would have said "higher"; corrected for the 12 templates tested, it does not.
    expect(dom.host.querySelector('[data-testid=template-positive]')?.textContent).toBe(
      'Positive: 9 of 60 (15%), 95% interval 8%–26% · no clear difference yet',
    );
    expect(dom.host.querySelector('[data-testid=template-positive]')?.getAttribute('title')).toContain(
      'p = 0.040; corrected for the 12 rows tested (Holm), p = 0.400',
    );
    // One version: no per-version list.
    expect(dom.host.querySelector('[aria-label="By version"]')).toBeNull();
  });
});
