import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { uploadFile } from '../../../shared/upload';
import { ErrorAlert } from '../../components/errors';
import { useI18n } from '../../i18n/i18n';
import {
  MATERIAL_KINDS,
  MATERIAL_NAMES,
  type MaterialKind,
} from '../../../../domain/loans/materials';

const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 20 * 1024 * 1024;

/** Adds a material to a case: pick a file, watch its progress; the server judges its content. */
export function AttachmentUpload({
  caseId,
  onUploaded,
}: {
  caseId: string;
  onUploaded: () => void;
}) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<MaterialKind>('other');
  const [error, setError] = useState<unknown>(null);

  const send = async (file: File) => {
    setError(null);
    setName(file.name);
    if (file.size > MAX_BYTES) {
      setError(
        new ApiError(413, {
          code: 'PAYLOAD_TOO_LARGE',
          message: t('case.upload.tooLarge'),
          details: {},
        }),
      );
      return;
    }
    setPercent(0);
    try {
      await uploadFile(
        `/api/cases/${caseId}/attachments`,
        file,
        { name: file.name, kind },
        setPercent,
        locale,
      );
      onUploaded();
      setPercent(null);
    } catch (err) {
      setError(err);
      setPercent(null);
    }
  };

  return (
    <div style={{ marginTop: 12 }} data-testid="case-upload">
      <ErrorAlert error={error} />
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="case-upload-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select<MaterialKind>
          aria-label={t('case.upload.kind')}
          data-testid="case-upload-kind"
          style={{ width: 240 }}
          value={kind}
          onChange={setKind}
          options={MATERIAL_KINDS.map((k) => ({
            value: k,
            label: MATERIAL_NAMES[k][locale === 'en' ? 'en' : 'zh'],
          }))}
        />
        <Button
          icon={<UploadOutlined />}
          loading={percent !== null}
          onClick={() => input.current?.click()}
        >
          {t('case.upload.add')}
        </Button>
        {percent !== null && (
          <div>
            <Typography.Text type="secondary">{name}</Typography.Text>
            <Progress percent={percent} size="small" />
          </div>
        )}
        <Typography.Text type="secondary">{t('case.upload.hint')}</Typography.Text>
      </Space>
    </div>
  );
}
