import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { Eligibility } from './types';

/** The pre-check, condition by condition: met, not met, or not decidable (goes to 人社). */
export function EligibilityList({ result }: { result: Eligibility }) {
  const { t, locale } = useI18n();
  const text = (x: { zh: string; en: string }) => (locale === 'en' ? x.en : x.zh);
  return (
    <div data-testid="loan-eligibility">
      <Alert
        style={{ marginBottom: 12 }}
        type={result.refused ? 'error' : result.eligible ? 'success' : 'warning'}
        showIcon
        title={
          result.refused
            ? t('loan.elig.refused')
            : result.eligible
              ? t('loan.elig.eligible')
              : t('loan.elig.undecided')
        }
        description={text(result.counterGuarantee)}
      />
      <List
        size="small"
        bordered
        dataSource={result.conditions}
        renderItem={(c) => (
          <List.Item data-met={String(c.met)}>
            <Typography.Text>
              {c.met === true ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : c.met === false ? (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              ) : (
                <QuestionCircleFilled style={{ color: '#faad14' }} />
              )}{' '}
              {text(c)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
