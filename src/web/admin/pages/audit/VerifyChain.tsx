import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, List, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { AuditVerify } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { useT } from '../../i18n/i18n';

interface Verification {
  report: AuditVerify | null;
  error: unknown;
  busy: boolean;
  verify: () => void;
  clear: () => void;
}

/** 「校验审计链」: GET /api/audit/verify walks the hash chain and reports what was tampered with. */
export function useChainVerification(): Verification {
  const [report, setReport] = useState<AuditVerify | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = () => {
    setBusy(true);
    setError(null);
    api<AuditVerify>('/api/audit/verify')
      .then(setReport, setError)
      .finally(() => setBusy(false));
  };
  return { report, error, busy, verify, clear: () => setReport(null) };
}

export function VerifyButton({ chain }: { chain: Verification }) {
  const t = useT();
  return (
    <Tooltip title={t('audit.hint')}>
      <Button icon={<SafetyCertificateOutlined />} loading={chain.busy} onClick={chain.verify}>
        {t('audit.verify')}
      </Button>
    </Tooltip>
  );
}

export function VerifyResult({ chain }: { chain: Verification }) {
  const t = useT();
  const { report } = chain;
  if (chain.error) return <ErrorAlert error={chain.error} />;
  if (!report) return null;
  return (
    <Alert
      data-testid="verify-result"
      type={report.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose: chain.clear }}
      title={
        report.ok
          ? t('audit.verifyOk', { checked: report.checked, head: report.headSeq })
          : t('audit.verifyBad', { checked: report.checked, problems: report.problems.length })
      }
      description={
        report.problems.length > 0 && (
          <List
            size="small"
            dataSource={report.problems}
            renderItem={(p) => (
              <List.Item>
                {t('audit.problem', { seq: p.seq })} {t(`audit.problem.${p.problem}` as const)}
              </List.Item>
            )}
          />
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
