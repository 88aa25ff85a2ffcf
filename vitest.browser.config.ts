import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:browser`): the real server, started once by the global setup from
 * the build, driven through Debian's Chromium with playwright-core; plus the bundle-size check.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    setupFiles: ['test/browser/on-failure.ts'],
    // A page's first load on a busy machine takes seconds: polls wait as long as an action does.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
