// Issue 10: one person, one record. The identity resolver over every key form, folds made by
// sightings (profile, contact info), by hand (with undo), the conflict rules and the merge log,
// invitation notes stored once, company pages linked to the people who work there, and the
// numbers following all of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeProspects, encodeFacts } from '@/lib/analytics/facts';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { ingestEvents } from '@/lib/ingest/ingest';
import type { IngestDeps } from '@/lib/ingest/types';
import { canonicalProfileUrl, linkedinMemberIdOfUrl, linkedinPublicId, personKeys } from '@/lib/records/keys';
import { loadFacts } from '@/lib/insights/facts-store';
import { normaliseCompanyName, normaliseSizeBand, prospectCompanyKeys } from '@/lib/prospects/company';
import { mergeLog, mergeProspects, previewMerge, undoMerge } from '@/lib/prospects/merge';
import { canAutoMerge, mergeProspectRecords } from '@/lib/records/prospect-merge';
import { messagesOfProspects } from '@/lib/records/prospect-messages';
import type { CaptureEventInput, MessageEventInput } from '@/lib/schema/events';
import type { Prospect } from '@/lib/schema/model';
import { T0, settings } from '../helpers/events';
import { prospectRow } from '../helpers/rows';

const MID = 'ACoAAATVC6sBb5ZltIhxZl0QybFnZTUK6i7Vc5Q'; // case matters
const SLUG = 'ana-garcia-1';
const URL_ = `https://www.linkedin.com/in/${SLUG}/`;
const NUM = '81071019';
const VIEWER = 'ACoAAME';
const THREAD = '2-MjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==';

let db: SidelogDb;
let deps: IngestDeps;
let n = 0;
let clock = T0;

