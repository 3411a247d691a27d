// The schema's last upgrade steps (v2 → v3: identity repair, lib/db/upgrade-v3.ts; v3 → v5: two
// message indexes dropped, then inbound mail judged again and threads listing their messages'
// prospects, lib/db/upgrade-v4.ts) on the seed's data, in the built extension (headless
// Chromium, a fresh profile per run), against the floor measured in the same browser: a raw getAll
// of the stores the steps read (prospects, threads, messages) plus a raw put, into stores without
// indexes, of the records they changed (one transaction per store).
//
// How a v2 database is made: the seed is imported through the panel, read back raw, and written
// raw into a database created the way Dexie created version 2 (IndexedDB version 20, the v2 stores
// and indexes), without the fields v4 adds to inbound messages (classification rule and source,
// failed recipients, intent, referral). Then a side panel opens it: Dexie upgrades it. The time is
// the upgrade notice's own (`db:upgrading` in extension storage: set with its start when a step
// starts), heard through storage.onChanged; the end is when an open request issued then (queued
// behind the version change) succeeds: the upgrade has committed.
// Run: npm run build && npm run bench -- upgrade [--runs 3] [--messages 100000]
import {
  args,
  built,
  importThroughPanel,
  measureFloor,
  median,
  ratio,
  sec,
  seedFile,
  withExtension,
} from './lib/chromium';

