// @vitest-environment happy-dom
// Issue 10 on the capture side: every place that names a LinkedIn member reports the ids it shows
// (profile pages both layouts, contact info overlay, messaging payloads, invitations), presence
// lines are never headlines, company pages and invitation cards give traits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readConversationHeader, readProfile } from '@/lib/capture/linkedin/dom-read';
import { memberIdFromProfileUrl, publicIdFromProfileUrl } from '@/lib/capture/linkedin/ids';
import { readCompanyPage, readInvitationCards } from '@/lib/capture/linkedin/pages';
import { extractMessages } from '@/lib/capture/linkedin/payloads';
import { isPresenceLine } from '@/lib/records/presence';
import { idsInPageData, memberIdFromCardKeys } from '@/lib/capture/linkedin/profile-ids';
import { parseSendRequest } from '@/lib/capture/linkedin/requests';
import * as SEL from '@/lib/capture/linkedin/selectors';
import { tapToEvents } from '@/lib/capture/linkedin/network';
import { createLinkedInCapture } from '@/lib/capture/linkedin/controller';
import { pageReaders } from '@/lib/capture/linkedin/page-readers';
import { loadedReaders } from '@/lib/capture/linkedin/readers-source';
import { sendToEvents } from '@/lib/capture/linkedin/web-request';
import { CaptureEvent, type CaptureEventInput } from '@/lib/schema/events';
import { memberIdFor, numericIdFor } from '../../../e2e/lookalike/linkedin/state';

const fixtures = path.resolve(__dirname, '../../../fixtures/linkedin');
const read = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');

function load(name: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(read(`dom/${name}.html`));
  return doc;
}
const fromHtml = (html: string, url: string) => {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(html);
  return doc;
};

describe('profile URLs: a member id in place of the slug is not a slug', () => {
  it('keeps the member id case-sensitive and gives no public id', () => {
    const url = 'https://www.linkedin.com/in/ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q';
    expect(memberIdFromProfileUrl(url)).toBe('ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q');
    expect(publicIdFromProfileUrl(url)).toBeNull();
    expect(publicIdFromProfileUrl('https://www.linkedin.com/in/Ana-Garcia-1/')).toBe('ana-garcia-1');
    expect(memberIdFromProfileUrl('https://www.linkedin.com/in/ana-garcia-1/')).toBeNull();
  });
});

