// First capture layer for LinkedIn: the background observes the request bodies of LinkedIn's own
// send calls with chrome.webRequest (observe only: no blocking, no header access, nothing
// modified) and reports a send once the response status confirms it. The page cannot see this
// layer, and it does not depend on LinkedIn's DOM.
//
// webRequest cannot read responses, so a send carries only what its request had: the originToken
// (our externalId), the conversation URN (normalised by ids.ts exactly as the DOM layer does) and
// the text. The DOM sighting of the same message (with LinkedIn's message id) is joined by
// ingestion's fallback: same thread, same direction, same normalised text, within 5 minutes.
// A first message to someone (no conversation yet) names the thread `with:<memberId>`; the DOM
// layer adds the same alias to 1:1 conversations whose participant link carries the member id.
import type { CaptureEventInput } from '../../schema/events';
import {
  decodeBody,
  parseEditRequest,
  parseRecallRequest,
  parseSendRequest,
  parseWithdrawRequest,
  type ObservedSend,
} from './requests';
import { oneToOneThreadAlias, inviteThreadId, noteKey, canonicalProfileUrl, decodeMessageId } from './ids';
import { linkedInItems, type LinkedInItems } from '../../storage/local-items';

/** The slice of chrome.webRequest this observer uses (injectable for unit tests). */
export interface WebRequestApi {
  onBeforeRequest: {
    addListener(cb: (d: BeforeRequestDetails) => void, filter: { urls: string[] }, extra?: string[]): void;
  };
  onCompleted: { addListener(cb: (d: CompletedDetails) => void, filter: { urls: string[] }): void };
  onErrorOccurred: { addListener(cb: (d: ErrorDetails) => void, filter: { urls: string[] }): void };
}
export interface BeforeRequestDetails {
  requestId: string;
  url: string;
  method: string;
  timeStamp: number;
  tabId?: number;
  requestBody?: { raw?: { bytes?: ArrayBuffer }[]; formData?: Record<string, string[]>; error?: string } | null;
}
export interface CompletedDetails {
  requestId: string;
  url: string;
  statusCode: number;
  timeStamp: number;
}
export interface ErrorDetails {
  requestId: string;
  url: string;
  error: string;
  timeStamp: number;
}

/** Only LinkedIn's send endpoints: the observer never sees (or wakes up for) the rest of the site's traffic. */
export const LINKEDIN_SEND_URLS = [
  'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages*',
  'https://www.linkedin.com/voyager/api/messaging/conversations*',
  'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashMemberRelationships*',
  'https://www.linkedin.com/voyager/api/growth/normInvitations*',
  'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request*',
  // Invitation withdrawals in their Dash and older forms (requests.ts parseWithdrawRequest).
  'https://www.linkedin.com/voyager/api/voyagerRelationshipsDashInvitations/*',
  'https://www.linkedin.com/voyager/api/relationships/invitations/*',
];

/**
 * What the user's own recall, edit or withdraw call means once LinkedIn accepted it (pure; exported
 * for unit tests): a recall retracts the message; an edit is an edited sighting of it (its first
 * text stays the message's: lib/ingest/linkedin-lifecycle.ts); a withdrawal marks the invitation.
 */
export function changeToEvents(
  url: string,
  body: unknown,
  at: number,
  newId: () => string,
): CaptureEventInput[] | null {
  const recalled = parseRecallRequest(url, body);
  if (recalled)
    return [{ eventId: newId(), type: 'retract', channel: 'linkedin', layer: 'network', externalId: recalled }];
  const edit = parseEditRequest(url, body);
  if (edit) {
    const d = decodeMessageId(edit.messageId);
    return [
      {
        eventId: newId(),
        type: 'message',
        channel: 'linkedin',
        layer: 'network',
        direction: 'outbound',
        kind: 'linkedin-message',
        externalId: edit.messageId,
        threadExternalId: d?.threadId ?? null,
        from: {},
        text: edit.text.slice(0, 20_000),
        sentAt: Math.round(d?.epochMs ?? at),
        edited: true,
      },
    ];
  }
  const w = parseWithdrawRequest(url, body);
  return w
    ? [
        {
          eventId: newId(),
          type: 'invitation-withdrawn',
          channel: 'linkedin',
          layer: 'network',
          person: w,
          at: Math.round(at),
        },
      ]
    : null;
}

