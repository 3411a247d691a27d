import { describe, expect, it } from 'vitest';
import { captureHealth } from '@/lib/ingest/health';

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
