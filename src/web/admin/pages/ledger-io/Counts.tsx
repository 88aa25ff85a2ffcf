import { Statistic } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatCount } from './format';
import type { Job } from './types';

/** The counters an import job reports, in the order officials read them. */
const COUNTERS = [
  'total',
  'created',
  'updated',
  'unchanged',
  'failed',
  'warnings',
  'skipped',
] as const;

/** The job's row counts (those it reports), as a row of figures. */
export function Counts({ job }: { job: Job }) {
  const t = useT();
  // Skipped example rows show only when there were some.
  const shown = COUNTERS.filter(
    (c) => job.result[c] !== undefined && (c !== 'skipped' || (job.result[c] ?? 0) > 0),
  );
  if (shown.length === 0) return null;
  return (
    <div className="fx-io-counts" data-testid="import-counts">
      {shown.map((c) => (
        <Statistic
          key={c}
          title={t(`io.count.${c}`)}
          value={job.result[c]}
          formatter={(v) => formatCount(Number(v))}
          styles={{
            content: {
              color: c === 'failed' && (job.result[c] ?? 0) > 0 ? '#cf1322' : undefined,
            },
          }}
        />
      ))}
    </div>
  );
}
