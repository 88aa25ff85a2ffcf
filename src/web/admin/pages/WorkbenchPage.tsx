import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHead } from '../components/PageHead';
import { RegionName } from '../components/RegionName';
import { useRoleNames } from '../components/roles';
import { useT } from '../i18n/i18n';
import { isGroup, visibleNav } from '../layout/nav';
import { useSession } from '../session/SessionProvider';
import { PendingRequestsCard } from './PendingRequestsCard';

/** 工作台: who I am and where I may work, shortcuts to my modules, my to-do list. */
export function WorkbenchPage() {
  const t = useT();
  const { session, can, canByRegion } = useSession();
  const roleName = useRoleNames();
  if (!session) return null;
  const shortcuts = visibleNav(can, canByRegion)
    .flatMap((n) => (isGroup(n) ? n.children : [n]))
    .filter((n) => n.path !== '/');
  return (
    <>
      <PageHead title={t('workbench.hello', { name: session.displayName })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.grants')}>
            <Descriptions column={1} size="small">
              {session.grants.map((g, i) => (
                <Descriptions.Item key={i} label={roleName(g.roleCode)}>
                  <RegionName code={g.regionCode} />
                  {g.scopeType !== 'region' && (
                    <Tag style={{ marginLeft: 8 }}>{t(`scope.${g.scopeType}` as const)}</Tag>
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.shortcuts')}>
            {shortcuts.map((s) => (
              <Link
                key={s.path}
                to={s.path}
                style={{ display: 'inline-block', margin: '0 16px 8px 0' }}
              >
                <Tag color="blue" style={{ padding: '4px 12px', fontSize: 14 }}>
                  {t(s.labelKey)}
                </Tag>
              </Link>
            ))}
          </Card>
        </Col>
        <Col span={24}>
          {can('person.write', 'entity.write') ? (
            <PendingRequestsCard />
          ) : (
            <Card title={t('workbench.todo')}>
              <Empty description={t('workbench.todoEmpty')} />
              <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
                {t('workbench.todoHint')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
