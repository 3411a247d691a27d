// HTML of the LinkedIn look-alike pages: the messaging page (Ember `msg-*` markup, 2024-26), a
// profile page in the server-driven layout (data-sdui-screen, componentkey, generated class names)
// or the classic Ember one, the feed (global nav + a chat bubble in #interop-outlet's open shadow
// root), and the invitation dialog drawn into that shadow root. The page's own script (APP_JS)
// behaves like LinkedIn's app: it reads messages through voyagerMessagingGraphQL, sends through
// createMessage (text/plain body with originToken, mailboxUrn, trackingId bytes), shows a sent
// message first without an id and sets data-event-urn when the server answers, and invites
// through the SDUI addaAddConnection server-request.
import {
  conversationUrn,
  findPerson,
  messageUrn,
  type LiCompany,
  type LiPerson,
  type LiState,
  type LiThread,
} from './state';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Generated class names of the SDUI build (stable per page load, meaningless). */
const ob = (seed: string) => '_' + Buffer.from(seed).toString('hex').slice(0, 8);

function nav(state: LiState): string {
  const v = state.viewer;
  return `<header id="global-nav" class="global-nav global-alert-offset-top" aria-label="Primary Navigation">
<div class="global-nav__content"><a href="/feed/" class="global-nav__branding" aria-label="LinkedIn"><span class="global-nav__logo">in</span></a>
<nav class="global-nav__nav" aria-label="Primary Navigation"><ul class="global-nav__primary-items">
<li class="global-nav__primary-item"><a href="/feed/" class="app-aware-link global-nav__primary-link">Home</a></li>
<li class="global-nav__primary-item"><a href="/mynetwork/" class="app-aware-link global-nav__primary-link">My Network</a></li>
<li class="global-nav__primary-item"><a href="/messaging/" class="app-aware-link global-nav__primary-link">Messaging</a></li>
<li class="global-nav__primary-item"><button class="global-nav__primary-link global-nav__primary-link-me-menu-trigger artdeco-dropdown__trigger artdeco-dropdown__trigger--placement-bottom ember-view" type="button" aria-expanded="false">
<img width="24" height="24" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="${esc(v.firstName + ' ' + v.lastName)}" class="global-nav__me-photo evi-image ember-view">
<span class="t-12 break-words block t-black--light t-normal global-nav__primary-link-text">Me</span></button></li>
</ul></nav></div></header>`;
}

function shell(state: LiState, title: string, body: string, boot: unknown, bodyClass = ''): string {
  return `<!DOCTYPE html><html lang="en" class="theme theme--mercado artdeco"><head><meta charset="utf-8">
<title>${esc(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>.visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);width:1px;height:1px;overflow:hidden}
.msg-form__contenteditable{min-height:40px;border:1px solid #ccc;white-space:pre-wrap}
#interop-outlet{position:fixed;right:0;bottom:0;z-index:10}</style></head>
<body class="render-mode-BIGPIPE nav-v2 ember-application boot-complete ${bodyClass}" dir="ltr">
<div id="artdeco-toasts__wormhole" class="ember-view"></div>
${nav(state)}
<div class="application-outlet"><div class="authentication-outlet"><div id="ember26" class="ember-view">
${body}
</div></div></div>
<div id="interop-outlet" data-testid="interop-shadowdom"></div>
<iframe src="/preload/" title="preload" style="display:none" tabindex="-1" aria-hidden="true"></iframe>
<script>window.__LI_BOOT = ${JSON.stringify({ ...(boot as object), realtime: state.realtimeClient ?? null, realtimeInFrame: state.realtimeFrame === 'preload' }).replace(/</g, '\\u003c')};</script>
<script>${REALTIME_JS}</script>
<script>${APP_JS}</script>
</body></html>`;
}

function convListItem(state: LiState, t: LiThread, active: boolean): string {
  const other = findPerson(state, t.other)!;
  const last = t.messages[t.messages.length - 1];
  const own = last && last.sender === state.viewer.memberId;
  const snippet = last ? (own ? 'You: ' : `${other.firstName}: `) + last.text : '';
  const time = last ? new Date(last.at).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }) : '';
  return `<li class="msg-conversation-listitem msg-conversations-container__convo-item msg-conversations-container__pillar ember-view">
<div class="msg-conversation-card msg-conversations-container__pillar ${active ? 'msg-conversations-container__convo-item-link--active' : ''}">
<div class="msg-conversation-listitem__link msg-conversations-container__convo-item-link pl3" tabindex="0" role="button" aria-label="${esc(other.firstName + ' ' + other.lastName)}">
<div class="msg-selectable-entity msg-selectable-entity--4"><img class="presence-entity__image EntityPhoto-circle-4" alt="${esc(other.firstName + ' ' + other.lastName)}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
<div class="msg-conversation-card__content--selectable">
<div class="msg-conversation-card__row msg-conversation-card__title-row">
<h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names truncate pr1 t-16 t-black t-normal"><span class="truncate">${esc(other.firstName + ' ' + other.lastName)}</span></h3>
<time class="msg-conversation-listitem__time-stamp msg-conversation-card__time-stamp t-14 t-black--light t-normal">${esc(time)}</time></div>
<div class="msg-conversation-card__row pr2"><p class="msg-conversation-card__message-snippet msg-conversation-card__message-snippet--v2 m0 t-14">${esc(snippet)}</p></div>
</div></div></div></li>`;
}

export function composeForm(): string {
  return `<form class="msg-form msg-form--thread-footer-feature ember-view">
<div class="msg-form__msg-content-container msg-form__message-texteditor relative flex-grow-1 display-flex">
<div class="msg-form__container full-width flex-grow-1"><div class="flex-grow-1 relative">
<div class="msg-form__contenteditable t-14 t-black--light t-normal flex-grow-1 full-height notranslate" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write a message…"><p><br></p></div>
<div class="msg-form__placeholder t-14 t-black--light t-normal" data-placeholder="Write a message…" aria-hidden="true"></div>
</div></div></div>
<footer class="msg-form__footer flex-shrink-zero"><div class="msg-form__right-actions display-flex align-items-center">
<button class="msg-form__send-button artdeco-button artdeco-button--1" type="submit">Send</button></div></footer></form>`;
}

/**
 * The line under the name in the conversation header. Real builds show the headline with a status
 * dot, or, while the person is or was recently online, a presence line instead of the headline
 * (`msg-entity-lockup__presence-status`): "Active 2h ago", "Mobile • 5m ago", "Available on mobile".
 */
export function headerSubtitle(p: LiPerson): string {
  const dot = `<div class="msg-entity-lockup__presence-indicator presence-entity__indicator presence-entity__indicator--size-1 presence-indicator--is-reachable"><span class="visually-hidden">Status is reachable</span></div>`;
  switch (p.presence ?? 'headline') {
    case 'active':
      return `<div class="msg-entity-lockup__entity-info t-12 t-black--light"><div class="msg-entity-lockup__presence-status t-12 t-black--light t-normal">Active 2h ago</div></div>`;
    case 'mobile':
      return `<div class="msg-entity-lockup__entity-info t-12 t-black--light"><div class="msg-entity-lockup__presence-status t-12 t-black--light t-normal">Mobile • 5m ago</div></div>`;
    case 'available':
      return `<div class="msg-entity-lockup__entity-info t-12 t-black--light"><div class="msg-entity-lockup__presence-status t-12 t-black--light t-normal">Available on mobile</div></div>`;
    case 'online-dot':
      return `<dd class="msg-entity-lockup__entity-info t-12 t-black--light">${dot}\n${esc(p.headline)}\n</dd>`;
    default:
      return `<div class="msg-entity-lockup__entity-info t-12 t-black--light">${esc(p.headline)}</div>`;
  }
}

