// Every selector the LinkedIn capture uses, in one place. LinkedIn ships two front ends side by
// side: the Ember messaging app (stable `msg-*` BEM classes, unchanged in substance since 2019,
// last seen 2026) and the server-driven UI ("SDUI", 2024-26) for profiles and invitations, whose
// class names are generated per build and must never be relied on. For SDUI we anchor on
// `data-sdui-screen`, `componentkey`, headings, ARIA and URL structure instead.
// "Last seen" dates refer to public captures and extension code that reads these pages.

export const SEL = {
  /** Message list item; `data-event-urn` appears once the server confirmed the message (2019-2026). */
  eventItem: '.msg-s-event-listitem',
  eventUrnAttr: 'data-event-urn',
  eventWithUrn: '[data-event-urn]',
  /** Inbound items carry this modifier (2019-2026); outbound items have none. */
  otherClass: 'msg-s-event-listitem--other',
  /** Message text paragraph inside an item (2019-2026); the bubble wrapper as a fallback. */
  eventBody: '.msg-s-event-listitem__body',
  /** Subject line of an InMail item (InMails are the only messages with a subject, 2019-2026). */
  eventSubject: '.msg-s-event-listitem__subject, .msg-s-event-listitem__inmail-subject',
  eventBodyFallback: '.msg-s-event-listitem__message-bubble, .msg-s-event__content',
  /** Group-level inbound marker seen in some builds (the run of messages from the other person). */
  otherGroup: '.msg-s-event-listitem--other, .msg-s-message-group--other, .msg-s-message-list__event--other',
  /** Sender avatar link, href `/in/ACoAA…/` (member-id form) in messaging (2023-2026). */
  eventSenderLink: 'a.msg-s-event-listitem__link, a.msg-s-message-group__profile-link',
  /** Group header (first message of a run from one sender): name + localized time only. */
  groupName: '.msg-s-message-group__name, .msg-s-message-group__profile-link',
  /** A list of events: the thread pane and every chat bubble hold one. */
  messageList: '.msg-s-message-list-content, .msg-s-message-list',
  /** The conversation pane of the messaging page and the chat bubble (overlay), each with one thread. */
  conversationRoot: '.msg-convo-wrapper, .msg-thread, .msg-overlay-conversation-bubble',
  /** Conversation header: participant name and profile link (thread page 2021-26, bubble 2019-26). */
  headerTitle:
    '.msg-entity-lockup__entity-title, .msg-thread__link-to-profile, .msg-overlay-bubble-header__title, .msg-title-bar__title, h2.msg-overlay-bubble-header__title',
  headerProfileLink: 'a.msg-thread__link-to-profile, .msg-overlay-bubble-header__title a[href*="/in/"], a.msg-title-bar__title-bar-title, .msg-entity-lockup a[href*="/in/"]',
  /**
   * The line under the name in a conversation header (thread page 2021-26, bubble 2019-26). It
   * holds the headline, or a presence line ("Active 2h ago", "Mobile • 5m ago") when the person
   * is or was recently online: lib/capture/linkedin/presence.ts tells them apart. Last seen 2026.
   */
  headerHeadline: '.msg-entity-lockup__entity-info, .msg-s-profile-card .artdeco-entity-lockup__subtitle, .msg-overlay-bubble-header__subtitle',
  /**
   * Presence parts inside that line, never a headline: the dot with its screen-reader text
   * ("Status is online") and the status text itself (2022-26, seen in extension code reading the
   * header: msg-entity-lockup__presence-indicator / __presence-status).
   */
  headerPresence: '.msg-entity-lockup__presence-indicator, .msg-entity-lockup__presence-status, .presence-entity__indicator, .msg-overlay-bubble-header__presence, .visually-hidden',
  /** Message composer (2019-2026): a contenteditable div, also inside #interop-outlet's shadow root. */
  composeBox: '.msg-form__contenteditable[contenteditable="true"], .msg-form__contenteditable',
  composeForm: 'form.msg-form, .msg-form',
  sendButton: 'button.msg-form__send-button, button.msg-form__send-btn, .msg-form__send-toggle ~ button[type="submit"]',
  /** Bubbles and the invitation dialog render into this host's open shadow root (2024-2026). */
  interopOutlet: '#interop-outlet',
  /** Conversation list (left rail of /messaging). 2026 items have no href/data attributes. */
  convItem: 'li.msg-conversation-listitem, li.msg-conversations-container__convo-item',
  convNames: '.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names',
  convSnippet: '.msg-conversation-card__message-snippet, .msg-conversation-card__message-snippet-body',
  convTime: 'time.msg-conversation-listitem__time-stamp, .msg-conversation-card__time-stamp, time',
  convLink: 'a.msg-conversation-listitem__link[href*="/messaging/thread/"], a[href*="/messaging/thread/"]',
  convUnread: '.msg-conversation-card__convo-item-container--unread, .notification-badge--show, .msg-conversation-card__unread-count',
  /** Invitation dialog note (2022-2026, Ember and SDUI): textarea named `message`, id `custom-message`. */
  inviteNote: 'textarea[name="message"], textarea#custom-message, [role="dialog"] textarea',
  dialog: '[role="dialog"], .artdeco-modal, dialog',
  /** Global nav "Me" photo: alt is the viewer's name (2020-2026). */
  mePhoto: 'img.global-nav__me-photo, .global-nav__me img',
  /** SDUI profile screen marker (2024-2026); classic profile uses `main .pv-top-card`. */
  sduiScreen: '[data-sdui-screen]',
  classicTopCard: '.pv-top-card, .ph5.pb5, section.artdeco-card.pv-top-card',
  classicHeadline: '.text-body-medium.break-words',
  classicLocation: '.pv-text-details__left-panel .text-body-small.inline, span.text-body-small.inline.t-black--light.break-words',
  classicDegree: '.dist-value',
  contactInfoLink: 'a[href*="/overlay/contact-info"]',
  /**
   * SDUI profile cards: `componentkey="com.linkedin.sdui.profile.card.ref<ACoAA…>Topcard"` (also
   * About, ExperienceTopLevelSection, ContactInfoDetailSection). The member id in it is the one
   * messaging knows this person by. Not localised, not hashed; last seen 2026 in public captures.
   */
  profileCardKey: '[componentkey^="com.linkedin.sdui.profile.card.ref"]',
  /**
   * Contact info overlay (`/in/<slug>/overlay/contact-info/`): classic `section.ci-email` with a
   * mailto link (2019-2025), SDUI the ContactInfoDetailSection card or a dialog (2025-26).
   */
  contactInfoScope: 'section.pv-contact-info__contact-type.ci-email, .pv-contact-info, [componentkey*="ContactInfoDetailSection"], [role="dialog"]',
  contactInfoEmail: 'a[href^="mailto:" i]',
  /** Links to a company page (`/company/<slug or id>/`) in a profile's Experience items and top card (2019-2026). */
  companyLink: 'a[href*="/company/"]',
  /** Only the viewer's own profile offers to edit the intro (classic and SDUI, 2022-2026). */
  ownProfileMarker: 'a[href*="/edit/intro"], a[href*="/edit/forms/intro"], button[aria-label^="Edit intro" i], a[aria-label^="Edit intro" i]',
  /** Experience section: `#experience` anchor (classic) or a componentkey naming it (SDUI). */
  experienceAnchor: '#experience, [componentkey*="ExperienceTopLevelSection" i], [componentkey*="experience" i]',
} as const;

