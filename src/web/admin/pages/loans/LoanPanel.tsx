import { Button, Card, Collapse, Descriptions, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatPercent, formatYuan, parseAmountFen } from '../../../shared/amount-input';
import { api, ApiError } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useRequest } from '../../components/useRequest';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { EligibilityList } from './EligibilityList';
import { cstDate } from '../../../../domain/indicators/periods';
import type { Loan } from './types';

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** The bank records a repayment: date, principal and interest in 元. */
function RepaymentModal({
  loan,
  onClose,
  onSaved,
}: {
  loan: Loan;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [paidOn, setPaidOn] = useState(() => cstDate(new Date()));
  const [principal, setPrincipal] = useState('');
  const [interest, setInterest] = useState('0');
  const save = useSubmit(async () => {
    const principalFen = parseAmountFen(principal || '0');
    const interestFen = parseAmountFen(interest || '0');
    if (principalFen === null || interestFen === null || principalFen + interestFen === 0) {
      throw new ApiError(400, { code: 'VALIDATION', message: t('loan.err.amount'), details: {} });
    }
    await api(`/api/loans/${loan.caseId}/repayments`, {
      method: 'POST',
      body: { paidOn, principalFen, interestFen },
    });
    onSaved();
  });
  return (
    <Modal
      open
      title={t('loan.repay.title')}
      okText={t('case.submit')}
      confirmLoading={save.busy}
      onOk={() => void save.run()}
      onCancel={onClose}
    >
      <ErrorAlert error={save.error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input
          id="repay-date"
          type="date"
          addonBefore={t('loan.repay.paidOn')}
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
        />
        <Input
          id="repay-principal"
          inputMode="decimal"
          addonBefore={t('loan.repay.principal')}
          addonAfter={t('case.unit.yuan')}
          value={principal}
          onChange={(e) => setPrincipal(e.target.value)}
        />
        <Input
          id="repay-interest"
          inputMode="decimal"
          addonBefore={t('loan.repay.interest')}
          addonAfter={t('case.unit.yuan')}
          value={interest}
          onChange={(e) => setInterest(e.target.value)}
        />
      </Space>
    </Modal>
  );
}

/**
 * The loan part of a guarantee-loan case: the pre-check as filed, the current repayment schedule
 * (borrower's interest and 贴息 per instalment), repayments, and the bank's repayment entry.
 */
export function LoanPanel({
  caseId,
  version,
  canRepay,
}: {
  caseId: string;
  version: number;
  /** The user works the loan's current step (the lending bank while it is repaid). */
  canRepay: boolean;
}) {
  const t = useT();
  const loan = useRequest(() => api<Loan>(`/api/loans/${caseId}`), [caseId, version]);
  const [repaying, setRepaying] = useState(false);
  const l = loan.data;
  const schedule = l?.schedules.find((s) => s.current);
  // A file entered as a bare case (no loan application behind it) has no loan part.
  if (loan.error instanceof ApiError && loan.error.status === 404) return null;
  return (
    <Card size="small" title={t('loan.panel')} data-testid="loan-panel">
      <ErrorAlert error={loan.error} />
      {l && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('loan.outstanding')}>
              {yuan(l.outstandingPrincipalFen)}
            </Descriptions.Item>
            {schedule && (
              <Descriptions.Item label={t('loan.rate')}>
                {formatPercent(schedule.annualRateBp)}（{t('loan.subsidyRate')}{' '}
                {formatPercent(schedule.subsidyBp)}）
              </Descriptions.Item>
            )}
            {l.compensation && (
              <Descriptions.Item label={t('loan.compensation')}>
                {yuan(l.compensation.amountFen)}（{t('loan.fundShare')}{' '}
                {yuan(l.compensation.fundFen)}）
              </Descriptions.Item>
            )}
          </Descriptions>
          <Collapse
            size="small"
            items={[
              {
                key: 'elig',
                label: t('loan.elig.title'),
                children: <EligibilityList result={l.eligibility} />,
              },
              ...(schedule
                ? [
                    {
                      key: 'schedule',
                      label: t('loan.schedule', {
                        revision: schedule.revision,
                        maturity: schedule.maturityOn,
                      }),
                      children: (
                        <Table
                          size="small"
                          rowKey="index"
                          pagination={false}
                          dataSource={schedule.installments}
                          columns={[
                            { title: '#', dataIndex: 'index' },
                            { title: t('loan.dueDate'), dataIndex: 'dueDate' },
                            {
                              title: t('loan.principal'),
                              dataIndex: 'principalFen',
                              align: 'right',
                              render: yuan,
                            },
                            {
                              title: t('loan.borrowerInterest'),
                              dataIndex: 'borrowerFen',
                              align: 'right',
                              render: yuan,
                            },
                            {
                              title: t('loan.subsidy'),
                              dataIndex: 'subsidyFen',
                              align: 'right',
                              render: yuan,
                            },
                          ]}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {l.schedules.length > 0 && (
            <Typography.Text strong>{t('loan.repayments')}</Typography.Text>
          )}
          {l.schedules.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={l.repayments}
              locale={{ emptyText: t('loan.noRepayments') }}
              columns={[
                { title: t('loan.repay.paidOn'), dataIndex: 'paidOn' },
                {
                  title: t('loan.repay.principal'),
                  dataIndex: 'principalFen',
                  align: 'right',
                  render: yuan,
                },
                {
                  title: t('loan.repay.interest'),
                  dataIndex: 'interestFen',
                  align: 'right',
                  render: yuan,
                },
                { title: t('subsidy.by'), dataIndex: 'recordedBy' },
              ]}
            />
          )}
          {canRepay && (l.state === 'repaying' || l.state === 'overdue') && (
            <Button onClick={() => setRepaying(true)}>{t('loan.repay.title')}</Button>
          )}
        </Space>
      )}
      {repaying && l && (
        <RepaymentModal
          loan={l}
          onClose={() => setRepaying(false)}
          onSaved={() => {
            setRepaying(false);
            loan.reload();
          }}
        />
      )}
    </Card>
  );
}
