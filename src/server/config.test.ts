import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('FANXIANG_TRUST_PROXY', () => {
  const trust = (value: string) => loadConfig({ FANXIANG_TRUST_PROXY: value }).trustProxy;

  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust('false')).toBe(false);
  });

  it('takes a hop count or the proxies’ addresses and CIDR ranges', () => {
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses `true`, which would believe a client’s own X-Forwarded-For', () => {
    expect(() => trust('true')).toThrow(ConfigError);
    expect(() => trust('true')).toThrow(/FANXIANG_TRUST_PROXY: `true` would trust/);
  });

  it('refuses what is neither a count nor an address', () => {
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.example', '1.2.3.4/8/1', '-1'])
      expect(() => trust(bad), bad).toThrow(/FANXIANG_TRUST_PROXY/);
  });
});
