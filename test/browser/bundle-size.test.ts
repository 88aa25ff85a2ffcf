import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { server } from './browser.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Sizes {
  budgetKb: number;
  ok: boolean;
  portal: { files: string[]; jsKb: number };
  admin: { files: string[]; jsKb: number; lazyKb: number };
}

describe.skipIf(!server())('bundle sizes of the build', () => {
  it('keeps the portal’s first-load JavaScript within 150 KB gzipped, and reports the console’s', () => {
    const run = spawnSync(process.execPath, ['scripts/bundle-size.mjs', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const sizes = JSON.parse(run.stdout) as Sizes;
    console.log(
      `portal first-load JS ${sizes.portal.jsKb} KB gzipped (budget ${sizes.budgetKb} KB); ` +
        `console ${sizes.admin.jsKb} KB (+ ${sizes.admin.lazyKb} KB of pages loaded on demand)`,
    );
    expect(sizes.budgetKb).toBe(150);
    expect(sizes.portal.jsKb).toBeLessThanOrEqual(150);
    expect(sizes.ok).toBe(true);
    expect(run.status).toBe(0);
    // The portal is plain React: nothing of antd or the console is in its first load.
    expect(sizes.portal.files.some((f) => /admin|antd/.test(f))).toBe(false);
  });
});
