/**
 * Guarantee-loan products (创业担保贷款) as configuration. Every rule value — a cap, a term, the
 * LPR, the borrower's share of the rate, the eligible groups, the enterprise hiring ratio, whether
 * individuals give a 反担保, the 绿色通道 for 信用园区 white lists, the fund's multiple and
 * thresholds — is a dated {@link ProductValue} with its issuing document (文号 / title), the region
 * it applies to and its effective period. Nothing here holds a figure: the national defaults live
 * in the seed (`national-values.ts`) and in the database, where officials add the next ones.
 *
 * Resolution ({@link productAt}): for each parameter, among the values whose region contains the
 * place (a region code is its own path) and whose period contains the date, the nearest region
 * wins (南阳市's value over 河南省's over the national one), then the latest start date.
 *
 * @module
 */
import { z } from 'zod';
import { isWithin, NATION_CODE, regionPrefix } from '../regions/region-code.js';
import type { Bp, Fen } from './money.js';
import { LOAN_GROUP_CODES, type LoanGroup } from './groups.js';

/** The one product the platform knows today; local products may be added later by code. */
export const PRODUCT_CODES = ['startup_guarantee'] as const;
export type ProductCode = (typeof PRODUCT_CODES)[number];

/** How a parameter's value is held. */
export type ParamKind = 'fen' | 'bp' | 'months' | 'days' | 'count' | 'boolean' | 'groups';

interface ParamDef {
  kind: ParamKind;
  zh: string;
  en: string;
}

/** Every configurable parameter of a product, with its kind and names. */
export const PRODUCT_PARAMS = {
  cap_individual: { kind: 'fen', zh: '个人贷款额度上限', en: 'Cap for an individual' },
  cap_enterprise: { kind: 'fen', zh: '小微企业贷款额度上限', en: 'Cap for a small enterprise' },
  partnership_uplift: {
    kind: 'bp',
    zh: '合伙创业可上浮比例（相对成员额度之和）',
    en: "Partnership uplift over the members' sum",
  },
  term_individual_months: { kind: 'months', zh: '个人贷款期限上限', en: 'Term for an individual' },
  term_enterprise_months: {
    kind: 'months',
    zh: '小微企业贷款期限上限',
    en: 'Term for a small enterprise',
  },
  lpr_1y: { kind: 'bp', zh: '一年期贷款市场报价利率（LPR）', en: 'One-year loan prime rate' },
  borrower_below_lpr: {
    kind: 'bp',
    zh: '借款人承担利率低于 LPR 的基点（其余财政贴息）',
    en: 'Borrower pays up to LPR minus this (the rest is subsidised)',
  },
  rate_cap_over_lpr: {
    kind: 'bp',
    zh: '贷款合同利率最高高于 LPR 的基点',
    en: 'Highest contract rate over LPR',
  },
  eligible_groups: { kind: 'groups', zh: '支持对象', en: 'Eligible groups' },
  hiring_ratio: {
    kind: 'bp',
    zh: '小微企业当年新招用符合条件人员占在职职工比例下限',
    en: 'Small enterprise: share of new eligible hires',
  },
  hiring_ratio_large: {
    kind: 'bp',
    zh: '超过规定人数的小微企业新招用比例下限',
    en: 'Share of new eligible hires above the staff threshold',
  },
  hiring_large_staff: {
    kind: 'count',
    zh: '适用较低招用比例的在职职工人数（超过）',
    en: 'Staff count above which the lower ratio applies',
  },
  other_consumer_loan_max: {
    kind: 'fen',
    zh: '申请人及配偶可持有的个人消费贷款余额上限',
    en: 'Consumer loans the applicant and spouse may still hold',
  },
  individual_counter_guarantee: {
    kind: 'boolean',
    zh: '个人贷款须提供反担保',
    en: 'Individuals give a counter-guarantee',
  },
  green_channel: {
    kind: 'boolean',
    zh: '信用园区白名单主体免反担保（绿色通道）',
    en: 'Credit-park white list skips the counter-guarantee',
  },
  compensation_after_days: {
    kind: 'days',
    zh: '逾期转代偿天数',
    en: 'Days overdue before compensation',
  },
  fund_compensation_share: {
    kind: 'bp',
    zh: '担保基金代偿分担比例',
    en: "Fund's share of a compensation",
  },
  fund_multiple: {
    kind: 'count',
    zh: '担保基金放大倍数上限',
    en: 'Guarantee multiple of the fund',
  },
  fund_overdue_stop: {
    kind: 'bp',
    zh: '逾期率达到即暂停新增担保',
    en: 'Overdue rate that stops new guarantees',
  },
  fund_overdue_warn: { kind: 'bp', zh: '逾期率预警线', en: 'Overdue rate warning line' },
  fund_compensation_stop: {
    kind: 'bp',
    zh: '代偿率达到即暂停新增担保',
    en: 'Compensation rate that stops new guarantees',
  },
} as const satisfies Record<string, ParamDef>;

