import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, TUXIANG } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { idNumberFor, seedPerson } from '../../../test/ledger-factories.js';

/**
 * Chinese text search, filters, sorting and paging of the people list. Every expectation is an
 * exact, ordered list, so running this file on PGlite and on PostgreSQL (TEST_DATABASE_URL)
 * proves both give identical results.
 */

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer] = await loginOfficers(t, 'fj_officer');
  const people = [
    {
      name: '张三',
      skills: '返乡创业带头人，电商直播',
      status: 'started',
      categories: ['migrant_worker'],
      education: 'junior',
      returnDate: '2021-05-01',
      birth: '19800101',
    },
    {
      name: '李四',
      skills: '创业返乡后种植柑橘',
      status: 'returned',
      categories: ['graduate'],
      education: 'bachelor',
      returnDate: '2023-02-10',
      birth: '19950315',
    },
    {
      name: '王五',
      skills: '返乡务农，乡村创业培训学员',
      status: 'returned',
      categories: ['veteran', 'migrant_worker'],
      education: 'senior',
      returnDate: '2022-08-20',
      birth: '19881212',
    },
    {
      name: '赵六',
      skills: '在深圳做电子厂技术员',
      status: 'abroad',
      categories: ['scientist'],
      education: 'college',
      returnDate: null,
      birth: '19900606',
    },
    {
      name: '阿依古丽·买买提',
      skills: '刺绣 返乡创业',
      status: 'intending',
      categories: ['poverty_relief'],
      education: 'primary',
      returnDate: null,
      birth: '19930909',
    },
  ] as const;
  for (const [i, p] of people.entries()) {
    t.clock.advance(60_000);
    const region = i === 2 ? TUXIANG : undefined;
    await seedPerson(
      t,
      {
        name: p.name,
        skills: p.skills,
        status: p.status,
        categories: [...p.categories],
        education: p.education,
        returnDate: p.returnDate,
        idNumber: idNumberFor({ birth: p.birth }),
        ...(region ? { hukouRegionCode: region, currentRegionCode: region } : {}),
      },
      region,
    );
  }
});
afterAll(() => t.close());

async function names(query: string): Promise<string[]> {
  const res = await officer.get(`/api/people?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { name: string }[] }>().items.map((p) => p.name);
}
const q = (text: string) => `q=${encodeURIComponent(text)}&sort=name`;

describe('searching people', () => {
  it('finds 返乡创业 as a phrase in skills, not people with the words apart', async () => {
    expect(await names(q('返乡创业'))).toEqual(['张三', '阿依古丽·买买提']);
  });

  it('finds by a single character, a name and a word inside a name', async () => {
    expect(await names(q('柑'))).toEqual(['李四']);
    expect(await names(q('王五'))).toEqual(['王五']);
    expect(await names(q('古丽'))).toEqual(['阿依古丽·买买提']);
  });

  it('treats a query without searchable text as no text filter, and unknown text as no match', async () => {
    expect(await names(`q=${encodeURIComponent('，。')}&sort=name`)).toHaveLength(5);
    expect(await names(q('养蜂'))).toEqual([]);
  });
});

describe('filtering people', () => {
  it('filters by any of several categories, by status, education and return dates', async () => {
    expect(await names('category=veteran,scientist&sort=name')).toEqual(['王五', '赵六']);
    expect(await names('category=veteran&category=graduate&sort=name')).toEqual(['李四', '王五']);
    expect(await names('status=returned&sort=name')).toEqual(['李四', '王五']);
    expect(await names('education=primary,junior&sort=name')).toEqual(['张三', '阿依古丽·买买提']);
    expect(await names('returnedFrom=2022-01-01&returnedTo=2022-12-31')).toEqual(['王五']);
    expect(await names(`region=${TUXIANG}`)).toEqual(['王五']);
  });

  it('refuses an unknown status with VALIDATION', async () => {
    const res = await officer.get('/api/people?status=retired');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0].path).toBe('querystring.status.0');
  });
});

describe('sorting and paging people', () => {
  it('sorts by name, birth date and return date with nulls last, either way', async () => {
    expect(await names('sort=name')).toEqual(['张三', '李四', '王五', '赵六', '阿依古丽·买买提']);
    expect(await names('sort=birthDate&order=desc')).toEqual([
      '李四',
      '阿依古丽·买买提',
      '赵六',
      '王五',
      '张三',
    ]);
    const byReturn = (await officer.get('/api/people?sort=returnDate')).json().items;
    expect(byReturn.slice(0, 3).map((p: { name: string }) => p.name)).toEqual([
      '张三',
      '王五',
      '李四',
    ]);
    // The two without a return date come last, in id order (the tie-break).
    const tail = byReturn.slice(3).map((p: { id: string }) => p.id);
    expect(tail).toEqual([...tail].sort());
    expect(await names('sort=returnDate&order=desc').then((n) => n.slice(0, 3))).toEqual([
      '李四',
      '王五',
      '张三',
    ]);
  });

  it('lists the most recently updated first by default', async () => {
    expect(await names('')).toEqual(['阿依古丽·买买提', '赵六', '王五', '李四', '张三']);
  });

  it('pages with a stable order and the total', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const res = (await officer.get(`/api/people?sort=name&pageSize=2&page=${page}`)).json();
      expect(res).toMatchObject({ total: { value: 5, exact: true }, page, pageSize: 2 });
      pages.push(...res.items.map((p: { name: string }) => p.name));
    }
    expect(pages).toEqual(await names('sort=name'));
  });
});
