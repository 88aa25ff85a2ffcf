import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import './dashboard.css';
import { YearSelect } from './YearSelect';
import { formatExact, formatPct } from './numbers';
import { behindColumn, ProgressCell } from './ProgressCell';
import { SetTargetModal } from './SetTargetModal';
import { SplitTargetDrawer } from './SplitTargetDrawer';
import { TargetChildren } from './TargetChildren';
import type { IndicatorCode, TargetItem, TargetSheetData } from './types';
import { useYear } from './useShownRegion';

type Editing = { kind: 'set'; indicator?: IndicatorCode } | { kind: 'split'; item: TargetItem };

/**
 * 目标: the year's targets of the region in the header's switcher and their split to the
 * regions below, with progress; holders of target.manage set and split them.
 */
export function TargetsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { current } = useRegionScope();
  const [year, setYear] = useYear();
  const [editing, setEditing] = useState<Editing | null>(null);
  const manage = can('target.manage');
  const code = current?.code;

  const sheet = useRequest(
    () =>
      code
        ? api<TargetSheetData>('/api/targets', { query: { region: code, year } })
        : Promise.resolve(undefined),
    [code, year],
  );
  const data =
    sheet.data && sheet.data.regionCode === code && sheet.data.year === year
      ? sheet.data
      : undefined;
  const unitOf = (i: TargetItem) => (locale === 'en' ? i.unitEn : i.unitZh);
  const withUnit = (v: number | null, i: TargetItem) =>
    v === null ? '—' : `${formatExact(v)} ${unitOf(i)}`;

  const columns: ColumnsType<TargetItem> = [
    {
      title: t('targets.indicator'),
      key: 'indicator',
      render: (_: unknown, i) => (locale === 'en' ? i.indicatorNameEn : i.indicatorNameZh),
    },
    {
      title: t('targets.ownTarget'),
      dataIndex: 'target',
      align: 'right',
      render: (v: number | null, i) =>
        v === null ? (
          <Typography.Text type="secondary">{t('dash.noTarget')}</Typography.Text>
        ) : (
          withUnit(v, i)
        ),
    },
    {
      title: t('dash.actual'),
      dataIndex: 'actual',
      align: 'right',
      render: (v: number, i) => withUnit(v, i),
    },
    {
      title: t('dash.progress'),
      key: 'progress',
      width: 220,
      render: (_: unknown, i) =>
        i.target === null ? (
          '—'
        ) : (
          <ProgressCell
            progressPct={i.progressPct}
            timeElapsedPct={i.timeElapsedPct}
            behind={i.behind}
          />
        ),
    },
    {
      title: t('targets.split'),
      dataIndex: 'childrenSum',
      align: 'right',
      render: (v: number, i) => withUnit(v, i),
    },
    {
      title: t('targets.unallocated'),
      dataIndex: 'unallocated',
      align: 'right',
      render: (v: number | null, i) =>
        v === null ? (
          '—'
        ) : v === 0 ? (
          <Tag color="success">{t('targets.fullySplit')}</Tag>
        ) : (
          withUnit(v, i)
        ),
    },
    behindColumn<TargetItem>(t, (i) => i.timeElapsedPct),
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, i: TargetItem) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing({ kind: 'set', indicator: i.indicator })}
                >
                  {t('targets.set')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  disabled={i.target === null || i.children.length === 0}
                  onClick={() => setEditing({ kind: 'split', item: i })}
                  data-testid={`split-open-${i.indicator}`}
                >
                  {t('targets.splitAction')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const saved = () => {
    setEditing(null);
    sheet.reload();
  };

  return (
    <>
      <PageHead
        title={t('targets.title')}
        extra={
          <Space>
            <YearSelect id="targets-year" value={year} onChange={setYear} />
            {manage && code && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ kind: 'set' })}
              >
                {t('targets.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space className="fx-filters" wrap>
          {current && (
            <Typography.Text type="secondary">
              {t('common.withinRegion', { region: current.label })}
            </Typography.Text>
          )}
          {data && (
            <Typography.Text type="secondary">
              {t('targets.asOf', { asOf: data.asOf, elapsed: formatPct(data.timeElapsedPct) })}
            </Typography.Text>
          )}
        </Space>
        <ErrorAlert error={sheet.error} />
        <Table<TargetItem>
          rowKey="indicator"
          size="middle"
          loading={sheet.loading}
          dataSource={data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('targets.none', { year })} /> }}
          expandable={{
            // `children` of a target is its split, shown below the row, not tree rows.
            childrenColumnName: 'treeRows',
            rowExpandable: (i) => i.children.length > 0,
            expandedRowRender: (i) => <TargetChildren item={i} />,
          }}
          data-testid="targets-table"
        />
      </Card>
      {editing?.kind === 'set' && code && (
        <SetTargetModal
          regionCode={code}
          regionName={data?.regionName ?? current?.label ?? ''}
          year={year}
          items={data?.items ?? []}
          indicator={editing.indicator}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.kind === 'split' && (
        <SplitTargetDrawer item={editing.item} onClose={() => setEditing(null)} onSaved={saved} />
      )}
    </>
  );
}
