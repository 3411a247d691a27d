// @vitest-environment happy-dom
// components/insights/page-prospect.ts usePageProspect: the one hook for "who is on the current
// tab". It asks through lib/insights/page-prospect.ts (replaced here by a controllable stand-in),
// looks again when a tab changes, and stops listening when the view goes.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Prospect } from '@/lib/schema/model';
import type { PageProspect, PageScope } from '@/lib/prospects/page-prospect';
import { reactRoot } from '../../helpers/react';

const page = vi.hoisted(() => ({
  answer: new Map<string, unknown>(),
  asked: [] as string[],
  listeners: new Set<() => void>(),
}));

vi.mock('@/lib/insights/page-prospect', async () => {
  const { queryKeys } = await import('@/lib/insights/query-keys');
  return {
    pageProspectQuery: (scope: PageScope) =>
      queryOptions({
        queryKey: queryKeys.pageProspect(scope),
        queryFn: async () => {
          page.asked.push(scope);
          return (page.answer.get(scope) as PageProspect | null) ?? null;
        },
      }),
    refreshPageProspect: (qc: QueryClient, scope: PageScope) =>
      qc.invalidateQueries({ queryKey: queryKeys.pageProspect(scope) }),
    watchPageChanges: (f: () => void) => {
      page.listeners.add(f);
      return () => page.listeners.delete(f);
    },
  };
});

const { usePageProspect } = await import('@/components/insights/page-prospect');

const person = (name: string): PageProspect => ({
  prospect: Prospect.parse({
    id: name,
    name,
    emails: [],
    linkedinUrl: null,
    company: null,
    title: null,
    seniority: null,
    industry: null,
    location: null,
    stage: 'contacted',
    dealValue: null,
    traits: {},
  }),
  site: 'linkedin',
  follow: true,
});

function Who({ scope }: { scope?: PageScope }) {
  const p = usePageProspect(scope);
  return <p>{p ? `${p.prospect.name} on ${p.site}${p.follow ? ', followed' : ''}` : 'nobody'}</p>;
}

const dom = reactRoot();
let qc: QueryClient;
beforeEach(() => {
  page.answer.clear();
  page.asked.length = 0;
  page.listeners.clear();
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
const show = (el: React.ReactElement) => dom.render(<QueryClientProvider client={qc}>{el}</QueryClientProvider>);

describe('usePageProspect', () => {
  it('names the person, follows a tab change, and stops listening when unmounted', async () => {
    page.answer.set('panel', person('Jane Doe'));
    await show(<Who />);
    await vi.waitFor(() => expect(dom.host.textContent).toBe('Jane Doe on linkedin, followed'));
    expect(page.listeners.size).toBe(1);

    page.answer.set('panel', null);
    await act(async () => page.listeners.forEach((f) => f()));
    await vi.waitFor(() => expect(dom.host.textContent).toBe('nobody'));

    await show(<p>gone</p>);
    expect(page.listeners.size).toBe(0);
  });

  it('asks per scope: the Templates tab\'s "insert" answer is not the panel\'s', async () => {
    page.answer.set('insert', person('Bob Builder'));
    await show(
      <>
        <Who />
        <Who scope="insert" />
      </>,
    );
    await vi.waitFor(() => expect(dom.host.textContent).toBe('nobodyBob Builder on linkedin, followed'));
    expect(page.asked.sort()).toEqual(['insert', 'panel']);
  });
});
