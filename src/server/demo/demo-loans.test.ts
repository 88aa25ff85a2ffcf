import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, FENGJIE, NANYANG, type TestApp } from '../../test/harness.js';
import { auditLog } from '../platform/audit/table.js';
import { cases, caseTransitions } from '../programme/cases/table.js';
import { subsidyClaims } from '../programme/loans/table.js';
import { verifyCounters } from '../statistics/stats/verify.js';
import { loadDemoLoans, type LoanLoadResult } from './load-loans.js';
import { planFengjieLoans, planNanyangLoans } from './loans-plan.js';
import { loadDemoStory } from './load-story.js';
import { seedDemoFoundation } from './seed-foundation.js';

/**
 * The demo loans: filed and moved through the services by the demo accounts, so the 2021 loans
 * show on 南阳's dashboard against the 4亿, every queue holds files, one step is 超时, and
 * 奉节's finance has a 贴息 claim of the last quarter to pay.
 */

let t: TestApp;
let first: LoanLoadResult;
let ny: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50', '41'] });
  await seedDemoFoundation(t.database.db, t.deps.keys, t.clock.read(), t.deps.auditKeys.chain);
  await loadDemoStory(t.database.db, t.deps.keys, t.clock.read(), t.deps.auditKeys.chain);
  first = await loadDemoLoans(t.deps);
  await t.createUser({ login: 'ny', grants: [{ role: 'leading_office', region: NANYANG }] });
  ny = await t.login('ny');
}, 900_000);
afterAll(() => t.close());

const db = () => t.database.db;

async function countWhere(state: string, prefix: string): Promise<number> {
  return db().$count(
    cases,
    and(
      eq(cases.type, 'guarantee-loan'),
      eq(cases.state, state),
      like(cases.regionCode, `${prefix}%`),
    ),
  );
}

describe('the demo loans', () => {
  it('files every planned loan through the services, once', async () => {
    console.log(`demo loans: ${first.loans} files in ${first.seconds.toFixed(1)} s`);
    expect(first.skipped).toEqual([]);
    expect(first.loans).toBe(planNanyangLoans().length + planFengjieLoans().length);
    const again = await loadDemoLoans(t.deps);
    expect(again.loaded).toBe(false);
    // Each file's creation and moves went through the audited services.
    const applied = await db().$count(auditLog, eq(auditLog.action, 'loan.apply'));
    expect(applied).toBe(first.loans);
    const moves = await db().$count(caseTransitions);
    expect(moves).toBeGreaterThan(first.loans * 5);
  });

  it('puts files in every queue, one of them 超时, and shows 展期, 代偿 and 结清', async () => {
    for (const state of [
      'submitted',
      'eligibility',
      'guarantee_review',
      'bank_review',
      'disbursement',
    ]) {
      expect(await countWhere(state, '4113'), state).toBeGreaterThan(0);
    }
    expect(await countWhere('compensated', '4113')).toBe(1);
    expect(await countWhere('settled', '4113')).toBeGreaterThan(70);
    expect(await countWhere('repaying', '4113')).toBeGreaterThan(10);
    const overdue = await db().$count(cases, eq(cases.deadlineStatus, 'overdue'));
    expect(overdue).toBeGreaterThanOrEqual(1);
    const extended = await db().$count(caseTransitions, eq(caseTransitions.transition, 'extend'));
    expect(extended).toBe(1);
    expect(await countWhere('guarantee_review', '500236')).toBe(2);
  });

  it('shows a good share of 南阳’s 4亿 for 2021 on the dashboard, all to 返乡农民工', async () => {
    type Figure = { indicator: string; value: number | null; target: number | null };
    const d = (await ny.get(`/api/dashboards/${NANYANG}?year=2021`)).json<{
      loans: { figures: Figure[] };
    }>();
    const fig = (code: string): Figure =>
      d.loans.figures.find((f) => f.indicator === code) ?? {
        indicator: code,
        value: null,
        target: null,
      };
    const migrant = fig('loans_disbursed_migrant');
    expect(migrant.target).toBe(40_000);
    console.log(`南阳 2021 loans to 返乡农民工: ${migrant.value} 万元 of 40,000`);
    expect(migrant.value).toBeGreaterThan(4_000);
    expect(migrant.value).toBe(fig('loans_disbursed').value);
    const planned2021 = planNanyangLoans()
      .filter((p) => p.filedOn.startsWith('2021'))
      .reduce((n, p) => n + p.amountFen, 0);
    expect(migrant.value).toBeCloseTo(planned2021 / 1_000_000, 0);
  });

  it('leaves 奉节’s last-quarter 贴息 claim to finance, outstanding in full', async () => {
    const [claim] = await db()
      .select()
      .from(subsidyClaims)
      .where(eq(subsidyClaims.regionCode, FENGJIE));
    expect(claim?.quarter).toBe('2026-Q3');
    expect(claim?.dueFen).toBeGreaterThan(0);
    expect(claim?.paidFen).toBe(0);
  });

  it('leaves counters that match a recount', async () => {
    expect((await verifyCounters(db())).differences).toBe(0);
  }, 300_000);
});
