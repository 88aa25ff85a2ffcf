import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped, dateOfDay, dayNumber } from './dates.js';
import { apportion, wanToFen } from './money.js';
import { type Installment, repaymentSchedule } from './schedule.js';
import {
  allocatePayment,
  type ClaimLoan,
  type InterestPayment,
  loanSubsidyByQuarter,
  periodByQuarter,
  quarterlyClaims,
  settlementBy,
} from './subsidy.js';

const paidAll = (s: Installment[], late = 0): InterestPayment[] =>
  s.map((i) => ({
    dueDate: i.dueDate,
    paidOn: dateOfDay(dayNumber(i.dueDate) + late),
    interestFen: i.interestFen,
  }));

const loan = fc.record({
  principalFen: fc.integer({ min: 1, max: 400 }).map((wan) => wan * 1_000_000),
  extraFen: fc.integer({ min: 0, max: 999_999 }),
  annualRateBp: fc.integer({ min: 0, max: 800 }),
  subsidyShare: fc.integer({ min: 0, max: 10_000 }),
  termMonths: fc.integer({ min: 1, max: 36 }),
  start: fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2026-12-31') }).map(dateOfDay),
  method: fc.constantFrom('bullet' as const, 'equal_principal' as const),
  interval: fc.constantFrom(1, 3),
});

type LoanCase = typeof loan extends fc.Arbitrary<infer T> ? T : never;

const scheduleOf = (l: LoanCase) =>
  repaymentSchedule({
    principalFen: l.principalFen + l.extraFen,
    annualRateBp: l.annualRateBp,
    subsidyBp: Math.floor((l.annualRateBp * l.subsidyShare) / 10_000),
    termMonths: l.termMonths,
    startDate: l.start,
    method: l.method,
    intervalMonths: l.interval,
  });

describe('repayment schedule', () => {
  it('computes ACT/360 quarterly interest and its 贴息 part, principal at maturity', () => {
    const s = repaymentSchedule({
      principalFen: wanToFen(20),
      annualRateBp: 345,
      subsidyBp: 150,
      termMonths: 12,
      startDate: '2024-01-15',
      method: 'bullet',
    });
    expect(s.map((i) => i.dueDate)).toEqual([
      '2024-04-15',
      '2024-07-15',
      '2024-10-15',
      '2025-01-15',
    ]);
    expect(s[0]).toMatchObject({
      days: 91,
      interestFen: 174_417,
      subsidyFen: 75_833,
      borrowerFen: 98_584,
    });
    expect(s.map((i) => i.principalFen)).toEqual([0, 0, 0, wanToFen(20)]);
  });

  it('rolls payment dates to a shorter month’s end', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    const s = repaymentSchedule({
      principalFen: 100,
      annualRateBp: 400,
      subsidyBp: 0,
      termMonths: 3,
      startDate: '2023-11-30',
      method: 'equal_principal',
      intervalMonths: 1,
    });
    expect(s.map((i) => i.dueDate)).toEqual(['2023-12-30', '2024-01-30', '2024-02-29']);
    expect(s.map((i) => i.principalFen)).toEqual([34, 33, 33]);
  });

  it('refuses a subsidy above the rate and a non-whole principal', () => {
    const base = {
      annualRateBp: 300,
      termMonths: 12,
      startDate: '2024-01-01',
      method: 'bullet' as const,
    };
    expect(() => repaymentSchedule({ ...base, principalFen: 100, subsidyBp: 301 })).toThrow(
      RangeError,
    );
    expect(() => repaymentSchedule({ ...base, principalFen: 10.5, subsidyBp: 0 })).toThrow(
      RangeError,
    );
  });

  it('property: principal parts add up to the loan, interest parts to the interest', () => {
    fc.assert(
      fc.property(loan, (l) => {
        const s = scheduleOf(l);
        expect(s.reduce((n, i) => n + i.principalFen, 0)).toBe(l.principalFen + l.extraFen);
        for (const i of s) {
          expect(i.borrowerFen + i.subsidyFen).toBe(i.interestFen);
          expect(i.subsidyFen).toBeGreaterThanOrEqual(0);
          expect(i.borrowerFen).toBeGreaterThanOrEqual(0);
        }
        expect(s.at(-1)!.dueDate).toBe(addMonthsClamped(l.start, l.termMonths));
      }),
    );
  });
});

