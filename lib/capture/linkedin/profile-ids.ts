// The ids a profile page carries besides its slug, read passively from what the page already has:
// - SDUI (2024-26): every profile card's `componentkey` names the member id,
//   `com.linkedin.sdui.profile.card.ref<ACoAA…>Topcard` (also About, ExperienceTopLevelSection,
//   ContactInfoDetailSection), and the page's streamed RSC data names the numeric id in the
//   invitation action it offers (`"inviteeUrn":{"memberId":"<n>"}`,
//   `state:invitation:urn:li:member:<n>`) next to the slug (`profileCanonicalUrl`,
//   `inviteeVanityName`);
// - classic (Ember): the API responses the page booted with sit as JSON in hidden `<code>`
//   elements; the Profile entity with `publicIdentifier: <slug>` has `entityUrn:
//   urn:li:fsd_profile:ACoAA…` and `objectUrn: urn:li:member:<n>` (test/fixtures/linkedin/
//   profile-classic-code-2023.json, a real capture); while an invitation from the viewer is pending,
//   the same data holds it as an Invitation entity, `entityUrn: urn:li:fsd_invitation:<n>`,
//   `*inviteeMemberResolutionResult: urn:li:fsd_profile:ACoAA…`, `invitationType: SENT` (as
//   geekloomstudio/linkedin-scraper data/samples/get_profile_after_connection_request.md shows it at
//   b3a9bb7232f84d0d66a853bdea79d5d14f293ca1): the id the Dash withdraw call names.
// Read only: text of elements, never a request, never a write.
import * as SEL from './selectors';

export interface PageIds {
  memberId: string | null;
  numericMemberId: string | null;
  /** A pending invitation from the viewer to this member (`urn:li:fsd_invitation:<n>`). */
  invitationId?: string | null;
}

/** A 39-character fsd_profile id followed by the card name (member ids are 39 characters in practice). */
const CARD_KEY = /\.ref(ACo[A-Za-z0-9_-]{36})(?=[A-Z])/;
/** Fallback for ids of another length: up to a known card suffix. */
const CARD_KEY_LOOSE =
  /\.ref(ACo[A-Za-z0-9_-]{10,}?)(?:Topcard|About|ExperienceTopLevelSection|EducationTopLevelSection|ContactInfoDetailSection|Activity|Featured|Skills|Interests)/;

