import { type FormEvent, useEffect, useState } from 'react';
import { parseAmountFen } from '../shared/amount-input';
import { api, ApiError } from './api';
import { LOCALE, T } from './catalog';
import { CodeSelect, DigitsInput, type Errors, Field, FormMessage, Steps } from './forms';
import { COLLATERAL_NAMES, LOAN_T, OTHER_LOAN_NAMES } from './loans-catalog';
import type { BankOption, LoanEligibility, LoanProduct } from './loans-api';
import { Link, navigate } from './router';

type Kind = 'individual' | 'partnership' | 'enterprise';

interface Form {
  kind: Kind;
  members: string;
  amount: string;
  term: string;
  purpose: string;
  collateral: string;
  bankOrgId: string;
  noOtherLoans: boolean;
  otherHolder: 'applicant' | 'spouse';
  otherKind: string;
  otherBalance: string;
  confirmed: boolean;
}

const EMPTY: Form = {
  kind: 'individual',
  members: '2',
  amount: '',
  term: '36',
  purpose: '',
  collateral: 'credit',
  bankOrgId: '',
  noOtherLoans: true,
  otherHolder: 'applicant',
  otherKind: 'housing',
  otherBalance: '',
  confirmed: false,
};

/** The loan part of the form as the API reads it, or the errors by field. */
function readLoan(form: Form): { body?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const amountFen = parseAmountFen(form.amount, 'wan');
  if (!amountFen) errors.amount = LOAN_T.amountBad;
  const term = Number(form.term);
  if (!Number.isInteger(term) || term < 1 || term > 60) errors.term = LOAN_T.termBad;
  if (form.purpose.trim().length < 2) errors.purpose = LOAN_T.purposeBad;
  if (!form.bankOrgId) errors.bankOrgId = LOAN_T.bankNone;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      kind: form.kind,
      ...(form.kind === 'partnership' ? { members: Number(form.members) || 2 } : {}),
      amountFen,
      termMonths: term,
      collateral: form.collateral,
    },
  };
}

/** The pre-check condition by condition, in plain words. */
function EligibilityNote({ result }: { result: LoanEligibility }) {
  return (
    <div className="card" data-testid="loan-eligibility">
      <p>
        <b>
          {result.refused ? LOAN_T.refused : result.eligible ? LOAN_T.eligible : LOAN_T.undecided}
        </b>
      </p>
      <ul className="conditions">
        {result.conditions.map((c) => (
          <li key={c.code} className={c.met === true ? 'met' : c.met === false ? 'unmet' : 'open'}>
            <span aria-hidden="true">{c.met === true ? '✓' : c.met === false ? '✗' : '?'}</span>{' '}
            {LOCALE === 'en' ? c.en : c.zh}
          </li>
        ))}
      </ul>
      <p className="field-hint">
        {LOCALE === 'en' ? result.counterGuarantee.en : result.counterGuarantee.zh}
      </p>
    </div>
  );
}

