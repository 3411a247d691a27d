// Invitations as the DOM layer sees them: the Send click in the invitation dialog (its note and
// template, noted for the background's network layer, which sees the same note in the request
// body), the profile turning "Pending" (the invitation held while the network layer may still
// confirm it, logged by the DOM only if it does not), "Pending" turning back into Connect (a
// withdrawal) and into "· 1st" (an acceptance). What must outlive the tab is kept in extension
// storage: the hold (invite-hold.ts), the note, pending profiles and members.
import type { HeldInvite, InviteNoteInfo, LinkedInItems } from '../../storage/local-items';
import { toPerson, type CaptureContext } from './context';
import type { ProfileTraits } from './dom-read';
import { insertions, type Insertion } from './insert';
import { inviteThreadId, noteKey } from './ids';
import * as SEL from './selectors';
import { PENDING_LABEL } from './selectors';
import { withProfile } from './readers-source';
import type { Viewer } from './viewer';

export interface InvitationOptions {
  /** How long the DOM waits for the network layer to confirm an invitation before logging it itself. */
  fallbackMs?: number;
  /** The site's "log my outreach" switch: while off, no invitation is noted or held in storage. */
  tracking?: () => boolean;
  /** Reads the profile again soon (after a Send in the dialog: it should show "Pending"). */
  rereadProfile: () => void;
}

export interface Invitations {
  /** A click on a button that is not a message Send: "Pending" on a profile, Send in the invitation dialog. */
  onButton(button: Element, label: string): void;
  /** The profile page as just read (not the viewer's own): pending, accepted, withdrawn. */
  onProfile(p: ProfileTraits, who: string): Promise<void>;
}

/** Who a profile page is about, for the invitation bookkeeping: the slug URL, else the member id. */
export const profileWho = (p: ProfileTraits | null): string | null =>
  p ? (p.profileUrl ?? (p.memberId ? `member:${p.memberId}` : null)) : null;

