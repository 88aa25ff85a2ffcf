import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
