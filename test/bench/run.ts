// `npm run bench`: runs every benchmark script in this folder, one after another. They print
// figures; none of them fails a build. `npm run bench -- import export --runs 3`: only the scripts
// whose names contain a word given, each handed the flags (`--runs 3`, `--messages 20000`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const argv = process.argv.slice(2);
const only: string[] = [];
const flags: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) {
    flags.push(argv[i]);
    if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.push(argv[++i]);
  } else only.push(argv[i]);
}
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.ts') || f === 'run.ts') continue;
  if (only.length && !only.some((o) => f.includes(o))) continue;
  console.log(`\n── ${f}`);
  spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f), ...flags], { stdio: 'inherit' });
}
