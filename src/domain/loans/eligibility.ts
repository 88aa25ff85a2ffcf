/**
 * Eligibility pre-check of a guarantee-loan application (创业担保贷款资格预审): the applicant as
 * the ledger holds them, the product in force at their place and date, the application and the
 * applicant's declarations → a list of conditions, each met, not met, or not decidable (a
 * parameter nobody has configured yet), with a zh-CN and an English sentence that cites the
 * document behind the figure. The pre-check refuses nothing itself: the 人社 reviewer decides,
 * and sees why.
 *
 * @module
 */
import type { EntityType } from '../ledger/entity-types.js';
import type { PersonCategory, PersonStatus } from '../ledger/person-categories.js';
import {
  ALWAYS_ALLOWED_OTHER_LOANS,
  COLLATERALS,
  type Collateral,
  GROUP_OF_CATEGORY,
  LOAN_GROUPS,
  type LoanGroup,
  OTHER_LOANS,
  type OtherLoan,
} from './groups.js';
import { type Fen, formatAmountEn, formatAmountZh, formatRate } from './money.js';
import { partnershipCap, type ResolvedProduct, type Resolved } from './products.js';

/** Who borrows: one person, a partnership of several (合伙创业), or a small enterprise. */
export type BorrowerKind = 'individual' | 'partnership' | 'enterprise';

/** The applicant as the ledger holds them, plus what only the applicant can declare. */
export interface Applicant {
  kind: BorrowerKind;
  /** The applying person (for an enterprise: its legal representative or founder). */
  person: {
    categories: readonly PersonCategory[];
    status: PersonStatus;
    /** Groups the ledger cannot show (城镇登记失业人员, 刑满释放人员 …), declared and to be verified. */
    declaredGroups: readonly LoanGroup[];
  };
  /** Partnership: number of members applying together (each must qualify; checked per file). */
  members?: number;
  /** Enterprise: its type and staff figures as the ledger holds them. */
  enterprise?: {
    entityType: EntityType;
    staffCount: number | null;
    newEligibleHires: number | null;
  };
  /** The entity is on a 信用园区 支持白名单. */
  whiteListed: boolean;
}

/** One other loan the applicant or their spouse holds (申请人及配偶的其他贷款). */
export interface OtherLoanDeclaration {
  holder: 'applicant' | 'spouse';
  kind: OtherLoan;
  balanceFen: Fen;
}

export interface Application {
  amountFen: Fen;
  termMonths: number;
  purpose: string;
  collateral: Collateral;
  declarations: {
    /** The applicant confirmed the declaration (承诺书) is true and complete. */
    confirmed: boolean;
    otherLoans: readonly OtherLoanDeclaration[];
  };
}

export type ConditionCode =
  'group' | 'amount' | 'term' | 'hiring_ratio' | 'other_loans' | 'declaration' | 'enterprise_type';

/** One condition of the pre-check. `met: null` means it cannot be decided: not configured. */
export interface Condition {
  code: ConditionCode;
  met: boolean | null;
  zh: string;
  en: string;
}

/** Whether a 反担保 is needed and why. */
export interface CounterGuarantee {
  required: boolean | null;
  ground: 'green_channel' | 'product_rule' | 'not_configured';
  zh: string;
  en: string;
}

export interface EligibilityResult {
  /** Every condition met (none unmet, none undecidable). */
  eligible: boolean;
  conditions: Condition[];
  counterGuarantee: CounterGuarantee;
}

const cite = (r: Resolved<unknown> | null) =>
  r ? `（${r.source}${r.illustrative ? '，演示值' : ''}）` : '';
const citeEn = (r: Resolved<unknown> | null) =>
  r ? ` (${r.source}${r.illustrative ? ', illustrative value' : ''})` : '';

const notConfigured = (code: ConditionCode, zhWhat: string, enWhat: string): Condition => ({
  code,
  met: null,
  zh: `${zhWhat}尚未配置，无法判断，请产品管理部门录入`,
  en: `${enWhat} is not configured yet, so this cannot be decided`,
});