/** `/messaging/thread/<id>/`: conversation list + the open thread (items rendered by APP_JS from GraphQL). */
export function messagingPage(state: LiState, thread: LiThread | null): string {
  const other = thread ? findPerson(state, thread.other)! : null;
  const list = state.threads.map((t) => convListItem(state, t, t === thread)).join('\n');
  const pane =
    thread && other
      ? `<div class="msg-convo-wrapper msg-thread ember-view">
<div class="msg-title-bar global-title-container shared-title-bar"><div class="msg-entity-lockup">
<a class="msg-thread__link-to-profile app-aware-link" href="https://www.linkedin.com/in/${other.memberId}"><h2 class="msg-entity-lockup__entity-title t-16 t-black t-bold">${esc(other.firstName + ' ' + other.lastName)}</h2></a>
${headerSubtitle(other)}</div></div>
<div class="msg-s-message-list-container relative display-flex mbA ember-view"><div class="msg-s-message-list full-width scrollable">
<ul class="msg-s-message-list-content list-style-none full-width mbA"></ul></div></div>
${composeForm()}</div>`
      : `<div class="msg-convo-wrapper"><p class="t-16">Select a conversation</p></div>`;
  const boot = {
    page: 'messaging',
    viewer: state.viewer.memberId,
    viewerName: `${state.viewer.firstName} ${state.viewer.lastName}`,
    thread: thread ? { id: thread.id, conversationUrn: conversationUrn(state, thread) } : null,
  };
  return shell(
    state,
    'Messaging | LinkedIn',
    `<main id="main" class="scaffold-layout__main" aria-label="Messaging">
<div class="scaffold-layout__list msg__list"><div class="msg-conversations-container msg-conversations-container--inbox-shortcuts">
<ul class="list-style-none msg-conversations-container__conversations-list">${list}</ul></div></div>
<div class="scaffold-layout__detail msg__detail">${pane}</div></main>`,
    boot,
  );
}

/**
 * The invitation action the SDUI profile streams in its RSC data (what the Connect button posts):
 * the invitee's numeric id, state key and canonical URL, next to the fsd_profile URN of the card.
 * Real pages carry it as JSON inside a JS string (escaped quotes), as public clients read it.
 */
function sduiRscData(p: LiPerson): string {
  const action = {
    requestId: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
    requestedArguments: {
      $type: 'proto.sdui.actions.requests.RequestedArguments',
      payload: {
        inviteeUrn: { memberId: p.numericId },
        nonIterableProfileId: '',
        renderMode: 'IconAndText',
        firstName: p.firstName,
        lastName: p.lastName,
        isDisabled: { key: `connect-button-disabled-${p.publicId}`, namespace: null },
        connectionState: { key: `state:invitation:urn:li:member:${p.numericId}`, namespace: null },
        origin: 'InvitationOrigin_PROFILE',
        profileCanonicalUrl: `https://www.linkedin.com/in/${p.publicId}`,
        inviteeVanityName: p.publicId,
      },
    },
  };
  const line = `8:["$","$L1c",null,{"viewTrackingSpecs":[{"viewName":"profile-top-card","profileUrn":"urn:li:fsd_profile:${p.memberId}"}],"action":${JSON.stringify(action)}}]`;
  return `<script>(self.__como_rehydration__ = self.__como_rehydration__ || []).push(${JSON.stringify(line).replace(/</g, '\\u003c')})</script>`;
}

function sduiProfile(state: LiState, p: LiPerson): string {
  const name = `${p.firstName} ${p.lastName}`;
  const degree = p.degree === 1 ? '1st' : p.degree === 2 ? '2nd' : '3rd+';
  // The Message button is a button: no URL naming the member id on the page.
  const msg = `<button type="button" class="${ob('msgbtn')}" aria-label="Message ${esc(p.firstName)}"><span class="${ob('t')}">Message</span></button>`;
  const action =
    p.degree === 1
      ? msg
      : p.pending
        ? `<button class="${ob('pend')}" aria-label="Pending, click to withdraw invitation sent to ${esc(name)}" type="button"><span class="${ob('t')}">Pending</span></button>${msg}`
        : `<button class="${ob('conn')}" aria-label="Invite ${esc(name)} to connect" type="button"><span class="${ob('t')}">Connect</span></button>${msg}`;
  const companyHref = p.companySlug ? `https://www.linkedin.com/company/${p.companySlug}/` : null;
  const logo = companyHref
    ? `<a href="${companyHref}" class="${ob('logo')}" tabindex="-1" aria-hidden="true"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>`
    : `<div class="${ob('logo')}"></div>`;
  return `<main class="${ob('main' + p.publicId)}" data-sdui-screen="com.linkedin.sdui.flagshipnav.profile.Profile">
<div class="${ob('col')}"><section componentkey="com.linkedin.sdui.profile.card.ref${p.memberId}Topcard" class="${ob('card')}">
<div class="${ob('top1')}"><figure class="${ob('fig')}"><img alt="${esc(name)}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></figure></div>
<div class="${ob('top2')}"><div class="${ob('row')}"><h2 class="${ob('name')}">${esc(name)}</h2><p class="${ob('deg')}"><span aria-hidden="true">· ${degree}</span><span class="${ob('vh')}" style="position:absolute;clip:rect(1px,1px,1px,1px)">${degree} degree connection</span></p></div>
<p class="${ob('head')}">${esc(p.headline)}</p>
<div class="${ob('locrow')}"><p class="${ob('loc')}">${esc(p.location)}</p><span aria-hidden="true">·</span><a href="/in/${p.publicId}/overlay/contact-info/" class="${ob('ci')}">Contact info</a></div>
<p class="${ob('cnt')}"><a href="/mynetwork/invite-connect/connections/">500+ connections</a></p>
<div class="${ob('acts')}">${action}</div></div></section>
<section componentkey="com.linkedin.sdui.profile.card.ref${p.memberId}About" class="${ob('card')}"><div><h2 class="${ob('h')}">About</h2></div><p>${esc('Building things with great teams.')}</p></section>
<section componentkey="com.linkedin.sdui.profile.card.ref${p.memberId}ExperienceTopLevelSection" class="${ob('card')}"><div class="${ob('hd')}"><h2 class="${ob('h')}">Experience</h2></div>
<div componentkey="entity-collection-item-${ob(p.title)}" class="${ob('item')}">${logo}<div class="${ob('txt')}"><p class="${ob('t1')}">${esc(p.title)}</p><p class="${ob('t2')}">${esc(p.company)} · Full-time</p><p class="${ob('t3')}">Jan 2022 - Present · 3 yrs 11 mos</p><p class="${ob('t3')}">${esc(p.location)}</p></div></div>
<div componentkey="entity-collection-item-${ob('prev')}" class="${ob('item')}"><a href="https://www.linkedin.com/company/initech/" class="${ob('logo')}" tabindex="-1" aria-hidden="true"></a><div class="${ob('txt')}"><p class="${ob('t1')}">Account Executive</p><p class="${ob('t2')}">Initech · Full-time</p><p class="${ob('t3')}">2018 - 2021 · 3 yrs</p></div></div>
</section></div></main>${sduiRscData(p)}`;
}