const MAX_PENDING = 200;

/** Builds the capture events for a confirmed send (pure; exported for unit tests). */
export function sendToEvents(
  send: ObservedSend,
  opts: {
    requestId: string;
    sentAt: number;
    newId: () => string;
    template?: { id: string; version: number | null } | null;
  },
): CaptureEventInput[] {
  const to = send.recipients.map((r) => {
    const p: { memberId?: string; profileUrl?: string; name?: string; numericMemberId?: string } = {};
    if (r.memberId) p.memberId = r.memberId;
    if (r.numericMemberId) p.numericMemberId = r.numericMemberId;
    if (r.profileUrl) p.profileUrl = r.profileUrl;
    if (r.name) p.name = r.name;
    return p;
  });
  let threadExternalId = send.threadId;
  const threadAliases: string[] = [];
  if (send.kind === 'linkedin-invite') {
    threadExternalId = inviteThreadId(send.recipients[0] ?? {});
    // Every other name of the same invitation thread, so the DOM layer's sighting (by profile) and
    // this one (by whichever ids the request had) meet.
    const r0 = send.recipients[0] ?? {};
    for (const alt of [
      r0.memberId ? inviteThreadId({ memberId: r0.memberId }) : null,
      r0.numericMemberId ? inviteThreadId({ numericMemberId: r0.numericMemberId }) : null,
    ]) {
      if (alt && alt !== threadExternalId && !threadAliases.includes(alt)) threadAliases.push(alt);
    }
  } else if (!threadExternalId && send.recipients.length === 1 && send.recipients[0]!.memberId) {
    threadExternalId = oneToOneThreadAlias(send.recipients[0]!.memberId);
  }
  const externalId =
    send.originToken ?? `${send.kind}:${threadExternalId ?? 'unknown'}:${opts.requestId}:${opts.sentAt}`;
  const from: { memberId?: string } = {};
  if (send.viewerMemberId) from.memberId = send.viewerMemberId;
  const events: CaptureEventInput[] = [
    {
      eventId: opts.newId(),
      type: 'message',
      channel: 'linkedin',
      layer: 'network',
      direction: 'outbound',
      kind: send.kind,
      externalId,
      aliases: [],
      threadExternalId,
      threadAliases,
      from,
      to,
      subject: send.subject,
      text: send.text.slice(0, 20_000),
      sentAt: Math.round(opts.sentAt),
      template: opts.template ?? null,
    },
  ];
  if (send.viewerMemberId) {
    events.push({
      eventId: opts.newId(),
      type: 'identity',
      channel: 'linkedin',
      layer: 'network',
      person: { memberId: send.viewerMemberId },
    });
  }
  return events;
}

/**
 * Registers the webRequest listeners. Call synchronously from the background's main() (listeners
 * must exist before the event that wakes the worker is dispatched).
 */
