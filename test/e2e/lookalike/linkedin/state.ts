// Server-side state of the LinkedIn look-alike and the payload builders that mirror LinkedIn's
// own shapes (Dash messenger / GraphQL, realtime DecoratedEvent), built from the TextsHQ captures
// in test/fixtures/linkedin and the 2025-26 shapes public clients read.
import { randomUUID } from 'node:crypto';

export interface LiPerson {
  memberId: string; // ACoAA…: messaging, realtime, SDUI component keys, classic embedded data
  numericId: string; // urn:li:member:<n>: invitations, messaging participants' backendUrn
  publicId: string; // the slug of /in/<slug>/
  firstName: string;
  lastName: string;
  headline: string;
  title: string;
  company: string;
  location: string;
  degree: 1 | 2 | 3;
  pending: boolean;
  layout: 'sdui' | 'classic';
  /** The company page of their current position (a slug of LiState.companies), when linked. */
  companySlug?: string;
  /** Shown on the contact info overlay (`/in/<slug>/overlay/contact-info/`). */
  email?: string;
  /**
   * What the conversation header shows under the name: the headline, or a presence line as real
   * builds do when the person is (or was recently) online.
   */
  presence?: 'headline' | 'active' | 'mobile' | 'available' | 'online-dot';
}

/** A company page (`/company/<slug>/`, About tab), in the Ember `org-*` markup. */
export interface LiCompany {
  slug: string;
  numericId: string;
  name: string;
  industry: string;
  /** As the About tab writes it ("51-200 employees"); the top card abbreviates ("51-200 employees", "1K-5K employees"). */
  size: string;
  topCardSize: string;
  headquarters: string;
  followers: string;
  /** UI language of the page's labels. */
  locale?: 'en' | 'de';
}

export interface LiMessage {
  id: string; // 2-…
  text: string;
  sender: string; // memberId
  at: number;
  originToken: string | null;
  /**
   * The other party of a message LinkedIn wrote on the viewer's behalf: the invitation note shown
   * as the first message after acceptance has the viewer as sender and the invitee as `actor`
   * (test/fixtures/linkedin/graphql-invite-note-first-message-2025.json).
   */
  actor?: string;
  /**
   * Its author recalled it ("Delete"): LinkedIn keeps the item as a tombstone, empty, with
   * `messageBodyRenderFormat: "RECALLED"`; or edited it: the new text, `"EDITED"` (the values
   * mautrix/linkedin reads, pkg/linkedingo/messages.go at 525a6e31944c40be102552b7e6a0176aa7c96247).
   */
  recalled?: boolean;
  edited?: boolean;
}

export interface LiThread {
  uuid: string;
  id: string; // 2-base64(uuid)
  other: string; // memberId of the other participant (1:1)
  messages: LiMessage[];
}

export interface LiState {
  viewer: LiPerson;
  people: LiPerson[];
  companies: LiCompany[];
  /** Invitation notes sent, by invitee member id (shown as the first message once accepted). */
  invitations: {
    to: string;
    note: string | null;
    at: number;
    /** `urn:li:fsd_invitation:<id>` */ id: string;
    withdrawn?: boolean;
  }[];
  threads: LiThread[];
  /** Every createMessage / invitation body the look-alike received (for assertions). */
  received: { url: string; body: unknown }[];
  /** The SDUI action id the invitation dialog posts to (a future build may rename it). */
  inviteSduiId?: string;
  /**
   * How the page reads /realtime/connect: a streamed fetch or an EventSource (both are seen in
   * clients of LinkedIn's realtime API). Unset: the test hands events to the page directly.
   */
  realtimeClient?: 'fetch' | 'eventsource';
  /** Where that client runs: the page itself, or the hidden /preload/ frame (for its parent). */
  realtimeFrame?: 'page' | 'preload';
  /** Realtime envelopes waiting for the page's next read of /realtime/connect. */
  realtimeQueue: unknown[];
}

const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');

export function threadIdOf(uuid: string): string {
  return '2-' + b64(uuid);
}

export function newMessageId(threadUuid: string, at: number): string {
  const rand = String(Math.floor(Math.random() * 90000) + 10000);
  return '2-' + b64(`${at}b${rand}-001&${threadUuid}`);
}

/** An invitation id as LinkedIn's are (19 digits, `urn:li:fsd_invitation:<id>`). */
export function newInvitationId(): string {
  return '72' + String(Date.now()).slice(-10) + String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
}