beforeEach(async () => {
  db = openDb(`identity-test-${++n}`);
  await db.open();
  clock = T0;
  deps = { db, settings: settings(), now: () => (clock += 1000) };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ingest = (...events: CaptureEventInput[]) => ingestEvents(deps, events);
let ev = 0;
const id = () => `e${++ev}`;

function liMessage(over: Partial<MessageEventInput> = {}): MessageEventInput {
  ev++;
  return {
    eventId: `m${ev}`,
    type: 'message',
    channel: 'linkedin',
    layer: 'dom',
    direction: 'outbound',
    kind: 'linkedin-message',
    externalId: `2-msg-${ev}`,
    aliases: [],
    threadExternalId: THREAD,
    threadAliases: [`with:${MID}`],
    from: { memberId: VIEWER },
    to: [{ memberId: MID, name: 'Ana García' }],
    cc: [],
    subject: null,
    text: `Hola Ana (${ev})`,
    sentAt: T0 + ev * 60_000,
    rfcMessageId: null,
    inReplyTo: [],
    template: null,
    ...over,
  };
}

const profile = (person: Record<string, string>, over: Record<string, unknown> = {}): CaptureEventInput =>
  ({
    eventId: id(),
    type: 'prospect',
    channel: 'linkedin',
    layer: 'dom',
    person,
    headline: 'Directora de Marketing en Umbrella',
    title: 'Directora de Marketing',
    company: 'Umbrella',
    location: 'Madrid, España',
    industry: null,
    connectionDegree: 2,
    seenAt: T0,
    ...over,
  }) as CaptureEventInput;

const prospects = () => db.prospects.toArray();
const messages = () => db.messages.toArray();

describe('the identity resolver: one key per id, every form', () => {
  it('slugs are case-insensitive and decoded; member ids keep their case, also in /in/ACoAA… URLs; numeric ids; emails', () => {
    expect(personKeys({ profileUrl: 'https://www.linkedin.com/in/Ana-Garc%C3%ADa-1/?miniProfileUrn=x' })).toEqual([
      'li:ana-garcía-1',
    ]);
    expect(personKeys({ profileUrl: `https://www.linkedin.com/in/${MID}` })).toEqual([`lim:${MID}`]);
    expect(personKeys({ profileUrl: `/in/${MID}/` })).toEqual([`lim:${MID}`]);
    expect(personKeys({ memberId: MID })).toEqual([`lim:${MID}`]);
    expect(personKeys({ numericMemberId: NUM })).toEqual([`linum:${NUM}`]);
    expect(
      personKeys({ email: ' <Ana@Umbrella.Example> ', profileUrl: URL_, memberId: MID, numericMemberId: NUM }),
    ).toEqual(['email:ana@umbrella.example', `li:${SLUG}`, `lim:${MID}`, `linum:${NUM}`]);
    // A member id never turns into a lower-cased fake slug.
    expect(linkedinPublicId(`https://www.linkedin.com/in/${MID}/`)).toBeNull();
    expect(canonicalProfileUrl(`https://www.linkedin.com/in/${MID}/`)).toBeNull();
    expect(linkedinMemberIdOfUrl(`https://www.linkedin.com/in/${MID}/`)).toBe(MID);
    expect(personKeys({ profileUrl: `https://www.linkedin.com/in/${MID.toLowerCase()}/` })).toEqual([
      `li:${MID.toLowerCase()}`,
    ]); // a lower-case id is a slug: not ours to guess
  });
});

describe('messaged first, visited later; visited first, messaged later', () => {
  it('messaged on the messaging page (member id), then the profile shows slug + member id: one record with the traits, nothing folded', async () => {
    await ingest(liMessage());
    expect((await prospects()).map((p) => p.id)).toEqual([`p:lim:${MID}`]);
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, numericMemberId: NUM }));
    const [p] = await prospects();
    expect(await prospects()).toHaveLength(1);
    expect(p).toMatchObject({
      title: 'Directora de Marketing',
      company: 'Umbrella',
      location: 'Madrid, España',
      seniority: 'director',
      linkedinUrl: URL_,
      linkedinMemberId: MID,
    });
    expect(p.keys.sort()).toEqual([`li:${SLUG}`, `lim:${MID}`, `linum:${NUM}`].sort());
    expect((await messages())[0].prospectId).toBe(p.id);
  });

  it('two records the split made (slug-keyed with traits, member-id-keyed with the messages) are folded when a page shows both ids', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_ })); // visited first: slug only
    await ingest(
      liMessage(),
      liMessage({
        direction: 'inbound',
        from: { memberId: MID, name: 'Ana García' },
        to: [{ memberId: VIEWER }],
        text: 'Gracias!',
      }),
    );
    expect(await prospects()).toHaveLength(2);
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID })); // a later visit shows the member id
    const all = await prospects();
    expect(all).toHaveLength(1);
    const [p] = all;
    expect(p.id).toBe(`p:li:${SLUG}`); // the older record survives
    expect(p).toMatchObject({ title: 'Directora de Marketing', stage: 'replied' });
    expect((await messages()).every((m) => m.prospectId === p.id)).toBe(true);
    const threads = await db.threads.toArray();
    expect(threads.map((t) => t.prospectIds)).toEqual([[p.id]]);
    const [log] = await mergeLog(db);
    expect(log).toMatchObject({ reason: 'profile', keptId: p.id, mergedId: `p:lim:${MID}`, undoneAt: null });
    expect(log.evidence).toEqual(expect.arrayContaining([`li:${SLUG}`, `lim:${MID}`]));
    expect(log.movedMessages).toHaveLength(2);
    // Any later sighting by either id lands on the merged record.
    await ingest(liMessage({ text: 'otra vez' }));
    await ingest(profile({ name: 'Ana García', profileUrl: URL_ }, { title: 'CMO' }));
    expect(await prospects()).toHaveLength(1);
    expect((await prospects())[0]).toMatchObject({ title: 'CMO', seniority: 'c-level' });
    expect((await messages()).filter((m) => m.prospectId === p.id)).toHaveLength(3);
  });

  it('the numbers follow: facts see one person with the traits, and that person replied', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_ }));
    await ingest(
      liMessage(),
      liMessage({
        direction: 'inbound',
        from: { memberId: MID, name: 'Ana García' },
        to: [{ memberId: VIEWER }],
        text: 'Sí',
      }),
    );
    let facts = (await loadFacts(db, { save: 'now' })).facts;
    expect(decodeProspects(facts)).toHaveLength(2);
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID }));
    facts = (await loadFacts(db)).facts; // merged from the stored facts with the revisions since
    const rows = decodeProspects(facts);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seniority: 'director', company: 'Umbrella', stage: 'replied' });
    // The thread names the surviving prospect: the reply counts for a director at Umbrella.
    const t = facts.threads;
    expect(t.n).toBe(1);
    expect(facts.prospects.id[t.pIdx[t.pOff[0]]]).toBe(rows[0].id);
    // And the same from scratch.
    const fresh = encodeFacts(await db.threads.toArray(), await db.prospects.toArray());
    expect(decodeProspects(fresh)).toEqual(rows);
  });

  it("a chat bubble on the profile names the member id with the page's slug: the first message lands on the visited record", async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_ }));
    // The watcher's link event (bubble header /in/ACoAA… + the page's slug), then the send.
    await ingest(
      profile(
        { name: 'Ana García', profileUrl: URL_, memberId: MID },
        { headline: null, title: null, company: null, location: null, connectionDegree: null },
      ),
    );
    await ingest(
      liMessage({ layer: 'network', to: [{ memberId: MID }], threadExternalId: `with:${MID}`, threadAliases: [] }),
    );
    const all = await prospects();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: `p:li:${SLUG}`, title: 'Directora de Marketing' });
  });

  it('a page that names two different member ids for one slug folds nothing (two people)', async () => {
    await ingest(liMessage());
    await ingest(
      liMessage({
        to: [{ memberId: 'ACoAAOtherOtherOtherOtherOtherOtherOth' }],
        threadExternalId: '2-other',
        threadAliases: [],
      }),
    );
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID }));
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: 'ACoAAOtherOtherOtherOtherOtherOtherOth' }));
    expect(await prospects()).toHaveLength(2);
    expect(await db.merges.count()).toBe(0);
    expect(
      canAutoMerge(prospectRow('a', { keys: [`lim:${MID}`] }), prospectRow('b', { keys: ['lim:ACoAAOther'] })),
    ).toBe(false);
    expect(
      canAutoMerge(
        prospectRow('a', { keys: ['li:old-slug', `lim:${MID}`] }),
        prospectRow('b', { keys: ['li:new-slug'] }),
      ),
    ).toBe(true);
  });
});

