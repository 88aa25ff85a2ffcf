import {
  DISBURSED_STATES,
  LOAN_CASE_TYPE,
  OUTSTANDING_STATES,
} from '../../../domain/indicators/case-indicators.js';
import { UNDATED_MONTH } from '../../../domain/indicators/periods.js';
import { CASE_TYPES } from '../../../domain/cases/case-types.js';

/**
 * The SQL of the case counters (`stats.case_counters`, metrics declared in
 * src/domain/indicators/case-indicators.ts): what one case row adds (`stats.case_contrib`), what
 * one transition adds (`stats.transition_contrib`), the statement-level triggers that apply both
 * inside every writing transaction, a BEFORE trigger that records on a loan file whether its
 * applicant was a 农民工 when the money moved, a trigger that keeps a loan file's `repaidFen`
 * equal to the principal of its repayments (`loan_repayments`), and the initial fill. Its output is committed as
 * the custom migration `case_counters`; a test keeps the two equal.
 *
 * Regenerate with: `npx tsx src/server/statistics/stats/print-case-counter-sql.ts > drizzle/<file>.sql`.
 */

const BREAK = '\n--> statement-breakpoint\n';
const U = `'${UNDATED_MONTH}'`;
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** States with no time limit (还款中, 逾期 …): time spent there is not a step of the approval. */
const UNCLOCKED = [
  ...new Set(
    Object.values(CASE_TYPES).flatMap((t) =>
      Object.entries(t.states)
        .filter(([, s]) => s.limitDays === null)
        .map(([code]) => code),
    ),
  ),
].sort();

/**
 * `stats.case_contrib(c)`: the (organisation, month, metric, value) a case row adds, without the
 * region lineage. Owner metrics go to `''` and the owner organisation; loan metrics to `''` and
 * the lending bank.
 */
const CASE_CONTRIB = `CREATE OR REPLACE FUNCTION stats.case_contrib(c public.cases)
RETURNS TABLE (org_id text, month char(7), metric text, value bigint)
LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT
      c.type = '${LOAN_CASE_TYPE}' AND c.state IN (${list(DISBURSED_STATES)}) AND (c.data ? 'disbursedFen') AS disbursed,
      c.type = '${LOAN_CASE_TYPE}' AND c.state IN (${list(OUTSTANDING_STATES)}) AND (c.data ? 'disbursedFen') AS outstanding,
      coalesce((c.data ->> 'disbursedFen')::bigint, 0) AS amount,
      greatest(coalesce((c.data ->> 'disbursedFen')::bigint, 0) - coalesce((c.data ->> 'repaidFen')::bigint, 0), 0) AS balance,
      coalesce(left(c.data ->> 'disbursedOn', 7), ${U})::char(7) AS dmonth,
      coalesce((c.data ->> 'migrantWorker')::boolean, false) AS migrant
  )
  SELECT o.org, x.month, x.metric, x.value
  FROM f
  CROSS JOIN LATERAL (VALUES
    (${U}::char(7), 'open', CASE WHEN NOT c.terminal AND c.due_at IS NOT NULL THEN 1 ELSE 0 END::bigint, true),
    (${U}::char(7), 'open_overdue', CASE WHEN NOT c.terminal AND c.due_at IS NOT NULL AND c.deadline_status = 'overdue' THEN 1 ELSE 0 END::bigint, true),
    (f.dmonth, 'disbursed_count', CASE WHEN f.disbursed THEN 1 ELSE 0 END::bigint, false),
    (f.dmonth, 'disbursed_fen', CASE WHEN f.disbursed THEN f.amount ELSE 0 END, false),
    (f.dmonth, 'migrant_count', CASE WHEN f.disbursed AND f.migrant THEN 1 ELSE 0 END::bigint, false),
    (f.dmonth, 'migrant_fen', CASE WHEN f.disbursed AND f.migrant THEN f.amount ELSE 0 END, false),
    (${U}::char(7), 'balance_fen', CASE WHEN f.outstanding THEN f.balance ELSE 0 END, false),
    (${U}::char(7), 'overdue_fen', CASE WHEN f.outstanding AND c.state = 'overdue' THEN f.balance ELSE 0 END, false),
    (${U}::char(7), 'overdue_count', CASE WHEN f.outstanding AND c.state = 'overdue' THEN 1 ELSE 0 END::bigint, false),
    (f.dmonth, 'compensated_count', CASE WHEN f.disbursed AND c.state = 'compensated' THEN 1 ELSE 0 END::bigint, false),
    (f.dmonth, 'compensated_fen', CASE WHEN f.disbursed AND c.state = 'compensated' THEN coalesce((c.data ->> 'compensatedFen')::bigint, f.balance) ELSE 0 END, false)
  ) AS x(month, metric, value, by_owner)
  CROSS JOIN LATERAL (
    SELECT ''::text
    UNION ALL SELECT c.owner_org_id::text WHERE x.by_owner AND c.owner_org_id IS NOT NULL
    UNION ALL SELECT c.routing ->> 'bankOrgId' WHERE NOT x.by_owner AND (c.routing ->> 'bankOrgId') IS NOT NULL
  ) AS o(org)
  WHERE x.value <> 0
$$`;

