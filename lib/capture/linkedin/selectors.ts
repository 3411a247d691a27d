// Every selector the LinkedIn capture uses, in one place. LinkedIn ships two front ends side by
// side: the Ember messaging app (stable `msg-*` BEM classes, unchanged in substance since 2019,
// last seen 2026) and the server-driven UI ("SDUI", 2024-26) for profiles and invitations, whose
// class names are generated per build and must never be relied on. For SDUI we anchor on
// `data-sdui-screen`, `componentkey`, headings, ARIA and URL structure instead.
// "Last seen" dates refer to public captures and extension code that reads these pages.
//
// Each selector is its own export and the readers import the module whole (`import * as SEL`):
// the bundler then inlines them like constants, where the property names of one `SEL` object
// would all stay in the content script (about 2 KB of its size budget, issue 13).

/** Message list item; `data-event-urn` appears once the server confirmed the message (2019-2026). */
export const eventItem = '.msg-s-event-listitem';
/** The confirmed id itself, `urn:li:msg_message:(<viewer>,<message id>)`: it names the viewer, the message, its thread and time. */
export const eventUrnAttr = 'data-event-urn';
/** Confirmed items only (an item still sending has no id yet). */
export const eventWithUrn = '[data-event-urn]';
/** Inbound items carry this modifier (2019-2026); outbound items have none. */
export const otherClass = 'msg-s-event-listitem--other';
/** Message text paragraph inside an item (2019-2026); the bubble wrapper as a fallback. */
export const eventBody = '.msg-s-event-listitem__body';
/** Subject line of an InMail item (InMails are the only messages with a subject, 2019-2026). */
export const eventSubject = '.msg-s-event-listitem__subject, .msg-s-event-listitem__inmail-subject';
/** Where the body paragraph is missing (some builds render the text straight in the bubble). */
export const eventBodyFallback = '.msg-s-event-listitem__message-bubble, .msg-s-event__content';
/** Group-level inbound marker seen in some builds (the run of messages from the other person). */
export const otherGroup =
  '.msg-s-event-listitem--other, .msg-s-message-group--other, .msg-s-message-list__event--other';
/** Sender avatar link, href `/in/ACoAA…/` (member-id form) in messaging (2023-2026). */
export const eventSenderLink = 'a.msg-s-event-listitem__link, a.msg-s-message-group__profile-link';
/** Group header (first message of a run from one sender): name + localized time only. */
export const groupName = '.msg-s-message-group__name, .msg-s-message-group__profile-link';
/** A list of events: the thread pane and every chat bubble hold one. */
export const messageList = '.msg-s-message-list-content, .msg-s-message-list';
/** The conversation pane of the messaging page and the chat bubble (overlay), each with one thread. */
export const conversationRoot = '.msg-convo-wrapper, .msg-thread, .msg-overlay-conversation-bubble';
/** Conversation header: participant name and profile link (thread page 2021-26, bubble 2019-26). */
export const headerTitle =
  '.msg-entity-lockup__entity-title, .msg-thread__link-to-profile, .msg-overlay-bubble-header__title, .msg-title-bar__title, h2.msg-overlay-bubble-header__title';
/** The header's link to the other person's profile: their member id (`/in/ACoAA…`) or slug. */
export const headerProfileLink =
  'a.msg-thread__link-to-profile, .msg-overlay-bubble-header__title a[href*="/in/"], a.msg-title-bar__title-bar-title, .msg-entity-lockup a[href*="/in/"]';
/**
 * The line under the name in a conversation header (thread page 2021-26, bubble 2019-26). It
 * holds the headline, or a presence line ("Active 2h ago", "Mobile • 5m ago") when the person
 * is or was recently online: lib/capture/linkedin/presence.ts tells them apart. Last seen 2026.
 */
export const headerHeadline =
  '.msg-entity-lockup__entity-info, .msg-s-profile-card .artdeco-entity-lockup__subtitle, .msg-overlay-bubble-header__subtitle';
/**
 * Presence parts inside that line, never a headline: the dot with its screen-reader text
 * ("Status is online") and the status text itself (2022-26, seen in extension code reading the
 * header: msg-entity-lockup__presence-indicator / __presence-status).
 */
