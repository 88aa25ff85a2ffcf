import { Button, Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { formatTime } from '../components/format';
import { useRequest } from '../components/useRequest';
import { type MessageKey, useT } from '../i18n/i18n';

interface QueueItem {
  id: string;
  objectType: 'person' | 'entity';
  kind: 'claim' | 'registration' | 'change';
  proposedName: string;
  mobileMasked: string;
  createdAt: string;
}

interface QueuePage {
  items: QueueItem[];
  total: number;
}

interface Pending {
  newest: QueuePage;
  person: number;
  entity: number;
}

const REQUESTS = '/ledger/requests';

async function loadPending(): Promise<Pending> {
  const page = (query: Record<string, string | number>) =>
    api<QueuePage>('/api/portal-requests', { query: { state: 'pending', ...query } });
  const [newest, person, entity] = await Promise.all([
    page({ pageSize: 5 }),
    page({ pageSize: 1, objectType: 'person' }),
    page({ pageSize: 1, objectType: 'entity' }),
  ]);
  return { newest, person: person.total, entity: entity.total };
}

/**
 * 待办 on the workbench for officers who verify portal submissions: how many wait (by kind of
 * record), the newest few, and the way to 台账 → 待核实申请.
 */
export function PendingRequestsCard() {
  const t = useT();
  const { data } = useRequest(loadPending, []);
  const total = data?.newest.total ?? 0;
  return (
    <Card
      title={t('workbench.todo')}
      className="todo-card"
      extra={total > 0 && <Link to={REQUESTS}>{t('workbench.pendingMore', { total })}</Link>}
    >
      {!data ? null : total === 0 ? (
        <Empty description={t('workbench.todoEmpty')} />
      ) : (
        <>
          <Space size="large" align="center" style={{ marginBottom: 8 }}>
            <Statistic
              title={t('workbench.pendingRequests')}
              value={total}
              suffix={t('workbench.pendingUnit')}
            />
            <Typography.Text type="secondary">
              {t('workbench.pendingSplit', { person: data.person, entity: data.entity })}
            </Typography.Text>
            <Link to={REQUESTS}>
              <Button type="primary">{t('workbench.pendingOpen')}</Button>
            </Link>
          </Space>
          <List
            size="small"
            dataSource={data.newest.items}
            renderItem={(r) => (
              <List.Item extra={formatTime(r.createdAt)}>
                <Link to={REQUESTS}>
                  {t(`pr.object.${r.objectType}` as MessageKey)} ·{' '}
                  {t(`pr.kind.${r.kind}` as MessageKey)}：{r.proposedName}
                </Link>
                <Typography.Text type="secondary" style={{ marginLeft: 12 }} className="mono">
                  {r.mobileMasked}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
