import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportQuery';
import { averageRate, formatBytes, formatCount, rowsPerSecond } from './format';

describe('the export URL', () => {
  it('carries the people filters by the list API’s names, masked by default', () => {
    const url = exportUrl({
      kind: 'people',
      region: { code: '500236128000', label: '兴隆镇' },
      q: ' 电焊 ',
      category: ['migrant_worker', 'graduate'],
      status: [],
      returned: [dayjs('2024-01-01'), null],
      type: ['enterprise'],
    });
    const u = new URL(url, 'http://x');
    expect(u.pathname).toBe('/api/ledger/exports/people.xlsx');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      region: '500236128000',
      q: '电焊',
      category: 'migrant_worker,graduate',
      returnedFrom: '2024-01-01',
    });
  });

  it('carries the entity filters and leaves out “either” flags', () => {
    const u = new URL(
      exportUrl({ kind: 'entities', isWorkshop: 'true', aboveScale: '', industry: 'C' }),
      'http://x',
    );
    expect(u.pathname).toBe('/api/ledger/exports/entities.xlsx');
    expect(Object.fromEntries(u.searchParams)).toEqual({ isWorkshop: 'true', industry: 'C' });
  });

  it('asks for unmasking only with the box ticked, with the reason', () => {
    const masked = exportUrl({ kind: 'people', unmask: false, reason: '不该出现' });
    expect(masked).toBe('/api/ledger/exports/people.xlsx');
    const full = new URL(
      exportUrl({ kind: 'people', unmask: true, reason: ' 报送名单 ' }),
      'http://x',
    );
    expect(full.searchParams.get('unmask')).toBe('1');
    expect(full.searchParams.get('reason')).toBe('报送名单');
  });
});

describe('the import screen’s figures', () => {
  it('formats sizes and counts', () => {
    expect(formatBytes(532)).toBe('532 B');
    expect(formatBytes(186_163)).toBe('181.8 KB');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
    expect(formatCount(1498)).toBe('1,498');
    expect(formatCount(null)).toBe('—');
  });

  it('tells the speed only once rows moved over some time', () => {
    expect(rowsPerSecond([{ at: 0, done: 0 }])).toBeNull();
    expect(
      rowsPerSecond([
        { at: 0, done: 100 },
        { at: 2000, done: 100 },
      ]),
    ).toBeNull();
    expect(
      rowsPerSecond([
        { at: 0, done: 0 },
        { at: 2000, done: 1000 },
      ]),
    ).toBe(500);
    expect(averageRate(1500, '2026-11-21T02:00:00Z', '2026-11-21T02:00:03Z')).toBe(500);
    expect(averageRate(1500, '2026-11-21T02:00:00Z', null)).toBeNull();
  });
});
