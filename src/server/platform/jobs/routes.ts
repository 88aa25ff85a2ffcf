import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';
import { JobIdParams, JobView } from './contract.js';
import { JOB_HANDLERS } from './handlers.js';
import * as jobs from './service.js';
import { type JobWorker, startJobWorker } from './worker.js';

/**
 * Jobs: the progress endpoint, and the background worker of a serving instance. The worker
 * starts when the server listens (tests that only inject requests run jobs themselves with
 * runJobsUntilIdle) and stops when the app closes.
 */
export function registerJobs(app: App, deps: AppDeps): void {
  app.get('/api/jobs/:id', {
    schema: {
      tags: ['任务 jobs'],
      summary: '后台任务状态与进度（创建人，或在其管辖范围内有相应权限者）',
      params: JobIdParams,
      response: { 200: JobView, ...ERROR_RESPONSES },
    },
    handler: (req) => jobs.getJob(deps, req.ctx, req.params.id),
  });

  let worker: JobWorker | null = null;
  app.addHook('onListen', (done) => {
    worker ??= startJobWorker(deps, JOB_HANDLERS, {
      log: app.log,
      leaseMs: deps.config.jobLeaseSeconds * 1000,
    });
    done();
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    worker = null;
  });
}