describe('met on Gmail, later on LinkedIn: the email on the contact info overlay', () => {
  it('folds the Gmail prospect and the LinkedIn one (reason contact-info)', async () => {
    await ingest({
      eventId: id(),
      type: 'message',
      channel: 'gmail',
      layer: 'network',
      direction: 'outbound',
      kind: 'email',
      externalId: 'msg-a:r1',
      aliases: [],
      threadExternalId: 'thread-a:r1',
      threadAliases: [],
      from: { email: 'me@seller.io' },
      to: [{ email: 'ana.garcia@umbrella.example', name: 'Ana' }],
      cc: [],
      subject: 'Hola',
      text: 'Hola Ana',
      sentAt: T0,
      rfcMessageId: '<a@b>',
      inReplyTo: [],
      template: null,
    });
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID }));
    expect(await prospects()).toHaveLength(2);
    await ingest(
      profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, email: 'Ana.Garcia@umbrella.example' }),
    );
    const all = await prospects();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      emails: ['ana.garcia@umbrella.example'],
      linkedinUrl: URL_,
      title: 'Directora de Marketing',
      name: 'Ana García',
      domain: 'umbrella.example',
    });
    expect((await mergeLog(db))[0].reason).toBe('contact-info');
    expect((await messages())[0].prospectId).toBe(all[0].id);
  });
});

