import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
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

describe('demo mode in the configuration', () => {
  it('is off unless asked for, and then SMS sends nothing', () => {
    const c = loadConfig({});
    expect(c.demo).toBe(false);
    expect(c.sms).toBe('none');
  });

  it('is on with FANXIANG_DEMO=true or serve --demo, with the log SMS transport', () => {
    expect(loadConfig({ FANXIANG_DEMO: 'true' })).toMatchObject({ demo: true, sms: 'log' });
    expect(loadConfig({}, { demo: true })).toMatchObject({ demo: true, sms: 'log' });
  });

  it('lets serve --no-demo win over FANXIANG_DEMO, and FANXIANG_SMS win over the default', () => {
    expect(loadConfig({ FANXIANG_DEMO: 'true' }, { demo: false }).demo).toBe(false);
    expect(loadConfig({ FANXIANG_DEMO: 'true', FANXIANG_SMS: 'none' }).sms).toBe('none');
  });

  it('refuses a FANXIANG_DEMO that is not true or false', () => {
    expect(() => loadConfig({ FANXIANG_DEMO: 'yes' })).toThrow(/FANXIANG_DEMO/);
  });

  it('gives the embedded database 16 MB of shared buffers unless told otherwise', () => {
    expect(loadConfig({}).embeddedSharedBuffersMb).toBe(16);
    expect(loadConfig({ FANXIANG_EMBEDDED_SHARED_BUFFERS_MB: '64' }).embeddedSharedBuffersMb).toBe(
      64,
    );
    expect(() => loadConfig({ FANXIANG_EMBEDDED_SHARED_BUFFERS_MB: '0' })).toThrow(
      /FANXIANG_EMBEDDED_SHARED_BUFFERS_MB/,
    );
  });
});

describe('the attachment store in the configuration', () => {
  const s3 = {
    FANXIANG_ATTACHMENTS: 's3',
    FANXIANG_S3_ENDPOINT: 'https://oss.example.cn/',
    FANXIANG_S3_BUCKET: 'fanxiang-files',
    FANXIANG_S3_ACCESS_KEY_ID: 'AKID',
    FANXIANG_S3_SECRET_ACCESS_KEY: 'very-secret-value',
  };

  it('keeps attachments on disk unless told otherwise', () => {
    expect(loadConfig({}).attachments).toEqual({ kind: 'disk' });
  });

  it('takes an S3-compatible bucket, and names every variable that is missing', () => {
    const a = loadConfig({ ...s3, FANXIANG_S3_PREFIX: 'fx/' }).attachments;
    expect(a).toMatchObject({
      kind: 's3',
      endpoint: 'https://oss.example.cn',
      bucket: 'fanxiang-files',
      region: 'us-east-1',
      prefix: 'fx/',
    });
    expect(() => loadConfig({ FANXIANG_ATTACHMENTS: 's3' })).toThrow(
      /FANXIANG_S3_ENDPOINT[\s\S]*FANXIANG_S3_BUCKET[\s\S]*FANXIANG_S3_ACCESS_KEY_ID[\s\S]*FANXIANG_S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ ...s3, FANXIANG_S3_BUCKET: 'A' })).toThrow(/FANXIANG_S3_BUCKET/);
    expect(() => loadConfig({ ...s3, FANXIANG_ATTACHMENTS: 'ftp' })).toThrow(ConfigError);
  });

  it('never shows the secret key in JSON, inspection or string form', () => {
    const config = loadConfig(s3);
    expect(JSON.stringify(config)).not.toContain('very-secret-value');
    expect(inspect(config, { depth: 10 })).not.toContain('very-secret-value');
    expect(
      `${String(config.attachments.kind === 's3' && config.attachments.secretAccessKey)}`,
    ).toBe('[redacted]');
    if (config.attachments.kind === 's3') {
      expect(config.attachments.secretAccessKey.reveal()).toBe('very-secret-value');
    }
  });
});