/**
 * `stats.transition_contrib(t, case_type)`: the working days of the step a transition ended, in
 * the month it ended (China time), for all and for the organisation that ended it, in total and
 * per step (`step_days:<state>`).
 */
const TRANSITION_CONTRIB = `CREATE OR REPLACE FUNCTION stats.transition_contrib(t public.case_transitions)
RETURNS TABLE (org_id text, month char(7), metric text, value bigint)
LANGUAGE sql STABLE AS $$
  SELECT o.org, to_char((t.at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')::char(7), m.metric, m.value
  FROM (VALUES
    ('step_days', t.working_days_in_state::bigint),
    ('steps', 1::bigint),
    ('step_days:' || t.from_state, t.working_days_in_state::bigint),
    ('steps:' || t.from_state, 1::bigint)
  ) AS m(metric, value)
  CROSS JOIN LATERAL (
    SELECT ''::text UNION ALL SELECT t.actor_org_id::text WHERE t.actor_org_id IS NOT NULL
  ) AS o(org)
  WHERE t.working_days_in_state IS NOT NULL AND t.from_state IS NOT NULL AND t.from_state <> t.to_state
    AND t.from_state NOT IN (${list(UNCLOCKED)})
$$`;

/**
 * Rows per counter number (`stats.case_counters.slot`). Every transition adds to the rows of the
 * nation, its province, city and county: with one row each, concurrent transitions anywhere
 * queued on the nation's row until the first committed. A writer adds to the slot of its
 * connection (`pg_backend_pid() % slots`), so concurrent writers take different rows; readers sum.
 */
export const CASE_COUNTER_SLOTS = 16;

/**
 * Upsert of grouped contributions `d(case_type, region_code, org_id, month, metric, value)` into
 * the connection's slot, in key order, so that two writers lock shared rows in the same order.
 */
function applySql(d: string, keepZero = false): string {
  return `INSERT INTO stats.case_counters AS k (case_type, region_code, org_id, month, metric, value, slot)
SELECT d.case_type, l.code, d.org_id, d.month, d.metric, sum(d.value), (pg_backend_pid() % ${CASE_COUNTER_SLOTS})::smallint
FROM (${d}) AS d
CROSS JOIN LATERAL stats.lineage(d.region_code) AS l(code)
GROUP BY 1, 2, 3, 4, 5${keepZero ? '' : '\nHAVING sum(d.value) <> 0'}
ORDER BY 2, 1, 3, 5, 4
ON CONFLICT (region_code, case_type, org_id, metric, month, slot) DO UPDATE SET value = k.value + excluded.value`;
}

/** The contributions of every case and transition now stored (fill, rebuild and verify). */
export function allCaseContribSql(): string {
  return `SELECT c.type AS case_type, c.region_code, x.org_id, x.month, x.metric, x.value
  FROM public.cases c CROSS JOIN LATERAL stats.case_contrib(c) AS x
UNION ALL
SELECT c.type, c.region_code, x.org_id, x.month, x.metric, x.value
  FROM public.case_transitions t JOIN public.cases c ON c.id = t.case_id
  CROSS JOIN LATERAL stats.transition_contrib(t) AS x`;
}

const caseRows = (rel: string, sign: string) =>
  `SELECT r.type AS case_type, r.region_code, x.org_id, x.month, x.metric, ${sign}x.value AS value FROM ${rel} r CROSS JOIN LATERAL stats.case_contrib(r) AS x`;

const CASE_TRIGGER_FN = `CREATE OR REPLACE FUNCTION stats.cases_counters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${applySql(caseRows('fx_new', '')).replace(/\n/g, '\n    ')};
  ELSIF TG_OP = 'UPDATE' THEN
    ${applySql(`${caseRows('fx_new', '')} UNION ALL ${caseRows('fx_old', '-')}`).replace(/\n/g, '\n    ')};
  ELSE
    ${applySql(caseRows('fx_old', '-')).replace(/\n/g, '\n    ')};
  END IF;
  RETURN NULL;
END;
$$`;

