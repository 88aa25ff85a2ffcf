import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { cstDate } from '../../domain/indicators/periods.js';
import { toGrants } from '../platform/auth/actor.js';
import { findGrants } from '../platform/auth/repo.js';
import type { Actor, RequestContext } from '../platform/http/context.js';
import type { AppDeps } from '../platform/http/types.js';
import { organisations } from '../access/orgs/table.js';
import { users } from '../access/users/table.js';
import { people } from '../ledger/people/table.js';
import { portalAccounts } from '../portal/accounts/table.js';
import { fireTransition } from '../programme/cases/fire-service.js';
import { sweepDeadlines } from '../programme/cases/deadline-job.js';
import { cases } from '../programme/cases/table.js';
import { addDeposit, buildClaims } from '../programme/loans/finance-service.js';
import { fileApplication, loanDetail, recordRepayment } from '../programme/loans/service.js';
import { DEMO_ORGS } from './foundation-data.js';
import { type PlannedLoan, planFengjieLoans, planNanyangLoans } from './loans-plan.js';
import { addDays } from './random.js';

/**
 * `demo load` (and the first `npm start --demo`): the demo loans, filed and moved THROUGH the
 * services as the demo accounts, on a clock set back to each step's day — so cases, history,
 * audit records, schedules, repayments, claims and the case counters are what real use leaves.
 * Runs once: nothing happens when a 南阳 loan file exists already, or when the demo accounts are
 * missing (a deployment started before they were added).
 */

export interface LoanLoadResult {
  loaded: boolean;
  loans: number;
  disbursedFen: number;
  /** Planned files left out, with why (none expected). */
  skipped: string[];
  seconds: number;
}

const FENGJIE = '500236000000';
/** Who works each step of the demo files, by place. */
const ACCOUNTS = {
  nanyang: {
    intake: 'ny_officer',
    hrss: 'ny_hrss',
    guarantee: 'ny_guarantee',
    finance: 'ny_finance',
  },
  fengjie: {
    intake: 'fj_officer',
    hrss: 'fj_hrss',
    guarantee: 'fj_guarantee',
    finance: 'fj_finance',
  },
} as const;
const BANK_ACCOUNTS: Record<string, string> = {
  ny_bank_rcb: 'ny_bank',
  ny_bank_psbc: 'ny_psbc',
  ny_bank_abc: 'ny_abc',
  fj_bank: 'fj_bank',
};
/** The annual rate of the demo loans: the one-year LPR of their day (bp), 演示值. */
const rateOn = (date: string) => (date < '2021-12-20' ? 385 : date < '2025-05-20' ? 345 : 300);

interface Clocked {
  deps: AppDeps;
  at(date: string, hour?: number): void;
}

/** Services on a clock the loader moves: 09:00 Beijing time of the day given, plus `hour`. */
function clocked(base: AppDeps): Clocked {
  let now = base.clock();
  return {
    deps: { ...base, clock: () => now },
    at(date, hour = 0) {
      now = new Date(Date.parse(`${date}T01:00:00Z`) + hour * 3_600_000);
    },
  };
}

async function contextFor(deps: AppDeps, login: string): Promise<RequestContext | null> {
  const [u] = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.login, login));
  if (!u) return null;
  const grants = toGrants(await findGrants(deps.db, u.id));
  const actor: Actor = {
    userId: u.id,
    login,
    displayName: u.displayName,
    sessionId: 'demo',
    grants,
    permissions: new Set(grants.flatMap((g) => [...g.permissions])),
    mustChangePassword: false,
    mfaState: 'ok',
  };
  return {
    actor,
    ip: 'local',
    userAgent: 'fanxiang demo load',
    locale: 'zh-CN',
    auditKey: deps.auditKeys.chain,
    audited: false,
    sessionProblem: null,
    errorCode: null,
    attemptedLogin: null,
    newSessionToken: null,
    clearSession: false,
  };
}

/** Applicants: 返乡 migrant workers who started, per county (6-digit code), in ledger order. */
async function applicants(deps: AppDeps, prefix: string): Promise<Map<string, string[]>> {
  const rows = await deps.db
    .select({ id: people.id, region: people.regionCode })
    .from(people)
    .where(
      and(
        like(people.regionCode, `${prefix}%`),
        eq(people.status, 'started'),
        isNull(people.mergedInto),
        sql`'migrant_worker' = ANY(${people.categories})`,
        // Someone with a portal account (the demo entrepreneur) applies on the phone.
        sql`NOT EXISTS (SELECT 1 FROM ${portalAccounts} WHERE ${portalAccounts.personId} = ${people.id})`,
      ),
    )
    .orderBy(asc(people.regionCode), asc(people.createdAt), asc(people.id));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const county = r.region.slice(0, 6);
    out.set(county, [...(out.get(county) ?? []), r.id]);
  }
  return out;
}

type Ctx = Record<'intake' | 'hrss' | 'guarantee' | 'finance', RequestContext>;

