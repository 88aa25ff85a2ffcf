import { Alert } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useDemoAccounts } from '../../shared/meta';

/** The fixed 演示环境 banner, on every console page (login included) while demo accounts exist. */
export function DemoBanner() {
  const { t } = useI18n();
  if (!useDemoAccounts()) return null;
  return <Alert banner type="warning" role="status" title={t('demo.banner')} />;
}
