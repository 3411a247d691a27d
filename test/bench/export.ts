// Export JSON (and messages CSV) through the panel of the built extension, against the floor
// measured in the same browser: raw getAll of the stores the export reads, one transaction per
// store. The data is imported through the panel first (not timed here: test/bench/import.ts).
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
      const json = await timed('Export JSON');
      const floorJson = await measureFloor(p, ['prospects', 'threads', 'messages', 'templates']);
      const csv = await timed('Export messages CSV');
      const floorCsv = await measureFloor(p, ['messages', 'prospects']);
      ratios.push(json.ms / floorJson.readMs);
      console.log(
        `run ${run}: export JSON ${sec(json.ms)} (${(json.size / 1_048_576).toFixed(1)} MB); floor (raw getAll of prospects, threads, messages, templates, one transaction per store) ${sec(floorJson.readMs)}; ratio ${ratio(json.ms, floorJson.readMs)}. ` +
          `CSV ${sec(csv.ms)}; floor ${sec(floorCsv.readMs)}; ratio ${ratio(csv.ms, floorCsv.readMs)}`,
      );
    }
    console.log(`export JSON/floor: median ${median(ratios).toFixed(2)}× over ${runs} run(s) (target ≤ 1.5×)`);
  });
}
