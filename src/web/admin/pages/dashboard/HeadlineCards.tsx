import { Card, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { figurePair, targetVerdict } from '../../../../domain/indicators/honest-figures';
import { formatExact, formatPct, formatShort } from './numbers';
import { VerdictTag } from './ProgressCell';
import { ProgressVsTime } from './ProgressVsTime';
import type { Headline, IndicatorCode } from './types';

interface Props {
  items: Headline[];
  timeElapsedPct: number;
  focus: IndicatorCode;
  onFocus: (code: IndicatorCode) => void;
}

/**
 * One card per indicator: the figure, its target, progress against the time elapsed. Figure and
 * target are shown so that they compare honestly (exact when close: 19,987 against 21,000), and a
 * finished year says 已完成 / 未完成 rather than how it stands against the time elapsed.
 */
export function HeadlineCards({ items, timeElapsedPct, focus, onFocus }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="fx-kpis">
      {items.map((h) => {
        const unit = locale === 'en' ? h.unitEn : h.unitZh;
        const name = locale === 'en' ? h.nameEn : h.nameZh;
        const pair = figurePair(h.actual, h.target, locale);
        const verdict = targetVerdict(h.progressPct, timeElapsedPct);
        const red = verdict === 'behind' || verdict === 'missed';
        return (
          <Card
            key={h.indicator}
            size="small"
            hoverable
            className={`fx-kpi${h.indicator === focus ? ' fx-kpi-focus' : ''}${red ? ' fx-kpi-behind' : ''}`}
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
                  {pair.actual}
                  <small>{unit}</small>
                </div>
              </Tooltip>
              <VerdictTag verdict={verdict} t={t} className="fx-kpi-tag" />
            </div>
            {h.target !== null ? (
              <>
                <div className="fx-kpi-line">
                  <span>
                    {t('dash.target')} {pair.target}
                    {locale === 'en' ? ` ${unit}` : unit}
                  </span>
                  <span className={red ? 'fx-behind' : undefined}>
                    {t('dash.done')} {formatPct(h.progressPct)}
                  </span>
                </div>
                <ProgressVsTime
                  progressPct={h.progressPct}
                  timeElapsedPct={timeElapsedPct}
                  behind={red}
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
