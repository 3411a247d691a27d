// lib/insights/query-keys.ts and query-client.ts: one key per read, every key under the prefixes a
// "db changed" notification invalidates, one refetch per burst of notifications.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyDbChanged, type DbChange } from '../../lib/db/changes';
import { followDbChanges, invalidateAfterDbChange, invalidateAfterTemplateChange } from '../../lib/insights/query-client';
import { dbDependentKeys, queryKeys } from '../../lib/insights/query-keys';

/** Every key the factory makes (with sample arguments), by name. */
const leaves = (): [string, readonly unknown[]][] => [
  ['dashboard', queryKeys.dashboard()],
  ['templates.all', queryKeys.templates.all()],
  ['prospects.list', queryKeys.prospects.list()],
  ['prospects.detail', queryKeys.prospects.detail('p1')],
  ['prospects.timeline', queryKeys.prospects.timeline('p1')],
  ['prospects.mergePreview', queryKeys.prospects.mergePreview('p1', 'p2')],
  ['prospects.recent', queryKeys.prospects.recent()],
  ['pageProspect.panel', queryKeys.pageProspect('panel')],
  ['pageProspect.insert', queryKeys.pageProspect('insert')],
  ['settings', queryKeys.settings()],
  ['captureStatus', queryKeys.captureStatus()],
];

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((x, i) => key[i] === x);

describe('queryKeys', () => {
  it('lists every key of the factory in this test (a new key must be added here)', () => {
    const names = (o: object, at: string[] = []): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'function' ? [[...at, k].join('.')] : Array.isArray(v) ? [] : names(v, [...at, k])));
    expect(names(queryKeys).sort()).toEqual([...new Set(leaves().map(([n]) => n.replace(/\.(panel|insert)$/, '')))].sort());
  });

  it('gives every read its own key, and the same key for the same read', () => {
    const all = leaves().map(([, k]) => JSON.stringify(k));
    expect(new Set(all).size).toBe(all.length);
    expect(queryKeys.prospects.detail('a')).toEqual(queryKeys.prospects.detail('a'));
    expect(queryKeys.prospects.detail('a')).not.toEqual(queryKeys.prospects.detail('b'));
  });

  it('puts every key under a prefix the "db changed" notification invalidates', () => {
    for (const [name, key] of leaves()) expect(dbDependentKeys().some((p) => startsWith(key, p)), name).toBe(true);
  });

  it('keeps the keys the Prospects and Settings tabs and the lead import still write by hand', () => {
    // components/views/ProspectsView.tsx, SettingsView.tsx and components/leads/ImportLeads.tsx have
    // not moved to the factory yet: its keys are theirs, so both spellings are one cache entry.
    expect(queryKeys.all).toEqual(['insights']);
    expect(queryKeys.prospects.list()).toEqual(['insights', 'prospect-list']);
    expect(queryKeys.prospects.detail('x')).toEqual(['insights', 'prospect', 'x']);
    expect(queryKeys.prospects.timeline('x')).toEqual(['insights', 'timeline', 'x']);
    expect(queryKeys.templates.all()).toEqual(['insights', 'templates']);
    expect(queryKeys.settings()).toEqual(['settings']);
    expect(queryKeys.captureStatus()).toEqual(['status']);
  });
});

/** A client holding data under every factory key and one key of nobody's. */
function seeded() {
  const qc = new QueryClient();
  for (const [, key] of leaves()) qc.setQueryData(key, 1);
  qc.setQueryData(['not-from-the-db'], 1);
  const stale = () => leaves().filter(([, key]) => qc.getQueryState(key)?.isInvalidated).map(([n]) => n);
  return { qc, stale };
}

describe('invalidation', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('after a db change: every read of the panel, nothing else', async () => {
    const { qc, stale } = seeded();
    await invalidateAfterDbChange(qc);
    expect(stale()).toEqual(leaves().map(([n]) => n));
    expect(qc.getQueryState(['not-from-the-db'])?.isInvalidated).toBe(false);
  });

  it('after a template write: the library and the dashboard data (hence the Templates tab numbers)', async () => {
    const { qc, stale } = seeded();
    await invalidateAfterTemplateChange(qc);
    expect(stale()).toEqual(['dashboard', 'templates.all']);
  });

  it('one refetch per burst of notifications', async () => {
    vi.useFakeTimers();
    const { qc, stale } = seeded();
    let emit: (c: DbChange) => void = () => {};
    const off = followDbChanges(qc, { subscribe: (l) => ((emit = l), () => (emit = () => {})) });
    const spy = vi.spyOn(qc, 'invalidateQueries');
    for (let i = 0; i < 5; i++) emit({ tables: ['messages'] });
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(spy).toHaveBeenCalledTimes(dbDependentKeys().length);
    expect(stale()).toHaveLength(leaves().length);
    // Unsubscribed with a burst pending: nothing more happens.
    emit({ tables: ['messages'] });
    off();
    await vi.advanceTimersByTimeAsync(1000);
    expect(spy).toHaveBeenCalledTimes(dbDependentKeys().length);
  });

  it('follows the real notification (BroadcastChannel)', async () => {
    const { qc, stale } = seeded();
    const off = followDbChanges(qc, { delayMs: 0 });
    notifyDbChanged({ tables: ['templates'] });
    await vi.waitFor(() => expect(stale()).toHaveLength(leaves().length));
    off();
  });
});
