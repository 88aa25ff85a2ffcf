import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { AuditList, AuditRecord } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useActionName } from './actions';
import { AuditFilters, type AuditFilterValues, toQuery } from './AuditFilters';
import { useChainVerification, VerifyButton, VerifyResult } from './VerifyChain';

/** 审计日志 (audit administrator): search the trail, newest first, and verify its hash chain. */
export function AuditPage() {
  const t = useT();
  const actionName = useActionName();
  const chain = useChainVerification();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest(
    () => api<AuditList>('/api/audit', { query: { ...toQuery(filters), page, pageSize } }),
    [filters, page, pageSize],
  );

  const columns = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (v: string) => formatTime(v, true),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorLogin',
      key: 'actor',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('audit.roles'),
      dataIndex: 'actorRoles',
      key: 'roles',
      render: (roles: string[]) => roles.map((r) => <Tag key={r}>{r}</Tag>),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (a: string) => (
        <Space orientation="vertical" size={0}>
          <span>{actionName(a)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_: unknown, r: AuditRecord) => (
        <Typography.Text ellipsis={{ tooltip: r.objectId }} style={{ maxWidth: 200 }}>
          {r.objectType}
          {r.objectId ? ` · ${r.objectId}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      render: (v: string) => (
        <Tag color={v === 'success' ? 'green' : 'red'}>
          {v === 'success' ? t('audit.success') : v}
        </Tag>
      ),
    },
  ];

  return (
    <>
      <PageHead title={t('audit.title')} extra={<VerifyButton chain={chain} />} />
      <Card>
        <AuditFilters
          onSearch={(v) => {
            setFilters(v);
            setPage(1);
          }}
        />
        <VerifyResult chain={chain} />
        <ErrorAlert error={list.error} />
        <Table<AuditRecord>
          rowKey="seq"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('audit.hash')} <Typography.Text code>{r.hash}</Typography.Text>
                </Typography.Paragraph>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {JSON.stringify(r.details, null, 2)}
                </pre>
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </>
  );
}
