/**
 * The code lists of guarantee loans: the groups a product may support (支持对象), how the ledger's
 * person categories map onto them, and the collateral kinds the seeds name (南阳 S1 (十一):
 * 「设备、林权、集体土地使用权、特种经营权、应收账款、股权」; 奉节 S2 四(七): 「大型农机具、机器设备、股权、
 * 商标、应收账款」; plus 信用 for an unsecured credit loan).
 *
 * @module
 */
import { catalog } from '../ledger/catalog.js';
import type { PersonCategory } from '../ledger/person-categories.js';

/** Groups the national rules name as 创业担保贷款 support objects. */
export const LOAN_GROUP_CODES = [
  'urban_unemployed',
  'hard_to_employ',
  'veteran',
  'released_prisoner',
  'graduate',
  'returnee_migrant',
  'online_merchant',
  'poverty_relief',
  'rural_self_employed',
] as const;
export type LoanGroup = (typeof LOAN_GROUP_CODES)[number];

export const LOAN_GROUPS = catalog(LOAN_GROUP_CODES, {
  urban_unemployed: { zh: '城镇登记失业人员', en: 'Registered urban unemployed' },
  hard_to_employ: { zh: '就业困难人员', en: 'Person with employment difficulties' },
  veteran: { zh: '退役军人', en: 'Veteran' },
  released_prisoner: { zh: '刑满释放人员', en: 'Released prisoner' },
  graduate: { zh: '高校毕业生', en: 'College graduate' },
  returnee_migrant: { zh: '返乡创业农民工', en: 'Returnee migrant worker' },
  online_merchant: { zh: '网络商户', en: 'Online merchant' },
  poverty_relief: { zh: '脱贫人口', en: 'Person lifted out of poverty' },
  rural_self_employed: { zh: '农村自主创业农民', en: 'Rural self-employed farmer' },
});

/**
 * The loan groups a ledger category proves on its own. 农民工 counts as 返乡创业农民工 only once
 * the person has returned (see eligibility.ts); 科技人员 and 其他 prove none.
 */
export const GROUP_OF_CATEGORY: Partial<Record<PersonCategory, LoanGroup>> = {
  migrant_worker: 'returnee_migrant',
  graduate: 'graduate',
  veteran: 'veteran',
  poverty_relief: 'poverty_relief',
  hard_to_employ: 'hard_to_employ',
};

/** Collateral kinds (担保方式 / 抵质押物). */
export const COLLATERAL_CODES = [
  'equipment',
  'forest_rights',
  'collective_land_use',
  'franchise_rights',
  'receivables',
  'equity',
  'farm_machinery',
  'trademark',
  'credit',
] as const;
export type Collateral = (typeof COLLATERAL_CODES)[number];

export const COLLATERALS = catalog(COLLATERAL_CODES, {
  equipment: { zh: '设备', en: 'Equipment' },
  forest_rights: { zh: '林权', en: 'Forest rights' },
  collective_land_use: { zh: '集体土地使用权', en: 'Collective land-use rights' },
  franchise_rights: { zh: '特种经营权', en: 'Special operating rights' },
  receivables: { zh: '应收账款', en: 'Receivables' },
  equity: { zh: '股权', en: 'Equity' },
  farm_machinery: { zh: '大型农机具', en: 'Large farm machinery' },
  trademark: { zh: '商标', en: 'Trademark' },
  credit: { zh: '信用', en: 'Credit (unsecured)' },
});

/** Other loans an applicant or spouse may hold (the allowed kinds) and those that bar a loan. */
export const OTHER_LOAN_CODES = [
  'student',
  'poverty_relief',
  'housing',
  'car',
  'consumer',
  'business',
  'other',
] as const;
export type OtherLoan = (typeof OTHER_LOAN_CODES)[number];

export const OTHER_LOANS = catalog(OTHER_LOAN_CODES, {
  student: { zh: '助学贷款', en: 'Student loan' },
  poverty_relief: { zh: '扶贫贷款', en: 'Poverty-relief loan' },
  housing: { zh: '住房贷款', en: 'Housing loan' },
  car: { zh: '汽车贷款', en: 'Car loan' },
  consumer: { zh: '个人消费贷款', en: 'Consumer loan' },
  business: { zh: '经营性贷款', en: 'Business loan' },
  other: { zh: '其他贷款', en: 'Other loan' },
});

/** Kinds always allowed; consumer loans only up to the product's `other_consumer_loan_max`. */
export const ALWAYS_ALLOWED_OTHER_LOANS: readonly OtherLoan[] = [
  'student',
  'poverty_relief',
  'housing',
  'car',
];
