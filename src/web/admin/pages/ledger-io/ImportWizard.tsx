import { Card, Spin, Steps } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/errors';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { KindStep } from './KindStep';
import { ProgressStep } from './ProgressStep';
import { ResultStep } from './ResultStep';
import { isActive, kindOfJob, type LedgerKind, WRITE_PERMISSION } from './types';
import { UploadStep } from './UploadStep';
import type { JobState } from './useJob';

interface Props {
  /** The job being followed (kept in the URL, so a reload comes back to it). */
  jobId: string | null;
  state: JobState;
  onJob: (jobId: string | null) => void;
}

/** The import wizard: kind and template, upload, live progress, result with the error report. */
export function ImportWizard({ jobId, state, onJob }: Props) {
  const t = useT();
  const { can } = useSession();
  const [kind, setKind] = useState<LedgerKind>(
    can(WRITE_PERMISSION.people) ? 'people' : 'entities',
  );
  const [stage, setStage] = useState<'kind' | 'file'>('kind');
  const { job, error, rate } = state;

  const current = jobId ? (job && !isActive(job) ? 3 : 2) : stage === 'file' ? 1 : 0;
  const steps = ['io.step.kind', 'io.step.upload', 'io.step.progress', 'io.step.result'] as const;

  const again = () => {
    if (job) setKind(kindOfJob(job.kind));
    setStage('file');
    onJob(null);
  };

  return (
    <Card>
      <Steps
        current={current}
        items={steps.map((key) => ({ title: t(key) }))}
        className="fx-io-steps"
      />
      {current === 0 && <KindStep kind={kind} onKind={setKind} onNext={() => setStage('file')} />}
      {current === 1 && (
        <UploadStep kind={kind} onBack={() => setStage('kind')} onStarted={(id) => onJob(id)} />
      )}
      {jobId && <ErrorAlert error={error} />}
      {jobId && !job && !error && <Spin className="fx-io-wait" />}
      {current === 2 && job && <ProgressStep job={job} rate={rate} />}
      {current === 3 && job && <ResultStep job={job} onAgain={again} />}
    </Card>
  );
}
