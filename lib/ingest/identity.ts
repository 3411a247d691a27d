// The user's own ids (settings.identities): learned from `identity` events before a batch's unit of
// work, and asked by every handler, so the user never becomes their own prospect and mail to
// themselves is not outreach.
import type { CapturedPerson } from '../schema/events';
import type { Settings } from '../schema/settings';
import { canonicalProfileUrl, normEmail } from '../records/keys';

/** Adds what a page says about the user to their identities; true if anything was new. */
export function learnIdentity(ids: Settings['identities'], p: CapturedPerson): boolean {
  const add = (list: string[], v: string | null | undefined) => !!v && !list.includes(v) && list.push(v) > 0;
  const a = add(ids.emails, normEmail(p.email));
  const b = add(ids.linkedinMemberIds, p.memberId);
  const c = add(ids.linkedinProfileUrls, canonicalProfileUrl(p.profileUrl));
  return a || b || c;
}

/** Whether a person a page names is the user (by email, LinkedIn member id or profile). */
export function isSelf(settings: Settings, p: CapturedPerson): boolean {
  const ids = settings.identities;
  const email = normEmail(p.email);
  if (email && ids.emails.includes(email)) return true;
  if (p.memberId && ids.linkedinMemberIds.includes(p.memberId)) return true;
  const url = canonicalProfileUrl(p.profileUrl);
  return !!url && ids.linkedinProfileUrls.includes(url);
}