export type ParamKey = keyof typeof PRODUCT_PARAMS;
export const PARAM_KEYS = Object.keys(PRODUCT_PARAMS) as ParamKey[];

/** The value type of each kind. */
export type ValueOfKind<K extends ParamKind> = K extends 'boolean'
  ? boolean
  : K extends 'groups'
    ? LoanGroup[]
    : number;
export type ParamValue<P extends ParamKey> = ValueOfKind<(typeof PRODUCT_PARAMS)[P]['kind']>;
export type AnyParamValue = number | boolean | LoanGroup[];

/** One dated value of one parameter, as stored. */
export interface ProductValue {
  product: ProductCode;
  key: ParamKey;
  /** The region it applies to (12 digits); {@link NATION_CODE} for a national value. */
  regionCode: string;
  /** First day in force, `YYYY-MM-DD`. */
  validFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  validTo: string | null;
  value: AnyParamValue;
  /** The issuing document: 文号 and / or title. */
  source: string;
  /** 演示值: an illustrative value no document gives, shown as such and never as policy. */
  illustrative: boolean;
}

/** The value of a parameter as resolved for a place and a date, with where it comes from. */
export interface Resolved<T> {
  value: T;
  source: string;
  regionCode: string;
  validFrom: string;
  validTo: string | null;
  illustrative: boolean;
}

/** A product's parameters at a place and date; null where no value is in force. */
export type ResolvedProduct = { [P in ParamKey]: Resolved<ParamValue<P>> | null } & {
  product: ProductCode;
  regionCode: string;
  date: string;
};

/** Whether a value applies at `regionCode` on `date` (`YYYY-MM-DD`). */
export function appliesAt(v: ProductValue, regionCode: string, date: string): boolean {
  return (
    (v.regionCode === NATION_CODE || isWithin(regionCode, v.regionCode)) &&
    v.validFrom <= date &&
    (v.validTo === null || date <= v.validTo)
  );
}

/** Depth of a region for "nearest wins": the length of its path; the nation is 0. */
function depth(code: string): number {
  return code === NATION_CODE ? 0 : regionPrefix(code).length;
}

/**
 * The product's parameters in force at a place on a date: per parameter the value of the nearest
 * region, then the latest start.
 *
 * @example
 * productAt(values, 'startup_guarantee', '411300000000', '2024-01-10').cap_individual?.value
 * // => 30_000_000 (30 万元, national since 2023)
 */
export function productAt(
  values: readonly ProductValue[],
  product: ProductCode,
  regionCode: string,
  date: string,
): ResolvedProduct {
  const best = new Map<ParamKey, ProductValue>();
  for (const v of values) {
    if (v.product !== product || !appliesAt(v, regionCode, date)) continue;
    const cur = best.get(v.key);
    if (
      !cur ||
      depth(v.regionCode) > depth(cur.regionCode) ||
      (depth(v.regionCode) === depth(cur.regionCode) && v.validFrom > cur.validFrom)
    ) {
      best.set(v.key, v);
    }
  }
  const out: Record<string, unknown> = { product, regionCode, date };
  for (const key of PARAM_KEYS) {
    const v = best.get(key);
    out[key] = v
      ? {
          value: v.value,
          source: v.source,
          regionCode: v.regionCode,
          validFrom: v.validFrom,
          validTo: v.validTo,
          illustrative: v.illustrative,
        }
      : null;
  }
  return out as ResolvedProduct;
}