describe('merge rules', () => {
  const a = prospectRow('p:email:ana@x.io', {
    name: 'ana',
    emails: ['ana@x.io'],
    keys: ['email:ana@x.io'],
    stage: 'meeting',
    dealValue: 5000,
    notes: 'Met at SaaStr',
    traits: { source: 'event', tier: 'A' },
    title: 'Marketing Lead',
    company: 'Umbrella',
    createdAt: T0,
    updatedAt: T0 + 10,
  });
  const b = prospectRow(`p:li:${SLUG}`, {
    name: 'Ana García',
    keys: [`li:${SLUG}`, `lim:${MID}`],
    linkedinUrl: URL_,
    linkedinMemberId: MID,
    stage: 'replied',
    dealValue: 8000,
    notes: 'Prefers WhatsApp',
    traits: { tier: 'B', campaign: 'Q3' },
    title: 'Directora de Marketing',
    company: 'Umbrella',
    location: 'Madrid',
    connectedAt: T0 + 5,
    createdAt: T0 + 1,
    updatedAt: T0 + 20,
  });
  it('stage and name: the richer; other values: the later record; notes joined; traits united; each choice recorded', () => {
    const { result, choices } = mergeProspectRecords(a, b, T0 + 100);
    expect(result).toMatchObject({
      id: a.id,
      name: 'Ana García',
      stage: 'meeting',
      dealValue: 8000,
      title: 'Directora de Marketing',
      location: 'Madrid',
      linkedinUrl: URL_,
      linkedinMemberId: MID,
      notes: 'Met at SaaStr\n\nPrefers WhatsApp',
      traits: { source: 'event', tier: 'B', campaign: 'Q3' },
      seniority: 'director',
      connectedAt: T0 + 5,
      createdAt: T0,
    });
    expect(result.keys.sort()).toEqual(['email:ana@x.io', `li:${SLUG}`, `lim:${MID}`].sort());
    const byField = Object.fromEntries(choices.map((c) => [c.field, c]));
    expect(byField.stage).toMatchObject({ kept: 'meeting', dropped: 'replied', from: 'kept', rule: 'richer' });
    expect(byField.name).toMatchObject({ kept: 'Ana García', dropped: 'ana', from: 'merged', rule: 'richer' });
    expect(byField.dealValue).toMatchObject({ kept: 8000, dropped: 5000, from: 'merged', rule: 'later' });
    expect(byField.title).toMatchObject({ kept: 'Directora de Marketing', dropped: 'Marketing Lead', rule: 'later' });
    expect(byField['traits.tier']).toMatchObject({ kept: 'B', dropped: 'A', rule: 'later' });
    expect(byField.notes).toMatchObject({ rule: 'joined' });
    expect(byField.company).toBeUndefined(); // same value: no choice
  });
  it('a value set by hand wins over a later one', () => {
    const { result, choices } = mergeProspectRecords({ ...a, manualFields: ['dealValue', 'traits'] }, b, T0 + 100);
    expect(result.dealValue).toBe(5000);
    expect(result.traits.tier).toBe('A');
    expect(choices.find((c) => c.field === 'dealValue')).toMatchObject({ rule: 'manual', from: 'kept' });
  });
});