export const headerPresence =
  '.msg-entity-lockup__presence-indicator, .msg-entity-lockup__presence-status, .presence-entity__indicator, .msg-overlay-bubble-header__presence, .visually-hidden';
/** Message composer (2019-2026): a contenteditable div, also inside #interop-outlet's shadow root. */
export const composeBox = '.msg-form__contenteditable[contenteditable="true"], .msg-form__contenteditable';
/** The form around the composer: its submit button sends what the box holds. */
export const composeForm = 'form.msg-form, .msg-form';
/** Send buttons of the composer: a click is the moment a template's text is sent. */
export const sendButton =
  'button.msg-form__send-button, button.msg-form__send-btn, .msg-form__send-toggle ~ button[type="submit"]';
/** Bubbles and the invitation dialog render into this host's open shadow root (2024-2026). */
export const interopOutlet = '#interop-outlet';
/** Conversation list (left rail of /messaging). 2026 items have no href/data attributes. */
export const convItem = 'li.msg-conversation-listitem, li.msg-conversations-container__convo-item';
/** Participant names of a list entry: the only way to tell who the entry is (no ids in 2026). */
export const convNames = '.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names';
/** The last message's snippet ("You: …" when it is the viewer's own). */
export const convSnippet = '.msg-conversation-card__message-snippet, .msg-conversation-card__message-snippet-body';
/** The entry's time label; only time-of-day labels are precise enough to log a reply. */
export const convTime = 'time.msg-conversation-listitem__time-stamp, .msg-conversation-card__time-stamp, time';
/** The thread link older builds put on each entry. */
export const convLink = 'a.msg-conversation-listitem__link[href*="/messaging/thread/"], a[href*="/messaging/thread/"]';
/** Unread markers of an entry (badge, container modifier, count). */
export const convUnread =
  '.msg-conversation-card__convo-item-container--unread, .notification-badge--show, .msg-conversation-card__unread-count';
/** Invitation dialog note (2022-2026, Ember and SDUI): textarea named `message`, id `custom-message`. */
export const inviteNote = 'textarea[name="message"], textarea#custom-message, [role="dialog"] textarea';
/** A dialog of any build (ARIA, artdeco modal, native): holds the invitation note and its Send. */
export const dialog = '[role="dialog"], .artdeco-modal, dialog';
/** Global nav "Me" photo: alt is the viewer's name (2020-2026). */
export const mePhoto = 'img.global-nav__me-photo, .global-nav__me img';
/** SDUI profile screen marker (2024-2026); classic profile uses `main .pv-top-card`. */
export const sduiScreen = '[data-sdui-screen]';
/** Classic (Ember) profile top card, the person's summary block. */
export const classicTopCard = '.pv-top-card, .ph5.pb5, section.artdeco-card.pv-top-card';
/** Classic top card's headline line under the name. */
export const classicHeadline = '.text-body-medium.break-words';
/** Classic top card's location line. */
export const classicLocation =
  '.pv-text-details__left-panel .text-body-small.inline, span.text-body-small.inline.t-black--light.break-words';
/** Classic top card's connection degree ("1st"). */
export const classicDegree = '.dist-value';
/** The Contact info link: anchors the top card (SDUI puts the location just before it). */
export const contactInfoLink = 'a[href*="/overlay/contact-info"]';
/**
 * SDUI profile cards: `componentkey="com.linkedin.sdui.profile.card.ref<ACoAA…>Topcard"` (also
 * About, ExperienceTopLevelSection, ContactInfoDetailSection). The member id in it is the one
 * messaging knows this person by. Not localised, not hashed; last seen 2026 in public captures.
 */
export const profileCardKey = '[componentkey^="com.linkedin.sdui.profile.card.ref"]';
/**
 * Contact info overlay (`/in/<slug>/overlay/contact-info/`): classic `section.ci-email` with a
 * mailto link (2019-2025), SDUI the ContactInfoDetailSection card or a dialog (2025-26).
 */