/**
 * The classic page boots with its API responses as JSON in hidden `<code>` elements; the top card's
 * response (`identity/dash/profiles?q=memberIdentity…WebTopCardCore`) holds the Profile entity
 * with its fsd_profile URN, `objectUrn: urn:li:member:<n>` and `publicIdentifier`
 * (test/fixtures/linkedin/profile-classic-code-2023.json is a real one).
 */
function classicCodeData(state: LiState, p: LiPerson): string {
  const guid = 104000 + (Number(p.numericId) % 900);
  const body = {
    data: {
      entityUrn: 'urn:li:collectionResponse:dbIx7MsYORcVsKofdD+ilcmRKXjnSjrc4kO6tV3EIyg=',
      paging: { count: 10, start: 0, links: [] },
      '*elements': [`urn:li:fsd_profile:${p.memberId}`],
      $type: 'com.linkedin.restli.common.CollectionResponse',
    },
    included: [
      {
        entityUrn: 'urn:li:fsd_geo:101282230',
        defaultLocalizedName: p.location,
        $type: 'com.linkedin.voyager.dash.common.Geo',
      },
      {
        objectUrn: `urn:li:member:${p.numericId}`,
        entityUrn: `urn:li:fsd_profile:${p.memberId}`,
        firstName: p.firstName,
        lastName: p.lastName,
        headline: p.headline,
        publicIdentifier: p.publicId,
        experienceCardUrn: `urn:li:fsd_profileCard:(${p.memberId},EXPERIENCE,en_US)`,
        trackingId: 'KanjSvd9RYCRhqUu+vTGKA==',
        $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
      },
      ...pendingInvitationEntities(state, p),
    ],
  };
  const req = {
    request: `/voyager/api/identity/dash/profiles?q=memberIdentity&memberIdentity=${p.publicId}&decorationId=com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-16`,
    status: 200,
    body: `bpr-guid-${guid}`,
    method: 'GET',
  };
  return `<code style="display: none" id="bpr-guid-${guid}">\n  ${esc(JSON.stringify(body))}\n</code>\n<code style="display: none" id="datalet-bpr-guid-${guid}">\n  ${esc(JSON.stringify(req))}\n</code>`;
}

/** The viewer's invitation to `p` still pending, if any. */
export const pendingInvitation = (state: LiState, p: LiPerson) =>
  p.pending ? [...state.invitations].reverse().find((i) => i.to === p.memberId && !i.withdrawn) : undefined;

/**
 * The relationship entities of the classic top card's data: with an invitation pending, the
 * MemberRelationship points at it and the Invitation entity names the invitee (the shapes of
 * geekloomstudio/linkedin-scraper data/samples/get_profile_after_connection_request.md at
 * b3a9bb7232f84d0d66a853bdea79d5d14f293ca1).
 */
function pendingInvitationEntities(state: LiState, p: LiPerson): object[] {
  const inv = pendingInvitation(state, p);
  if (!inv)
    return [
      {
        entityUrn: `urn:li:fsd_memberRelationship:${p.memberId}`,
        $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship',
      },
    ];
  const urn = `urn:li:fsd_invitation:${inv.id}`;
  return [
    {
      entityUrn: `urn:li:fsd_memberRelationship:${p.memberId}`,
      memberRelationship: {
        self: null,
        connection: null,
        noConnection: {
          memberDistance: `DISTANCE_${p.degree}`,
          invitation: { noInvitation: null, '*invitation': urn },
          $type: 'com.linkedin.voyager.dash.relationships.NoConnection',
        },
      },
      memberRelationshipDataResolutionResult: { noInvitation: null, connection: null, '*invitation': urn },
      $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship',
    },
    {
      invitationType: 'SENT',
      '*inviteeMemberResolutionResult': `urn:li:fsd_profile:${p.memberId}`,
      entityUrn: urn,
      invitationState: 'PENDING',
      invitationId: Number(inv.id),
      message: null,
      sharedSecret: null,
      $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
    },
  ];
}

function classicProfile(state: LiState, p: LiPerson): string {
  const name = `${p.firstName} ${p.lastName}`;
  const degree = p.degree === 1 ? '1st' : p.degree === 2 ? '2nd' : '3rd+';
  const company = p.companySlug ? state.companies.find((c) => c.slug === p.companySlug) : undefined;
  // Classic Experience items link the company page by its numeric id.
  const companyHref = company ? `https://www.linkedin.com/company/${company.numericId}/` : null;
  const action =
    p.degree === 1
      ? `<button aria-label="Message ${esc(p.firstName)}" class="artdeco-button artdeco-button--2 artdeco-button--primary ember-view pvs-profile-actions__action" type="button"><span class="artdeco-button__text">Message</span></button>`
      : p.pending
        ? `<button aria-label="Pending, click to withdraw invitation sent to ${esc(name)}" class="artdeco-button artdeco-button--2 artdeco-button--secondary ember-view pvs-profile-actions__action" type="button"><span class="artdeco-button__text">Pending</span></button>`
        : `<button aria-label="Invite ${esc(name)} to connect" class="artdeco-button artdeco-button--2 artdeco-button--primary ember-view pvs-profile-actions__action" type="button"><span class="artdeco-button__text">Connect</span></button>`;
  return `<main id="main" class="scaffold-layout__main" aria-label="Main Feed">
<section class="artdeco-card pv-top-card ember-view"><div class="ph5 pb5"><div class="mt2 relative"><div>
<div class="pv-text-details__left-panel"><span class="artdeco-hoverable-trigger"><a href="/in/${p.publicId}/overlay/about-this-profile/" class="ember-view"><h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${esc(name)}</h1></a></span>
<span class="distance-badge separator ember-view"><span class="visually-hidden">${degree} degree connection</span><span class="dist-value" aria-hidden="true">${degree}</span></span></div>
<div class="text-body-medium break-words">${esc(p.headline)}</div></div>
<div class="pv-text-details__left-panel mt2"><span class="text-body-small inline t-black--light break-words">${esc(p.location)}</span>
<span class="pv-text-details__separator t-black--light">·</span><a href="/in/${p.publicId}/overlay/contact-info/" id="top-card-text-details-contact-info" class="ember-view link-without-visited-state">Contact info</a></div>
<div class="pv-top-card-v2-ctas"><div class="pvs-profile-actions">${action}</div></div></div></div></section>
<section class="artdeco-card pv-profile-card break-words ember-view"><div id="experience" class="pv-profile-card__anchor"></div>
<div class="pvs-header__container"><div class="pvs-header__title-container"><h2 class="pvs-header__title text-heading-large"><span aria-hidden="true">Experience</span><span class="visually-hidden">Experience</span></h2></div></div>
<div class="pvs-list__outer-container"><ul class="pvs-list ph5 display-flex flex-row flex-wrap">
<li class="artdeco-list__item pvs-list__item--line-separated pvs-list__item--one-column"><div class="pvs-entity">${companyHref ? `<a class="optional-action-target-wrapper display-flex" target="_self" href="${companyHref}"><div class="ivm-image-view-model"><img width="48" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="${esc(p.company)} logo"></div></a>` : ''}<div class="display-flex flex-column full-width">
<div class="display-flex align-items-center mr1 t-bold"><span aria-hidden="true">${esc(p.title)}</span><span class="visually-hidden">${esc(p.title)}</span></div>
<span class="t-14 t-normal"><span aria-hidden="true">${esc(p.company)} · Full-time</span><span class="visually-hidden">${esc(p.company)} · Full-time</span></span>
<span class="t-14 t-normal t-black--light"><span aria-hidden="true">Mar 2020 - Present · 5 yrs 9 mos</span></span></div></div></li>
</ul></div></section></main>
${classicCodeData(state, p)}`;
}

