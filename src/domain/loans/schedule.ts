/**
 * The repayment schedule of a guarantee loan (还款计划): interest periods from disbursement to
 * maturity, each with the outstanding principal, the principal repaid at its end and its interest.
 *
 * Rules, stated once:
 * - Interest accrues on the outstanding principal by actual days over a 360-day year (ACT/360,
 *   the 日利率 = 年利率 / 360 convention of Chinese banks): `principal × rate × days / 360`.
 * - Each period's interest is rounded half up to the fen; it is then split into the borrower's
 *   part and the subsidised part (贴息) so that the two always add up to the interest.
 * - Payment dates fall every `intervalMonths` (3: 按季付息) on the disbursement day of the month
 *   (clamped to a shorter month's end); the last period ends at maturity.
 * - `bullet`: principal repaid at maturity (到期还本). `equal_principal`: the principal shared
 *   over the payment dates by largest remainder, so the parts add up to it exactly.
 *
 * @module
 */
import { addMonthsClamped, dayNumber } from './dates.js';
import { apportion, type Bp, type Fen, mulDivRound } from './money.js';

export type RepaymentMethod = 'bullet' | 'equal_principal';

export interface ScheduleInput {
  principalFen: Fen;
  /** The contract's annual rate. */
  annualRateBp: Bp;
  /** The part of the rate that public finance pays (贴息); 0 when none. */
  subsidyBp: Bp;
  termMonths: number;
  /** Disbursement date, `YYYY-MM-DD`. */
  startDate: string;
  method: RepaymentMethod;
  /** Months between payments; 3 (quarterly) by default. */
  intervalMonths?: number;
}

export interface Installment {
  index: number;
  /** First day of interest (inclusive). */
  periodStart: string;
  /** Payment date; the last day of interest is the day before. */
  dueDate: string;
  days: number;
  outstandingFen: Fen;
  principalFen: Fen;
  interestFen: Fen;
  /** The borrower's part of the interest. */
  borrowerFen: Fen;
  /** The subsidised part (贴息). `borrowerFen + subsidyFen === interestFen`. */
  subsidyFen: Fen;
}

/** Interest of `principal` at `rateBp` for `days`, ACT/360, rounded half up to the fen. */
export function periodInterest(principal: Fen, rateBp: Bp, days: number): Fen {
  return mulDivRound(principal * days, rateBp, 360 * 10_000);
}

/**
 * The repayment schedule of a loan.
 *
 * @example
 * repaymentSchedule({ principalFen: 20_000_000, annualRateBp: 345, subsidyBp: 150,
 *   termMonths: 12, startDate: '2024-01-15', method: 'bullet' })
 * // 4 quarterly periods; the first: 91 days, interest 174,417 fen (1,744.17 元),
 * // of which 贴息 75,833 fen
 */
export function repaymentSchedule(input: ScheduleInput): Installment[] {
  const { principalFen, annualRateBp, subsidyBp, termMonths, startDate, method } = input;
  const interval = input.intervalMonths ?? 3;
  if (!Number.isSafeInteger(principalFen) || principalFen <= 0) {
    throw new RangeError('principal must be a positive whole number of fen');
  }
  if (!Number.isInteger(termMonths) || termMonths <= 0) throw new RangeError('bad term');
  if (!Number.isInteger(interval) || interval <= 0) throw new RangeError('bad interval');
  if (subsidyBp < 0 || subsidyBp > annualRateBp) {
    throw new RangeError('the subsidy cannot exceed the rate');
  }
  const dues: string[] = [];
  for (let m = interval; m < termMonths; m += interval) dues.push(addMonthsClamped(startDate, m));
  dues.push(addMonthsClamped(startDate, termMonths));
  const principalParts =
    method === 'bullet'
      ? dues.map((_, i) => (i === dues.length - 1 ? principalFen : 0))
      : apportion(
          principalFen,
          dues.map(() => 1),
        );
  let outstanding = principalFen;
  let from = startDate;
  return dues.map((dueDate, index) => {
    const days = dayNumber(dueDate) - dayNumber(from);
    const interestFen = periodInterest(outstanding, annualRateBp, days);
    const subsidyFen = annualRateBp === 0 ? 0 : mulDivRound(interestFen, subsidyBp, annualRateBp);
    const row: Installment = {
      index,
      periodStart: from,
      dueDate,
      days,
      outstandingFen: outstanding,
      principalFen: principalParts[index]!,
      interestFen,
      borrowerFen: interestFen - subsidyFen,
      subsidyFen,
    };
    outstanding -= row.principalFen;
    from = dueDate;
    return row;
  });
}
