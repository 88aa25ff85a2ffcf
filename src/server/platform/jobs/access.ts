import { z } from 'zod';
import { isPermission, type Permission } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors/codes.js';
import { isWithin } from '../../../domain/regions/region-code.js';
import type { Actor, RequestContext } from '../http/context.js';
import { requireActor, scopeRoots } from '../../access/scope/scope.js';
import type { JobRow } from './repo.js';

/** Permissions that jobs are created under; holding none of them means no job can be read. */
export const JOB_PERMISSIONS: readonly Permission[] = ['ledger.import'];

/**
 * Who may read a job besides its creator: holders of `permission` whose scope covers every root
 * of the creator's scope at the time (a county officer reads a township officer's import, not
 * the other way round). Stored in the job's params as `access`.
 */
export interface JobAccess {
  permission: Permission;
  scopeRoots: string[];
}

const AccessSchema = z.object({
  permission: z.string().refine(isPermission),
  scopeRoots: z.array(z.string()),
});

/**
 * The access block for a job the actor creates under `permission`.
 *
 * @example
 * jobAccessFor(actor, 'ledger.import') // { permission: 'ledger.import', scopeRoots: ['500236000000'] }
 */
export function jobAccessFor(actor: Actor, permission: Permission): JobAccess {
  return { permission, scopeRoots: scopeRoots(actor, permission) };
}

/** The access block stored in a job, or null when it has none (nobody but the creator reads it). */
export function readJobAccess(job: Pick<JobRow, 'params'>): JobAccess | null {
  const parsed = AccessSchema.safeParse(job.params.access);
  return parsed.success ? parsed.data : null;
}

/** Refuses an actor who holds none of the job permissions (before any lookup). */
export function requireJobReader(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!JOB_PERMISSIONS.some((p) => actor.permissions.has(p))) {
    throw new AppError('FORBIDDEN', { permission: JOB_PERMISSIONS.join(',') });
  }
  return actor;
}

/**
 * Refuses a job the actor may not read: NOT_FOUND unless they created it or hold its
 * permission over every region its creator's scope reached.
 */
export function assertJobReadable(actor: Actor, job: JobRow): void {
  if (job.createdBy !== null && job.createdBy === actor.userId) return;
  const access = readJobAccess(job);
  if (!access || access.scopeRoots.length === 0) throw new AppError('NOT_FOUND');
  const roots = scopeRoots(actor, access.permission);
  const covered = access.scopeRoots.every((r) => roots.some((root) => isWithin(r, root)));
  if (!covered) throw new AppError('NOT_FOUND');
}
