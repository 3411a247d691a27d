// What the Gmail capture remembers across reloads, through a store the content script passes in
// (extension storage, never the site's): here the thread names of each logged send; the scheduled
// messages are in scheduled.ts.
import type { MessageEventInput } from '../../schema/events';
import type { LocalItem } from '../../storage/local-items';

/** A map kept across reloads, loaded once at start and saved whole: a typed storage item
 *  (lib/storage/local-items.ts), or a fake in tests. */
export type MemoryStore<T> = Pick<LocalItem<Record<string, T>>, 'get' | 'set'>;

// Memories are saved at once (what one sync call teaches arrives together, so a microtask gathers
// it): a timer here lost the memory when the user reloaded Gmail within it, and the reply read
// after the reload then started a thread of its own.
/** A function that saves `map` to `store` at the end of the current task. */
export function saver<T>(store: MemoryStore<T> | undefined, map: Map<string, T>): () => void {
  let queued = false;
  return () => {
    if (!store || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      store.set(Object.fromEntries(map)).catch(() => undefined);
    });
  };
}

const SENT_THREADS_MAX = 500;

export type SentThreads = ReturnType<typeof createSentThreads>;

/** Which thread each logged send belongs to (message id -> thread names), so a reply read from the
 *  DOM alone links to the thread even when the thread view names it differently from the compose
 *  (`rt` thread-a:r… vs a legacy hex id). */
export function createSentThreads(store: MemoryStore<string[]> | undefined) {
  const map = new Map<string, string[]>();
  let loaded = !store;
  const save = saver(store, map);
  return {
    map,
    /** Whether the saved names are in (the thread scan waits for them). */
    loaded: () => loaded,
    load() {
      store
        ?.get()
        .then((saved) => {
          for (const [id, names] of Object.entries(saved ?? {})) if (Array.isArray(names) && !map.has(id)) map.set(id, names.filter((n) => typeof n === 'string').slice(0, 20));
        })
        .catch(() => undefined)
        .finally(() => (loaded = true));
    },
    remember(ev: MessageEventInput) {
      const names = [ev.threadExternalId, ...(ev.threadAliases ?? [])].filter((x): x is string => !!x);
      if (!names.length) return;
      for (const id of [ev.externalId, ...(ev.aliases ?? [])]) {
        if (!id.startsWith('msg-a:')) continue;
        map.delete(id);
        map.set(id, [...new Set([...(map.get(id) ?? []), ...names])].slice(0, 20));
      }
      while (map.size > SENT_THREADS_MAX) map.delete(map.keys().next().value!);
      save();
    },
  };
}
