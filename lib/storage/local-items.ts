// Typed items over extension storage.local for the content scripts (and anything else that wants
// one): a key from lib/storage/keys.ts, its value's type, get/set/remove. The same role as WXT's
// `storage.defineItem` (lib/storage/items.ts) without its ~9 KB, which every content script would
// carry. Each fixed key and key family is declared once, here or in items.ts; code outside
// lib/storage never writes a storage key as a string literal.
import { browser } from 'wxt/browser';
import type { CaptureEventInput } from '../schema/events';
import {
  confirmedKey,
  GMAIL_SCHEDULED_KEY,
  GMAIL_SENT_THREADS_KEY,
  holdKey,
  LINKEDIN_NAMES_KEY,
  LINKEDIN_VIEWER_KEY,
  noteInfoKey,
  pendingMemberKey,
  pendingProfileKey,
} from './keys';

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
export function localItemFamily<T>(
  keyOf: (id: string) => string,
  area?: () => LocalArea,
): (id: string) => LocalItem<T> {
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

// LinkedIn
// The LinkedIn content script's items (lib/capture/linkedin; key names and who reads each in
// keys.ts). `area` is the storage they live in: storage.local by default, a fake in tests.

/** Where the conversation list's names were last seen (lib/capture/linkedin/names.ts). */
export interface LinkedInKnownName {
  threadId: string;
  memberId: string | null;
  profileUrl: string | null;
}

/** An invitation the DOM layer saw sent, held while the network layer may still confirm it (invite-hold.ts). */
export interface HeldInvite {
  event: CaptureEventInput;
  /** When the DOM layer logs it if the network layer has not confirmed it by then. */
  dueAt: number;
}

/** What the Send click in the invitation dialog notes for the network layer (read by web-request.ts). */
export interface InviteNoteInfo {
  at: number;
  templateId?: string;
  templateVersion?: number;
  name?: string;
  profileUrl?: string;
  memberId?: string;
  numericMemberId?: string;
}

export function linkedInItems(area?: () => LocalArea) {
  return {
    /** The viewer's own member id. */
    viewer: localItem<string>(LINKEDIN_VIEWER_KEY, area),
    /** Lower-cased name → where it was seen. */
    names: localItem<Record<string, LinkedInKnownName>>(LINKEDIN_NAMES_KEY, area),
    /** By profile URL (or `member:<id>`): when the invitation was seen pending. */
    pendingProfile: localItemFamily<number>(pendingProfileKey, area),
    /** By member id: when LinkedIn confirmed an invitation (written by the background). */
    pendingMember: localItemFamily<number>(pendingMemberKey, area),
    /** By note key (ids.ts noteKey): the invitation held for the network layer's confirmation. */
    inviteHold: localItemFamily<HeldInvite>(holdKey, area),
    /** By note key: when the network layer logged the invitation itself (written by the background). */
    inviteConfirmed: localItemFamily<number>(confirmedKey, area),
    /** By note key: the template and profile noted at the Send click. */
    inviteNote: localItemFamily<InviteNoteInfo>(noteInfoKey, area),
  };
}
export type LinkedInItems = ReturnType<typeof linkedInItems>;
