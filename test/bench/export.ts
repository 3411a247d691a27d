// Export JSON (and messages CSV) through the panel of the built extension, against the floor
// measured in the same browser: raw getAll of the stores the export reads, one transaction per
// store, right before and right after the export (the mean), the page settled before each. The
// data is imported through the panel first (not timed here: test/bench/import.ts).
// The figure is from the click to the download starting (the file is built by then).
// Run: npm run build && npm run bench -- export [--runs 3] [--messages 100000]
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
  console.log(`seed: ${seed.messages} messages, ${(seed.bytes / 1_048_576).toFixed(1)} MB`);
  await withExtension(async ({ panel }) => {
    const p = await panel('settings');
    await importThroughPanel(p, seed.file);
    const ratios: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const timed = async (button: string) => {
        const t0 = await p.evaluate(() => performance.now());
        const [download] = await Promise.all([
          p.waitForEvent('download', { timeout: 600_000 }),
          p.getByRole('button', { name: button }).click(),
        ]);
        const ms = (await p.evaluate(() => performance.now())) - t0;
        const size = (await import('node:fs')).statSync(await download.path()).size;
        return { ms, size };
      };
      // The floor is read right before and right after the export, and their mean taken, each after
      // the page has settled: the panel's own work after an import or an export (the Settings tab
      // recounts its tables on "db changed") would otherwise land on the first figure only.
      const settle = () => p.waitForTimeout(2_000);
      const around = async <T>(stores: string[], run: () => Promise<T>) => {
        await settle();
        const before = await measureFloor(p, stores);
        await settle();
        const figure = await run();
        await settle();
        const after = await measureFloor(p, stores);
        return { figure, floor: { readMs: (before.readMs + after.readMs) / 2 } };
      };
      const { figure: json, floor: floorJson } = await around(['prospects', 'threads', 'messages', 'templates'], () =>
        timed('Export JSON'),
      );
      const { figure: csv, floor: floorCsv } = await around(['messages', 'prospects'], () =>
        timed('Export messages CSV'),
      );
      ratios.push(json.ms / floorJson.readMs);
      console.log(
        `run ${run}: export JSON ${sec(json.ms)} (${(json.size / 1_048_576).toFixed(1)} MB); floor (raw getAll of prospects, threads, messages, templates, one transaction per store) ${sec(floorJson.readMs)}; ratio ${ratio(json.ms, floorJson.readMs)}. ` +
          `CSV ${sec(csv.ms)}; floor ${sec(floorCsv.readMs)}; ratio ${ratio(csv.ms, floorCsv.readMs)}`,
      );
    }
    console.log(`export JSON/floor: median ${median(ratios).toFixed(2)}× over ${runs} run(s) (target ≤ 1.5×)`);
  });
}
