import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { idNumberFor, mobileFor, personBody, seedEntity } from '../../../test/ledger-factories.js';

/**
 * The dump scan: after people are created, changed, linked, merged and unmasked through the API,
 * every row of every table in every non-system schema is read as JSON text and searched for the
 * plaintext ID and phone numbers. This stands in for scanning a `pg_dump` (which the test
 * environment cannot run against the in-memory PGlite): a dump holds exactly these rows.
 */

let t: TestApp;
let officer: Agent;
const secrets: string[] = [];

interface Row {
  [k: string]: unknown;
}

async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
  const res: unknown = await t.database.db.execute(query);
  return (res as { rows: Row[] }).rows;
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer] = await loginOfficers(t, 'fj_officer');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const idNumber = idNumberFor({ sex: i % 2 ? 'F' : 'M' });
    const mobile = mobileFor();
    secrets.push(idNumber, mobile);
    const res = await officer.post(
      '/api/people',
      personBody({ idNumber, mobile, skills: '返乡创业 电商' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  const newMobile = mobileFor();
  const newId = idNumberFor();
  secrets.push(newMobile, newId);
  await officer.patch(`/api/people/${ids[0]}`, { mobile: newMobile, idNumber: newId, version: 1 });
  await officer.post(`/api/people/${ids[1]}/unmask`, {
    reason: `核验 ${secrets[2]}，${secrets[3]}`,
    fields: ['idNumber', 'mobile'],
  });
  await officer.post(`/api/people/${ids[2]}/merge`, { duplicateId: ids[3], version: 1 });
  await seedEntity(t, { links: [{ personId: ids[4]!, role: 'founder' }] });
  // A search by number goes through the blind index; it must not leave the number behind either.
  await officer.get(`/api/people?q=${secrets[4]}`);
});
afterAll(() => t.close());

describe('dump scan', () => {
  it('finds no plaintext ID number or phone number in any column of any table', async () => {
    const tables = await rows(sql`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY table_schema, table_name`);
    const names = tables.map((r) => `${String(r.table_schema)}.${String(r.table_name)}`);
    expect(names).toEqual(
      expect.arrayContaining(['public.people', 'public.record_history', 'public.audit_log']),
    );
    let scanned = 0;
    for (const r of tables) {
      const table = sql`${sql.identifier(String(r.table_schema))}.${sql.identifier(String(r.table_name))}`;
      const dump = await rows(sql`SELECT row_to_json(t)::text AS line FROM ${table} t`);
      scanned += dump.length;
      const text = dump.map((d) => String(d.line)).join('\n');
      for (const secret of secrets) {
        expect(text.includes(secret), `${String(r.table_name)} holds a plaintext number`).toBe(
          false,
        );
      }
    }
    expect(scanned).toBeGreaterThan(100);
  });

  it('refuses free text that carries an ID or mobile number, so none reaches the dump', async () => {
    const p = (await officer.get('/api/people?pageSize=1')).json().items[0];
    const res = await officer.patch(`/api/people/${p.id}`, {
      skills: `电焊，电话 ${secrets[1]!.slice(0, 3)}-${secrets[1]!.slice(3, 7)}-${secrets[1]!.slice(7)}`,
      version: p.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'PERSONAL_NUMBER_IN_TEXT',
      details: { field: 'skills' },
    });
    const created = await officer.post(
      '/api/people',
      personBody({ skills: `身份证 ${secrets[0]}` }),
    );
    expect(created.json().code).toBe('PERSONAL_NUMBER_IN_TEXT');
  });

  it('still holds each number encrypted: the unmasking route gives it back', async () => {
    const list = (await officer.get('/api/people?sort=name')).json();
    const found: string[] = [];
    for (const p of list.items) {
      const res = await officer.post(`/api/people/${p.id}/unmask`, {
        reason: '数据核验测试',
        fields: ['idNumber', 'mobile'],
      });
      found.push(res.json().idNumber, res.json().mobile);
    }
    expect(found.every((v) => secrets.includes(v))).toBe(true);
  });
});
