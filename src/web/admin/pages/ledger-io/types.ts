/**
 * Types of the import and export API as this screen reads it, inferred from the server's zod
 * contracts. Type-only imports: no server code reaches the bundle.
 */
import type { z } from 'zod';
import type { JobView } from '@server/platform/jobs/contract.js';
import type { ImportAccepted } from '@server/ledger/import/contract.js';
import type {
  ImportErrorPreview,
  ImportJobItem,
  ImportJobList,
} from '@server/ledger/import/import-jobs-contract.js';

export type Job = z.infer<typeof JobView>;
export type ImportJob = z.infer<typeof ImportJobItem>;
export type ImportJobs = z.infer<typeof ImportJobList>;
export type ErrorPreview = z.infer<typeof ImportErrorPreview>;
export type Accepted = z.infer<typeof ImportAccepted>;

/** What a file holds: the people ledger or the market entities. */
export type LedgerKind = 'people' | 'entities';

/** The permission that writes each kind (an import needs it besides ledger.import). */
export const WRITE_PERMISSION: Record<LedgerKind, string> = {
  people: 'person.write',
  entities: 'entity.write',
};

/** The permission that reads each kind (an export needs it besides ledger.export). */
export const READ_PERMISSION: Record<LedgerKind, string> = {
  people: 'person.read',
  entities: 'entity.read',
};

/** The kind of an import job from its job kind (`ledger.import.people`). */
export function kindOfJob(jobKind: string): LedgerKind {
  return jobKind.endsWith('.entities') ? 'entities' : 'people';
}

/** True while the worker has not finished the job. */
export function isActive(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}