describe('profile pages report both the slug and the member id', () => {
  it("SDUI: the member id from the cards' component keys, the numeric id from the RSC data, the company page link", () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    // The page has no link naming the member id (no profileUrn, no /in/ACoAA…).
    expect(doc.querySelector('a[href*="profileUrn"], a[href*="/in/ACo"]')).toBeNull();
    const p = readProfile(doc, 'https://www.linkedin.com/in/ana-garcia-1/')!;
    expect(p).toMatchObject({
      profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
      memberId: memberIdFor('ana-garcia-1'),
      numericMemberId: numericIdFor('ana-garcia-1'),
      companyUrl: 'https://www.linkedin.com/company/umbrella-corp/',
      email: null,
      layout: 'sdui',
    });
    expect(memberIdFromCardKeys(doc)).toBe(memberIdFor('ana-garcia-1'));
  });
  it('classic: ids from the embedded <code> data, company linked by numeric id', () => {
    const doc = load('profile-classic', 'https://www.linkedin.com/in/jane-doe-594b81205/');
    expect(doc.querySelector('a[href*="profileUrn"], a[href*="/in/ACo"]')).toBeNull();
    const p = readProfile(doc, 'https://www.linkedin.com/in/jane-doe-594b81205/')!;
    expect(p).toMatchObject({
      memberId: memberIdFor('jane-doe-594b81205'),
      numericMemberId: numericIdFor('jane-doe-594b81205'),
      companyUrl: 'https://www.linkedin.com/company/2414183/',
      layout: 'classic',
    });
  });
  it('classic, a real capture: the Profile entity of this slug gives fsd_profile and urn:li:member', () => {
    const doc = load('profile-classic-code-2023', 'https://www.linkedin.com/in/harith-al-safi/');
    expect(idsInPageData(doc, 'harith-al-safi')).toEqual({
      memberId: 'ACoAAC9P7scB1yv1hA-ZjtKBAxcuNQvmvu08uhI',
      numericMemberId: '793767623',
    });
    // Another slug finds nothing in it.
    expect(idsInPageData(doc, 'someone-else')).toEqual({ memberId: null, numericMemberId: null });
  });
  it('classic, while an invitation is pending: the Invitation entity naming this member gives its id (what the Dash withdraw names)', () => {
    // The entities as geekloomstudio/linkedin-scraper data/samples/get_profile_after_connection_request.md
    // shows them after a connection request (b3a9bb7232f84d0d66a853bdea79d5d14f293ca1), trimmed to the ids.
    const member = 'ACoAAAFLbSMBI_QFsWH37FhUiaXUdHhwTU30gAU';
    const data = {
      data: { data: { identityDashProfilesByMemberIdentity: { '*elements': [`urn:li:fsd_profile:${member}`] } } },
      included: [
        {
          entityUrn: `urn:li:fsd_profile:${member}`,
          publicIdentifier: 'arunachalamshanmugam',
          firstName: 'Arunachalam',
          lastName: 'Shanmugam',
          $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
        },
        {
          entityUrn: `urn:li:fsd_memberRelationship:${member}`,
          memberRelationship: {
            noConnection: {
              memberDistance: 'DISTANCE_3',
              invitation: { noInvitation: null, '*invitation': 'urn:li:fsd_invitation:7233649881779728384' },
            },
          },
          $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship',
        },
        {
          invitationType: 'SENT',
          '*inviteeMemberResolutionResult': `urn:li:fsd_profile:${member}`,
          entityUrn: 'urn:li:fsd_invitation:7233649881779728384',
          invitationState: 'PENDING',
          invitationId: 7233649881779728000,
          message: null,
          sharedSecret: null,
          $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
        },
        {
          invitationType: 'SENT',
          '*inviteeMemberResolutionResult': 'urn:li:fsd_profile:ACoAAOtherPersonOtherPersonOtherPerson12',
          entityUrn: 'urn:li:fsd_invitation:1111111111111111111',
          invitationState: 'PENDING',
          $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
        },
      ],
    };
    const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const doc = fromHtml(
      `<html><body><main><h1>Arunachalam Shanmugam</h1></main><code style="display: none" id="bpr-guid-1">\n  ${esc(JSON.stringify(data))}\n</code></body></html>`,
      'https://www.linkedin.com/in/arunachalamshanmugam/',
    );
    expect(idsInPageData(doc, 'arunachalamshanmugam')).toEqual({
      memberId: member,
      numericMemberId: null,
      invitationId: '7233649881779728384',
    });
  });
  it('ids near the slug in streamed data escaped once or twice, the closest occurrence wins', () => {
    const other = 'urn:li:fsd_profile:ACoAAOtherPersonOtherPersonOtherPerson12';
    const html = `<html><body><main><h1>X</h1></main><script>self.x.push("{\\"a\\":\\"${other}\\",\\"memberId\\":\\"111\\",\\"inviteeVanityName\\":\\"someone\\"}")</script>
<script>self.x.push("{\\"inviteeUrn\\":{\\"memberId\\":\\"424242\\"},\\"connectionState\\":{\\"key\\":\\"state:invitation:urn:li:member:424242\\"},\\"profileCanonicalUrl\\":\\"https://www.linkedin.com/in/the-slug\\",\\"p\\":\\"urn:li:fsd_profile:ACoAATheSlugTheSlugTheSlugTheSlugTheSlu\\"}")</script></body></html>`;
    const doc = fromHtml(html, 'https://www.linkedin.com/in/the-slug/');
    expect(idsInPageData(doc, 'the-slug')).toEqual({
      memberId: 'ACoAATheSlugTheSlugTheSlugTheSlugTheSlu',
      numericMemberId: '424242',
    });
  });
  it('a page addressed by member id: the id from the URL, the slug from the canonical link', () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const link = doc.createElement('link');
    link.setAttribute('rel', 'canonical');
    link.setAttribute('href', 'https://www.linkedin.com/in/ana-garcia-1/');
    doc.head.appendChild(link);
    const id = memberIdFor('ana-garcia-1');
    const p = readProfile(doc, `https://www.linkedin.com/in/${id}/`)!;
    expect(p.memberId).toBe(id);
    expect(p.profileUrl).toBe('https://www.linkedin.com/in/ana-garcia-1/');
  });
  it('contact info overlay: the email shown there, both layouts; never on the profile itself', () => {
    const sdui = load('profile-sdui-contact-info', 'https://www.linkedin.com/in/ana-garcia-1/overlay/contact-info/');
    expect(readProfile(sdui, 'https://www.linkedin.com/in/ana-garcia-1/overlay/contact-info/')).toMatchObject({
      email: 'ana.garcia@umbrella.example',
      memberId: memberIdFor('ana-garcia-1'),
    });
    const classic = load(
      'profile-classic-contact-info',
      'https://www.linkedin.com/in/jane-doe-594b81205/overlay/contact-info/',
    );
    expect(readProfile(classic, 'https://www.linkedin.com/in/jane-doe-594b81205/overlay/contact-info/')!.email).toBe(
      'jane.doe@acme-corp.example',
    );
    // The same markup on the profile URL (the overlay closed) is not read as contact info.
    expect(readProfile(sdui, 'https://www.linkedin.com/in/ana-garcia-1/')!.email).toBeNull();
  });
  it('the watcher sends one prospect event carrying slug, member id, numeric id and company link', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      profileDelayMs: 0,
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    const evs = out.flat().map((e) => CaptureEvent.parse(e));
    const p = evs.filter((e) => e.type === 'prospect');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({
      person: {
        name: 'Ana García',
        profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
        memberId: memberIdFor('ana-garcia-1'),
        numericMemberId: numericIdFor('ana-garcia-1'),
      },
      companyUrl: 'https://www.linkedin.com/company/umbrella-corp/',
      title: 'Directora de Marketing',
      company: 'Umbrella',
    });
  });
});

