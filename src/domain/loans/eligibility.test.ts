import { describe, expect, it } from 'vitest';
import { type Applicant, type Application, checkEligibility } from './eligibility.js';
import { wanToFen } from './money.js';
import { productAt } from './products.js';
import { SEED_PRODUCT_VALUES } from './seed-values.js';

const product = (region: string, date = '2024-03-01') =>
  productAt(SEED_PRODUCT_VALUES, 'startup_guarantee', region, date);

const returnee: Applicant = {
  kind: 'individual',
  person: { categories: ['migrant_worker'], status: 'started', declaredGroups: [] },
  whiteListed: false,
};
const app = (over: Partial<Application> = {}): Application => ({
  amountFen: wanToFen(20),
  termMonths: 36,
  purpose: '香菇种植大棚',
  collateral: 'forest_rights',
  declarations: { confirmed: true, otherLoans: [] },
  ...over,
});
const cond = (r: ReturnType<typeof checkEligibility>, code: string) =>
  r.conditions.find((c) => c.code === code)!;

describe('guarantee-loan eligibility pre-check', () => {
  it('passes a returnee migrant worker within cap and term', () => {
    const r = checkEligibility(returnee, app(), product('411302000000'));
    expect(r.eligible).toBe(true);
    expect(cond(r, 'group').zh).toContain('返乡创业农民工');
  });

  it('explains an amount over the individual cap in zh-CN with its document', () => {
    const r = checkEligibility(returnee, app({ amountFen: wanToFen(35) }), product('411302000000'));
    expect(r.eligible).toBe(false);
    const c = cond(r, 'amount');
    expect(c.met).toBe(false);
    expect(c.zh).toMatch(/^申请金额 35 万元超过个人上限 30 万元（财政部 人力资源社会保障部/);
    expect(c.en).toContain('CNY 350,000 exceeds the cap for an individual of CNY 300,000');
  });

  it('used the 20万 cap before September 2023', () => {
    const r = checkEligibility(
      returnee,
      app({ amountFen: wanToFen(25) }),
      product('411302000000', '2021-06-01'),
    );
    expect(cond(r, 'amount').zh).toContain('超过个人上限 20 万元（财金〔2020〕21号');
  });

  it('does not count a migrant worker still away as a returnee', () => {
    const away: Applicant = { ...returnee, person: { ...returnee.person, status: 'abroad' } };
    const r = checkEligibility(away, app(), product('411302000000'));
    expect(cond(r, 'group')).toMatchObject({ met: false });
    expect(cond(r, 'group').zh).toMatch(/^申请人不属于支持对象/);
  });

  it('accepts a declared group the ledger cannot show', () => {
    const p: Applicant = {
      ...returnee,
      person: { categories: ['other'], status: 'returned', declaredGroups: ['urban_unemployed'] },
    };
    expect(cond(checkEligibility(p, app(), product('411302000000')), 'group').met).toBe(true);
  });

  it('refuses a term over 3 years and barred other loans, allows small consumer loans', () => {
    const r = checkEligibility(
      returnee,
      app({
        termMonths: 48,
        declarations: {
          confirmed: true,
          otherLoans: [{ holder: 'spouse', kind: 'business', balanceFen: wanToFen(10) }],
        },
      }),
      product('411302000000'),
    );
    expect(cond(r, 'term')).toMatchObject({ met: false });
    expect(cond(r, 'term').zh).toContain('贷款期限 48 个月超过上限 36 个月');
    expect(cond(r, 'other_loans').zh).toContain('配偶经营性贷款');
    const ok = checkEligibility(
      returnee,
      app({
        declarations: {
          confirmed: true,
          otherLoans: [
            { holder: 'applicant', kind: 'housing', balanceFen: wanToFen(40) },
            { holder: 'spouse', kind: 'consumer', balanceFen: wanToFen(3) },
          ],
        },
      }),
      product('411302000000'),
    );
    expect(cond(ok, 'other_loans').met).toBe(true);
    const over = checkEligibility(
      returnee,
      app({
        declarations: {
          confirmed: true,
          otherLoans: [{ holder: 'spouse', kind: 'consumer', balanceFen: wanToFen(6) }],
        },
      }),
      product('411302000000'),
    );
    expect(cond(over, 'other_loans').zh).toContain('个人消费贷款余额 6 万元超过 5 万元');
  });

  it('checks an enterprise’s hiring ratio, with the lower ratio above 100 staff', () => {
    const ent = (staff: number, hires: number): Applicant => ({
      kind: 'enterprise',
      person: returnee.person,
      enterprise: { entityType: 'enterprise', staffCount: staff, newEligibleHires: hires },
      whiteListed: false,
    });
    const p = product('411302000000');
    expect(
      cond(
        checkEligibility(ent(40, 6), app({ amountFen: wanToFen(300), termMonths: 24 }), p),
        'hiring_ratio',
      ).met,
    ).toBe(true);
    const low = cond(checkEligibility(ent(40, 5), app({ termMonths: 24 }), p), 'hiring_ratio');
    expect(low.met).toBe(false);
    expect(low.zh).toContain('未达到 15.00%');
    expect(
      cond(checkEligibility(ent(200, 16), app({ termMonths: 24 }), p), 'hiring_ratio').met,
    ).toBe(true);
    expect(cond(checkEligibility(ent(200, 16), app({ termMonths: 36 }), p), 'term').met).toBe(
      false,
    );
  });

  it('says a condition cannot be decided when nothing is configured', () => {
    const r = checkEligibility(returnee, app(), product('411302000000', '2019-01-01'));
    expect(r.eligible).toBe(false);
    expect(cond(r, 'amount')).toMatchObject({ met: null });
    expect(cond(r, 'amount').zh).toContain('尚未配置');
  });

  it('gives 奉节 white-list entities the green channel, others a 反担保 (演示值)', () => {
    const p = product('500236105000');
    const white = checkEligibility({ ...returnee, whiteListed: true }, app(), p);
    expect(white.counterGuarantee).toMatchObject({ required: false, ground: 'green_channel' });
    expect(white.counterGuarantee.zh).toContain('演示值');
    expect(checkEligibility(returnee, app(), p).counterGuarantee.required).toBe(true);
    // 万州: neither rule configured
    expect(
      checkEligibility(returnee, app(), product('500101000000')).counterGuarantee.required,
    ).toBeNull();
  });

  it('needs the declaration confirmed', () => {
    const r = checkEligibility(
      returnee,
      app({ declarations: { confirmed: false, otherLoans: [] } }),
      product('411302000000'),
    );
    expect(cond(r, 'declaration').met).toBe(false);
  });
});
