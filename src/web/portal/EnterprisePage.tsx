import { type FormEvent, useEffect, useState } from 'react';
import { parseCreditCode } from '../../domain/identity/credit-code';
import { DIVISION_ROWS, SECTION_ROWS } from '../../domain/ledger/industry-data';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import { api, ApiError, type Enterprise } from './api';
import { ENTITY_TYPE_NAMES, T } from './catalog';
import { Field, FormMessage, RegionPicker, Steps } from './forms';
import { navigate } from './router';
import { refreshSession } from './session';

type Errors = Record<string, string | undefined>;

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
    regionDepth: e.region ? 4 : 0,
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

/** The enterprise, step by step: who it is, then where and how big. */
export function EnterprisePage() {
  const [loaded, setLoaded] = useState<Enterprise | null | undefined>(undefined);
  const [form, setForm] = useState<Form>(EMPTY);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ enterprise: Enterprise | null }>('GET', '/api/portal/enterprise')
      .then((r) => {
        setLoaded(r.enterprise);
        if (r.enterprise) setForm(fromEnterprise(r.enterprise));
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        else setLoaded(null);
      });
  }, []);

  // Editing a field clears its error; the input itself is never reset.
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  const credit = creditCheck(form.creditCode);

  const checkStep = (at: number): Errors => {
    const e: Errors = {};
    if (at === 0) {
      if (form.name.trim().length < 2) e.name = ledgerIssueMessage('ENTITY_NAME_LENGTH', 'zh-CN');
      if (!form.creditCode.trim()) e.creditCode = T.required;
      else if (credit.error) e.creditCode = credit.error;
      if (!form.section) e.section = T.required;
    }
    if (at === 1) {
      if (form.regionDepth < 3) e.region = '请选择到区县或乡镇（街道）';
      if (!form.foundedOn) e.foundedOn = T.required;
    }
    return e;
  };

  const submit = async () => {
    setBusy(true);
    try {
      await api('PUT', '/api/portal/enterprise', {
        name: form.name,
        creditCode: form.creditCode,
        type: form.type,
        industryCode: form.division || form.section,
        regionCode: form.region,
        foundedOn: form.foundedOn,
        employees: Number(form.employees || 0),
        jobsCreated: Number(form.jobsCreated || 0),
        legalRepresentative: form.legalRep,
        ...(loaded ? { version: loaded.version } : {}),
      });
      await refreshSession();
      navigate('/me');
    } catch (err) {
      if (!(err instanceof ApiError)) return setErrors({ form: T.networkError });
      const byField = err.fieldErrors();
      const mapped: Errors = {};
      for (const [k, v] of Object.entries(byField)) mapped[FIELD_OF[k] ?? k] = v;
      if (Object.keys(mapped).length === 0) mapped.form = err.message;
      setErrors(mapped);
      const steps = Object.keys(byField).map((k) => STEP_OF[k] ?? 1);
      if (steps.length > 0) setStep(Math.min(...steps));
    } finally {
      setBusy(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const found = checkStep(step);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    if (step < 1) setStep(1);
    else void submit();
  };

  if (loaded === undefined) return <p className="block">{T.loading}</p>;
  const divisions = DIVISION_ROWS.filter((d) => d[1] === form.section);

  return (
    <section className="block wizard">
      <h1>{T.enterpriseTitle}</h1>
      <Steps titles={T.enterpriseSteps} at={step} />
      <form className="form" onSubmit={next} noValidate>
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
              <select name="type" value={form.type} onChange={(e) => set('type', e.target.value)}>
                {Object.entries(ENTITY_TYPE_NAMES).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={T.industrySection} error={errors.section}>
              <select
                name="section"
                value={form.section}
                onChange={(e) => setForm((f) => ({ ...f, section: e.target.value, division: '' }))}
              >
                <option value="">{T.pickRegion}</option>
                {SECTION_ROWS.map(([code, zh]) => (
                  <option key={code} value={code}>
                    {code} {zh}
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
                  {divisions.map(([code, , zh]) => (
                    <option key={code} value={code}>
                      {code} {zh}
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
              onChange={(code, depth) =>
                setForm((f) => ({ ...f, region: code, regionDepth: depth }))
              }
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
              <input
                name="employees"
                inputMode="numeric"
                value={form.employees}
                onChange={(e) => set('employees', e.target.value.replace(/\D/g, ''))}
              />
            </Field>
            <Field label={T.jobsCreated} error={errors.jobsCreated}>
              <input
                name="jobsCreated"
                inputMode="numeric"
                value={form.jobsCreated}
                onChange={(e) => set('jobsCreated', e.target.value.replace(/\D/g, ''))}
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
        <FormMessage error={errors.form} />
        <div className="wizard-buttons">
          {step > 0 && (
            <button type="button" className="btn btn-ghost" onClick={() => setStep(0)}>
              {T.prev}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {step < 1 ? T.next : busy ? T.saving : T.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
