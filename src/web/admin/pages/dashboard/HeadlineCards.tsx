import { Card, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { formatExact, formatPct, formatShort, formatWithUnit } from './numbers';
import { ProgressVsTime } from './ProgressVsTime';
import type { Headline, IndicatorCode } from './types';

interface Props {
  items: Headline[];
  timeElapsedPct: number;
  focus: IndicatorCode;
  onFocus: (code: IndicatorCode) => void;
}

/** One card per indicator: the figure, its target, progress against the time elapsed. */
export function HeadlineCards({ items, timeElapsedPct, focus, onFocus }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="fx-kpis">
      {items.map((h) => {
        const unit = locale === 'en' ? h.unitEn : h.unitZh;
        const name = locale === 'en' ? h.nameEn : h.nameZh;
        return (
          <Card
            key={h.indicator}
            size="small"
            hoverable
            className={`fx-kpi${h.indicator === focus ? ' fx-kpi-focus' : ''}${h.behind ? ' fx-kpi-behind' : ''}`}
            data-testid={`kpi-${h.indicator}`}
            onClick={() => onFocus(h.indicator)}
          >
            <div className="fx-kpi-head">
              <Typography.Text type="secondary" ellipsis={{ tooltip: name }}>
                {name}
              </Typography.Text>
            </div>
            <div className="fx-kpi-row">
              <Tooltip title={`${formatExact(h.actual)} ${unit}`}>
                <div className="fx-kpi-value">
                  {formatShort(h.actual, locale)}
                  <small>{unit}</small>
                </div>
              </Tooltip>
              {h.behind && (
                <Tag color="error" className="fx-kpi-tag">
                  {t('dash.behind')}
                </Tag>
              )}
            </div>
            {h.target !== null ? (
              <>
                <div className="fx-kpi-line">
                  <span>
                    {t('dash.target')} {formatWithUnit(h.target, unit, locale)}
                  </span>
                  <span className={h.behind ? 'fx-behind' : undefined}>
                    {t('dash.done')} {formatPct(h.progressPct)}
                  </span>
                </div>
                <ProgressVsTime
                  progressPct={h.progressPct}
                  timeElapsedPct={timeElapsedPct}
                  behind={h.behind}
                  size="small"
                />
              </>
            ) : (
              <div className="fx-kpi-line fx-muted">{t('dash.noTarget')}</div>
            )}
            <div className="fx-kpi-line fx-muted">
              {h.kind === 'flow'
                ? t('dash.cumulativeAll', { value: formatShort(h.cumulative, locale) })
                : t('dash.netThisYear', { value: formatShort(h.inPeriod, locale) })}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
