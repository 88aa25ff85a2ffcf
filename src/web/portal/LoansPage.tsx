import { type FormEvent, useEffect, useState } from 'react';
import { formatYuan, parseAmountFen } from '../shared/amount-input';
import { api, ApiError, type Enterprise, type Profile } from './api';
import { COLLATERAL_NAMES, LOAN_T, OTHER_LOAN_NAMES, T } from './catalog';
import { CodeSelect, DigitsInput, type Errors, Field, FormMessage } from './forms';
import {
  type BankOption,
  type LoanEligibility,
  type PortalLoan,
  uploadWithProgress,
} from './loans-api';
import { Link, navigate } from './router';

const MAX_BYTES = 20 * 1024 * 1024;

interface Form {
  kind: 'individual' | 'enterprise';
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

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** The form as the API reads it, or the errors by field. */
function readForm(
  form: Form,
  entityId: string | null,
): { body?: Record<string, unknown>; errors: Errors } {
  const errors: Errors = {};
  const amountFen = parseAmountFen(form.amount, 'wan');
  if (!amountFen) errors.amount = LOAN_T.amountBad;
  const term = Number(form.term);
  if (!Number.isInteger(term) || term < 1 || term > 60) errors.term = LOAN_T.termBad;
  if (form.purpose.trim().length < 2) errors.purpose = LOAN_T.purposeBad;
  const balanceFen = form.noOtherLoans ? 0 : parseAmountFen(form.otherBalance);
  if (balanceFen === null) errors.otherBalance = T.required;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      kind: form.kind,
      ...(form.kind === 'enterprise' && entityId ? { entityId } : {}),
      amountFen,
      termMonths: term,
      purpose: form.purpose.trim(),
      collateral: form.collateral,
      declarations: {
        confirmed: form.confirmed,
        otherLoans: form.noOtherLoans
          ? []
          : [{ holder: form.otherHolder, kind: form.otherKind, balanceFen }],
        declaredGroups: [],
      },
      bankOrgId: form.bankOrgId,
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
            {c.zh}
          </li>
        ))}
      </ul>
      <p className="field-hint">{result.counterGuarantee.zh}</p>
    </div>
  );
}

