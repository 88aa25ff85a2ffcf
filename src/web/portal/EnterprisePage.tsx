import { parseCreditCode } from '../../domain/identity/credit-code';
import { DIVISION_ROWS, SECTION_ROWS } from '../../domain/ledger/industry-data';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import type { Enterprise } from './api';
import { ENTITY_TYPE_NAMES, LOCALE, T } from './catalog';
import { CodeSelect, DigitsInput, type Errors, Field, RegionPicker, regionDepth } from './forms';
import { StepForm, type StepFormSpec, useStepForm } from './StepForm';

interface Form {
  name: string;
  creditCode: string;
  type: string;
  section: string;
  division: string;
  region: string;
  regionDepth: number;
  foundedOn: string;
  employees: string;
  jobsCreated: string;
  legalRep: boolean;
}

const EMPTY: Form = {
  name: '',
  creditCode: '',
  type: 'enterprise',
  section: '',
  division: '',
  region: '',
  regionDepth: 0,
  foundedOn: '',
  employees: '',
  jobsCreated: '',
  legalRep: true,
};

const STEP_OF: Record<string, number> = { name: 0, creditCode: 0, type: 0, industryCode: 0 };
const FIELD_OF: Record<string, string> = { regionCode: 'region', industryCode: 'section' };

function sectionOf(code: string | null): string {
  if (!code) return '';
  if (/^[A-T]$/.test(code)) return code;
  return DIVISION_ROWS.find((d) => d[0] === code)?.[1] ?? '';
}

function fromEnterprise(e: Enterprise): Form {
  const section = sectionOf(e.industryCode);
  return {
    name: e.name,
    creditCode: e.creditCode,
    type: e.type,
    section,
    division: e.industryCode && e.industryCode !== section ? e.industryCode : '',
    region: e.region?.code ?? '',
    regionDepth: regionDepth(e.region?.code ?? ''),
    foundedOn: e.foundedOn ?? '',
    employees: String(e.employees),
    jobsCreated: String(e.jobsCreated),
    legalRep: e.roles.includes('legal_rep'),
  };
}

/** The credit code checked in the browser: an error, a pilot-code warning, or nothing. */
function creditCheck(raw: string): { error?: string; warning?: string } {
  if (!raw.trim()) return {};
  const r = parseCreditCode(raw);
  if (!r.ok) return { error: ledgerIssueMessage(r.code, 'zh-CN') };
  return r.warning ? { warning: ledgerIssueMessage(r.warning, 'zh-CN') } : {};
}

const SPEC: StepFormSpec<Form, Enterprise> = {
  path: '/api/portal/enterprise',
  key: 'enterprise',
  objectType: 'entity',
  empty: EMPTY,
  fromSaved: fromEnterprise,
  steps: 2,
  stepOf: STEP_OF,
  fieldOf: FIELD_OF,
  check: (at, form) => {
    const credit = creditCheck(form.creditCode);
    const e: Errors = {};
    if (at === 0) {
      if (form.name.trim().length < 2) e.name = ledgerIssueMessage('ENTITY_NAME_LENGTH', 'zh-CN');
      if (!form.creditCode.trim()) e.creditCode = T.required;
      else if (credit.error) e.creditCode = credit.error;
      if (!form.section) e.section = T.required;
    }
    if (at === 1) {
      if (form.regionDepth < 3) e.region = T.regionTooShallow;
      if (!form.foundedOn) e.foundedOn = T.required;
    }
    return e;
  },
  body: (form) => ({
    name: form.name,
    creditCode: form.creditCode,
    type: form.type,
    industryCode: form.division || form.section,
    regionCode: form.region,
    foundedOn: form.foundedOn,
    employees: Number(form.employees || 0),
    jobsCreated: Number(form.jobsCreated || 0),
    legalRepresentative: form.legalRep,
  }),
};

/** The enterprise, step by step: who it is, then where and how big. */
export function EnterprisePage() {
  const wizard = useStepForm(SPEC);
  const { saved, form, setForm, set, step, errors } = wizard;

  if (saved === undefined) return <p className="block">{T.loading}</p>;
  const credit = creditCheck(form.creditCode);
  const divisions = DIVISION_ROWS.filter((d) => d[1] === form.section);

  return (
    <StepForm title={T.enterpriseTitle} stepTitles={T.enterpriseSteps} wizard={wizard}>
      {step === 0 && (
        <>
          <Field label={T.entityName} error={errors.name}>
            <input name="name" value={form.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field
            label={T.creditCode}
            error={errors.creditCode}
            hint={credit.warning && <span className="warn">{credit.warning}</span>}
          >
            <input
              name="creditCode"
              autoComplete="off"
              maxLength={18}
              placeholder={T.creditCodePlaceholder}
              value={form.creditCode}
              onChange={(e) => set('creditCode', e.target.value.toUpperCase())}
            />
          </Field>
          <Field label={T.entityType} error={errors.type}>
            <CodeSelect
              name="type"
              names={ENTITY_TYPE_NAMES}
              value={form.type}
              onChange={(v) => set('type', v)}
            />
          </Field>
          <Field label={T.industrySection} error={errors.section}>
            <select
              name="section"
              value={form.section}
              onChange={(e) => setForm((f) => ({ ...f, section: e.target.value, division: '' }))}
            >
              <option value="">{T.pickRegion}</option>
              {SECTION_ROWS.map(([code, zh, en]) => (
                <option key={code} value={code}>
                  {code} {LOCALE === 'en' ? en : zh}
                </option>
              ))}
            </select>
          </Field>
          {divisions.length > 0 && (
            <Field label={T.industryDivision}>
              <select
                name="division"
                value={form.division}
                onChange={(e) => set('division', e.target.value)}
              >
                <option value="">{T.pickRegion}</option>
                {divisions.map(([code, , zh, en]) => (
                  <option key={code} value={code}>
                    {code} {LOCALE === 'en' ? en : zh}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </>
      )}
      {step === 1 && (
        <>
          <RegionPicker
            name="region"
            label={T.entityRegion}
            value={form.region}
            error={errors.region}
            onChange={(code, depth) => setForm((f) => ({ ...f, region: code, regionDepth: depth }))}
          />
          <Field label={T.foundedOn} error={errors.foundedOn}>
            <input
              name="foundedOn"
              type="date"
              value={form.foundedOn}
              onChange={(e) => set('foundedOn', e.target.value)}
            />
          </Field>
          <Field label={T.employees} error={errors.employees}>
            <DigitsInput
              name="employees"
              value={form.employees}
              onChange={(v) => set('employees', v)}
            />
          </Field>
          <Field label={T.jobsCreated} error={errors.jobsCreated}>
            <DigitsInput
              name="jobsCreated"
              value={form.jobsCreated}
              onChange={(v) => set('jobsCreated', v)}
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              name="legalRep"
              checked={form.legalRep}
              onChange={(e) => set('legalRep', e.target.checked)}
            />
            {T.legalRep}
          </label>
        </>
      )}
    </StepForm>
  );
}
