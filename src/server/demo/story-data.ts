/**
 * The seed documents' story in numbers, on their real places.
 *
 * - 南阳市's 2021 work plan (工作要点): 1.12万 new returnee entrepreneurs, 0.35万 trained, 0.72万
 *   coached, 4亿 of guarantee loans. Only indicators that exist are stored as targets (the 4亿 as
 *   the loan indicator 「其中：为返乡农民工提供创业担保贷款」); the others wait here for the
 *   training and coaching modules (`pending`).
 * - 奉节县's park plan ("1+7+N": 生态工业园 plus the parks of 兴隆, 吐祥, 竹园, 公平, 甲高, 安坪,
 *   鹤峰): 80 就业帮扶车间, 15 规上企业, 2万 jobs by 2025.
 *
 * The ledger volumes are set so each story reads true: 南阳 close to its 2021 target (ahead in
 * some counties, behind in others), 奉节 a little short of its 2025 goals. The 2026 targets are
 * illustrative, for a dashboard opened today.
 */

export const NANYANG = '411300000000';
export const FENGJIE = '500236000000';

/** 南阳's counties: code, name, weight in its population (万人, rounded), pace in 2021 (1 = on target). */
// prettier-ignore
export const NANYANG_COUNTIES: readonly { code: string; name: string; weight: number; pace: number }[] = [
  { code: '411302', name: '宛城区', weight: 90, pace: 1.04 },
  { code: '411303', name: '卧龙区', weight: 90, pace: 1.08 },
  { code: '411381', name: '邓州市', weight: 150, pace: 1.06 },
  { code: '411321', name: '南召县', weight: 55, pace: 0.82 },
  { code: '411322', name: '方城县', weight: 100, pace: 0.95 },
  { code: '411323', name: '西峡县', weight: 45, pace: 1.12 },
  { code: '411324', name: '镇平县', weight: 90, pace: 1.0 },
  { code: '411325', name: '内乡县', weight: 60, pace: 0.97 },
  { code: '411326', name: '淅川县', weight: 65, pace: 0.9 },
  { code: '411327', name: '社旗县', weight: 60, pace: 0.86 },
  { code: '411328', name: '唐河县', weight: 130, pace: 1.0 },
  { code: '411329', name: '新野县', weight: 70, pace: 1.02 },
  { code: '411330', name: '桐柏县', weight: 40, pace: 0.78 },
];

export interface StoryTarget {
  region: string;
  year: number;
  indicator: string;
  value: number;
  /** How the target is split to the regions below: `[code, value]`. */
  split?: readonly (readonly [string, number])[];
}

/** Splits `total` over weights in round tens; the rest goes to the heaviest. */
function splitByWeight(
  total: number,
  parts: readonly { code: string; weight: number }[],
): [string, number][] {
  const sum = parts.reduce((n, p) => n + p.weight, 0);
  const out = parts.map(
    (p) => [`${p.code}000000`, Math.round((total * p.weight) / sum / 10) * 10] as [string, number],
  );
  const rest = total - out.reduce((n, [, v]) => n + v, 0);
  const heaviest = parts.reduce((a, b) => (b.weight > a.weight ? b : a));
  const row = out.find(([c]) => c === `${heaviest.code}000000`);
  if (row) row[1] += rest;
  return out;
}

const town = (code: string) => `500236${code}000`;