describe('贴息 per loan per quarter (先付后贴)', () => {
  it('splits a period over two quarters by days', () => {
    const [inst] = repaymentSchedule({
      principalFen: wanToFen(10),
      annualRateBp: 360,
      subsidyBp: 360,
      termMonths: 3,
      startDate: '2024-02-15',
      method: 'bullet',
    });
    // 15 Feb – 14 May: 46 days in Q1, 44 days in Q2; 贴息 = 10 万 × 3.6 % × 90 / 360 = 900 元
    expect(inst!.subsidyFen).toBe(90_000);
    expect(periodByQuarter(inst!)).toEqual([
      ['2024-Q1', 46_000],
      ['2024-Q2', 44_000],
    ]);
  });

  it('counts only periods whose interest the borrower paid in full by the cut-off', () => {
    const s = repaymentSchedule({
      principalFen: wanToFen(30),
      annualRateBp: 345,
      subsidyBp: 150,
      termMonths: 12,
      startDate: '2024-01-01',
      method: 'bullet',
    });
    const payments = paidAll(s).slice(0, 2);
    payments[1] = { ...payments[1]!, interestFen: payments[1]!.interestFen - 1 }; // 1 fen short
    const q = loanSubsidyByQuarter(s, payments, '2025-03-31');
    expect(q.map((r) => r.quarter)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(q[0]!.subsidyFen).toBe(s[0]!.subsidyFen);
    expect(q[1]).toMatchObject({ subsidyFen: 0, withheldFen: s[1]!.subsidyFen });
    // a payment after the cut-off does not count yet
    expect(loanSubsidyByQuarter(s, paidAll(s), '2024-04-01')[0]!.subsidyFen).toBe(s[0]!.subsidyFen);
    expect(loanSubsidyByQuarter(s, paidAll(s, 1), '2024-04-01')[0]!.subsidyFen).toBe(0);
  });

  it('property: a loan’s quarter parts always sum to the subsidy of its paid periods', () => {
    fc.assert(
      fc.property(loan, fc.array(fc.boolean(), { maxLength: 40 }), (l, pays) => {
        const s = scheduleOf(l);
        const payments = paidAll(s).filter((_, i) => pays[i] ?? true);
        const q = loanSubsidyByQuarter(s, payments, '2099-12-31');
        const paidSet = new Set(payments.map((p) => p.dueDate));
        const want = s.filter((i) => paidSet.has(i.dueDate)).reduce((n, i) => n + i.subsidyFen, 0);
        const all = s.reduce((n, i) => n + i.subsidyFen, 0);
        expect(q.reduce((n, r) => n + r.subsidyFen, 0)).toBe(want);
        expect(q.reduce((n, r) => n + r.subsidyFen + r.withheldFen, 0)).toBe(all);
        for (const inst of s) {
          expect(periodByQuarter(inst).reduce((n, [, f]) => n + f, 0)).toBe(inst.subsidyFen);
        }
      }),
    );
  });
});

describe('quarterly claims per bank', () => {
  const loans: ClaimLoan[] = [
    {
      loanId: 'a',
      bankOrgId: 'bank1',
      regionCode: '411302000000',
      subsidyByQuarter: [{ quarter: '2024-Q1', subsidyFen: 100, withheldFen: 0 }],
    },
    {
      loanId: 'b',
      bankOrgId: 'bank1',
      regionCode: '411303000000',
      subsidyByQuarter: [{ quarter: '2024-Q1', subsidyFen: 200, withheldFen: 5 }],
    },
    {
      loanId: 'c',
      bankOrgId: 'bank2',
      regionCode: '411302000000',
      subsidyByQuarter: [{ quarter: '2024-Q2', subsidyFen: 50, withheldFen: 0 }],
    },
  ];

  it('gathers each bank’s loans of the quarter into one claim', () => {
    const claims = quarterlyClaims(loans, '2024-Q1');
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ bankOrgId: 'bank1', dueFen: 300 });
  });

  it('shares a part payment over the loans and reports due, paid and outstanding by county', () => {
    const [claim] = quarterlyClaims(loans, '2024-Q1');
    const lines = allocatePayment(claim!, 100);
    expect(lines.map((l) => [l.paidFen, l.outstandingFen])).toEqual([
      [33, 67],
      [67, 133],
    ]);
    const byCounty = settlementBy(lines, (l) => l.regionCode);
    expect(byCounty.get('411303000000')).toEqual({ dueFen: 200, paidFen: 67, outstandingFen: 133 });
    expect(() => allocatePayment(claim!, 301)).toThrow(RangeError);
  });

  it('property: claim and payment parts always sum to the whole', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            bank: fc.constantFrom('b1', 'b2', 'b3'),
            due: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (rows, payShare) => {
          const ls: ClaimLoan[] = rows.map((r, i) => ({
            loanId: `l${i}`,
            bankOrgId: r.bank,
            regionCode: '411302000000',
            subsidyByQuarter: [{ quarter: '2024-Q3', subsidyFen: r.due, withheldFen: 0 }],
          }));
          const claims = quarterlyClaims(ls, '2024-Q3');
          const total = rows.reduce((n, r) => n + r.due, 0);
          expect(claims.reduce((n, c) => n + c.dueFen, 0)).toBe(total);
          for (const c of claims) {
            expect(c.lines.reduce((n, l) => n + l.dueFen, 0)).toBe(c.dueFen);
            const pay = Math.floor((c.dueFen * payShare) / 10_000);
            const lines = allocatePayment(c, pay);
            expect(lines.reduce((n, l) => n + l.paidFen, 0)).toBe(pay);
            for (const l of lines) {
              expect(l.paidFen).toBeGreaterThanOrEqual(0);
              expect(l.paidFen).toBeLessThanOrEqual(l.dueFen);
              expect(l.paidFen + l.outstandingFen).toBe(l.dueFen);
            }
          }
        },
      ),
    );
  });

  it('property: apportion parts are whole, sum to the total and stay within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            const exact = sum === 0 ? total / weights.length : (total * weights[i]!) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1.000001);
          });
        },
      ),
    );
  });
});