/**
 * The loan groups an applicant belongs to: from the ledger's categories (a 农民工 counts as
 * 返乡创业农民工 once returned or started) and from the declaration.
 *
 * @example
 * applicantGroups({ categories: ['migrant_worker'], status: 'started', declaredGroups: [] })
 * // => ['returnee_migrant']
 */
export function applicantGroups(person: Applicant['person']): LoanGroup[] {
  const out = new Set<LoanGroup>(person.declaredGroups);
  const home = person.status === 'returned' || person.status === 'started';
  for (const c of person.categories) {
    const g = GROUP_OF_CATEGORY[c];
    if (g && (g !== 'returnee_migrant' || home)) out.add(g);
  }
  return [...out];
}

function groupCondition(a: Applicant, p: ResolvedProduct): Condition {
  const r = p.eligible_groups;
  if (!r) return notConfigured('group', '支持对象范围', 'The list of eligible groups');
  const mine = applicantGroups(a.person);
  const hit = mine.filter((g) => r.value.includes(g));
  const names = (gs: LoanGroup[], lang: 'zh' | 'en') =>
    gs.map((g) => LOAN_GROUPS.find((x) => x.code === g)![lang]).join(lang === 'zh' ? '、' : ', ');
  if (hit.length > 0) {
    return {
      code: 'group',
      met: true,
      zh: `申请人属于支持对象：${names(hit, 'zh')}${cite(r)}`,
      en: `The applicant belongs to an eligible group: ${names(hit, 'en')}${citeEn(r)}`,
    };
  }
  return {
    code: 'group',
    met: false,
    zh: `申请人不属于支持对象（${names(r.value, 'zh')}）${cite(r)}`,
    en: `The applicant belongs to none of the eligible groups (${names(r.value, 'en')})${citeEn(r)}`,
  };
}

function amountCondition(a: Applicant, app: Application, p: ResolvedProduct): Condition {
  let cap: Fen | null;
  let r: Resolved<unknown> | null;
  let zhWho: string;
  let enWho: string;
  if (a.kind === 'enterprise') {
    r = p.cap_enterprise;
    cap = p.cap_enterprise?.value ?? null;
    [zhWho, enWho] = ['小微企业上限', 'the cap for a small enterprise'];
  } else if (a.kind === 'partnership') {
    r = p.partnership_uplift ?? p.cap_individual;
    cap = partnershipCap(p, a.members ?? 1);
    [zhWho, enWho] = [
      `合伙创业上限（${a.members ?? 1} 人）`,
      `the partnership cap (${a.members ?? 1} members)`,
    ];
  } else {
    r = p.cap_individual;
    cap = p.cap_individual?.value ?? null;
    [zhWho, enWho] = ['个人上限', 'the cap for an individual'];
  }
  if (cap === null) return notConfigured('amount', '贷款额度上限', 'The loan cap');
  const [zhAmt, enAmt] = [formatAmountZh(app.amountFen), formatAmountEn(app.amountFen)];
  const [zhCap, enCap] = [formatAmountZh(cap), formatAmountEn(cap)];
  return app.amountFen <= cap
    ? {
        code: 'amount',
        met: true,
        zh: `申请金额 ${zhAmt}未超过${zhWho} ${zhCap}${cite(r)}`,
        en: `The amount ${enAmt} is within ${enWho} of ${enCap}${citeEn(r)}`,
      }
    : {
        code: 'amount',
        met: false,
        zh: `申请金额 ${zhAmt}超过${zhWho} ${zhCap}${cite(r)}`,
        en: `The amount ${enAmt} exceeds ${enWho} of ${enCap}${citeEn(r)}`,
      };
}

