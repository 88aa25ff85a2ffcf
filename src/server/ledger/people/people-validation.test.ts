import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  type TestApp,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { createOfficers, loginOfficers } from '../../../test/officers.js';
import { idNumberFor, personBody } from '../../../test/ledger-factories.js';

/** Validation with Chinese reasons, and deduplication on the ID number. */

let t: TestApp;
let officer: Agent;
let town: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await createOfficers(t, 'ws_officer');
  [officer, town] = await loginOfficers(t, 'fj_officer', 'xl_officer');
});
afterAll(() => t.close());

describe('validation', () => {
  it('refuses a wrong check digit with a Chinese reason on the idNumber field', async () => {
    const good = idNumberFor();
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await officer.post('/api/people', personBody({ idNumber: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION',
      message: '提交的数据不符合要求，请检查标出的字段',
      details: {
        issues: [
          {
            path: 'body.idNumber',
            code: 'ID_NUMBER_CHECKSUM',
            message: '身份证号校验位不正确，请核对',
          },
        ],
      },
    });
  });

  it('answers the same issue in English when the client asks for it', async () => {
    const good = idNumberFor();
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await officer.post('/api/people', personBody({ idNumber: wrong }), {
      'accept-language': 'en',
    });
    expect(res.json().details.issues[0].message).toBe('The ID number check character is wrong');
  });

  it('refuses a sex that contradicts the ID number', async () => {
    const res = await officer.post(
      '/api/people',
      personBody({ idNumber: idNumberFor({ sex: 'F' }), sex: 'M' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues).toEqual([
      { path: 'body.sex', code: 'ID_NUMBER_SEX_MISMATCH', message: '性别与身份证号不一致' },
    ]);
  });

  it('accepts a historical county code (奉节 512226 before 1997) and derives sex and birth date', async () => {
    const id = idNumberFor({ county: '512226', birth: '19850315', sex: 'F' });
    const res = await officer.post('/api/people', personBody({ idNumber: id }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      sex: 'F',
      birthDate: '1985-03-15',
      idNumberMasked: '512226********' + id.slice(-4),
    });
  });

  it('refuses an unknown category and a malformed mobile with their codes', async () => {
    const res = await officer.post(
      '/api/people',
      personBody({ mobile: '12345', categories: ['astronaut' as 'other'] }),
    );
    expect(res.statusCode).toBe(400);
    const codes = res
      .json()
      .details.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`);
    expect(codes).toContain('body.mobile PHONE_FORMAT');
    expect(codes.some((c: string) => c.startsWith('body.categories.0 '))).toBe(true);
  });

  it('stores the ledger region from status and residence when none is given', async () => {
    const abroad = await officer.post(
      '/api/people',
      personBody({ status: 'abroad', currentRegionCode: '500236001000', returnDate: null }),
    );
    expect(abroad.json()).toMatchObject({ ledgerRegionCode: XINGLONG, status: 'abroad' });
  });
});

describe('deduplication on the ID number', () => {
  it('refuses the same ID number with PERSON_DUPLICATE naming the record in scope', async () => {
    const id = idNumberFor();
    const first = await officer.post('/api/people', personBody({ idNumber: id }));
    expect(first.statusCode).toBe(201);
    const spaced = ` ${id.toLowerCase()} `;
    const again = await town.post('/api/people', personBody({ idNumber: spaced, name: '另一人' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'PERSON_DUPLICATE',
      details: { existingId: first.json().id },
    });
  });

  it('does not reveal the id of a duplicate outside the actor scope', async () => {
    const id = idNumberFor();
    expect((await officer.post('/api/people', personBody({ idNumber: id }))).statusCode).toBe(201);
    const ws = await t.login('ws_officer');
    const res = await ws.post(
      '/api/people',
      personBody({ idNumber: id, hukouRegionCode: WUSHAN, currentRegionCode: WUSHAN }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PERSON_DUPLICATE', details: {} });
  });
});