/** The contact info overlay (`/in/<slug>/overlay/contact-info/`): a dialog over the profile with the email. */
function contactInfoDialog(p: LiPerson): string {
  const email = p.email
    ? `<a href="mailto:${esc(p.email)}" class="pv-contact-info__contact-link link-without-visited-state t-14" target="_blank" rel="noopener noreferrer">${esc(p.email)}</a>`
    : '';
  if (p.layout === 'classic') {
    return `<div id="artdeco-modal-outlet"><div class="artdeco-modal-overlay artdeco-modal-overlay--layer-default"><div role="dialog" aria-labelledby="pv-contact-info" class="artdeco-modal artdeco-modal--layer-default">
<button aria-label="Dismiss" class="artdeco-modal__dismiss artdeco-button artdeco-button--circle" type="button"></button>
<div class="artdeco-modal__header"><h1 id="pv-contact-info" class="t-20 t-black t-normal">${esc(p.firstName + ' ' + p.lastName)}</h1></div>
<div class="artdeco-modal__content"><div class="pv-profile-section__section-info section-info">
<section class="pv-contact-info__contact-type"><h3 class="pv-contact-info__header t-16 t-black t-bold">${esc(p.firstName)}'s Profile</h3><div class="pv-contact-info__ci-container t-14"><a href="https://www.linkedin.com/in/${p.publicId}" class="link-without-visited-state">linkedin.com/in/${p.publicId}</a></div></section>
${p.email ? `<section class="pv-contact-info__contact-type ci-email"><h3 class="pv-contact-info__header t-16 t-black t-bold">Email</h3><div class="pv-contact-info__ci-container t-14">${email}</div></section>` : ''}
</div></div></div></div></div>`;
  }
  return `<div role="dialog" aria-modal="true" aria-label="Contact info" class="${ob('dlg')}"><section componentkey="com.linkedin.sdui.profile.card.ref${p.memberId}ContactInfoDetailSection" class="${ob('cis')}">
<h2 class="${ob('h')}">Contact info</h2>
<div class="${ob('row')}"><p class="${ob('lbl')}">Your Profile</p><a href="https://www.linkedin.com/in/${p.publicId}">linkedin.com/in/${p.publicId}</a></div>
${p.email ? `<div class="${ob('row')}"><p class="${ob('lbl')}">Email</p>${email}</div>` : ''}
</section></div>`;
}

export function profilePage(state: LiState, p: LiPerson, overlay: 'contact-info' | null = null): string {
  const thread = state.threads.find((t) => t.other === p.memberId) ?? null;
  const boot = {
    page: 'profile',
    viewer: state.viewer.memberId,
    viewerName: `${state.viewer.firstName} ${state.viewer.lastName}`,
    profile: {
      memberId: p.memberId,
      numericId: p.numericId,
      publicId: p.publicId,
      firstName: p.firstName,
      lastName: p.lastName,
      name: `${p.firstName} ${p.lastName}`,
      layout: p.layout,
      invitationId: pendingInvitation(state, p)?.id ?? null,
    },
    thread: thread ? { id: thread.id, conversationUrn: conversationUrn(state, thread) } : null,
    inviteSduiId: state.inviteSduiId ?? 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
  };
  const name = `${p.firstName} ${p.lastName}`;
  const body =
    (p.layout === 'sdui' ? sduiProfile(state, p) : classicProfile(state, p)) +
    (overlay === 'contact-info' ? contactInfoDialog(p) : '');
  return shell(state, `${name} | LinkedIn`, body, boot);
}

const COMPANY_LABELS = {
  industry: 'Industry',
  size: 'Company size',
  hq: 'Headquarters',
  website: 'Website',
  founded: 'Founded',
};

/**
 * `/company/<slug>/` and `/company/<slug>/about/` in the Ember `org-*` markup: the top card (name,
 * info items: industry, then location, followers and the employees link naming the numeric id in
 * `currentCompany`), and on the About tab the definition list (size band in its own dd, the
 * associated members count after it).
 */
export function companyPage(state: LiState, c: LiCompany, tab: 'home' | 'about'): string {
  const L = COMPANY_LABELS;
  const employeesHref = `/search/results/people/?currentCompany=${encodeURIComponent(JSON.stringify([c.numericId]))}&origin=COMPANY_PAGE_CANNED_SEARCH`;
  const top = `<section class="org-top-card artdeco-card"><div class="org-top-card-primary-content__logo-container"><img alt="${esc(c.name)} logo" class="org-top-card-primary-content__logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
<div class="block mt4"><div><h1 id="ember37" class="ember-view org-top-card-summary__title full-width inline" title="${esc(c.name)}">${esc(c.name)}</h1>
<div class="org-top-card-summary-info-list"><div class="org-top-card-summary-info-list__info-item">${esc(c.industry)}</div>
<div class="inline-block"><div class="org-top-card-summary-info-list__info-item">${esc(c.headquarters)}</div><div class="org-top-card-summary-info-list__info-item">${esc(c.followers)} followers</div>
<a href="${esc(employeesHref)}" class="ember-view org-top-card-summary-info-list__info-item org-top-card-summary-info-list__info-item-link"><span class="t-normal t-black--light">${esc(c.topCardSize)}</span></a></div></div></div></div>
<nav class="org-page-navigation" aria-label="Organization’s page navigation"><ul class="org-page-navigation__items"><li><a href="/company/${c.slug}/" class="org-page-navigation__item-anchor${tab === 'home' ? ' active' : ''}">Home</a></li><li><a href="/company/${c.slug}/about/" class="org-page-navigation__item-anchor${tab === 'about' ? ' active' : ''}">About</a></li><li><a href="/company/${c.slug}/people/" class="org-page-navigation__item-anchor">People</a></li></ul></nav></section>`;
  const about = `<section class="artdeco-card org-page-details-module__card-spacing artdeco-card org-about-module__margin-bottom"><h2 class="text-heading-xlarge">Overview</h2>
<p class="break-words white-space-pre-wrap t-black--light text-body-medium">${esc(c.name)} builds things for teams.</p>
<dl class="overflow-hidden">
<dt class="mb1"><h3 class="text-heading-medium">${L.website}</h3></dt><dd class="mb4 text-body-medium"><a href="https://${c.slug}.example" class="link-without-visited-state"><span dir="ltr">https://${c.slug}.example</span></a></dd>
<dt class="mb1"><h3 class="text-heading-medium">${L.industry}</h3></dt><dd class="mb4 t-black--light text-body-medium">${esc(c.industry)}</dd>
<dt class="mb1"><h3 class="text-heading-medium">${L.size}</h3></dt><dd class="t-black--light text-body-medium mb1 org-about-company-module__company-size-definition-text">${esc(c.size)}</dd>
<dd class="t-black--light text-body-medium mb4 org-page-details__employees-on-associated">${(Number(c.numericId) % 900) + 12} associated members</dd>
<dt class="mb1"><h3 class="text-heading-medium">${L.hq}</h3></dt><dd class="mb4 t-black--light text-body-medium">${esc(c.headquarters)}</dd>
<dt class="mb1"><h3 class="text-heading-medium">${L.founded}</h3></dt><dd class="mb4 t-black--light text-body-medium">2009</dd>
</dl></section>`;
  const home = `<section class="artdeco-card"><h2 class="text-heading-xlarge">About</h2><p class="break-words white-space-pre-wrap">${esc(c.name)} builds things for teams.</p><a href="/company/${c.slug}/about/">Show all details</a></section>`;
  const data = `<code style="display: none" id="bpr-guid-2${c.numericId.slice(-5)}">\n  ${esc(JSON.stringify({ data: { '*elements': [`urn:li:fsd_company:${c.numericId}`] }, included: [{ entityUrn: `urn:li:fsd_company:${c.numericId}`, universalName: c.slug, name: c.name, $type: 'com.linkedin.voyager.dash.organization.Company' }] }))}\n</code>`;
  const boot = {
    page: 'company',
    viewer: state.viewer.memberId,
    viewerName: `${state.viewer.firstName} ${state.viewer.lastName}`,
  };
  return shell(
    state,
    `${c.name}: ${tab === 'about' ? 'About' : 'Overview'} | LinkedIn`,
    `<main id="main" class="scaffold-layout__main org-organization-page">${top}${tab === 'about' ? about : home}</main>${data}`,
    boot,
  );
}