/** Headings that introduce the Experience section, per UI language. */
export const EXPERIENCE_HEADINGS = /^(experience|berufserfahrung|erfahrung|expérience|experiencia|esperienza|experiência|ervaring)$/i;

/** "Pending" state of the Connect button after an invitation (en/de/fr/es, 2020-2026). */
export const PENDING_LABEL = /\b(pending|ausstehend|en attente|pendiente|withdraw invitation|einladung zurückziehen)\b/i;

/**
 * What a message item shows once its author recalled it, in place of the text (en, de, fr, es, pt,
 * nl). Inferred: recalls are documented in public code only as `messageBodyRenderFormat:
 * "RECALLED"`; no pinned capture shows the placeholder's markup, so only the text is read, in the
 * item's body. Last seen 2026 (LinkedIn's help pages and screenshots).
 */
export const RECALLED_TEXT = /^(this message (has been|was) (deleted|recalled|removed)|diese nachricht wurde (gelöscht|zurückgerufen)|ce message a été (supprimé|retiré)|este mensaje (se ha|ha sido|fue) eliminado|esta mensagem foi (excluída|apagada|removida)|dit bericht is verwijderd)\.?$/i;

/** Connection degree as shown next to a name ("· 1st", "1er", "1.", "1º"). */
export const DEGREE_TEXT = /(?:^|[·•\s])([123])(?:st|nd|rd|\+|er|e|re|\.|º|°)?(?:\s*(?:degree|grades?|niveau))?\s*$/i;

/**
 * Company pages (`/company/<slug>/` and its About tab, Ember `org-*` markup, 2019-2026, seen in
 * scrapers with saved pages and their selectors): the top card's name and info items (industry,
 * location, followers, and the employees link whose `currentCompany=["<id>"]` names the numeric
 * id), and the About tab's definition list (dt label, dd value; the size band has its own dd).
 */
export const COMPANY_SEL = {
  name: 'h1.org-top-card-summary__title, .org-top-card-summary__title, main h1',
  infoItem: '.org-top-card-summary-info-list__info-item',
  employeesLink: 'a[href*="currentCompany="]',
  definitionTerm: 'dt',
  sizeValue: 'dd.org-about-company-module__company-size-definition-text',
  /** Employees on LinkedIn under the size band: a count, not the band. */
  employeesOnLinkedIn: '.org-page-details__employees-on-associated, .org-page-details__employees-on-linkedin-count',
} as const;

/** Labels of the About tab's definition list, per UI language (en, de, fr, es, pt, it, nl). */
export const COMPANY_LABELS = {
  industry: /^(industry|industries|branche|secteur|secteurs|sector|setor|settore|industrie)$/i,
  size: /^(company size|unternehmensgröße|taille de l[’']entreprise|tamaño de la empresa|tamanho da empresa|dimensioni dell[’']azienda|bedrijfsgrootte)$/i,
  headquarters: /^(headquarters|hauptsitz|siège social|sede|sede central|sede principal|sede legale|hoofdkantoor)$/i,
};

/**
 * Invitation manager (`/mynetwork/invitation-manager/…`, received and sent): one card per
 * invitation with the person's profile link, name and headline. Classic `invitation-card__*`
 * (2019-2024); SDUI cards under `componentkey="InvitationManagerPage_InvitationsList"` (2025-26,
 * seen in extension code hiding that list). Last seen 2026.
 */
export const INVITATION_SEL = {
  list: '[componentkey*="InvitationsList"], .invitation-manager__list, .mn-invitation-list, ul.artdeco-list',
  card: 'li.invitation-card, li.mn-invitation-list__item, [componentkey*="InvitationsList"] [role="listitem"], [componentkey*="InvitationsList"] li, [componentkey^="invitation-card"]',
  profileLink: 'a[href*="/in/"]',
  classicName: '.invitation-card__title, .invitation-card__tvm-title',
  classicHeadline: '.invitation-card__subtitle, .invitation-card__occupation',
} as const;
