import { Progress, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n';
import { AHEAD_COLOR, BEHIND_COLOR, PRIMARY_COLOR } from './colors';
import { formatPct } from './numbers';

interface Props {
  progressPct: number | null;
  timeElapsedPct: number;
  behind: boolean;
  size?: 'small' | 'default';
}

/** A target's progress bar with a mark where the time elapsed stands (时间进度). */
export function ProgressVsTime({ progressPct, timeElapsedPct, behind, size = 'default' }: Props) {
  const t = useT();
  const pct = progressPct ?? 0;
  return (
    <Tooltip
      title={t('dash.progressTip', {
        progress: formatPct(progressPct),
        elapsed: formatPct(timeElapsedPct),
      })}
    >
      <div className="fx-progress">
        <Progress
          percent={Math.min(100, pct)}
          showInfo={false}
          size={size === 'small' ? 'small' : undefined}
          strokeColor={behind ? BEHIND_COLOR : pct >= 100 ? AHEAD_COLOR : PRIMARY_COLOR}
          aria-label={t('dash.progress')}
        />
        <span
          className="fx-progress-time"
          style={{ left: `${Math.min(100, Math.max(0, timeElapsedPct))}%` }}
          aria-hidden
        />
      </div>
    </Tooltip>
  );
}