/**
 * The invitation manager (`/mynetwork/invitation-manager/sent/` and received), server-driven: a
 * list under `componentkey="InvitationManagerPage_InvitationsList"`, one card per invitation with
 * the person's profile link, name, headline and when it was sent.
 */
export function invitationManagerPage(state: LiState, which: 'sent' | 'received'): string {
  const sent = state.invitations.filter((inv) => which === 'sent' && !inv.withdrawn);
  const rows = sent
    .map((inv) => state.people.find((p) => p.memberId === inv.to))
    .filter((p): p is LiPerson => !!p && p.pending)
    .map(
      (p) => `<div role="listitem" componentkey="invitation-card-${ob(p.publicId)}" class="${ob('inv')}">
<a href="https://www.linkedin.com/in/${p.publicId}/" aria-label="${esc(p.firstName + ' ' + p.lastName)}" class="${ob('ph')}"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a>
<div class="${ob('tx')}"><p class="${ob('n')}"><a href="https://www.linkedin.com/in/${p.publicId}/">${esc(p.firstName + ' ' + p.lastName)}</a></p><p class="${ob('h')}">${esc(p.headline)}</p><p class="${ob('t')}">Sent today</p></div>
<button type="button" aria-label="Withdraw invitation sent to ${esc(p.firstName + ' ' + p.lastName)}" class="${ob('wd')}"><span>Withdraw</span></button></div>`,
    )
    .join('\n');
  // What the page's own data gives each row's Withdraw action (the captured payload's fields).
  const rowData = sent
    .map((inv) => state.people.find((p) => p.memberId === inv.to))
    .filter((p): p is LiPerson => !!p && p.pending)
    .map((p) => ({
      name: `${p.firstName} ${p.lastName}`,
      firstName: p.firstName,
      lastName: p.lastName,
      publicId: p.publicId,
      memberId: p.memberId,
      invitationId: pendingInvitation(state, p)!.id,
    }));
  const boot = {
    page: 'invitations',
    viewer: state.viewer.memberId,
    viewerName: `${state.viewer.firstName} ${state.viewer.lastName}`,
    rows: rowData,
  };
  return shell(
    state,
    'Invitations | LinkedIn',
    `<main class="${ob('imain')}" data-sdui-screen="com.linkedin.sdui.flagshipnav.mynetwork.InvitationManager${which === 'sent' ? 'Sent' : 'Received'}">
<h1 class="${ob('ih')}">Manage invitations</h1><div componentkey="InvitationManagerPage_InvitationsList" class="${ob('list')}">${rows || `<p>No ${which} invitations</p>`}</div></main>`,
    boot,
  );
}

/** `/feed/`: nav + feed; `bubbleWith` opens a chat bubble with that person's conversation. */
export function feedPage(state: LiState, bubbleWith: LiPerson | null): string {
  const thread = bubbleWith ? (state.threads.find((t) => t.other === bubbleWith.memberId) ?? null) : null;
  const boot = {
    page: 'feed',
    viewer: state.viewer.memberId,
    viewerName: `${state.viewer.firstName} ${state.viewer.lastName}`,
    bubble: bubbleWith
      ? {
          memberId: bubbleWith.memberId,
          name: `${bubbleWith.firstName} ${bubbleWith.lastName}`,
          thread: thread ? { id: thread.id, conversationUrn: conversationUrn(state, thread) } : null,
        }
      : null,
  };
  return shell(
    state,
    'Feed | LinkedIn',
    `<main id="main" class="scaffold-layout__main" aria-label="Main Feed"><div class="scaffold-finite-scroll">
<div class="feed-shared-update-v2 artdeco-card"><span class="update-components-text">Congrats to the team on the launch!</span></div></div></main>`,
    boot,
  );
}

// The realtime client: reads /realtime/connect with a streamed fetch or an EventSource; each
// "data:" line is one envelope, handed to the app's __liRealtime in `target` (the page itself, or
// the parent page when the /preload/ frame runs the client). Reconnects when the stream ends.
export const REALTIME_JS = String.raw`
function connectRealtime(mode, target) {
  var url = '/realtime/connect?rc=1';
  function deliver(line) { try { target.__liRealtime(JSON.parse(line)); } catch (e) { /* not for this page */ } }
  if (mode === 'eventsource') {
    var es = new EventSource(url, { withCredentials: true });
    es.onmessage = function (e) { deliver(e.data); };
    return;
  }
  (function connect() {
    fetch(url, { headers: { accept: 'text/event-stream' }, credentials: 'include' })
      .then(function (r) {
        var reader = r.body.getReader(); var dec = new TextDecoder(); var buf = '';
        return (function pump() {
          return reader.read().then(function (x) {
            if (x.done) return;
            buf += dec.decode(x.value, { stream: true });
            var i;
            while ((i = buf.indexOf('\n')) >= 0) { var l = buf.slice(0, i); buf = buf.slice(i + 1); if (l.indexOf('data:') === 0) deliver(l.slice(5).trim()); }
            return pump();
          });
        })();
      })
      .catch(function () {})
      .then(function () { setTimeout(connect, 300); });
  })();
}
`;

/** The hidden /preload/ frame; with `realtimeFrame: 'preload'` it runs the realtime client for its parent. */
export function preloadPage(state: LiState): string {
  const client =
    state.realtimeClient && state.realtimeFrame === 'preload'
      ? `<script>${REALTIME_JS}\nconnectRealtime(${JSON.stringify(state.realtimeClient)}, parent);</script>`
      : '';
  return `<!DOCTYPE html><html><head><title>preload</title></head><body>${client}</body></html>`;
}

