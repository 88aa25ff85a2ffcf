import { describe, expect, it } from 'vitest';
import { copyField, orderedUuid } from './person-bulk.js';

describe('COPY text fields', () => {
  it('writes null as \\N and escapes backslash, tab and line breaks', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('王伟')).toBe('王伟');
    expect(copyField(12)).toBe('12');
  });

  it('escapes every special character of a value, not only the first', () => {
    expect(copyField('\t\t')).toBe('\\t\\t');
    expect(copyField('x')).toBe('x');
    expect(copyField('\\\\')).toBe('\\\\\\\\');
  });
});

describe('orderedUuid', () => {
  it('is a version 7 UUID that sorts by time', () => {
    const a = orderedUuid(Date.UTC(2026, 0, 1));
    const b = orderedUuid(Date.UTC(2026, 0, 1) + 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(orderedUuid(1)).not.toBe(orderedUuid(1));
  });
});
