import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../../../shared/api';
import { ErrorAlert, useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { type MessageKey, useT } from '../../i18n/i18n';
import { useFieldLabel } from './fieldLabels';
import { type CatalogKey, useCodeName, useIndustryName } from './names';
import './ledger.css';

/** One entrepreneur's claim or change request, as the queue lists it. */
interface QueueItem {
  id: string;
  objectType: 'person' | 'entity';
  kind: 'claim' | 'registration' | 'change';
  state: 'pending' | 'accepted' | 'rejected' | 'superseded';
  objectId: string;
  regionCode: string;
  proposedName: string;
  mobileMasked: string;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

interface RequestDetail {
  request: QueueItem;
  record: { name: string; identifier: string; regionCode: string; version: number };
  fields: { field: string; current: string; proposed: string; changed: boolean }[];
}

interface QueuePage {
  items: QueueItem[];
  total: number;
}

type StateFilter = 'pending' | 'accepted' | 'rejected' | 'all';

/** Fields whose values are region codes, and those whose values are codes of a list. */
const REGION_FIELDS = new Set(['hukouRegionCode', 'currentRegionCode', 'regionCode']);
const CODE_FIELDS: Record<string, CatalogKey> = {
  categories: 'category',
  status: 'status',
  education: 'education',
  type: 'entityType',
  roles: 'role',
};

/** A compared value as officers read it: region and code names instead of codes. */
function useValueText() {
  const codeName = useCodeName();
  const industryName = useIndustryName();
  return (field: string, value: string) => {
    if (value === '') return '—';
    if (REGION_FIELDS.has(field)) return <RegionName code={value} />;
    if (field === 'industryCode') return industryName(value);
    const list = CODE_FIELDS[field];
    if (list)
      return value
        .split('、')
        .map((c) => codeName(list, c))
        .join('、');
    return value;
  };
}

const STATE_COLOR: Record<QueueItem['state'], string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  superseded: 'default',
};

/**
 * 待核实申请: entrepreneurs' claims on existing ledger records and their change requests, in the
 * officer's scope. The detail shows the ledger's values beside the proposed ones (masked); an
 * officer accepts (the ledger is written, history names both) or rejects with a reason.
 */
export function RequestsPage() {
  const t = useT();
  const label = useFieldLabel();
  const valueText = useValueText();
  const notifyError = useNotifyError();
  const [state, setState] = useState<StateFilter>('pending');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const list = useRequest(
    () => api<QueuePage>(withQuery('/api/portal-requests', { state, page, pageSize: 20 })),
    [state, page],
  );
  const detail = useRequest(
    () =>
      openId ? api<RequestDetail>(`/api/portal-requests/${openId}`) : Promise.resolve(undefined),
    [openId],
  );

  const kindText = (r: QueueItem) =>
    `${t(`pr.object.${r.objectType}` as MessageKey)} · ${t(`pr.kind.${r.kind}` as MessageKey)}`;

  const decide = async (action: 'accept' | 'reject') => {
    if (!openId) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/portal-requests/${openId}/${action}`, {
        method: 'POST',
        body: action === 'reject' ? { reason: reason.trim() } : {},
      });
      setRejecting(false);
      setReason('');
      detail.reload();
      list.reload();
    } catch (err) {
      if (action === 'reject') setError(err);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const d = detail.data;
  const pending = d?.request.state === 'pending';
  return (
    <>
      <PageHead
        title={t('nav.portalRequests')}
        extra={
          <Select<StateFilter>
            value={state}
            style={{ width: 140 }}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={(['pending', 'accepted', 'rejected', 'all'] as const).map((s) => ({
              value: s,
              label: t(`pr.state.${s}` as MessageKey),
            }))}
          />
        }
      />
      <ErrorAlert error={list.error} />
      <Card size="small">
        <Table<QueueItem>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('pr.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('pr.total', { total: n }),
          }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pr.col.kind'), key: 'kind', render: (_, r) => kindText(r) },
            { title: t('pr.col.name'), dataIndex: 'proposedName' },
            { title: t('pr.col.mobile'), dataIndex: 'mobileMasked', className: 'mono' },
            {
              title: t('pr.col.region'),
              key: 'region',
              render: (_, r) => <RegionName code={r.regionCode} />,
            },
            {
              title: t('pr.col.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatTime(v),
            },
            {
              title: t('pr.col.state'),
              key: 'state',
              render: (_, r) => (
                <Tag color={STATE_COLOR[r.state]}>{t(`pr.state.${r.state}` as MessageKey)}</Tag>
              ),
            },
          ]}
        />
      </Card>

      <Drawer
        open={openId !== null}
        width={640}
        title={d ? `${kindText(d.request)}：${d.request.proposedName}` : t('pr.detail')}
        onClose={() => setOpenId(null)}
        extra={
          pending && (
            <Space>
              <Button danger onClick={() => setRejecting(true)}>
                {t('pr.reject')}
              </Button>
              <Popconfirm title={t('pr.acceptConfirm')} onConfirm={() => void decide('accept')}>
                <Button type="primary" loading={busy}>
                  {t('pr.accept')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <ErrorAlert error={detail.error} />
        {d && (
          <>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('pr.record')}>{d.record.name}</Descriptions.Item>
              <Descriptions.Item label={t('pr.identifier')}>
                <span className="mono">{d.record.identifier}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pr.col.region')}>
                <RegionName code={d.record.regionCode} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pr.col.mobile')}>
                <span className="mono">{d.request.mobileMasked}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pr.col.state')}>
                <Tag color={STATE_COLOR[d.request.state]}>
                  {t(`pr.state.${d.request.state}` as MessageKey)}
                </Tag>
                {d.request.decidedBy && `${d.request.decidedBy} ${formatTime(d.request.decidedAt)}`}
              </Descriptions.Item>
              {d.request.reason && (
                <Descriptions.Item label={t('pr.reason')}>{d.request.reason}</Descriptions.Item>
              )}
            </Descriptions>
            {d.request.kind === 'claim' && pending && (
              <p className="fx-note">{t('pr.claimHint')}</p>
            )}
            {d.request.kind === 'registration' && pending && (
              <p className="fx-note">{t('pr.registrationHint')}</p>
            )}
            <Table
              rowKey="field"
              size="small"
              pagination={false}
              style={{ marginTop: 12 }}
              dataSource={d.fields}
              rowClassName={(f) => (f.changed ? 'fx-changed' : '')}
              columns={[
                {
                  title: t('pr.field'),
                  dataIndex: 'field',
                  render: (f: string) => label(d.request.objectType, f),
                },
                {
                  title: t('pr.current'),
                  key: 'current',
                  render: (_, f) => valueText(f.field, f.current),
                },
                {
                  title: t('pr.proposed'),
                  key: 'proposed',
                  render: (_, f) => {
                    const v = valueText(f.field, f.proposed);
                    return f.changed ? <strong>{v}</strong> : v;
                  },
                },
              ]}
            />
          </>
        )}
      </Drawer>

      <Modal
        open={rejecting}
        title={t('pr.reject')}
        okText={t('pr.reject')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        confirmLoading={busy}
        onOk={() => void decide('reject')}
        onCancel={() => setRejecting(false)}
      >
        <ErrorAlert error={error} />
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={t('pr.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
