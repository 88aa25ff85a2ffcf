import { Tag } from 'antd';
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

/** The last column of a progress table: 进度滞后 where a row is behind the time elapsed. */
export function behindColumn<T extends { behind: boolean }>(t: Translate) {
  return {
    title: '',
    key: 'behind',
    width: 120,
    render: (_: unknown, r: T) => r.behind && <Tag color="error">{t('dash.behind')}</Tag>,
  };
}
