// Which prospect the active Gmail/LinkedIn tab shows (lib/prospects/page-prospect.ts prospectForPage),
// on data imported from the seed through the real importer.
import { describe, expect, it } from 'vitest';
import { prospectForPage } from '@/lib/prospects/page-prospect';
import { openDb } from '@/lib/db/db';
import { generateSeed } from '@/lib/dev/seed';
import { importExport } from '@/lib/export/import';

const NOW = Date.UTC(2026, 10, 27);

describe('prospectForPage', async () => {
  const db = openDb(`page-context-${Math.random()}`);
  const seed = generateSeed({ now: NOW, prospects: 40, threads: 50 });
  await importExport(db, seed, NOW);
  const withEmail = seed.prospects.find((p) => p.emails.length)!;
  const withProfile = seed.prospects.find((p) => p.linkedinUrl)!;
  const thread = seed.threads.find((t) => t.channel === 'gmail')!;

  it('by an email shown in a Gmail thread (case and spaces do not matter)', async () => {
    const p = await prospectForPage(db, { channel: 'gmail', emails: [`  ${withEmail.emails[0].toUpperCase()} `] });
    expect(p?.id).toBe(withEmail.id);
  });
  it('by a LinkedIn profile URL, with or without query and trailing slash', async () => {
    const url = withProfile.linkedinUrl!.replace(/\/$/, '') + '?miniProfileUrn=x';
    expect((await prospectForPage(db, { channel: 'linkedin', profileUrl: url }))?.id).toBe(withProfile.id);
  });
  it("by the site's thread id", async () => {
    expect((await prospectForPage(db, { channel: 'gmail', threadExternalId: thread.externalId }))?.id).toBe(
      thread.prospectIds[0],
    );
  });
  it('nothing known: null', async () => {
    expect(
      await prospectForPage(db, { channel: 'gmail', emails: ['nobody@nowhere.example'], threadExternalId: 'x' }),
    ).toBeNull();
    expect(await prospectForPage(db, { channel: 'linkedin' })).toBeNull();
  });
});
