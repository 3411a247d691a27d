// @vitest-environment happy-dom
// components/views/ProspectsView.tsx and components/prospects/ over their real data layer
// (lib/insights/prospects.ts on fake-indexeddb); only "who is on the current tab" is a stand-in.
// What the hooks decide: the person on the tab opens once per person followed, the edit form keeps
// what is typed until the stored record changes, the timeline's "not sent yet" ends when the
// scheduled time comes, a merge offers its undo.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db/db';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import type { PageProspect, PageScope } from '@/lib/prospects/page-prospect';
import { saveProspectEdits } from '@/lib/prospects/edit';
import { messageRow, prospectRow } from '../../helpers/rows';
import { reactRoot } from '../../helpers/react';

const page = vi.hoisted(() => ({ answer: null as unknown, listeners: new Set<() => void>() }));

vi.mock('@/lib/insights/page-prospect', async () => {
  const { queryKeys } = await import('@/lib/insights/query-keys');
  return {
    pageProspectQuery: (scope: PageScope) =>
      queryOptions({
        queryKey: queryKeys.pageProspect(scope),
        queryFn: async () => page.answer as PageProspect | null,
      }),
    refreshPageProspect: (qc: QueryClient, scope: PageScope) =>
      qc.invalidateQueries({ queryKey: queryKeys.pageProspect(scope) }),
    watchPageChanges: (f: () => void) => {
      page.listeners.add(f);
      return () => page.listeners.delete(f);
    },
  };
});

const { ProspectsView } = await import('@/components/views/ProspectsView');
const { setLastMerge } = await import('@/components/prospects/last-merge');

const dom = reactRoot();
const $ = (sel: string) => dom.host.querySelector<HTMLElement>(sel);
const button = (name: string) =>
  [...dom.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const byLabel = <T extends HTMLElement>(label: string) => dom.host.querySelector<T>(`[aria-label="${label}"]`)!;
const name = () => $('[data-testid=prospect-name]')?.textContent;

async function type(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const proto = Object.getPrototypeOf(el) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const click = (el: HTMLElement | undefined) => act(async () => el!.click());

let qc: QueryClient;
async function show() {
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await dom.render(
    <QueryClientProvider client={qc}>
      <ProspectsView />
    </QueryClientProvider>,
  );
}
const follow = async (id: string | null) => {
  page.answer = id ? ({ prospect: await getDb().prospects.get(id), follow: true } as PageProspect) : null;
  await act(async () => page.listeners.forEach((l) => l()));
};

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
  page.answer = null;
  setLastMerge(null);
  await db.prospects.bulkPut([
    prospectRow('ada', { name: 'Ada Lovelace', company: 'Acme', emails: ['ada@acme.com'], createdAt: 1 }),
    prospectRow('bob', { name: 'Bob Stone', company: 'Beta', emails: ['bob@beta.io'], createdAt: 2 }),
  ]);
});

