// Import JSON through the panel of the built extension (headless Chromium, a fresh profile per
// run), against its floor measured in the same browser right after: the records the import wrote
// put raw into stores without indexes, one transaction per store (test/bench/lib/chromium.ts).
// The figure is from choosing the file to "Imported" (reading, parsing, writing, facts stored).
// Long tasks of the panel (PerformanceObserver 'longtask') are counted: the work runs in a worker.
// Run: npm run build && npm run bench -- import [--runs 3] [--messages 100000]
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

const { runs, messages } = args();
if (built()) {
  const seed = seedFile(messages);
  console.log(
    `seed: ${seed.messages} messages, ${seed.records} records in the file, ${(seed.bytes / 1_048_576).toFixed(1)} MB`,
  );
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    await withExtension(async ({ panel }) => {
      const p = await panel('settings');
      const r = await importThroughPanel(p, seed.file);
      const floor = await measureFloor(
        p,
        ['prospects', 'threads', 'messages', 'templates', 'templateVersions', 'meta'],
        undefined,
        { indexed: true },
      );
      const written = Object.values(floor.counts).reduce((a, b) => a + b, 0);
      const over100 = r.longTasks.filter((d) => d > 100);
      const when = r.longTasks.flatMap((d, i) => (d > 100 ? [`${d.toFixed(0)} ms at ${sec(r.longTaskAt[i])}`] : []));
      ratios.push(r.ms / floor.writeMs);
      const ix = floor.indexed!;
      console.log(
        `run ${run}: import ${sec(r.ms)} (${Object.entries(r.phases)
          .map(([k, v]) => `${k} ${sec(v)}`)
          .join(', ')}); ` +
          `floor (raw put of the ${written} records written, no indexes, one transaction per store) ${sec(floor.writeMs)}; ` +
          `ratio ${ratio(r.ms, floor.writeMs)}; the same records put raw into stores with the schema's indexes ${sec(ix.insertMs)} ` +
          `(IndexedDB's own price for the indexes: ${ratio(ix.insertMs, floor.writeMs)} the floor; the import against it ${ratio(r.ms, ix.insertMs)}); panel long tasks > 100 ms: ${over100.length}${over100.length ? ` (max ${Math.max(...over100).toFixed(0)} ms; ${when.join(', ')})` : ''}`,
      );
    });
  }
  console.log(`import/floor: median ${median(ratios).toFixed(2)}× over ${runs} run(s) (target ≤ 1.5×)`);
}
