// lib/insights/query-keys.ts and query-client.ts: one key per read, every key under the prefixes a
// "db changed" notification invalidates, one refetch per burst of notifications.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyDbChanged, type DbChange } from '@/lib/db/changes';
import { followDbChanges, invalidateAfterDbChange, invalidateAfterTemplateChange } from '@/lib/insights/query-client';
import { dbDependentKeys, queryKeys } from '@/lib/insights/query-keys';

/** Every key the factory makes (with sample arguments), by name. */
const leaves = (): [string, readonly unknown[]][] => [
  ['dashboard', queryKeys.dashboard()],
  ['templates.all', queryKeys.templates.all()],
  ['prospects.list', queryKeys.prospects.list()],
  ['prospects.detail', queryKeys.prospects.detail('p1')],
  ['prospects.timeline', queryKeys.prospects.timeline('p1')],
  ['prospects.mergePreview', queryKeys.prospects.mergePreview('p1', 'p2')],
  ['prospects.recent', queryKeys.prospects.recent()],
  ['classification', queryKeys.classification()],
  ['pageProspect.panel', queryKeys.pageProspect('panel')],
  ['pageProspect.insert', queryKeys.pageProspect('insert')],
  ['settings', queryKeys.settings()],
  ['captureStatus', queryKeys.captureStatus()],
];

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((x, i) => key[i] === x);

describe('queryKeys', () => {
  it('lists every key of the factory in this test (a new key must be added here)', () => {
    const names = (o: object, at: string[] = []): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'function' ? [[...at, k].join('.')] : Array.isArray(v) ? [] : names(v, [...at, k]),
      );
    expect(names(queryKeys).sort()).toEqual(
      [...new Set(leaves().map(([n]) => n.replace(/\.(panel|insert)$/, '')))].sort(),
    );
  });

  it('gives every read its own key, and the same key for the same read', () => {
    const all = leaves().map(([, k]) => JSON.stringify(k));
    expect(new Set(all).size).toBe(all.length);
    expect(queryKeys.prospects.detail('a')).toEqual(queryKeys.prospects.detail('a'));
    expect(queryKeys.prospects.detail('a')).not.toEqual(queryKeys.prospects.detail('b'));
  });

  it('puts every key under a prefix the "db changed" notification invalidates', () => {
    for (const [name, key] of leaves())
      expect(
        dbDependentKeys().some((p) => startsWith(key, p)),
        name,
      ).toBe(true);
  });

  it('is the only place a key is written: no key by hand in lib/, components/ or entrypoints/, none at all in the components', () => {
    const root = path.resolve(__dirname, '../../..');
    const files = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    const byHand = (f: string) => /queryKey:\s*\[/.test(readFileSync(path.join(root, f), 'utf8'));
    const all = ['lib', 'components', 'entrypoints'].flatMap(files);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(byHand)).toEqual([]);
    // Components and entrypoints take query options (and invalidations) from lib/insights.
    expect(
      ['components', 'entrypoints']
        .flatMap(files)
        .filter((f) => readFileSync(path.join(root, f), 'utf8').includes('queryKey')),
    ).toEqual([]);
  });
});

/** A client holding data under every factory key and one key of nobody's. */
function seeded() {
  const qc = new QueryClient();
  for (const [, key] of leaves()) qc.setQueryData(key, 1);
  qc.setQueryData(['not-from-the-db'], 1);
  const stale = () =>
    leaves()
      .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
      .map(([n]) => n);
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
