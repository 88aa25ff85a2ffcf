import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { formatExact, formatPct } from './numbers';
import { ProgressVsTime } from './ProgressVsTime';
import type { ChildTarget, TargetItem } from './types';

/** A target's split: each region below with its share, its figure and its progress. */
export function TargetChildren({ item }: { item: TargetItem }) {
  const { t, locale } = useI18n();
  const unit = locale === 'en' ? item.unitEn : item.unitZh;
  return (
    <Table<ChildTarget>
      rowKey="regionCode"
      size="small"
      pagination={false}
      dataSource={item.children}
      data-testid={`target-children-${item.indicator}`}
      columns={[
        { title: t('dash.region'), dataIndex: 'regionName' },
        {
          title: `${t('targets.childTarget')}（${unit}）`,
          dataIndex: 'target',
          align: 'right',
          render: (v: number | null) =>
            v === null ? <Typography.Text type="secondary">—</Typography.Text> : formatExact(v),
        },
        {
          title: `${t('dash.actual')}（${unit}）`,
          dataIndex: 'actual',
          align: 'right',
          render: (v: number) => formatExact(v),
        },
        {
          title: t('dash.progress'),
          key: 'progress',
          width: 220,
          render: (_: unknown, c) =>
            c.progressPct === null ? (
              '—'
            ) : (
              <div className="fx-rank-progress">
                <ProgressVsTime
                  progressPct={c.progressPct}
                  timeElapsedPct={item.timeElapsedPct}
                  behind={c.behind}
                  size="small"
                />
                <span className={c.behind ? 'fx-behind' : undefined}>
                  {formatPct(c.progressPct)}
                </span>
              </div>
            ),
        },
        {
          title: '',
          key: 'behind',
          width: 120,
          render: (_: unknown, c) => c.behind && <Tag color="error">{t('dash.behind')}</Tag>,
        },
      ]}
    />
  );
}