describe('presence lines are never headlines', () => {
  const presence = [
    'Active now',
    'Active 2h ago',
    'Active 5m ago',
    'Active 1d ago',
    'Mobile • 5m ago',
    'Mobile · 2h ago',
    'Available on mobile',
    'Status is reachable',
    'Status is offline',
    'Reachable',
    '2h ago',
    'Jetzt aktiv',
    'Aktiv vor 2 Std.',
    'Vor 3 Std. aktiv',
    'Mobil • vor 5 Min.',
    'Auf Mobilgerät verfügbar',
    'Erreichbar',
    'Actif maintenant',
    'Actif il y a 2 h',
    'Mobile • il y a 5 min',
    'Disponible sur mobile',
    'Joignable',
    'Activo ahora',
    'Activo hace 2 h',
    'Móvil • hace 5 min',
    'Disponible en el móvil',
    'Ativo agora',
    'Ativo há 2 h',
    'Celular • há 5 min',
    'Disponível no celular',
    'Attivo ora',
    'Attivo 2 h fa',
    'Nu actief',
    '2 u geleden actief',
  ];
  const headlines = [
    'VP Sales at Acme Corp',
    'Head of Operations | Globex',
    'Directora de Marketing en Umbrella',
    'Active Directory engineer at Contoso',
    'Mobile developer · React Native',
    'Available for freelance design work',
    'Geschäftsführer bei Müller GmbH',
    'Responsable commercial chez Orange',
    'Now hiring: engineers',
    'Founder @ Mobile First Labs',
  ];
  it.each(presence)('"%s" is presence', (t) => expect(isPresenceLine(t)).toBe(true));
  it.each(headlines)('"%s" is a headline', (t) => expect(isPresenceLine(t)).toBe(false));
  it('header variants: the dot and its screen-reader text are skipped, the headline stays; a presence status gives none', () => {
    const header = (inner: string) =>
      fromHtml(
        `<div class="msg-thread"><a class="msg-thread__link-to-profile" href="https://www.linkedin.com/in/ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q"><h2 class="msg-entity-lockup__entity-title">Pei Wu</h2></a>${inner}</div>`,
        'https://www.linkedin.com/messaging/thread/2-x/',
      );
    const dot = header(
      `<dd class="msg-entity-lockup__entity-info"><div class="msg-entity-lockup__presence-indicator"><span class="visually-hidden">Status is online</span></div>Certified Physician Assistant</dd>`,
    );
    expect(readConversationHeader(dot.querySelector(SEL.conversationRoot))).toMatchObject({
      name: 'Pei Wu',
      headline: 'Certified Physician Assistant',
      memberId: 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q',
    });
    for (const status of [
      'Active 2h ago',
      'Mobile • 5m ago',
      'Available on mobile',
      'Aktiv vor 2 Std.',
      'Disponible en el móvil',
    ]) {
      const doc = header(
        `<div class="msg-entity-lockup__entity-info"><div class="msg-entity-lockup__presence-status">${status}</div></div>`,
      );
      expect(readConversationHeader(doc.querySelector(SEL.conversationRoot)).headline).toBeNull();
      // Even without the presence class, the line itself is recognised.
      const bare = header(`<div class="msg-entity-lockup__entity-info">${status}</div>`);
      expect(readConversationHeader(bare.querySelector(SEL.conversationRoot)).headline).toBeNull();
    }
  });
});