describe('merge by hand, undo', () => {
  it('threads, messages, stage, deal value, notes and traits move to one record; undo brings both back', async () => {
    // Two records nothing proves are one person: a Gmail contact and a LinkedIn member.
    await ingest({
      eventId: id(),
      type: 'message',
      channel: 'gmail',
      layer: 'network',
      direction: 'outbound',
      kind: 'email',
      externalId: 'msg-a:r9',
      aliases: [],
      threadExternalId: 'thread-a:r9',
      threadAliases: [],
      from: { email: 'me@seller.io' },
      to: [{ email: 'agarcia@gmail.com', name: 'A. García' }],
      cc: [],
      subject: 'Hi',
      text: 'Hi',
      sentAt: T0,
      rfcMessageId: '<c@d>',
      inReplyTo: [],
      template: null,
    });
    await ingest(liMessage(), profile({ name: 'Ana García', profileUrl: URL_, memberId: MID }));
    const [g, l] = (await prospects()).sort((x, y) => x.createdAt - y.createdAt);
    await db.prospects.update(g.id, {
      stage: 'meeting',
      dealValue: 1200,
      notes: 'call Tuesday',
      traits: { source: 'webinar' },
      manualFields: ['stage'],
    });
    await db.prospects.update(l.id, { notes: 'LinkedIn only', traits: { campaign: 'Q3' } });
    const preview = await previewMerge(db, l.id, g.id);
    expect(preview.kept.id).toBe(g.id); // the older one survives whichever is picked first
    expect(preview.messages).toEqual({ kept: 1, merged: 1 });
    const facts0 = (await loadFacts(db, { save: 'now' })).facts;
    expect(decodeProspects(facts0)).toHaveLength(2);

    const rec = await mergeProspects(db, l.id, g.id, T0 + 99_000);
    const [m] = await prospects();
    expect(await prospects()).toHaveLength(1);
    expect(m).toMatchObject({
      id: g.id,
      stage: 'meeting',
      dealValue: 1200,
      notes: 'call Tuesday\n\nLinkedIn only',
      traits: { source: 'webinar', campaign: 'Q3' },
      title: 'Directora de Marketing',
      linkedinUrl: URL_,
    });
    expect((await messages()).every((x) => x.prospectId === g.id)).toBe(true);
    expect(
      (await db.threads.toArray()).every((t) => t.prospectIds.includes(g.id) && !t.prospectIds.includes(l.id)),
    ).toBe(true);
    expect(rec).toMatchObject({ reason: 'manual', keptId: g.id, mergedId: l.id });
    expect(decodeProspects((await loadFacts(db)).facts)).toHaveLength(1);
    // A later LinkedIn sighting lands on the merged record.
    await ingest(liMessage({ text: 'after merge' }));
    expect(await prospects()).toHaveLength(1);

    await undoMerge(db, rec.id, T0 + 200_000);
    const back = (await prospects()).sort((x, y) => x.createdAt - y.createdAt);
    expect(back.map((p) => p.id)).toEqual([g.id, l.id]);
    expect(back[0]).toMatchObject({
      notes: 'call Tuesday',
      traits: { source: 'webinar' },
      linkedinUrl: null,
      emails: ['agarcia@gmail.com'],
    });
    expect(back[0].keys).toEqual(['email:agarcia@gmail.com']);
    expect(back[1]).toMatchObject({ notes: 'LinkedIn only', title: 'Directora de Marketing' });
    const msgs = await messages();
    expect(msgs.find((x) => x.channel === 'gmail')!.prospectId).toBe(g.id);
    // The LinkedIn messages (also the one after the merge, in the moved thread) go back with their thread.
    expect(
      msgs.filter((x) => x.channel === 'linkedin' && x.text !== 'after merge').every((x) => x.prospectId === l.id),
    ).toBe(true);
    // The message written after the merge stays the surviving record's: its thread lists both, so
    // each one's messages are found through it (lib/records/prospect-messages.ts).
    expect((await db.threads.toArray()).find((t) => t.channel === 'linkedin')!.prospectIds).toEqual([l.id, g.id]);
    const afterMerge = msgs.find((x) => x.text === 'after merge')!;
    expect(afterMerge.prospectId).toBe(g.id);
    expect((await messagesOfProspects(db, [g.id])).map((x) => x.id)).toContain(afterMerge.id);
    expect((await messagesOfProspects(db, [l.id])).map((x) => x.id).sort()).toEqual(
      msgs
        .filter((x) => x.prospectId === l.id)
        .map((x) => x.id)
        .sort(),
    );
    expect((await db.merges.get(rec.id))!.undoneAt).toBe(T0 + 200_000);
    await expect(undoMerge(db, rec.id)).rejects.toThrow(/undone already/);
    expect(decodeProspects((await loadFacts(db)).facts)).toHaveLength(2);
  });
});

