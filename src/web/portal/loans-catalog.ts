import type { Collateral, OtherLoan } from '../../domain/loans/groups';
import { MATERIAL_KINDS, MATERIAL_NAMES, type MaterialKind } from '../../domain/loans/materials';
import { LOCALE } from './catalog';

/**
 * 创业担保贷款 pages: zh-CN strings (the portal's default language) and the English catalog of
 * the same keys, checked by type; the code names of the loan catalogs (src/domain/loans/groups)
 * in both. The exports without a language suffix are the portal's language ({@link LOCALE}).
 */
export const LOAN_ZH = {
  title: '创业担保贷款',
  productTitle: '产品说明',
  capIndividual: '个人创业',
  capEnterprise: '小微企业',
  capPartnership: (pct: string) => `合伙创业：可在成员额度之和基础上上浮 ${pct}`,
  upTo: (wan: string) => `最高 ${wan} 万元`,
  termUpTo: (months: number) => `期限最长 ${months} 个月`,
  rate: (lpr: string, below: string) =>
    `利率：借款人承担的利率不超过贷款市场报价利率（LPR，现为 ${lpr}）减 ${below}，其余由财政贴息。`,
  whoTitle: '支持对象',
  counterGuarantee: '个人贷款一般需提供反担保；信用园区白名单企业可走绿色通道，免反担保。',
  source: (doc: string) => `依据：${doc}`,
  demoValue: '演示值',
  apply: '我要申请',
  applyTitle: '申请创业担保贷款',
  mine: '我的申请',
  none: '还没有贷款申请。',
  needVerified: '申请贷款前，请先在“个人资料”中提交您的信息，待服务专员核实后即可申请。',
  toProfile: '填写个人资料',
  stepBorrower: '借款人',
  stepLoan: '贷款信息',
  stepCheck: '资格预审',
  stepConfirm: '承诺提交',
  kind: '借款人',
  kindIndividual: '本人（个人创业）',
  kindPartnership: '合伙创业',
  kindEnterprise: (name: string) => `我任法定代表人的企业：${name}`,
  members: '合伙人数',
  amount: '申请金额（万元）',
  amountHint: '如 20 或 15.5',
  term: '期限（月）',
  termHint: '个人一般不超过 36 个月',
  purpose: '贷款用途',
  purposePlaceholder: '如：购置设备、流动资金',
  collateral: '担保方式 / 抵质押物',
  bank: '经办银行',
  bankNone: '您所在地区暂无经办银行可选',
  noOtherLoans: '本人及配偶没有其他贷款（助学、扶贫、住房、汽车贷款等允许的除外）',
  otherLoanKind: '其他贷款种类',
  otherLoanHolder: '借款人',
  otherLoanBalance: '余额（元）',
  holderApplicant: '本人',
  holderSpouse: '配偶',
  confirm: '本人已阅读《创业担保贷款承诺书》，承诺以上信息真实完整，如有虚假愿承担相应责任',
  confirmNeeded: '请勾选承诺书',
  check: '检查是否符合条件',
  submit: '提交申请',
  eligible: '全部条件满足，可以提交。',
  refused: '有不满足的条件，暂不能提交：',
  undecided: '部分条件需人社部门核实，可以提交：',
  submitted: '申请已提交，可在“我的申请”中查看每一步的办理进度。',
  amountBad: '请填写金额，如 20 或 15.5（万元）',
  termBad: '请填写 1 至 60 之间的月数',
  purposeBad: '请写明用途（至少 2 个字）',
  bankName: '经办银行',
  current: '当前环节',
  due: (date: string) => `本环节办理时限：${date}`,
  near: '临近超时',
  overdue: '已超时',
  next: '下一步',
  view: '查看详情',
  steps: '办理进度',
  history: '办理记录',
  missing: '待补充',
  materials: '上传材料',
  materialsHint:
    '身份证、营业执照、合同、抵质押物证明等，可拍照或选择照片、PDF，单个不超过 20 MB。',
  materialKind: '材料类别',
  pickFile: '拍照或选择文件',
  uploading: (name: string, pct: number) => `正在上传 ${name}：${pct}%`,
  uploaded: (name: string) => `已上传 ${name}`,
  tooLarge: '文件超过 20 MB，无法上传',
  uploadedList: '已上传的材料',
  schedule: '还款计划',
  scheduleHead: (rate: string, subsidy: string) => `年利率 ${rate}，其中财政贴息 ${subsidy}`,
  installment: (i: number) => `第 ${i} 期`,
  principal: '本金',
  interest: '您付利息',
  back: '返回',
  backList: '← 我的申请',
  yuan: '元',
  wan: '万元',
  months: '个月',
} as const;