interface Runner {
  c: Clocked;
  ctx: Ctx;
  banks: Map<string, { orgId: string; ctx: RequestContext }>;
  today: string;
}

async function fire(
  run: Runner,
  who: RequestContext,
  id: string,
  transition: string,
  fields?: Record<string, unknown>,
) {
  const row = await run.c.deps.db
    .select({ version: cases.version })
    .from(cases)
    .where(eq(cases.id, id));
  await fireTransition(run.c.deps, who, id, {
    transition,
    version: row[0]!.version,
    ...(fields ? { fields } : {}),
  });
}

/** Pays each installment falling due by `until` on its day (interest, and principal at the end). */
async function payInstallments(run: Runner, bank: RequestContext, id: string, until: string) {
  const loan = await loanDetail(run.c.deps, bank, id);
  const schedule = loan.schedules.find((s) => s.current) ?? loan.schedules.at(-1);
  for (const inst of schedule?.installments ?? []) {
    if (inst.dueDate > until) break;
    run.c.at(inst.dueDate, 1);
    await recordRepayment(run.c.deps, bank, id, {
      paidOn: inst.dueDate,
      dueDate: inst.dueDate,
      principalFen: inst.principalFen,
      interestFen: inst.interestFen,
    });
  }
}

const STEPS = ['submitted', 'eligibility', 'guarantee_review', 'bank_review', 'disbursement'];

/** Files one planned loan and moves it as far as its stage says. Returns the amount disbursed. */
async function carry(run: Runner, p: PlannedLoan, personId: string): Promise<number> {
  const bank = run.banks.get(p.bank)!;
  const queue = p.stage.kind === 'queue' ? p.stage : null;
  // Files in a queue arrived in the last working days; the 超时 one three weeks ago.
  const filedOn = queue ? addDays(run.today, queue.overdue ? -24 : -2) : p.filedOn;
  const stop = queue ? STEPS.indexOf(queue.state) : STEPS.length;
  run.c.at(filedOn);
  const { caseId: id } = await fileApplication(run.c.deps, run.ctx.intake, {
    kind: p.kind,
    ...(p.members ? { members: p.members } : {}),
    personId,
    amountFen: p.amountFen,
    termMonths: p.termMonths,
    purpose: p.purpose,
    collateral: p.collateral,
    declarations: { confirmed: true, otherLoans: [], declaredGroups: [] },
    bankOrgId: bank.orgId,
  });
  const steps: [RequestContext, string, Record<string, unknown>?][] = [
    [run.ctx.intake, 'accept'],
    [run.ctx.hrss, 'eligible'],
    [run.ctx.guarantee, 'guarantee_approve'],
    [
      bank.ctx,
      'bank_approve',
      { approvedAmountFen: p.amountFen, approvedTermMonths: p.termMonths },
    ],
  ];
  let day = filedOn;
  for (let i = 0; i < Math.min(stop, steps.length); i++) {
    const [who, transition, fields] = steps[i]!;
    // 超时: the file reached its step long ago and nobody has moved it since.
    day = queue?.overdue ? addDays(day, 1) : addDays(day, queue ? 0 : 2);
    run.c.at(day, i + 1);
    await fire(run, who, id, transition, fields);
  }
  if (queue) return 0;
  const disbursedOn = addDays(day, 3);
  const maturityOn = `${Number(disbursedOn.slice(0, 4)) + p.termMonths / 12}${disbursedOn.slice(4)}`;
  run.c.at(disbursedOn, 2);
  await fire(run, bank.ctx, id, 'disburse', {
    disbursedFen: p.amountFen,
    disbursedOn,
    annualRateBp: rateOn(disbursedOn),
    maturityOn,
  });
  const stage = p.stage.kind;
  if (stage === 'compensated') {
    const paidUntil = addDays(disbursedOn, 200);
    await payInstallments(run, bank.ctx, id, paidUntil);
    const overdueSince = addDays(paidUntil, 10);
    run.c.at(overdueSince, 3);
    await fire(run, bank.ctx, id, 'mark_overdue', { overdueSince });
    const on = addDays(overdueSince, 95);
    run.c.at(on, 3);
    await fire(run, run.ctx.guarantee, id, 'compensate', {
      compensatedFen: p.amountFen,
      compensatedOn: on,
    });
    return p.amountFen;
  }
  const settleEarly = stage === 'settled' && maturityOn > run.today;
  if (stage === 'settled' && !settleEarly) {
    // Matured long ago: one repayment at maturity, the principal and all the interest (keeps
    // the load short; the 2021 loans are past any 贴息 claim the demo shows).
    const loan = await loanDetail(run.c.deps, bank.ctx, id);
    const interest = (loan.schedules.at(-1)?.installments ?? []).reduce(
      (n, i) => n + i.interestFen,
      0,
    );
    run.c.at(maturityOn, 1);
    await recordRepayment(run.c.deps, bank.ctx, id, {
      paidOn: maturityOn,
      principalFen: loan.outstandingPrincipalFen,
      interestFen: interest,
    });
  } else {
    await payInstallments(run, bank.ctx, id, settleEarly ? addDays(run.today, -20) : run.today);
  }
  if (stage === 'extended') {
    run.c.at(addDays(run.today, -1), 2);
    const later = `${Number(maturityOn.slice(0, 4)) + 1}${maturityOn.slice(4)}`;
    await fire(run, bank.ctx, id, 'extend', { maturityOn: later });
  } else if (stage === 'settled') {
    if (settleEarly) {
      const loan = await loanDetail(run.c.deps, bank.ctx, id);
      const on = addDays(run.today, -14);
      run.c.at(on, 1);
      await recordRepayment(run.c.deps, bank.ctx, id, {
        paidOn: on,
        principalFen: loan.outstandingPrincipalFen,
        interestFen: 0,
      });
    }
    const on = settleEarly ? addDays(run.today, -14) : maturityOn;
    run.c.at(on, 3);
    await fire(run, bank.ctx, id, 'settle', { settledOn: on });
  }
  return p.amountFen;
}