function termCondition(a: Applicant, app: Application, p: ResolvedProduct): Condition {
  const r = a.kind === 'enterprise' ? p.term_enterprise_months : p.term_individual_months;
  if (!r) return notConfigured('term', '贷款期限上限', 'The longest term');
  const ok = app.termMonths <= r.value;
  return {
    code: 'term',
    met: ok,
    zh: `贷款期限 ${app.termMonths} 个月${ok ? '未超过' : '超过'}上限 ${r.value} 个月${cite(r)}`,
    en: `The term of ${app.termMonths} months ${ok ? 'is within' : 'exceeds'} the limit of ${r.value} months${citeEn(r)}`,
  };
}

function hiringCondition(a: Applicant, p: ResolvedProduct): Condition {
  const staff = a.enterprise?.staffCount ?? null;
  const hires = a.enterprise?.newEligibleHires ?? null;
  if (staff === null || hires === null || staff <= 0) {
    return {
      code: 'hiring_ratio',
      met: null,
      zh: '台账中缺少在职职工人数或当年新招用符合条件人员人数，无法判断招用比例',
      en: 'The ledger lacks the staff count or the new eligible hires, so the hiring ratio cannot be checked',
    };
  }
  const threshold = p.hiring_large_staff?.value ?? null;
  const large = threshold !== null && staff > threshold;
  const r = large ? p.hiring_ratio_large : p.hiring_ratio;
  if (!r) return notConfigured('hiring_ratio', '招用比例', 'The hiring ratio');
  // hires / staff ≥ r.value / 10 000, in integers
  const ok = hires * 10_000 >= r.value * staff;
  const zhLarge = large ? `（在职职工超过 ${threshold} 人）` : '';
  const enLarge = large ? ` (more than ${threshold} staff)` : '';
  return {
    code: 'hiring_ratio',
    met: ok,
    zh: `当年新招用符合条件人员 ${hires} 人，占在职职工 ${staff} 人的比例${ok ? '达到' : '未达到'} ${formatRate(r.value)}${zhLarge}${cite(r)}`,
    en: `${hires} new eligible hires out of ${staff} staff ${ok ? 'reach' : 'fall short of'} ${formatRate(r.value)}${enLarge}${citeEn(r)}`,
  };
}

function otherLoansCondition(app: Application, p: ResolvedProduct): Condition {
  const loans = app.declarations.otherLoans;
  const barred = loans.filter(
    (l) => l.kind !== 'consumer' && !ALWAYS_ALLOWED_OTHER_LOANS.includes(l.kind),
  );
  const name = (k: OtherLoan, lang: 'zh' | 'en') => OTHER_LOANS.find((x) => x.code === k)![lang];
  if (barred.length > 0) {
    const who = (l: OtherLoanDeclaration, lang: 'zh' | 'en') =>
      lang === 'zh'
        ? `${l.holder === 'spouse' ? '配偶' : '申请人'}${name(l.kind, 'zh')}`
        : `${l.holder === 'spouse' ? "spouse's" : "applicant's"} ${name(l.kind, 'en').toLowerCase()}`;
    return {
      code: 'other_loans',
      met: false,
      zh: `申请人及配偶不得有助学、扶贫、住房、汽车和小额消费贷款以外的其他贷款，已申报：${barred.map((l) => who(l, 'zh')).join('、')}`,
      en: `The applicant and spouse may hold no loans other than student, poverty-relief, housing, car and small consumer loans; declared: ${barred.map((l) => who(l, 'en')).join(', ')}`,
    };
  }
  const consumer = loans.filter((l) => l.kind === 'consumer').reduce((n, l) => n + l.balanceFen, 0);
  if (consumer === 0) {
    return {
      code: 'other_loans',
      met: true,
      zh: '申请人及配偶未申报助学、扶贫、住房、汽车贷款以外的其他贷款',
      en: 'The applicant and spouse declare no loans beyond the allowed kinds',
    };
  }
  const r = p.other_consumer_loan_max;
  if (!r)
    return notConfigured('other_loans', '可持有的个人消费贷款上限', 'The consumer-loan limit');
  const ok = consumer <= r.value;
  return {
    code: 'other_loans',
    met: ok,
    zh: `申请人及配偶个人消费贷款余额 ${formatAmountZh(consumer)}${ok ? '未超过' : '超过'} ${formatAmountZh(r.value)}${cite(r)}`,
    en: `Consumer loans of the applicant and spouse, ${formatAmountEn(consumer)}, ${ok ? 'are within' : 'exceed'} ${formatAmountEn(r.value)}${citeEn(r)}`,
  };
}

