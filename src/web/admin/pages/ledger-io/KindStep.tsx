import { DownloadOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { useDownload } from './download';
import { type LedgerKind, WRITE_PERMISSION } from './types';

interface Props {
  kind: LedgerKind;
  onKind: (kind: LedgerKind) => void;
  onNext: () => void;
}

/** Step 1: what the file holds, with its template and how to fill it in. */
export function KindStep({ kind, onKind, onNext }: Props) {
  const t = useT();
  const { can } = useSession();
  const download = useDownload();
  const options: { value: LedgerKind; icon: ReactNode }[] = [
    { value: 'people', icon: <TeamOutlined /> },
    { value: 'entities', icon: <ShopOutlined /> },
  ];

  return (
    <div className="fx-io-step">
      <Typography.Title level={5}>{t('io.kind.question')}</Typography.Title>
      <Radio.Group
        className="fx-io-kinds"
        value={kind}
        onChange={(e) => onKind(e.target.value as LedgerKind)}
      >
        {options.map((o) => (
          <Radio
            key={o.value}
            value={o.value}
            disabled={!can(WRITE_PERMISSION[o.value])}
            className={`fx-io-kind${kind === o.value ? ' fx-io-kind-on' : ''}`}
          >
            <span className="fx-io-kind-icon">{o.icon}</span>
            <span>
              <strong>{t(`io.kind.${o.value}`)}</strong>
              <Typography.Text type="secondary" className="fx-io-kind-desc">
                {t(`io.kind.${o.value}.desc`)}
              </Typography.Text>
            </span>
          </Radio>
        ))}
      </Radio.Group>
      <Typography.Paragraph type="secondary" className="fx-io-notes">
        <ul>
          <li>{t('io.kind.note.template')}</li>
          <li>{t('io.kind.note.codes')}</li>
          <li>{t('io.kind.note.update')}</li>
          <li>{t('io.kind.note.format')}</li>
        </ul>
      </Typography.Paragraph>
      <Space>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(`/api/ledger/templates/${kind}.xlsx`)}
        >
          {t(`io.template.${kind}`)}
        </Button>
        <Button type="primary" onClick={onNext}>
          {t('io.next')}
        </Button>
      </Space>
    </div>
  );
}