export const contactInfoScope =
  'section.pv-contact-info__contact-type.ci-email, .pv-contact-info, [componentkey*="ContactInfoDetailSection"], [role="dialog"]';
/** The email in the contact info overlay: a mailto link. */
export const contactInfoEmail = 'a[href^="mailto:" i]';
/** Links to a company page (`/company/<slug or id>/`) in a profile's Experience items and top card (2019-2026). */
export const companyLink = 'a[href*="/company/"]';
/** Only the viewer's own profile offers to edit the intro (classic and SDUI, 2022-2026). */
export const ownProfileMarker =
  'a[href*="/edit/intro"], a[href*="/edit/forms/intro"], button[aria-label^="Edit intro" i], a[aria-label^="Edit intro" i]';
/** Experience section: `#experience` anchor (classic) or a componentkey naming it (SDUI). */
export const experienceAnchor =
  '#experience, [componentkey*="ExperienceTopLevelSection" i], [componentkey*="experience" i]';

// Structural anchors the readers walk from (plain HTML, stable because they are semantics).

/** The `<li>` holding a message item (and its group header): a continuation item takes the direction of the `<li>` before it. */
export const messageListItem = 'li';
/** The sender avatar inside the sender link: its alt text is the sender's name when no group header shows it. */
export const senderAvatar = 'img';
/** The messaging page's own pane (not a bubble): its first item names the thread on screen. */
export const paneItem = '.msg-convo-wrapper [data-event-urn], .msg-thread [data-event-urn]';
/** A chat bubble's root in the light DOM (bubbles in the shadow root are told apart by their root node). */
export const bubble = '.msg-overlay-conversation-bubble';
/** The host of the shadow root, by id (getElementById on every mutation batch: the fastest lookup). */
export const interopOutletId = 'interop-outlet';
/** Screen-reader-only text: duplicates what is visible, so readableText skips it (class names, not selectors). */
export const srOnlyClasses = ['visually-hidden', 'a11y-text'] as const;
/** Anything the user clicks as a button (the Send buttons, Connect/Pending, the dialog's Send). */
export const button = 'button, [role="button"]';
/** The page's main landmark: profiles and company pages draw their content in it. */
export const main = 'main';
/** A profile's name: the only `h1` of the page's main (classic and SDUI 2024-26). */
export const profileName = 'h1';
/** A profile page showing a name heading (loaded, so a failed read counts as a failure). */
export const profileNameOnPage = 'main h1';
/** SDUI builds without an `h1`: the top card's first heading names the person. */
export const sduiTopCardHeading = '[componentkey*="topcard" i] h2, [componentkey*="topcard" i] [role="heading"]';
/** Section headings of a profile ("About", "Experience", …); the first other one is the person. */
export const sectionHeading = 'h2';
/** Any heading, for the Experience section found by its localized title. */
export const heading = 'h2, h3, [role="heading"]';
/** The section a heading or anchor belongs to (Experience). */
export const section = 'section';
/** The canonical profile URL a page addressed by member id names (classic: link, SDUI: og:url). */
export const canonicalLink = 'link[rel="canonical"]';
/** The same URL where the page has no canonical link. */
export const ogUrl = 'meta[property="og:url"]';
/** Links that name a member id: the Message button's `profileUrn=`, `/in/ACoAA…`, fsd_profile URNs. */
export const memberIdLink = 'a[href*="fsd_profile"], a[href*="profileUrn"], a[href*="/in/ACo"]';
/** The first position of the Experience section (classic `li`, SDUI entity-collection items). */
export const experienceItem = 'li, [componentkey^="entity-collection-item" i]';
/** A role nested under its company (several roles at one company). */
export const experienceNestedItem =
  'ul li, [componentkey^="entity-collection-item" i] [componentkey^="entity-collection-item" i]';
/** The top card's buttons and links: one labelled "Pending" means an invitation waits. */
export const profileActions = 'button, a[role="button"], a';
/** Embedded page data: classic `<code>` boot responses, SDUI inline RSC scripts. */
export const pageData = 'code, script:not([src])';
/** Classic embedded boot data only (company pages). */
export const codeData = 'code';

