// The intended layers (docs/architecture.md "Import rules", issue 12), checked by
// `npm run deps:check` as the first step of `npm test`, and the graph `npm run deps:graph` draws
// into docs/architecture.md. Every rule is an error.
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
      name: 'text-is-a-leaf',
      comment:
        'lib/text.ts holds text normal forms every layer shares (content scripts too): it imports nothing of ours.',
      severity: 'error',
      from: { path: '^lib/text\\.ts$' },
      to: { path: '^(lib|components|entrypoints)/' },
    },
    {
      name: 'storage-keys-are-a-leaf',
      comment:
        'lib/storage/keys.ts names every key kept in extension storage; content scripts import it, so it imports nothing of ours.',
      severity: 'error',
      from: { path: '^lib/storage/keys\\.ts$' },
      to: { path: '^(lib|components|entrypoints)/' },
    },
    {
      name: 'content-scripts-without-wxt-storage',
      comment:
        "WXT's storage module (lib/storage/items.ts) costs each content script about 9 KB of its budget: capture code and the content-script entrypoints use the key names of lib/storage/keys.ts with storage.local.",
      severity: 'error',
      from: { path: '^(lib/capture/|entrypoints/[^/]*(\\.content|-main\\.content))' },
      to: { path: '^lib/storage/items\\.ts$' },
    },
    {
      name: 'records-are-pure',
      comment:
        'lib/records holds the rules every writer of records shares (lookup keys, thread summaries, seniority, how two prospects fold into one): pure, on lib/schema and lib/text.ts only, so the database upgrades, ingestion, imports and content scripts can all use them.',
      severity: 'error',
      from: { path: '^lib/records/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(records|schema)/|^lib/text\\.ts$' },
    },
    {
      name: 'replies-are-pure',
      comment:
        'lib/replies says what an inbound message is (a person, an automatic reply, a bounce, a delay) and what a reply means (intent, quoted history): pure rules on lib/schema and lib/text.ts only, so ingestion, the database upgrade that re-classifies stored mail, the import and the panel share one definition.',
      severity: 'error',
      from: { path: '^lib/replies/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(replies|schema)/|^lib/text\\.ts$' },
    },
    {
      name: 'db-only-on-schema',
      comment:
        'lib/db (Dexie, schema versions and their upgrades, revisions) builds on lib/schema and the pure rules of lib/records and lib/replies its upgrades apply (schema <- records, replies <- db), and announces an upgrade in extension storage (lib/storage).',
      severity: 'error',
      from: { path: '^lib/db/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(db|schema|records|replies|storage)/' },
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
      name: 'ingest-never-capture',
      comment:
        "Ingestion (background) takes events (lib/schema), never the content scripts' code; a rule both use lives in lib/records (e.g. presence lines).",
      severity: 'error',
      from: { path: '^lib/ingest/' },
      to: { path: '^lib/capture/' },
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
      comment:
        'React components render and call hooks; reads and writes live in lib/ (lib/insights and the feature modules).',
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
      name: 'entrypoints-are-wiring',
      comment:
        "Entrypoints only wire: they import lib/, components/, packages and the files of their own entrypoint (a page's App, its stylesheet), never another entrypoint's code. Stylesheets are exempt: the popup wears the side panel's.",
      severity: 'error',
      from: { path: '^entrypoints/([^/.]+)' },
      to: { path: '^[^/]+/', pathNot: ['^(lib|components|node_modules)/', '^entrypoints/$1([/.]|$)', '\\.css$'] },
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
