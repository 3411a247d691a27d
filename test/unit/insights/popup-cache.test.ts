// The popup's kept numbers: shown in its first frame only while nothing changed since they were
// computed, and only on the day they were computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PopupSummary } from '@/lib/analytics/popup';
import { notifyDbChanged } from '@/lib/db/changes';
import { forgetPopupCacheOnChanges } from '@/lib/insights/forget-popup-cache';
import { readPopupCache, writePopupCache } from '@/lib/insights/popup-cache';
import { updateSettings } from '@/lib/settings';

const summary: PopupSummary = {
  today: { gmail: 3, linkedin: 2, calls: 1 },
  last30: { k: 4, n: 10, rate: 0.4, lo: 0.17, hi: 0.69 },
  last30Positive: { k: 1, n: 10, rate: 0.1, lo: 0.02, hi: 0.4 },
  best: null,
  bestStatus: 'too-early',
  ahead: null,
  minSample: 10,
};
const noon = new Date(2026, 10, 27, 12).getTime();
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('popup cache', () => {
  // As the background and the side panel wire it at start.
  let off = () => {};
  beforeAll(() => void (off = forgetPopupCacheOnChanges()));
  afterAll(() => off());

  it('gives back today’s numbers, and none the next day', async () => {
    writePopupCache(summary, noon);
    await settle();
    expect(await readPopupCache(noon + 3_600_000)).toEqual(summary);
    expect(await readPopupCache(noon + 13 * 3_600_000)).toBeNull(); // 01:00 the next day
  });

  it('is not reused once a scheduled message falls due (the numbers change with no new data)', async () => {
    writePopupCache(summary, noon, noon + 600_000);
    await settle();
    expect(await readPopupCache(noon + 599_000)).toEqual(summary);
    expect(await readPopupCache(noon + 600_000)).toBeNull();
  });

  it('is dropped by any "db changed" notification (a capture, an edit, an import)', async () => {
    writePopupCache(summary, noon);
    await settle();
    notifyDbChanged({ tables: ['messages'] });
    await settle();
    expect(await readPopupCache(noon)).toBeNull();
  });

  it('is dropped when the settings its numbers depend on change', async () => {
    writePopupCache(summary, noon);
    await settle();
    await updateSettings({ replyWindowDays: 14 });
    await settle();
    expect(await readPopupCache(noon)).toBeNull();
  });
});