/** Headings that introduce the Experience section, per UI language. */
export const EXPERIENCE_HEADINGS =
  /^(experience|berufserfahrung|erfahrung|expérience|experiencia|esperienza|experiência|ervaring)$/i;

/** "Pending" state of the Connect button after an invitation (en/de/fr/es, 2020-2026). */
export const PENDING_LABEL =
  /\b(pending|ausstehend|en attente|pendiente|withdraw invitation|einladung zurückziehen)\b/i;

/**
 * What a message item shows once its author recalled it, in place of the text (en, de, fr, es, pt,
 * nl). Inferred: recalls are documented in public code only as `messageBodyRenderFormat:
 * "RECALLED"`; no pinned capture shows the placeholder's markup, so only the text is read, in the
 * item's body. Last seen 2026 (LinkedIn's help pages and screenshots).
 */
export const RECALLED_TEXT =
  /^(this message (has been|was) (deleted|recalled|removed)|diese nachricht wurde (gelöscht|zurückgerufen)|ce message a été (supprimé|retiré)|este mensaje (se ha|ha sido|fue) eliminado|esta mensagem foi (excluída|apagada|removida)|dit bericht is verwijderd)\.?$/i;

/** Connection degree as shown next to a name ("· 1st", "1er", "1.", "1º"). */
export const DEGREE_TEXT = /(?:^|[·•\s])([123])(?:st|nd|rd|\+|er|e|re|\.|º|°)?(?:\s*(?:degree|grades?|niveau))?\s*$/i;

/**
 * Company pages (`/company/<slug>/` and its About tab, Ember `org-*` markup, 2019-2026, seen in
 * scrapers with saved pages and their selectors): the top card's name and info items (industry,
 * location, followers, and the employees link whose `currentCompany=["<id>"]` names the numeric
 * id), and the About tab's definition list (dt label, dd value; the size band has its own dd).
 */
/** The company's name in the top card (any page's main h1 as the last resort). */
export const companyName = 'h1.org-top-card-summary__title, .org-top-card-summary__title, main h1';
/** Top card info items: industry, location, followers, employees. */
export const companyInfoItem = '.org-top-card-summary-info-list__info-item';
/** The employees link: `currentCompany=["<id>"]` names the company's numeric id. */
export const companyEmployeesLink = 'a[href*="currentCompany="]';
/** About tab labels (Industry, Company size, Headquarters…); the value is the next dd. */
export const companyDefinitionTerm = 'dt';
/** The size band's own dd (a second dd under it counts members on LinkedIn). */
export const companySizeValue = 'dd.org-about-company-module__company-size-definition-text';
/** The top card's location item sits in an `.inline-block` wrapper; the industry does not. */
export const companyLocationWrapper = '.inline-block';
/** Employees on LinkedIn under the size band: a count, not the band. */
export const companyEmployeesOnLinkedIn =
  '.org-page-details__employees-on-associated, .org-page-details__employees-on-linkedin-count';

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
/** The list of invitation cards (SDUI by component key, classic by class). */
export const invitationList =
  '[componentkey*="InvitationsList"], .invitation-manager__list, .mn-invitation-list, ul.artdeco-list';
/** One invitation card. */
export const invitationCard =
  'li.invitation-card, li.mn-invitation-list__item, [componentkey*="InvitationsList"] [role="listitem"], [componentkey*="InvitationsList"] li, [componentkey^="invitation-card"]';
/** The invitee's profile link in a card: their identity. */
export const invitationProfileLink = 'a[href*="/in/"]';
/** Classic cards' name line (SDUI cards: the link's text). */
export const invitationClassicName = '.invitation-card__title, .invitation-card__tvm-title';
/** Classic cards' headline line (SDUI cards: the line after the name). */
export const invitationClassicHeadline = '.invitation-card__subtitle, .invitation-card__occupation';

