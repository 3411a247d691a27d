// @vitest-environment happy-dom
// components/leads/ImportLeads.tsx over its hooks (components/leads/use-import-leads.ts) and data
// layer (lib/insights/prospects.ts on fake-indexeddb): a refused file says why and reads nothing,
// a CSV goes to the mapping screen whose preview follows what is typed after a pause, the import
// writes and says what it did.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportLeads } from '@/components/leads/ImportLeads';
import { getDb } from '@/lib/db/db';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import { prospectRow } from '../../helpers/rows';
import { reactRoot } from '../../helpers/react';

const dom = reactRoot();
const $ = (testid: string) => dom.host.querySelector<HTMLElement>(`[data-testid=${testid}]`);
const button = (text: string) => [...dom.host.querySelectorAll('button')].find((b) => b.textContent === text);

async function pick(file: File) {
  const input = dom.host.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
}

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
  const onClose = vi.fn();
  await dom.render(
    <QueryClientProvider client={new QueryClient()}>
      <ImportLeads onClose={onClose} />
    </QueryClientProvider>,
  );
});

describe('ImportLeads', () => {
  it('an empty file is refused with why', async () => {
    await pick(new File([], 'empty.csv'));
    expect($('lead-file-error')?.textContent).toBe('This file is empty.');
  });

  it('a CSV: mapping and preview (matched against the stored prospects), then the import', async () => {
    await getDb().prospects.put(
      prospectRow('p1', { name: 'Ada Lovelace', emails: ['ada@acme.com'], keys: ['email:ada@acme.com'] }),
    );
    await pick(
      new File(['Email,Name,Company\nada@acme.com,Ada Lovelace,Acme\nbob@beta.io,Bob Stone,Beta\n'], 'Q4 list.csv'),
    );
    await vi.waitFor(() =>
      expect($('lead-summary')?.textContent).toBe('1 new · 1 matched (1 gain details) · 0 skipped'),
    );
    expect($('lead-file-summary')!.textContent).toBe('Q4 list.csv: 2 rows, 3 columns');
    // A lead source typed: the import waits for the preview, which follows after a pause.
    const source = dom.host.querySelector<HTMLInputElement>('input[aria-label="Lead source for rows without one"]')!;
    expect(source.value).toBe('Q4 list');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(source, 'Conference');
      source.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(button('Import 2 leads')?.disabled).toBe(true);
    await vi.waitFor(() => expect(button('Import 2 leads')?.disabled).toBe(false));
    await act(async () => button('Import 2 leads')!.click());
    await vi.waitFor(() =>
      expect($('lead-import-done')?.textContent).toBe(
        'Imported Q4 list.csv: 1 new prospect, 1 completed, 0 rows skipped.',
      ),
    );
    expect((await getDb().prospects.toArray()).map((p) => [p.name, p.company, p.traits['lead source']]).sort()).toEqual(
      [
        ['Ada Lovelace', 'Acme', 'Conference'],
        ['Bob Stone', 'Beta', 'Conference'],
      ],
    );
    expect(button('Reply rate by lead source →')).toBeTruthy();
  });
});
