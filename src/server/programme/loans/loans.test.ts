import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  tempDataDir,
} from '../../../test/harness.js';
import { createLoanOrgs, type LoanOrgs } from '../../../test/case-factories.js';
import { seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { loginOfficers } from '../../../test/officers.js';
import { loanApplicationBody } from '../../../test/route-cases.js';
import { cases } from '../cases/table.js';
import { loanTransitionEffect } from './effects.js';
import { loanCreditParks, loanRepayments, loanSchedules } from './table.js';

/**
 * Guarantee loans over HTTP on a real database: the pre-check explained in zh-CN and a hard
 * failure refused, the whole route from the application to 结清 with repayments, 展期 keeping
 * the earlier schedule, 代偿 only after 90 days with the fund's share, the 绿色通道 of a 信用园区,
 * and a disbursement that fails midway leaving nothing behind.
 */

let t: TestApp;
let orgs: LoanOrgs;
let town: Agent;
let county: Agent;
let hrss: Agent;
let guarantee: Agent;
let bank: Agent;
let otherBank: Agent;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('loans') } });
  orgs = await createLoanOrgs(t);
  [town, county] = await loginOfficers(t, 'xl_officer', 'fj_officer');
  const orgUser = async (login: string, role: string, orgId: string) => {
    await t.createUser({ login, grants: [{ role, orgId, scopeType: 'org' }] });
    return t.login(login);
  };
  hrss = await orgUser('fj_hrss', 'dept_staff', orgs.hrss);
  guarantee = await orgUser('fj_guarantee', 'guarantee_reviewer', orgs.guarantee);
  bank = await orgUser('fj_bank', 'bank_reviewer', orgs.bank);
  otherBank = await orgUser('fj_psbc', 'bank_reviewer', orgs.otherBank);
});
afterAll(() => t.close());

async function fire(agent: Agent, id: string, transition: string, fields?: object) {
  const cur = await agent.get(`/api/cases/${id}`);
  expect(cur.statusCode, cur.body).toBe(200);
  return agent.post(`/api/cases/${id}/transitions`, {
    transition,
    version: cur.json().version,
    ...(fields ? { fields } : {}),
  });
}

