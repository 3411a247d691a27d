// Outreach units: the threads that count for reply rates (DESIGN.md, "What the numbers mean").
// Built from Thread.summary (kept by ingestion), so 20k threads cost one pass and no message reads.
import type { Channel, Prospect, Template, Thread } from '../schema/model';

const DAY = 86_400_000;

export type AnalyticsThread = Pick<Thread, 'id' | 'channel' | 'prospectIds' | 'subject' | 'summary'>;
export type AnalyticsProspect = Pick<
  Prospect,
  'id' | 'name' | 'company' | 'title' | 'seniority' | 'industry' | 'location' | 'companySize' | 'stage' | 'dealValue' | 'traits'
>;
export type AnalyticsTemplate = Pick<Template, 'id' | 'name' | 'tags' | 'version' | 'archived'>;

export interface Filters {
  /** First touch at or after this instant (ms), inclusive. */
  from?: number | null;
  /** First touch before this instant (ms), exclusive. */
  to?: number | null;
  channel?: Channel | null;
  /** Only threads whose first-touch template carries this tag. */
  tag?: string | null;
}

export interface Unit {
  threadId: string;
  channel: Channel;
  /** The thread's first prospect: traits and funnel are read from them. */
  prospectId: string;
  prospectIds: string[];
  subject: string | null;
  firstTouchAt: number;
  templateId: string | null;
  templateVersion: number | null;
  /** A bounce came back: the unit leaves the reply-rate denominator. */
  bounced: boolean;
  autoReplies: number;
  /** An inbound human message within the reply window of the first touch. */
  replied: boolean;
  /** A human reply came, but after the window: not a reply for the rates. */
  repliedLate: boolean;
  replyAt: number | null;
  creditTemplateId: string | null;
  creditTemplateVersion: number | null;
  creditStep: number | null;
  outboundCount: number;
  lastOutboundAt: number;
  lastInboundAt: number | null;
  awaitingUser: boolean;
}

/** Threads whose first written message is outbound to a prospect, with the reply window applied. */
export function buildUnits(
  threads: readonly AnalyticsThread[],
  replyWindowDays: number,
  templates: readonly AnalyticsTemplate[] = [],
  filters: Filters = {},
): Unit[] {
  const windowMs = replyWindowDays * DAY;
  const tagged = filters.tag ? new Set(templates.filter((t) => t.tags.includes(filters.tag!)).map((t) => t.id)) : null;
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const out: Unit[] = [];
  for (const t of threads) {
    const s = t.summary;
    if (!s || s.firstDirection !== 'outbound' || s.firstOutboundAt === null || t.prospectIds.length === 0) continue;
    if (filters.channel && t.channel !== filters.channel) continue;
    if (s.firstOutboundAt < from || s.firstOutboundAt >= to) continue;
    if (tagged && !(s.firstTemplateId && tagged.has(s.firstTemplateId))) continue;
    const hasReply = s.firstReplyAt !== null;
    const inWindow = hasReply && s.firstReplyAt! - s.firstOutboundAt <= windowMs;
    out.push({
      threadId: t.id,
      channel: t.channel,
      prospectId: t.prospectIds[0],
      prospectIds: t.prospectIds,
      subject: t.subject,
      firstTouchAt: s.firstOutboundAt,
      templateId: s.firstTemplateId,
      templateVersion: s.firstTemplateVersion,
      bounced: s.bounced,
      autoReplies: s.autoReplyCount,
      replied: inWindow,
      repliedLate: hasReply && !inWindow,
      replyAt: inWindow ? s.firstReplyAt : null,
      creditTemplateId: inWindow ? s.replyCreditTemplateId : null,
      creditTemplateVersion: inWindow ? s.replyCreditTemplateVersion : null,
      creditStep: inWindow ? s.replyCreditStep : null,
      outboundCount: s.outboundCount,
      lastOutboundAt: s.lastOutboundAt ?? s.firstOutboundAt,
      lastInboundAt: s.lastInboundAt,
      awaitingUser: s.awaitingUser,
    });
  }
  return out;
}

/** Units that count in reply-rate denominators: bounced threads leave it. */
export const countable = (units: readonly Unit[]) => units.filter((u) => !u.bounced);
