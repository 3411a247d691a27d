// `npm run bench`: runs every benchmark script in this folder, one after another. They print
// figures; none of them fails a build.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.ts') || f === 'run.ts') continue;
  if (only.length && !only.some((o) => f.includes(o))) continue;
  console.log(`\n── ${f}`);
  spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: 'inherit' });
}
