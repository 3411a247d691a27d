// ESLint (`npm run lint`): typescript-eslint's recommended rules (syntax only, no type information),
// the React hooks rules as errors, Prettier's config last (formatting is Prettier's, not ESLint's),
// and the import boundaries of docs/architecture.md "Import rules" as `no-restricted-imports`, so an
// editor marks a crossed layer as it is typed. `npm run deps:check` (.dependency-cruiser.cjs) stays
// the complete check (cycles, resolved paths, imports ESLint cannot see); BOUNDARIES below mirrors
// its rules one for one: change both together.
//
// typescript-eslint and TypeScript 7: the project's TypeScript (7, the native compiler `tsc` runs)
// has no JavaScript API, and typescript-eslint's parser needs one (it supports TypeScript up to 6.0).
// So typescript-eslint comes through the local package tools/typescript-eslint/, whose own
// dependencies are typescript-eslint and TypeScript 6.0.3: npm installs them under that package
// (`.npmrc` install-links=true copies it into node_modules like a published one), where its parser
// finds TypeScript 6 while the rest of the project keeps 7. The `overrides` entry in package.json
// does the same for ts-api-utils, which typescript-eslint's rules load and which npm would otherwise
// hoist beside TypeScript 7. (A root-level alias of TypeScript 6 with `overrides` alone fails:
// typescript-eslint's peer dependency on `typescript` must then be met at the root, by 7.)
import path from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'sidelog-typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const root = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Import boundaries (.dependency-cruiser.cjs, one entry per rule there; `scope: 'folder'` cycles
// and module cycles are dependency-cruiser's alone). `from` is the importing files (a folder ends
// with '/'); `to` is what they may not import, either a list of our paths or `ours` (every folder
// and file of lib/, components/, entrypoints/) minus `except`.
// ---------------------------------------------------------------------------------------------
const BOUNDARIES = [
  {
    name: 'schema-is-the-bottom',
    from: ['lib/schema/'],
    to: 'ours',
    except: ['lib/schema/'],
    why: 'lib/schema holds the types and zod schemas everything else builds on: it imports nothing of ours.',
  },
  {
    name: 'text-is-a-leaf',
    from: ['lib/text.ts'],
    to: 'ours',
    except: [],
    why: 'lib/text.ts holds text normal forms every layer shares: it imports nothing of ours.',
  },
  {
    name: 'storage-keys-are-a-leaf',
    from: ['lib/storage/keys.ts'],
    to: 'ours',
    except: [],
    why: 'lib/storage/keys.ts names every storage key; content scripts import it, so it imports nothing of ours.',
  },
  {
    name: 'content-scripts-without-wxt-storage',
    from: ['lib/capture/', 'entrypoints/*.content/', 'entrypoints/*.content.ts'],
    to: ['lib/storage/items.ts'],
    why: "WXT's storage module costs each content script ~9 KB: use lib/storage/keys.ts with storage.local.",
  },
  {
    name: 'records-are-pure',
    from: ['lib/records/'],
    to: 'ours',
    except: ['lib/records/', 'lib/schema/', 'lib/text.ts'],
    why: 'lib/records is pure rules on lib/schema and lib/text.ts only.',
  },
  {
    name: 'replies-are-pure',
    from: ['lib/replies/'],
    to: 'ours',
    except: ['lib/replies/', 'lib/schema/', 'lib/text.ts'],
    why: 'lib/replies is pure rules on lib/schema and lib/text.ts only.',
  },
  {
    name: 'db-only-on-schema',
    from: ['lib/db/'],
    to: 'ours',
    except: ['lib/db/', 'lib/schema/', 'lib/records/', 'lib/replies/', 'lib/storage/'],
    why: 'lib/db builds on lib/schema, the pure rules of lib/records and lib/replies, and lib/storage (schema <- db <- ingest).',
  },
  {
    name: 'db-and-schema-never-ingest',
    from: ['lib/schema/', 'lib/db/'],
    to: ['lib/ingest/'],
    why: 'schema <- db <- ingest: ingestion sits above the database and the schema, never below them.',
  },
  {
    name: 'capture-never-db-or-ingest',
    from: ['lib/capture/'],
    to: ['lib/db/', 'lib/ingest/', 'lib/insights/'],
    why: 'Content scripts run in the site origin (a Dexie database opened there is the site’s): capture sends events to the background.',
  },
  {
    name: 'ingest-never-capture',
    from: ['lib/ingest/'],
    to: ['lib/capture/'],
    why: 'Ingestion takes events (lib/schema), never the content scripts’ code; rules both use live in lib/records.',
  },
  {
    name: 'analytics-only-schema',
    from: ['lib/analytics/'],
    to: 'ours',
    except: ['lib/analytics/', 'lib/schema/'],
    why: 'lib/analytics is pure metrics over facts: it imports lib/schema and nothing else of ours.',
  },
  {
    name: 'components-never-db',
    severity: 'error',
    from: ['components/'],
    to: ['lib/db/'],
    why: 'Components render and call hooks; reads and writes live in lib/ (lib/insights and the feature modules).',
  },
  {
    name: 'lib-never-ui',
    from: ['lib/'],
    to: ['components/', 'entrypoints/'],
    why: 'lib/ is plain functions; the UI (components, entrypoints) sits on top of it.',
  },
  {
    name: 'entrypoints-are-wiring',
    from: ['entrypoints/'],
    to: 'other-entrypoints',
    why: "Entrypoints only wire lib/ and components/, never another entrypoint's code (stylesheets excepted).",
  },
];

const SOURCE_ROOTS = ['lib', 'components', 'entrypoints'];
const CODE = /\.(ts|tsx)$/;

