import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { trackingFilter } from '@/lib/capture/tracking';
import type { CaptureEventInput } from '@/lib/schema/events';
import { gmailSend } from '../helpers/events';

const health: CaptureEventInput = {
  eventId: 'h',
  type: 'health',
  channel: 'linkedin',
  layer: 'dom',
  recognised: 1,
  failed: 0,
};

describe('trackingFilter (content scripts honour the per-site switch)', () => {
  it('keeps everything while on, only health reports while off, and follows changes', async () => {
    const send = gmailSend({ channel: 'linkedin' });
    const filter = trackingFilter('linkedin');
    expect(filter([send, health])).toEqual([send, health]);
    await fakeBrowser.storage.local.set({ settings: { tracking: { gmail: true, linkedin: false } } });
    await vi.waitFor(() => expect(filter([send, health])).toEqual([health]));
    expect(filter.on()).toBe(false);
    await fakeBrowser.storage.local.set({ settings: { tracking: { gmail: false, linkedin: true } } });
    await vi.waitFor(() => expect(filter([send, health])).toEqual([send, health]));
  });
  it('reads the stored switch at start', async () => {
    await fakeBrowser.storage.local.set({ settings: { tracking: { gmail: false, linkedin: true } } });
    const filter = trackingFilter('gmail');
    await vi.waitFor(() => expect(filter([gmailSend()])).toEqual([]));
  });
});
