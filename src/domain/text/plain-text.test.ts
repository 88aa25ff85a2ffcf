import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, textProblem, visibleText } from './plain-text.js';

const SEED = 20261207;

function issueCodes(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe('textProblem', () => {
  it('refuses every C0 and C1 control character except tab and line feed in multi-line text', () => {
    for (let cp = 0; cp <= 0x9f; cp++) {
      if (cp >= 0x20 && cp < 0x7f) continue;
      const ch = String.fromCharCode(cp);
      const multi = textProblem(`遮阳${ch}网`, true);
      if (ch === '\t' || ch === '\n' || ch === '\r') expect(multi, `U+${cp}`).toBeNull();
      else expect(multi, `U+${cp}`).toBe('TEXT_CONTROL_CHARACTER');
      expect(textProblem(`遮阳${ch}网`), `U+${cp}`).not.toBeNull();
    }
  });

  it('refuses lone surrogates and keeps whole pairs (emoji, rare characters)', () => {
    expect(textProblem('\ud83d')).toBe('TEXT_LONE_SURROGATE');
    expect(textProblem('a\udc00b')).toBe('TEXT_LONE_SURROGATE');
    expect(textProblem('\udc00\ud83d')).toBe('TEXT_LONE_SURROGATE');
    expect(textProblem('脐橙🍊 𠮷野家')).toBeNull();
  });

  it('refuses line breaks in single-line text only', () => {
    expect(textProblem('第一行\n第二行')).toBe('TEXT_LINE_BREAK');
    expect(textProblem('第一行\u2028第二行')).toBe('TEXT_LINE_BREAK');
    expect(textProblem('第一行\n第二行', true)).toBeNull();
  });

  it('accepts any well-formed string without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        // eslint-disable-next-line no-control-regex -- the generator may produce them
        const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
        return textProblem(clean) === null;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('plainText', () => {
  it('trims, and names the problem as a ledger issue code', () => {
    const s = plainText({ max: 10 });
    expect(s.parse('  遮阳网 ')).toBe('遮阳网');
    expect(issueCodes(s.safeParse('遮阳\u0000网'))).toEqual(['TEXT_CONTROL_CHARACTER']);
    expect(issueCodes(s.safeParse('遮阳\n网'))).toEqual(['TEXT_LINE_BREAK']);
    expect(issueCodes(s.safeParse('\ud800'))).toEqual(['TEXT_LONE_SURROGATE']);
    expect(issueCodes(s.safeParse('遮'.repeat(11)))).toEqual(['TEXT_TOO_LONG']);
    expect(issueCodes(plainText({ max: 10, min: 1 }).safeParse('  '))).toEqual(['TEXT_REQUIRED']);
  });

  it('keeps line breaks in multi-line text, with Windows line ends made plain', () => {
    expect(plainText({ max: 20, multiline: true }).parse('第一行\r\n第二行\t完')).toBe(
      '第一行\n第二行\t完',
    );
  });

  it('never accepts a string holding a NUL or a lone surrogate, however long', () => {
    const hostile = fc
      .tuple(
        fc.string({ maxLength: 50 }),
        fc.constantFrom('\u0000', '\u0007', '\u001b', '\u0085', '\ud800', '\udfff'),
        fc.string({ maxLength: 50 }),
      )
      .map(([a, bad, b]) => `x${a}${bad}${b}x`);
    fc.assert(
      fc.property(hostile, (s) => !plainText({ max: 1000, multiline: true }).safeParse(s).success),
      { seed: SEED, numRuns: 300 },
    );
    expect(plainText({ max: 500 }).safeParse('遮'.repeat(100_000)).success).toBe(false);
  });
});

describe('visibleText', () => {
  it('shows control characters as their pictures and broken characters as U+FFFD', () => {
    expect(visibleText('遮阳\u0000网\u0007')).toBe('遮阳␀网␇');
    expect(visibleText('a\ud800b')).toBe('a\ufffdb');
    expect(visibleText('脐橙🍊')).toBe('脐橙🍊');
  });
});
