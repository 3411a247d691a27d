import { defineConfig } from 'wxt';

// Permissions are the minimum the mission needs; each is justified in README.md.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Separate output folders let several builds (e.g. parallel test runs) coexist.
  outDir: process.env.SIDELOG_OUT_DIR ?? '.output',
  // `npm run zip`: the Chrome and Firefox packages, plus the sources archive addons.mozilla.org asks
  // for (it must rebuild the Firefox package from it with `npm ci && npm run build:firefox`:
  // README.md "Ship it", scripts/verify-sources.sh). WXT leaves out node_modules, the output folder
  // and hidden files; `.npmrc` is named because `npm ci` needs it to install tools/typescript-eslint
  // the way package-lock.json records it. Tests (and their fixtures), screenshots and reports are
  // not needed to build.
  zip: {
    includeSources: ['**/*', '.npmrc'],
    excludeSources: ['test/**', 'docs/screenshots/**', 'reports/**', 'test-results/**', 'playwright-report/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Sidelog',
    description:
      'Logs your outreach in Gmail and LinkedIn and shows what gets replies. Everything stays on your machine.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'webRequest',
      // Injects the LinkedIn page readers into a LinkedIn tab when it first needs them (README).
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
    action: { default_title: 'Sidelog' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidelog@sidelog.local',
              // 140 (ESR) is the first Firefox that reads data_collection_permissions, which
              // addons.mozilla.org requires of new add-ons (web-ext lint flags an older minimum).
              strict_min_version: '140.0',
              // Firefox's built-in consent: Sidelog transmits no data anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            // Android is not a target (no sidebar there), but the linter checks the key against
            // Firefox for Android too, which reads it from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
