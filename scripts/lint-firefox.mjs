// `npm run lint:firefox`: Mozilla's linter (web-ext lint, the checks addons.mozilla.org runs on an
// upload) over the Firefox build. Fails on any error, and on any warning or notice that is not one
// of the few explained in README.md ("Ship it"). Those come from libraries in the bundle, not from
// Sidelog's code, and each is recognised by the source text at the reported place, so a new
// warning of the same kind elsewhere still fails.
// Build first: `npm run build:firefox` (SIDELOG_OUT_DIR is honoured like the build does).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.env.SIDELOG_OUT_DIR ?? '.output', 'firefox-mv3');

/** Warnings explained in README.md: the code, and what the bundled source says at that place. */
const EXPLAINED = [
  {
    code: 'DANGEROUS_EVAL',
    why: "zod's feature probe `Function('')` (it only asks whether eval is allowed; the extension's CSP says no)",
    matches: (around) => around.includes('return Function(``),!0') && around.includes('jitless'),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "React DOM's dangerouslySetInnerHTML support (Sidelog never passes it a value)",
    matches: (around) => /__html[^;]{0,120}\.innerHTML=/.test(around),
  },
];

const bin = path.resolve('node_modules', '.bin', process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, // no registry look-up of web-ext's own version
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  console.error(`web-ext lint gave no report for ${dir} (built? npm run build:firefox)`);
  process.exit(1);
}

/** The bundled source around a reported position (lines and columns are 1-based). */
function around(m) {
  if (!m.file || !m.line) return '';
  try {
    const line = readFileSync(path.join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
    const col = (m.column ?? 1) - 1;
    return line.slice(Math.max(0, col - 200), col + 200);
  } catch {
    return '';
  }
}

const unexplained = [];
const explained = new Map();
for (const m of [...report.errors, ...report.warnings, ...report.notices]) {
  const known = m._type !== 'error' && EXPLAINED.find((e) => e.code === m.code && e.matches(around(m)));
  if (known) explained.set(known.why, (explained.get(known.why) ?? 0) + 1);
  else unexplained.push(m);
}
for (const m of unexplained) {
  console.error(
    `${m._type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''}: ${m.message}\n  ${m.description ?? ''}`,
  );
}
const s = report.summary;
console.log(
  `web-ext lint ${path.relative(process.cwd(), dir)}: ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`,
);
for (const [why, n] of explained) console.log(`  explained (${n}): ${why}`);
if (unexplained.length) {
  console.error(`${unexplained.length} finding(s) not explained: fix them, or explain them in README.md and here.`);
  process.exit(1);
}
