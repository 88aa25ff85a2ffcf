import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { Counts } from './Counts';
import { useDownload } from './download';
import { ErrorPreviewTable } from './ErrorPreviewTable';
import { averageRate, formatCount } from './format';
import { type Job, kindOfJob } from './types';

/** Step 4: what the import did, the error report and a preview of its first rows. */
export function ResultStep({ job, onAgain }: { job: Job; onAgain: () => void }) {
  const t = useT();
  const download = useDownload();
  const navigate = useNavigate();
  const kind = kindOfJob(job.kind);
  const failed = job.result.failed ?? 0;
  const skipped = job.result.skipped ?? 0;
  const problems = failed + (job.result.warnings ?? 0);
  const counted = Object.keys(job.result).length > 0;
  const rate = averageRate(job.done, job.createdAt, job.finishedAt);

  const status = job.status !== 'done' ? 'error' : failed > 0 ? 'warning' : 'success';
  const title =
    job.status !== 'done'
      ? t('io.result.failed')
      : failed > 0
        ? t('io.result.partial', { failed: formatCount(failed) })
        : t('io.result.success');
  const subTitle =
    job.status !== 'done'
      ? (job.error?.message ?? t('io.result.failedHint'))
      : rate !== null
        ? t('io.result.speed', { rate: formatCount(Math.round(rate)) })
        : undefined;

  return (
    <div className="fx-io-step" data-testid="import-result">
      <Result
        status={status}
        title={title}
        subTitle={subTitle}
        extra={
          <Space wrap>
            {problems > 0 && (
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                onClick={() => download(`/api/ledger/imports/${job.id}/errors.xlsx`)}
              >
                {t('io.result.report')}
              </Button>
            )}
            <Button icon={<UploadOutlined />} onClick={onAgain}>
              {t('io.result.again')}
            </Button>
            <Button type="link" onClick={() => void navigate(`/ledger/${kind}`)}>
              {t(`io.result.open.${kind}`)}
            </Button>
          </Space>
        }
      >
        {(counted || problems > 0) && (
          <>
            <Counts job={job} />
            {skipped > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="import-skipped-examples"
                title={t('io.result.skipped', { count: formatCount(skipped) })}
              />
            )}
            {problems > 0 && (
              <Typography.Paragraph type="secondary">
                {t('io.result.reportHint')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Result>
      {problems > 0 && <ErrorPreviewTable jobId={job.id} />}
    </div>
  );
}
