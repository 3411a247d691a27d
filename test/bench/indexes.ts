// What IndexedDB itself charges for the messages store's indexes, apart from any code of ours: the
// seed's messages (imported through the panel, read back raw) put raw, one read-write transaction
// per pass, into fresh stores that differ only in their indexes, then put again over themselves
// (an upgrade or a re-import rewrites stored rows), and the same with each record cut to the five
// fields the indexes read (does the price follow the record's size?). Configurations interleaved
// run by run; medians printed. It answers where the import, upgrade and ingest floors' ratios
// can go with the schema as it is (README "Speed", docs/design.md "Speed").
// Run: npm run build && npm run bench -- indexes [--runs 3] [--messages 50000]
import { args, built, importThroughPanel, median, ratio, sec, seedFile, withExtension } from './lib/chromium';

type Index = [name: string, keyPath: string, multiEntry?: boolean];
const ALL: Index[] = [
  ['keys', 'keys', true],
  ['threadId', 'threadId'],
  ['prospectId', 'prospectId'],
  ['sentAt', 'sentAt'],
];
const CONFIGS: { name: string; indexes: Index[]; small?: boolean }[] = [
  { name: 'no index', indexes: [] },
  { name: 'threadId only', indexes: [['threadId', 'threadId']] },
  { name: '*keys + threadId', indexes: ALL.slice(0, 2) },
  { name: 'the schema’s four (*keys, threadId, prospectId, sentAt)', indexes: ALL },
  { name: 'no index, records cut to 5 fields', indexes: [], small: true },
  { name: 'the four, records cut to 5 fields', indexes: ALL, small: true },
];

const { runs, messages } = args();
if (built()) {
  const seed = seedFile(messages);
  console.log(`seed: ${seed.messages} messages`);
  await withExtension(async ({ panel }) => {
    const page = await panel('settings');
    await importThroughPanel(page, seed.file);
    const insert = new Map<string, number[]>();
    const overwrite = new Map<string, number[]>();
    for (let run = 1; run <= runs; run++) {
      for (const c of CONFIGS) {
        const [ins, over] = await page.evaluate(
          async ({ indexes, small }) => {
            const req = <T>(q: IDBRequest<T>) =>
              new Promise<T>(
                (resolve, reject) => ((q.onsuccess = () => resolve(q.result)), (q.onerror = () => reject(q.error))),
              );
            const src = await req(indexedDB.open('sidelog'));
            let rows = (await req(src.transaction('messages').objectStore('messages').getAll())) as Record<
              string,
              unknown
            >[];
            src.close();
            if (small)
              rows = rows.map((m) => ({
                id: m.id,
                keys: m.keys,
                threadId: m.threadId,
                prospectId: m.prospectId,
                sentAt: m.sentAt,
              }));
            const name = `sidelog-indexes-${Math.random().toString(36).slice(2)}`;
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('messages', { keyPath: 'id' });
              for (const [n, keyPath, multiEntry] of indexes)
                store.createIndex(n, keyPath, { multiEntry: !!multiEntry });
            };
            const db = await req(open);
            const putAll = async () => {
              const t = performance.now();
              const tx = db.transaction('messages', 'readwrite', { durability: 'relaxed' });
              const store = tx.objectStore('messages');
              for (const r of rows) store.put(r);
              await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
              return performance.now() - t;
            };
            const first = await putAll();
            const second = await putAll();
            db.close();
            await req(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
            return [first, second];
          },
          { indexes: c.indexes, small: !!c.small },
        );
        (insert.get(c.name) ?? insert.set(c.name, []).get(c.name)!).push(ins);
        (overwrite.get(c.name) ?? overwrite.set(c.name, []).get(c.name)!).push(over);
        if (process.env.DEBUG) console.log(`run ${run} ${c.name}: insert ${sec(ins)}, overwrite ${sec(over)}`);
      }
    }
    const base = median(insert.get(CONFIGS[0].name)!);
    console.log(
      `${seed.messages} messages, median of ${runs} run(s); ratios to the insert into a store without indexes:`,
    );
    for (const c of CONFIGS) {
      const i = median(insert.get(c.name)!);
      const o = median(overwrite.get(c.name)!);
      console.log(
        `  ${c.name}: insert ${sec(i)} (${ratio(i, base)}), put over themselves ${sec(o)} (${ratio(o, base)})`,
      );
    }
  });
}
