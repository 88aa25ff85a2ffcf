import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/errors';
import { formatBytes } from './format';
import type { LedgerKind } from './types';
import { fileProblem, uploadImport } from './upload';

interface Props {
  kind: LedgerKind;
  onBack: () => void;
  onStarted: (jobId: string) => void;
}

/** Step 2: pick (or drop) the file, see its name and size, and send it. */
export function UploadStep({ kind, onBack, onStarted }: Props) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);

  const choose = (f: File) => {
    const p = fileProblem(f);
    setError(null);
    setProblem(p ? t(p) : null);
    setFile(p ? null : f);
  };

  const start = () => {
    if (!file) return;
    setError(null);
    setSent(0);
    const up = uploadImport({ kind, file, locale, onProgress: setSent }, t('io.upload.network'));
    abort.current = up.abort;
    up.done.then(
      (accepted) => {
        abort.current = null;
        onStarted(accepted.jobId);
      },
      (e: unknown) => {
        abort.current = null;
        setSent(null);
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
      },
    );
  };

  const uploading = sent !== null;
  return (
    <div className="fx-io-step">
      <Typography.Title level={5}>
        {t('io.upload.title', { kind: t(`io.kind.${kind}`) })}
      </Typography.Title>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(f) => {
          choose(f);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('io.upload.drop')}</p>
        <p className="ant-upload-hint">{t('io.upload.hint')}</p>
      </Upload.Dragger>
      {problem && (
        <Alert type="error" showIcon role="alert" title={problem} className="fx-io-gap" />
      )}
      {file && (
        <div className="fx-io-file" data-testid="chosen-file">
          <FileExcelOutlined className="fx-io-file-icon" />
          <div className="fx-io-file-main">
            <Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
            {uploading && (
              <Progress
                percent={Math.floor(sent)}
                size="small"
                status="active"
                format={(p) => t('io.upload.sending', { percent: p ?? 0 })}
              />
            )}
          </div>
          {!uploading && (
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('io.upload.remove')}
              onClick={() => setFile(null)}
            />
          )}
        </div>
      )}
      <ErrorAlert error={error} />
      <Space className="fx-io-gap">
        <Button onClick={onBack} disabled={uploading}>
          {t('io.back')}
        </Button>
        <Button type="primary" disabled={!file} loading={uploading} onClick={start}>
          {t('io.upload.start')}
        </Button>
      </Space>
    </div>
  );
}
