// `npm run seed -- [--large] [--seed N] [--prospects N] [--threads N] [--messages N] [--templates N]
//                  [--days N] [--now ISO] [--out FILE]`
// Writes a sidelog-export v1 file to load with the side panel's "Import JSON" (Settings tab).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSeed, SEED_LARGE, type SeedOptions } from '../lib/dev/seed';
import { ExportFile } from '../lib/schema/export';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (name: string) => (opt(name) === undefined ? undefined : Number(opt(name)));

const options: SeedOptions = { ...(args.includes('--large') ? SEED_LARGE : {}) };
for (const k of ['seed', 'prospects', 'threads', 'messages', 'templates', 'days'] as const) {
  const v = num(k);
  if (v !== undefined) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} needs a number`);
    options[k] = v;
  }
}
// Default: now, so the data looks current in the panel; pass --now for byte-identical files.
options.now = opt('now') ? Date.parse(opt('now')!) : Date.now();
const file = ExportFile.parse(generateSeed(options));
// Default under .output-seed/ (ignored by git, like every .output* folder).
const out =
  opt('out') ?? path.join('.output-seed', args.includes('--large') ? 'seed-large.sidelog.json' : 'seed.sidelog.json');
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, JSON.stringify(file));
console.log(
  `wrote ${out}: ${file.prospects.length} prospects, ${file.threads.length} threads, ` +
    `${file.messages.length} messages, ${file.templates.length} templates`,
);