/** 我要申请: the loan (borrower, amount in 万元, term, purpose, bank), the pre-check, the declarations. */
export function LoanApply() {
  const [product, setProduct] = useState<LoanProduct | null | undefined>(undefined);
  const [banks, setBanks] = useState<BankOption[]>([]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [check, setCheck] = useState<LoanEligibility | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<LoanProduct>('GET', '/api/portal/loans/product')
      .then((p) => {
        setProduct(p);
        if (!p.canApply) return;
        return api<{ items: BankOption[] }>('GET', '/api/portal/loans/banks').then((r) => {
          setBanks(r.items);
          setForm((f) => ({ ...f, bankOrgId: f.bankOrgId || (r.items[0]?.id ?? '') }));
        });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        setProduct(null);
      });
  }, []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const byField = e.fieldErrors();
      setErrors(Object.keys(byField).length ? byField : { form: e.message });
    } else setErrors({ form: T.networkError });
  };

  const precheck = async (e: FormEvent) => {
    e.preventDefault();
    const { body, errors: errs } = readLoan(form);
    setErrors(errs);
    if (!body) return;
    setBusy(true);
    try {
      setCheck(await api<LoanEligibility>('POST', '/api/portal/loans/eligibility', body));
      window.scrollTo(0, 0);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { body } = readLoan(form);
    const errs: Errors = {};
    const balanceFen = form.noOtherLoans ? 0 : parseAmountFen(form.otherBalance);
    if (balanceFen === null) errs.otherBalance = T.required;
    if (!form.confirmed) errs.confirmed = LOAN_T.confirmNeeded;
    setErrors(errs);
    if (!body || Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api('POST', '/api/portal/loans', {
        ...body,
        purpose: form.purpose.trim(),
        bankOrgId: form.bankOrgId,
        declarations: {
          confirmed: true,
          otherLoans: form.noOtherLoans
            ? []
            : [{ holder: form.otherHolder, kind: form.otherKind, balanceFen }],
          declaredGroups: [],
        },
      });
      navigate('/loans?submitted=1');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (product === undefined) return <p className="block">{T.loading}</p>;
  if (!product?.canApply)
    return (
      <section className="block">
        <p>{LOAN_T.needVerified}</p>
        <Link className="btn btn-primary btn-block" href="/profile">
          {LOAN_T.toProfile}
        </Link>
      </section>
    );

  const kinds: Record<string, string> = {
    individual: LOAN_T.kindIndividual,
    partnership: LOAN_T.kindPartnership,
    ...(product.enterpriseName
      ? { enterprise: LOAN_T.kindEnterprise(product.enterpriseName) }
      : {}),
  };

  return (
    <section className="block wizard">
      <h1>{LOAN_T.applyTitle}</h1>
      <Steps titles={[LOAN_T.stepLoan, LOAN_T.stepCheck, LOAN_T.stepConfirm]} at={check ? 1 : 0} />
      {!check ? (
        <form className="form" onSubmit={(e) => void precheck(e)} noValidate>
          <Field label={LOAN_T.kind}>
            <CodeSelect
              name="kind"
              names={kinds}
              value={form.kind}
              onChange={(v) => set('kind', v as Kind)}
            />
          </Field>
          {form.kind === 'partnership' && (
            <Field label={LOAN_T.members}>
              <DigitsInput
                name="members"
                value={form.members}
                onChange={(v) => set('members', v)}
              />
            </Field>
          )}
          <Field label={LOAN_T.amount} error={errors.amount} hint={LOAN_T.amountHint}>
            <input
              name="amount"
              inputMode="decimal"
              value={form.amount}
              onChange={(e) => set('amount', e.target.value)}
            />
          </Field>
          <Field label={LOAN_T.term} error={errors.term} hint={LOAN_T.termHint}>
            <DigitsInput name="term" value={form.term} onChange={(v) => set('term', v)} />
          </Field>
          <Field label={LOAN_T.purpose} error={errors.purpose}>
            <input
              name="purpose"
              maxLength={200}
              placeholder={LOAN_T.purposePlaceholder}
              value={form.purpose}
              onChange={(e) => set('purpose', e.target.value)}
            />
          </Field>
          <Field label={LOAN_T.collateral}>
            <CodeSelect
              name="collateral"
              names={COLLATERAL_NAMES}
              value={form.collateral}
              onChange={(v) => set('collateral', v)}
            />
          </Field>
          <Field label={LOAN_T.bank} error={errors.bankOrgId}>
            <select
              name="bankOrgId"
              value={form.bankOrgId}
              onChange={(e) => set('bankOrgId', e.target.value)}
            >
              {banks.length === 0 && <option value="">{LOAN_T.bankNone}</option>}
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
          <FormMessage error={errors.form} />
          <div className="wizard-buttons">
            <button type="button" className="btn btn-ghost" onClick={() => navigate('/loans')}>
              {LOAN_T.back}
            </button>
            <button type="submit" name="check" className="btn btn-primary" disabled={busy}>
              {LOAN_T.check}
            </button>
          </div>
        </form>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <EligibilityNote result={check} />
          <label className="check">
            <input
              type="checkbox"
              name="noOtherLoans"
              checked={form.noOtherLoans}
              onChange={(e) => set('noOtherLoans', e.target.checked)}
            />
            {LOAN_T.noOtherLoans}
          </label>
          {!form.noOtherLoans && (
            <>
              <Field label={LOAN_T.otherLoanHolder}>
                <CodeSelect
                  name="otherHolder"
                  names={{ applicant: LOAN_T.holderApplicant, spouse: LOAN_T.holderSpouse }}
                  value={form.otherHolder}
                  onChange={(v) => set('otherHolder', v as Form['otherHolder'])}
                />
              </Field>
              <Field label={LOAN_T.otherLoanKind}>
                <CodeSelect
                  name="otherKind"
                  names={OTHER_LOAN_NAMES}
                  value={form.otherKind}
                  onChange={(v) => set('otherKind', v)}
                />
              </Field>
              <Field label={LOAN_T.otherLoanBalance} error={errors.otherBalance}>
                <input
                  name="otherBalance"
                  inputMode="decimal"
                  value={form.otherBalance}
                  onChange={(e) => set('otherBalance', e.target.value)}
                />
              </Field>
            </>
          )}
          <label className={errors.confirmed ? 'check has-error' : 'check'}>
            <input
              type="checkbox"
              name="confirmed"
              checked={form.confirmed}
              onChange={(e) => {
                set('confirmed', e.target.checked);
                setErrors((x) => ({ ...x, confirmed: undefined }));
              }}
            />
            {LOAN_T.confirm}
          </label>
          <FormMessage error={errors.confirmed} />
          <FormMessage error={errors.form} />
          <div className="wizard-buttons">
            <button type="button" className="btn btn-ghost" onClick={() => setCheck(null)}>
              {T.prev}
            </button>
            <button
              type="submit"
              name="submit"
              className="btn btn-primary"
              disabled={busy || check.refused}
            >
              {LOAN_T.submit}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
