// Size budgets of the content scripts (issue 13): the built LinkedIn content script and its
// page-world tap together must stay within 40 KB minified, since both load into every LinkedIn
// page. Prints each script's size and the budget; exits 1 when a budget is exceeded or a script is
// missing (run `npm run build` first). The build directory is $SIDELOG_OUT_DIR (default .output).
//
//   node scripts/check-sizes.mjs            (npm run size:check)
import { statSync } from 'node:fs';
import path from 'node:path';

const out = path.join(process.env.SIDELOG_OUT_DIR ?? '.output', 'chrome-mv3', 'content-scripts');
const BUDGETS = [
  { name: 'LinkedIn (content script + page-world tap)', files: ['linkedin.js', 'linkedin-main.js'], max: 40 * 1024 },
];

let failed = false;
for (const budget of BUDGETS) {
  let total = 0;
  for (const f of budget.files) {
    let size;
    try {
      size = statSync(path.join(out, f)).size;
    } catch {
      console.error(`${f}: missing in ${out} (build first: npm run build)`);
      failed = true;
      continue;
    }
    total += size;
    console.log(`${f.padEnd(20)} ${String(size).padStart(7)} bytes`);
  }
  const over = total > budget.max;
  console.log(
    `${budget.name}: ${total} of ${budget.max} bytes (${(total / 1024).toFixed(1)} of ${budget.max / 1024} KB)${over ? `, ${total - budget.max} bytes over` : ''}`,
  );
  if (over) failed = true;
}
process.exit(failed ? 1 : 0);
