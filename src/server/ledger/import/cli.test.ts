import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';
import { exportFileAs } from '../export/cli.js';
import { people } from '../people/table.js';
import { importFileAs, writeErrorReport } from './cli.js';
import { csvText, PEOPLE_HEADERS, personCells } from './test-fixtures.js';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fx-cli-'));
  t = await createTestApp({ provinces: ['50'], config: { dataDir: dir } });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  await t.createUser({ login: 'fj_dept', grants: [{ role: 'dept_staff', region: FENGJIE }] });
});
afterAll(() => t.close());

describe('fanxiang ledger import / export (in-process)', () => {
  it('imports a file as an account, leaves the file, audits the operator and reports errors', async () => {
    const file = path.join(dir, 'people.csv');
    writeFileSync(
      file,
      csvText(PEOPLE_HEADERS, [personCells({ 姓名: '命令行' }), personCells({ 手机号: '123' })]),
    );
    const seen: number[] = [];
    const job = await importFileAs(t.deps, {
      file,
      kind: 'people',
      login: 'fj_officer',
      operator: 'cli:tester',
      onProgress: (done) => seen.push(done),
    });
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ total: 2, created: 1, failed: 1 });
    expect(seen).toEqual([2]);
    expect(existsSync(file)).toBe(true);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, job.id));
    expect(audit).toMatchObject({
      action: 'ledger.import',
      actorLogin: 'cli:tester',
      ip: 'local',
      details: { as: 'fj_officer', kind: 'people' },
    });
    const [p] = await t.database.db.select().from(people).where(eq(people.name, '命令行'));
    expect(p?.createdBy).not.toBeNull();
    const report = path.join(dir, 'errors.xlsx');
    await writeErrorReport(t.deps, job.id, report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets[0]!.getRow(2).getCell(3).text).toBe('手机号');
  });

  it('refuses an account without the permissions, and an unknown one', async () => {
    const file = path.join(dir, 'people.csv');
    const o = { file, kind: 'people' as const, operator: 'cli:tester' };
    await expect(importFileAs(t.deps, { ...o, login: 'fj_dept' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(importFileAs(t.deps, { ...o, login: 'nobody' })).rejects.toMatchObject({
      code: 'LOGIN_UNKNOWN',
    });
  });

  it('exports as an account, masked unless unmasking with a reason', async () => {
    const out = path.join(dir, 'out.xlsx');
    expect(
      await exportFileAs(t.deps, { kind: 'people', login: 'fj_officer', out, query: {} }),
    ).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).text).toBe('身份证号（已脱敏）');
    const unmask = { kind: 'people' as const, login: 'fj_officer', out, query: { unmask: 'true' } };
    await expect(exportFileAs(t.deps, unmask)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(
      await exportFileAs(t.deps, { ...unmask, query: { unmask: 'true', reason: '上报核对' } }),
    ).toBe(1);
  });
});
