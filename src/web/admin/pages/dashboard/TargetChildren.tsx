import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { formatExact } from './numbers';
import { behindColumn, ProgressCell } from './ProgressCell';
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
              <ProgressCell
                progressPct={c.progressPct}
                timeElapsedPct={item.timeElapsedPct}
                behind={c.behind}
              />
            ),
        },
        behindColumn<ChildTarget>(t, () => item.timeElapsedPct),
      ]}
    />
  );
}
