// What the Gmail capture remembers across reloads, through a store the content script passes in
// (extension storage, never the site's): the map helper both memories use, and the thread names of
// each logged send (the scheduled messages' memory is in scheduled.ts).
import type { MessageEventInput } from '../../schema/events';
import type { LocalItem } from '../../storage/local-items';

/** A map kept across reloads, loaded once at start and saved whole: a typed storage item
 *  (lib/storage/local-items.ts), or a fake in tests. */
export type MemoryStore<T> = Pick<LocalItem<Record<string, T>>, 'get' | 'set'>;

// Memories are saved at once (what one sync call teaches arrives together, so a microtask gathers
// it): a timer here lost the memory when the user reloaded Gmail within it, and the reply read
// after the reload then started a thread of its own.
/** A map kept across reloads in `store`: loaded once (`read` keeps what it recognises of a saved
 *  value; an entry set meanwhile wins), saved whole at the end of the task that changed it. */
export function createMemory<T>(store: MemoryStore<T> | undefined, read: (saved: T) => T | null) {
  const map = new Map<string, T>();
  let loaded = !store;
  let queued = false;
  return {
    map,
    /** Whether the saved entries are in. */
    loaded: () => loaded,
    /** Reads the store; `then` runs once it is read (or failed). */
    load(then?: () => void) {
      store
        ?.get()
        .then((saved) => {
          for (const [id, value] of Object.entries(saved ?? {})) {
            const v = read(value);
            if (v != null && !map.has(id)) map.set(id, v);
          }
        })
        .catch(() => undefined)
        .finally(() => {
          loaded = true;
          then?.();
        });
    },
    save() {
      if (!store || queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        store.set(Object.fromEntries(map)).catch(() => undefined);
      });
    },
  };
}

const SENT_THREADS_MAX = 500;

export type SentThreads = ReturnType<typeof createSentThreads>;

/** Which thread each logged send belongs to (message id -> thread names), so a reply read from the
 *  DOM alone links to the thread even when the thread view names it differently from the compose
 *  (`rt` thread-a:r… vs a legacy hex id). The thread scan waits for it to load. */
export function createSentThreads(store: MemoryStore<string[]> | undefined) {
  const memory = createMemory(store, (names) =>
    Array.isArray(names) ? names.filter((n) => typeof n === 'string').slice(0, 20) : null,
  );
  const { map } = memory;
  return {
    ...memory,
    remember(ev: MessageEventInput) {
      const names = [ev.threadExternalId, ...(ev.threadAliases ?? [])].filter((x): x is string => !!x);
      if (!names.length) return;
      for (const id of [ev.externalId, ...(ev.aliases ?? [])]) {
        if (!id.startsWith('msg-a:')) continue;
        map.delete(id);
        map.set(id, [...new Set([...(map.get(id) ?? []), ...names])].slice(0, 20));
      }
      while (map.size > SENT_THREADS_MAX) map.delete(map.keys().next().value!);
      memory.save();
    },
  };
}
