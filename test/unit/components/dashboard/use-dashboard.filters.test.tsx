// @vitest-environment happy-dom
// components/dashboard/use-dashboard.ts useDashboardFilters with the FilterBar it drives: the
// choice becomes lib/analytics filters, and the filters object stays the same until what it
// filters changes (every number below is memoized on it: a new object would recompute them all).
import { act, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { useDashboardFilters, type DashboardFilters } from '@/components/dashboard/use-dashboard';
import { requestDimension } from '@/components/insights/dimension-request';
import type { Filters } from '@/lib/analytics/units';
import { reactRoot } from '../../helpers/react';

const dom = reactRoot();
let seen: Filters[] = [];
let last: DashboardFilters;

function Probe() {
  const f = useDashboardFilters();
  // Recorded once each render is committed (an effect): a render itself stays pure.
  useEffect(() => {
    last = f;
    if (seen.at(-1) !== f.filters) seen.push(f.filters);
  });
  return (
    <>
      <FilterBar f={f} tags={['cold', 'dach']} windowDays={30} minSample={10} />
      <button onClick={() => f.setDimension('industry')}>industry</button>
    </>
  );
}

const select = (label: string, value: string) =>
  act(() => {
    const el = dom.host.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`)!;
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
const typeDate = (label: string, value: string) =>
  act(() => {
    const el = dom.host.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('useDashboardFilters', () => {
  it('turns the filter bar into filters, one object per distinct choice', async () => {
    seen = [];
    await dom.render(<Probe />);
    expect(last.dimension).toBe('seniority');
    expect(seen).toHaveLength(1);
    const ninety = seen[0];
    expect(ninety).toMatchObject({ channel: null, tag: null, to: null });
    expect(dom.host.querySelector('.filter-note')?.textContent).toMatch(
      /^Threads are counted by their first message on or after .+\. A reply counts within 30 days/,
    );

    // Another trait re-renders, the filters stay the same object.
    await act(() => dom.host.querySelector('button')!.click());
    expect(last.dimension).toBe('industry');
    expect(seen).toHaveLength(1);

    await select('Channel', 'linkedin');
    await select('Template tag', 'cold');
    expect(seen.at(-1)).toMatchObject({ from: ninety.from, channel: 'linkedin', tag: 'cold' });

    await select('Date range', 'all');
    expect(seen.at(-1)).toMatchObject({ from: null, to: null });
    expect(dom.host.querySelector('.filter-note')?.textContent).toMatch(
      /^Threads are counted by their first message\. /,
    );
    expect(dom.host.querySelector('input[type=date]')).toBeNull();

    await select('Date range', 'custom');
    await typeDate('From', '2026-03-01');
    await typeDate('To', '2026-03-10');
    expect(seen.at(-1)).toMatchObject({ from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 11).getTime() });
    const count = seen.length;
    // Re-selecting the same values changes nothing downstream.
    await select('Channel', 'linkedin');
    expect(seen).toHaveLength(count);
  });

  it('opens on the trait another view asked for', async () => {
    requestDimension('trait:lead source');
    await dom.render(<Probe />);
    expect(last.dimension).toBe('trait:lead source');
  });
});
