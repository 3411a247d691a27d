// @vitest-environment happy-dom
// components/views/TemplatesView.tsx over its real data layer (lib/insights/templates.ts on
// fake-indexeddb): the numbers come from the Dashboard's read with n and interval, the preview
// follows the person chosen, and an action says what it did and refreshes the list.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplatesView } from '@/components/views/TemplatesView';
import { getDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import { dropHeldFacts } from '@/lib/insights/facts-store';
import { createTemplate } from '@/lib/templates/store';
import { T0, gmailInbound, gmailSend, settings } from '../../helpers/events';
import { reactRoot } from '../../helpers/react';

const dom = reactRoot();
const card = (name: string) => dom.host.querySelector<HTMLElement>(`article[aria-label="${name}"]`);
const button = (name: string) =>
  [...dom.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  dropHeldFacts(db);
});

describe('TemplatesView', () => {
  it("shows each template's numbers with n and interval, fills the preview for the person chosen, archives", async () => {
    const db = getDb();
    const intro = await createTemplate(db, {
      name: 'Intro',
      channel: 'email',
      subject: null,
      body: 'Hi {{firstName|there}}, a quick one.',
      tags: ['cold'],
    });
    await createTemplate(db, { name: 'Unused', channel: 'linkedin', subject: null, body: 'Hello', tags: [] });
    const sent = gmailSend({ template: { id: intro.id, version: 1 } });
    await ingestEvents({ db, settings: settings(), now: () => T0 }, [
      sent,
      gmailInbound({ threadExternalId: sent.threadExternalId }),
    ]);

    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await dom.render(
      <QueryClientProvider client={qc}>
        <TemplatesView />
      </QueryClientProvider>,
    );
    // Cards and their numbers arrive from two reads (library, dashboard data): wait for both.
    await vi.waitFor(
      () => {
        expect(card('Intro')?.querySelector('[data-testid=template-rate]')).toBeTruthy();
        expect(card('Unused')?.querySelector('[data-testid=template-numbers]')).toBeTruthy();
      },
      { timeout: 5000 },
    );
    expect(card('Intro')!.querySelector('[data-testid=template-numbers]')!.textContent).toBe(
      '1 of 1 replied (100%) · 1 message sent',
    );
    expect(card('Intro')!.querySelector('[data-testid=template-rate]')!.textContent).toBe(
      '95% interval 21%–100% (n = 1) · too early',
    );
    expect(card('Unused')!.querySelector('[data-testid=template-numbers]')!.textContent).toBe(
      'Not used as a first touch yet · 0 messages sent',
    );
    expect(card('Unused')!.querySelector('[data-testid=template-rate]')).toBeNull();

    // No Gmail/LinkedIn tab here: the preview uses the fallbacks until someone is chosen.
    const who = [...dom.host.querySelectorAll('select')].find((s) => s.id.endsWith('-who'))!;
    await vi.waitFor(() =>
      expect([...who.options].map((o) => o.textContent)).toEqual([
        'Current tab (no prospect found)',
        'Nobody (fallbacks)',
        'Ada Lovelace',
      ]),
    );
    expect(card('Intro')!.textContent).toContain('Hi there, a quick one.');
    await act(() => {
      who.value = who.options[2].value;
      who.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(card('Intro')!.textContent).toContain('Hi Ada, a quick one.');

    await act(async () => button('Archive Unused').click());
    await vi.waitFor(() => expect(card('Unused')).toBeNull());
    await vi.waitFor(() => expect(dom.host.querySelector('[role=status]')?.textContent).toBe('Archived "Unused".'));
    expect(dom.host.textContent).toContain('Show archived (1)');
  });
});
