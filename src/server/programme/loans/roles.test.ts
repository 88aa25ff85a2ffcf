import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../../domain/access/roles.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  tempDataDir,
} from '../../../test/harness.js';
import { createLoanOrgs, type LoanOrgs, seedCase } from '../../../test/case-factories.js';
import { seedPerson } from '../../../test/ledger-factories.js';
import { loginOfficers } from '../../../test/officers.js';
import { loanApplicationBody } from '../../../test/route-cases.js';

/**
 * The loan roles apart (issue 10, w4-loan-roles): the guarantee agency's reviewer
 * (guarantee_reviewer) works only steps routed to a guarantee agency, the lending bank's
 * (bank_reviewer) only the bank's, finance (finance_staff) pays 贴息 and records fund deposits,
 * and 成员单位经办人 (dept_staff) no longer does either. Org-scoped roles are granted only on
 * organisations of their type.
 */

let t: TestApp;
let orgs: LoanOrgs;
let town: Agent;
let guarantee: Agent;
let bank: Agent;
let dept: Agent;
let finance: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('loan-roles') } });
  orgs = await createLoanOrgs(t);
  [town] = await loginOfficers(t, 'xl_officer');
  const finOrg = await t.createOrg('奉节县财政局', 'finance', FENGJIE);
  const orgUser = async (login: string, role: string, orgId: string) => {
    await t.createUser({ login, grants: [{ role, orgId, scopeType: 'org' }] });
    return t.login(login);
  };
  guarantee = await orgUser('r_guarantee', 'guarantee_reviewer', orgs.guarantee);
  bank = await orgUser('r_bank', 'bank_reviewer', orgs.bank);
  dept = await orgUser('r_dept', 'dept_staff', orgs.hrss);
  finance = await orgUser('r_finance', 'finance_staff', finOrg);
  await t.createUser({
    login: 'r_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  admin = await t.login('r_sys');
});
afterAll(() => t.close());

async function fire(agent: Agent, id: string, transition: string, fields?: object) {
  const cur = await town.get(`/api/cases/${id}`);
  expect(cur.statusCode, cur.body).toBe(200);
  return agent.post(`/api/cases/${id}/transitions`, {
    transition,
    version: cur.json().version as number,
    ...(fields ? { fields } : {}),
  });
}

describe('the role catalog', () => {
  it('keeps paying 贴息 and the fund deposits with finance, and bank and guarantee apart', () => {
    const perms = (code: string) =>
      new Set(BUILTIN_ROLES.find((r) => r.code === code)?.permissions);
    expect(perms('dept_staff').has('subsidy.pay')).toBe(false);
    expect(perms('dept_staff').has('fund.manage')).toBe(false);
    expect(perms('finance_staff').has('subsidy.pay')).toBe(true);
    expect(perms('finance_staff').has('fund.manage')).toBe(true);
    expect(perms('finance_staff').has('case.work')).toBe(false);
    expect(perms('guarantee_reviewer').has('loan.repay')).toBe(false);
    expect(perms('bank_reviewer').has('loan.repay')).toBe(true);
  });
});

describe('guarantee and bank steps', () => {
  it('lets only the guarantee agency fire the guarantee step and only the bank the bank step', async () => {
    const atGuarantee = await seedCase(t, { bankOrgId: orgs.bank, state: 'guarantee_review' });
    const byBank = await fire(bank, atGuarantee.id, 'guarantee_approve');
    expect(byBank.statusCode, byBank.body).toBe(403);
    expect(byBank.json().code).toBe('CASE_NOT_YOUR_STEP');
    const ok = await fire(guarantee, atGuarantee.id, 'guarantee_approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('bank_review');

    const approve = { approvedAmountFen: 10_000_000, approvedTermMonths: 24 };
    const byGuarantee = await fire(guarantee, atGuarantee.id, 'bank_approve', approve);
    expect(byGuarantee.statusCode, byGuarantee.body).toBe(403);
    expect(byGuarantee.json().code).toBe('CASE_NOT_YOUR_STEP');
    const byTheBank = await fire(bank, atGuarantee.id, 'bank_approve', approve);
    expect(byTheBank.statusCode, byTheBank.body).toBe(200);
  });

  it('refuses a repayment from the guarantee agency (no loan.repay)', async () => {
    const c = await seedCase(t, { bankOrgId: orgs.bank, state: 'repaying' });
    const r = await guarantee.post(`/api/loans/${c.id}/repayments`, {
      paidOn: '2026-11-30',
      principalFen: 0,
      interestFen: 100,
    });
    expect(r.statusCode).toBe(403);
  });

  it('shows the guarantee reviewer the files at its step in its 待办', async () => {
    const id = (
      await town.post(
        '/api/loans/applications',
        loanApplicationBody(await seedPerson(t), orgs.bank),
      )
    ).json().caseId as string;
    const atGuarantee = await seedCase(t, { bankOrgId: orgs.bank, state: 'guarantee_review' });
    const q = await guarantee.get('/api/cases/queue?tab=todo&limit=100');
    expect(q.statusCode, q.body).toBe(200);
    const ids = q.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(atGuarantee.id);
    expect(ids).not.toContain(id);
  });
});

describe('贴息 and the fund', () => {
  it('lets finance build claims and record deposits, and refuses 成员单位经办人', async () => {
    const body = { quarter: '2026-Q3', regionCode: FENGJIE };
    expect((await dept.post('/api/subsidy-claims/build', body)).statusCode).toBe(403);
    const built = await finance.post('/api/subsidy-claims/build', body);
    expect(built.statusCode, built.body).toBe(200);
    const deposit = {
      regionCode: FENGJIE,
      source: 'fiscal',
      amountFen: 100_000_000,
      date: '2026-01-10',
      document: '奉财社〔2026〕3号',
    };
    expect((await dept.post('/api/guarantee-fund/deposits', deposit)).statusCode).toBe(403);
    const ok = await finance.post('/api/guarantee-fund/deposits', deposit);
    expect(ok.statusCode, ok.body).toBe(200);
    const seen = await guarantee.get(`/api/guarantee-fund?region=${FENGJIE}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().depositsFen).toBeGreaterThanOrEqual(100_000_000);
  });
});

describe('granting the org-scoped loan roles', () => {
  it('grants bank_reviewer on a bank only and guarantee_reviewer on a guarantee agency only', async () => {
    const who = await t.createUser({ login: 'r_new', region: FENGJIE });
    const grant = (roleCode: string, orgId: string) =>
      admin.post(`/api/users/${who}/grants`, { roleCode, scopeType: 'org', orgId });
    const wrong = await grant('bank_reviewer', orgs.guarantee);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('SCOPE_INVALID');
    expect(wrong.json().message).toContain('经办银行');
    expect((await grant('guarantee_reviewer', orgs.bank)).json().code).toBe('SCOPE_INVALID');
    expect((await grant('guarantee_reviewer', orgs.guarantee)).statusCode).toBe(201);
  });
});
