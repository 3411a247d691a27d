import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localItem, localItemFamily } from '@/lib/storage/local-items';

describe('localItem', () => {
  it('reads null when absent, stores, and removes on null', async () => {
    const item = localItem<{ a: number }>('test:key');
    expect(await item.get()).toBeNull();
    await item.set({ a: 1 });
    expect(await fakeBrowser.storage.local.get('test:key')).toEqual({ 'test:key': { a: 1 } });
    expect(await item.get()).toEqual({ a: 1 });
    await item.set(null);
    expect(await item.get()).toBeNull();
    await item.set({ a: 2 });
    await item.remove();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a family keys each member by its id', async () => {
    const fam = localItemFamily<string>((id) => `fam:${id}`);
    await fam('x').set('one');
    await fam('y').set('two');
    expect(await fam('x').get()).toBe('one');
    expect(fam('y').key).toBe('fam:y');
  });
});
