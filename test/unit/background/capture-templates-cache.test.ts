// The background keeps the templates in memory between ingestion batches (lib/background/capture-handler.ts):
// its own "db changed" after a batch must not make the next batch read them again; a change that
// names the templates (an edit, an import) must.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestQueued } from '@/lib/background/capture-handler';
import { notifyDbChanged } from '@/lib/db/changes';
import { openDb } from '@/lib/db/db';
import { gmailSend } from '../helpers/events';

const db = openDb('capture-templates-cache');
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Lets a BroadcastChannel message reach its listener. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('templates kept in memory by the background', () => {
  it('are read once across batches, and again after a change that names them', async () => {
    const reads = vi.spyOn(db.templates, 'toArray');
    await ingestQueued([gmailSend({ eventId: 'e1', externalId: 'msg-a:r-1' })], db);
    expect(reads).toHaveBeenCalledTimes(1);
    // What the background itself broadcasts after a batch (and any other change to the records).
    notifyDbChanged({ tables: ['messages', 'threads', 'prospects', 'meta'] });
    await settle();
    await ingestQueued([gmailSend({ eventId: 'e2', externalId: 'msg-a:r-2' })], db);
    expect(reads).toHaveBeenCalledTimes(1);
    // A template saved in a panel, or an import.
    notifyDbChanged({ tables: ['templates', 'templateVersions'] });
    await settle();
    await ingestQueued([gmailSend({ eventId: 'e3', externalId: 'msg-a:r-3' })], db);
    expect(reads).toHaveBeenCalledTimes(2);
    notifyDbChanged({ tables: ['templateVersions'] });
    await settle();
    await ingestQueued([gmailSend({ eventId: 'e4', externalId: 'msg-a:r-4' })], db);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(await db.messages.count()).toBe(4);
  });
});