/** Targets stored by `demo load`. */
export const STORY_TARGETS: readonly StoryTarget[] = [
  {
    region: NANYANG,
    year: 2021,
    indicator: 'new_entrepreneurs',
    value: 11_200,
    split: splitByWeight(11_200, NANYANG_COUNTIES),
  },
  { region: NANYANG, year: 2026, indicator: 'new_entrepreneurs', value: 1_000 },
  // 「为返乡农民工提供创业担保贷款4亿元」, in 万元 (src/domain/indicators/case-indicators.ts); the
  // counties' parts are split by population weight (演示值).
  {
    region: NANYANG,
    year: 2021,
    indicator: 'loans_disbursed_migrant',
    value: 40_000,
    split: splitByWeight(40_000, NANYANG_COUNTIES),
  },
  {
    region: FENGJIE,
    year: 2025,
    indicator: 'workshops',
    value: 80,
    split: [
      [town('001'), 16],
      [town('128'), 10],
      [town('127'), 10],
      [town('122'), 8],
      [town('123'), 8],
      [town('125'), 8],
      [town('132'), 8],
      [town('274'), 6],
    ],
  },
  {
    region: FENGJIE,
    year: 2025,
    indicator: 'above_scale',
    value: 15,
    split: [
      [town('001'), 9],
      [town('128'), 2],
      [town('127'), 2],
    ],
  },
  { region: FENGJIE, year: 2025, indicator: 'jobs_created', value: 20_000 },
  { region: FENGJIE, year: 2026, indicator: 'workshops', value: 85 },
  { region: FENGJIE, year: 2026, indicator: 'above_scale', value: 16 },
  { region: FENGJIE, year: 2026, indicator: 'jobs_created', value: 21_000 },
  { region: FENGJIE, year: 2026, indicator: 'new_entrepreneurs', value: 320 },
];

/** 南阳's other 2021 targets, for the modules that will count them (unit in the name). */
export const PENDING_TARGETS: readonly (StoryTarget & { unit: string; module: string })[] = [
  {
    region: NANYANG,
    year: 2021,
    indicator: 'training_participants',
    value: 3_500,
    unit: '人次',
    module: 'training',
  },
  {
    region: NANYANG,
    year: 2021,
    indicator: 'coaching_sessions',
    value: 7_200,
    unit: '人次',
    module: 'coaching',
  },
];

/** People who started a business in 南阳, by year (2021: the campaign year of the work plan). */
// prettier-ignore
export const NANYANG_STARTED_BY_YEAR: Readonly<Record<number, number>> = {
  2019: 900, 2020: 1_300, 2021: 11_020, 2022: 1_500, 2023: 1_300, 2024: 1_100, 2025: 1_000, 2026: 760,
};
/** People who started a business in 奉节, by year. */
// prettier-ignore
export const FENGJIE_STARTED_BY_YEAR: Readonly<Record<number, number>> = {
  2019: 210, 2020: 240, 2021: 300, 2022: 320, 2023: 330, 2024: 340, 2025: 350, 2026: 290,
};

/** How a place's people who have not started are spread: returned, intending, abroad. */
export const NOT_STARTED = { nanyang: [1_500, 800, 1_600], fengjie: [420, 260, 520] } as const;

/** Share of each month in a year's starts (spring after Spring Festival, and autumn, are busiest). */
export const MONTH_PROFILE = [
  0.05, 0.09, 0.12, 0.1, 0.09, 0.08, 0.07, 0.07, 0.09, 0.1, 0.08, 0.06,
] as const;

/** 奉节's parks by the name the foundation demo gives them, and the town they are in. */
export const FENGJIE_PARKS: readonly { name: string; town: string }[] = [
  { name: '奉节县生态工业园区', town: town('001') },
  { name: '兴隆镇返乡创业园', town: town('128') },
  { name: '吐祥镇返乡创业园', town: town('127') },
  { name: '竹园镇返乡创业园', town: town('122') },
  { name: '公平镇返乡创业园', town: town('123') },
  { name: '甲高镇返乡创业园', town: town('125') },
  { name: '安坪镇返乡创业园', town: town('132') },
  { name: '鹤峰乡返乡创业园', town: town('274') },
];

/** 奉节's workshops and 规上 enterprises by the end of each year, where the story has them. */
export const FENGJIE_WORKSHOPS = { total: 76, aboveScale: 14 } as const;
/** Market entities in 奉节 (≈ 6.5 jobs each gives close to 2万 jobs). */
export const FENGJIE_ENTITIES = 3_150;
/** Market entities in 南阳: about one for each 1.3 people who started. */
export const NANYANG_ENTITY_RATIO = 0.75;
