import { useEffect, useState } from 'react';
import { formatPercent } from '../shared/amount-input';
import { api, ApiError } from './api';
import { T } from './catalog';
import { FormMessage } from './forms';
import { dateText, LOAN_T, wan } from './loans-catalog';
import type { LoanProduct, PortalLoan } from './loans-api';
import { Link, navigate } from './router';

/** The product in one screen: caps, terms, the interest rule, who qualifies, with their sources. */
function ProductCard({ p }: { p: LoanProduct }) {
  const sources = [
    ...new Set(
      [p.capIndividualFen, p.capEnterpriseFen, p.borrowerBelowLprBp].flatMap((f) =>
        f ? [f.source] : [],
      ),
    ),
  ];
  return (
    <article className="card loan-product" data-testid="loan-product">
      <h2>{LOAN_T.productTitle}</h2>
      <div className="caps">
        {p.capIndividualFen && (
          <div>
            <span className="cap-label">{LOAN_T.capIndividual}</span>
            <b>{LOAN_T.upTo(wan(p.capIndividualFen.value))}</b>
            {p.termIndividualMonths && (
              <span className="field-hint">{LOAN_T.termUpTo(p.termIndividualMonths.value)}</span>
            )}
          </div>
        )}
        {p.capEnterpriseFen && (
          <div>
            <span className="cap-label">{LOAN_T.capEnterprise}</span>
            <b>{LOAN_T.upTo(wan(p.capEnterpriseFen.value))}</b>
            {p.termEnterpriseMonths && (
              <span className="field-hint">{LOAN_T.termUpTo(p.termEnterpriseMonths.value)}</span>
            )}
          </div>
        )}
      </div>
      {p.partnershipUpliftBp && (
        <p>{LOAN_T.capPartnership(formatPercent(p.partnershipUpliftBp.value))}</p>
      )}
      {p.lprBp && p.borrowerBelowLprBp && (
        <p>
          {LOAN_T.rate(formatPercent(p.lprBp.value), formatPercent(p.borrowerBelowLprBp.value))}
        </p>
      )}
      {p.eligibleGroups.length > 0 && (
        <>
          <h3>{LOAN_T.whoTitle}</h3>
          <p>{p.eligibleGroups.map((g) => g.name).join('、')}</p>
        </>
      )}
      <p className="field-hint">{LOAN_T.counterGuarantee}</p>
      {sources.map((s) => (
        <p key={s} className="field-hint source">
          {LOAN_T.source(s)}
        </p>
      ))}
    </article>
  );
}

/** One application in 我的申请: amount, where it stands, the step's deadline, what comes next. */
function LoanItem({ loan }: { loan: PortalLoan }) {
  const late = loan.deadlineStatus === 'overdue';
  return (
    <article className="card" data-testid="portal-loan">
      <div className="card-head">
        <h2>
          {wan(loan.amountFen)} {LOAN_T.wan}
        </h2>
        <span className={`badge${late ? ' late' : loan.terminal ? ' ok' : ''}`}>
          {loan.stateName}
        </span>
      </div>
      <dl>
        <dt>{LOAN_T.purpose}</dt>
        <dd>{loan.purpose}</dd>
        {loan.bankName && (
          <>
            <dt>{LOAN_T.bankName}</dt>
            <dd>{loan.bankName}</dd>
          </>
        )}
      </dl>
      {!loan.terminal && loan.dueAt && (
        <p className={late ? 'field-error' : 'field-hint'}>
          {LOAN_T.due(dateText(loan.dueAt))}
          {loan.deadlineStatus === 'near' && ` · ${LOAN_T.near}`}
          {late && ` · ${LOAN_T.overdue}`}
        </p>
      )}
      <p>
        <b>{LOAN_T.next}：</b>
        {loan.nextAction}
      </p>
      <Link className="btn btn-small btn-block" href={`/loans/${loan.caseId}`}>
        {LOAN_T.view}
      </Link>
    </article>
  );
}

/** 创业担保贷款: the product explained, the way to apply, and 我的申请. */
export function LoansPage() {
  const [product, setProduct] = useState<LoanProduct | undefined>(undefined);
  const [loans, setLoans] = useState<PortalLoan[] | undefined>(undefined);
  const [error, setError] = useState('');
  const notice = new URLSearchParams(window.location.search).has('submitted');

  useEffect(() => {
    const fail = (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) navigate('/login');
      else setError(e instanceof ApiError ? e.message : T.networkError);
    };
    api<LoanProduct>('GET', '/api/portal/loans/product')
      .then((p) => {
        setProduct(p);
        if (!p.canApply) {
          setLoans([]);
          return;
        }
        return api<{ items: PortalLoan[] }>('GET', '/api/portal/loans').then((r) =>
          setLoans(r.items),
        );
      })
      .catch(fail);
  }, []);

  return (
    <section className="block me loans">
      <h1>{LOAN_T.title}</h1>
      {notice && (
        <p className="notice" role="status">
          {LOAN_T.submitted}
        </p>
      )}
      <FormMessage error={error} />
      {product === undefined ? <p>{T.loading}</p> : <ProductCard p={product} />}
      {product && !product.canApply && (
        <div className="card">
          <p>{LOAN_T.needVerified}</p>
          <Link className="btn btn-primary btn-block" href="/profile">
            {LOAN_T.toProfile}
          </Link>
        </div>
      )}
      {product?.canApply && (
        <Link className="btn btn-primary btn-block" href="/loans/apply">
          {LOAN_T.apply}
        </Link>
      )}
      {product?.canApply && (
        <>
          <h2>{LOAN_T.mine}</h2>
          {loans === undefined ? (
            <p>{T.loading}</p>
          ) : loans.length === 0 ? (
            <p className="field-hint">{LOAN_T.none}</p>
          ) : (
            loans.map((l) => <LoanItem key={l.caseId} loan={l} />)
          )}
        </>
      )}
    </section>
  );
}
