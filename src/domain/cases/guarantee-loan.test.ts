import { describe, expect, it } from 'vitest';
import { allowedTransitions, canFire, ownsStep, stepOwner } from './can-fire.js';
import type { CaseActor, CaseFacts, CaseGrant } from './case-type.js';
import { deadlineStatus, nextDeadline } from './deadlines.js';
import { GUARANTEE_LOAN } from './guarantee-loan.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/**
 * The guarantee-loan state machine, table-driven: every state × every transition × every kind of
 * actor. The expectations below are written out by hand from the route; the test refuses
 * every combination they do not list.
 */

const XINGLONG = '500236104000'; // 兴隆镇, 奉节县
const FENGJIE = '500236000000';
const WUSHAN = '500237000000';

const ROUTING = {
  bankOrgId: 'bank-1',
  hrssOrgId: 'hrss-1',
  guaranteeOrgId: 'guar-1',
  serviceCenterOrgId: 'svc-1',
};

const work = new Set(['case.read', 'case.work']);
const read = new Set(['case.read']);
const region = (code: string, permissions = work): CaseGrant => ({
  permissions,
  scopeType: 'region',
  regionCode: code,
  orgId: null,
  orgType: null,
});
const org = (orgId: string, orgType: string, permissions = work): CaseGrant => ({
  permissions,
  scopeType: 'org',
  regionCode: FENGJIE,
  orgId,
  orgType,
});
const actor = (...grants: CaseGrant[]): CaseActor => ({ grants });

/** Every kind of actor the table checks. */
const ACTORS = {
  township: actor(region(XINGLONG)),
  county: actor(region(FENGJIE)),
  otherCounty: actor(region(WUSHAN)),
  serviceCenter: actor(org('svc-1', 'service_center')),
  hrss: actor(org('hrss-1', 'hrss')),
  otherHrss: actor(org('hrss-2', 'hrss')),
  guarantee: actor(org('guar-1', 'guarantee')),
  otherGuarantee: actor(org('guar-2', 'guarantee')),
  bank: actor(org('bank-1', 'bank')),
  otherBank: actor(org('bank-2', 'bank')),
  /** The routed bank's id, but the grant's organisation is not a bank. */
  bankIdWrongType: actor(org('bank-1', 'department')),
  finance: actor(org('fin-1', 'finance')),
  readOnlyCounty: actor(region(FENGJIE, read)),
  readOnlyBank: actor(org('bank-1', 'bank', read)),
  nobody: actor(),
};
type ActorName = keyof typeof ACTORS;

const INTAKE: ActorName[] = ['township', 'county', 'serviceCenter'];

/** transition → the states it leaves and the actors allowed to fire it. */
const EXPECTED: Record<string, { from: string[]; to: string; actors: ActorName[] }> = {
  accept: { from: ['submitted'], to: 'eligibility', actors: INTAKE },
  eligible: { from: ['eligibility'], to: 'guarantee_review', actors: ['hrss'] },
  eligible_green: { from: ['eligibility'], to: 'bank_review', actors: ['hrss'] },
  guarantee_approve: { from: ['guarantee_review'], to: 'bank_review', actors: ['guarantee'] },
  bank_approve: { from: ['bank_review'], to: 'disbursement', actors: ['bank'] },
  disburse: { from: ['disbursement'], to: 'repaying', actors: ['bank'] },
  extend: { from: ['repaying'], to: 'repaying', actors: ['bank'] },
  mark_overdue: { from: ['repaying'], to: 'overdue', actors: ['bank'] },
  cure: { from: ['overdue'], to: 'repaying', actors: ['bank'] },
  compensate: { from: ['overdue'], to: 'compensated', actors: ['guarantee'] },
  settle: { from: ['repaying'], to: 'settled', actors: ['bank'] },
  refuse: {
    from: ['submitted', 'eligibility', 'guarantee_review', 'bank_review'],
    to: 'refused',
    actors: [], // per state: the owner of the step (below)
  },
  withdraw: {
    from: ['submitted', 'eligibility', 'guarantee_review', 'bank_review', 'disbursement'],
    to: 'withdrawn',
    actors: INTAKE,
  },
};

/** Who refuses in each state: the owner of that step. */
const REFUSERS: Record<string, ActorName[]> = {
  submitted: INTAKE,
  eligibility: ['hrss'],
  guarantee_review: ['guarantee'],
  bank_review: ['bank'],
};

