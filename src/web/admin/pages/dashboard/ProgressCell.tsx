import { Tag } from 'antd';
import { targetVerdict } from '../../../../domain/indicators/honest-figures';
import type { Translate } from '../../i18n/i18n';
import { formatPct } from './numbers';
import { ProgressVsTime } from './ProgressVsTime';

/** A table cell of a target's progress: the small bar against the time elapsed, and the percent. */
export function ProgressCell({
  progressPct,
  timeElapsedPct,
  behind,
}: {
  progressPct: number | null;
  timeElapsedPct: number;
  behind: boolean;
}) {
  return (
    <div className="fx-rank-progress">
      <ProgressVsTime
        progressPct={progressPct}
        timeElapsedPct={timeElapsedPct}
        behind={behind}
        size="small"
      />
      <span className={behind ? 'fx-behind' : undefined}>{formatPct(progressPct)}</span>
    </div>
  );
}

/**
 * Where a target stands, as a tag: 落后于时间进度 during the year, 未完成 / 已完成 once it is over;
 * nothing while on schedule or without a target.
 */
export function VerdictTag({
  verdict,
  t,
  className,
}: {
  verdict: ReturnType<typeof targetVerdict>;
  t: Translate;
  className?: string;
}) {
  switch (verdict) {
    case 'behind':
      return (
        <Tag color="error" className={className}>
          {t('dash.behind')}
        </Tag>
      );
    case 'missed':
      return (
        <Tag color="error" className={className}>
          {t('dash.missed')}
        </Tag>
      );
    case 'done':
      return (
        <Tag color="success" className={className}>
          {t('dash.completed')}
        </Tag>
      );
    default:
      return null;
  }
}

/**
 * The last column of a progress table: 落后于时间进度 where a row is behind the time elapsed, and
 * once the year is over 未完成 / 已完成.
 */
export function behindColumn<T extends { progressPct: number | null }>(
  t: Translate,
  elapsedOf: (r: T) => number,
) {
  return {
    title: '',
    key: 'behind',
    width: 120,
    render: (_: unknown, r: T) => (
      <VerdictTag verdict={targetVerdict(r.progressPct, elapsedOf(r))} t={t} />
    ),
  };
}