/** The member id named by the page's own profile cards (SDUI `componentkey`). */
export function memberIdFromCardKeys(scope: ParentNode): string | null {
  const keys = [...scope.querySelectorAll(SEL.profileCardKey)].map((el) => el.getAttribute('componentkey') ?? '');
  // The top card names this very profile; other cards of the profile too. Never another prefix.
  keys.sort((a, b) => Number(/Topcard/i.test(b)) - Number(/Topcard/i.test(a)));
  for (const k of keys) {
    const m = CARD_KEY.exec(k) ?? CARD_KEY_LOOSE.exec(k);
    if (m) return m[1]!;
  }
  return null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Walks parsed JSON for the entity whose publicIdentifier is `slug` (classic `<code>` data). */
function idsFromJson(root: Json, slug: string): PageIds | null {
  let found: PageIds | null = null;
  const invitations = new Map<string, string>();
  const visit = (v: Json, depth: number) => {
    if (depth > 30 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const inv = typeof v.entityUrn === 'string' ? /^urn:li:fsd_invitation:(\d{1,25})$/.exec(v.entityUrn)?.[1] : null;
    const invitee =
      inv && v.invitationType !== 'RECEIVED' && v.invitationState !== 'ACCEPTED'
        ? /urn:li:fsd_profile:(ACo[A-Za-z0-9_-]{10,})/.exec(
            JSON.stringify(v['*inviteeMemberResolutionResult'] ?? v.inviteeMemberResolutionResult ?? v.invitee ?? ''),
          )?.[1]
        : null;
    if (inv && invitee) invitations.set(invitee, inv);
    if (found) return;
    if (typeof v.publicIdentifier === 'string' && v.publicIdentifier.toLowerCase() === slug) {
      const urn = typeof v.entityUrn === 'string' ? v.entityUrn : '';
      const member = /urn:li:(?:fsd_profile|fs_miniProfile|fs_profile):(ACo[A-Za-z0-9_-]{10,})/.exec(urn)?.[1] ?? null;
      const obj =
        typeof v.objectUrn === 'string' ? (/^urn:li:member:(\d{1,15})$/.exec(v.objectUrn)?.[1] ?? null) : null;
      if (member || obj) found = { memberId: member, numericMemberId: obj };
      return;
    }
    for (const k of Object.keys(v)) visit(v[k]!, depth + 1);
  };
  visit(root, 0);
  const f = found as PageIds | null;
  if (f?.memberId && invitations.has(f.memberId)) f.invitationId = invitations.get(f.memberId)!;
  return f;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ids near the slug in streamed data (SDUI RSC payloads in inline scripts, JSON strings escaped
 * once or twice): the invitation action for this profile names both the canonical URL and the
 * numeric id; the fsd_profile URN sits close by. Closest occurrence wins.
 */
function idsNearSlug(text: string, slug: string): PageIds | null {
  const anchors = new RegExp(
    `(?:inviteeVanityName|publicIdentifier|vanityName)\\\\*"\\s*:\\s*\\\\*"${esc(slug)}\\\\*"|linkedin\\.com(?:\\\\?/)+in(?:\\\\?/)+${esc(slug)}(?![A-Za-z0-9_-])`,
    'gi',
  );
  let best: { d: number; memberId: string | null; numericMemberId: string | null } | null = null;
  for (const a of text.matchAll(anchors)) {
    const at = a.index!;
    const from = Math.max(0, at - 1500);
    const near = text.slice(from, at + 1500);
    const mid = at - from;
    const closest = (re: RegExp) => {
      let pick: { v: string; d: number } | null = null;
      for (const m of near.matchAll(re)) {
        const d = Math.abs(m.index! - mid);
        if (!pick || d < pick.d) pick = { v: m[1]!, d };
      }
      return pick;
    };
    const member = closest(/urn:li:fsd_profile:(ACo[A-Za-z0-9_-]{10,})/g);
    const numeric = closest(/urn:li:member:(\d{1,15})(?!\d)/g) ?? closest(/memberId\\*"\s*:\s*\\*"?(\d{1,15})(?!\d)/g);
    if (!member && !numeric) continue;
    const d = Math.min(member?.d ?? Infinity, numeric?.d ?? Infinity);
    if (!best || d < best.d) best = { d, memberId: member?.v ?? null, numericMemberId: numeric?.v ?? null };
  }
  return best ? { memberId: best.memberId, numericMemberId: best.numericMemberId } : null;
}

/** Results per document and slug once both ids are found: the page's data is megabytes of text. */
const found = new WeakMap<Document, Map<string, PageIds>>();

/** Member id and numeric id of the profile `slug` from the page's embedded data (`<code>`, inline scripts). */
export function idsInPageData(doc: Document, slug: string): PageIds {
  const cached = found.get(doc)?.get(slug.toLowerCase());
  if (cached) return { ...cached };
  const out: PageIds = { memberId: null, numericMemberId: null };
  const fill = (ids: PageIds | null) => {
    if (!ids) return;
    out.memberId ??= ids.memberId;
    out.numericMemberId ??= ids.numericMemberId;
    if (ids.invitationId) out.invitationId ??= ids.invitationId;
  };
  const s = slug.toLowerCase();
  for (const el of doc.querySelectorAll(SEL.pageData)) {
    if (out.memberId && out.numericMemberId) break;
    const text = el.textContent ?? '';
    if (text.length > 3_000_000 || !text.toLowerCase().includes(s)) continue;
    const trimmed = text.trim();
    if (el.tagName === 'CODE' && trimmed.startsWith('{')) {
      try {
        fill(idsFromJson(JSON.parse(trimmed) as Json, s));
        continue;
      } catch {
        /* not JSON: read it as text below */
      }
    }
    fill(idsNearSlug(text, s));
  }
  if (out.memberId && out.numericMemberId) (found.get(doc) ?? found.set(doc, new Map()).get(doc)!).set(s, { ...out });
  return out;
}