export function memberIdFor(seed: string): string {
  // Same alphabet and length as real ACoAA… ids (39 chars).
  const base = Buffer.from(seed.padEnd(27, seed))
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x');
  return ('ACoAA' + base).slice(0, 39);
}

/** A stable numeric member id per slug (8-9 digits, as real ones are). */
export function numericIdFor(seed: string): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return String(10_000_000 + (h % 890_000_000));
}

export function person(p: Partial<LiPerson> & { firstName: string; lastName: string; publicId: string }): LiPerson {
  return {
    memberId: memberIdFor(p.publicId),
    numericId: numericIdFor(p.publicId),
    headline: '',
    title: '',
    company: '',
    location: '',
    degree: 2,
    pending: false,
    layout: 'sdui',
    ...p,
  };
}

export function newThread(state: LiState, other: LiPerson): LiThread {
  const uuid = `${randomUUID()}_012`;
  const t: LiThread = { uuid, id: threadIdOf(uuid), other: other.memberId, messages: [] };
  state.threads.unshift(t);
  return t;
}

export function findPerson(state: LiState, memberId: string): LiPerson | undefined {
  return memberId === state.viewer.memberId ? state.viewer : state.people.find((p) => p.memberId === memberId);
}

export const conversationUrn = (state: LiState, t: LiThread) =>
  `urn:li:msg_conversation:(urn:li:fsd_profile:${state.viewer.memberId},${t.id})`;
export const messageUrn = (state: LiState, m: LiMessage) =>
  `urn:li:msg_message:(urn:li:fsd_profile:${state.viewer.memberId},${m.id})`;

/** One message in today's Dash/GraphQL shape (messengerMessages elements, realtime result). */
/** A messaging participant as Dash/GraphQL writes it: ACoAA… URNs, a `/in/ACoAA…` profile URL, the numeric `backendUrn`. */
export function participant(state: LiState, s: LiPerson) {
  return {
    entityUrn: `urn:li:msg_messagingParticipant:urn:li:fsd_profile:${s.memberId}`,
    hostIdentityUrn: `urn:li:fsd_profile:${s.memberId}`,
    backendUrn: `urn:li:member:${s.numericId}`,
    participantType: {
      member: {
        firstName: { text: s.firstName },
        lastName: { text: s.lastName },
        profileUrl: `https://www.linkedin.com/in/${s.memberId}`,
        headline: { text: s.headline },
        distance: s === state.viewer ? 'SELF' : `DISTANCE_${s.degree}`,
      },
    },
  };
}

export function dashMessage(state: LiState, t: LiThread, m: LiMessage) {
  const s = findPerson(state, m.sender)!;
  const actor = m.actor ? findPerson(state, m.actor) : undefined;
  return {
    _type: 'com.linkedin.messenger.Message',
    entityUrn: messageUrn(state, m),
    backendUrn: `urn:li:messagingMessage:${m.id}`,
    deliveredAt: m.at,
    originToken: m.originToken,
    body: { _type: 'com.linkedin.pemberly.text.AttributedText', text: m.recalled ? '' : m.text, attributes: [] },
    messageBodyRenderFormat: m.recalled ? 'RECALLED' : m.edited ? 'EDITED' : 'DEFAULT',
    renderContentUnions: [],
    backendConversationUrn: `urn:li:messagingThread:${t.id}`,
    conversation: { entityUrn: conversationUrn(state, t) },
    sender: participant(state, s),
    ...(actor ? { actor: participant(state, actor) } : {}),
  };
}

export function graphqlMessages(state: LiState, t: LiThread) {
  return {
    data: {
      messengerMessagesBySyncToken: {
        elements: t.messages.map((m) => dashMessage(state, t, m)),
        metadata: { newSyncToken: randomUUID() },
      },
    },
  };
}

/** Realtime envelope as `/realtime/connect` streams it (topic messagesTopic, 2023+ decoration). */
export function realtimeMessageEvent(state: LiState, t: LiThread, m: LiMessage) {
  return {
    'com.linkedin.realtimefrontend.DecoratedEvent': {
      topic: 'urn:li-realtime:messagesTopic:urn:li-realtime:myself',
      publisherTrackingId: `urn:li:messagingMessage:${m.id}_urn:li:member:${findPerson(state, m.sender)!.numericId}`,
      leftServerAt: m.at + 40,
      id: randomUUID(),
      payload: { data: { doDecorateMessageMessengerRealtimeDecoration: { result: dashMessage(state, t, m) } } },
      trackingId: randomUUID().slice(0, 16),
    },
  };
}