const NOW = new Date('2026-12-07T09:00:00Z');

/** Case data under which the transition's own conditions hold. */
function dataFor(transition: string): Record<string, unknown> {
  return {
    greenChannel: transition === 'eligible_green',
    overdueSince: '2026-08-01', // 128 days before NOW
  };
}

const facts = (state: string, data: Record<string, unknown> = {}): CaseFacts => ({
  state,
  regionCode: XINGLONG,
  routing: ROUTING,
  data,
});

const STATES = Object.keys(GUARANTEE_LOAN.states);

describe('guarantee-loan case type', () => {
  it('declares exactly the transitions of the route', () => {
    expect(GUARANTEE_LOAN.transitions.map((t) => t.id).sort()).toEqual(
      Object.keys(EXPECTED).sort(),
    );
    for (const t of GUARANTEE_LOAN.transitions) {
      expect(t.from, t.id).toEqual(EXPECTED[t.id]!.from);
      expect(t.to, t.id).toBe(EXPECTED[t.id]!.to);
    }
  });

  it('refers only to declared states and routing fields; one routed organisation per step', () => {
    for (const t of GUARANTEE_LOAN.transitions) {
      for (const s of [...t.from, t.to]) expect(STATES, t.id).toContain(s);
    }
    for (const s of GUARANTEE_LOAN.stepBar) expect(STATES).toContain(s);
    const named = Object.keys(GUARANTEE_LOAN.fieldNames);
    for (const f of Object.keys(GUARANTEE_LOAN.createFields.shape)) expect(named).toContain(f);
    for (const t of GUARANTEE_LOAN.transitions)
      for (const f of Object.keys(t.fields?.shape ?? {})) expect(named, t.id).toContain(f);
    for (const [name, s] of Object.entries(GUARANTEE_LOAN.states)) {
      expect(s.owner.length === 0, name).toBe(s.terminal);
      expect(s.owner.filter((r) => r.kind === 'org').length, name).toBeLessThanOrEqual(1);
      for (const r of s.owner) {
        if (r.kind === 'org') expect(Object.keys(GUARANTEE_LOAN.routing)).toContain(r.route);
      }
    }
  });

  it('requires a reason exactly for refusal and withdrawal', () => {
    const needs = GUARANTEE_LOAN.transitions.filter((t) => t.needsReason).map((t) => t.id);
    expect(needs.sort()).toEqual(['refuse', 'withdraw']);
  });

  // The full table: every state × transition × actor.
  for (const state of STATES) {
    for (const t of GUARANTEE_LOAN.transitions) {
      const exp = EXPECTED[t.id]!;
      const allowed = new Set<ActorName>(
        exp.from.includes(state) ? (t.id === 'refuse' ? REFUSERS[state]! : exp.actors) : [],
      );
      it(`${state} × ${t.id}: allows ${[...allowed].join(', ') || 'nobody'}`, () => {
        for (const [name, a] of Object.entries(ACTORS) as [ActorName, CaseActor][]) {
          const d = canFire(GUARANTEE_LOAN, facts(state, dataFor(t.id)), a, t.id, NOW);
          expect(d.allowed, `${name} firing ${t.id} in ${state}`).toBe(allowed.has(name));
          if (!d.allowed && !exp.from.includes(state)) expect(d.reason).toBe('WRONG_STATE');
        }
      });
    }
  }

  it('says why: unknown transition, missing permission, someone else’s step', () => {
    const c = facts('bank_review', dataFor('bank_approve'));
    expect(canFire(GUARANTEE_LOAN, c, ACTORS.bank, 'nope', NOW)).toEqual({
      allowed: false,
      reason: 'UNKNOWN_TRANSITION',
    });
    expect(canFire(GUARANTEE_LOAN, c, ACTORS.readOnlyBank, 'bank_approve', NOW)).toEqual({
      allowed: false,
      reason: 'NOT_PERMITTED',
    });
    expect(canFire(GUARANTEE_LOAN, c, ACTORS.otherBank, 'bank_approve', NOW)).toEqual({
      allowed: false,
      reason: 'NOT_YOUR_STEP',
    });
  });

  it('takes the green channel only when the file has it, and skips the guarantee step', () => {
    const green = facts('eligibility', { greenChannel: true });
    const plain = facts('eligibility', { greenChannel: false });
    const ids = (c: CaseFacts) =>
      allowedTransitions(GUARANTEE_LOAN, c, ACTORS.hrss, NOW).map((t) => t.id);
    expect(ids(green)).toEqual(['eligible_green', 'refuse']);
    expect(ids(plain)).toEqual(['eligible', 'refuse']);
  });

  it('allows 代偿 only from 90 calendar days overdue', () => {
    const at = (since: string) =>
      canFire(
        GUARANTEE_LOAN,
        facts('overdue', { overdueSince: since }),
        ACTORS.guarantee,
        'compensate',
        NOW,
      );
    expect(at('2026-09-09')).toEqual({ allowed: false, reason: 'CONDITION' }); // 89 days
    expect(at('2026-09-08').allowed).toBe(true); // 90 days
  });

  it('puts each open step in its owner’s queue and no one else’s', () => {
    const queueOf = (state: string) =>
      (Object.entries(ACTORS) as [ActorName, CaseActor][])
        .filter(([, a]) => ownsStep(GUARANTEE_LOAN, facts(state), a, 'case.work'))
        .map(([n]) => n);
    expect(queueOf('submitted')).toEqual(INTAKE);
    expect(queueOf('eligibility')).toEqual(['hrss']);
    expect(queueOf('guarantee_review')).toEqual(['guarantee']);
    expect(queueOf('bank_review')).toEqual(['bank']);
    expect(queueOf('repaying')).toEqual(['bank']);
    for (const s of ['settled', 'compensated', 'refused', 'withdrawn'])
      expect(queueOf(s)).toEqual([]);
    expect(stepOwner(GUARANTEE_LOAN, 'submitted', ROUTING)).toEqual({
      orgId: 'svc-1',
      region: true,
    });
    expect(stepOwner(GUARANTEE_LOAN, 'bank_review', ROUTING)).toEqual({
      orgId: 'bank-1',
      region: false,
    });
    expect(stepOwner(GUARANTEE_LOAN, 'settled', ROUTING)).toEqual({ orgId: null, region: false });
  });
});

