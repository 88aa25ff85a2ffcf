import { type FormEvent, useEffect, useState } from 'react';
import { parseIdNumber } from '../../domain/identity/id-number';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import { api, ApiError, type Profile } from './api';
import { CATEGORY_NAMES, EDUCATION_NAMES, SEX_NAMES, STATUS_NAMES, T } from './catalog';
import { Field, FormMessage, RegionPicker, Steps } from './forms';
import { navigate } from './router';
import { refreshSession } from './session';

type Errors = Record<string, string | undefined>;

interface Form {
  name: string;
  idNumber: string;
  hukou: string;
  hukouDepth: number;
  current: string;
  currentDepth: number;
  categories: string[];
  status: string;
  away: string;
  monthsAway: string;
  returnDate: string;
  education: string;
  skills: string;
}

const EMPTY: Form = {
  name: '',
  idNumber: '',
  hukou: '',
  hukouDepth: 0,
  current: '',
  currentDepth: 0,
  categories: [],
  status: 'returned',
  away: '',
  monthsAway: '',
  returnDate: '',
  education: '',
  skills: '',
};

/** Which step holds each field, so a server error takes the user back to it. */
const STEP_OF: Record<string, number> = {
  name: 0,
  idNumber: 0,
  hukouRegionCode: 1,
  currentRegionCode: 1,
  categories: 1,
  status: 1,
  awayProvinceCode: 2,
  awayCityCode: 2,
  monthsAway: 2,
  returnDate: 2,
  education: 2,
  skills: 2,
};

const FIELD_OF: Record<string, string> = {
  hukouRegionCode: 'hukou',
  currentRegionCode: 'current',
  awayProvinceCode: 'away',
  awayCityCode: 'away',
};

function fromProfile(p: Profile): Form {
  const depth = (code: string | undefined) => (code ? 4 : 0);
  return {
    name: p.name,
    idNumber: '',
    hukou: p.hukouRegion?.code ?? '',
    hukouDepth: depth(p.hukouRegion?.code),
    current: p.currentRegion?.code ?? '',
    currentDepth: depth(p.currentRegion?.code),
    categories: p.categories,
    status: p.status,
    away: p.awayCityCode
      ? `${p.awayCityCode}00000000`
      : p.awayProvinceCode
        ? `${p.awayProvinceCode}0000000000`
        : '',
    monthsAway: p.monthsAway === null ? '' : String(p.monthsAway),
    returnDate: p.returnDate ?? '',
    education: p.education ?? '',
    skills: p.skills,
  };
}

/** The ID number checked with the server's own code: the reason, or sex and birth date. */
function idCheck(idNumber: string): { error?: string; derived?: string } {
  if (!idNumber.trim()) return {};
  const r = parseIdNumber(idNumber);
  if (!r.ok) return { error: ledgerIssueMessage(r.code, 'zh-CN') };
  return { derived: T.derived(SEX_NAMES[r.value.sex] ?? '', r.value.birthDate) };
}