describe('ProspectsView', () => {
  it('the list: count, search, open a prospect and back', async () => {
    await show();
    await vi.waitFor(() => expect($('[data-testid=prospect-count]')?.textContent).toBe('2 prospects'));
    await type(byLabel<HTMLInputElement>('Search prospects'), 'beta');
    expect($('[data-testid=prospect-count]')!.textContent).toBe('1 of 2 prospects');
    await click(dom.host.querySelector<HTMLElement>('.plist button')!);
    await vi.waitFor(() => expect(name()).toBe('Bob Stone'));
    await click(button('← All prospects'));
    await vi.waitFor(() => expect($('[data-testid=prospect-count]')).toBeTruthy());
  });

  it('opens the person on the tab once per person followed: back to the list stays there', async () => {
    await show();
    await vi.waitFor(() => expect($('[data-testid=prospect-count]')).toBeTruthy());
    await follow('ada');
    await vi.waitFor(() => expect(name()).toBe('Ada Lovelace'));
    await click(button('← All prospects'));
    await follow('ada'); // looked again, same person: the list stays
    await vi.waitFor(() => expect($('[data-testid=prospect-count]')).toBeTruthy());
    expect(name()).toBeUndefined();
    await follow('bob');
    await vi.waitFor(() => expect(name()).toBe('Bob Stone'));
  });

  it('the edit form: keeps what is typed, saves it as edited, and shows the record again when it changes elsewhere', async () => {
    await show();
    await vi.waitFor(() => expect($('.plist button')).toBeTruthy());
    await click(dom.host.querySelector<HTMLElement>('.plist button')!);
    await vi.waitFor(() => expect(name()).toBe('Ada Lovelace'));
    const save = button('Save')!;
    expect(save.hasAttribute('disabled')).toBe(true);
    await type(byLabel<HTMLSelectElement>('Stage'), 'meeting');
    await type(byLabel<HTMLInputElement>('Deal value'), '1200');
    expect(save.hasAttribute('disabled')).toBe(false);
    await click(save);
    await vi.waitFor(() => expect($('[role=status]')?.textContent).toBe('Saved.'));
    expect(await getDb().prospects.get('ada')).toMatchObject({
      stage: 'meeting',
      dealValue: 1200,
      manualFields: ['stage', 'dealValue'],
    });
    await vi.waitFor(() => expect(dom.host.textContent).toContain('Stage (edited)'));
    expect(byLabel<HTMLInputElement>('Deal value').value).toBe('1200');

    // Typed, not saved: kept while nothing changes the record...
    await type(byLabel<HTMLInputElement>('Deal value'), '99');
    await act(() => qc.invalidateQueries());
    expect(byLabel<HTMLInputElement>('Deal value').value).toBe('99');
    // ...and replaced by the record when it changes elsewhere.
    await saveProspectEdits(getDb(), 'ada', { dealValue: 5000 });
    await act(() => qc.invalidateQueries());
    await vi.waitFor(() => expect(byLabel<HTMLInputElement>('Deal value').value).toBe('5000'));
    expect(button('Save')!.hasAttribute('disabled')).toBe(true);
  });

  it('the timeline: a scheduled message reads "not sent yet" until its time, then "scheduled send"', async () => {
    const due = Date.now() + 600;
    await getDb().threads.put({
      id: 't1',
      channel: 'gmail',
      externalId: 't1',
      prospectIds: ['ada'],
      subject: null,
      keys: ['t1'],
      updatedAt: 0,
    });
    await getDb().messages.put(
      messageRow('m1', 't1', {
        prospectId: 'ada',
        subject: 'Later',
        status: 'scheduled',
        scheduledAt: due,
        sentAt: due,
      }),
    );
    await show();
    await vi.waitFor(() => expect($('.plist button')).toBeTruthy());
    await click(dom.host.querySelector<HTMLElement>('.plist button')!);
    await vi.waitFor(() => expect($('[data-testid=scheduled-badge]')?.textContent).toBe('scheduled, not sent yet'));
    expect($('.timeline .meta')!.textContent).toContain('You scheduled');
    await vi.waitFor(() => expect($('[data-testid=scheduled-badge]')?.textContent).toBe('scheduled send'), {
      timeout: 3000,
    });
    expect($('.timeline .meta')!.textContent).toContain('You wrote');
  });

  it('merge two by hand: compare, merge, the merged prospect opens with the undo; undo', async () => {
    await show();
    await vi.waitFor(() => expect(button('Merge two…')).toBeTruthy());
    await click(button('Merge two…'));
    expect(dom.host.textContent).toContain('Pick two prospects who are one person (0 of 2).');
    await click(byLabel('Pick Ada Lovelace'));
    await click(byLabel('Pick Bob Stone'));
    expect(dom.host.textContent).toContain('Two picked.');
    await click(button('Compare'));
    await vi.waitFor(() => expect($('[data-testid=merge-left]')?.textContent).toBe('Ada Lovelace'));
    await click(button('Merge into one'));
    await vi.waitFor(() =>
      expect($('[data-testid=merge-status]')?.textContent).toContain('Merged Bob Stone and Ada Lovelace.'),
    );
    await vi.waitFor(() => expect(name()).toBe('Ada Lovelace'));
    expect(await getDb().prospects.count()).toBe(1);
    await click(button('Undo'));
    await vi.waitFor(() =>
      expect($('[data-testid=merge-status]')?.textContent).toContain(
        'Merge undone: Bob Stone and Ada Lovelace are two prospects again.',
      ),
    );
    expect(await getDb().prospects.count()).toBe(2);
    await click(button('Dismiss'));
    expect($('[data-testid=merge-status]')).toBeNull();
  });
});
