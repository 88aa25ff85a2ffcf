import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../identity/credit-code.js';
import {
  deriveEntityFlags,
  EntityCreate,
  type EntityCreateInput,
  entityConsistencyIssues,
  EntityUpdate,
} from './entity-schema.js';

const CREDIT = makeCreditCode('91500236MA5U1234X');
/** Same code with a wrong check character: an early pilot code, legal but suspicious. */
const PILOT = CREDIT.slice(0, 17) + (CREDIT.endsWith('0') ? '1' : '0');
const PERSON_A = '0b6e3a52-4f1c-4c8e-9a7d-2f5b8c1d3e4f';
const PERSON_B = '7d1f2c3b-5a6e-4f70-8b9c-0d1e2f3a4b5c';
const PARK = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

const valid: EntityCreateInput = {
  name: '奉节县兴隆镇遮阳网加工厂',
  creditCode: CREDIT,
  type: 'enterprise',
  industryCode: '29',
  regionCode: '500236104000',
  foundedOn: '2021-06-18',
  jobsCreated: 35,
  jobsPoverty: 12,
  annualRevenueWan: 860.5,
  products: '遮阳网、防虫网加工',
  links: [{ personId: PERSON_A, role: 'founder' }],
};

function issuesOf(r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (r.success) return 'OK';
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('EntityCreate', () => {
  it('accepts an entity and defaults flags, counts, products and links', () => {
    const e = EntityCreate.parse({
      name: '兴隆镇张三家庭农场',
      creditCode: CREDIT,
      type: 'family_farm',
      industryCode: 'A',
      regionCode: '500236104000',
      foundedOn: '2020-01-01',
    });
    expect(e).toMatchObject({
      isWorkshop: false,
      isEcommerce: false,
      employees: 0,
      jobsCreated: 0,
      jobsPoverty: 0,
      products: '',
      links: [],
    });
    expect(e).not.toHaveProperty('creditCodeWarning');
  });

  it('normalises the credit code and the industry code', () => {
    const e = EntityCreate.parse({
      ...valid,
      creditCode: ` ${CREDIT.toLowerCase()} `,
      industryCode: 'c',
    });
    expect(e.creditCode).toBe(CREDIT);
    expect(e.industryCode).toBe('C');
  });

  it('refuses a malformed credit code with CREDIT_CODE_FORMAT', () => {
    for (const bad of ['91500236MA5U1234', '9150023OMA5U1234XY', '']) {
      expect(issuesOf(EntityCreate.safeParse({ ...valid, creditCode: bad }))).toEqual({
        creditCode: 'CREDIT_CODE_FORMAT',
      });
    }
  });

  it('refuses a code failing its check character with CREDIT_CODE_CHECKSUM', () => {
    expect(issuesOf(EntityCreate.safeParse({ ...valid, creditCode: PILOT }))).toEqual({
      creditCode: 'CREDIT_CODE_CHECKSUM',
    });
  });

  it('accepts it marked as an early pilot code with a reason, and warns with CREDIT_CODE_CHECKSUM', () => {
    const e = EntityCreate.parse({
      ...valid,
      creditCode: PILOT,
      pilotCode: true,
      pilotCodeReason: '1998 年试点发放',
    });
    expect(e.creditCode).toBe(PILOT);
    expect(e.creditCodeWarning).toBe('CREDIT_CODE_CHECKSUM');
    expect(
      issuesOf(EntityCreate.safeParse({ ...valid, creditCode: PILOT, pilotCode: true })),
    ).toEqual({ pilotCodeReason: 'PILOT_CODE_REASON_REQUIRED' });
  });

  it('refuses more jobs for people lifted out of poverty than jobs created', () => {
    expect(
      issuesOf(EntityCreate.safeParse({ ...valid, jobsCreated: 10, jobsPoverty: 11 })),
    ).toEqual({
      jobsPoverty: 'JOBS_POVERTY_EXCEEDS',
    });
    expect(EntityCreate.safeParse({ ...valid, jobsCreated: 10, jobsPoverty: 10 }).success).toBe(
      true,
    );
    expect(issuesOf(EntityCreate.safeParse({ ...valid, jobsCreated: undefined }))).toEqual({
      jobsPoverty: 'JOBS_POVERTY_EXCEEDS',
    });
  });

  it('refuses negative or fractional head counts', () => {
    expect(issuesOf(EntityCreate.safeParse({ ...valid, employees: -1, jobsCreated: 2.5 }))).toEqual(
      {
        employees: 'COUNT_RANGE',
        jobsCreated: 'COUNT_RANGE',
      },
    );
  });

  it('checks amounts in 万元: non-negative with at most four decimals', () => {
    expect(
      EntityCreate.parse({ ...valid, registeredCapitalWan: 50.1234 }).registeredCapitalWan,
    ).toBe(50.1234);
    expect(issuesOf(EntityCreate.safeParse({ ...valid, registeredCapitalWan: 50.12345 }))).toEqual({
      registeredCapitalWan: 'AMOUNT_DECIMALS',
    });
    expect(issuesOf(EntityCreate.safeParse({ ...valid, annualRevenueWan: -1 }))).toEqual({
      annualRevenueWan: 'AMOUNT_RANGE',
    });
  });

  it('checks name length, industry, region, date, park and free text', () => {
    expect(
      issuesOf(
        EntityCreate.safeParse({
          ...valid,
          name: ' 厂 ',
          industryCode: '98',
          regionCode: '5002361040',
          foundedOn: '2021-13-01',
          parkOrgId: 'park-1',
          parkUnit: '单'.repeat(51),
          products: '网'.repeat(501),
        }),
      ),
    ).toEqual({
      name: 'ENTITY_NAME_LENGTH',
      industryCode: 'INDUSTRY_CODE_UNKNOWN',
      regionCode: 'REGION_CODE_FORMAT',
      foundedOn: 'DATE_FORMAT',
      parkOrgId: expect.any(String),
      parkUnit: 'TEXT_TOO_LONG',
      products: 'TEXT_TOO_LONG',
    });
    expect(EntityCreate.safeParse({ ...valid, name: '名'.repeat(100) }).success).toBe(true);
    expect(EntityCreate.safeParse({ ...valid, type: 'workshop' }).success).toBe(false);
  });

  it('needs a park before a unit in it', () => {
    expect(issuesOf(EntityCreate.safeParse({ ...valid, parkUnit: '3号厂房' }))).toEqual({
      parkUnit: 'PARK_UNIT_WITHOUT_PARK',
    });
    expect(EntityCreate.parse({ ...valid, parkOrgId: PARK, parkUnit: '3号厂房' }).parkUnit).toBe(
      '3号厂房',
    );
  });

  it('lets a person hold several roles but not the same role twice', () => {
    const links = [
      { personId: PERSON_A, role: 'founder' },
      { personId: PERSON_A, role: 'legal_rep' },
      { personId: PERSON_B, role: 'core_member' },
    ] as const;
    expect(EntityCreate.parse({ ...valid, links: [...links] }).links).toHaveLength(3);
    const twice = [...links, { personId: PERSON_A.toUpperCase(), role: 'founder' as const }];
    expect(issuesOf(EntityCreate.safeParse({ ...valid, links: twice }))).toEqual({
      'links.3': 'ENTITY_LINK_DUPLICATE',
    });
    expect(
      EntityCreate.safeParse({ ...valid, links: [{ personId: 'x', role: 'founder' }] }).success,
    ).toBe(false);
  });
});

describe('EntityUpdate', () => {
  it('accepts any subset with the version last read, without defaults', () => {
    expect(EntityUpdate.parse({ version: 4, employees: 40 })).toEqual({
      version: 4,
      employees: 40,
    });
    expect(EntityUpdate.safeParse({ employees: 40 }).success).toBe(false);
  });

  it('checks jobs only when both counts are in the patch', () => {
    expect(EntityUpdate.safeParse({ version: 4, jobsPoverty: 99 }).success).toBe(true);
    expect(
      issuesOf(EntityUpdate.safeParse({ version: 4, jobsCreated: 5, jobsPoverty: 6 })),
    ).toEqual({
      jobsPoverty: 'JOBS_POVERTY_EXCEEDS',
    });
  });

  it('carries the checksum warning when the patch changes the credit code', () => {
    expect(EntityUpdate.parse({ version: 4, creditCode: PILOT })).toEqual({
      version: 4,
      creditCode: PILOT,
      creditCodeWarning: 'CREDIT_CODE_CHECKSUM',
    });
  });

  it('lets null clear the park, but not a unit left without a park', () => {
    expect(EntityUpdate.parse({ version: 4, parkOrgId: null, parkUnit: null })).toEqual({
      version: 4,
      parkOrgId: null,
      parkUnit: null,
    });
    expect(
      issuesOf(EntityUpdate.safeParse({ version: 4, parkOrgId: null, parkUnit: 'A1' })),
    ).toEqual({
      parkUnit: 'PARK_UNIT_WITHOUT_PARK',
    });
  });
});

describe('entityConsistencyIssues and deriveEntityFlags', () => {
  it('checks a merged record the same way', () => {
    expect(entityConsistencyIssues({ jobsCreated: 10, jobsPoverty: 12 })).toEqual([
      { path: ['jobsPoverty'], code: 'JOBS_POVERTY_EXCEEDS' },
    ]);
    expect(entityConsistencyIssues({ jobsPoverty: 12 })).toEqual([]);
  });

  it('flags 规上 from annual revenue of 2000万元 or more', () => {
    expect(deriveEntityFlags({ annualRevenueWan: 2000 })).toEqual({ aboveScale: true });
    expect(deriveEntityFlags({ annualRevenueWan: 860.5 })).toEqual({ aboveScale: false });
    expect(deriveEntityFlags({ annualRevenueWan: null })).toEqual({ aboveScale: false });
    expect(deriveEntityFlags(EntityCreate.parse({ ...valid, annualRevenueWan: 2600 }))).toEqual({
      aboveScale: true,
    });
  });
});
