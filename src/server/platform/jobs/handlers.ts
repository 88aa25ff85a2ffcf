import {
  attachmentSweepJobHandler,
  CASE_ATTACHMENT_SWEEP_JOB,
} from '../../programme/cases/attachment-sweep.js';
import { CASE_DEADLINES_JOB, deadlineJobHandler } from '../../programme/cases/deadline-job.js';
import { importJobHandler } from '../../ledger/import/import-job.js';
import type { JobHandlers } from './runner.js';

/** Every kind of job this build can run, by kind. */
export const JOB_HANDLERS: JobHandlers = {
  'ledger.import.people': importJobHandler('people'),
  'ledger.import.entities': importJobHandler('entities'),
  [CASE_DEADLINES_JOB]: deadlineJobHandler,
  [CASE_ATTACHMENT_SWEEP_JOB]: attachmentSweepJobHandler,
};
