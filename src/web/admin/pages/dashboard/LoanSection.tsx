import { Button, Card, Table, Tooltip, Typography } from 'antd';
import { targetVerdict } from '../../../../domain/indicators/honest-figures';
import { ORG_TYPES } from '../../../../domain/orgs/org-types';
import { useI18n } from '../../i18n/i18n';
import { formatPct, formatShort } from './numbers';
import { ProgressCell, VerdictTag } from './ProgressCell';
import { ProgressVsTime } from './ProgressVsTime';
import { SubsidyTables } from './SubsidyTables';
import type { DashboardData } from './types';

type Loans = DashboardData['loans'];
type Figure = Loans['figures'][number];
type RegionRow = Loans['children'][number];
type OrgRow = Loans['organisations'][number];

interface Props {
  data: DashboardData;
  /** Opens a region below (drill-down); absent at the lowest level. */
  onDrill?: (code: string) => void;
}

/** 万元 shown exactly (two decimals at most, grouped): money is never blurred. */
function wan(v: number | null | undefined, locale: string): string {
  if (v === null || v === undefined) return '—';
  return v.toLocaleString(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
}

function figureText(f: Figure, locale: string): string {
  if (f.value === null) return '—';
  if (f.unitZh === '%') return formatPct(f.value);
  if (f.unitZh === '万元') return wan(f.value, locale);
  return f.unitZh === '个工作日'
    ? String(f.value)
    : formatShort(f.value, locale === 'en' ? 'en' : 'zh-CN');
}

/**
 * 创业担保贷款 on the dashboard: the loan and case figures of the region (amounts in 万元, exact,
 * against their targets with progress beside the time elapsed), the regions below (click to
 * drill down), and the organisations working the files: open, 超时, average working days per step.
 */
export function LoanSection({ data, onDrill }: Props) {
  const { t, locale } = useI18n();
  const loans = data.loans;
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  const unit = (x: { unitZh: string; unitEn: string }) => (locale === 'en' ? x.unitEn : x.unitZh);
  const col = (code: string) => {
    const f = loans.figures.find((x) => x.indicator === code);
    return f ? `${name(f)}（${unit(f)}）` : code;
  };
  const value = (code: string, r: RegionRow) => {
    const f = loans.figures.find((x) => x.indicator === code);
    const v = r.values[code] ?? null;
    if (!f || v === null) return '—';
    return figureText({ ...f, value: v }, locale);
  };

  return (
    <Card size="small" title={t('dash.loans.title')} data-testid="loan-section">
      <div className="fx-loan-kpis">
        {loans.figures.map((f) => {
          const verdict = targetVerdict(f.progressPct, data.timeElapsedPct);
          const red = verdict === 'behind' || verdict === 'missed';
          return (
            <Card
              key={f.indicator}
              size="small"
              className={`fx-kpi${red ? ' fx-kpi-behind' : ''}`}
              data-testid={`loan-${f.indicator}`}
            >
              <div className="fx-kpi-head">
                <Typography.Text type="secondary" ellipsis={{ tooltip: name(f) }}>
                  {name(f)}
                </Typography.Text>
              </div>
              <div className="fx-kpi-row">
                <div className="fx-kpi-value" data-testid={`loan-${f.indicator}-value`}>
                  {figureText(f, locale)}
                  <small>{unit(f)}</small>
                </div>
                <VerdictTag verdict={verdict} t={t} className="fx-kpi-tag" />
              </div>
              {f.target !== null ? (
                <>
                  <div className="fx-kpi-line">
                    <span>
                      {t('dash.target')} {wan(f.target, locale)}
                      {locale === 'en' ? ` ${unit(f)}` : unit(f)}
                    </span>
                    <span className={red ? 'fx-behind' : undefined}>
                      {t('dash.done')} {formatPct(f.progressPct)}
                    </span>
                  </div>
                  <ProgressVsTime
                    progressPct={f.progressPct}
                    timeElapsedPct={data.timeElapsedPct}
                    behind={red}
                    size="small"
                  />
                </>
              ) : (
                <div className="fx-kpi-line fx-muted">
                  {f.indicator === 'case_step_days'
                    ? t('dash.loans.stepsYtd')
                    : f.indicator.startsWith('subsidy_')
                      ? t('dash.loans.subsidyYear')
                      : f.kind === 'flow'
                        ? t('dash.loans.ytd')
                        : f.kind === 'cumulative'
                          ? t('dash.loans.cumulative')
                          : t('dash.loans.now')}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      <SubsidyTables data={data} />
      {loans.children.length > 0 && (
        <Table<RegionRow>
          size="small"
          rowKey="regionCode"
          pagination={false}
          scroll={{ x: true }}
          style={{ marginTop: 12 }}
          data-testid="loan-children"
          title={() => t('dash.loans.byRegion')}
          dataSource={loans.children}
          columns={[
            {
              title: t('dash.loans.region'),
              dataIndex: 'regionName',
              render: (v: string, r) =>
                onDrill ? (
                  <Button type="link" size="small" onClick={() => onDrill(r.regionCode)}>
                    {v}
                  </Button>
                ) : (
                  v
                ),
            },
            ...[
              'loans_disbursed',
              'loans_disbursed_migrant',
              'loans_disbursed_count',
              'loan_balance',
              'loan_overdue_rate',
              'cases_overdue',
              'case_step_days',
            ].map((code) => ({
              title: col(code),
              key: code,
              align: 'right' as const,
              render: (_: unknown, r: RegionRow) => value(code, r),
            })),
            {
              title: t('dash.loans.migrantTarget'),
              key: 'target',
              align: 'right' as const,
              render: (_: unknown, r: RegionRow) => wan(r.target, locale),
            },
            {
              title: t('dash.progress'),
              key: 'progress',
              render: (_: unknown, r: RegionRow) =>
                r.target === null ? (
                  '—'
                ) : (
                  <ProgressCell
                    progressPct={r.progressPct}
                    timeElapsedPct={data.timeElapsedPct}
                    behind={r.behind}
                  />
                ),
            },
          ]}
        />
      )}
      <Table<OrgRow>
        size="small"
        rowKey="orgId"
        pagination={false}
        scroll={{ x: true }}
        style={{ marginTop: 12 }}
        data-testid="loan-orgs"
        title={() => t('dash.loans.byOrg')}
        locale={{ emptyText: t('dash.loans.noOrgs') }}
        dataSource={loans.organisations}
        columns={[
          { title: t('dash.loans.org'), dataIndex: 'name' },
          {
            title: t('dash.loans.orgType'),
            dataIndex: 'type',
            render: (v: string) => {
              const def = (ORG_TYPES as Record<string, { zh: string; en: string }>)[v];
              return def ? (locale === 'en' ? def.en : def.zh) : v;
            },
          },
          { title: t('dash.loans.open'), dataIndex: 'open', align: 'right' },
          {
            title: t('dash.loans.openOverdue'),
            dataIndex: 'openOverdue',
            align: 'right',
            render: (v: number) => (v > 0 ? <span className="fx-behind">{v}</span> : v),
          },
          {
            title: <Tooltip title={t('dash.loans.avgDaysTip')}>{t('dash.loans.avgDays')}</Tooltip>,
            dataIndex: 'avgStepDays',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v),
          },
          {
            title: t('dash.loans.disbursedWan'),
            dataIndex: 'disbursedWan',
            align: 'right',
            render: (v: number) => wan(v, locale),
          },
          {
            title: t('dash.loans.balanceWan'),
            dataIndex: 'balanceWan',
            align: 'right',
            render: (v: number) => wan(v, locale),
          },
        ]}
      />
    </Card>
  );
}
