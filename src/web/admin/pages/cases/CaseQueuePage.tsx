import { Button, Card, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { type MessageKey, useT } from '../../i18n/i18n';
import { DeadlineTag } from './DeadlineTag';
import type { CaseQueuePage as Page, CaseSummary } from './types';

type Tab = 'todo' | 'done' | 'overdue';
const TABS: Tab[] = ['todo', 'done', 'overdue'];

/**
 * 我的办件: the cases whose current step belongs to the user's organisation or region (待办), those
 * they have moved on (已办) and those past their time limit (超时). Rows open the case.
 */
export function CaseQueuePage() {
  const t = useT();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>(() => {
    const q = new URLSearchParams(window.location.search).get('tab');
    return TABS.includes(q as Tab) ? (q as Tab) : 'todo';
  });
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null, replace: boolean) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api<Page>(
        withQuery('/api/cases/queue', { tab, limit: 20, after: after ?? undefined }),
      );
      setItems((prev) => (replace ? page.items : [...prev, ...page.items]));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null, true);
  }, [tab]);

  const changeTab = (key: string) => {
    const next = key as Tab;
    const url = new URL(window.location.href);
    url.searchParams.set('tab', next);
    window.history.replaceState(null, '', url);
    setTab(next);
  };

  return (
    <>
      <PageHead title={t('nav.caseQueue')} />
      <ErrorAlert error={error} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={changeTab}
          items={TABS.map((k) => ({ key: k, label: t(`case.tab.${k}` as MessageKey) }))}
        />
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t(`case.empty.${tab}` as MessageKey) }}
          onRow={(r) => ({
            onClick: () => void navigate(`/cases/${r.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('case.col.type'), dataIndex: 'typeName' },
            {
              title: t('case.col.subject'),
              key: 'subject',
              render: (_, r) =>
                [r.subjectPersonName, r.subjectEntityName].filter(Boolean).join(' / ') ||
                t('case.anonymous'),
            },
            {
              title: t('pr.col.region'),
              key: 'region',
              render: (_, r) => <RegionName code={r.regionCode} />,
            },
            { title: t('case.col.state'), dataIndex: 'stateName' },
            {
              title: t('case.col.entered'),
              dataIndex: 'stateEnteredAt',
              render: (v: string) => formatTime(v),
            },
            {
              title: t('case.col.deadline'),
              key: 'deadline',
              render: (_, r) => (
                <DeadlineTag status={r.deadlineStatus} daysLeft={r.workingDaysLeft} />
              ),
            },
          ]}
        />
        {cursor && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button loading={loading} onClick={() => void load(cursor, false)}>
              {t('case.more')}
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