export function createInvitations(
  ctx: CaptureContext,
  items: LinkedInItems,
  viewer: Viewer,
  opts: InvitationOptions,
): Invitations {
  const { doc, now, emit, event } = ctx;
  /** Profiles seen with an invitation pending, in this page's life. */
  const pendingShown = new Set<string>();
  let pendingInvite: {
    text: string;
    template: { id: string; version: number } | null;
    at: number;
    profileUrl: string;
  } | null = null;

  function onButton(button: Element, label: string) {
    // "Pending" clicked on a profile (the way to withdraw): pending now, whatever the page read so far.
    if (PENDING_LABEL.test(label) && button.closest(SEL.main)) {
      try {
        withProfile(ctx.readers, doc, (p) => {
          const who = profileWho(p);
          if (who) pendingShown.add(who);
        });
      } catch {
        /* read again with the next change */
      }
    }
    // Invitation dialog: its Send button next to the note.
    const dialog = button.closest(SEL.dialog);
    const note = dialog?.querySelector<HTMLTextAreaElement>(SEL.inviteNote);
    if (note && /\b(send|senden|envoyer|enviar)\b/i.test(label) && (opts.tracking?.() ?? true)) {
      // What the dialog holds now (the profile may be read a moment later, once the page readers
      // are here: readers-source.ts).
      const text = note.value;
      const ins = text.trim() ? insertions.get(note) : undefined;
      if (text.trim()) insertions.delete(note);
      withProfile(ctx.readers, doc, (profile) => onInviteSent(profile, text, ins));
    }
  }

  function onInviteSent(profile: ProfileTraits | null, text: string, ins: Insertion | undefined) {
    const who = profileWho(profile);
    // Any invitation sent from a profile (with or without a note): a later "· 1st" is its acceptance.
    if (who) void items.pendingProfile(who).set(now());
    if (!text.trim()) return;
    const template = ins ? { id: ins.templateId, version: ins.templateVersion } : null;
    // For the network layer, which sees the same note text in the request body.
    const info: InviteNoteInfo = { at: now() };
    if (template) Object.assign(info, { templateId: template.id, templateVersion: template.version });
    if (profile)
      Object.assign(info, {
        name: profile.name,
        ...(profile.profileUrl ? { profileUrl: profile.profileUrl } : {}),
        ...(profile.memberId ? { memberId: profile.memberId } : {}),
        ...(profile.numericMemberId ? { numericMemberId: profile.numericMemberId } : {}),
      });
    void items.inviteNote(noteKey(text)).set(info);
    if (!profile || !who) return; // outside a profile page the network layer alone logs the invitation
    pendingInvite = { text, template, at: now(), profileUrl: who };
    opts.rereadProfile();
  }

  async function onProfile(p: ProfileTraits, who: string) {
    // Invitation sent from the dialog: confirmed once the profile shows Pending. The network layer
    // normally logs it (with the template noted at the click); the DOM logs it only when the
    // network layer has not confirmed it after a while (an endpoint it does not know, say).
    if (pendingInvite && pendingInvite.profileUrl === who && p.pending && now() - pendingInvite.at < 60_000) {
      const inv = pendingInvite;
      pendingInvite = null;
      const key = noteKey(inv.text);
      const tid = inviteThreadId({
        ...(p.profileUrl ? { profileUrl: p.profileUrl } : {}),
        ...(p.memberId ? { memberId: p.memberId } : {}),
        ...(p.numericMemberId ? { numericMemberId: p.numericMemberId } : {}),
      })!;
      const aliases = [
        p.memberId ? inviteThreadId({ memberId: p.memberId }) : null,
        p.numericMemberId ? inviteThreadId({ numericMemberId: p.numericMemberId }) : null,
      ].filter((a): a is string => !!a && a !== tid);
      const invite = event('message', {
        direction: 'outbound',
        kind: 'linkedin-invite',
        externalId: `invite-dom:${tid}:${inv.at}`,
        aliases: [],
        threadExternalId: tid,
        threadAliases: [...new Set(aliases)],
        from: toPerson({ name: viewer.name(), memberId: viewer.memberId(), profileUrl: null }),
        to: [toPerson(p)],
        subject: null,
        text: inv.text.slice(0, 20_000),
        sentAt: Math.round(inv.at),
        template: inv.template,
      });
      const wait = opts.fallbackMs ?? 10_000;
      // Held in extension storage while it waits, so the background logs it if the tab closes first.
      const held: HeldInvite = { event: invite, dueAt: now() + wait };
      const holding = items.inviteHold(key).set(held);
      setTimeout(async () => {
        await holding;
        // Released before the check: past this point the background no longer takes it.
        await items.inviteHold(key).set(null);
        const confirmed = await items.inviteConfirmed(key).get();
        await items.inviteNote(key).set(null);
        await items.inviteConfirmed(key).set(null);
        if (confirmed) return;
        emit(invite);
        ctx.flush();
      }, wait);
    }
    // Invitations are remembered by profile (DOM) and by member id (the background's network layer
    // writes `linkedin:pending-m:<memberId>` when LinkedIn confirms an invitation).
    const pendingProfile = items.pendingProfile(who);
    const pendingMember = p.memberId ? items.pendingMember(p.memberId) : null;
    // Pending turned back into Connect while the page was open: the user withdrew the invitation
    // (whichever call the page used for it; the network layer reports the calls it knows too).
    if (pendingShown.has(who) && !p.pending && p.connectionDegree !== 1)
      emit(event('invitation-withdrawn', { person: toPerson(p), at: now() }));
    pendingShown[p.pending ? 'add' : 'delete'](who);
    if (p.pending) await pendingProfile.set(now());
    else if (
      p.connectionDegree === 1 &&
      ((await pendingProfile.get()) || (pendingMember && (await pendingMember.get())))
    ) {
      await pendingProfile.set(null);
      if (pendingMember) await pendingMember.set(null);
      emit(event('connection-accepted', { person: toPerson(p), at: now() }));
    }
  }

  return { onButton, onProfile };
}