/** Problems {@link checkProductValue} reports. */
export type ProductValueProblem =
  'VALUE_KIND' | 'VALUE_RANGE' | 'PERIOD_REVERSED' | 'GROUPS_EMPTY' | 'GROUP_DUPLICATE';

/** Upper bounds that catch keying errors (a cap typed in 元 instead of fen is still allowed). */
const MAX: Record<Exclude<ParamKind, 'boolean' | 'groups'>, number> = {
  fen: 1_000_000_000_000, // 1 亿元 … ×100: 100 亿元 in fen
  bp: 10_000,
  months: 360,
  days: 3_650,
  count: 1_000_000,
};

/**
 * What is wrong with a value for its parameter, or null. Amounts and rates must be whole
 * (fen, bp), non-negative and within a sane bound; 'groups' a non-empty list without repeats.
 *
 * @example
 * checkProductValue('cap_individual', 30_000_000, '2023-09-01', null) // => null
 * checkProductValue('cap_individual', 3e7 + 0.5, '2023-09-01', null)  // => 'VALUE_KIND'
 */
export function checkProductValue(
  key: ParamKey,
  value: unknown,
  validFrom: string,
  validTo: string | null,
): ProductValueProblem | null {
  if (validTo !== null && validTo < validFrom) return 'PERIOD_REVERSED';
  const kind: ParamKind = PRODUCT_PARAMS[key].kind;
  if (kind === 'boolean') return typeof value === 'boolean' ? null : 'VALUE_KIND';
  if (kind === 'groups') {
    if (!Array.isArray(value)) return 'VALUE_KIND';
    if (value.length === 0) return 'GROUPS_EMPTY';
    if (value.some((g) => !(LOAN_GROUP_CODES as readonly unknown[]).includes(g))) {
      return 'VALUE_KIND';
    }
    return new Set(value).size === value.length ? null : 'GROUP_DUPLICATE';
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'VALUE_KIND';
  return value < 0 || value > MAX[kind] ? 'VALUE_RANGE' : null;
}

/** zod field of a parameter key, for contracts. */
export const ParamKeyField = z
  .enum(PARAM_KEYS as [ParamKey, ...ParamKey[]])
  .meta({ description: `产品参数：${PARAM_KEYS.join('、')}`, example: 'cap_individual' });

/** Typed read of a resolved value (null when not configured). */
export function valueOf<P extends ParamKey>(p: ResolvedProduct, key: P): ParamValue<P> | null {
  const r = p[key] as Resolved<ParamValue<P>> | null;
  return r ? r.value : null;
}

/**
 * The borrower's highest rate and the subsidised part of a contract rate, on a product: the
 * borrower pays at most LPR − `borrower_below_lpr` (never below 0), finance pays the rest.
 * Null when the LPR or the rule is not configured.
 *
 * @example
 * interestSplit(p, 345) // LPR 3.45 %, rule 150 bp → { borrowerBp: 195, subsidyBp: 150 }
 */
export function interestSplit(
  p: ResolvedProduct,
  contractRateBp: Bp,
): { borrowerBp: Bp; subsidyBp: Bp } | null {
  const lpr = valueOf(p, 'lpr_1y');
  const below = valueOf(p, 'borrower_below_lpr');
  if (lpr === null || below === null) return null;
  const borrowerCap = Math.max(0, lpr - below);
  const borrowerBp = Math.min(contractRateBp, borrowerCap);
  return { borrowerBp, subsidyBp: contractRateBp - borrowerBp };
}

/**
 * The cap of a partnership (合伙创业): the members' individual caps summed, raised by
 * `partnership_uplift`, rounded down to the fen. Null when either value is missing.
 *
 * @example
 * partnershipCap(p, 3) // 3 × 30 万元 × 1.10 = 99 万元 in fen
 */
export function partnershipCap(p: ResolvedProduct, members: number): Fen | null {
  const cap = valueOf(p, 'cap_individual');
  const uplift = valueOf(p, 'partnership_uplift');
  if (cap === null || uplift === null) return null;
  return Number((BigInt(cap) * BigInt(members) * BigInt(10_000 + uplift)) / 10_000n);
}
