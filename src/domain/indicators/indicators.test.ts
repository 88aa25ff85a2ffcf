import { describe, expect, it } from 'vitest';
import { DIMENSION_CODES, DIMENSIONS, dimKey, parseDimKey } from './dimensions.js';
import { contributions, lineage } from './contributions.js';
import {
  INDICATOR_CODES,
  INDICATORS,
  indicator,
  isIndicatorCode,
  seriesFor,
} from './indicators.js';
import { counterLayout } from './layout.js';
import {
  addMonths,
  cstDate,
  monthsIn,
  progressPct,
  quarterRange,
  timeElapsedPct,
  UNDATED_MONTH,
  yearToDate,
} from './periods.js';
import { SERIES, SERIES_CODES, SOURCE_TABLES, seriesOf } from './series.js';

const HAN = /\p{Script=Han}/u;
const T = new Date('2024-03-01T00:00:00Z');

describe('indicator declarations', () => {
  it('declare every indicator once, with zh-CN and English names, a unit and a kind', () => {
    expect(INDICATORS.map((i) => i.code)).toEqual([...INDICATOR_CODES]);
    for (const i of INDICATORS) {
      expect(i.zh, i.code).toMatch(HAN);
      expect(i.shortZh, i.code).toMatch(HAN);
      expect(i.en.length, i.code).toBeGreaterThan(3);
      expect(i.unit.zh, i.code).toMatch(HAN);
      expect(i.unit.en.length, i.code).toBeGreaterThan(0);
      expect(i.definitionZh, i.code).toMatch(HAN);
      expect(i.definitionEn.length, i.code).toBeGreaterThan(10);
      expect(['flow', 'stock']).toContain(i.kind);
      expect(SERIES[i.series], i.code).toBeDefined();
    }
  });

  it('covers the ledger indicators the programme reports', () => {
    const zh = INDICATORS.map((i) => i.zh).join('|');
    for (const name of [
      '新增返乡创业人数',
      '实有返乡创业人员',
      '在外人才库人数',
      '新增市场主体',
      '实有市场主体',
      '带动就业人数',
      '脱贫劳动力',
      '规上企业数',
      '就业帮扶车间数',
      '电商经营主体数',
    ]) {
      expect(zh).toContain(name);
    }
    expect(indicator('new_entrepreneurs')).toMatchObject({ kind: 'flow', unit: { zh: '人' } });
    expect(indicator('entrepreneurs')).toMatchObject({ kind: 'stock', series: 'people_started' });
    expect(indicator('jobs_poverty').partOf).toBe('jobs_created');
  });

  it('offers only breakdowns its series counts', () => {
    for (const i of INDICATORS)
      for (const b of i.breakdowns) expect(SERIES[i.series].dims, i.code).toContain(b);
    expect(indicator('entities').breakdowns).toContain('entity_type');
    expect(indicator('new_entrepreneurs').breakdowns).toContain('category');
  });

  it('reads each series from one source table', () => {
    expect(SOURCE_TABLES.flatMap((s) => seriesOf(s).map((x) => x.code)).sort()).toEqual(
      [...SERIES_CODES].sort(),
    );
    expect(seriesFor(['new_entrepreneurs', 'entrepreneurs'])).toEqual(['people_started']);
    expect(isIndicatorCode('training_participants')).toBe(false);
  });

  it('lays every series total and dimension member out in a slot of its source vector', () => {
    // people_started, people_pool and people_all, each a total and one slot per category.
    expect(counterLayout('people')).toHaveLength(24);
    expect(counterLayout('people')[16]).toEqual({ series: 'people_all', dim: '' });
    expect(counterLayout('entities')[0]).toEqual({ series: 'entities', dim: '' });
    for (const source of SOURCE_TABLES) {
      const keys = counterLayout(source).map((s) => `${s.series}|${s.dim}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    for (const d of DIMENSION_CODES) expect(DIMENSIONS[d].members.length).toBeGreaterThan(0);
    expect(parseDimKey(dimKey('industry_section', 'A'))).toEqual({
      dimension: 'industry_section',
      member: 'A',
    });
    expect(parseDimKey('')).toBeNull();
  });
});

describe('periods', () => {
  it('does month arithmetic across years', () => {
    expect(addMonths('2021-11', 3)).toBe('2022-02');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(monthsIn({ from: '2021-11', to: '2022-01' })).toEqual(['2021-11', '2021-12', '2022-01']);
    expect(quarterRange(2021, 3)).toEqual({ from: '2021-07', to: '2021-09' });
    expect(() => quarterRange(2021, 5)).toThrow(RangeError);
  });

  it('takes the year to date up to the as-of month, and China time for instants', () => {
    expect(yearToDate(2021, '2021-09-30')).toEqual({ from: '2021-01', to: '2021-09' });
    expect(yearToDate(2021, '2026-01-05')).toEqual({ from: '2021-01', to: '2021-12' });
    expect(cstDate(new Date('2021-09-30T16:30:00Z'))).toBe('2021-10-01');
  });

  it('measures time elapsed and progress in percent', () => {
    expect(timeElapsedPct(2021, '2021-09-30')).toBe(74.8);
    expect(timeElapsedPct(2021, '2020-06-01')).toBe(0);
    expect(timeElapsedPct(2021, '2022-01-01')).toBe(100);
    expect(timeElapsedPct(2024, '2024-12-31')).toBe(100);
    expect(progressPct(8_400, 11_200)).toBe(75);
    expect(progressPct(5, null)).toBeNull();
    expect(progressPct(5, 0)).toBeNull();
  });
});

describe('contributions', () => {
  const person = {
    regionCode: '500236128000',
    status: 'started',
    statusDates: { started: '2021-05-04' },
    categories: ['migrant_worker', 'veteran'],
    createdAt: T,
    mergedInto: null,
  };

  it('counts a person once in the total and once in each category, in the month they started', () => {
    const c = contributions('people', person);
    const of = (series: string) =>
      c.filter((x) => x.series === series).map((x) => `${x.month}|${x.dim}|${x.value}`);
    expect(of('people_started')).toEqual([
      '2021-05||1',
      '2021-05|cat:migrant_worker|1',
      '2021-05|cat:veteran|1',
    ]);
    // Every live person, whatever the status, in the month the record was entered.
    expect(of('people_all').map((k) => k.slice(k.indexOf('|')))).toEqual([
      '||1',
      '|cat:migrant_worker|1',
      '|cat:veteran|1',
    ]);
  });

  it('counts nothing for a merged row, and puts an undated row before every month', () => {
    expect(contributions('people', { ...person, mergedInto: 'x' })).toEqual([]);
    const undated = contributions('people', { ...person, statusDates: {} });
    expect(undated[0]?.month).toBe(UNDATED_MONTH);
  });

  it('sums jobs and counts flags and industry sections of entities', () => {
    const c = contributions('entities', {
      regionCode: '500236128000',
      type: 'enterprise',
      industryCode: '13',
      foundedOn: '2022-07-01',
      jobsCreated: 12,
      jobsPoverty: 3,
      aboveScale: true,
      isWorkshop: false,
      isEcommerce: true,
      createdAt: T,
      mergedInto: null,
    });
    const by = (series: string, dim = '') =>
      c.find((x) => x.series === series && x.dim === dim)?.value;
    expect(by('entities')).toBe(1);
    expect(by('entities', 'type:enterprise')).toBe(1);
    expect(by('entities', 'ind:C')).toBe(1);
    expect(by('entity_jobs')).toBe(12);
    expect(by('entity_jobs', 'ind:C')).toBe(12);
    expect(by('entity_jobs_poverty')).toBe(3);
    expect(by('entity_above_scale')).toBe(1);
    expect(by('entity_workshops')).toBeUndefined();
    expect(by('entity_ecommerce')).toBe(1);
  });

  it('rolls a row up to every level of its code, skipping levels the tree skips', () => {
    expect(lineage('500236128000')).toEqual([
      '000000000000',
      '500000000000',
      '500200000000',
      '500236000000',
      '500236128000',
    ]);
    expect(lineage('441900003000')).toEqual([
      '000000000000',
      '440000000000',
      '441900000000',
      '441900003000',
    ]);
  });
});
