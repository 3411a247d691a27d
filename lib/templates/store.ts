// Template library writes. Plain functions over the Dexie db passed in (the side panel passes
// getDb(), tests a fake-indexeddb one), each validated with the zod model before it is stored.
import type { SidelogDb } from '../db/db';
import { notifyDbChanged } from '../db/changes';
import { recomputeThread } from '../db/recompute';
import { Template, TemplateVersion, type TemplateChannel } from '../schema/model';
import { parseTemplate } from './variables';

export interface TemplateDraft {
  name: string;
  channel: TemplateChannel;
  subject: string | null;
  body: string;
  tags: string[];
}

export class TemplateError extends Error {}

/** Trims, drops empties and case-insensitive duplicates; keeps the first spelling. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/\s+/g, ' ');
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** Problems that block saving, in words the form can show. */
export function validateDraft(d: TemplateDraft): string[] {
  const errors: string[] = [];
  if (!d.name.trim()) errors.push('Give the template a name.');
  if (!d.body.trim()) errors.push('Write the message body.');
  for (const e of parseTemplate(d.body).errors) errors.push(`Body: ${e.message}`);
  if (d.subject) for (const e of parseTemplate(d.subject).errors) errors.push(`Subject: ${e.message}`);
  return errors;
}

function clean(d: TemplateDraft): TemplateDraft {
  const subject = d.subject?.trim() ? d.subject.trim() : null;
  return {
    name: d.name.trim(),
    channel: d.channel,
    // LinkedIn messages have no subject line: a subject on a LinkedIn-only template is meaningless.
    subject: d.channel === 'linkedin' ? null : subject,
    body: d.body.replace(/\r\n?/g, '\n').replace(/\s+$/, ''),
    tags: normaliseTags(d.tags),
  };
}

function versionRow(t: Template, now: number): TemplateVersion {
  return TemplateVersion.parse({
    id: `${t.id}@${t.version}`,
    templateId: t.id,
    version: t.version,
    subject: t.subject,
    body: t.body,
    createdAt: now,
  });
}

function newId(): string {
  return `tpl-${crypto.randomUUID()}`;
}

export async function createTemplate(db: SidelogDb, draft: TemplateDraft, now = Date.now()): Promise<Template> {
  const errors = validateDraft(draft);
  if (errors.length) throw new TemplateError(errors.join(' '));
  const t = Template.parse({
    id: newId(),
    ...clean(draft),
    archived: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  await db.transaction('rw', db.templates, db.templateVersions, async () => {
    await db.templates.add(t);
    // Version 1 is recorded too, so the text behind every reported number can be shown later.
    await db.templateVersions.put(versionRow(t, now));
  });
  notifyDbChanged({ tables: ['templates', 'templateVersions'] });
  return t;
}

async function mustGet(db: SidelogDb, id: string): Promise<Template> {
  const t = await db.templates.get(id);
  if (!t) throw new TemplateError(`No template ${id}`);
  return t;
}

/**
 * Edits a template. A change of subject or body is a new version (results are reported per
 * version, so a rewrite does not mix with the old text's numbers); name, channel and tags are not.
 */
export async function updateTemplate(
  db: SidelogDb,
  id: string,
  patch: Partial<TemplateDraft>,
  now = Date.now(),
): Promise<Template> {
  let saved!: Template;
  await db.transaction('rw', db.templates, db.templateVersions, async () => {
    const cur = await mustGet(db, id);
    const draft: TemplateDraft = {
      name: patch.name ?? cur.name,
      channel: patch.channel ?? cur.channel,
      subject: patch.subject !== undefined ? patch.subject : cur.subject,
      body: patch.body ?? cur.body,
      tags: patch.tags ?? cur.tags,
    };
    const errors = validateDraft(draft);
    if (errors.length) throw new TemplateError(errors.join(' '));
    const next = clean(draft);
    const textChanged = next.body !== cur.body || next.subject !== cur.subject;
    saved = Template.parse({ ...cur, ...next, version: textChanged ? cur.version + 1 : cur.version, updatedAt: now });
    // Templates created before version rows existed (e.g. imported) get their old text kept too.
    if (textChanged && !(await db.templateVersions.get(`${cur.id}@${cur.version}`))) {
      await db.templateVersions.put(versionRow(cur, cur.updatedAt || now));
    }
    await db.templates.put(saved);
    if (textChanged) await db.templateVersions.put(versionRow(saved, now));
  });
  notifyDbChanged({ tables: ['templates', 'templateVersions'] });
  return saved;
}

export async function duplicateTemplate(db: SidelogDb, id: string, now = Date.now()): Promise<Template> {
  const cur = await mustGet(db, id);
  return createTemplate(
    db,
    { name: `${cur.name} (copy)`, channel: cur.channel, subject: cur.subject, body: cur.body, tags: cur.tags },
    now,
  );
}

export async function setTemplateArchived(
  db: SidelogDb,
  id: string,
  archived: boolean,
  now = Date.now(),
): Promise<Template> {
  const cur = await mustGet(db, id);
  const saved = Template.parse({ ...cur, archived, updatedAt: now });
  await db.templates.put(saved);
  notifyDbChanged({ tables: ['templates'] });
  return saved;
}

export async function setTemplateTags(db: SidelogDb, id: string, tags: string[], now = Date.now()): Promise<Template> {
  return updateTemplate(db, id, { tags }, now);
}

/** The version of a template that was current when a message was sent. */
export async function versionAt(db: SidelogDb, template: Template, at: number): Promise<number> {
  const rows = await db.templateVersions.where('templateId').equals(template.id).toArray();
  let best: TemplateVersion | null = null;
  for (const r of rows) if (r.createdAt <= at && (!best || r.version > best.version)) best = r;
  return best?.version ?? template.version;
}

/**
 * The user's own word on which template a message came from. `null` clears it; the source stays
 * `manual` (with no template) so that a later sighting of the same message does not re-detect a
 * template the user has just said was wrong. Every number built on thread summaries follows,
 * because the thread's summary is recomputed.
 */
export async function setMessageTemplate(
  db: SidelogDb,
  messageId: string,
  templateId: string | null,
  now = Date.now(),
): Promise<void> {
  const msg = await db.messages.get(messageId);
  if (!msg) throw new TemplateError(`No message ${messageId}`);
  let templateVersion: number | null = null;
  if (templateId !== null) {
    const t = await mustGet(db, templateId);
    templateVersion = await versionAt(db, t, msg.sentAt);
  }
  await db.messages.update(messageId, {
    templateId,
    templateVersion,
    templateSource: 'manual',
    templateScore: null,
    updatedAt: now,
  });
  await recomputeThread(db, msg.threadId);
  notifyDbChanged({ tables: ['messages', 'threads'] });
}
