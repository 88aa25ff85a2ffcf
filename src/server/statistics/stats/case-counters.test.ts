import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoanOrgs, type LoanOrgs, loanData } from '../../../test/case-factories.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import type { DashboardT } from '../dashboards/contract.js';
import { buildQuarterReport } from '../dashboards/quarter-report.js';
import { upsertTarget } from '../targets/repo.js';
import { findReportRegion } from './regions.js';
import { counterSource } from './repo.js';
import { rowsOf } from '../../platform/db/rows.js';
import { rebuildCounters, verifyCounters } from './verify.js';

/**
 * The case counters after a sequence of loan files moving through their steps, repayments, an
 * overdue loan, a 代偿 and a refusal: every counter equals a plain GROUP BY over the cases and
 * their history, `stats verify` finds nothing, and the dashboard carries the 创业担保贷款 section.
 */

let t: TestApp;
let orgs: LoanOrgs;
const agents: Record<string, Agent> = {};
const logins = {
  town: 'xl_officer',
  hrss: 'fj_hrss',
  guarantee: 'fj_guarantee',
  bank: 'fj_bank',
  office: 'fj_office',
} as const;
type Who = keyof typeof logins;
let migrantId: string;
let otherId: string;

/** Moves the clock on by whole days and signs everyone in again (sessions do not last days). */
async function nextDays(n: number) {
  t.clock.advance(n * 86_400_000);
  for (const [who, login] of Object.entries(logins)) agents[who] = await t.login(login);
}

async function fire(who: Who, id: string, transition: string, extra: Record<string, unknown> = {}) {
  const agent = agents[who] as Agent;
  const cur = await agent.get(`/api/cases/${id}`);
  expect(cur.statusCode, cur.body).toBe(200);
  const res = await agent.post(`/api/cases/${id}/transitions`, {
    transition,
    version: cur.json().version,
    ...extra,
  });
  expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
}

async function person(categories: string[]): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(
    t.database.db,
    sql`INSERT INTO people (name, sex, birth_date, id_number_enc, id_number_bidx, id_number_mask,
          region_code, categories, status, created_at, updated_at)
        VALUES ('测试申请人', 'M', '1990-01-01', 'x', ${`bidx-${categories.join('-')}`}, '5002**********0011',
          ${XINGLONG}, ${sql.raw(`ARRAY[${categories.map((c) => `'${c}'`).join(',')}]::text[]`)},
          'started', now(), now())
        RETURNING id`,
  );
  return (row as { id: string }).id;
}

