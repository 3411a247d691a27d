// Typed items over extension storage.local for the content scripts (and anything else that wants
// one): a key from lib/storage/keys.ts, its value's type, get/set/remove. The same role as WXT's
// `storage.defineItem` (lib/storage/items.ts) without its ~9 KB, which every content script would
// carry. Each fixed key and key family is declared once, here or in items.ts; code outside
// lib/storage never writes a storage key as a string literal.
import { browser } from 'wxt/browser';
import { GMAIL_SCHEDULED_KEY, GMAIL_SENT_THREADS_KEY } from './keys';

/** The part of `browser.storage.local` an item needs (tests pass a fake). */
export type LocalArea = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

export interface LocalItem<T> {
  readonly key: string;
  /** The stored value, or null when there is none. */
  get(): Promise<T | null>;
  /** Stores `value`; null removes the key. */
  set(value: T | null): Promise<void>;
  remove(): Promise<void>;
}

/** A typed item for one key of lib/storage/keys.ts. Free of side effects (the annotation): a bundle
 *  drops the items it does not use, whoever declares them. */
/* @__NO_SIDE_EFFECTS__ */
export function localItem<T>(key: string, area: () => LocalArea = () => browser.storage.local): LocalItem<T> {
  return {
    key,
    get: async () => ((await area().get(key)) as Record<string, T | undefined>)[key] ?? null,
    set: async (value) => {
      if (value === null) await area().remove(key);
      else await area().set({ [key]: value });
    },
    remove: () => area().remove(key),
  };
}

/** A family of items, one key per id (`prefix + id`): e.g. one per invitation. */
/* @__NO_SIDE_EFFECTS__ */
export function localItemFamily<T>(keyOf: (id: string) => string, area?: () => LocalArea): (id: string) => LocalItem<T> {
  return (id) => localItem<T>(keyOf(id), area);
}

// Gmail
// What the Gmail capture remembers across reloads (lib/capture/gmail/memory.ts, scheduled.ts).

/** Message id -> thread names of each logged send. */
export const gmailSentThreads = localItem<Record<string, string[]>>(GMAIL_SENT_THREADS_KEY);

/** A scheduled message the Gmail capture follows until Gmail shows it sent or back in drafts. */
export interface ScheduledEntry {
  /** Due time (null: the request named none readable). */
  at: number | null;
  /** When the scheduling request started: a draft save begun before it is no cancel. */
  since: number;
}
/** Message id -> ScheduledEntry of each scheduled message not yet seen sent or cancelled. */
export const gmailScheduled = localItem<Record<string, ScheduledEntry>>(GMAIL_SCHEDULED_KEY);
