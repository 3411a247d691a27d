// lib/insights/settings.ts: the Settings tab's reads under their factory keys, and a change of
// settings stored and shown at once.
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/db';
import { queryKeys } from '@/lib/insights/query-keys';
import { captureStatusQuery, saveSettings, settingsQuery } from '@/lib/insights/settings';
import { DEFAULT_SETTINGS } from '@/lib/schema/settings';
import { getSettings } from '@/lib/settings';
import { prospectRow } from '../helpers/rows';

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('Settings reads and write', () => {
  it('the settings under their key; a change is stored and in the cache at once', async () => {
    const qc = new QueryClient();
    expect(settingsQuery().queryKey).toEqual(queryKeys.settings());
    expect(await qc.fetchQuery(settingsQuery())).toEqual(DEFAULT_SETTINGS);
    const s = await saveSettings(qc, { replyWindowDays: 14 });
    expect(s.replyWindowDays).toBe(14);
    expect((await getSettings()).replyWindowDays).toBe(14);
    expect(qc.getQueryData(queryKeys.settings())).toEqual(s);
    await expect(saveSettings(qc, { replyWindowDays: 0 })).rejects.toThrow();
    expect((qc.getQueryData(queryKeys.settings()) as typeof s).replyWindowDays).toBe(14);
  });

  it('the capture status under its key, looked at again every 10 s', async () => {
    await getDb().prospects.put(prospectRow('p1'));
    const q = captureStatusQuery();
    expect([q.queryKey, q.refetchInterval]).toEqual([queryKeys.captureStatus(), 10_000]);
    const st = await new QueryClient().fetchQuery(q);
    expect(st.counts).toEqual({ messages: 0, threads: 0, prospects: 1 });
    expect(st.gmail.state).not.toBe('working');
  });
});
