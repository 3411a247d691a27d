import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db/db';
import { captureHealth, loadCaptureStatus } from '@/lib/ingest/health';
import { STATS_KEY } from '@/lib/ingest/stats';

const NOW = Date.UTC(2026, 10, 27, 12);
const row = (over: Partial<Parameters<typeof captureHealth>[0] & object> = {}) => ({
  recognised: 10,
  failed: 0,
  lastError: null,
  lastAt: NOW - 5 * 60_000,
  lastFailedAt: null,
  ...over,
});

describe('captureHealth', () => {
  it('says so when nothing was ever seen', () => {
    expect(captureHealth(null, null, NOW)).toEqual({
      state: 'idle',
      text: expect.stringContaining('nothing seen yet'),
    });
  });
  it('sums both layers and says when it last worked', () => {
    const h = captureHealth(row(), row({ recognised: 5, lastAt: NOW - 30_000 }), NOW);
    expect(h.state).toBe('working');
    expect(h.text).toBe('working — 15 items recognised, last just now');
  });
  it('is degraded while a layer failed in the last week, naming the last error', () => {
    const h = captureHealth(
      row(),
      row({ failed: 3, lastError: 'fd response shape unknown', lastFailedAt: NOW - 86_400_000 }),
      NOW,
    );
    expect(h).toEqual({
      state: 'degraded',
      text: 'degraded: 3 items seen by the page but not parsed (last: fd response shape unknown)',
    });
  });
  it('old failures no longer make it degraded', () => {
    expect(captureHealth(row({ failed: 2, lastFailedAt: NOW - 8 * 86_400_000 }), null, NOW).state).toBe('working');
  });
});

describe('loadCaptureStatus', () => {
  it('reads the counters and each site layer, never the rest of meta (the facts)', async () => {
    const db = openDb('health-status');
    try {
      await db.meta.bulkPut([
        { key: STATS_KEY, value: { malformed: 3 } },
        { key: 'health:gmail:network', value: row({ recognised: 4 }) },
        {
          key: 'health:linkedin:dom',
          value: row({ failed: 1, lastFailedAt: NOW - 60_000, lastError: 'no thread id' }),
        },
        { key: 'facts', value: { big: 'x'.repeat(100_000) } },
      ]);
      const whole = vi.spyOn(db.meta, 'toArray');
      const status = await loadCaptureStatus(db, NOW);
      expect(whole).not.toHaveBeenCalled();
      expect(status.stats.malformed).toBe(3);
      expect(status.gmail.text).toMatch(/^working — 4 items recognised/);
      expect(status.linkedin.state).toBe('degraded');
      expect(status.counts).toEqual({ messages: 0, threads: 0, prospects: 0 });
    } finally {
      db.close();
      await db.delete();
    }
  });
});
