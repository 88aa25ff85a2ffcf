import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tempDataDir, type TestApp } from '../test/harness.js';
import { hasNoUsers, seedDemoFoundation } from './demo/seed-foundation.js';
import type { Runtime } from './runtime.js';
import { DEMO_ACCOUNTS_WARNING, prepareStart } from './serve.js';

/**
 * What `fanxiang serve` does before it listens, on a database whose division tree is already
 * imported (so the first start's region import is skipped). Demo data only in demo mode.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // 重庆 and 河南: the demo's organisations are on both
});
afterAll(() => t.close());

function runtimeFor(demo: boolean): Runtime {
  return {
    config: { ...t.deps.config, demo, dataDir: tempDataDir('fanxiang-serve-') },
    database: t.database,
    keys: t.deps.keys,
    auditKeys: t.deps.auditKeys,
    clock: t.deps.clock,
    notes: [],
    close: () => Promise.resolve(),
  };
}

async function meta(): Promise<{ demoAccounts: boolean }> {
  const res = await t.app.inject({ method: 'GET', url: '/api/meta' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('serve without demo mode', () => {
  it('creates no demo accounts, prints no logins, and the web apps show no demo banner', async () => {
    const lines: string[] = [];
    const logins = await prepareStart(runtimeFor(false), (l) => lines.push(l));
    expect(logins).toBeNull();
    expect(await hasNoUsers(t.database.db)).toBe(true);
    expect(lines.join('\n')).not.toContain('Kuimen@2026');
    expect(await meta()).toEqual({ demoAccounts: false });
  });

  it('warns loudly when the database already holds the demo accounts, and the banner shows', async () => {
    await seedDemoFoundation(t.database.db, t.deps.keys, t.deps.clock(), t.deps.auditKeys.chain);
    const lines: string[] = [];
    const logins = await prepareStart(runtimeFor(false), (l) => lines.push(l));
    expect(logins).toBeNull();
    expect(lines).toEqual(DEMO_ACCOUNTS_WARNING);
    expect(lines.join('\n')).toContain('演示账号');
    expect(lines.join('\n')).not.toMatch(/TOTP 密钥|secret [A-Z2-7]{16}/);
    expect(await meta()).toEqual({ demoAccounts: true });
  });
});