const TRANSITION_TRIGGER_FN = `CREATE OR REPLACE FUNCTION stats.case_transitions_counters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  ${applySql(
    `SELECT c.type AS case_type, c.region_code, x.org_id, x.month, x.metric, x.value FROM fx_new t JOIN public.cases c ON c.id = t.case_id CROSS JOIN LATERAL stats.transition_contrib(t) AS x`,
  ).replace(/\n/g, '\n  ')};
  RETURN NULL;
END;
$$`;

/**
 * Records on a loan file, once, whether its applicant's ledger categories held 农民工 when the
 * disbursement was recorded: the "of which to 返乡农民工" figure counts the loan as it was lent.
 */
const SNAPSHOT_FN = `CREATE OR REPLACE FUNCTION stats.case_applicant_snapshot() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type = '${LOAN_CASE_TYPE}' AND (NEW.data ? 'disbursedFen') AND NOT (NEW.data ? 'migrantWorker') THEN
    NEW.data := NEW.data || jsonb_build_object('migrantWorker', coalesce(
      (SELECT 'migrant_worker' = ANY (p.categories) FROM public.people p WHERE p.id = NEW.subject_person_id), false));
  END IF;
  RETURN NEW;
END;
$$`;

/**
 * Keeps `data.repaidFen` of a loan file equal to the principal of its recorded repayments
 * (`loan_repayments`), so that the balance follows each repayment through the case triggers.
 */
const REPAID_FN = `CREATE OR REPLACE FUNCTION stats.loan_repaid_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.cases c
  SET data = c.data || jsonb_build_object('repaidFen',
    (SELECT coalesce(sum(r.principal_fen), 0) FROM public.loan_repayments r WHERE r.case_id = c.id))
  WHERE c.id IN (SELECT case_id FROM fx_rows);
  RETURN NULL;
END;
$$`;

const TRIGGERS = [
  `CREATE OR REPLACE TRIGGER cases_applicant_snapshot BEFORE INSERT OR UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION stats.case_applicant_snapshot()`,
  `CREATE OR REPLACE TRIGGER cases_counters_insert AFTER INSERT ON public.cases REFERENCING NEW TABLE AS fx_new FOR EACH STATEMENT EXECUTE FUNCTION stats.cases_counters()`,
  `CREATE OR REPLACE TRIGGER cases_counters_update AFTER UPDATE ON public.cases REFERENCING OLD TABLE AS fx_old NEW TABLE AS fx_new FOR EACH STATEMENT EXECUTE FUNCTION stats.cases_counters()`,
  `CREATE OR REPLACE TRIGGER cases_counters_delete AFTER DELETE ON public.cases REFERENCING OLD TABLE AS fx_old FOR EACH STATEMENT EXECUTE FUNCTION stats.cases_counters()`,
  `CREATE OR REPLACE TRIGGER loan_repayments_repaid_insert AFTER INSERT ON public.loan_repayments REFERENCING NEW TABLE AS fx_rows FOR EACH STATEMENT EXECUTE FUNCTION stats.loan_repaid_sync()`,
  `CREATE OR REPLACE TRIGGER loan_repayments_repaid_delete AFTER DELETE ON public.loan_repayments REFERENCING OLD TABLE AS fx_rows FOR EACH STATEMENT EXECUTE FUNCTION stats.loan_repaid_sync()`,
  `CREATE OR REPLACE TRIGGER case_transitions_counters_insert AFTER INSERT ON public.case_transitions REFERENCING NEW TABLE AS fx_new FOR EACH STATEMENT EXECUTE FUNCTION stats.case_transitions_counters()`,
];

/** Refills the case counters from the cases and transitions now stored. */
export function caseFillSql(): string {
  return applySql(allCaseContribSql());
}

/** The whole migration: functions, triggers and the initial fill. */
export function caseCounterMigrationSql(): string {
  const header =
    '-- Generated by src/server/statistics/stats/case-counter-sql.ts from src/domain/indicators/case-indicators.ts: do not edit.\n';
  const statements = [
    CASE_CONTRIB,
    TRANSITION_CONTRIB,
    CASE_TRIGGER_FN,
    TRANSITION_TRIGGER_FN,
    SNAPSHOT_FN,
    REPAID_FN,
    ...TRIGGERS,
    // Loans repaid before this migration.
    `UPDATE public.cases c SET data = c.data || jsonb_build_object('repaidFen', r.fen)
  FROM (SELECT case_id, sum(principal_fen) AS fen FROM public.loan_repayments GROUP BY case_id) AS r
  WHERE r.case_id = c.id`,
    'DELETE FROM stats.case_counters',
    caseFillSql(),
  ];
  return `${header}${statements.join(`;${BREAK}`)};\n`;
}