/** A plain Monday–Friday calendar (no holidays): enough to test the arithmetic, not the official one. */
const MON_FRI: WorkingCalendar = {
  addWorkingDays(from, n) {
    const d = new Date(from);
    let left = n;
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      const day = d.getUTCDay();
      if (day !== 0 && day !== 6) left--;
    }
    return d;
  },
  workingDaysBetween(from, to) {
    const sign = to >= from ? 1 : -1;
    const [a, b] = sign > 0 ? [from, to] : [to, from];
    let n = 0;
    const d = new Date(a);
    while (true) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d > b) break;
      const day = d.getUTCDay();
      if (day !== 0 && day !== 6) n++;
    }
    return sign * n;
  },
};

describe('guarantee-loan deadlines', () => {
  it('counts each step’s limit in working days', () => {
    const friday = new Date('2026-12-04T09:00:00Z');
    expect(nextDeadline(GUARANTEE_LOAN, 'bank_review', friday, MON_FRI)).toEqual(
      new Date('2026-12-10T09:00:00Z'),
    );
    expect(nextDeadline(GUARANTEE_LOAN, 'repaying', friday, MON_FRI)).toBeNull();
    expect(nextDeadline(GUARANTEE_LOAN, 'settled', friday, MON_FRI)).toBeNull();
  });

  it('marks 临近超时 within a working day of the deadline and 超时 after it', () => {
    const due = new Date('2026-12-10T09:00:00Z'); // Thursday
    expect(deadlineStatus(due, new Date('2026-12-07T09:00:00Z'), MON_FRI)).toBe('ok');
    expect(deadlineStatus(due, new Date('2026-12-09T10:00:00Z'), MON_FRI)).toBe('near');
    expect(deadlineStatus(due, new Date('2026-12-10T09:00:01Z'), MON_FRI)).toBe('overdue');
    expect(deadlineStatus(null, NOW, MON_FRI)).toBe('none');
  });

  it('keeps the whole approval within the national 15 working days', () => {
    const approval = [
      'submitted',
      'eligibility',
      'guarantee_review',
      'bank_review',
      'disbursement',
    ];
    const total = approval.reduce((s, st) => s + (GUARANTEE_LOAN.states[st]!.limitDays ?? 0), 0);
    expect(total).toBe(15);
  });
});
