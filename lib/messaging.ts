// The one typed messaging protocol between content scripts, pages and the background.
// Built on @webext-core/messaging (typed wrapper over runtime/tabs messaging, Chrome and Firefox).
// The background re-validates every payload with zod: types here are a promise, not a guarantee.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureEventInput } from './schema/events';

export interface CaptureAck {
  /** Event ids the background has dealt with (stored, merged, or rejected as malformed): drop them from the outbox. */
  acked: string[];
  rejected: number;
}

export interface InsertRequest {
  subject: string | null;
  body: string;
  templateId: string;
  templateVersion: number;
}

export interface InsertResult {
  ok: boolean;
  /** Why nothing was inserted (no compose open, no focused message box, …), shown to the user. */
  reason?: string;
}

/** What the active Gmail/LinkedIn tab is showing, so the panel can open that prospect. */
export interface PageContext {
  channel: 'gmail' | 'linkedin';
  threadExternalId?: string | null;
  profileUrl?: string | null;
  /** LinkedIn's member id, when the page names it: profile URLs come in two forms (public id or ACoA… id), the member id is one. */
  memberId?: string | null;
  emails?: string[];
  name?: string | null;
}

export interface ProtocolMap {
  /** content script → background: a batch of capture events; the reply acknowledges them. */
  capture(data: { events: CaptureEventInput[] }): CaptureAck;
  /** side panel → content script of the active tab: fill the focused compose with a template. */
  insertTemplate(data: InsertRequest): InsertResult;
  /** side panel → content script of the active tab. */
  getPageContext(): PageContext | null;
  /** LinkedIn content script → background: parse a response the page-world tap read (the
   *  window event's detail, lib/capture/linkedin/tap-protocol.ts); the reply is its capture events,
   *  which the content script checks and captures. Parsing there keeps the content scripts small. */
  parseLinkedInTap(detail: string): CaptureEventInput[];
  /** LinkedIn content script → background, the first time a page needs them: inject the page
   *  readers (entrypoints/linkedin-pages.ts) into the sender's frame; the reply comes once they ran
   *  (lib/capture/linkedin/readers-source.ts). */
  loadLinkedInReaders(): void;
  /** side panel or a content script's outbox → background, as it opens/starts: deliver events that
   *  tabs closed, reloaded or navigated away from before the background acknowledged them (they wait
   *  in storage), so the numbers about to show include them. */
  drainOutboxes(): void;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
