import { makeCreditCode } from '../../../domain/identity/credit-code.js';
import { makeIdNumber } from '../../../domain/identity/id-number.js';
import type { ImportKind } from './columns.js';

/**
 * Example rows of the templates: valid data (check characters computed) for people and
 * businesses of 奉节县 兴隆镇 and 吐祥镇; the entities' founders are the example people, so the
 * two templates imported in order link up.
 */

const ZHANG = makeIdNumber('50023619900315123');
const LI = makeIdNumber('50023619950620242');

// prettier-ignore
const PEOPLE: Record<string, string | number>[] = [
  { name: '张三', idNumber: ZHANG, mobile: '13812345678', hukouRegionCode: '500236128000', currentRegionCode: '500236128000', categories: '农民工、脱贫劳动力', awayProvinceCode: '44', awayCityCode: '4403', monthsAway: 36, returnDate: '2024-03-01', education: '初中', skills: '电焊、遮阳网加工', status: '已返乡' },
  { name: '李梅', idNumber: LI, mobile: '13998765432', hukouRegionCode: '500236127000', currentRegionCode: '500236127000', categories: '高校毕业生', awayProvinceCode: '50', awayCityCode: '5001', monthsAway: 24, returnDate: '2023-07-01', education: '本科', skills: '电商直播、脐橙种植', status: '已创业' },
];

// prettier-ignore
const ENTITIES: Record<string, string | number>[] = [
  { name: '奉节县兴隆镇遮阳网加工厂', creditCode: makeCreditCode('91500236MA5U12345'), type: '企业', isWorkshop: '是', industryCode: '29 橡胶和塑料制品业', regionCode: '500236128000', foundedOn: '2021-06-18', registeredCapitalWan: 200, employees: 45, jobsCreated: 40, jobsPoverty: 12, annualRevenueWan: 1800, isEcommerce: '否', products: '遮阳网、防虫网', founderIdNumber: ZHANG },
  { name: '奉节县吐祥镇脐橙种植专业合作社', creditCode: makeCreditCode('93500236MA5U67891'), type: '农民专业合作社', isWorkshop: '否', industryCode: '01 农业', regionCode: '500236127000', foundedOn: '2019-03-12', registeredCapitalWan: 50, employees: 12, jobsCreated: 30, jobsPoverty: 8, annualRevenueWan: 650, isEcommerce: '是', products: '奉节脐橙', founderIdNumber: LI },
];

/** The example rows of a template, by contract field. */
export function exampleRows(kind: ImportKind): Record<string, string | number>[] {
  return kind === 'people' ? PEOPLE : ENTITIES;
}

const EXAMPLE_KEYS: Record<ImportKind, ReadonlySet<string>> = {
  people: new Set(PEOPLE.map((r) => String(r.idNumber))),
  entities: new Set(ENTITIES.map((r) => String(r.creditCode))),
};

/**
 * True for a key (normalised ID number or credit code) of the template's example rows: an
 * official who uploads the template without deleting 张三 / 李梅 gets them skipped, not filed.
 *
 * @example
 * isExampleKey('people', exampleRows('people')[0].idNumber) // true
 */
export function isExampleKey(kind: ImportKind, key: string | null): boolean {
  return key !== null && EXAMPLE_KEYS[kind].has(key);
}
