import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/table.js';
import { people } from '../../ledger/people/table.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import {
  entityBody,
  idNumberFor,
  mobileFor,
  personBody,
  seedPerson,
} from '../../../test/ledger-factories.js';
import { registerEntrepreneur } from '../../portal/accounts/portal-test-kit.js';

/**
 * Hostile text at the HTTP edge: control characters and broken characters in free-text fields are
 * refused with a coded 400 naming the field (never a 500), disguised ID and phone numbers are
 * refused, and zod's own issues reach a person as whole sentences in their language.
 */

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

interface Issue {
  path: string;
  code: string;
  message: string;
}

function issues(res: { json: () => unknown }): Issue[] {
  return (res.json() as { details: { issues: Issue[] } }).details.issues;
}

function expectRefused(
  res: { statusCode: number; body: string; json: () => unknown },
  path: string,
  code = 'TEXT_CONTROL_CHARACTER',
) {
  expect(res.statusCode, res.body).toBe(400);
  expect((res.json() as { code: string }).code).toBe('VALIDATION');
  expect(issues(res)).toContainEqual(expect.objectContaining({ path, code }));
}

describe('NUL and other control characters', () => {
  it('refuses a NUL in a person’s skills with a coded 400 naming the field', async () => {
    const res = await officer.post('/api/people', personBody({ skills: '电商\u0000运营' }));
    expectRefused(res, 'body.skills');
    expect(issues(res)[0]?.message).toBe('含有不可见的控制字符（如空字符），请删除后重新填写');
  });

  it('refuses a NUL in a person PATCH, and a lone surrogate too', async () => {
    const id = await seedPerson(t);
    expectRefused(
      await officer.patch(`/api/people/${id}`, { skills: 'a\u0000', version: 1 }),
      'body.skills',
    );
    expectRefused(
      await officer.patch(`/api/people/${id}`, { skills: '脐橙\ud83d', version: 1 }),
      'body.skills',
      'TEXT_LONE_SURROGATE',
    );
    expectRefused(
      await officer.patch(`/api/people/${id}`, { name: '王\u0000伟', version: 1 }),
      'body.name',
    );
  });

  it('refuses a NUL in an entity’s name and in its products', async () => {
    expectRefused(
      await officer.post('/api/entities', entityBody({ name: '奉节县\u0000加工厂' })),
      'body.name',
    );
    expectRefused(
      await officer.post('/api/entities', entityBody({ products: '遮阳网\u0000' })),
      'body.products',
    );
    expectRefused(
      await officer.post('/api/entities', entityBody({ parkUnit: '3 号厂房\n2 层' })),
      'body.parkUnit',
      'TEXT_LINE_BREAK',
    );
  });

  it('refuses a NUL in the portal profile', async () => {
    const me = await registerEntrepreneur(t, mobileFor());
    const res = await me.put('/api/portal/profile', {
      name: '李春燕',
      idNumber: idNumberFor({ birth: '19880312', sex: 'F' }),
      hukouRegionCode: XINGLONG,
      currentRegionCode: XINGLONG,
      categories: ['migrant_worker'],
      status: 'returned',
      education: 'senior',
      skills: '电商\u0000运营',
    });
    expectRefused(res, 'body.skills');
  });

  it('refuses a NUL in a login name with a 400 and leaves an audit record of the attempt', async () => {
    const before = await t.database.db.$count(auditLog);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'fj_officer\u0000', password: 'whatever' },
    });
    expectRefused(res, 'body.login');
    expect(await t.database.db.$count(auditLog)).toBe(before + 1);
  });

  it('keeps line breaks where a field is multi-line', async () => {
    const res = await officer.post('/api/people', personBody({ skills: '脐橙种植\r\n电商直播' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().skills).toBe('脐橙种植\n电商直播');
  });
});

describe('ID and mobile numbers in free text', () => {
  it('refuses the disguised numbers from the issue, and stores nothing', async () => {
    const count = await t.database.db.$count(people);
    for (const skills of [
      '电话(137)1234.5678 身份证500236/198503154565',
      '联系 １３７－１２３４－５６７８',
      `身份证 ${idNumberFor().replace(/(\d{6})(\d{8})/, '$1 / $2.')}`,
      '电话 137\u200b1234\u200b5678',
      '电话 幺三七 一二三四 五六七八',
    ]) {
      const res = await officer.post('/api/people', personBody({ skills }));
      expect(res.statusCode, skills).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'PERSONAL_NUMBER_IN_TEXT',
        details: { field: 'skills' },
      });
    }
    expect(await t.database.db.$count(people)).toBe(count);
  });
});

describe('zod’s own issues as sentences', () => {
  const LEAKS = /\b(?:string|int|number|boolean)\b|9007199254740991|期望|实际接收/;

  it('words a wrong type, a short text and a huge number in zh-CN without type names', async () => {
    const id = await seedPerson(t);
    const responses = [
      await officer.post('/api/people', personBody({ skills: 42 as unknown as string })),
      await officer.patch(`/api/people/${id}`, { skills: '技能', version: 2 ** 60 }),
      await officer.post('/api/people', { ...personBody(), monthsAway: 'twelve' }),
      await officer.post('/api/users', { login: 'ab', displayName: 'x', password: 1 }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(400);
      for (const issue of issues(res)) {
        expect(issue.message, JSON.stringify(issue)).toMatch(/\p{Script=Han}/u);
        expect(issue.message, JSON.stringify(issue)).not.toMatch(LEAKS);
      }
    }
  });

  it('answers the same issues in English on request', async () => {
    const res = await officer.post('/api/people', personBody({ skills: 42 as unknown as string }), {
      'accept-language': 'en',
    });
    const skills = issues(res).find((i) => i.path === 'body.skills');
    expect(skills?.message).toBe('Expected text');
  });

  it('marks a missing field as required rather than of the wrong type', async () => {
    const { name: _name, ...body } = personBody();
    const res = await officer.post('/api/people', body);
    expect(issues(res)).toContainEqual({
      path: 'body.name',
      code: 'TEXT_REQUIRED',
      message: '此项不能为空',
    });
  });
});

void FENGJIE;
