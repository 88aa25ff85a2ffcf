import { LoadingOutlined } from '@ant-design/icons';
import { Progress, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { Counts } from './Counts';
import { formatCount } from './format';
import type { Job } from './types';

/** Step 3: the live progress of the job (the page can be reloaded or left meanwhile). */
export function ProgressStep({ job, rate }: { job: Job; rate: number | null }) {
  const t = useT();
  const queued = job.status === 'queued';
  return (
    <div className="fx-io-step" data-testid="import-progress">
      <Typography.Title level={5}>
        <Space>
          <LoadingOutlined />
          {queued ? t('io.progress.queued') : t('io.progress.running')}
        </Space>
      </Typography.Title>
      <Progress
        percent={job.percent}
        status="active"
        aria-label={t('io.progress.label')}
        format={(p) => `${(p ?? 0).toFixed(1)}%`}
      />
      <Typography.Paragraph className="fx-io-gap">
        <span data-testid="import-done">
          {job.total === null
            ? t('io.progress.doneOnly', { done: formatCount(job.done) })
            : t('io.progress.done', {
                done: formatCount(job.done),
                total: formatCount(job.total),
              })}
        </span>
        {rate !== null && (
          <Typography.Text type="secondary" className="fx-io-rate">
            {t('io.progress.rate', { rate: formatCount(Math.round(rate)) })}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      <Counts job={job} />
      <Typography.Paragraph type="secondary">{t('io.progress.leave')}</Typography.Paragraph>
    </div>
  );
}
