import type { Collateral } from '../../domain/loans/groups.js';
import { Random } from './random.js';
import { MONTH_PROFILE, NANYANG_COUNTIES } from './story-data.js';

/**
 * The demo loans as a plan, before any service runs: who borrows how much, from which bank,
 * when, and how far each file has gone. Pure and seeded (`Random('fanxiang-demo-loans')`), so
 * the same ledger gives the same loans. Every split, amount and date here is 演示值.
 *
 * - 南阳 2021: files disbursed during the campaign year of 「为返乡农民工提供创业担保贷款4亿元」,
 *   spread over the counties by population weight and over three banks; since matured and
 *   结清, except one 代偿 (the fund paid after 90 days overdue).
 * - 南阳 2026: files now in every queue (受理, 人社, 担保机构, 银行, 待放款), one of them past
 *   its step's time limit (超时); loans repaying with their quarterly interest paid, one 展期,
 *   one 结清 early.
 * - 奉节 2026: a few files for the county's own accounts (fj_guarantee's 待办, fj_bank), and
 *   loans whose 2026-Q3 interest makes the 贴息 claim fj_finance pays.
 */

export type LoanStage =
  /** Filed, waiting at a step (the state named). */
  | {
      kind: 'queue';
      state: 'submitted' | 'eligibility' | 'guarantee_review' | 'bank_review' | 'disbursement';
      overdue?: boolean;
    }
  /** Disbursed; interest paid each quarter so far; then as named. */
  | { kind: 'repaying' }
  | { kind: 'extended' }
  | { kind: 'settled' }
  | { kind: 'compensated' };

export interface PlannedLoan {
  /** Index into the county's pool of applicants. */
  county: string;
  kind: 'individual' | 'partnership';
  members?: number;
  amountFen: number;
  termMonths: number;
  collateral: Collateral;
  purpose: string;
  /** Bank key in DEMO_ORGS. */
  bank: string;
  /** Filing date (YYYY-MM-DD). */
  filedOn: string;
  stage: LoanStage;
}

const WAN = 1_000_000;
const PURPOSES = [
  '购置香菇烘干设备',
  '扩大艾草制品生产线',
  '月季苗木种植基地扩建',
  '玉雕加工作坊装修与设备',
  '猕猴桃冷库建设',
  '中药材（山茱萸）种植',
  '农家乐改造提升',
  '电商直播间与仓储',
  '黄牛养殖场扩栏',
  '食用菌大棚建设',
  '小型农机具购置',
  '手工编织车间流动资金',
];
/** Collateral kinds, 林权 first (the seeds list the 林业局 among the units). */
const COLLATERAL_MIX: Collateral[] = [
  'forest_rights',
  'forest_rights',
  'credit',
  'credit',
  'equipment',
  'farm_machinery',
  'collective_land_use',
  'receivables',
  'trademark',
];
export const NANYANG_BANKS = ['ny_bank_rcb', 'ny_bank_psbc', 'ny_bank_abc'] as const;

/**
 * Loans disbursed in 南阳 in 2021 (演示值). Mostly partnerships, whose larger amounts show a
 * visible share of the 4亿 with few files: every file is filed and moved through the services,
 * which is what the first start waits for.
 */
export const NANYANG_2021_LOANS = 80;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A 2021 day, months weighted like the story's starts (spring and autumn busiest). */
function dayIn2021(r: Random): string {
  let x = r.float();
  let month = 0;
  while (month < 11 && x > MONTH_PROFILE[month]!) x -= MONTH_PROFILE[month++]!;
  // Files filed by the end of November, so each is disbursed within 2021.
  month = Math.min(month, 10);
  return `2021-${pad(month + 1)}-${pad(1 + r.int(0, 27))}`;
}

function amountFor(r: Random, kind: PlannedLoan['kind'], members: number): number {
  // 2021 cap: 20万 per person, partnerships +10 % over their members' sum (财金〔2020〕21号).
  if (kind === 'individual') return r.pick([10, 12, 15, 15, 18, 20, 20, 20]) * WAN;
  return Math.min(members * r.pick([15, 18, 20]), Math.floor(members * 22)) * WAN;
}

