import { useEffect, useState } from 'react';
import { formatPercent, formatYuan } from '../shared/amount-input';
import { api, ApiError } from './api';
import { T } from './catalog';
import { CodeSelect, Field, FormMessage } from './forms';
import { dateText, LOAN_T, MATERIAL_KIND_NAMES, wan } from './loans-catalog';
import { type PortalLoanDetail, uploadWithProgress } from './loans-api';
import { Link, navigate } from './router';

const MAX_BYTES = 20 * 1024 * 1024;

/** Materials for my file: a photo from the camera, or a photo or PDF picked on the phone. */
function Materials({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  const [kind, setKind] = useState('id_card');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const send = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    if (file.size > MAX_BYTES) {
      setError(LOAN_T.tooLarge);
      return;
    }
    const q = new URLSearchParams({ name: file.name, kind });
    try {
      await uploadWithProgress(
        `/api/portal/loans/${caseId}/attachments?${q.toString()}`,
        file,
        (pct) => setStatus(LOAN_T.uploading(file.name, pct)),
      );
      setStatus(LOAN_T.uploaded(file.name));
      onUploaded();
    } catch (e) {
      setStatus('');
      setError(e instanceof ApiError ? e.message : T.networkError);
    }
  };
  return (
    <div className="form materials">
      <h3>{LOAN_T.materials}</h3>
      <p className="field-hint">{LOAN_T.materialsHint}</p>
      <Field label={LOAN_T.materialKind}>
        <CodeSelect
          name="materialKind"
          names={MATERIAL_KIND_NAMES}
          value={kind}
          onChange={setKind}
        />
      </Field>
      <label className="btn btn-primary btn-block">
        {LOAN_T.pickFile}
        <input
          type="file"
          name="material"
          accept="image/*,application/pdf"
          hidden
          onChange={(e) => {
            void send(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {status && (
        <p className="field-hint" role="status">
          {status}
        </p>
      )}
      <FormMessage error={error} />
    </div>
  );
}

/** One of my files: the step bar with dates, the deadline, what is missing, materials, the schedule. */
export function LoanDetail({ caseId }: { caseId: string }) {
  const [loan, setLoan] = useState<PortalLoanDetail | null | undefined>(undefined);
  const [error, setError] = useState('');
  const load = () =>
    api<PortalLoanDetail>('GET', `/api/portal/loans/${caseId}`)
      .then(setLoan)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        setError(e instanceof ApiError ? e.message : T.networkError);
        setLoan(null);
      });
  useEffect(() => {
    void load();
  }, [caseId]);

  if (loan === undefined) return <p className="block">{T.loading}</p>;
  if (loan === null)
    return (
      <section className="block">
        <FormMessage error={error} />
        <Link href="/loans">{LOAN_T.backList}</Link>
      </section>
    );
  const late = loan.deadlineStatus === 'overdue';
  return (
    <section className="block me loans" data-testid="loan-detail">
      <Link href="/loans" className="back-link">
        {LOAN_T.backList}
      </Link>
      <div className="card-head">
        <h1>
          {wan(loan.amountFen)} {LOAN_T.wan} · {loan.termMonths} {LOAN_T.months}
        </h1>
        <span className={`badge${late ? ' late' : loan.terminal ? ' ok' : ''}`}>
          {loan.stateName}
        </span>
      </div>
      <p className="field-hint">
        {loan.purpose} · {loan.collateral}
        {loan.bankName ? ` · ${loan.bankName}` : ''}
      </p>
      <h2>{LOAN_T.steps}</h2>
      <ol className="loan-steps">
        {loan.steps.map((s) => (
          <li key={s.state} className={s.status === 'current' ? 'now' : s.status}>
            <b>{s.name}</b>
            {s.at && <span className="when"> {dateText(s.at)}</span>}
            {s.status === 'current' && !loan.terminal && loan.dueAt && (
              <div className={late ? 'field-error' : ''}>
                {LOAN_T.due(dateText(loan.dueAt))}
                {loan.deadlineStatus === 'near' && ` · ${LOAN_T.near}`}
                {late && ` · ${LOAN_T.overdue}`}
              </div>
            )}
          </li>
        ))}
      </ol>
      <p>
        <b>{LOAN_T.next}：</b>
        {loan.nextAction}
      </p>
      {loan.missing.length > 0 && (
        <div className="card">
          <h3>{LOAN_T.missing}</h3>
          <ul className="conditions">
            {loan.missing.map((m) => (
              <li key={m} className="open">
                {m}
              </li>
            ))}
          </ul>
        </div>
      )}
      {loan.acceptsMaterials && <Materials caseId={loan.caseId} onUploaded={() => void load()} />}
      {loan.attachments.length > 0 && (
        <>
          <h3>{LOAN_T.uploadedList}</h3>
          <ul className="plain-list">
            {loan.attachments.map((a) => (
              <li key={a.id}>
                <span className="badge">{MATERIAL_KIND_NAMES[a.materialKind]}</span> {a.name}{' '}
                <span className="field-hint">{dateText(a.uploadedAt)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{LOAN_T.history}</h3>
      <ol className="loan-steps">
        {loan.history.map((h, i) => (
          <li key={`${h.at}-${i}`} className={h.reason ? 'refused' : 'done'}>
            <span className="when">{dateText(h.at)}</span> {h.transitionName} → {h.stateName}
            {h.reason && <div className="field-error">{h.reason}</div>}
          </li>
        ))}
      </ol>
      {loan.schedule && (
        <>
          <h3>{LOAN_T.schedule}</h3>
          <p className="field-hint">
            {LOAN_T.scheduleHead(
              formatPercent(loan.schedule.annualRateBp),
              formatPercent(loan.schedule.subsidyBp),
            )}
          </p>
          <table className="schedule">
            <thead>
              <tr>
                <th />
                <th>{LOAN_T.principal}</th>
                <th>{LOAN_T.interest}</th>
              </tr>
            </thead>
            <tbody>
              {loan.schedule.installments.map((i) => (
                <tr key={i.index}>
                  <td>{dateText(i.dueDate)}</td>
                  <td>{formatYuan(i.principalFen)}</td>
                  <td>{formatYuan(i.borrowerFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">{LOAN_T.yuan}</p>
        </>
      )}
    </section>
  );
}
