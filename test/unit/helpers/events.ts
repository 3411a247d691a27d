// Builders for capture events in unit tests. Defaults describe a plausible Gmail send.
import type { MessageEventInput } from '@/lib/schema/events';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schema/settings';

let n = 0;
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export function gmailSend(over: Partial<MessageEventInput> = {}): MessageEventInput {
  n++;
  return {
    eventId: `ev-${n}-${Math.random().toString(36).slice(2)}`,
    type: 'message',
    channel: 'gmail',
    layer: 'network',
    direction: 'outbound',
    kind: 'email',
    externalId: `msg-a:r-${n}`,
    aliases: [],
    threadExternalId: `thread-a:r-${n}`,
    threadAliases: [],
    from: { email: 'me@seller.io', name: 'Me' },
    to: [{ email: 'ada@acme.com', name: 'Ada Lovelace' }],
    cc: [],
    subject: 'Quick question',
    text: 'Hi Ada, would you have 15 minutes next week?',
    sentAt: T0,
    rfcMessageId: `<CA${n}@mail.gmail.com>`,
    inReplyTo: [],
    template: null,
    ...over,
  };
}

export function gmailInbound(over: Partial<MessageEventInput> = {}): MessageEventInput {
  return gmailSend({
    direction: 'inbound',
    externalId: `msg-f:${Math.floor(Math.random() * 1e15)}`,
    from: { email: 'ada@acme.com', name: 'Ada Lovelace' },
    to: [{ email: 'me@seller.io' }],
    subject: 'Re: Quick question',
    text: 'Sure, Tuesday works.',
    sentAt: T0 + 3_600_000,
    rfcMessageId: null,
    ...over,
  });
}

export function settings(over: Partial<Settings> = {}): Settings {
  return structuredClone({
    ...DEFAULT_SETTINGS,
    identities: { emails: ['me@seller.io'], linkedinMemberIds: ['ACoAAME'], linkedinProfileUrls: [] },
    ...over,
  });
}
