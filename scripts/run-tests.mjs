#!/usr/bin/env node
// Runs Vitest with the arguments given, then prints one closing line any CI can read:
// `Tests: 120 passed, 0 failed, 2 skipped`. Exits with Vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // Vitest's failed tests, plus files that failed without a failed test (a crash in a hook).
  failed =
    r.numFailedTests +
    r.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    ).length;
  skipped = r.numPendingTests + r.numTodoTests;
} else if (run.status !== 0) {
  failed = 1;
}
const backend = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`\n[${backend}]`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status ?? 1);