/** The profile, step by step: identity, places and groups, work away and return. */
export function ProfilePage() {
  const [loaded, setLoaded] = useState<Profile | null | undefined>(undefined);
  const [form, setForm] = useState<Form>(EMPTY);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ profile: Profile | null }>('GET', '/api/portal/profile')
      .then((r) => {
        setLoaded(r.profile);
        if (r.profile) setForm(fromProfile(r.profile));
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
  const id = idCheck(form.idNumber);

  const checkStep = (at: number): Errors => {
    const e: Errors = {};
    if (at === 0) {
      if (form.name.trim().length < 2) e.name = ledgerIssueMessage('PERSON_NAME_LENGTH', 'zh-CN');
      if (!loaded && !form.idNumber.trim()) e.idNumber = T.required;
      else if (id.error) e.idNumber = id.error;
    }
    if (at === 1) {
      if (form.hukouDepth < 3) e.hukou = '请选择到区县或乡镇（街道）';
      if (form.currentDepth < 3) e.current = '请选择到区县或乡镇（街道）';
      if (form.categories.length === 0)
        e.categories = ledgerIssueMessage('CATEGORIES_EMPTY', 'zh-CN');
    }
    if (at === 2 && !form.education) e.education = T.required;
    return e;
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const found = checkStep(step);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    if (step < 2) setStep(step + 1);
    else void submit();
  };

  const submit = async () => {
    setBusy(true);
    try {
      const months = form.monthsAway.trim();
      await api('PUT', '/api/portal/profile', {
        name: form.name,
        ...(form.idNumber.trim() ? { idNumber: form.idNumber } : {}),
        hukouRegionCode: form.hukou,
        currentRegionCode: form.current,
        categories: form.categories,
        status: form.status,
        awayProvinceCode: form.away ? form.away.slice(0, 2) : null,
        awayCityCode: form.away && form.away.slice(2, 4) !== '00' ? form.away.slice(0, 4) : null,
        monthsAway: months ? Number(months) : null,
        returnDate: form.returnDate || null,
        education: form.education,
        skills: form.skills,
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
      const steps = Object.keys(byField).map((k) => STEP_OF[k] ?? 2);
      if (steps.length > 0) setStep(Math.min(...steps));
    } finally {
      setBusy(false);
    }
  };

  if (loaded === undefined) return <p className="block">{T.loading}</p>;

  const toggle = (code: string) =>
    set(
      'categories',
      form.categories.includes(code)
        ? form.categories.filter((c) => c !== code)
        : [...form.categories, code],
    );

  return (
    <section className="block wizard">
      <h1>{T.profileTitle}</h1>
      <Steps titles={T.profileSteps} at={step} />
      <form className="form" onSubmit={next} noValidate>
        {step === 0 && (
          <>
            <Field label={T.name} error={errors.name}>
              <input
                name="name"
                autoComplete="name"
                value={form.name}
                onChange={(e) => set('name', e.target.value)}
              />
            </Field>
            <Field
              label={T.idNumber}
              error={errors.idNumber}
              hint={id.derived ?? (loaded ? T.idNumberKeep(loaded.idNumberMasked) : undefined)}
            >
              <input
                name="idNumber"
                inputMode="text"
                autoComplete="off"
                maxLength={18}
                placeholder={loaded ? loaded.idNumberMasked : T.idNumberPlaceholder}
                value={form.idNumber}
                onChange={(e) => set('idNumber', e.target.value)}
              />
            </Field>
          </>
        )}
        {step === 1 && (
          <>
            <RegionPicker
              name="hukou"
              label={T.hukou}
              value={form.hukou}
              error={errors.hukou}
              onChange={(code, depth) => setForm((f) => ({ ...f, hukou: code, hukouDepth: depth }))}
            />
            <RegionPicker
              name="current"
              label={T.current}
              value={form.current}
              error={errors.current}
              onChange={(code, depth) =>
                setForm((f) => ({ ...f, current: code, currentDepth: depth }))
              }
            />
            <fieldset className={errors.categories ? 'field has-error' : 'field'}>
              <legend className="field-label">{T.categories}</legend>
              <div className="chips">
                {Object.entries(CATEGORY_NAMES).map(([code, label]) => (
                  <label key={code} className={form.categories.includes(code) ? 'chip on' : 'chip'}>
                    <input
                      type="checkbox"
                      checked={form.categories.includes(code)}
                      onChange={() => toggle(code)}
                    />
                    {label}
                  </label>
                ))}
              </div>
              {errors.categories && (
                <span className="field-error" role="alert">
                  {errors.categories}
                </span>
              )}
            </fieldset>
            <Field label={T.status} error={errors.status}>
              <select
                name="status"
                value={form.status}
                onChange={(e) => set('status', e.target.value)}
              >
                {Object.entries(STATUS_NAMES).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        {step === 2 && (
          <>
            <RegionPicker
              name="away"
              label={T.awayPlace}
              value={form.away}
              levels={2}
              error={errors.away}
              onChange={(code) => set('away', code)}
            />
            <Field label={T.monthsAway} error={errors.monthsAway}>
              <input
                name="monthsAway"
                inputMode="numeric"
                value={form.monthsAway}
                onChange={(e) => set('monthsAway', e.target.value.replace(/\D/g, ''))}
              />
            </Field>
            <Field label={T.returnDate} error={errors.returnDate}>
              <input
                name="returnDate"
                type="date"
                value={form.returnDate}
                onChange={(e) => set('returnDate', e.target.value)}
              />
            </Field>
            <Field label={T.education} error={errors.education}>
              <select
                name="education"
                value={form.education}
                onChange={(e) => set('education', e.target.value)}
              >
                <option value="">{T.pickRegion}</option>
                {Object.entries(EDUCATION_NAMES).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={T.skills} error={errors.skills}>
              <textarea
                name="skills"
                rows={3}
                maxLength={500}
                placeholder={T.skillsPlaceholder}
                value={form.skills}
                onChange={(e) => set('skills', e.target.value)}
              />
            </Field>
          </>
        )}
        <FormMessage error={errors.form} />
        <div className="wizard-buttons">
          {step > 0 && (
            <button type="button" className="btn btn-ghost" onClick={() => setStep(step - 1)}>
              {T.prev}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {step < 2 ? T.next : busy ? T.saving : T.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
