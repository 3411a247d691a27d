import { defineConfig } from '@playwright/test';

// One worker: the machine has 2 cores and each test runs a whole Chromium with the extension.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  retries: 0,
  use: { trace: 'off' },
});