// The extension page's `chrome` global, used inside page.evaluate callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const { runs, messages } = args();
if (built()) {
  const seed = seedFile(messages);
  console.log(`seed: ${seed.messages} messages, ${seed.records} records`);
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    await withExtension(async ({ panel }) => {
      const a = await panel('settings');
      await importThroughPanel(a, seed.file);
      if (process.env.DEBUG) console.log('imported');
      // Page A keeps the v2 rows, rebuilds the database as v2, and listens to the notice.
      await a.evaluate(async () => {
        const w = window as unknown as { __notices: [number, unknown][] };
        const req = <T>(r: IDBRequest<T>) =>
          new Promise<T>(
            (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))),
          );
        const src = await req(indexedDB.open('sidelog'));
        const stores = ['prospects', 'threads', 'messages', 'templates', 'templateVersions', 'meta'];
        const data: Record<string, Record<string, unknown>[]> = {};
        for (const s of stores)
          data[s] = (await req(src.transaction(s).objectStore(s).getAll())) as Record<string, unknown>[];
        src.close();
        const V4 = [
          'classificationRule',
          'classificationSource',
          'failedRecipients',
          'intent',
          'intentRule',
          'intentSource',
          'referral',
        ];
        data.messages = data.messages.map((m) => {
          const out = { ...m };
          for (const k of V4) delete out[k];
          if (out.classification === 'delay') out.classification = 'bounce';
          return out;
        });
        data.prospects = data.prospects.map(({ companyKeys: _c, ...p }) => p);
        // The facts are rebuilt after an upgrade; none kept.
        data.meta = data.meta.filter((r) => !String(r.key).startsWith('analytics:'));
        // The v2 rows, to tell afterwards which records the upgrade changed, are kept in another
        // database, not in this page's memory: a side panel may run the upgrade (this one did),
        // and a real one holds no second copy of the data while it does.
        await req(indexedDB.deleteDatabase('sidelog-bench-before'));
        const keep = indexedDB.open('sidelog-bench-before', 1);
        keep.onupgradeneeded = () => {
          for (const s of ['prospects', 'threads', 'messages']) keep.result.createObjectStore(s, { keyPath: 'id' });
        };
        const kept = await req(keep);
        for (const s of ['prospects', 'threads', 'messages']) {
          const tx = kept.transaction(s, 'readwrite');
          for (const r of data[s]) tx.objectStore(s).put(r);
          await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
        }
        kept.close();
        // This page's own app may open the database again between the deletion and the v2 open
        // (a poll of the Settings tab: Dexie reopens a database a deletion closed), creating it
        // at the current version: then delete and open again.
        const createV2 = () => {
          const open = indexedDB.open('sidelog', 20); // Dexie's version 2
          open.onupgradeneeded = () => {
            const db = open.result;
            const store = (name: string, key: string, idx: [string, string | string[], boolean?][]) => {
              const s = db.createObjectStore(name, { keyPath: key });
              for (const [n, k, multi] of idx) s.createIndex(n, k, { multiEntry: !!multi });
            };
            store('prospects', 'id', [
              ['keys', 'keys', true],
              ['updatedAt', 'updatedAt'],
              ['rev', 'rev'],
            ]);
            store('threads', 'id', [
              ['keys', 'keys', true],
              ['prospectIds', 'prospectIds', true],
              ['rev', 'rev'],
            ]);
            store('messages', 'id', [
              ['keys', 'keys', true],
              ['threadId', 'threadId'],
              ['prospectId', 'prospectId'],
              ['sentAt', 'sentAt'],
            ]);
            store('templates', 'id', [
              ['name', 'name'],
              ['archived', 'archived'],
              ['updatedAt', 'updatedAt'],
            ]);
            store('templateVersions', 'id', [['templateId', 'templateId']]);
            store('meta', 'key', []);
          };
          return req(open);
        };
        let db: IDBDatabase | undefined;
        for (let attempt = 1; !db; attempt++) {
          await req(indexedDB.deleteDatabase('sidelog'));
          db = await createV2().catch((e: DOMException) => {
            if (e.name !== 'VersionError' || attempt >= 5) throw e;
            return undefined;
          });
        }
        for (const s of stores) {
          const tx = db.transaction(s, 'readwrite');
          for (const r of data[s]) tx.objectStore(s).put(r);
          await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
        }
        db.close();
        w.__notices = [];
        chrome.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>) => {
          if ('db:upgrading' in changes) w.__notices.push([Date.now(), changes['db:upgrading'].newValue ?? null]);
        });
        // The end: an open request issued once the upgrade has started waits behind its version
        // change, and succeeds when the upgrade has committed.
        let waiting = false;
        chrome.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>) => {
          if (waiting || !changes['db:upgrading']?.newValue) return;
          waiting = true;
          const r = indexedDB.open('sidelog');
          r.onsuccess = () => {
            (window as unknown as { __doneAt: number }).__doneAt = Date.now();
            r.result.close();
          };
        });
      });
      if (process.env.DEBUG) console.log('v2 database written');
      // A side panel opens the v2 database: the upgrade runs there.
      const b = await panel('dashboard');
      if (process.env.DEBUG) {
        for (const pg of [a, b]) {
          pg.on('console', (m) => console.log(`[${pg === a ? 'A' : 'B'} console] ${m.text().slice(0, 300)}`));
          pg.on('pageerror', (e) => console.log(`[${pg === a ? 'A' : 'B'} error] ${String(e).slice(0, 300)}`));
        }
        const t = setInterval(
          () =>
            void b
              .evaluate(() => document.body.innerText.slice(0, 200))
              .then(
                (x) => console.log('[B]', x.replace(/\n/g, ' | ')),
                () => undefined,
              ),
          10_000,
        );
        b.once('close', () => clearInterval(t));
      }
      await a.waitForFunction(() => (window as unknown as { __doneAt?: number }).__doneAt !== undefined, undefined, {
        timeout: 1_800_000,
        polling: 100,
      });
      const { notices, changed, doneAt } = await a.evaluate(async () => {
        const w = window as unknown as { __notices: [number, { toVersion: number; startedAt: number } | null][] };
        const req = <T>(r: IDBRequest<T>) =>
          new Promise<T>(
            (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))),
          );
        const db = await req(indexedDB.open('sidelog'));
        const kept = await req(indexedDB.open('sidelog-bench-before'));
        const changed: Record<string, string[]> = {};
        for (const s of ['prospects', 'threads', 'messages']) {
          const rows = (await req(kept.transaction(s).objectStore(s).getAll())) as Record<string, unknown>[];
          const before = new Map(rows.map((r) => [r.id as string, JSON.stringify({ ...r, rev: 0 })]));
          const after = (await req(db.transaction(s).objectStore(s).getAll())) as Record<string, unknown>[];
          changed[s] = after
            .filter((r) => before.get(r.id as string) !== JSON.stringify({ ...r, rev: 0 }))
            .map((r) => r.id as string);
        }
        db.close();
        kept.close();
        await req(indexedDB.deleteDatabase('sidelog-bench-before'));
        return { notices: w.__notices, changed, doneAt: (window as unknown as { __doneAt: number }).__doneAt };
      });
      // The upgrade's own phases (performance marks in lib/db/upgrade-v3.ts, upgrade-v4.ts), from
      // whichever page ran it.
      const marks = (
        await Promise.all(
          [a, b].map((pg) =>
            pg.evaluate(() =>
              performance
                .getEntriesByType('mark')
                .filter((m) => m.name.startsWith('upgrade:'))
                .map((m) => [m.name.slice(8), m.startTime] as const),
            ),
          ),
        )
      ).find((m) => m.length);
      const phases = marks?.map(([name, at], i) => (i ? `${name} ${sec(at - marks[i - 1][1])}` : null)).filter(Boolean);
      await b.close();
      const start = notices.find(([, v]) => v?.toVersion === 3)?.[1]?.startedAt ?? notices[0][0];
      // The step after v3 that announces itself: v5's, which also runs v4's judging (lib/db/db.ts).
      const last = Math.max(...notices.map(([, v]) => v?.toVersion ?? 0));
      const lastAt = last > 3 ? notices.find(([, v]) => v?.toVersion === last)?.[0] : undefined;
      const end = doneAt;
      const floor = await measureFloor(a, ['prospects', 'threads', 'messages'], changed, { indexed: true });
      const f = floor.readMs + floor.writeMs;
      // The changed records written over themselves in stores with the schema's indexes: what
      // IndexedDB alone charges an upgrade that rewrites stored rows.
      const fi = floor.readMs + floor.indexed!.overwriteMs;
      ratios.push((end - start) / f);
      console.log(
        `run ${run}: upgrade v2 → v${last} ${sec(end - start)}${lastAt ? ` (v2 → v3 ${sec(lastAt - start)}, v3 → v${last} ${sec(end - lastAt)})` : ''}; ` +
          `records changed ${JSON.stringify(floor.counts)}; ${phases?.length ? `phases: ${phases.join(', ')}; ` : ''} floor (raw getAll of prospects, threads, messages ${sec(floor.readMs)} + raw put of the changed records ${sec(floor.writeMs)}) ${sec(f)}; ratio ${ratio(end - start, f)}; ` +
          `with the changed records put over themselves in stores with the schema's indexes instead ${sec(fi)} (${ratio(fi, f)} the floor; the upgrade against it ${ratio(end - start, fi)})`,
      );
    });
  }
  console.log(`upgrade/floor: median ${median(ratios).toFixed(2)}× over ${runs} run(s) (target ≤ 2×)`);
}