// The page's own app. Plain ES2020 in a string: it runs in the page's main world, like LinkedIn's.
export const APP_JS = String.raw`
(function () {
  'use strict';
  var boot = window.__LI_BOOT;
  var outlet = document.getElementById('interop-outlet');
  var shadow = outlet.attachShadow({ mode: 'open' });
  var csrf = 'ajax:' + '4356829701234567890';
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function uuid() { return crypto.randomUUID(); }
  function tracking() { var a = new Uint8Array(16); crypto.getRandomValues(a); return String.fromCharCode.apply(null, Array.from(a)); }
  function headers() { return { 'csrf-token': csrf, 'x-restli-protocol-version': '2.0.0', 'x-li-lang': 'en_US', 'content-type': 'text/plain;charset=UTF-8', accept: 'application/json' }; }
  function fmtTime(ms) { return new Date(ms).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }); }

  // --- message list rendering (shared by the thread pane and bubbles) ---
  function renderItem(list, m) {
    var li = el('li', 'msg-s-message-list__event clearfix');
    var mine = m.senderId === boot.viewer;
    var prev = list.lastElementChild && list.lastElementChild.__sender;
    var ev = el('div', 'msg-s-event-listitem' + (mine ? '' : ' msg-s-event-listitem--other'));
    if (m.urn) ev.setAttribute('data-event-urn', m.urn);
    if (prev !== m.senderId) {
      var a = el('a', 'msg-s-event-listitem__link'); a.href = m.senderProfileUrl;
      var img = el('img', 'msg-s-event-listitem__profile-picture'); img.alt = m.senderName; img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      a.appendChild(img); ev.appendChild(a);
      var meta = el('div', 'msg-s-message-group__meta');
      meta.appendChild(el('span', 'msg-s-message-group__name t-14 t-black t-bold', m.senderName));
      meta.appendChild(el('time', 'msg-s-message-group__timestamp white-space-nowrap t-12 t-black--light t-normal', fmtTime(m.at)));
      ev.appendChild(meta);
    }
    var bubble = el('div', 'msg-s-event-listitem__message-bubble');
    var body = el('p', 'msg-s-event-listitem__body t-14 t-black--light t-normal');
    bubble.appendChild(body); ev.appendChild(bubble); li.appendChild(ev);
    setBody(ev, m);
    if (mine && !m.recalled) addOptions(ev);
    li.__sender = m.senderId;
    list.appendChild(li);
    return ev;
  }
  // A recalled message keeps its place with a placeholder; an edited one shows "(Edited)" under it.
  var RECALLED = 'This message has been deleted.';
  function setBody(ev, m) {
    var body = ev.querySelector('.msg-s-event-listitem__body');
    while (body.firstChild) body.removeChild(body.firstChild);
    var lines = (m.recalled ? RECALLED : m.text).split('\n');
    lines.forEach(function (line, i) { if (i) body.appendChild(document.createElement('br')); body.appendChild(document.createTextNode(line)); });
    body.classList.toggle('msg-s-event-listitem__body--deleted', !!m.recalled);
    var mark = ev.querySelector('.msg-s-event-listitem__edited');
    if (m.edited && !m.recalled && !mark) ev.querySelector('.msg-s-event-listitem__message-bubble').appendChild(el('span', 'msg-s-event-listitem__edited t-12 t-black--light', '(Edited)'));
    if (m.recalled) { var o = ev.querySelector('.msg-s-event-listitem__options'); if (o) o.remove(); if (mark) mark.remove(); }
  }
  // Own messages: "More options" → Edit / Delete (LinkedIn offers both on messages you sent).
  function addOptions(ev) {
    var wrap = el('div', 'msg-s-event-listitem__options');
    var btn = el('button', 'msg-s-event-listitem__options-trigger artdeco-button artdeco-button--circle artdeco-button--1 artdeco-button--tertiary', '…');
    btn.type = 'button'; btn.setAttribute('aria-label', 'Open the options list for this message');
    wrap.appendChild(btn); ev.appendChild(wrap);
    btn.addEventListener('click', function () {
      var old = wrap.querySelector('[role="menu"]'); if (old) { old.remove(); return; }
      var menu = el('div', 'artdeco-dropdown__content msg-s-event-listitem__options-menu'); menu.setAttribute('role', 'menu');
      ['Edit', 'Delete'].forEach(function (label) {
        var item = el('div', 'artdeco-dropdown__item', label); item.setAttribute('role', 'menuitem'); item.tabIndex = 0;
        item.addEventListener('click', function () { menu.remove(); if (label === 'Edit') startEdit(ev); else confirmRecall(ev); });
        menu.appendChild(item);
      });
      wrap.appendChild(menu);
    });
  }
  function confirmRecall(ev) {
    var d = el('div', 'artdeco-modal artdeco-modal--layer-default'); d.setAttribute('role', 'dialog'); d.setAttribute('aria-label', 'Delete message?');
    d.appendChild(el('h2', 't-20', 'Delete message?'));
    d.appendChild(el('p', 't-14', 'This will delete the message for everyone in the conversation.'));
    var cancel = el('button', 'artdeco-button artdeco-button--secondary', 'Cancel'); cancel.type = 'button';
    var del = el('button', 'artdeco-button artdeco-button--primary', 'Delete'); del.type = 'button';
    cancel.addEventListener('click', function () { d.remove(); });
    del.addEventListener('click', function () {
      d.remove();
      var urn = ev.getAttribute('data-event-urn');
      fetch('/voyager/api/voyagerMessagingDashMessengerMessages?action=recall', { method: 'POST', headers: { 'csrf-token': csrf, 'content-type': 'application/json', accept: 'application/json' }, credentials: 'include', body: JSON.stringify({ messageUrn: urn }) })
        .then(function (r) { if (r.ok) setBody(ev, { recalled: true, text: '' }); });
    });
    d.appendChild(cancel); d.appendChild(del);
    (ev.getRootNode() === document ? document.body : ev.getRootNode()).appendChild(d);
  }
  function startEdit(ev) {
    var body = ev.querySelector('.msg-s-event-listitem__body');
    var form = el('form', 'msg-s-event-listitem__edit-form');
    var box = el('textarea', 'msg-s-event-listitem__edit-textarea'); box.setAttribute('aria-label', 'Edit message'); box.value = body.innerText;
    var save = el('button', 'artdeco-button artdeco-button--primary artdeco-button--1', 'Save'); save.type = 'submit';
    form.appendChild(box); form.appendChild(save);
    body.hidden = true;
    body.parentNode.insertBefore(form, body.nextSibling);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = box.value.trim();
      var urn = ev.getAttribute('data-event-urn');
      fetch('/voyager/api/voyagerMessagingDashMessengerMessages/' + encodeURIComponent(urn), { method: 'POST', headers: { 'csrf-token': csrf, 'content-type': 'application/json', accept: 'application/json' }, credentials: 'include', body: JSON.stringify({ patch: { $set: { body: { text: text, attributes: [] } } } }) })
        .then(function (r) { form.remove(); body.hidden = false; if (r.ok) setBody(ev, { text: text, edited: true }); });
    });
  }
  function findItem(urn) {
    var sel = '[data-event-urn="' + urn.replace(/"/g, '\\"') + '"]';
    return document.querySelector(sel) || shadow.querySelector(sel);
  }
  function fromDash(x) {
    var mem = x.sender.participantType.member;
    return { urn: x.entityUrn, text: x.body.text, at: x.deliveredAt, senderId: x.sender.hostIdentityUrn.split(':').pop(), senderName: mem.firstName.text + ' ' + mem.lastName.text, senderProfileUrl: mem.profileUrl, recalled: x.messageBodyRenderFormat === 'RECALLED', edited: x.messageBodyRenderFormat === 'EDITED' };
  }
  function loadThread(list, conversationUrn) {
    var vars = '(conversationUrn:' + encodeURIComponent(conversationUrn) + ')';
    return fetch('/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb71c981f11e0134cb6626cc314&variables=' + vars, { headers: headers(), credentials: 'include' })
      .then(function (r) { return r.json(); })
      .then(function (j) { j.data.messengerMessagesBySyncToken.elements.forEach(function (x) { renderItem(list, fromDash(x)); }); });
  }
  function textOf(box) { return box.innerText.replace(/\u00a0/g, ' ').replace(/\n+$/, ''); }
  function clearBox(box) { while (box.firstChild) box.removeChild(box.firstChild); var p = document.createElement('p'); p.appendChild(document.createElement('br')); box.appendChild(p); }

  // A send: show at once without an id, then set data-event-urn from the server's answer.
  function wireForm(form, ctx, list) {
    var box = form.querySelector('.msg-form__contenteditable');
    function send() {
      var text = textOf(box).trim();
      if (!text) return;
      clearBox(box);
      var ev = renderItem(list, { urn: null, text: text, at: Date.now(), senderId: boot.viewer, senderName: boot.viewerName, senderProfileUrl: 'https://www.linkedin.com/in/' + boot.viewer });
      var message = { body: { attributes: [], text: text }, renderContentUnions: [], originToken: uuid() };
      var body = { message: message, mailboxUrn: 'urn:li:fsd_profile:' + boot.viewer, trackingId: tracking(), dedupeByClientGeneratedToken: false };
      if (ctx.conversationUrn) message.conversationUrn = ctx.conversationUrn; else body.hostRecipientUrns = ['urn:li:fsd_profile:' + ctx.recipient];
      setTimeout(function () {
        fetch('/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage', { method: 'POST', headers: headers(), credentials: 'include', body: JSON.stringify(body) })
          .then(function (r) { return r.json(); })
          .then(function (j) {
            ev.setAttribute('data-event-urn', j.value.entityUrn);
            ctx.conversationUrn = j.value.conversationUrn;
            updateConvList(ctx.otherName, 'You: ' + text, Date.now(), true);
          });
      }, 150);
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); send(); });
    box.addEventListener('keydown', function (e) { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } });
  }

  function updateConvList(name, snippet, at, read) {
    var items = document.querySelectorAll('.msg-conversation-listitem');
    for (var i = 0; i < items.length; i++) {
      var n = items[i].querySelector('.msg-conversation-listitem__participant-names');
      if (n && n.textContent.trim() === name) {
        items[i].querySelector('.msg-conversation-card__message-snippet').textContent = snippet;
        items[i].querySelector('time').textContent = fmtTime(at);
        var card = items[i].querySelector('.msg-conversation-card');
        if (!read) card.classList.add('msg-conversation-card__convo-item-container--unread');
        items[i].parentNode.insertBefore(items[i], items[i].parentNode.firstChild);
      }
    }
  }

  // --- chat bubble in #interop-outlet's shadow root ---
  function openBubble(memberId, name, thread, presence) {
    var wrap = shadow.querySelector('.msg-overlay-container');
    if (!wrap) { wrap = el('div', 'msg-overlay-container'); shadow.appendChild(wrap); }
    var b = el('div', 'msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active msg-overlay-conversation-bubble--petite ml4');
    var header = el('header', 'msg-overlay-bubble-header');
    var h2 = el('h2', 'msg-overlay-bubble-header__title truncate t-14 t-bold t-black pr1');
    var a = el('a', 'profile-card-one-to-one__profile-link ember-view'); a.href = '/in/' + memberId + '/';
    a.appendChild(el('span', 'truncate', name)); h2.appendChild(a); header.appendChild(h2);
    if (presence) header.appendChild(el('p', 'msg-overlay-bubble-header__subtitle t-12 t-black--light', presence));
    b.appendChild(header);
    var content = el('div', 'msg-overlay-conversation-bubble__content-wrapper');
    var lc = el('div', 'msg-s-message-list-container'); var ml = el('div', 'msg-s-message-list'); var ul = el('ul', 'msg-s-message-list-content list-style-none');
    ml.appendChild(ul); lc.appendChild(ml); content.appendChild(lc);
    var tpl = document.createElement('template'); tpl.innerHTML = FORM_HTML; content.appendChild(tpl.content);
    b.appendChild(content); wrap.appendChild(b);
    var ctx = { conversationUrn: thread ? thread.conversationUrn : null, recipient: memberId, otherName: name };
    wireForm(b.querySelector('form'), ctx, ul);
    if (thread) loadThread(ul, thread.conversationUrn);
    return b;
  }
  var FORM_HTML = ${JSON.stringify('FORM_PLACEHOLDER')};

  // --- invitation dialog (also in the shadow root) ---
  function openInviteDialog(p) {
    var d = el('div', 'artdeco-modal artdeco-modal--layer-default send-invite');
    d.setAttribute('role', 'dialog'); d.setAttribute('aria-labelledby', 'send-invite-modal');
    var h = el('h2', 't-20', 'Add a note to your invitation?'); h.id = 'send-invite-modal'; d.appendChild(h);
    var note = el('textarea', 'ember-text-area ember-view connect-button-send-invite__custom-message mb3');
    note.name = 'message'; note.id = 'custom-message'; note.maxLength = 300; note.placeholder = 'Ex: We know each other from…'; note.hidden = true;
    var addNote = el('button', 'artdeco-button artdeco-button--muted artdeco-button--2 artdeco-button--secondary mr1', 'Add a note'); addNote.setAttribute('aria-label', 'Add a note'); addNote.type = 'button';
    var sendBtn = el('button', 'artdeco-button artdeco-button--2 artdeco-button--primary ml1'); sendBtn.type = 'button';
    sendBtn.setAttribute('aria-label', 'Send invitation'); sendBtn.appendChild(el('span', 'artdeco-button__text', 'Send'));
    addNote.addEventListener('click', function () { note.hidden = false; addNote.remove(); note.focus(); });
    sendBtn.addEventListener('click', function () {
      var payload = { inviteeUrn: { memberId: p.numericId }, nonIterableProfileId: '', renderMode: 'IconAndText', firstName: p.firstName, lastName: p.lastName, isDisabled: { key: 'connect-button-disabled-' + p.publicId, namespace: null }, connectionState: { key: 'state:invitation:urn:li:member:' + p.numericId, namespace: null }, origin: 'InvitationOrigin_PROFILE', profileCanonicalUrl: 'https://www.linkedin.com/in/' + p.publicId, postActionSentConfigs: [] };
      if (note.value.trim()) payload.customMessage = note.value;
      var sduiid = boot.inviteSduiId;
      var body = { requestId: sduiid, serverRequest: { $type: 'proto.sdui.actions.core.ServerRequest', requestId: sduiid, requestedArguments: { $type: 'proto.sdui.actions.requests.RequestedArguments', payload: payload, requestedStateKeys: [] }, isStreaming: false }, states: [] };
      fetch('/flagship-web/rsc-action/actions/server-request?sduiid=' + encodeURIComponent(sduiid), { method: 'POST', headers: { 'content-type': 'application/json', 'csrf-token': csrf }, credentials: 'include', body: JSON.stringify(body) })
        .then(function (r) {
          d.remove();
          if (!r.ok) return;
          var btn = document.querySelector('main button[aria-label^="Invite "]');
          if (btn) { btn.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to ' + p.name); btn.querySelector('span').textContent = 'Pending'; }
        });
    });
    d.appendChild(note); d.appendChild(addNote); d.appendChild(sendBtn);
    shadow.appendChild(d);
  }

  // --- realtime: what /realtime/connect delivers, handed in by the test harness ---
  window.__liRealtime = function (envelope) {
    var ev = envelope['com.linkedin.realtimefrontend.DecoratedEvent'];
    var x = ev.payload.data.doDecorateMessageMessengerRealtimeDecoration.result;
    var m = fromDash(x);
    // A recall or an edit of a message on screen changes it in place.
    var shown = findItem(m.urn);
    if (shown) { setBody(shown, m); return; }
    if (m.recalled) return;
    var conv = x.conversation.entityUrn;
    var open = (boot.thread && boot.thread.conversationUrn === conv) ? document.querySelector('.msg-thread .msg-s-message-list-content') : null;
    if (!open) { var bs = shadow.querySelectorAll('.msg-overlay-conversation-bubble'); for (var i = 0; i < bs.length; i++) if (bs[i].__conv === conv) open = bs[i].querySelector('.msg-s-message-list-content'); }
    if (open) renderItem(open, m);
    updateConvList(m.senderName, (m.senderId === boot.viewer ? 'You: ' : m.senderName.split(' ')[0] + ': ') + m.text, m.at, !!open);
  };

  if (boot.page === 'messaging' && boot.thread) {
    var list = document.querySelector('.msg-thread .msg-s-message-list-content');
    var other = document.querySelector('.msg-entity-lockup__entity-title').textContent.trim();
    loadThread(list, boot.thread.conversationUrn);
    wireForm(document.querySelector('.msg-thread form.msg-form'), { conversationUrn: boot.thread.conversationUrn, otherName: other }, list);
  }
  // --- withdrawing an invitation: a confirmation, then the server-driven action (what the
  // invitation manager and SDUI profiles post) or the Dash call by invitation id (classic) ---
  function confirmWithdraw(name, onYes) {
    var d = el('div', 'artdeco-modal artdeco-modal--layer-default'); d.setAttribute('role', 'dialog'); d.setAttribute('aria-label', 'Withdraw invitation');
    d.appendChild(el('h2', 't-20', 'Withdraw invitation'));
    d.appendChild(el('p', 't-14', 'If you withdraw now, you won’t be able to resend to ' + name + ' for up to 3 weeks.'));
    var cancel = el('button', 'artdeco-button artdeco-button--secondary', 'Cancel'); cancel.type = 'button';
    var yes = el('button', 'artdeco-button artdeco-button--primary', 'Withdraw'); yes.type = 'button';
    cancel.addEventListener('click', function () { d.remove(); });
    yes.addEventListener('click', function () { d.remove(); onYes(); });
    d.appendChild(cancel); d.appendChild(yes);
    document.body.appendChild(d);
  }
  function withdrawSdui(p) {
    var id = 'com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation';
    var payload = { inviterActionType: 'InviterActionType_WITHDRAW', inviteeVanityName: p.publicId, firstName: p.firstName, lastName: p.lastName, profileUrn: p.memberId, queryName: 'ProfileMemberRelationshipRefreshById', invitationType: 'GenericInvitationType_CONNECTION', invitationUrn: { invitationId: p.invitationId }, firstFiveInviteCount: { key: 'guidedFlowNumSentInvites', namespace: '' }, guidedFlowUrlandProfileList: { key: 'guidedFlowUrlAndPictureList', namespace: 'guidedFlowUrlAndPictureListNameSpace' } };
    var body = { requestId: id, serverRequest: { requestId: id, requestedArguments: { $type: 'proto.sdui.actions.requests.RequestedArguments', requestedStateKeys: [{ key: { value: { $case: 'id', id: 'guidedFlowNumSentInvites' } }, namespace: '' }, { key: { value: { $case: 'id', id: 'guidedFlowUrlAndPictureList' } }, namespace: 'guidedFlowUrlAndPictureListNameSpace' }], payload: payload } } };
    return fetch('/flagship-web/rsc-action/actions/server-request?sduiid=' + id + '&parentSpanId=' + uuid().slice(0, 16), { method: 'POST', headers: { 'content-type': 'application/json', 'csrf-token': csrf }, credentials: 'include', body: JSON.stringify(body) });
  }
  function withdrawDash(invitationId) {
    return fetch('/voyager/api/voyagerRelationshipsDashInvitations/' + encodeURIComponent('urn:li:fsd_invitation:' + invitationId) + '?action=withdraw', { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8', 'csrf-token': csrf, 'x-restli-protocol-version': '2.0.0' }, credentials: 'include', body: JSON.stringify({ invitationType: 'CONNECTION' }) });
  }
  if (boot.page === 'invitations') {
    document.addEventListener('click', function (e) {
      var t = e.target.closest && e.target.closest('button[aria-label^="Withdraw invitation sent to "]');
      if (!t) return;
      var card = t.closest('[role="listitem"]');
      var row = (boot.rows || []).filter(function (r) { return t.getAttribute('aria-label') === 'Withdraw invitation sent to ' + r.name; })[0];
      if (!row) return;
      confirmWithdraw(row.name, function () { withdrawSdui(row).then(function (r) { if (r.ok) card.remove(); }); });
    });
  }
  if (boot.page === 'profile') {
    document.addEventListener('click', function (e) {
      var t = e.target.closest && e.target.closest('main button[aria-label^="Invite "], main [aria-label^="Message "], main button[aria-label^="Pending"]');
      if (!t) return;
      e.preventDefault();
      if (/^Pending/.test(t.getAttribute('aria-label'))) {
        var p = boot.profile;
        if (!p.invitationId) return;
        confirmWithdraw(p.name, function () {
          (p.layout === 'classic' ? withdrawDash(p.invitationId) : withdrawSdui(p)).then(function (r) {
            if (!r.ok) return;
            t.setAttribute('aria-label', 'Invite ' + p.name + ' to connect');
            t.querySelector('span').textContent = 'Connect';
            p.invitationId = null;
          });
        });
        return;
      }
      if (/^Invite /.test(t.getAttribute('aria-label'))) openInviteDialog(boot.profile);
      else { var b = openBubble(boot.profile.memberId, boot.profile.name, boot.thread, 'Available on mobile'); b.__conv = boot.thread && boot.thread.conversationUrn; }
    });
  }
  if (boot.page === 'feed' && boot.bubble) {
    var b2 = openBubble(boot.bubble.memberId, boot.bubble.name, boot.bubble.thread);
    b2.__conv = boot.bubble.thread && boot.bubble.thread.conversationUrn;
  }

  // --- realtime over the network, read here unless the /preload/ frame reads it for this page ---
  if (boot.realtime && !boot.realtimeInFrame) connectRealtime(boot.realtime, window);
})();
`.replace(JSON.stringify('FORM_PLACEHOLDER'), JSON.stringify(composeForm()));

export { messageUrn };
