import { describe, expect, it } from 'vitest';
import { NATION_CODE } from '../regions/region-code.js';
import { wanToFen } from './money.js';
import {
  checkProductValue,
  interestSplit,
  partnershipCap,
  productAt,
  type ProductValue,
} from './products.js';
import { SEED_PRODUCT_VALUES } from './seed-values.js';

const at = (region: string, date: string) =>
  productAt(SEED_PRODUCT_VALUES, 'startup_guarantee', region, date);

describe('loan products as dated configuration', () => {
  it('gives the national caps of the day, with the earlier ones kept as history', () => {
    expect(at('411302000000', '2021-06-01').cap_individual?.value).toBe(wanToFen(20));
    expect(at('411302000000', '2021-06-01').cap_enterprise?.value).toBe(wanToFen(300));
    expect(at('411302000000', '2023-08-31').cap_individual?.value).toBe(wanToFen(20));
    const now = at('411302000000', '2023-09-01');
    expect(now.cap_individual?.value).toBe(wanToFen(30));
    expect(now.cap_enterprise?.value).toBe(wanToFen(400));
    expect(now.cap_individual?.regionCode).toBe(NATION_CODE);
    expect(now.cap_individual?.source).toMatch(/加大创业担保贷款支持力度/);
  });

  it('leaves a parameter empty before any value is in force', () => {
    expect(at('411300000000', '2019-01-01').cap_individual).toBeNull();
    expect(at('411300000000', '2025-01-01').rate_cap_over_lpr).toBeNull();
  });

  it('lets the nearest region win, and only inside that region', () => {
    const inFengjie = at('500236105000', '2024-03-01');
    expect(inFengjie.green_channel).toMatchObject({ value: true, illustrative: true });
    expect(inFengjie.green_channel?.regionCode).toBe('500236000000');
    expect(at('500101000000', '2024-03-01').green_channel).toBeNull(); // 万州区, not 奉节
    const county: ProductValue = {
      product: 'startup_guarantee',
      key: 'cap_individual',
      regionCode: '411302000000',
      validFrom: '2020-01-01',
      validTo: null,
      value: wanToFen(25),
      source: '演示：县级文件',
      illustrative: true,
    };
    const vals = [...SEED_PRODUCT_VALUES, county];
    // the county's older value beats the newer national one: nearest region first
    const p = productAt(vals, 'startup_guarantee', '411302001000', '2024-01-01');
    expect(p.cap_individual?.value).toBe(wanToFen(25));
    expect(
      productAt(vals, 'startup_guarantee', '411303000000', '2024-01-01').cap_individual?.value,
    ).toBe(wanToFen(30));
  });

  it('follows the LPR announcements day by day', () => {
    expect(at(NATION_CODE, '2024-10-20').lpr_1y?.value).toBe(335);
    expect(at(NATION_CODE, '2024-10-21').lpr_1y?.value).toBe(310);
    expect(at(NATION_CODE, '2025-06-01').lpr_1y?.value).toBe(300);
  });

  it('splits a contract rate into the borrower part (≤ LPR − 150 bp) and 贴息', () => {
    const p = at('411300000000', '2023-09-01'); // LPR 3.45 %
    expect(interestSplit(p, 345)).toEqual({ borrowerBp: 195, subsidyBp: 150 });
    expect(interestSplit(p, 150)).toEqual({ borrowerBp: 150, subsidyBp: 0 });
    expect(interestSplit(at('411300000000', '2019-01-01'), 345)).toBeNull();
  });

  it('raises a partnership cap 10 % over its members’ sum', () => {
    expect(partnershipCap(at('411300000000', '2024-01-01'), 3)).toBe(wanToFen(99));
  });

  it('validates a value against its parameter kind', () => {
    expect(checkProductValue('cap_individual', wanToFen(30), '2023-09-01', null)).toBeNull();
    expect(checkProductValue('cap_individual', 30.5, '2023-09-01', null)).toBe('VALUE_KIND');
    expect(checkProductValue('cap_individual', -1, '2023-09-01', null)).toBe('VALUE_RANGE');
    expect(checkProductValue('green_channel', 1, '2023-09-01', null)).toBe('VALUE_KIND');
    expect(checkProductValue('eligible_groups', [], '2023-09-01', null)).toBe('GROUPS_EMPTY');
    expect(checkProductValue('eligible_groups', ['veteran', 'veteran'], '2023-09-01', null)).toBe(
      'GROUP_DUPLICATE',
    );
    expect(checkProductValue('eligible_groups', ['pirate'], '2023-09-01', null)).toBe('VALUE_KIND');
    expect(checkProductValue('lpr_1y', 300, '2025-05-20', '2025-05-01')).toBe('PERIOD_REVERSED');
  });

  it('seeds only valid values, and marks every local one 演示值', () => {
    for (const v of SEED_PRODUCT_VALUES) {
      expect(checkProductValue(v.key, v.value, v.validFrom, v.validTo), v.key).toBeNull();
      expect(v.source.length).toBeGreaterThan(5);
      if (v.regionCode !== NATION_CODE) expect(v.illustrative).toBe(true);
    }
  });
});