type Catalog = {
  [K in keyof typeof LOAN_ZH]: (typeof LOAN_ZH)[K] extends string ? string : (typeof LOAN_ZH)[K];
};

export const LOAN_EN: Catalog = {
  title: 'Start-up guarantee loans',
  productTitle: 'The product',
  capIndividual: 'Individual',
  capEnterprise: 'Small enterprise',
  capPartnership: (pct) => `Partnership: up to ${pct} above the members' sum`,
  upTo: (wan) => `Up to ${wan} ten-thousand yuan`,
  termUpTo: (months) => `Up to ${months} months`,
  rate: (lpr, below) =>
    `Interest: you pay at most the loan prime rate (now ${lpr}) minus ${below}; public finance pays the rest.`,
  whoTitle: 'Who qualifies',
  counterGuarantee:
    'Individuals usually give a counter-guarantee; enterprises on a credit-park white list skip it.',
  source: (doc) => `Source: ${doc}`,
  demoValue: 'demo value',
  apply: 'Apply',
  applyTitle: 'Apply for a guarantee loan',
  mine: 'My applications',
  none: 'No applications yet.',
  needVerified: 'Submit your profile first; you can apply once an officer has verified it.',
  toProfile: 'Fill in my profile',
  stepBorrower: 'Borrower',
  stepLoan: 'Loan',
  stepCheck: 'Pre-check',
  stepConfirm: 'Declaration',
  kind: 'Borrower',
  kindIndividual: 'Myself',
  kindPartnership: 'Partnership',
  kindEnterprise: (name) => `My enterprise: ${name}`,
  members: 'Partners',
  amount: 'Amount (ten-thousand yuan)',
  amountHint: 'e.g. 20 or 15.5',
  term: 'Term (months)',
  termHint: 'Usually at most 36 months for individuals',
  purpose: 'Purpose',
  purposePlaceholder: 'e.g. equipment, working capital',
  collateral: 'Collateral',
  bank: 'Lending bank',
  bankNone: 'No lending bank in your area yet',
  noOtherLoans: 'My spouse and I hold no other loans (student, housing, car loans etc. excepted)',
  otherLoanKind: 'Other loan',
  otherLoanHolder: 'Held by',
  otherLoanBalance: 'Balance (yuan)',
  holderApplicant: 'Me',
  holderSpouse: 'Spouse',
  confirm: 'I have read the declaration and confirm the above is true and complete',
  confirmNeeded: 'Tick the declaration',
  check: 'Check eligibility',
  submit: 'Submit',
  eligible: 'All conditions are met; you can submit.',
  refused: 'Some conditions are not met; you cannot submit yet:',
  undecided: 'Some conditions will be checked by the office; you can submit:',
  submitted: 'Submitted: follow each step under My applications.',
  amountBad: 'Enter an amount such as 20 or 15.5 (ten-thousand yuan)',
  termBad: 'Enter 1 to 60 months',
  purposeBad: 'Say what the loan is for (2 characters or more)',
  bankName: 'Bank',
  current: 'Current step',
  due: (date) => `Due by ${date}`,
  near: 'Due soon',
  overdue: 'Overdue',
  next: 'Next',
  view: 'Details',
  steps: 'Progress',
  history: 'History',
  missing: 'Still needed',
  materials: 'Upload materials',
  materialsHint: 'ID, licence, contracts, proof of collateral: a photo or a PDF, 20 MB at most.',
  materialKind: 'Kind',
  pickFile: 'Take a photo or pick a file',
  uploading: (name, pct) => `Uploading ${name}: ${pct}%`,
  uploaded: (name) => `Uploaded ${name}`,
  tooLarge: 'The file is larger than 20 MB',
  uploadedList: 'Uploaded',
  schedule: 'Repayment schedule',
  scheduleHead: (rate, subsidy) => `Annual rate ${rate}, of which subsidised ${subsidy}`,
  installment: (i) => `Instalment ${i}`,
  principal: 'Principal',
  interest: 'Your interest',
  back: 'Back',
  backList: '← My applications',
  yuan: 'yuan',
  wan: 'ten-thousand yuan',
  months: 'months',
};

