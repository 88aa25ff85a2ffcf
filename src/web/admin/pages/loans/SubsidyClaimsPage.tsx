import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, parseAmountFen } from '../../../shared/amount-input';
import { api, ApiError } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { cstDate } from '../../../../domain/indicators/periods';
import { SUBSIDY_PAY } from './permissions';
import type { Claim, Claims, Summary } from './types';

const yuan = (fen: number) => `${formatYuan(fen)} 元`;
const STATE_COLOR = { open: 'orange', part_paid: 'blue', paid: 'green' } as const;

/** Paying a claim, whole or in part: amount in 元, date, document, then a confirmation. */
function PayModal({
  claim,
  onClose,
  onPaid,
}: {
  claim: Claim;
  onClose: () => void;
  onPaid: () => void;
}) {
  const t = useT();
  // The app's modal (not the static Modal.confirm): it renders inside the console's context.
  const { modal } = App.useApp();
  const [amount, setAmount] = useState(formatYuan(claim.outstandingFen).replace(/,/g, ''));
  const [paidOn, setPaidOn] = useState(() => cstDate(new Date()));
  const [doc, setDoc] = useState('');
  const pay = useSubmit(async () => {
    const amountFen = parseAmountFen(amount);
    if (!amountFen || amountFen > claim.outstandingFen) {
      throw new ApiError(400, {
        code: 'VALIDATION',
        message: t('subsidy.err.amount'),
        details: {},
      });
    }
    await new Promise<void>((resolve, reject) =>
      modal.confirm({
        title: t('subsidy.confirm', { amount: yuan(amountFen), bank: claim.bankName }),
        // No argument: antd leaves a confirm open when onOk takes one (its close callback).
        onOk: () => resolve(),
        onCancel: () =>
          reject(
            new ApiError(0, { code: 'CANCELLED', message: t('subsidy.cancelled'), details: {} }),
          ),
      }),
    );
    await api(`/api/subsidy-claims/${claim.id}/pay`, {
      method: 'POST',
      body: { amountFen, paidOn, document: doc.trim() },
    });
    onPaid();
  });
  return (
    <Modal
      open
      title={t('subsidy.pay.title', { bank: claim.bankName, quarter: claim.quarter })}
      okText={t('subsidy.pay')}
      confirmLoading={pay.busy}
      onOk={() => void pay.run()}
      onCancel={onClose}
    >
      <ErrorAlert error={pay.error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('subsidy.outstanding')}：{yuan(claim.outstandingFen)}
        </Typography.Text>
        <Input
          id="subsidy-amount"
          addonBefore={t('subsidy.amount')}
          addonAfter={t('case.unit.yuan')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <Input
          id="subsidy-date"
          type="date"
          addonBefore={t('subsidy.paidOn')}
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
        />
        <Input
          id="subsidy-document"
          addonBefore={t('subsidy.document')}
          placeholder="奉财社〔2025〕12号"
          value={doc}
          onChange={(e) => setDoc(e.target.value)}
        />
      </Space>
    </Modal>
  );
}

/** One claim: its lines (loan by loan) and its payments. */
function ClaimDetail({ id, onPay }: { id: string; onPay: (c: Claim) => void }) {
  const t = useT();
  const { can } = useSession();
  const claim = useRequest(() => api<Claim>(`/api/subsidy-claims/${id}`), [id]);
  const c = claim.data;
  return (
    <Card
      size="small"
      title={t('subsidy.detail')}
      style={{ marginTop: 16 }}
      data-testid="subsidy-detail"
    >
      <ErrorAlert error={claim.error} />
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('subsidy.bank')}>{c.bankName}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.quarter')}>{c.quarter}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.state')}>
              <Tag color={STATE_COLOR[c.state]}>{t(`subsidy.state.${c.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('subsidy.due')}>{yuan(c.dueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.paid')}>{yuan(c.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.outstanding')}>
              {yuan(c.outstandingFen)}
            </Descriptions.Item>
          </Descriptions>
          {c.outstandingFen > 0 && can(SUBSIDY_PAY) && (
            <Button type="primary" onClick={() => onPay(c)}>
              {t('subsidy.pay')}
            </Button>
          )}
          <Table
            size="small"
            rowKey="caseId"
            pagination={{ pageSize: 20 }}
            dataSource={c.lines ?? []}
            columns={[
              {
                title: t('subsidy.borrower'),
                dataIndex: 'borrowerName',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('pr.col.region'),
                dataIndex: 'regionCode',
                render: (v: string) => <RegionName code={v} />,
              },
              { title: t('subsidy.due'), dataIndex: 'dueFen', align: 'right', render: yuan },
              { title: t('subsidy.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
              {
                title: t('subsidy.outstanding'),
                dataIndex: 'outstandingFen',
                align: 'right',
                render: yuan,
              },
            ]}
          />
          {(c.payments ?? []).length > 0 && (
            <Table
              size="small"
              rowKey={(p) => `${p.paidOn}-${p.document}-${p.amountFen}`}
              pagination={false}
              dataSource={c.payments ?? []}
              columns={[
                { title: t('subsidy.paidOn'), dataIndex: 'paidOn' },
                {
                  title: t('subsidy.amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: yuan,
                },
                { title: t('subsidy.document'), dataIndex: 'document' },
                { title: t('subsidy.by'), dataIndex: 'by' },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}

/**
 * 贴息申领: finance sees the quarterly claims per bank with due / paid / outstanding, opens one to
 * see its loans, and pays it (in part or whole) with a confirmation.
 */
export function SubsidyClaimsPage() {
  const t = useT();
  const [quarter, setQuarter] = useState('');
  const [by, setBy] = useState<'bank' | 'county' | 'quarter'>('bank');
  const q = /^\d{4}-Q[1-4]$/.test(quarter) ? quarter : undefined;
  const claims = useRequest(
    () => api<Claims>('/api/subsidy-claims', { query: { quarter: q } }),
    [q],
  );
  const summary = useRequest(
    () => api<Summary>('/api/subsidy-claims/summary', { query: { by, quarter: q } }),
    [by, q],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [paying, setPaying] = useState<Claim | null>(null);
  const [version, setVersion] = useState(0);

  return (
    <>
      <PageHead title={t('subsidy.title')} />
      <Space style={{ marginBottom: 12 }}>
        <Input
          id="subsidy-quarter"
          placeholder="2025-Q2"
          allowClear
          style={{ width: 140 }}
          value={quarter}
          onChange={(e) => setQuarter(e.target.value.trim())}
        />
        <Typography.Text type="secondary">{t('subsidy.quarterHint')}</Typography.Text>
      </Space>
      <ErrorAlert error={claims.error ?? summary.error} />
      <Card
        size="small"
        title={t('subsidy.summary')}
        extra={
          <Space>
            {(['bank', 'county', 'quarter'] as const).map((b) => (
              <Button
                key={b}
                size="small"
                type={by === b ? 'primary' : 'default'}
                onClick={() => setBy(b)}
              >
                {t(`subsidy.by.${b}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={summary.data?.items ?? []}
          loading={summary.loading}
          columns={[
            { title: t(`subsidy.by.${by}`), dataIndex: 'name' },
            { title: t('subsidy.due'), dataIndex: 'dueFen', align: 'right', render: yuan },
            { title: t('subsidy.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
            {
              title: t('subsidy.outstanding'),
              dataIndex: 'outstandingFen',
              align: 'right',
              render: yuan,
            },
          ]}
          summary={() =>
            summary.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('subsidy.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {yuan(summary.data.total.dueFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {yuan(summary.data.total.paidFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {yuan(summary.data.total.outstandingFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card size="small" title={t('subsidy.claims')} style={{ marginTop: 16 }}>
        <Table<Claim>
          size="small"
          rowKey="id"
          data-testid="subsidy-claims"
          loading={claims.loading}
          dataSource={claims.data?.items ?? []}
          onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('subsidy.quarter'), dataIndex: 'quarter' },
            { title: t('subsidy.bank'), dataIndex: 'bankName' },
            {
              title: t('pr.col.region'),
              dataIndex: 'regionCode',
              render: (v: string) => <RegionName code={v} />,
            },
            { title: t('subsidy.due'), dataIndex: 'dueFen', align: 'right', render: yuan },
            { title: t('subsidy.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
            {
              title: t('subsidy.outstanding'),
              dataIndex: 'outstandingFen',
              align: 'right',
              render: yuan,
            },
            {
              title: t('subsidy.state'),
              dataIndex: 'state',
              render: (s: Claim['state']) => (
                <Tag color={STATE_COLOR[s]}>{t(`subsidy.state.${s}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      {open && <ClaimDetail key={`${open}-${version}`} id={open} onPay={setPaying} />}
      {paying && (
        <PayModal
          claim={paying}
          onClose={() => setPaying(null)}
          onPaid={() => {
            setPaying(null);
            setVersion((n) => n + 1);
            claims.reload();
            summary.reload();
          }}
        />
      )}
    </>
  );
}
