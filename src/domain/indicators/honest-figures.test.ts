import { describe, expect, it } from 'vitest';
import { exactFigure, figurePair, shortFigure, targetVerdict } from './honest-figures.js';

describe('figures beside their targets', () => {
  it('never rounds a figure up to a round number it has not reached', () => {
    expect(shortFigure(19_987)).toBe('1.99万');
    expect(shortFigure(11_200)).toBe('1.12万');
    expect(shortFigure(20_000)).toBe('2万');
    expect(shortFigure(399_999_999)).toBe('3.99亿');
    expect(shortFigure(3_500)).toBe('3,500');
    expect(shortFigure(19_987, 'en')).toBe('19.9K');
    expect(shortFigure(-19_987)).toBe('-1.99万');
  });

  it('gives 19,987 against 21,000 exactly, not “2万” against “2.1万”', () => {
    expect(figurePair(19_987, 21_000)).toEqual({
      actual: '19,987',
      target: '21,000',
      exact: true,
    });
  });

  it('keeps the short forms when actual and target are far apart', () => {
    expect(figurePair(8_400, 11_200)).toEqual({ actual: '8,400', target: '1.12万', exact: false });
    expect(figurePair(52_000, 100_000)).toEqual({ actual: '5.2万', target: '10万', exact: false });
    expect(figurePair(52_000, null)).toEqual({ actual: '5.2万', target: null, exact: false });
  });

  it('never shows two equal numbers for a figure that differs from its target', () => {
    for (const [a, t] of [
      [20_000, 20_001],
      [1_000_000, 1_000_050],
      [120_000, 100_000],
      [9_999, 10_000],
    ] as const) {
      const p = figurePair(a, t);
      expect(p.actual, `${a} vs ${t}`).not.toBe(p.target);
    }
    // Reading the shown texts back never reverses the comparison.
    const read = (s: string) =>
      s.endsWith('万') ? Number(s.slice(0, -1)) * 1e4 : Number(s.replace(/,/g, ''));
    for (let a = 15_000; a <= 25_000; a += 137) {
      const p = figurePair(a, 21_000);
      expect(Math.sign(read(p.actual) - read(p.target!)), String(a)).toBe(Math.sign(a - 21_000));
      expect(read(p.actual)).toBeLessThanOrEqual(a);
    }
  });

  it('writes exact figures with thousands separators', () => {
    expect(exactFigure(19_987)).toBe('19,987');
    expect(exactFigure(1234.5)).toBe('1,234.5');
  });
});

describe('where a target stands', () => {
  it('says 未完成 / 已完成 for a finished year, not behind the time elapsed', () => {
    expect(targetVerdict(95.2, 100)).toBe('missed');
    expect(targetVerdict(100, 100)).toBe('done');
    expect(targetVerdict(130, 100)).toBe('done');
  });

  it('measures a year in progress against the time elapsed', () => {
    expect(targetVerdict(60, 74.8)).toBe('behind');
    expect(targetVerdict(80, 74.8)).toBe('on_track');
    expect(targetVerdict(100, 50)).toBe('done');
    expect(targetVerdict(null, 50)).toBeNull();
  });
});