const en = LOCALE === 'en';

export const LOAN_T: Catalog = en ? LOAN_EN : LOAN_ZH;

const COLLATERAL_NAMES_ZH = {
  credit: '信用（无抵押）',
  equipment: '设备',
  forest_rights: '林权',
  collective_land_use: '集体土地使用权',
  franchise_rights: '特种经营权',
  receivables: '应收账款',
  equity: '股权',
  farm_machinery: '大型农机具',
  trademark: '商标',
} as const satisfies Record<Collateral, string>;

const COLLATERAL_NAMES_EN = {
  credit: 'Credit (unsecured)',
  equipment: 'Equipment',
  forest_rights: 'Forest rights',
  collective_land_use: 'Collective land use rights',
  franchise_rights: 'Franchise rights',
  receivables: 'Receivables',
  equity: 'Equity',
  farm_machinery: 'Large farm machinery',
  trademark: 'Trademark',
} as const satisfies Record<Collateral, string>;

const OTHER_LOAN_NAMES_ZH = {
  student: '助学贷款',
  poverty_relief: '扶贫贷款',
  housing: '住房贷款',
  car: '汽车贷款',
  consumer: '个人消费贷款',
  business: '经营性贷款',
  other: '其他贷款',
} as const satisfies Record<OtherLoan, string>;

const OTHER_LOAN_NAMES_EN = {
  student: 'Student loan',
  poverty_relief: 'Poverty-relief loan',
  housing: 'Mortgage',
  car: 'Car loan',
  consumer: 'Consumer loan',
  business: 'Business loan',
  other: 'Other loan',
} as const satisfies Record<OtherLoan, string>;

export const COLLATERAL_NAMES: Record<Collateral, string> = en
  ? COLLATERAL_NAMES_EN
  : COLLATERAL_NAMES_ZH;
export const OTHER_LOAN_NAMES: Record<OtherLoan, string> = en
  ? OTHER_LOAN_NAMES_EN
  : OTHER_LOAN_NAMES_ZH;

/** The material kinds by name, from the domain's list (src/domain/loans/materials.ts). */
export const MATERIAL_KIND_NAMES = Object.fromEntries(
  MATERIAL_KINDS.map((k) => [k, MATERIAL_NAMES[k][en ? 'en' : 'zh']]),
) as Record<MaterialKind, string>;

const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * A date as the reader writes it, from an ISO date or timestamp (China Standard Time):
 * 2026年12月7日, or 7 Dec 2026 in English.
 */
export function dateText(iso: string, locale = LOCALE): string {
  const d = iso.length > 10 ? new Date(new Date(iso).getTime() + 8 * 3_600_000) : null;
  const [y, m, day] = d
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
    : iso.split('-').map(Number);
  return locale === 'en' ? `${day} ${MONTHS_EN[(m ?? 1) - 1]} ${y}` : `${y}年${m}月${day}日`;
}

/** Whole fen as 万元 without floats: 20000000 → 「20」, 15500000 → 「15.5」. */
export function wan(fen: number): string {
  const whole = Math.trunc(fen / 1_000_000);
  const rest = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