/** Every source file, as a path from the repository root with '/' separators. */
function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (CODE.test(name)) out.push(rel);
    }
  };
  for (const dir of SOURCE_ROOTS) walk(dir);
  return out;
}

/** Our top-level units a rule can name: each folder and file directly in lib/, components/, entrypoints/. */
function ourUnits() {
  const units = ['components/'];
  for (const dir of ['lib', 'entrypoints']) {
    for (const name of readdirSync(path.join(root, dir))) {
      const isDir = statSync(path.join(root, dir, name)).isDirectory();
      if (isDir) units.push(`${dir}/${name}/`);
      else if (CODE.test(name)) units.push(`${dir}/${name}`);
    }
  }
  return units;
}

/** Does `file` fall under a `from` entry ('dir/', 'file.ts', or a glob with one '*' in the last segment)? */
function matchesFrom(file, from) {
  if (from.includes('*')) {
    const re = new RegExp(`^${from.split('*').map(escape).join('[^/]*')}${from.endsWith('/') ? '' : '$'}`);
    return re.test(file);
  }
  return from.endsWith('/') ? file.startsWith(from) : file === from;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entrypoint a file belongs to: 'entrypoints/popup/' or 'entrypoints/gmail-main.content.ts'. */
function entrypointOf(file) {
  const [, name, rest] = file.split('/');
  return rest === undefined ? `entrypoints/${name}` : `entrypoints/${name}/`;
}

/**
 * A regular expression matching the import specifiers, as written in a file of `dir`, that reach
 * `unit` (a folder 'lib/db/' or a file 'lib/text.ts'): through WXT's path aliases (`@/`, `~/`,
 * `@@/`, `~~/`, all the repository root) or relatively.
 */
function specifierPattern(dir, unit) {
  const isDir = unit.endsWith('/');
  const target = isDir ? unit.slice(0, -1) : unit.replace(CODE, '');
  // '' when the file sits in the target folder itself: then every './…' import reaches it.
  let rel = path.posix.relative(dir, target) || '.';
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const tail = isDir ? '(?:/.*)?' : '(?:\\.tsx?)?';
  return `^(?:(?:@|~|@@|~~)/${escape(target)}|${escape(rel)})${tail}$`;
}

/** The no-restricted-imports entry for files of one folder (all of `files` share it), by the rules that apply. */
function restrictionsFor(files) {
  const dir = path.posix.dirname(files[0]);
  const units = ourUnits();
  const patterns = [];
  const severities = new Set();
  for (const rule of BOUNDARIES) {
    if (!files.every((f) => rule.from.some((from) => matchesFrom(f, from)))) continue;
    let targets;
    if (rule.to === 'ours') {
      targets = units.filter((u) => !rule.except.some((e) => u === e || (e.endsWith('/') && u.startsWith(e))));
    } else if (rule.to === 'other-entrypoints') {
      targets = units.filter((u) => u.startsWith('entrypoints/') && u !== entrypointOf(files[0]));
    } else {
      targets = rule.to;
    }
    for (const unit of targets) {
      const regex = specifierPattern(dir, unit);
      patterns.push({
        regex: rule.to === 'other-entrypoints' ? `(?!.*\\.css$)${regex}` : regex,
        message: `${rule.name}: ${rule.why} (.dependency-cruiser.cjs, docs/architecture.md)`,
      });
    }
    severities.add(rule.severity ?? 'error');
  }
  if (patterns.length === 0) return null;
  // One severity per file set (flat config cannot mix them in one rule): the stricter one.
  return [severities.has('error') ? 'error' : 'warn', { patterns }];
}

/**
 * Config blocks: one per source folder (its files directly inside), then one per file that a rule
 * names alone or that is an entrypoint by itself; these come last because a later block's rule
 * replaces an earlier one's for the same file.
 */
function boundaryBlocks() {
  const singles = new Set(BOUNDARIES.flatMap((r) => r.from).filter((f) => !f.endsWith('/') && !f.includes('*')));
  const isSingle = (file) => singles.has(file) || /^entrypoints\/[^/]+$/.test(file);
  const byDir = new Map();
  const fileBlocks = [];
  for (const file of sourceFiles()) {
    if (isSingle(file)) {
      const rule = restrictionsFor([file]);
      if (rule) fileBlocks.push({ files: [file], rules: { 'no-restricted-imports': rule } });
    } else {
      const dir = path.posix.dirname(file);
      byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
  }
  const dirBlocks = [];
  for (const [dir, files] of byDir) {
    const rule = restrictionsFor(files);
    if (rule) dirBlocks.push({ files: [`${dir}/*.{ts,tsx}`], rules: { 'no-restricted-imports': rule } });
  }
  return [...dirBlocks, ...fileBlocks];
}

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '.output*/',
      '.wxt/',
      'reports/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/',
    ],
  },
  {
    // A suppression that no longer suppresses anything is an error: delete it.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // React code: the panel, the popup, their hooks and components, and the unit tests that render
    // them. Not test/e2e, where Playwright's fixture callback is also named `use`.
    files: ['components/**', 'entrypoints/**', 'lib/**', 'test/unit/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Every hooks rule an error: the recommended set has exhaustive-deps and two compiler
      // diagnostics as warnings, and a warning nobody fails on is a warning nobody reads.
      ...Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((r) => [r, 'error'])),
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      // A destructuring stays `let` as a whole when one of its names is reassigned.
      'prefer-const': ['error', { destructuring: 'all' }],
      // `_`-prefixed parameters and destructured leftovers are the deliberate "unused" ones.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'test/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['lib/**', 'components/**', 'entrypoints/**', 'public/**', 'test/e2e/lookalike/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaryBlocks(),
  prettier,
);
