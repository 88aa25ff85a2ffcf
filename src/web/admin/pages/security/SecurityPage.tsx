import { Col, Row } from 'antd';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n/i18n';
import { GrantRequestsCard } from '../users/GrantRequestsCard';
import { LockedUsersCard } from './LockedUsersCard';
import { SettingsCard } from './SettingsCard';

/**
 * 安全管理 (security administrator): grant requests to approve, the security settings and the
 * locked accounts.
 */
export function SecurityPage() {
  const t = useT();
  return (
    <>
      <PageHead title={t('security.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <GrantRequestsCard />
        </Col>
        <Col xs={24} xl={12}>
          <SettingsCard />
        </Col>
        <Col xs={24} xl={12}>
          <LockedUsersCard />
        </Col>
      </Row>
    </>
  );
}