/** Apply on the phone: own person or own enterprise, amount, term, purpose, collateral, declarations. */
function ApplyForm({ onDone }: { onDone: () => void }) {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [banks, setBanks] = useState<BankOption[]>([]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [check, setCheck] = useState<LoanEligibility | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ profile: Profile | null }>('GET', '/api/portal/profile')
      .then((r) => setProfile(r.profile))
      .catch(() => setProfile(null));
    api<{ enterprise: Enterprise | null }>('GET', '/api/portal/enterprise')
      .then((r) => setEnterprise(r.enterprise))
      .catch(() => setEnterprise(null));
    api<{ items: BankOption[] }>('GET', '/api/portal/loans/banks')
      .then((r) => {
        setBanks(r.items);
        setForm((f) => ({ ...f, bankOrgId: f.bankOrgId || (r.items[0]?.id ?? '') }));
      })
      .catch(() => setBanks([]));
  }, []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setCheck(null);
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const byField = e.fieldErrors();
      setErrors(Object.keys(byField).length ? byField : { form: e.message });
    } else setErrors({ form: T.networkError });
  };

  const precheck = async () => {
    const { body, errors: errs } = readForm(form, enterprise?.entityId ?? null);
    setErrors(errs);
    if (!body) return;
    setBusy(true);
    try {
      const q = new URLSearchParams({
        kind: form.kind,
        amountFen: String(body.amountFen),
        termMonths: String(body.termMonths),
        collateral: form.collateral,
      });
      if (form.kind === 'enterprise' && enterprise) q.set('entityId', enterprise.entityId);
      setCheck(await api<LoanEligibility>('GET', `/api/portal/loans/eligibility?${q.toString()}`));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check) {
      await precheck();
      return;
    }
    const { body, errors: errs } = readForm(form, enterprise?.entityId ?? null);
    if (!form.confirmed) errs.confirmed = LOAN_T.confirmNeeded;
    if (!form.bankOrgId) errs.bankOrgId = LOAN_T.bankNone;
    setErrors(errs);
    if (!body || Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api('POST', '/api/portal/loans', body);
      onDone();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (profile === undefined) return <p className="block">{T.loading}</p>;
  if (!profile)
    return (
      <section className="block">
        <p>{LOAN_T.needProfile}</p>
        <Link className="btn btn-primary btn-block" href="/profile">
          {T.needProfileFirst}
        </Link>
      </section>
    );

  return (
    <section className="block wizard">
      <h1>{LOAN_T.apply}</h1>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={LOAN_T.kind}>
          <select
            name="kind"
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as Form['kind'])}
          >
            <option value="individual">{LOAN_T.kindIndividual}</option>
            {enterprise && (
              <option value="enterprise">{LOAN_T.kindEnterprise(enterprise.name)}</option>
            )}
          </select>
        </Field>
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
        {check && <EligibilityNote result={check} />}
        {check && (
          <label className={errors.confirmed ? 'check has-error' : 'check'}>
            <input
              type="checkbox"
              name="confirmed"
              checked={form.confirmed}
              onChange={(e) => {
                setForm((f) => ({ ...f, confirmed: e.target.checked }));
                setErrors((x) => ({ ...x, confirmed: undefined }));
              }}
            />
            {LOAN_T.confirm}
          </label>
        )}
        {errors.confirmed && <FormMessage error={errors.confirmed} />}
        <FormMessage error={errors.form} />
        <div className="wizard-buttons">
          <button type="button" className="btn btn-ghost" onClick={() => navigate('/loans')}>
            {LOAN_T.back}
          </button>
          {check ? (
            <button
              type="submit"
              name="submit"
              className="btn btn-primary"
              disabled={busy || check.refused}
            >
              {LOAN_T.submit}
            </button>
          ) : (
            <button type="submit" name="check" className="btn btn-primary" disabled={busy}>
              {LOAN_T.check}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Materials for one file: a photo straight from the camera, or a photo or PDF picked. */
function Materials({ caseId }: { caseId: string }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const send = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    if (file.size > MAX_BYTES) {
      setError(LOAN_T.tooLarge);
      return;
    }
    try {
      await uploadWithProgress(
        `/api/portal/loans/${caseId}/attachments?name=${encodeURIComponent(file.name)}`,
        file,
        (pct) => setStatus(LOAN_T.uploading(file.name, pct)),
      );
      setStatus(LOAN_T.uploaded(file.name));
    } catch (e) {
      setStatus('');
      setError(e instanceof ApiError ? e.message : T.networkError);
    }
  };
  return (
    <div className="materials">
      <p className="field-hint">{LOAN_T.materialsHint}</p>
      <div className="with-button">
        <label className="btn btn-small">
          {LOAN_T.takePhoto}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => {
              void send(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <label className="btn btn-small">
          {LOAN_T.pickFile}
          <input
            type="file"
            name="material"
            accept="image/jpeg,image/png,application/pdf"
            hidden
            onChange={(e) => {
              void send(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {status && (
        <p className="field-hint" role="status">
          {status}
        </p>
      )}
      <FormMessage error={error} />
    </div>
  );
}

/** One application: amount, where it stands, every step with its date, the step's deadline. */
function LoanCard({ loan }: { loan: PortalLoan }) {
  return (
    <article className="card" data-testid="portal-loan">
      <div className="card-head">
        <h2>{formatYuan(loan.amountFen)} 元</h2>
        <span
          className={`badge${loan.deadlineStatus === 'overdue' ? ' late' : loan.terminal ? ' ok' : ''}`}
        >
          {loan.stateName}
        </span>
      </div>
      <dl>
        <dt>{LOAN_T.purpose}</dt>
        <dd>{loan.purpose}</dd>
        <dt>{LOAN_T.term}</dt>
        <dd>{loan.termMonths}</dd>
      </dl>
      <h3>{LOAN_T.steps}</h3>
      <ol className="loan-steps">
        <li className="done">
          <span className="when">{dateOf(loan.createdAt)}</span> {LOAN_T.applied}
        </li>
        {loan.history.map((h, i) => (
          <li key={`${h.at}-${i}`} className={h.reason ? 'refused' : 'done'}>
            <span className="when">{dateOf(h.at)}</span> {h.transitionName} → {h.stateName}
            {h.reason && <div className="field-error">{h.reason}</div>}
          </li>
        ))}
        {!loan.terminal && (
          <li className="now">
            <b>
              {LOAN_T.state}：{loan.stateName}
            </b>
            {loan.dueAt && <div>{LOAN_T.due(dateOf(loan.dueAt))}</div>}
            {loan.deadlineStatus === 'near' && <span className="warn">{LOAN_T.near}</span>}
            {loan.deadlineStatus === 'overdue' && <span className="warn">{LOAN_T.overdue}</span>}
          </li>
        )}
      </ol>
      {!loan.terminal && <Materials caseId={loan.caseId} />}
    </article>
  );
}

/** 创业担保贷款 in the portal: my applications with their progress, and the way to apply. */
export function LoansPage() {
  const [loans, setLoans] = useState<PortalLoan[] | undefined>(undefined);
  const [error, setError] = useState('');
  const applying = window.location.pathname === '/loans/apply';
  const [notice, setNotice] = useState('');

  const load = () =>
    api<{ items: PortalLoan[] }>('GET', '/api/portal/loans')
      .then((r) => setLoans(r.items))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        else setError(e instanceof ApiError ? e.message : T.networkError);
        setLoans([]);
      });

  useEffect(() => {
    if (!applying) void load();
  }, [applying]);

  if (applying)
    return (
      <ApplyForm
        onDone={() => {
          setNotice(LOAN_T.submitted);
          navigate('/loans');
        }}
      />
    );

  return (
    <section className="block me loans">
      <h1>{LOAN_T.title}</h1>
      <p className="field-hint">{LOAN_T.intro}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <FormMessage error={error} />
      <Link className="btn btn-primary btn-block" href="/loans/apply">
        {LOAN_T.apply}
      </Link>
      <h2>{LOAN_T.mine}</h2>
      {loans === undefined ? (
        <p>{T.loading}</p>
      ) : loans.length === 0 ? (
        <p className="field-hint">{LOAN_T.none}</p>
      ) : (
        loans.map((l) => <LoanCard key={l.caseId} loan={l} />)
      )}
    </section>
  );
}
