// A database written by schema v1 (before revisions and send facts), upgraded by the built
// extension in Chromium: the pages waiting on it say why, and the numbers after it are right.
// The v1 database is created the way Dexie created it (IDB version 10, the v1 stores and indexes)
// by an init script that runs before any of the page's own scripts.
import { expect, openPanel, test, type ExtensionChrome } from './fixtures';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
declare const chrome: ExtensionChrome;

const THREADS = 4000;
const DAY = 86_400_000;

test('a v1 database is upgraded in place: the panel explains the wait, then shows the right numbers', async ({
  context,
  extensionId,
}) => {
  await context.addInitScript(
    ({ threads, day }) => {
      if (!location.pathname.endsWith('/sidepanel.html') || localStorage.getItem('test:v1-seeded')) return;
      localStorage.setItem('test:v1-seeded', '1');
      // Every notice the page ever shows, from its first frame on.
      const seen: string[] = ((window as unknown as { __notices: string[] }).__notices = []);
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=upgrade-notice]') && !seen.length) seen.push('upgrade');
      }).observe(document, { childList: true, subtree: true });
      const req = indexedDB.open('sidelog', 10); // Dexie's version 1
      req.onupgradeneeded = () => {
        const db = req.result;
        const store = (name: string, key: string, idx: [string, string | string[], boolean?][]) => {
          const s = db.createObjectStore(name, { keyPath: key });
          for (const [n, k, multi] of idx) s.createIndex(n, k, { multiEntry: !!multi });
          return s;
        };
        const prospects = store('prospects', 'id', [
          ['keys', 'keys', true],
          ['updatedAt', 'updatedAt'],
        ]);
        const th = store('threads', 'id', [
          ['keys', 'keys', true],
          ['prospectIds', 'prospectIds', true],
          ['updatedAt', 'updatedAt'],
        ]);
        const messages = store('messages', 'id', [
          ['keys', 'keys', true],
          ['threadId', 'threadId'],
          ['prospectId', 'prospectId'],
          ['sentAt', 'sentAt'],
          ['[direction+sentAt]', ['direction', 'sentAt']],
          ['templateId', 'templateId'],
        ]);
        store('templates', 'id', [
          ['name', 'name'],
          ['archived', 'archived'],
          ['updatedAt', 'updatedAt'],
        ]);
        store('templateVersions', 'id', [['templateId', 'templateId']]);
        store('meta', 'key', []);
        const now = Date.now();
        const msg = (id: string, t: string, p: string, over: Record<string, unknown>) => ({
          id,
          channel: 'gmail',
          direction: 'outbound',
          kind: 'email',
          threadId: t,
          prospectId: p,
          from: 'me@seller.io',
          to: [`${p}@acme.io`],
          cc: [],
          subject: 'Hi',
          text: 'hi',
          sentAt: now,
          templateId: null,
          templateVersion: null,
          templateSource: null,
          templateScore: null,
          classification: 'human',
          source: 'network',
          externalId: id,
          rfcMessageId: null,
          inReplyTo: [],
          callOutcome: null,
          keys: [`gmail:${id}`],
          seenBy: ['network'],
          updatedAt: now,
          ...over,
        });
        for (let i = 0; i < threads; i++) {
          const t = `gmail:t${i}`,
            p = `p${i}`,
            at = now - day - (i % 25) * day;
          prospects.put({
            id: p,
            name: `Prospect ${i}`,
            emails: [`${p}@acme.io`],
            linkedinUrl: null,
            linkedinMemberId: null,
            company: 'Acme',
            domain: 'acme.io',
            title: null,
            headline: null,
            seniority: null,
            industry: null,
            location: null,
            companySize: null,
            connectionDegree: null,
            connectedAt: null,
            stage: 'contacted',
            dealValue: null,
            traits: {},
            notes: '',
            manualFields: [],
            createdAt: now,
            updatedAt: now,
            keys: [`email:${p}@acme.io`],
          });
          // A v1 summary that is wrong on purpose: the upgrade recomputes it from the messages.
          th.put({
            id: t,
            channel: 'gmail',
            externalId: `t${i}`,
            prospectIds: [p],
            subject: 'Hi',
            keys: [t],
            updatedAt: now,
            summary: {
              outboundCount: 9,
              inboundCount: 0,
              firstOutboundAt: at,
              firstReplyAt: null,
              bounced: false,
              autoReplyCount: 0,
            },
          });
          messages.put(msg(`m${i}a`, t, p, { sentAt: at }));
          messages.put(msg(`m${i}b`, t, p, { sentAt: at + 3_600_000 }));
          if (i % 4 === 0)
            messages.put(
              msg(`m${i}c`, t, p, {
                direction: 'inbound',
                from: `${p}@acme.io`,
                to: ['me@seller.io'],
                sentAt: at + 7_200_000,
              }),
            );
        }
      };
      req.onsuccess = () => req.result.close();
    },
    { threads: THREADS, day: DAY },
  );

  const panel = await openPanel(context, extensionId);
  await expect(panel.getByTestId('thread-rate')).toContainText(`${THREADS / 4} of ${THREADS} threads`, {
    timeout: 90_000,
  });
  await expect(panel.getByTestId('prospect-rate')).toContainText(`${THREADS / 4} of ${THREADS} people`);
  await expect(panel.getByTestId('activity-totals')).toContainText(`${THREADS * 2} messages sent`);
  expect(await panel.evaluate(() => (window as unknown as { __notices: string[] }).__notices)).toEqual(['upgrade']);
  await expect(panel.getByTestId('upgrade-notice')).toHaveCount(0);
  expect(
    await panel.evaluate(async () => (await chrome.storage.local.get('db:upgrading'))['db:upgrading'] ?? null),
  ).toBeNull();
});