/**
 * Every selector above as a contract with the fixtures (test/fixtures/linkedin/dom/<name>.html,
 * with `<name>.shadow.html` as #interop-outlet's open shadow root) it must match, and how many
 * times (light DOM and shadow root together): test/unit/capture/linkedin/selectors-contract.test.ts walks
 * them all, so a fixture refresh says exactly which selectors broke. Counts of 0 are assertions
 * too (a classic-only selector must not match the server-driven page).
 *
 * `lastSeen`: the year of the newest public evidence the why-comment above cites (captures and
 * extension code that read these pages); null where the comment cites none, or for plain HTML
 * structure. `uncovered`: why no fixture holds it (the selector is then checked only for syntax).
 * Not imported by the content script: tree-shaken out of the bundle.
 */
export interface SelectorContract {
  /** The CSS to query when the value is not itself a selector (an attribute, class or id name). */
  css?: string;
  lastSeen: string | null;
  fixtures: Record<string, number>;
  uncovered?: string;
}

// Built by a pure call, so that a bundle that does not import CONTRACT drops all of it.
export const CONTRACT: Record<string, SelectorContract> = /* @__PURE__ */ contract();

function contract(): Record<string, SelectorContract> {
  const MSG = { 'messaging-thread': 3, 'feed-bubble': 3 };
  const PROFILES = [
    'profile-sdui',
    'profile-sdui-invite-dialog',
    'profile-sdui-contact-info',
    'profile-classic',
    'profile-classic-contact-info',
  ] as const;
  const everyProfile = (n: number) => Object.fromEntries(PROFILES.map((p) => [p, n]));
  return {
    eventItem: { lastSeen: '2026', fixtures: MSG },
    eventUrnAttr: { css: '[data-event-urn]', lastSeen: '2026', fixtures: MSG },
    eventWithUrn: { lastSeen: '2026', fixtures: { ...MSG, 'profile-sdui': 0 } },
    otherClass: {
      css: '.msg-s-event-listitem--other',
      lastSeen: '2026',
      fixtures: { 'messaging-thread': 2, 'feed-bubble': 2 },
    },
    eventBody: { lastSeen: '2026', fixtures: MSG },
    eventSubject: {
      lastSeen: '2026',
      fixtures: { 'messaging-thread': 0 },
      uncovered:
        'no InMail in the fixtures (the look-alike draws none); InMail subjects are read in capture/linkedin/dom.test.ts from inline markup',
    },
    eventBodyFallback: { lastSeen: '2026', fixtures: MSG },
    otherGroup: { lastSeen: null, fixtures: { 'messaging-thread': 2, 'feed-bubble': 2 } },
    eventSenderLink: { lastSeen: '2026', fixtures: { 'messaging-thread': 2, 'feed-bubble': 2 } },
    groupName: { lastSeen: null, fixtures: { 'messaging-thread': 2, 'feed-bubble': 2 } },
    messageList: { lastSeen: null, fixtures: { 'messaging-thread': 2, 'feed-bubble': 2 } },
    conversationRoot: { lastSeen: null, fixtures: { 'messaging-thread': 1, 'feed-bubble': 1, 'profile-sdui': 0 } },
    headerTitle: { lastSeen: '2026', fixtures: { 'messaging-thread': 2, 'feed-bubble': 1 } },
    headerProfileLink: { lastSeen: '2026', fixtures: { 'messaging-thread': 1, 'feed-bubble': 1 } },
    headerHeadline: { lastSeen: '2026', fixtures: { 'messaging-thread': 1, 'feed-bubble': 0 } },
    headerPresence: { lastSeen: '2026', fixtures: { 'messaging-thread': 1 } },
    composeBox: { lastSeen: '2026', fixtures: { 'messaging-thread': 1, 'feed-bubble': 1 } },
    composeForm: { lastSeen: null, fixtures: { 'messaging-thread': 1, 'feed-bubble': 1 } },
    sendButton: { lastSeen: null, fixtures: { 'messaging-thread': 1, 'feed-bubble': 1 } },
    interopOutlet: { lastSeen: '2026', fixtures: { 'messaging-thread': 1, 'feed-bubble': 1, ...everyProfile(1) } },
    convItem: { lastSeen: '2026', fixtures: { 'messaging-thread': 2 } },
    convNames: { lastSeen: null, fixtures: { 'messaging-thread': 2 } },
    convSnippet: { lastSeen: null, fixtures: { 'messaging-thread': 2 } },
    convTime: { lastSeen: null, fixtures: { 'messaging-thread': 4, 'feed-bubble': 2 } },
    convLink: {
      lastSeen: null,
      fixtures: { 'messaging-thread': 0 },
      uncovered: '2026 list items carry no thread link (see convItem); kept for older builds, no fixture of one',
    },
    convUnread: {
      lastSeen: null,
      fixtures: { 'messaging-thread': 0 },
      uncovered: 'the fixture list has no unread entry',
    },
    inviteNote: { lastSeen: '2026', fixtures: { 'profile-sdui-invite-dialog': 1, 'profile-sdui': 0 } },
    dialog: {
      lastSeen: null,
      fixtures: {
        'profile-sdui-invite-dialog': 1,
        'profile-sdui-contact-info': 1,
        'profile-classic-contact-info': 1,
        'profile-sdui': 0,
      },
    },
    mePhoto: {
      lastSeen: '2026',
      fixtures: { 'messaging-thread': 1, 'feed-bubble': 1, 'company-home': 1, ...everyProfile(1) },
    },
    sduiScreen: {
      lastSeen: '2026',
      fixtures: {
        'profile-sdui': 1,
        'profile-sdui-invite-dialog': 1,
        'profile-sdui-contact-info': 1,
        'profile-classic': 0,
      },
    },
    classicTopCard: {
      lastSeen: null,
      fixtures: { 'profile-classic': 2, 'profile-classic-contact-info': 2, 'profile-sdui': 0 },
    },
    classicHeadline: {
      lastSeen: null,
      fixtures: { 'profile-classic': 1, 'profile-classic-contact-info': 1, 'profile-sdui': 0 },
    },
    classicLocation: {
      lastSeen: null,
      fixtures: { 'profile-classic': 1, 'profile-classic-contact-info': 1, 'profile-sdui': 0 },
    },
    classicDegree: {
      lastSeen: null,
      fixtures: { 'profile-classic': 1, 'profile-classic-contact-info': 1, 'profile-sdui': 0 },
    },
    contactInfoLink: { lastSeen: null, fixtures: everyProfile(1) },
    profileCardKey: {
      lastSeen: '2026',
      fixtures: {
        'profile-sdui': 3,
        'profile-sdui-invite-dialog': 3,
        'profile-sdui-contact-info': 4,
        'profile-classic': 0,
      },
    },
    contactInfoScope: {
      lastSeen: '2026',
      fixtures: { 'profile-classic-contact-info': 2, 'profile-sdui-contact-info': 2 },
    },
    contactInfoEmail: {
      lastSeen: null,
      fixtures: { 'profile-classic-contact-info': 1, 'profile-sdui-contact-info': 1, 'profile-sdui': 0 },
    },
    companyLink: { lastSeen: '2026', fixtures: { 'profile-sdui': 2, 'profile-classic': 1, 'company-home': 4 } },
    ownProfileMarker: {
      lastSeen: '2026',
      fixtures: everyProfile(0),
      uncovered: "no fixture is the viewer's own profile; the fixtures check it stays off other people's",
    },
    experienceAnchor: { lastSeen: null, fixtures: everyProfile(1) },
    messageListItem: { lastSeen: null, fixtures: { 'messaging-thread': 9, 'feed-bubble': 7 } },
    senderAvatar: { lastSeen: null, fixtures: { 'messaging-thread': 5, 'feed-bubble': 3 } },
    paneItem: { lastSeen: null, fixtures: { 'messaging-thread': 3, 'feed-bubble': 0 } },
    bubble: { lastSeen: null, fixtures: { 'feed-bubble': 1, 'messaging-thread': 0 } },
    interopOutletId: {
      css: '#interop-outlet',
      lastSeen: '2026',
      fixtures: { 'messaging-thread': 1, 'feed-bubble': 1 },
    },
    srOnlyClasses: {
      css: '.visually-hidden, .a11y-text',
      lastSeen: null,
      fixtures: { 'profile-classic': 4, 'profile-classic-contact-info': 4, 'profile-sdui': 0 },
    },
    button: { lastSeen: null, fixtures: { 'messaging-thread': 4, 'feed-bubble': 2, 'profile-sdui-invite-dialog': 4 } },
    main: { lastSeen: null, fixtures: { ...everyProfile(1), 'company-home': 1, 'profile-classic-code-2023': 1 } },
    profileName: {
      lastSeen: null,
      fixtures: { 'profile-classic': 1, 'profile-classic-code-2023': 1, 'profile-sdui': 0 },
    },
    profileNameOnPage: {
      lastSeen: null,
      fixtures: { 'profile-classic': 1, 'profile-classic-code-2023': 1, 'profile-sdui': 0 },
    },
    sduiTopCardHeading: {
      lastSeen: null,
      fixtures: {
        'profile-sdui': 1,
        'profile-sdui-invite-dialog': 1,
        'profile-sdui-contact-info': 1,
        'profile-classic': 0,
      },
    },
    sectionHeading: { lastSeen: null, fixtures: { 'profile-sdui': 3, 'profile-classic': 1 } },
    heading: { lastSeen: null, fixtures: { 'profile-sdui': 3, 'profile-classic': 1 } },
    section: { lastSeen: null, fixtures: { 'profile-sdui': 3, 'profile-classic': 2 } },
    canonicalLink: {
      lastSeen: null,
      fixtures: everyProfile(0),
      uncovered:
        'the fixtures are addressed by slug; pages addressed by member id are read in capture/linkedin/identity-capture.test.ts from inline markup',
    },
    ogUrl: { lastSeen: null, fixtures: everyProfile(0), uncovered: 'as canonicalLink' },
    memberIdLink: { lastSeen: null, fixtures: { 'messaging-thread': 3, 'feed-bubble': 3, 'profile-sdui': 0 } },
    experienceItem: { lastSeen: null, fixtures: { 'profile-sdui': 6, 'profile-classic': 5 } },
    experienceNestedItem: { lastSeen: null, fixtures: { 'profile-sdui': 4, 'profile-classic': 5 } },
    profileActions: { lastSeen: null, fixtures: { 'profile-sdui': 11, 'profile-classic': 9 } },
    pageData: { lastSeen: null, fixtures: { 'profile-sdui': 1, 'profile-classic': 2, 'profile-classic-code-2023': 2 } },
    codeData: { lastSeen: null, fixtures: { 'company-home': 1, 'company-about': 1, 'profile-classic-code-2023': 2 } },
    companyName: { lastSeen: '2026', fixtures: { 'company-home': 1, 'company-about': 1 } },
    companyInfoItem: { lastSeen: '2026', fixtures: { 'company-home': 4, 'company-about': 4 } },
    companyEmployeesLink: { lastSeen: '2026', fixtures: { 'company-home': 1, 'company-about': 1 } },
    companyDefinitionTerm: { lastSeen: '2026', fixtures: { 'company-about': 5, 'company-home': 0 } },
    companySizeValue: { lastSeen: '2026', fixtures: { 'company-about': 1, 'company-home': 0 } },
    companyLocationWrapper: { lastSeen: '2026', fixtures: { 'company-home': 1, 'company-about': 1 } },
    companyEmployeesOnLinkedIn: { lastSeen: '2026', fixtures: { 'company-about': 1, 'company-home': 0 } },
    invitationList: {
      lastSeen: '2026',
      fixtures: {},
      uncovered:
        'no invitation manager page among the fixtures; cards are read in capture/linkedin/identity-capture.test.ts from inline markup',
    },
    invitationCard: { lastSeen: '2026', fixtures: {}, uncovered: 'as invitationList' },
    invitationProfileLink: {
      lastSeen: '2026',
      fixtures: {},
      uncovered: 'as invitationList (matches any profile link elsewhere)',
    },
    invitationClassicName: { lastSeen: '2026', fixtures: {}, uncovered: 'as invitationList' },
    invitationClassicHeadline: { lastSeen: '2026', fixtures: {}, uncovered: 'as invitationList' },
  };
}
