// The intended layers (docs/architecture.md "Import rules", issue 12), checked by
// `npm run deps:check`, and the graph `npm run deps:graph` draws into docs/architecture.md.
// Not part of `npm test` yet: the code still breaks some rules, and the refactor that fixes them
// turns this on (then ESLint's import boundaries take over the same rules).
//
// Parsing: TypeScript 7 has no JavaScript API for dependency-cruiser, so it reads the sources
// with swc (@swc/core, a devDependency for that alone), and resolves the `@/` and `~/` aliases of
// WXT's generated tsconfig through the alias table below (the same as .wxt/tsconfig.json's paths).
const path = require('node:path');

const root = __dirname;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'schema-is-the-bottom',
      comment: 'lib/schema holds the types and zod schemas everything else builds on: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^lib/schema/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/schema/' },
    },
    {
      name: 'db-only-on-schema',
      comment: 'lib/db (Dexie, schema versions, revisions) builds on lib/schema only: schema <- db.',
      severity: 'error',
      from: { path: '^lib/db/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(db|schema)/' },
    },
    {
      name: 'db-and-schema-never-ingest',
      comment: 'schema <- db <- ingest: ingestion sits above the database and the schema, never below them.',
      severity: 'error',
      from: { path: '^lib/(schema|db)/' },
      to: { path: '^lib/ingest/' },
    },
    {
      name: 'capture-never-db-or-ingest',
      comment:
        "Content scripts run in the site's origin: a Dexie database opened there is the site's. Capture code sends events to the background and never imports the database or ingestion.",
      severity: 'error',
      from: { path: '^lib/capture/' },
      to: { path: '^lib/(db|ingest|insights)/' },
    },
    {
      name: 'analytics-only-schema',
      comment: 'lib/analytics is pure metrics over facts: it imports lib/schema and nothing else of ours.',
      severity: 'error',
      from: { path: '^lib/analytics/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(analytics|schema)/' },
    },
    {
      name: 'components-never-db',
      comment: 'React components render and call hooks; reads and writes live in lib/ (lib/insights and the feature modules).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'lib-never-ui',
      comment: 'lib/ is plain functions; the UI (components, entrypoints) sits on top of it.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders form layers: two folders that import each other are one tangle.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'A module that reaches itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.wxt|\\.output)' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    webpackConfig: { fileName: path.join(root, 'scripts', 'deps-resolve.cjs') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