/** The quarter before the current one: `2026-Q3` on 2026-12-07. */
function lastQuarter(today: string): string {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

async function orgIds(deps: AppDeps): Promise<Map<string, string>> {
  const names = DEMO_ORGS.map((o) => o.name);
  const rows = await deps.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.name, names));
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return new Map(
    DEMO_ORGS.flatMap((o) => (byName.has(o.name) ? [[o.key, byName.get(o.name)!]] : [])),
  );
}

async function runnerFor(
  c: Clocked,
  place: keyof typeof ACCOUNTS,
  orgs: Map<string, string>,
  today: string,
): Promise<Runner | null> {
  const ctx: Partial<Ctx> = {};
  for (const [step, login] of Object.entries(ACCOUNTS[place])) {
    const x = await contextFor(c.deps, login);
    if (!x) return null;
    ctx[step as keyof Ctx] = x;
  }
  const banks = new Map<string, { orgId: string; ctx: RequestContext }>();
  for (const [key, login] of Object.entries(BANK_ACCOUNTS)) {
    const orgId = orgs.get(key);
    const x = await contextFor(c.deps, login);
    if (orgId && x) banks.set(key, { orgId, ctx: x });
  }
  return { c, ctx: ctx as Ctx, banks, today };
}

/** Loads the demo loans unless a 南阳 loan file exists. */
export async function loadDemoLoans(base: AppDeps): Promise<LoanLoadResult> {
  const started = Date.now();
  const none = { loaded: false, loans: 0, disbursedFen: 0, skipped: [], seconds: 0 };
  const [existing] = await base.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.type, 'guarantee-loan'), like(cases.regionCode, '4113%')))
    .limit(1);
  if (existing) return none;
  const c = clocked(base);
  const today = cstDate(base.clock());
  const orgs = await orgIds(base);
  const ny = await runnerFor(c, 'nanyang', orgs, today);
  const fj = await runnerFor(c, 'fengjie', orgs, today);
  if (!ny || !fj) return none;
  let loans = 0;
  let disbursedFen = 0;
  const skipped: string[] = [];
  // 财政's deposits first: the guarantee step checks the county fund's headroom (5×).
  const counties = [...new Set(planNanyangLoans().map((p) => p.county))];
  for (const [run, regions, first] of [
    [ny, counties.map((cc) => `${cc}000000`), '2021-01-08'],
    [fj, [FENGJIE], '2026-01-09'],
  ] as const) {
    run.c.at(first);
    for (const regionCode of regions) {
      await addDeposit(c.deps, run.ctx.finance, {
        regionCode,
        source: 'fiscal',
        amountFen: 1_000_000_000,
        date: first,
        document: '演示值：财政预算安排创业担保贷款担保基金',
      });
    }
  }
  for (const [run, plan, prefix] of [
    [ny, planNanyangLoans(), '4113'],
    [fj, planFengjieLoans(), '500236'],
  ] as const) {
    const pool = await applicants(c.deps, prefix);
    const used = new Map<string, number>();
    for (const p of plan) {
      const list = pool.get(p.county) ?? [];
      const n = used.get(p.county) ?? 0;
      const personId = list[n];
      if (!personId || !run.banks.has(p.bank)) {
        skipped.push(`${p.county} ${personId ? p.bank : '无可用申请人 / no applicant left'}`);
        continue;
      }
      used.set(p.county, n + 1);
      try {
        disbursedFen += await carry(run, p, personId);
        loans++;
      } catch (e) {
        // An applicant the pre-check refuses (or a file the fund cannot take) is left out.
        skipped.push(`${p.county} ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  // 贴息: 奉节's claims of the last quarter, built by finance and waiting to be paid.
  c.at(addDays(today, -5));
  await buildClaims(c.deps, fj.ctx.finance, { quarter: lastQuarter(today), regionCode: FENGJIE });
  c.at(today);
  await sweepDeadlines({ ...c.deps, clock: () => base.clock() });
  return {
    loaded: true,
    loans,
    disbursedFen,
    skipped,
    seconds: (Date.now() - started) / 1000,
  };
}
