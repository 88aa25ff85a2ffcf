import { parseIdNumber } from '../../domain/identity/id-number';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import type { Profile } from './api';
import { CATEGORY_NAMES, EDUCATION_NAMES, SEX_NAMES, STATUS_NAMES, T } from './catalog';
import { CodeSelect, DigitsInput, type Errors, Field, RegionPicker, regionDepth } from './forms';
import { StepForm, type StepFormSpec, useStepForm } from './StepForm';

interface Form {
  name: string;
  idNumber: string;
  hukou: string;
  hukouDepth: number;
  current: string;
  currentDepth: number;
  /** 现居地同户籍地: the current place follows the household one. */
  sameAsHukou: boolean;
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
  sameAsHukou: false,
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
  const depth = (code: string | undefined) => regionDepth(code ?? '');
  const hukou = p.hukouRegion?.code ?? '';
  return {
    name: p.name,
    idNumber: '',
    hukou: p.hukouRegion?.code ?? '',
    hukouDepth: depth(p.hukouRegion?.code),
    current: p.currentRegion?.code ?? '',
    currentDepth: depth(p.currentRegion?.code),
    sameAsHukou: hukou !== '' && hukou === (p.currentRegion?.code ?? ''),
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

const SPEC: StepFormSpec<Form, Profile> = {
  path: '/api/portal/profile',
  key: 'profile',
  objectType: 'person',
  empty: EMPTY,
  fromSaved: fromProfile,
  steps: 3,
  stepOf: STEP_OF,
  fieldOf: FIELD_OF,
  check: (at, form, saved) => {
    const id = idCheck(form.idNumber);
    const e: Errors = {};
    if (at === 0) {
      if (form.name.trim().length < 2) e.name = ledgerIssueMessage('PERSON_NAME_LENGTH', 'zh-CN');
      if (!saved && !form.idNumber.trim()) e.idNumber = T.required;
      else if (id.error) e.idNumber = id.error;
    }
    if (at === 1) {
      if (form.hukouDepth < 3) e.hukou = T.regionTooShallow;
      if (!form.sameAsHukou && form.currentDepth < 3) e.current = T.regionTooShallow;
      if (form.categories.length === 0)
        e.categories = ledgerIssueMessage('CATEGORIES_EMPTY', 'zh-CN');
    }
    if (at === 2 && !form.education) e.education = T.required;
    return e;
  },
  body: (form) => {
    const months = form.monthsAway.trim();
    return {
      name: form.name,
      ...(form.idNumber.trim() ? { idNumber: form.idNumber } : {}),
      hukouRegionCode: form.hukou,
      currentRegionCode: form.sameAsHukou ? form.hukou : form.current,
      categories: form.categories,
      status: form.status,
      awayProvinceCode: form.away ? form.away.slice(0, 2) : null,
      awayCityCode: form.away && form.away.slice(2, 4) !== '00' ? form.away.slice(0, 4) : null,
      monthsAway: months ? Number(months) : null,
      returnDate: form.returnDate || null,
      education: form.education,
      skills: form.skills,
    };
  },
};

/** The profile, step by step: identity, places and groups, work away and return. */
export function ProfilePage() {
  const wizard = useStepForm(SPEC);
  const { saved, form, setForm, set, step, errors } = wizard;

  if (saved === undefined) return <p className="block">{T.loading}</p>;

  const id = idCheck(form.idNumber);
  const toggle = (code: string) =>
    set(
      'categories',
      form.categories.includes(code)
        ? form.categories.filter((c) => c !== code)
        : [...form.categories, code],
    );

  return (
    <StepForm title={T.profileTitle} stepTitles={T.profileSteps} wizard={wizard}>
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
            hint={id.derived ?? (saved ? T.idNumberKeep(saved.idNumberMasked) : undefined)}
          >
            <input
              name="idNumber"
              inputMode="text"
              autoComplete="off"
              maxLength={18}
              placeholder={saved ? saved.idNumberMasked : T.idNumberPlaceholder}
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
          <label className="check">
            <input
              type="checkbox"
              name="sameAsHukou"
              checked={form.sameAsHukou}
              onChange={(e) =>
                setForm((f) => ({
                  ...f,
                  sameAsHukou: e.target.checked,
                  // Unticked: the current place starts from the household one, to be changed.
                  ...(e.target.checked ? {} : { current: f.hukou, currentDepth: f.hukouDepth }),
                }))
              }
            />
            {T.sameAsHukou}
          </label>
          {!form.sameAsHukou && (
            <RegionPicker
              name="current"
              label={T.current}
              value={form.current}
              error={errors.current}
              onChange={(code, depth) =>
                setForm((f) => ({ ...f, current: code, currentDepth: depth }))
              }
            />
          )}
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
            <CodeSelect
              name="status"
              names={STATUS_NAMES}
              value={form.status}
              onChange={(v) => set('status', v)}
            />
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
            <DigitsInput
              name="monthsAway"
              value={form.monthsAway}
              onChange={(v) => set('monthsAway', v)}
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
            <CodeSelect
              name="education"
              names={EDUCATION_NAMES}
              value={form.education}
              onChange={(v) => set('education', v)}
              pick
            />
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
    </StepForm>
  );
}
