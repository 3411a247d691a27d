import { z } from 'zod';

export const Settings = z.object({
  tracking: z.object({ gmail: z.boolean(), linkedin: z.boolean() }),
  /** Mail to or from these domains (e.g. the user's own company) is never logged. */
  excludedDomains: z.array(z.string().min(1).max(253)).max(500),
  /** A reply counts only if it comes within this many days of the first touch. */
  replyWindowDays: z.number().int().min(1).max(365),
  /** Below this many threads a rate says "too early". */
  minSample: z.number().int().min(1).max(1000),
  /**
   * LinkedIn never says when an invitation is ignored or expires: one still pending after this many
   * days counts as not accepted (lib/analytics/acceptance.ts).
   */
  invitePendingDays: z.number().int().min(1).max(365).default(21),
  /** The user's own identities, learned from the pages (never typed). */
  identities: z.object({
    emails: z.array(z.string().max(320)).max(50),
    linkedinMemberIds: z.array(z.string().max(200)).max(20),
    linkedinProfileUrls: z.array(z.string().max(500)).max(20),
  }),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  tracking: { gmail: true, linkedin: true },
  excludedDomains: [],
  replyWindowDays: 30,
  minSample: 10,
  invitePendingDays: 21,
  identities: { emails: [], linkedinMemberIds: [], linkedinProfileUrls: [] },
};
