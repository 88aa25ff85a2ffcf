import { Table } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { formatPct } from './numbers';
import type { DashboardData } from './types';

type Subsidy = DashboardData['loans']['subsidy'];
type Figures = Subsidy['year'];
type QuarterRow = Subsidy['quarters'][number];
type RegionRow = Subsidy['children'][number];

/** Fen as 元, exact to the fen and grouped (贴息 amounts are small: never rounded to 万元 here). */
function yuan(fen: number, locale: string): string {
  return (fen / 100).toLocaleString(locale === 'en' ? 'en' : 'zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/**
 * 贴息 on the loan section: due (应付), paid (已付), outstanding (欠付) and the paid rate of the
 * year's claims, by quarter with the year's total, and by region directly below. 欠付 in red.
 */
export function SubsidyTables({ data }: { data: DashboardData }) {
  const { t, locale } = useI18n();
  const s = data.loans.subsidy;
  const money = <T extends Figures>() => [
    {
      title: t('dash.loans.subsidyDue'),
      key: 'due',
      align: 'right' as const,
      render: (_: unknown, r: T) => yuan(r.dueFen, locale),
    },
    {
      title: t('dash.loans.subsidyPaid'),
      key: 'paid',
      align: 'right' as const,
      render: (_: unknown, r: T) => yuan(r.paidFen, locale),
    },
    {
      title: t('dash.loans.subsidyOutstanding'),
      key: 'outstanding',
      align: 'right' as const,
      render: (_: unknown, r: T) =>
        r.outstandingFen > 0 ? (
          <span className="fx-behind">{yuan(r.outstandingFen, locale)}</span>
        ) : (
          yuan(r.outstandingFen, locale)
        ),
    },
    {
      title: t('dash.loans.subsidyRate'),
      key: 'rate',
      align: 'right' as const,
      render: (_: unknown, r: T) => (r.paidRatePct === null ? '—' : formatPct(r.paidRatePct)),
    },
  ];
  const quarterName = (q: string) =>
    t('dash.loans.quarterName', { year: q.slice(0, 4), n: q.slice(6) });
  const rows: (QuarterRow & { label: string })[] = [
    ...s.quarters.map((q) => ({ ...q, label: quarterName(q.quarter) })),
    { ...s.year, quarter: 'total', label: t('dash.loans.subsidyTotal') },
  ];
  return (
    <>
      <Table<QuarterRow & { label: string }>
        size="small"
        rowKey="quarter"
        pagination={false}
        scroll={{ x: true }}
        style={{ marginTop: 12 }}
        data-testid="loan-subsidy-quarters"
        title={() => t('dash.loans.subsidyByQuarter')}
        dataSource={rows}
        columns={[
          {
            title: t('dash.loans.quarter'),
            dataIndex: 'label',
            render: (v: string, r) => (r.quarter === 'total' ? <strong>{v}</strong> : v),
          },
          ...money<QuarterRow & { label: string }>(),
        ]}
      />
      {s.children.length > 0 && (
        <Table<RegionRow>
          size="small"
          rowKey="regionCode"
          pagination={false}
          scroll={{ x: true }}
          style={{ marginTop: 12 }}
          data-testid="loan-subsidy-regions"
          title={() => t('dash.loans.subsidyByRegion')}
          dataSource={s.children.filter((c) => c.dueFen > 0)}
          locale={{ emptyText: '—' }}
          columns={[
            { title: t('dash.loans.region'), dataIndex: 'regionName' },
            ...money<RegionRow>(),
          ]}
        />
      )}
    </>
  );
}
