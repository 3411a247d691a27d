// Every key Sidelog keeps in extension storage (storage.local: the extension's own, never the
// site's, never synced), in one registry with lib/storage/items.ts: here the names, key families
// (one key per captured event, per invitation…) and who writes and who reads each; there the typed
// WXT storage items of the fixed keys the background and the pages use. Anything new stored gets
// its key here first.
//
// Imports nothing: the content scripts use these names with storage.local directly, because WXT's
// storage module costs each content script about 9 KB (lib/storage/items.ts is for the background
// and the pages; .dependency-cruiser.cjs keeps lib/capture off it).

// ---------------------------------------------------------------------------------------------
// Background and extension pages (typed items in items.ts)

/**
 * The settings (lib/schema/settings.ts): written by lib/settings.ts (the Settings tab; the
 * background as it learns the user's own ids). Content scripts read its `tracking` switch raw
 * (lib/capture/tracking.ts).
 */
export const SETTINGS_KEY = 'settings';

/**
 * Set while a schema upgrade runs: written by lib/db/db.ts when an upgrade starts, removed once the
 * upgraded database is open; read by components/Loading.tsx, so every page waiting on the database
 * can say why. Free of Dexie: the popup's first chunk reads it.
 */
export const UPGRADE_KEY = 'db:upgrading';
export interface UpgradeNotice {
  toVersion: number;
  startedAt: number;
  /** Share of the running step done (0–1), when the step reports it (the v3 → v4 step does). */
  progress?: number;
}

/** The popup's last numbers, for its first frame (lib/insights/popup-cache.ts; dropped by lib/insights/forget-popup-cache.ts). */
export const POPUP_CACHE_KEY = 'popup:last-numbers';

// ---------------------------------------------------------------------------------------------
// Content scripts (lib/capture): the outbox, and what the Gmail and LinkedIn scripts remember

/**
 * One key per captured event not yet acknowledged, `outbox:<site>:<event id>`, value an OutboxEntry
 * (lib/capture/outbox.ts): written by the content scripts, drained by the background when a tab
 * left some behind (lib/background/capture-handler.ts).
 */
export const OUTBOX_PREFIX = 'outbox:';

/** Gmail: message id → thread names of each logged send, across reloads (item `gmailSentThreads`, local-items.ts; lib/capture/gmail/memory.ts). */
export const GMAIL_SENT_THREADS_KEY = 'gmail:sent-threads';
/** Gmail: message id → ScheduledEntry of each scheduled message not yet sent or cancelled (item `gmailScheduled`, local-items.ts; lib/capture/gmail/scheduled.ts). */
export const GMAIL_SCHEDULED_KEY = 'gmail:scheduled';

/** LinkedIn: the viewer's own member id, once a page showed it (written and read by lib/capture/linkedin/viewer.ts). */
export const LINKEDIN_VIEWER_KEY = 'linkedin:viewer';
/** LinkedIn: a person's name → the conversation and profile conversations showed them with (names.ts). */
export const LINKEDIN_NAMES_KEY = 'linkedin:names';

/**
 * LinkedIn invitations. The DOM layer holds an invitation it saw sent while the network layer may
 * still confirm it (`invite-fallback`, a HeldInvite, lib/capture/linkedin/invite-hold.ts; drained
 * by the background if the tab closes); it notes the template and profile of the note at the Send
 * click (`invite-note`, read by the background's webRequest observer, web-request.ts); the observer
 * writes `invite-confirmed` when it logged the invitation itself.
 */
export const INVITE_HOLD_PREFIX = 'linkedin:invite-fallback:';
export const holdKey = (noteKey: string) => `${INVITE_HOLD_PREFIX}${noteKey}`;
export const confirmedKey = (noteKey: string) => `linkedin:invite-confirmed:${noteKey}`;
export const noteInfoKey = (noteKey: string) => `linkedin:invite-note:${noteKey}`;
/** A profile whose invitation shows as pending, by profile URL (written and read by invitations.ts). */
export const pendingProfileKey = (profileUrl: string) => `linkedin:pending:${profileUrl}`;
/** A member whose invitation LinkedIn confirmed: written by the background (web-request.ts), read by the content script (invitations.ts). */
export const pendingMemberKey = (memberId: string) => `linkedin:pending-m:${memberId}`;
