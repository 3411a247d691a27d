// @vitest-environment happy-dom
// "Loading…" says why when a schema upgrade holds the database (lib/storage/keys.ts UPGRADE_KEY).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Loading } from '@/components/Loading';
import { UPGRADE_KEY } from '@/lib/storage/keys';
import { reactRoot } from '../helpers/react';

const dom = reactRoot();
const notice = () => dom.host.querySelector('[data-testid=upgrade-notice]');

describe('Loading', () => {
  it('is a plain "Loading…" when no upgrade runs', async () => {
    await dom.render(<Loading />);
    await new Promise((r) => setTimeout(r, 10));
    expect(dom.host.textContent).toBe('Loading…');
    expect(notice()).toBeNull();
  });

  it('explains an upgrade in progress, also one that starts after it is shown, and stops when it ends', async () => {
    await dom.render(<Loading label="Loading templates…" />);
    await act(() => fakeBrowser.storage.local.set({ [UPGRADE_KEY]: { toVersion: 2, startedAt: Date.now() } }));
    await vi.waitFor(() => expect(notice()?.textContent).toMatch(/updating its stored data.*nothing is lost/));
    await act(() => fakeBrowser.storage.local.remove(UPGRADE_KEY));
    await vi.waitFor(() => expect(notice()).toBeNull());
    expect(dom.host.textContent).toBe('Loading templates…');
  });

  it('shows how far the upgrade is when the step reports it', async () => {
    await dom.render(<Loading />);
    await act(() =>
      fakeBrowser.storage.local.set({ [UPGRADE_KEY]: { toVersion: 4, startedAt: Date.now(), progress: 0.4 } }),
    );
    await vi.waitFor(() =>
      expect(dom.host.querySelector('[data-testid=upgrade-progress]')?.textContent).toBe('40% done'),
    );
    expect(dom.host.querySelector('progress')?.getAttribute('value')).toBe('0.4');
    await act(() => fakeBrowser.storage.local.remove(UPGRADE_KEY));
    await vi.waitFor(() => expect(notice()).toBeNull());
  });

  it('ignores a notice left over from an upgrade that never finished', async () => {
    await fakeBrowser.storage.local.set({ [UPGRADE_KEY]: { toVersion: 2, startedAt: Date.now() - 3_600_000 } });
    await dom.render(<Loading />);
    await new Promise((r) => setTimeout(r, 10));
    expect(notice()).toBeNull();
  });
});
