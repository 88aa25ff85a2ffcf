import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:browser`): the real server, started once by the global setup from
 * the build, driven through Debian's Chromium with playwright-core; plus the bundle-size check.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