describe('invitation notes are stored once', () => {
  const note = 'Hola Ana, vi tu charla sobre marketing B2B. ¿Conectamos?';
  const invite = (): CaptureEventInput => ({
    eventId: id(),
    type: 'message',
    channel: 'linkedin',
    layer: 'network',
    direction: 'outbound',
    kind: 'linkedin-invite',
    externalId: 'linkedin-invite:invite:li:ana-garcia-1:r1:1',
    aliases: [],
    threadExternalId: `invite:li:${SLUG}`,
    threadAliases: [`invite:num:${NUM}`],
    from: { memberId: VIEWER },
    to: [{ profileUrl: URL_, numericMemberId: NUM, name: 'Ana García' }],
    cc: [],
    subject: null,
    text: note,
    sentAt: T0,
    rfcMessageId: null,
    inReplyTo: [],
    template: { id: 'tpl-1', version: 1 },
  });
  it('the note shown as the first message after acceptance is the invitation, now in the conversation; replies count for it', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, numericMemberId: NUM }));
    await ingest(invite());
    // Accepted two days later: LinkedIn opens the conversation with the note (the DOM and the tap see it).
    const echoAt = T0 + 2 * 86_400_000;
    await ingest(liMessage({ externalId: '2-echo', text: note, sentAt: echoAt }));
    await ingest(
      liMessage({ layer: 'network', externalId: '2-echo', text: note, sentAt: echoAt, to: [], threadAliases: [] }),
    );
    let msgs = await messages();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ kind: 'linkedin-invite', sentAt: T0, templateId: 'tpl-1', text: note });
    expect(msgs[0].keys).toEqual(expect.arrayContaining(['linkedin:2-echo']));
    const threads = await db.threads.toArray();
    expect(threads).toHaveLength(1);
    expect(threads[0].keys).toEqual(expect.arrayContaining([`linkedin:t:${THREAD}`, `linkedin:t:invite:li:${SLUG}`]));
    expect(threads[0].summary).toMatchObject({ outboundCount: 1, firstOutboundAt: T0, firstTemplateId: 'tpl-1' });
    // Her reply in the conversation answers the invitation: one outreach unit, replied.
    await ingest(
      liMessage({
        direction: 'inbound',
        from: { memberId: MID, name: 'Ana García' },
        to: [{ memberId: VIEWER }],
        text: '¡Claro!',
        sentAt: echoAt + 3_600_000,
      }),
    );
    msgs = await messages();
    expect(msgs).toHaveLength(2);
    const [t] = await db.threads.toArray();
    expect(t.summary).toMatchObject({
      outboundCount: 1,
      inboundCount: 1,
      firstReplyAt: echoAt + 3_600_000,
      replyCreditTemplateId: 'tpl-1',
    });
  });
  it('also when the page data gave the echo first without a prospect (the tap), then the DOM', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, numericMemberId: NUM }));
    await ingest(invite());
    await ingest(
      liMessage({
        layer: 'network',
        externalId: '2-echo',
        text: note,
        sentAt: T0 + 86_400_000,
        to: [],
        threadAliases: [],
      }),
    );
    expect(await messages()).toHaveLength(2); // not yet known to be the same person's
    await ingest(liMessage({ externalId: '2-echo', text: note, sentAt: T0 + 86_400_000 }));
    const msgs = await messages();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ kind: 'linkedin-invite', sentAt: T0 });
    expect((await db.threads.toArray()).map((t) => t.summary?.outboundCount)).toEqual([1]);
  });
  it('an invitation the DOM logged stays the invitation when the page data sees the echo again afterwards', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, numericMemberId: NUM }));
    await ingest({ ...(invite() as MessageEventInput), layer: 'dom', externalId: 'invite-dom:x' });
    await ingest(liMessage({ externalId: '2-echo', text: note, sentAt: T0 + 86_400_000 }));
    await ingest(
      liMessage({
        layer: 'network',
        externalId: '2-echo',
        text: note,
        sentAt: T0 + 86_400_000,
        to: [],
        threadAliases: [],
      }),
    );
    const msgs = await messages();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ kind: 'linkedin-invite', sentAt: T0, source: 'network' });
  });
  it('the same text sent again later as a message (another person, or before the invitation) is not an echo', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_, memberId: MID, numericMemberId: NUM }));
    await ingest(invite());
    await ingest(liMessage({ text: note, sentAt: T0 - 86_400_000 })); // before the invitation
    await ingest(
      liMessage({
        text: note,
        sentAt: T0 + 86_400_000,
        to: [{ memberId: 'ACoAAOtherOtherOtherOtherOtherOtherOth' }],
        threadExternalId: '2-other',
        threadAliases: [],
      }),
    );
    expect((await messages()).filter((m) => m.text === note)).toHaveLength(3);
  });
});

