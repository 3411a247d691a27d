// @vitest-environment happy-dom
// components/insights/Popup.tsx with its hook (use-popup.ts): the kept numbers in the first frame,
// marked as not fresh, then the recomputed ones; an error says so; the button opens the side panel
// of the popup's window. lib/insights/popup.ts is replaced by a controllable stand-in.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupSummary } from '@/lib/analytics/popup';
import { reactRoot } from '../../helpers/react';

const lib = vi.hoisted(() => ({
  recompute: null as null | { resolve: (s: PopupSummary) => void; reject: (e: unknown) => void },
  opened: [] as (number | undefined)[],
}));
vi.mock('@/lib/insights/popup', () => ({
  freshPopupNumbers: () => new Promise((resolve, reject) => (lib.recompute = { resolve, reject })),
  currentWindowId: async () => 42,
  openSidePanel: (windowId: number | undefined) => {
    lib.opened.push(windowId);
    return Promise.resolve();
  },
}));
const { Popup } = await import('@/components/insights/Popup');

const summary = (sent: number, k: number): PopupSummary => ({
  today: { gmail: sent, linkedin: 0, calls: 0 },
  last30: { k, n: 10, rate: k / 10, lo: 0, hi: 1 },
  last30Positive: { k: 0, n: 10, rate: 0, lo: 0, hi: 0.28 },
  best: null,
  bestStatus: 'none',
  ahead: null,
  minSample: 10,
});
const dom = reactRoot();
const text = (id: string) => dom.host.querySelector(`[data-testid=${id}] .stat-value`)?.textContent;
const stats = () => dom.host.querySelector('.stats');

beforeEach(() => {
  lib.recompute = null;
  lib.opened = [];
});

describe('Popup', () => {
  it('shows the kept numbers at once, busy, then the recomputed ones', async () => {
    await dom.render(<Popup cached={summary(3, 2)} />);
    expect(text('popup-today')).toBe('3');
    expect(stats()?.getAttribute('data-fresh')).toBe('false');
    expect(stats()?.getAttribute('aria-busy')).toBe('true');
    // The recompute starts after the kept numbers are painted.
    await vi.waitFor(() => expect(lib.recompute).not.toBeNull());
    await act(async () => lib.recompute!.resolve(summary(4, 5)));
    expect(text('popup-today')).toBe('4');
    expect(text('popup-rate')).toBe('50%');
    expect(stats()?.getAttribute('data-fresh')).toBe('true');
  });

  it('without kept numbers: "Loading…", then the numbers; a failed read says so', async () => {
    await dom.render(<Popup />);
    expect(dom.host.textContent).toContain('Loading…');
    await vi.waitFor(() => expect(lib.recompute).not.toBeNull());
    await act(async () => lib.recompute!.reject(new Error('the database is gone')));
    expect(dom.host.querySelector('.notice.error')?.textContent).toBe('Error: the database is gone');
  });

  it('opens the side panel of its window and closes', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    await dom.render(<Popup cached={summary(1, 1)} />);
    await act(async () => {}); // the window id arrives
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button.open')!.click());
    expect(lib.opened).toEqual([42]);
    expect(close).toHaveBeenCalledOnce();
    close.mockRestore();
  });
});