describe('company pages', () => {
  it('About tab: industry, size band (not the associated members count), headquarters, numeric id', () => {
    const doc = load('company-about', 'https://www.linkedin.com/company/globex/about/');
    expect(readCompanyPage(doc, 'https://www.linkedin.com/company/globex/about/')).toEqual({
      name: 'Globex Corporation',
      slug: 'globex',
      numericId: '1035',
      industry: 'Manufacturing',
      companySize: '1,001-5,000 employees',
      headquarters: 'London, England',
    });
  });
  it('home tab: the top card alone (industry, location, the employees link with the numeric id)', () => {
    const doc = load('company-home', 'https://www.linkedin.com/company/globex/');
    expect(readCompanyPage(doc, 'https://www.linkedin.com/company/globex/')).toEqual({
      name: 'Globex Corporation',
      slug: 'globex',
      numericId: '1035',
      industry: 'Manufacturing',
      companySize: '1K-5K employees',
      headquarters: 'London, England',
    });
  });
  it('labels in German', () => {
    const doc = fromHtml(
      `<main><h1 class="org-top-card-summary__title">Müller Maschinenbau GmbH</h1><dl>
<dt><h3>Website</h3></dt><dd>https://mueller.example</dd><dt><h3>Branche</h3></dt><dd>Maschinenbau</dd>
<dt><h3>Unternehmensgröße</h3></dt><dd class="org-about-company-module__company-size-definition-text">51–200 Beschäftigte</dd><dd>87 auf LinkedIn</dd>
<dt><h3>Hauptsitz</h3></dt><dd>Stuttgart, Baden-Württemberg</dd></dl></main>`,
      'https://www.linkedin.com/company/mueller-maschinenbau/about/',
    );
    expect(readCompanyPage(doc, 'https://www.linkedin.com/company/mueller-maschinenbau/about/')).toMatchObject({
      industry: 'Maschinenbau',
      companySize: '51–200 Beschäftigte',
      headquarters: 'Stuttgart, Baden-Württemberg',
      slug: 'mueller-maschinenbau',
    });
  });
  it('the watcher emits one company event per page state', async () => {
    const doc = load('company-about', 'https://www.linkedin.com/company/globex/about/');
    const out: CaptureEventInput[][] = [];
    const w = createLinkedInCapture({
      readers: loadedReaders(pageReaders),
      doc,
      push: (e) => out.push(e),
      profileDelayMs: 0,
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.scanAll();
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    const evs = out
      .flat()
      .map((e) => CaptureEvent.parse(e))
      .filter((e) => e.type === 'company');
    expect(evs).toEqual([
      expect.objectContaining({
        name: 'Globex Corporation',
        slug: 'globex',
        numericId: '1035',
        industry: 'Manufacturing',
        companySize: '1,001-5,000 employees',
      }),
    ]);
  });
});

describe('invitation cards', () => {
  it('name, profile and headline; dates, buttons and mutual connections are not headlines', () => {
    const doc = fromHtml(
      `<main data-sdui-screen="com.linkedin.sdui.flagshipnav.mynetwork.InvitationManagerSent"><div componentkey="InvitationManagerPage_InvitationsList">
<div role="listitem"><a href="https://www.linkedin.com/in/ana-garcia-1/" aria-label="Ana García"></a><p><a href="https://www.linkedin.com/in/ana-garcia-1/">Ana García</a></p><p>Directora de Marketing en Umbrella</p><p>Sent today</p><button>Withdraw</button></div>
<div role="listitem"><a href="https://www.linkedin.com/in/ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q/"></a><p><a href="https://www.linkedin.com/in/ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q/">Pei Wu</a></p><p>12 mutual connections</p><p>Sent 2 weeks ago</p></div>
</div></main>`,
      'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    );
    expect(readInvitationCards(doc)).toEqual([
      {
        name: 'Ana García',
        profileUrl: 'https://www.linkedin.com/in/ana-garcia-1/',
        memberId: null,
        headline: 'Directora de Marketing en Umbrella',
      },
      { name: 'Pei Wu', profileUrl: null, memberId: 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q', headline: null },
    ]);
  });
});

describe('messaging payloads and invitations name members by every id they carry', () => {
  it('a real GraphQL message: participants give the ACoAA… id (also from /in/ACoAA… URLs) and the numeric backendUrn', () => {
    const payload = JSON.parse(read('graphql-invite-note-first-message-2025.json'));
    const viewer = 'ACoAAAPqaMsBppQ4Do96IW1KXudL-mT6tj3xXZ0';
    const [m] = extractMessages(payload, viewer);
    expect(m).toMatchObject({
      direction: 'outbound',
      senderMemberId: viewer,
      senderNumericId: '65693899',
      senderProfileUrl: null,
    });
    expect(m!.text).toMatch(/^Hello Pei, I am expanding my network/);
    // An inbound message from the same participant shape carries both ids into the event.
    const inbound = structuredClone(payload);
    const el = inbound.data.messengerMessagesBySyncToken.elements[0];
    el.sender = el.actor;
    const [ev] = tapToEvents('messages', JSON.stringify(inbound), viewer, () => 'e1');
    expect(ev).toMatchObject({
      direction: 'inbound',
      from: { memberId: 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q', numericMemberId: '81071019', name: 'Pei Wu' },
    });
    expect((ev as { from: { profileUrl?: string } }).from.profileUrl).toBeUndefined();
  });
  it('an SDUI invitation from a profile names the slug and the numeric id; both reach the prospect and the thread aliases', () => {
    const body = {
      requestId: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
      serverRequest: {
        requestedArguments: {
          payload: {
            inviteeUrn: { memberId: '81071019' },
            nonIterableProfileId: '',
            firstName: 'Pei',
            lastName: 'Wu',
            connectionState: { key: 'state:invitation:urn:li:member:81071019' },
            profileCanonicalUrl: 'https://www.linkedin.com/in/pei-wu-42',
            customMessage: 'Hi Pei',
          },
        },
      },
    };
    const send = parseSendRequest(
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaAddConnection',
      body,
    )!;
    expect(send.recipients).toEqual([
      { numericMemberId: '81071019', profileUrl: 'https://www.linkedin.com/in/pei-wu-42/', name: 'Pei Wu' },
    ]);
    const [ev] = sendToEvents(send, { requestId: 'r1', sentAt: Date.UTC(2026, 0, 5), newId: () => 'x' });
    expect(ev).toMatchObject({
      threadExternalId: 'invite:li:pei-wu-42',
      threadAliases: ['invite:num:81071019'],
      to: [{ numericMemberId: '81071019', profileUrl: 'https://www.linkedin.com/in/pei-wu-42/', name: 'Pei Wu' }],
    });
    // A PYMK invitation with the numeric id only (state key, no canonical URL) still names the person.
    const pymk = parseSendRequest(
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.mynetwork.addaAddConnection',
      {
        requestedArguments: {
          payload: {
            inviteeUrn: {},
            nonIterableProfileId: '',
            connectionState: { key: 'state:invitation:urn:li:member:5550001' },
            profileCanonicalUrl: '',
          },
        },
      },
    )!;
    expect(pymk.recipients).toEqual([{ numericMemberId: '5550001' }]);
  });
});