describe('company pages: industry, size band, headquarters for everyone who works there', () => {
  const company = (over: Record<string, unknown> = {}): CaptureEventInput =>
    ({
      eventId: id(),
      type: 'company',
      channel: 'linkedin',
      layer: 'dom',
      name: 'Umbrella',
      slug: 'umbrella-corp',
      numericId: '5551212',
      industry: 'Marketing Services',
      companySize: '11-50 employees',
      headquarters: 'Madrid',
      seenAt: T0,
      ...over,
    }) as CaptureEventInput;
  it('profile linking the company page (slug or numeric id) first, company page later, and the other way round', async () => {
    await ingest(
      profile(
        { name: 'Ana García', profileUrl: URL_ },
        { companyUrl: 'https://www.linkedin.com/company/umbrella-corp/' },
      ),
    );
    await ingest(
      profile(
        { name: 'Luis Pérez', profileUrl: 'https://www.linkedin.com/in/luis-perez/' },
        { title: 'CFO', company: 'Umbrella S.A.', companyUrl: 'https://www.linkedin.com/company/5551212/' },
      ),
    );
    await ingest(company());
    await ingest(
      profile(
        { name: 'Marta Ruiz', profileUrl: 'https://www.linkedin.com/in/marta-ruiz/' },
        { title: 'Designer', company: 'Umbrella', companyUrl: 'https://www.linkedin.com/company/umbrella-corp/' },
      ),
    );
    const all = await prospects();
    expect(all).toHaveLength(3);
    for (const p of all)
      expect(p).toMatchObject({ industry: 'Marketing Services', companySize: '11-50', companyHq: 'Madrid' });
    expect((await db.companies.toArray()).map((c) => c.keys.sort())).toEqual([
      ['co:id:5551212', 'co:li:umbrella-corp', 'co:name:umbrella'].sort(),
    ]);
    // The row's id is its first strong key, once prefixed.
    expect((await db.companies.toArray()).map((c) => c.id)).toEqual(['co:li:umbrella-corp']);
  });
  it('by name when the profile does not link the page; never a same-named company the profile links elsewhere', async () => {
    await ingest(profile({ name: 'Ana García', profileUrl: URL_ })); // company "Umbrella", no link
    await ingest(
      profile(
        { name: 'Other Umbrella', profileUrl: 'https://www.linkedin.com/in/other-u/' },
        { companyUrl: 'https://www.linkedin.com/company/umbrella-insurance/' },
      ),
    );
    await ingest(company());
    const byName = Object.fromEntries((await prospects()).map((p) => [p.name, p]));
    expect(byName['Ana García']).toMatchObject({ industry: 'Marketing Services', companySize: '11-50' });
    expect(byName['Other Umbrella']).toMatchObject({ industry: null, companySize: null });
  });
  it("a prospect seen later at another company does not keep the old company's industry; a hand-set one stays", async () => {
    await ingest(
      profile(
        { name: 'Ana García', profileUrl: URL_ },
        { companyUrl: 'https://www.linkedin.com/company/umbrella-corp/' },
      ),
      company(),
    );
    expect((await prospects())[0]).toMatchObject({ industry: 'Marketing Services' });
    await ingest(
      profile(
        { name: 'Ana García', profileUrl: URL_ },
        { title: 'CMO', company: 'Globex', companyUrl: 'https://www.linkedin.com/company/globex/' },
      ),
    );
    expect((await prospects())[0]).toMatchObject({
      company: 'Globex',
      industry: null,
      companySize: null,
      companyHq: null,
      companyTraitsFrom: null,
    });
    await ingest(
      company({
        name: 'Globex Corporation',
        slug: 'globex',
        numericId: '1035',
        industry: 'Manufacturing',
        companySize: '1K-5K employees',
        headquarters: 'London',
      }),
    );
    expect((await prospects())[0]).toMatchObject({ industry: 'Manufacturing', companySize: '1,001-5,000' });
    await db.prospects.update(`p:li:${SLUG}`, { industry: 'Aerospace', manualFields: ['industry'] });
    await ingest(
      profile(
        { name: 'Ana García', profileUrl: URL_ },
        { company: 'Initech', companyUrl: 'https://www.linkedin.com/company/initech/' },
      ),
    );
    expect((await prospects())[0]).toMatchObject({ industry: 'Aerospace', companySize: null });
  });
  it('company names and size bands in one form', () => {
    expect(normaliseCompanyName('ACME Corp.')).toBe('acme');
    expect(normaliseCompanyName('Acme Corporation')).toBe('acme');
    expect(normaliseCompanyName('Müller Maschinenbau GmbH')).toBe('muller maschinenbau');
    expect(normaliseCompanyName('Procter & Gamble Co')).toBe('procter and gamble');
    expect(prospectCompanyKeys('Umbrella', 'https://www.linkedin.com/company/Umbrella-Corp/about/')).toEqual([
      'co:li:umbrella-corp',
    ]);
    expect(prospectCompanyKeys('Umbrella', null)).toEqual(['co:name:umbrella']);
    const bands: [string, string | null][] = [
      ['51-200 employees', '51-200'],
      ['1,001-5,000 employees', '1,001-5,000'],
      ['1K-5K employees', '1,001-5,000'],
      ['10,001+ employees', '10,001+'],
      ['10K+ employees', '10,001+'],
      ['2-10 employees', '2-10'],
      ['51–200 Beschäftigte', '51-200'],
      ['201-500 employés', '201-500'],
      ['11-50 empleados', '11-50'],
      ['501-1.000 funcionários', '501-1,000'],
      ['1,234 associated members', null],
      ['', null],
    ];
    for (const [text, band] of bands) expect(normaliseSizeBand(text)).toBe(band);
  });
});

