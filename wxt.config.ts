import { defineConfig } from 'wxt';

// Permissions are the minimum the mission needs; each is justified in README.md.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Separate output folders let several builds (e.g. parallel test runs) coexist.
  outDir: process.env.SIDELOG_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Sidelog',
    description: 'Logs your outreach in Gmail and LinkedIn and shows what gets replies. Everything stays on your machine.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'webRequest',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
    action: { default_title: 'Sidelog' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidelog@sidelog.local',
              strict_min_version: '128.0',
              // Firefox's built-in consent: Sidelog transmits no data anywhere.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