function counterGuarantee(a: Applicant, p: ResolvedProduct): CounterGuarantee {
  if (a.whiteListed && p.green_channel?.value === true) {
    return {
      required: false,
      ground: 'green_channel',
      zh: `信用园区白名单主体走绿色通道，免反担保${cite(p.green_channel)}`,
      en: `On a credit-park white list: green channel, no counter-guarantee${citeEn(p.green_channel)}`,
    };
  }
  if (a.kind === 'enterprise') {
    return {
      required: true,
      ground: 'product_rule',
      zh: '小微企业贷款按担保机构要求提供反担保',
      en: 'A small enterprise gives the counter-guarantee the guarantee agency asks for',
    };
  }
  const r = p.individual_counter_guarantee;
  if (!r) {
    return {
      required: null,
      ground: 'not_configured',
      zh: '个人贷款是否须提供反担保尚未配置，由担保机构决定',
      en: 'Whether individuals give a counter-guarantee is not configured; the guarantee agency decides',
    };
  }
  return {
    required: r.value,
    ground: 'product_rule',
    zh: `个人贷款${r.value ? '须' : '无须'}提供反担保${cite(r)}`,
    en: `Individuals ${r.value ? 'give' : 'need not give'} a counter-guarantee${citeEn(r)}`,
  };
}

/**
 * Pre-checks an application against the product in force, condition by condition.
 *
 * @example
 * const r = checkEligibility(applicant, { amountFen: 35_000_000, … }, productAt(values, …));
 * r.conditions.find((c) => c.code === 'amount')?.zh
 * // => '申请金额 35 万元超过个人上限 30 万元（财政部 人力资源社会保障部 中国人民银行关于…）'
 */
export function checkEligibility(
  a: Applicant,
  app: Application,
  p: ResolvedProduct,
): EligibilityResult {
  const conditions: Condition[] = [];
  if (a.kind === 'enterprise') {
    const t = a.enterprise?.entityType;
    const ok = t === 'enterprise' || t === 'cooperative' || t === 'family_farm';
    conditions.push({
      code: 'enterprise_type',
      met: ok,
      zh: ok ? '申请主体为小微企业类市场主体' : '小微企业贷款须由企业、合作社或家庭农场申请',
      en: ok
        ? 'The applicant is a small-enterprise kind of market entity'
        : 'A small-enterprise loan needs an enterprise, cooperative or family farm',
    });
    conditions.push(hiringCondition(a, p));
  } else {
    conditions.push(groupCondition(a, p));
  }
  conditions.push(amountCondition(a, app, p));
  conditions.push(termCondition(a, app, p));
  conditions.push(otherLoansCondition(app, p));
  conditions.push(
    app.declarations.confirmed
      ? {
          code: 'declaration',
          met: true,
          zh: `申请人已承诺所填信息真实完整（担保方式：${COLLATERALS.find((c) => c.code === app.collateral)!.zh}）`,
          en: `The applicant confirmed the declaration (collateral: ${COLLATERALS.find((c) => c.code === app.collateral)!.en})`,
        }
      : {
          code: 'declaration',
          met: false,
          zh: '申请人尚未确认承诺书（本人及配偶贷款情况）',
          en: 'The applicant has not confirmed the declaration on their and their spouse’s loans',
        },
  );
  return {
    eligible: conditions.every((c) => c.met === true),
    conditions,
    counterGuarantee: counterGuarantee(a, p),
  };
}