function loan(
  r: Random,
  county: string,
  filedOn: string,
  stage: LoanStage,
  bank: string,
  partnershipShare: number,
): PlannedLoan {
  const partnership = r.float() < partnershipShare;
  const members = partnership ? r.int(3, 6) : 1;
  return {
    county,
    kind: partnership ? 'partnership' : 'individual',
    ...(partnership ? { members } : {}),
    amountFen: amountFor(r, partnership ? 'partnership' : 'individual', members),
    termMonths: r.pick([24, 24, 36]),
    collateral: r.pick(COLLATERAL_MIX),
    purpose: r.pick(PURPOSES),
    bank,
    filedOn,
    stage,
  };
}

/** Counties by weight, as many picks as asked (largest remainders). */
function spread(total: number): string[] {
  const sum = NANYANG_COUNTIES.reduce((n, c) => n + c.weight * c.pace, 0);
  const out: string[] = [];
  for (const c of NANYANG_COUNTIES) {
    const n = Math.round((total * c.weight * c.pace) / sum);
    for (let i = 0; i < n; i++) out.push(c.code);
  }
  return out.slice(0, total);
}

export function planNanyangLoans(): PlannedLoan[] {
  const r = new Random('fanxiang-demo-loans');
  const plan: PlannedLoan[] = [];
  const counties2021 = spread(NANYANG_2021_LOANS);
  counties2021.forEach((county, i) => {
    // The 代偿 last: its county's fund then shows the compensation without stopping the others.
    const stage: LoanStage =
      i === counties2021.length - 1 ? { kind: 'compensated' } : { kind: 'settled' };
    plan.push(loan(r, county, dayIn2021(r), stage, r.pick([...NANYANG_BANKS]), 0.85));
  });
  const queues: LoanStage[] = [
    { kind: 'queue', state: 'submitted' },
    { kind: 'queue', state: 'submitted' },
    { kind: 'queue', state: 'eligibility' },
    { kind: 'queue', state: 'eligibility' },
    { kind: 'queue', state: 'eligibility' },
    { kind: 'queue', state: 'guarantee_review' },
    { kind: 'queue', state: 'guarantee_review' },
    { kind: 'queue', state: 'guarantee_review', overdue: true },
    { kind: 'queue', state: 'bank_review' },
    { kind: 'queue', state: 'bank_review' },
    { kind: 'queue', state: 'bank_review' },
    { kind: 'queue', state: 'disbursement' },
    { kind: 'queue', state: 'disbursement' },
  ];
  const current: LoanStage[] = [
    ...queues,
    ...Array.from({ length: 18 }, (): LoanStage => ({ kind: 'repaying' })),
    { kind: 'extended' },
    { kind: 'settled' },
  ];
  const counties = spread(current.length + 6);
  current.forEach((stage, i) => {
    // Files still moving were filed in the last days; the others between January and June.
    const filedOn =
      stage.kind === 'queue' ? '' : `2026-${pad(1 + r.int(0, 5))}-${pad(1 + r.int(0, 27))}`;
    plan.push(
      loan(r, counties[i % counties.length]!, filedOn, stage, r.pick([...NANYANG_BANKS]), 0.3),
    );
  });
  return plan;
}

/** 奉节's own demo files: its accounts' queues and the loans of its 2026-Q3 贴息 claim. */
export function planFengjieLoans(): PlannedLoan[] {
  const r = new Random('fanxiang-demo-loans-fengjie');
  const stages: LoanStage[] = [
    { kind: 'queue', state: 'submitted' },
    { kind: 'queue', state: 'eligibility' },
    { kind: 'queue', state: 'guarantee_review' },
    { kind: 'queue', state: 'guarantee_review' },
    { kind: 'queue', state: 'bank_review' },
    { kind: 'repaying' },
    { kind: 'repaying' },
    { kind: 'repaying' },
    { kind: 'repaying' },
  ];
  return stages.map((stage, i) =>
    loan(
      r,
      '500236',
      stage.kind === 'queue' ? '' : `2026-0${2 + (i % 4)}-${pad(3 + i)}`,
      stage,
      'fj_bank',
      0,
    ),
  );
}