async function apply(over: Record<string, unknown> = {}): Promise<string> {
  const res = await town.post('/api/loans/applications', {
    ...loanApplicationBody(await seedPerson(t), orgs.bank),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as string;
}

/** Files, then moves the file to 还款中 (disbursed 10万 on 2026-11-23 for 24 months at 3.45 %). */
async function disbursed(): Promise<string> {
  const id = await apply();
  for (const [agent, tr] of [
    [town, 'accept'],
    [hrss, 'eligible'],
    [guarantee, 'guarantee_approve'],
  ] as const) {
    const r = await fire(agent, id, tr);
    expect(r.statusCode, r.body).toBe(200);
  }
  const ok = await fire(bank, id, 'bank_approve', {
    approvedAmountFen: 10_000_000,
    approvedTermMonths: 24,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  const d = await fire(bank, id, 'disburse', {
    disbursedFen: 10_000_000,
    disbursedOn: '2026-11-23',
    annualRateBp: 345,
    maturityOn: '2028-11-23',
  });
  expect(d.statusCode, d.body).toBe(200);
  return id;
}

describe('the pre-check and the application', () => {
  it('explains each condition in zh-CN and refuses a hard failure with the conditions listed', async () => {
    const person = await seedPerson(t);
    const pre = await town.get(
      `/api/loans/eligibility?personId=${person}&kind=individual&amountFen=35000000&termMonths=24`,
    );
    expect(pre.statusCode, pre.body).toBe(200);
    const v = pre.json();
    expect(v.refused).toBe(true);
    const amount = v.conditions.find((c: { code: string }) => c.code === 'amount');
    expect(amount.met).toBe(false);
    expect(amount.zh).toContain('超过个人上限');
    expect(v.conditions.find((c: { code: string }) => c.code === 'group').met).toBe(true);

    const refused = await town.post('/api/loans/applications', {
      ...loanApplicationBody(person, orgs.bank),
      amountFen: 35_000_000,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('LOAN_INELIGIBLE');
    expect(refused.json().message).toContain('不符合创业担保贷款条件');
    expect(refused.json().message).toContain('超过个人上限');
    const none = await t.database.db.select().from(cases).where(eq(cases.subjectPersonId, person));
    expect(none).toHaveLength(0);
  });

  it('files a guarantee-loan case with the application and its pre-check, in the officer’s scope only', async () => {
    const id = await apply();
    const c = (await town.get(`/api/cases/${id}`)).json();
    expect(c).toMatchObject({ type: 'guarantee-loan', state: 'submitted' });
    expect(c.data).toMatchObject({
      amountFen: 10_000_000,
      collateral: '林权',
      greenChannel: false,
    });
    const loan = (await town.get(`/api/loans/${id}`)).json();
    expect(loan.application.amountFen).toBe(10_000_000);
    expect(loan.eligibility.conditions.length).toBeGreaterThan(0);
    expect(loan.schedules).toEqual([]);

    const [ws] = await loginOfficers(t, 'ws_officer');
    const outside = await ws.post('/api/loans/applications', {
      ...loanApplicationBody(await seedPerson(t), orgs.bank),
    });
    expect(outside.statusCode).toBe(403);
    expect((await ws.get(`/api/loans/${id}`)).statusCode).toBe(404);

    const banks = (await town.get('/api/loans/banks?region=500236128000')).json();
    expect(banks.items.map((b: { id: string }) => b.id)).toEqual(
      expect.arrayContaining([orgs.bank, orgs.otherBank]),
    );
  });

  it('takes the 绿色通道 for a tenant of a 信用园区 (no guarantee step)', async () => {
    const park = await t.createOrg('奉节县返乡创业园', 'park', '500236000000');
    await t.database.db.insert(loanCreditParks).values({
      parkOrgId: park,
      listedOn: '2025-01-01',
      document: '演示值',
      createdAt: t.clock.read(),
    });
    const entity = await seedEntity(t, { parkOrgId: park });
    const res = await town.post('/api/loans/applications', {
      ...loanApplicationBody(await seedPerson(t), orgs.bank),
      kind: 'enterprise',
      entityId: entity,
      amountFen: 100_000_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().eligibility.greenChannel).toBe(true);
    const id = res.json().caseId;
    expect((await fire(town, id, 'accept')).statusCode).toBe(200);
    const green = await fire(hrss, id, 'eligible_green');
    expect(green.statusCode, green.body).toBe(200);
    expect(green.json().state).toBe('bank_review');
  });
});

describe('from disbursement to 结清', () => {
  it('lays down the schedule, takes the bank’s repayments, keeps the old schedule on 展期, settles when repaid', async () => {
    const id = await disbursed();
    let loan = (await bank.get(`/api/loans/${id}`)).json();
    expect(loan.schedules).toHaveLength(1);
    const s = loan.schedules[0];
    expect(s).toMatchObject({ revision: 1, current: true, principalFen: 10_000_000 });
    expect(s.installments).toHaveLength(8);
    expect(s.subsidyBp).toBeGreaterThan(0);
    for (const i of s.installments) expect(i.borrowerFen + i.subsidyFen).toBe(i.interestFen);
    expect(loan.outstandingPrincipalFen).toBe(10_000_000);

    // only the lending bank records repayments
    const pay = { paidOn: '2027-02-23', dueDate: '2027-02-23', principalFen: 0, interestFen: 1 };
    expect((await county.post(`/api/loans/${id}/repayments`, pay)).json().code).toBe('FORBIDDEN');
    // the guarantee agency reads the file but records no repayments (guarantee_reviewer has no
    // loan.repay), and a bank officer of another bank does not even see it
    expect((await guarantee.post(`/api/loans/${id}/repayments`, pay)).json().code).toBe(
      'FORBIDDEN',
    );
    expect((await otherBank.post(`/api/loans/${id}/repayments`, pay)).statusCode).toBe(404);
    const tooMuch = await bank.post(`/api/loans/${id}/repayments`, {
      ...pay,
      principalFen: 10_000_001,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().code).toBe('LOAN_REPAYMENT_INVALID');

    // 展期: a new schedule to the new maturity, the first kept
    const ext = await fire(bank, id, 'extend', { maturityOn: '2029-05-23' });
    expect(ext.statusCode, ext.body).toBe(200);
    loan = (await bank.get(`/api/loans/${id}`)).json();
    expect(
      loan.schedules.map((x: { revision: number; current: boolean }) => [x.revision, x.current]),
    ).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(loan.schedules[1].maturityOn).toBe('2029-05-23');
    expect(loan.schedules[1].reason).toBe('extension');

    for (const i of loan.schedules[1].installments as {
      dueDate: string;
      borrowerFen: number;
      principalFen: number;
    }[]) {
      const r = await bank.post(`/api/loans/${id}/repayments`, {
        paidOn: i.dueDate,
        dueDate: i.dueDate,
        principalFen: i.principalFen,
        interestFen: i.borrowerFen,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    loan = (await bank.get(`/api/loans/${id}`)).json();
    expect(loan.outstandingPrincipalFen).toBe(0);
    const settled = await fire(bank, id, 'settle', { settledOn: '2029-05-23' });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json().state).toBe('settled');
    const late = await bank.post(`/api/loans/${id}/repayments`, pay);
    expect(late.json().code).toBe('LOAN_NOT_DISBURSED');
  });

  it('refuses to settle while principal is outstanding', async () => {
    const id = await disbursed();
    const r = await fire(bank, id, 'settle', { settledOn: '2027-01-01' });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('LOAN_REPAYMENT_INVALID');
    expect(r.json().message).toContain('尚有未还本金');
  });
});

describe('a disbursement that fails midway', () => {
  it('leaves neither the move nor a schedule row, and the next attempt succeeds', async () => {
    const id = await apply();
    for (const [agent, tr] of [
      [town, 'accept'],
      [hrss, 'eligible'],
      [guarantee, 'guarantee_approve'],
    ] as const) {
      expect((await fire(agent, id, tr)).statusCode).toBe(200);
    }
    expect(
      (
        await fire(bank, id, 'bank_approve', {
          approvedAmountFen: 10_000_000,
          approvedTermMonths: 24,
        })
      ).statusCode,
    ).toBe(200);
    const fields = {
      disbursedFen: 10_000_000,
      disbursedOn: '2027-03-01',
      annualRateBp: 345,
      maturityOn: '2029-03-01',
    };
    const saved = t.deps.caseHooks;
    t.deps.caseHooks = {
      ...saved,
      effects: {
        'guarantee-loan': {
          on: ['disburse'],
          run: async (tx, e) => {
            await loanTransitionEffect.run(tx, e); // the schedule row is written…
            throw new Error('simulated crash after the schedule was written');
          },
        },
      },
    };
    try {
      const crashed = await fire(bank, id, 'disburse', fields);
      expect(crashed.statusCode).toBe(500);
    } finally {
      t.deps.caseHooks = saved;
    }
    const db = t.database.db;
    expect(await db.select().from(loanSchedules).where(eq(loanSchedules.caseId, id))).toHaveLength(
      0,
    );
    const [row] = await db.select().from(cases).where(eq(cases.id, id));
    expect(row!.state).toBe('disbursement');
    expect(
      await db.select().from(loanRepayments).where(eq(loanRepayments.caseId, id)),
    ).toHaveLength(0);

    const again = await fire(bank, id, 'disburse', fields);
    expect(again.statusCode, again.body).toBe(200);
    expect(await db.select().from(loanSchedules).where(eq(loanSchedules.caseId, id))).toHaveLength(
      1,
    );
  });
});

describe('贴息 claims', () => {
  it('builds a bank’s quarterly claim whose total is the sum of its lines, and never pays above due', async () => {
    const id = await disbursed();
    const loan = (await bank.get(`/api/loans/${id}`)).json();
    const first = loan.schedules[0].installments[0];
    const paid = await bank.post(`/api/loans/${id}/repayments`, {
      paidOn: first.dueDate,
      dueDate: first.dueDate,
      principalFen: 0,
      interestFen: first.interestFen,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    await t.createUser({
      login: 'fj_finance',
      grants: [{ role: 'finance_staff', region: FENGJIE }],
    });
    const finance = await t.login('fj_finance');
    const built = await finance.post('/api/subsidy-claims/build', {
      quarter: '2027-Q1',
      regionCode: FENGJIE,
    });
    expect(built.statusCode, built.body).toBe(200);
    const claim = built.json().items.find((c: { bankOrgId: string }) => c.bankOrgId === orgs.bank);
    expect(claim.dueFen).toBeGreaterThan(0);
    const again = await finance.post('/api/subsidy-claims/build', {
      quarter: '2027-Q1',
      regionCode: FENGJIE,
    });
    expect(again.json().code).toBe('LOAN_CLAIM_EXISTS');

    const detail = (await finance.get(`/api/subsidy-claims/${claim.id}`)).json();
    const sum = (xs: { dueFen: number }[]) => xs.reduce((n, x) => n + x.dueFen, 0);
    expect(sum(detail.lines)).toBe(detail.dueFen);
    expect(detail.lines.map((l: { caseId: string }) => l.caseId)).toContain(id);

    // the dashboard's 贴息 figures of 奉节县 for 2027 and of the region above (奉节 as a row)
    const dueAll = built.json().items.reduce((n: number, c: { dueFen: number }) => n + c.dueFen, 0);
    const subsidy = async () => {
      const res = await county.get(`/api/dashboards/${FENGJIE}?year=2027`);
      expect(res.statusCode, res.body).toBe(200);
      type Fig = { dueFen: number; paidFen: number; outstandingFen: number };
      const loans = res.json().loans as {
        figures: { indicator: string; value: number | null }[];
        subsidy: { year: Fig & { paidRatePct: number | null }; quarters: Fig[] };
      };
      const fig = (code: string) => loans.figures.find((f) => f.indicator === code)?.value;
      return {
        ...loans.subsidy.year,
        q1: loans.subsidy.quarters[0],
        paidWan: fig('subsidy_paid'),
        rate: fig('subsidy_paid_rate'),
      };
    };
    expect(await subsidy()).toMatchObject({
      dueFen: dueAll,
      paidFen: 0,
      outstandingFen: dueAll,
      paidRatePct: 0,
      q1: { quarter: '2027-Q1', dueFen: dueAll, paidFen: 0 },
      paidWan: 0,
      rate: 0,
    });

    const part = Math.floor(claim.dueFen / 3);
    const pay = (amountFen: number) =>
      finance.post(`/api/subsidy-claims/${claim.id}/pay`, {
        amountFen,
        paidOn: '2027-04-20',
        document: '奉财社〔2027〕12号',
      });
    const p1 = await pay(part);
    expect(p1.statusCode, p1.body).toBe(200);
    expect(await subsidy()).toMatchObject({
      dueFen: dueAll,
      paidFen: part,
      outstandingFen: dueAll - part,
      paidRatePct: Math.round((part / dueAll) * 1000) / 10,
      q1: { paidFen: part, outstandingFen: dueAll - part },
    });
    expect(p1.json()).toMatchObject({ state: 'part_paid', paidFen: part });
    expect(p1.json().lines.reduce((n: number, l: { paidFen: number }) => n + l.paidFen, 0)).toBe(
      part,
    );
    const over = await pay(claim.dueFen - part + 1);
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('LOAN_CLAIM_OVERPAID');
    const p2 = await pay(claim.dueFen - part);
    expect(p2.json()).toMatchObject({ state: 'paid', outstandingFen: 0 });
    const after = await subsidy();
    expect(after).toMatchObject({
      paidFen: after.dueFen - (dueAll - claim.dueFen),
      outstandingFen: dueAll - claim.dueFen,
    });
    expect(after.paidFen + after.outstandingFen).toBe(after.dueFen);

    const summary = (
      await finance.get('/api/subsidy-claims/summary?by=bank&quarter=2027-Q1')
    ).json();
    const mine = summary.items.find((i: { key: string }) => i.key === orgs.bank);
    expect(mine).toMatchObject({ dueFen: claim.dueFen, paidFen: claim.dueFen, outstandingFen: 0 });
    expect(summary.total.dueFen).toBe(summary.total.paidFen + summary.total.outstandingFen);
  });
});

// Last: it moves the clock 91 days on.
describe('overdue and 代偿', () => {
  it('compensates only after 90 days overdue and records the fund’s share', async () => {
    const id = await disbursed();
    const today = t.clock.read().toISOString().slice(0, 10);
    expect((await fire(bank, id, 'mark_overdue', { overdueSince: today })).statusCode).toBe(200);
    const early = await fire(guarantee, id, 'compensate', {
      compensatedFen: 10_000_000,
      compensatedOn: today,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('CASE_CONDITION');

    t.clock.advance(91 * DAY);
    guarantee = await t.login('fj_guarantee');
    const on = t.clock.read().toISOString().slice(0, 10);
    const done = await fire(guarantee, id, 'compensate', {
      compensatedFen: 10_000_000,
      compensatedOn: on,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('compensated');
    const loan = (await guarantee.get(`/api/loans/${id}`)).json();
    expect(loan.compensation.amountFen).toBe(10_000_000);
    expect(loan.compensation.fundFen + loan.compensation.bankFen).toBe(10_000_000);
    expect(loan.compensation.fundFen).toBeGreaterThan(0);
  });
});

describe('the guarantee fund', () => {
  it('refuses 失业保险基金 without its preconditions and stops new guarantees past the multiple', async () => {
    const finance = await t.login('fj_finance');
    const ui = await finance.post('/api/guarantee-fund/deposits', {
      regionCode: FENGJIE,
      source: 'unemployment_insurance',
      amountFen: 100_000_000,
      date: '2026-01-10',
      document: '奉人社〔2026〕1号',
    });
    expect(ui.statusCode).toBe(422);
    expect(ui.json().code).toBe('LOAN_FUND_PRECONDITIONS');
    const tiny = await finance.post('/api/guarantee-fund/deposits', {
      regionCode: FENGJIE,
      source: 'fiscal',
      amountFen: 100,
      date: '2026-01-10',
      document: '奉财社〔2026〕3号',
    });
    expect(tiny.statusCode, tiny.body).toBe(200);
    expect(tiny.json().level).toBe('stopped');

    town = await t.login('xl_officer');
    hrss = await t.login('fj_hrss');
    guarantee = await t.login('fj_guarantee');
    const id = await apply();
    expect((await fire(town, id, 'accept')).statusCode).toBe(200);
    expect((await fire(hrss, id, 'eligible')).statusCode).toBe(200);
    const refused = await fire(guarantee, id, 'guarantee_approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('LOAN_FUND_STOPPED');
    expect(refused.json().message).toContain('暂停新增担保');
  });
});
