import { Table, Tag, Typography } from 'antd';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import type { ErrorPreview } from './types';

type Issue = ErrorPreview['items'][number];

/** How many problems the preview shows; the report has all of them. */
const PREVIEW_ROWS = 20;

/** The first problems of an import (row, column, reason), beside the downloadable report. */
export function ErrorPreviewTable({ jobId }: { jobId: string }) {
  const t = useT();
  const preview = useRequest(
    () =>
      api<ErrorPreview>(`/api/ledger/imports/${jobId}/errors`, {
        query: { limit: PREVIEW_ROWS },
      }),
    [jobId],
  );
  const total = preview.data?.total ?? 0;
  const columns = [
    { title: t('io.issue.row'), dataIndex: 'row', key: 'row', width: 80 },
    {
      title: t('io.issue.subject'),
      dataIndex: 'subject',
      key: 'subject',
      width: 160,
      render: (v: string) => v || '—',
    },
    { title: t('io.issue.column'), dataIndex: 'column', key: 'column', width: 160 },
    {
      title: t('io.issue.severity'),
      dataIndex: 'severity',
      key: 'severity',
      width: 80,
      render: (s: Issue['severity']) =>
        s === 'warning' ? (
          <Tag color="warning">{t('io.issue.warning')}</Tag>
        ) : (
          <Tag color="error">{t('io.issue.error')}</Tag>
        ),
    },
    { title: t('io.issue.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('io.issue.value'),
      dataIndex: 'value',
      key: 'value',
      width: 220,
      render: (v: string) => v || '—',
    },
  ];
  return (
    <div className="fx-io-gap" data-testid="error-preview">
      <Typography.Title level={5}>{t('io.issue.title')}</Typography.Title>
      <ErrorAlert error={preview.error} />
      <Table<Issue>
        size="small"
        rowKey={(i) => `${i.row}:${i.column}:${i.code}`}
        loading={preview.loading}
        dataSource={preview.data?.items ?? []}
        columns={columns}
        pagination={false}
      />
      {total > PREVIEW_ROWS && (
        <Typography.Paragraph type="secondary" className="fx-io-gap">
          {t('io.issue.more', { shown: PREVIEW_ROWS, total })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
