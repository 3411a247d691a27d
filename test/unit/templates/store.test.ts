import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SidelogDb } from '@/lib/db/db';
import { DB_CHANGED_CHANNEL, type DbChange } from '@/lib/db/changes';
import { Message, Thread } from '@/lib/schema/model';
import {
  createTemplate,
  duplicateTemplate,
  normaliseTags,
  setMessageTemplate,
  setTemplateArchived,
  setTemplateTags,
  TemplateError,
  updateTemplate,
  validateDraft,
  type TemplateDraft,
} from '@/lib/templates/store';
import { templateSummaries } from '@/lib/analytics/templates';
import { loadFacts } from '@/lib/insights/facts-store';

let db: SidelogDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`templates-store-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
});

const draft: TemplateDraft = {
  name: 'Cold intro',
  channel: 'email',
  subject: 'Quick question about {{company}}',
  body: 'Hi {{firstName|there}},\r\nworth a call?  \n',
  tags: [' outbound ', 'Q3', 'outbound', ''],
};

describe('template store', () => {
  it('creates a template with version 1 and a version row, cleaned', async () => {
    const t = await createTemplate(db, draft, 1000);
    expect(t).toMatchObject({
      name: 'Cold intro',
      version: 1,
      archived: false,
      createdAt: 1000,
      tags: ['outbound', 'Q3'],
    });
    expect(t.body).toBe('Hi {{firstName|there}},\nworth a call?');
    expect(await db.templates.get(t.id)).toEqual(t);
    expect(await db.templateVersions.get(`${t.id}@1`)).toMatchObject({
      version: 1,
      body: t.body,
      subject: t.subject,
      createdAt: 1000,
    });
  });

  it('rejects invalid drafts with readable reasons', async () => {
    expect(validateDraft({ ...draft, name: ' ', body: 'Hi {{firstName' })).toEqual([
      'Give the template a name.',
      expect.stringContaining('Unclosed'),
    ]);
    await expect(createTemplate(db, { ...draft, body: '' })).rejects.toThrow(TemplateError);
    expect(await db.templates.count()).toBe(0);
  });

  it('drops the subject of a LinkedIn-only template', async () => {
    const t = await createTemplate(db, { ...draft, channel: 'linkedin' });
    expect(t.subject).toBeNull();
  });

  it('editing the body or subject bumps the version and keeps history; name/tags do not', async () => {
    const t = await createTemplate(db, draft, 1000);
    const renamed = await updateTemplate(db, t.id, { name: 'Intro', tags: ['a'] }, 2000);
    expect(renamed).toMatchObject({ version: 1, name: 'Intro', tags: ['a'], updatedAt: 2000 });
    const v2 = await updateTemplate(db, t.id, { body: 'Hello {{firstName}}, new text.' }, 3000);
    expect(v2.version).toBe(2);
    const v3 = await updateTemplate(db, t.id, { subject: null }, 4000);
    expect(v3.version).toBe(3);
    const same = await updateTemplate(db, t.id, { body: 'Hello {{firstName}}, new text.\n\n' }, 5000);
    expect(same.version).toBe(3); // trailing whitespace is not a new text
    const rows = await db.templateVersions.where('templateId').equals(t.id).sortBy('version');
    expect(rows.map((r) => [r.id, r.body, r.subject])).toEqual([
      [`${t.id}@1`, t.body, t.subject],
      [`${t.id}@2`, 'Hello {{firstName}}, new text.', t.subject],
      [`${t.id}@3`, 'Hello {{firstName}}, new text.', null],
    ]);
  });

  it('an invalid edit changes nothing', async () => {
    const t = await createTemplate(db, draft, 1000);
    await expect(updateTemplate(db, t.id, { body: 'broken {{' })).rejects.toThrow(TemplateError);
    expect(await db.templates.get(t.id)).toEqual(t);
    await expect(updateTemplate(db, 'nope', { name: 'x' })).rejects.toThrow('No template');
  });

  it('duplicates as a new template at version 1, archives, unarchives, tags', async () => {
    const t = await createTemplate(db, draft, 1000);
    await updateTemplate(db, t.id, { body: 'v2 body' }, 1500);
    const copy = await duplicateTemplate(db, t.id, 2000);
    expect(copy.id).not.toBe(t.id);
    expect(copy).toMatchObject({
      name: 'Cold intro (copy)',
      version: 1,
      body: 'v2 body',
      subject: t.subject,
      tags: t.tags,
    });
    expect((await setTemplateArchived(db, t.id, true, 3000)).archived).toBe(true);
    expect((await db.templates.get(t.id))!.archived).toBe(true);
    expect((await setTemplateArchived(db, t.id, false, 3500)).archived).toBe(false);
    expect((await setTemplateTags(db, t.id, ['x', 'X', ' y '], 4000)).tags).toEqual(['x', 'y']);
  });

  it('normaliseTags keeps first spelling, collapses spaces', () => {
    expect(normaliseTags(['  Follow  up', 'follow up', 'DE'])).toEqual(['Follow up', 'DE']);
  });

  it('broadcasts db changed after writes', async () => {
    const got: DbChange[] = [];
    const ch = new BroadcastChannel(DB_CHANGED_CHANNEL);
    ch.onmessage = (e) => got.push(e.data as DbChange);
    await createTemplate(db, draft);
    await expect.poll(() => got.length).toBeGreaterThan(0);
    ch.close();
    expect(got[0].tables).toContain('templates');
  });
});

function message(over: Partial<Message> & Pick<Message, 'id' | 'threadId' | 'direction' | 'sentAt'>): Message {
  return Message.parse({
    channel: 'gmail',
    kind: 'email',
    prospectId: 'p1',
    from: over.direction === 'outbound' ? 'me@example.com' : 'anna@acme.test',
    to: [],
    cc: [],
    subject: 'Hi',
    text: 'text',
    templateId: null,
    templateSource: null,
    classification: 'human',
    source: 'network',
    ...over,
  });
}

describe('setMessageTemplate (manual override)', () => {
  async function seed() {
    const a = await createTemplate(db, { ...draft, name: 'A' }, 1000);
    const b = await createTemplate(db, { ...draft, name: 'B', body: 'B body' }, 1000);
    await db.threads.put(
      Thread.parse({ id: 'th1', channel: 'gmail', externalId: 'x', prospectIds: ['p1'], subject: 'Hi' }),
    );
    await db.messages.bulkPut([
      message({
        id: 'm1',
        threadId: 'th1',
        direction: 'outbound',
        sentAt: 10_000,
        templateId: a.id,
        templateVersion: 1,
        templateSource: 'detected',
        templateScore: 0.9,
      }),
      message({ id: 'm2', threadId: 'th1', direction: 'inbound', sentAt: 20_000 }),
    ]);
    return { a, b };
  }

  it('sets the template as manual, recomputes the thread summary, and the numbers move', async () => {
    const { a, b } = await seed();
    // The summary starts unset: recompute fills it from the messages.
    await setMessageTemplate(db, 'm1', b.id, 30_000);
    const m = (await db.messages.get('m1'))!;
    expect(m).toMatchObject({ templateId: b.id, templateVersion: 1, templateSource: 'manual', templateScore: null });
    const th = (await db.threads.get('th1'))!;
    expect(th.summary).toMatchObject({ firstTemplateId: b.id, firstTemplateVersion: 1, firstReplyMessageId: 'm2' });

    // The Templates tab's path: facts kept by revision, merged after each change.
    const numbers = async () =>
      templateSummaries({
        facts: (await loadFacts(db, { save: 'never' })).facts,
        templates: await db.templates.toArray(),
        replyWindowDays: 30,
        minSample: 10,
      });
    let nums = await numbers();
    expect(nums.get(b.id)).toMatchObject({ uses: 1, firstTouch: { k: 1, n: 1 } });
    expect(nums.get(a.id)).toBeUndefined();

    await setMessageTemplate(db, 'm1', a.id, 31_000);
    nums = await numbers();
    expect(nums.get(a.id)).toMatchObject({ uses: 1, firstTouch: { k: 1, n: 1 } });
    expect(nums.get(b.id)).toBeUndefined();
  });

  it('clearing keeps source manual with no template (so capture does not re-detect it)', async () => {
    await seed();
    await setMessageTemplate(db, 'm1', null, 30_000);
    expect(await db.messages.get('m1')).toMatchObject({
      templateId: null,
      templateVersion: null,
      templateSource: 'manual',
    });
    expect((await db.threads.get('th1'))!.summary).toMatchObject({ firstTemplateId: null });
  });

  it('credits the version that was current when the message was sent', async () => {
    const { a } = await seed();
    await updateTemplate(db, a.id, { body: 'rewritten' }, 50_000); // v2 written after m1 was sent
    await setMessageTemplate(db, 'm1', a.id, 60_000);
    expect((await db.messages.get('m1'))!.templateVersion).toBe(1);
  });

  it('unknown message or template throws and writes nothing', async () => {
    await seed();
    await expect(setMessageTemplate(db, 'nope', null)).rejects.toThrow('No message');
    await expect(setMessageTemplate(db, 'm1', 'nope')).rejects.toThrow('No template');
    expect((await db.messages.get('m1'))!.templateSource).toBe('detected');
  });
});