async function file(subjectPersonId: string, amountFen: number): Promise<string> {
  const res = await (agents.town as Agent).post('/api/cases', {
    type: 'guarantee-loan',
    regionCode: XINGLONG,
    subjectPersonId,
    data: loanData(orgs.bank, { amountFen }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Files one loan and moves it to 还款中, a day per step. */
async function disbursed(subject: string, amountFen: number, on: string): Promise<string> {
  const id = await file(subject, amountFen);
  await nextDays(1);
  await fire('town', id, 'accept');
  await nextDays(2);
  await fire('hrss', id, 'eligible');
  await nextDays(1);
  await fire('guarantee', id, 'guarantee_approve');
  await nextDays(3);
  await fire('bank', id, 'bank_approve', {
    fields: { approvedAmountFen: amountFen, approvedTermMonths: 24 },
  });
  await nextDays(1);
  await fire('bank', id, 'disburse', {
    fields: {
      disbursedFen: amountFen,
      disbursedOn: on,
      annualRateBp: 150,
      maturityOn: '2028-12-01',
    },
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  orgs = await createLoanOrgs(t);
  [agents.town, agents.office] = await loginOfficers(t, 'xl_officer', 'fj_office');
  await t.createUser({
    login: 'fj_hrss',
    grants: [{ role: 'dept_staff', orgId: orgs.hrss, scopeType: 'org' }],
  });
  await t.createUser({
    login: 'fj_guarantee',
    grants: [{ role: 'guarantee_reviewer', orgId: orgs.guarantee, scopeType: 'org' }],
  });
  await t.createUser({
    login: 'fj_bank',
    grants: [{ role: 'bank_reviewer', orgId: orgs.bank, scopeType: 'org' }],
  });
  await nextDays(0);
  migrantId = await person(['migrant_worker']);
  otherId = await person(['graduate']);

  // A: 返乡农民工, 20万, repaid in part, then overdue, then 代偿.
  const a = await disbursed(migrantId, 20_000_000, '2026-12-01');
  // Two repayments as the bank records them (rows of loan_repayments; the API is the loans room's).
  for (const principalFen of [3_000_000, 2_000_000]) {
    await t.database.db.execute(
      sql`INSERT INTO loan_repayments (case_id, paid_on, principal_fen, interest_fen, recorded_by,
            recorded_by_login, created_at)
          SELECT ${a}, '2026-12-05', ${principalFen}, 0, id, login, now() FROM users WHERE login = 'fj_bank'`,
    );
  }
  await fire('bank', a, 'mark_overdue', { fields: { overdueSince: '2027-01-10' } });
  // B: a graduate's 10万, repaying.
  const b = await disbursed(otherId, 10_000_000, '2026-12-02');
  // C: 返乡农民工 again, 30万, overdue and compensated.
  const c = await disbursed(migrantId, 30_000_000, '2026-12-03');
  await fire('bank', c, 'mark_overdue', { fields: { overdueSince: '2026-08-01' } });
  await fire('guarantee', c, 'compensate', {
    fields: { compensatedFen: 29_000_000, compensatedOn: '2026-12-10' },
  });
  // D: refused at eligibility; E: waiting at the bank past its limit (超时).
  const d = await file(otherId, 5_000_000);
  await fire('town', d, 'accept');
  await nextDays(1);
  await fire('hrss', d, 'refuse', { reason: '不符合扶持对象条件' });
  const e = await file(otherId, 8_000_000);
  await fire('town', e, 'accept');
  await fire('hrss', e, 'eligible');
  await fire('guarantee', e, 'guarantee_approve');
  await t.database.db.execute(sql`UPDATE cases SET deadline_status = 'overdue' WHERE id = ${e}`);
  void b;
});
afterAll(() => t.close());

/** The stored counters of the county for all organisations, by metric (current and 2026-12). */
async function stored(org = ''): Promise<Record<string, number>> {
  const rows = await rowsOf<{ metric: string; v: number }>(
    t.database.db,
    sql`SELECT metric, sum(value)::float8 AS v FROM stats.case_counters
        WHERE case_type = 'guarantee-loan' AND region_code = ${FENGJIE} AND org_id = ${org}
        GROUP BY metric`,
  );
  return Object.fromEntries(rows.filter((r) => r.v !== 0).map((r) => [r.metric, r.v]));
}

/** The same figures by a plain GROUP BY over the cases (written independently of the triggers). */
async function recount(): Promise<Record<string, number>> {
  const [c] = await rowsOf<Record<string, number>>(
    t.database.db,
    sql`SELECT
        count(*) FILTER (WHERE NOT terminal AND due_at IS NOT NULL)::float8 AS open,
        count(*) FILTER (WHERE NOT terminal AND due_at IS NOT NULL AND deadline_status = 'overdue')::float8 AS open_overdue,
        count(*) FILTER (WHERE d)::float8 AS disbursed_count,
        coalesce(sum(amt) FILTER (WHERE d), 0)::float8 AS disbursed_fen,
        count(*) FILTER (WHERE d AND mig)::float8 AS migrant_count,
        coalesce(sum(amt) FILTER (WHERE d AND mig), 0)::float8 AS migrant_fen,
        coalesce(sum(amt - repaid) FILTER (WHERE state IN ('repaying', 'overdue')), 0)::float8 AS balance_fen,
        coalesce(sum(amt - repaid) FILTER (WHERE state = 'overdue'), 0)::float8 AS overdue_fen,
        count(*) FILTER (WHERE state = 'overdue')::float8 AS overdue_count,
        count(*) FILTER (WHERE state = 'compensated')::float8 AS compensated_count,
        coalesce(sum(comp) FILTER (WHERE state = 'compensated'), 0)::float8 AS compensated_fen
      FROM (SELECT c.*, c.state IN ('repaying', 'overdue', 'settled', 'compensated') AS d,
              (c.data ->> 'disbursedFen')::bigint AS amt,
              (SELECT coalesce(sum(r.principal_fen), 0) FROM loan_repayments r WHERE r.case_id = c.id) AS repaid,
              (c.data ->> 'compensatedFen')::bigint AS comp,
              'migrant_worker' = ANY (p.categories) AS mig
            FROM cases c LEFT JOIN people p ON p.id = c.subject_person_id
            WHERE c.region_code LIKE '500236%') AS x`,
  );
  const [s] = await rowsOf<Record<string, number>>(
    t.database.db,
    sql`SELECT sum(working_days_in_state)::float8 AS step_days, count(*)::float8 AS steps
      FROM case_transitions tr JOIN cases c ON c.id = tr.case_id
      WHERE c.region_code LIKE '500236%' AND tr.from_state IN
        ('submitted', 'eligibility', 'guarantee_review', 'bank_review', 'disbursement')
        AND tr.working_days_in_state IS NOT NULL`,
  );
  return Object.fromEntries(
    Object.entries({ ...c, ...s }).filter(([, v]) => v !== 0 && v !== null),
  );
}

describe('case counters', () => {
  it('equal a GROUP BY recount of the cases and their history', async () => {
    const expected = await recount();
    const got = await stored();
    const totals = Object.fromEntries(Object.entries(got).filter(([k]) => !k.includes(':')));
    expect(totals).toEqual(expected);
    expect(expected).toMatchObject({
      disbursed_count: 3,
      disbursed_fen: 60_000_000,
      migrant_count: 2,
      migrant_fen: 50_000_000,
      balance_fen: 25_000_000,
      overdue_fen: 15_000_000,
      compensated_fen: 29_000_000,
      open: 1,
      open_overdue: 1,
    });
    expect(expected.steps).toBeGreaterThan(0);
    expect(expected.step_days).toBeGreaterThan(0);
  });

  it('count the bank’s open files and its loans, and the days of the steps it ended', async () => {
    const bank = await stored(orgs.bank);
    expect(bank).toMatchObject({ open: 1, open_overdue: 1, disbursed_count: 3 });
    expect(bank.steps).toBeGreaterThan(0);
    const hrss = await stored(orgs.hrss);
    expect(hrss.open ?? 0).toBe(0);
    expect(hrss['steps:eligibility']).toBeGreaterThan(0);
  });

  it('pass stats verify, and a rebuild writes the same values', async () => {
    const before = await stored();
    expect((await verifyCounters(t.database.db)).differences).toBe(0);
    await rebuildCounters(t.database.db);
    expect(await stored()).toEqual(before);
    expect((await verifyCounters(t.database.db)).differences).toBe(0);
  });

  it('are on the county dashboard as the 创业担保贷款 section', async () => {
    const res = await (agents.office as Agent).get(`/api/dashboards/${FENGJIE}?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const loans = res.json<DashboardT>().loans;
    const fig = (code: string) => loans.figures.find((f) => f.indicator === code)?.value;
    expect(fig('loans_disbursed')).toBe(60);
    expect(fig('loans_disbursed_migrant')).toBe(50);
    expect(fig('loans_disbursed_count')).toBe(3);
    expect(fig('loan_balance')).toBe(25);
    expect(fig('loan_overdue_rate')).toBe(60);
    expect(fig('cases_overdue')).toBe(1);
    const town = loans.children.find((c) => c.regionCode === XINGLONG);
    expect(town?.values.loans_disbursed).toBe(60);
    const bank = loans.organisations.find((o) => o.orgId === orgs.bank);
    expect(bank).toMatchObject({ open: 1, openOverdue: 1, disbursedWan: 60 });
  });

  it('go into the quarterly workbook where they have a target', async () => {
    const db = t.database.db;
    await upsertTarget(
      db,
      { regionCode: FENGJIE, year: 2026, indicator: 'loans_disbursed_migrant', value: 200 },
      { actorId: null, now: t.clock.read() },
    );
    const region = await findReportRegion(db, FENGJIE);
    if (!region) throw new Error('no region');
    const report = await buildQuarterReport(db, counterSource(db), region, 2026, 4, '2026-12-31');
    const i = report.indicators.findIndex((d) => d.code === 'loans_disbursed_migrant');
    expect(i).toBeGreaterThan(-1);
    expect(report.indicators.some((d) => d.code === 'loan_balance')).toBe(false);
    expect(report.total.cells[i]).toEqual({ quarter: 50, cumulative: 50, target: 200, rate: 0.25 });
  });
});