describe('traits from every place, passively', () => {
  it('a presence line sent as a headline is not stored', async () => {
    await ingest(liMessage());
    await ingest(
      profile(
        { name: 'Ana García', memberId: MID },
        { headline: 'Active 2h ago', title: null, company: null, location: null },
      ),
    );
    expect((await prospects())[0].headline).toBeNull();
    await ingest(
      profile(
        { name: 'Ana García', memberId: MID },
        { headline: 'Directora de Marketing en Umbrella', title: null, company: null, location: null },
      ),
    );
    expect((await prospects())[0].headline).toBe('Directora de Marketing en Umbrella');
  });
  it('invitation cards update people already known, never create one', async () => {
    await ingest(
      profile(
        { name: 'Stranger', profileUrl: 'https://www.linkedin.com/in/stranger/' },
        { onlyKnown: true, headline: 'CEO at Nowhere' },
      ),
    );
    expect(await prospects()).toHaveLength(0);
    await ingest(liMessage());
    await ingest(
      profile(
        { name: 'Ana García', memberId: MID },
        { onlyKnown: true, headline: 'Directora de Marketing en Umbrella', title: null, company: null, location: null },
      ),
    );
    expect((await prospects())[0].headline).toBe('Directora de Marketing en Umbrella');
  });
});

// Typed helper use, so an unused import does not fail the type check.
void ({} as Prospect);
