import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useDownload } from './download';
import { formatBytes, formatCount } from './format';
import { type ImportJob, type ImportJobs, isActive } from './types';

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

interface Props {
  /** Changes when the followed job moves on, so the list is read again. */
  refreshKey: string;
  currentId: string | null;
  onOpen: (jobId: string) => void;
}

/** The user's own recent imports (GET /api/ledger/imports), each can be opened again. */
export function RecentImports({ refreshKey, currentId, onOpen }: Props) {
  const t = useT();
  const download = useDownload();
  const list = useRequest(
    () => api<ImportJobs>('/api/ledger/imports', { query: { limit: 10 } }),
    [refreshKey],
  );

  const columns = [
    {
      title: t('io.recent.time'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('io.recent.kind'),
      dataIndex: 'importKind',
      key: 'kind',
      width: 110,
      render: (k: ImportJob['importKind']) => t(`io.kind.${k}`),
    },
    {
      title: t('io.recent.file'),
      key: 'file',
      ellipsis: true,
      render: (_: unknown, j: ImportJob) => (
        <Space size={6}>
          <span>{j.fileName ?? t('io.recent.noName')}</span>
          {j.bytes !== null && (
            <Typography.Text type="secondary">{formatBytes(j.bytes)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('io.recent.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, j: ImportJob) =>
        isActive(j) ? (
          <Progress percent={j.percent} size="small" status="active" />
        ) : (
          <Tag color={STATUS_COLOR[j.status]}>{t(`io.status.${j.status}`)}</Tag>
        ),
    },
    {
      title: t('io.recent.result'),
      key: 'result',
      ellipsis: true,
      render: (_: unknown, j: ImportJob) =>
        j.status === 'failed' ? (
          <Typography.Text type="danger" title={j.error?.message}>
            {j.error?.message ?? '—'}
          </Typography.Text>
        ) : (
          t('io.recent.counts', {
            created: formatCount(j.result.created ?? 0),
            updated: formatCount(j.result.updated ?? 0),
            failed: formatCount(j.result.failed ?? 0),
          })
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, j: ImportJob) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            disabled={j.id === currentId}
            onClick={() => onOpen(j.id)}
          >
            {t('common.view')}
          </Button>
          {j.errorReportUrl && (
            <Button type="link" size="small" onClick={() => download(j.errorReportUrl ?? '')}>
              {t('io.recent.report')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('io.recent.title')} className="fx-io-gap" data-testid="recent-imports">
      <ErrorAlert error={list.error} />
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: t('io.recent.empty') }}
        rowClassName={(j) => (j.id === currentId ? 'fx-io-current' : '')}
      />
    </Card>
  );
}