export function observeLinkedInSends(
  emit: (events: CaptureEventInput[]) => void,
  api: WebRequestApi = (globalThis as unknown as { chrome: { webRequest: WebRequestApi } }).chrome.webRequest,
  newId: () => string = () => crypto.randomUUID(),
  /**
   * The extension storage shared with the content script: what it noted about an invitation note
   * at Send (template, profile), and where confirmed invitations are noted for it.
   */
  items: Pick<LinkedInItems, 'inviteNote' | 'inviteConfirmed' | 'pendingMember'> = linkedInItems(),
): void {
  const remember = (item: { set(v: number): Promise<void> }, value: number) =>
    void item.set(value).catch(() => undefined);
  const pending = new Map<string, { send: ObservedSend; at: number }>();
  /** Recalls, edits and withdrawals waiting for LinkedIn's answer: their events, by request. */
  const changes = new Map<string, CaptureEventInput[]>();
  const filter = { urls: LINKEDIN_SEND_URLS };
  const health = (recognised: number, failed: number, lastError: string | null) =>
    emit([{ eventId: newId(), type: 'health', channel: 'linkedin', layer: 'network', recognised, failed, lastError }]);

  api.onBeforeRequest.addListener(
    (d) => {
      if (d.method !== 'POST') return;
      let send: ObservedSend | null = null;
      try {
        const raw = d.requestBody?.raw?.map((r) => r.bytes).filter((b): b is ArrayBuffer => !!b) ?? [];
        const body = decodeBody(raw, d.requestBody?.formData ?? null);
        send = parseSendRequest(d.url, body);
        const change = send ? null : changeToEvents(d.url, body, d.timeStamp, newId);
        if (change) {
          if (changes.size >= MAX_PENDING) changes.delete(changes.keys().next().value!);
          changes.set(d.requestId, change);
          return;
        }
        if (!send && isSendUrl(d.url)) health(0, 1, `unreadable body: ${shortUrl(d.url)}`);
      } catch (e) {
        health(0, 1, `parse error: ${(e as Error).message}`.slice(0, 200));
        return;
      }
      if (!send) return;
      if (send.kind !== 'linkedin-invite' && !send.text.trim()) return; // attachments-only etc.
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
      pending.set(d.requestId, { send, at: d.timeStamp });
    },
    filter,
    ['requestBody'],
  );
  api.onCompleted.addListener(async (d) => {
    const change = changes.get(d.requestId);
    if (change) {
      changes.delete(d.requestId);
      // The user recalled or edited a message, or withdrew an invitation: once LinkedIn agreed.
      if (d.statusCode >= 200 && d.statusCode < 300) emit(change);
      return;
    }
    const p = pending.get(d.requestId);
    if (!p) return;
    pending.delete(d.requestId);
    if (d.statusCode < 200 || d.statusCode >= 300) {
      // LinkedIn refused it (quota, CSRF, …): nothing was sent, so nothing is logged.
      return;
    }
    // An invitation without a note is no outreach text (nothing to log), but its acceptance matters.
    if (p.send.kind !== 'linkedin-invite' || p.send.text.trim()) {
      let template: { id: string; version: number | null } | null = null;
      if (p.send.kind === 'linkedin-invite') {
        // The content script noted the template and profile of this note when the user clicked Send.
        const key = noteKey(p.send.text);
        const note = (await items
          .inviteNote(key)
          .get()
          .catch(() => null)) as InviteNote | null;
        if (note && typeof note.at === 'number' && Math.abs(note.at - (p.at || d.timeStamp)) < 10 * 60_000) {
          if (note.templateId)
            template = {
              id: String(note.templateId),
              version: typeof note.templateVersion === 'number' ? note.templateVersion : null,
            };
          const r = p.send.recipients[0] ?? (p.send.recipients[0] = {});
          if (!r.profileUrl && note.profileUrl) r.profileUrl = canonicalProfileUrl(note.profileUrl) ?? undefined;
          if (!r.name && note.name) r.name = note.name;
          if (!r.memberId && note.memberId) r.memberId = note.memberId;
          if (!r.numericMemberId && typeof note.numericMemberId === 'string' && /^\d{1,15}$/.test(note.numericMemberId))
            r.numericMemberId = note.numericMemberId;
        }
        // Tells the content script this invitation is logged, so its DOM fallback stays quiet.
        remember(items.inviteConfirmed(key), Math.round(d.timeStamp));
      }
      emit(sendToEvents(p.send, { requestId: d.requestId, sentAt: p.at || d.timeStamp, newId, template }));
      health(1, 0, null);
    }
    if (p.send.kind === 'linkedin-invite') {
      // So a later profile visit showing "· 1st" can report the acceptance, wherever the invitation was sent from.
      for (const r of p.send.recipients)
        if (r.memberId) remember(items.pendingMember(r.memberId), Math.round(p.at || d.timeStamp));
    }
  }, filter);
  api.onErrorOccurred.addListener((d) => {
    pending.delete(d.requestId);
    changes.delete(d.requestId);
  }, filter);
}

interface InviteNote {
  at?: unknown;
  templateId?: unknown;
  templateVersion?: unknown;
  profileUrl?: string;
  name?: string;
  memberId?: string;
  numericMemberId?: string;
}

function isSendUrl(url: string): boolean {
  return /action=createMessage|verifyQuotaAndCreate|addaAddConnection|messaging\/conversations.*action=create/.test(
    url,
  );
}

function shortUrl(url: string): string {
  return url.replace(/^https:\/\/www\.linkedin\.com/, '').slice(0, 120);
}
