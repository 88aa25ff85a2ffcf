/**
 * The values the `loan_product_values` table starts with: the national figures of 创业担保贷款
 * (each with its document and period, the earlier caps kept as history), the one-year LPR as
 * published, and the local overrides the seeds support for 南阳 and 奉节. The seeds themselves
 * give no amount, rate or 反担保 rule (wave2.md §0): every local value here is 演示值.
 *
 * Documents whose 文号 could not be checked while writing this are marked 「文号待核实」 in
 * their source; the programme office corrects them through the product screen or API (a new
 * dated value, the old one kept).
 *
 * @module
 */
import { NATION_CODE } from '../regions/region-code.js';
import { LOAN_GROUP_CODES } from './groups.js';
import { wanToFen } from './money.js';
import type { ProductValue } from './products.js';

const P = 'startup_guarantee' as const;
const DOC_2020 =
  '财金〔2020〕21号 财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知';
const DOC_2023 =
  '财政部 人力资源社会保障部 中国人民银行关于加大创业担保贷款支持力度的通知（2023年，文号待核实）';
const DOC_FUND = '创业担保贷款担保基金管理国家口径（DESIGN.md 业务规则，文号待核实）';
const LPR_DOC = (d: string) => `全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告（${d}）`;
const NANYANG = '411300000000';
const FENGJIE = '500236000000';
const S1 = '宛农工创〔2021〕1号 南阳市推进农民工返乡创业工作领导小组2021年工作要点（十一）';
const S2 =
  '奉节县人民政府办公室关于加快返乡入乡创业园建设的意见 四(七)「设立信用园区，形成支持白名单，逐步取消反担保，建立绿色通道」';

const national = (
  key: ProductValue['key'],
  value: ProductValue['value'],
  validFrom: string,
  validTo: string | null,
  source: string,
): ProductValue => ({
  product: P,
  key,
  regionCode: NATION_CODE,
  validFrom,
  validTo,
  value,
  source,
  illustrative: false,
});

/** One-year LPR announcements: [first day, rate in bp]. */
const LPR: [string, number][] = [
  ['2020-04-20', 385],
  ['2021-12-20', 380],
  ['2022-01-20', 370],
  ['2022-08-22', 365],
  ['2023-06-20', 355],
  ['2023-08-21', 345],
  ['2024-07-22', 335],
  ['2024-10-21', 310],
  ['2025-05-20', 300],
];

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The seeded values, national first. */
export const SEED_PRODUCT_VALUES: readonly ProductValue[] = [
  national('cap_individual', wanToFen(20), '2020-04-23', '2023-08-31', DOC_2020),
  national('cap_individual', wanToFen(30), '2023-09-01', null, DOC_2023),
  national('cap_enterprise', wanToFen(300), '2020-04-23', '2023-08-31', DOC_2020),
  national('cap_enterprise', wanToFen(400), '2023-09-01', null, DOC_2023),
  national('partnership_uplift', 1_000, '2020-04-23', null, DOC_2020),
  national('term_individual_months', 36, '2020-04-23', null, DOC_2020),
  national('term_enterprise_months', 24, '2020-04-23', null, DOC_2020),
  national('borrower_below_lpr', 150, '2020-04-23', null, DOC_2020),
  national('eligible_groups', [...LOAN_GROUP_CODES], '2020-04-23', null, DOC_2020),
  national('hiring_ratio', 1_500, '2020-04-23', null, DOC_2020),
  national('hiring_ratio_large', 800, '2020-04-23', null, DOC_2020),
  national('hiring_large_staff', 100, '2020-04-23', null, DOC_2020),
  national('other_consumer_loan_max', wanToFen(5), '2020-04-23', null, DOC_2020),
  national('compensation_after_days', 90, '2020-04-23', null, DOC_FUND),
  national('fund_compensation_share', 8_000, '2020-04-23', null, DOC_FUND),
  national('fund_multiple', 5, '2020-04-23', null, DOC_FUND),
  national('fund_overdue_stop', 300, '2020-04-23', null, DOC_FUND),
  ...LPR.map(([from, bp], i) =>
    national(
      'lpr_1y',
      bp,
      from,
      i + 1 < LPR.length ? dayBefore(LPR[i + 1]![0]) : null,
      LPR_DOC(from),
    ),
  ),
  // 南阳: S1 asks to 「切实降低创业担保贷款门槛」 but sets no rule; keeping the 反担保 for
  // individuals is an illustrative local choice.
  {
    product: P,
    key: 'individual_counter_guarantee',
    regionCode: NANYANG,
    validFrom: '2021-05-20',
    validTo: null,
    value: true,
    source: S1,
    illustrative: true,
  },
  // 奉节: the white list of 信用园区 skips the 反担保 (S2); individuals elsewhere still give one
  // (illustrative: S2 says 「逐步取消」 without a date).
  {
    product: P,
    key: 'green_channel',
    regionCode: FENGJIE,
    validFrom: '2022-01-01',
    validTo: null,
    value: true,
    source: S2,
    illustrative: true,
  },
  {
    product: P,
    key: 'individual_counter_guarantee',
    regionCode: FENGJIE,
    validFrom: '2022-01-01',
    validTo: null,
    value: true,
    source: S2,
    illustrative: true,
  },
];
