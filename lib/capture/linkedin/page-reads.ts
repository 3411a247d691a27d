// Reads of whole pages, debounced until the page stops changing: a profile (`/in/<slug>/`: the
// person's traits as a prospect event, the viewer's own profile as their identity, and the
// invitation bookkeeping of invitations.ts), a company page (industry, size band, headquarters)
// and the invitation manager's cards (headlines of people already known).
import { toPerson, type CaptureContext } from './context';
import type { ProfileTraits } from './dom-read';
import type { Invitations } from './invitations';
import { profileWho } from './invitations';
import type { CompanyPage, InvitationCard } from './pages';
import type { PageReaders } from './readers-source';
import * as SEL from './selectors';
import type { Viewer } from './viewer';

export interface PageReads {
  /** The page changed: read what this kind of page shows once it settles. */
  schedule(): void;
  /** Another URL: the same profile is reported again. */
  urlChanged(): void;
  stop(): void;
}

export function createPageReads(
  ctx: CaptureContext,
  deps: { viewer: Viewer; invitations: () => Invitations; delayMs?: number },
): PageReads {
  const { doc, now, emit, event, health, readers } = ctx;
  const { viewer } = deps;
  const delay = deps.delayMs ?? 400;
  let lastProfileKey = '';
  let lastCompanyKey = '';
  const cardsSent = new Set<string>();
  let profileTimer: ReturnType<typeof setTimeout> | null = null;
  let companyTimer: ReturnType<typeof setTimeout> | null = null;
  let cardsTimer: ReturnType<typeof setTimeout> | null = null;
  /** Waiting for the readers to arrive (one wait at a time, however many changes meanwhile). */
  let waiting = false;
  let stopped = false;

  async function readProfileNow(r: PageReaders) {
    profileTimer = null;
    const url = doc.location?.href ?? '';
    let p: ProfileTraits | null = null;
    try {
      p = r.readProfile(doc, url);
    } catch (e) {
      health.fail(`profile: ${(e as Error).message}`);
      return;
    }
    if (!p) {
      // Counted only when the page shows a name heading we could not read (not while it is still loading).
      if (
        /\/in\/[^/]+\/?$/.test(new URL(url).pathname) &&
        doc.querySelector(SEL.profileNameOnPage)?.textContent?.trim()
      )
        health.fail('profile page without a readable name');
      return;
    }
    const viewerId = viewer.memberId();
    if (p.own || (viewerId && p.memberId === viewerId)) {
      // The viewer's own profile: it teaches who "me" is and is never a prospect.
      if (lastProfileKey === 'own:' + p.profileUrl) return;
      lastProfileKey = 'own:' + p.profileUrl;
      const person = toPerson({ name: p.name, profileUrl: p.profileUrl, memberId: p.memberId ?? viewerId });
      emit(event('identity', { person }));
      return;
    }
    const who = profileWho(p);
    if (!who) return;
    const key = JSON.stringify(p);
    await deps.invitations().onProfile(p, who);
    if (key === lastProfileKey) return;
    lastProfileKey = key;
    health.recognised();
    emit(
      event('prospect', {
        person: toPerson(p),
        headline: p.headline,
        title: p.title,
        company: p.company,
        location: p.location,
        industry: null,
        connectionDegree: p.connectionDegree,
        companyUrl: p.companyUrl,
        seenAt: now(),
      }),
    );
  }

  /** Company pages (`/company/<slug>/`, its About tab): industry, size band, headquarters. */
  function readCompanyNow(r: PageReaders) {
    companyTimer = null;
    let c: CompanyPage | null = null;
    try {
      c = r.readCompanyPage(doc, doc.location?.href ?? '');
    } catch (e) {
      health.fail(`company page: ${(e as Error).message}`);
      return;
    }
    if (!c || !(c.industry || c.companySize || c.headquarters)) return;
    const key = JSON.stringify(c);
    if (key === lastCompanyKey) return;
    lastCompanyKey = key;
    health.recognised();
    emit(
      event('company', {
        name: c.name.slice(0, 1000),
        slug: c.slug,
        numericId: c.numericId,
        industry: c.industry,
        companySize: c.companySize,
        headquarters: c.headquarters,
        seenAt: now(),
      }),
    );
  }

  /** Invitation manager cards: the headline of people already known (never creates a prospect). */
  function readInvitationCardsNow(r: PageReaders) {
    cardsTimer = null;
    const cards: InvitationCard[] = r.readInvitationCards(doc);
    for (const card of cards) {
      const key = JSON.stringify(card);
      if (cardsSent.has(key)) continue;
      cardsSent.add(key);
      health.recognised();
      emit(
        event('prospect', {
          person: toPerson({ name: card.name, profileUrl: card.profileUrl, memberId: card.memberId }),
          headline: card.headline,
          title: null,
          company: null,
          location: null,
          industry: null,
          connectionDegree: null,
          companyUrl: null,
          onlyKnown: true,
          seenAt: now(),
        }),
      );
    }
  }

  function schedule() {
    const path = doc.location?.pathname ?? '';
    // Only these pages need the readers (those the branches below read).
    if (!/^\/(in\/|company\/|showcase\/|mynetwork\/invitation-manager)/.test(path)) return;
    const here = readers.ready();
    if (!here) {
      // Not loaded yet: read once they arrive (a few hundred ms later).
      if (!waiting) {
        waiting = true;
        void readers.load().then((x) => {
          waiting = false;
          if (x && !stopped) schedule();
        });
      }
      return;
    }
    if (/^\/(company|showcase)\/[^/]+/.test(path)) {
      if (companyTimer) clearTimeout(companyTimer);
      companyTimer = setTimeout(() => readCompanyNow(here), delay);
    } else if (/^\/mynetwork\/invitation-manager/.test(path)) {
      if (cardsTimer) clearTimeout(cardsTimer);
      cardsTimer = setTimeout(() => readInvitationCardsNow(here), delay);
    }
    if (!/^\/in\//.test(path)) return;
    if (profileTimer) clearTimeout(profileTimer);
    profileTimer = setTimeout(() => void readProfileNow(here), delay);
  }

  return {
    schedule,
    urlChanged: () => void (lastProfileKey = ''),
    stop() {
      stopped = true;
      if (profileTimer) clearTimeout(profileTimer);
      if (companyTimer) clearTimeout(companyTimer);
      if (cardsTimer) clearTimeout(cardsTimer);
    },
  };
}
