import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_TEXTS, renderNotificationText } from './kinds.js';

describe('notification kinds', () => {
  it('name texts that exist, in both languages', () => {
    for (const kind of Object.values(NOTIFICATION_KINDS)) {
      expect(NOTIFICATION_TEXTS[kind.title]).toBeDefined();
      expect(NOTIFICATION_TEXTS[kind.body]).toBeDefined();
    }
  });

  it('renders a text with its parameters in the reader’s language', () => {
    const p = {
      name: '李春燕',
      objectType: 'person',
      requestKind: 'registration',
      mobileMasked: '137****5052',
    };
    expect(renderNotificationText('portal.request_opened.title', p, 'zh-CN')).toBe(
      '待核实：李春燕的个人资料',
    );
    expect(renderNotificationText('portal.request_opened.body', p, 'zh-CN')).toBe(
      '137****5052 在门户提交了新登记，请核实后通过或驳回。',
    );
    expect(renderNotificationText('portal.request_opened.title', p, 'en')).toBe(
      'To verify: profile of 李春燕',
    );
  });

  it('shows an unknown key as itself rather than failing the list', () => {
    expect(renderNotificationText('gone.title', {}, 'zh-CN')).toBe('gone.title');
  });
});
