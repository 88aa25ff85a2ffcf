import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATION_CODE } from '../regions/region-code.js';
import {
  compensationSplit,
  depositProblem,
  type FundFigures,
  fundStatus,
  mayGuarantee,
} from './fund.js';
import { wanToFen } from './money.js';
import { productAt, type ProductValue } from './products.js';
import { SEED_PRODUCT_VALUES } from './seed-values.js';

const product = (extra: ProductValue[] = []) =>
  productAt([...SEED_PRODUCT_VALUES, ...extra], 'startup_guarantee', '411302000000', '2024-06-01');

const figures = (over: Partial<FundFigures> = {}): FundFigures => ({
  deposits: [
    { source: 'fiscal', amountFen: wanToFen(800), date: '2021-01-10' },
    {
      source: 'unemployment_insurance',
      amountFen: wanToFen(200),
      date: '2021-06-01',
      preconditions: { fiscalMainChannelKept: true, benefitsPaidNormally: true },
    },
  ],
  compensationOutlayFen: 0,
  guaranteedBalanceFen: wanToFen(4_000),
  overdueBalanceFen: wanToFen(40),
  guaranteedTotalFen: wanToFen(6_000),
  compensatedTotalFen: wanToFen(30),
  ...over,
});

describe('guarantee fund', () => {
  it('refuses a 失业保险基金 deposit unless both preconditions are confirmed', () => {
    expect(depositProblem({ source: 'fiscal', amountFen: 100, date: '2021-01-01' })).toBeNull();
    expect(
      depositProblem({ source: 'unemployment_insurance', amountFen: 100, date: '2021-01-01' }),
    ).toBe('UI_PRECONDITIONS');
    expect(
      depositProblem({
        source: 'unemployment_insurance',
        amountFen: 100,
        date: '2021-01-01',
        preconditions: { fiscalMainChannelKept: true, benefitsPaidNormally: false },
      }),
    ).toBe('UI_PRECONDITIONS');
    expect(depositProblem({ source: 'fiscal', amountFen: 0, date: '2021-01-01' })).toBe('AMOUNT');
  });

  it('is normal within 5× its balance and under 3 % overdue', () => {
    const s = fundStatus(figures(), product());
    expect(s.bySource).toEqual({
      fiscal: wanToFen(800),
      unemployment_insurance: wanToFen(200),
      other: 0,
    });
    expect(s.capacityFen).toBe(wanToFen(5_000));
    expect(s.headroomFen).toBe(wanToFen(1_000));
    expect(s.overdueRateBp).toBe(100);
    expect(s.compensationRateBp).toBe(50);
    expect(s.level).toBe('normal');
    expect(mayGuarantee(s, wanToFen(30)).ok).toBe(true);
    expect(mayGuarantee(s, wanToFen(1_001)).zh).toContain('不足以担保 1,001 万元');
  });

  it('stops new guarantees at exactly 3 % overdue, and says why in zh-CN', () => {
    const s = fundStatus(figures({ overdueBalanceFen: wanToFen(120) }), product());
    expect(s.level).toBe('stopped');
    expect(s.reasons[0]!.zh).toMatch(/^逾期率 3\.00%达到暂停线 3\.00%，暂停新增担保/);
    expect(mayGuarantee(s, 1).ok).toBe(false);
    const under = fundStatus(figures({ overdueBalanceFen: wanToFen(120) - 1 }), product());
    expect(under.level).toBe('normal');
  });

  it('stops when the guaranteed balance passes the multiple, net of 代偿 outlays', () => {
    const s = fundStatus(figures({ compensationOutlayFen: wanToFen(300) }), product());
    expect(s.balanceFen).toBe(wanToFen(700));
    expect(s.reasons.map((r) => r.code)).toContain('OVER_MULTIPLE');
    expect(s.level).toBe('stopped');
  });

  it('warns on a configured warning line and on a missing threshold', () => {
    const warnAt2: ProductValue = {
      product: 'startup_guarantee',
      key: 'fund_overdue_warn',
      regionCode: NATION_CODE,
      validFrom: '2020-01-01',
      validTo: null,
      value: 200,
      source: '演示',
      illustrative: true,
    };
    const s = fundStatus(figures({ overdueBalanceFen: wanToFen(90) }), product([warnAt2]));
    expect(s.level).toBe('warning');
    expect(s.reasons[0]!.code).toBe('OVERDUE_WARN');
    const bare = productAt([], 'startup_guarantee', '411302000000', '2024-06-01');
    expect(fundStatus(figures(), bare).reasons.map((r) => r.code)).toEqual([
      'NOT_CONFIGURED',
      'NOT_CONFIGURED',
    ]);
  });

  it('property: a 代偿 split always adds up to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (a, bp) => {
          const s = compensationSplit(a, bp);
          expect(s.fundFen + s.bankFen).toBe(a);
          expect(s.fundFen).toBeGreaterThanOrEqual(0);
          expect(s.bankFen).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
