import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../domain/errors/codes.js';
import { appendAudit } from '../../platform/audit/repo.js';
import { toGrants } from '../../platform/auth/actor.js';
import { findGrants, findUserByLogin } from '../../platform/auth/repo.js';
import { PRIVATE_FILE_MODE } from '../../platform/db/private-files.js';
import type { Actor } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { JOB_HANDLERS } from '../../platform/jobs/handlers.js';
import { findJob, type JobRow } from '../../platform/jobs/repo.js';
import { claimNextJob, newOwnerName, runClaimedJob } from '../../platform/jobs/runner.js';
import { requirePermission } from '../../access/scope/scope.js';
import { operatorAuditEntry } from '../../access/users/cli-accounts.js';
import type { ImportKind } from './columns.js';
import { errorReport } from './error-report.js';
import { sniffFormat } from './source.js';
import { insertImportJob } from './service.js';

/**
 * The ledger commands of the operator's CLI: the same job handler as the API, run in-process on
 * behalf of an account (whose grants decide the scope), with the operator in the audit trail.
 */

/** The account `login` as an actor with its grants (refused when unknown or disabled). */
export async function cliActor(deps: AppDeps, login: string): Promise<Actor> {
  const user = await findUserByLogin(deps.db, login);
  if (!user) throw new AppError('LOGIN_UNKNOWN', { login });
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  const grants = toGrants(await findGrants(deps.db, user.id));
  const permissions = new Set(grants.flatMap((g) => [...g.permissions]));
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    sessionId: '',
    grants,
    permissions,
    mustChangePassword: false,
    mfaState: 'ok',
  };
}

/** A request context for an actor on the command line (ip `local`). */
export function cliContext(actor: Actor, auditKey: Buffer) {
  return {
    actor,
    auditKey,
    ip: 'local',
    userAgent: 'fanxiang-cli',
    locale: 'zh-CN' as const,
    audited: false,
    sessionProblem: null,
    errorCode: null,
    attemptedLogin: null,
    newSessionToken: null,
    clearSession: false,
  };
}

export interface CliImport {
  file: string;
  kind: ImportKind;
  login: string;
  /** `cli:<os user>`, for the audit record. */
  operator: string;
  batchSize?: number;
  workers?: number;
  onProgress?: (done: number, total: number | null) => void;
}

/**
 * Imports a file on behalf of `login` and waits for the job: queued and audited like an upload
 * (the file is read where it is and left there), then run here by the same handler.
 */
export async function importFileAs(deps: AppDeps, o: CliImport): Promise<JobRow> {
  const actor = await cliActor(deps, o.login);
  const ctx = cliContext(actor, deps.auditKeys.chain);
  requirePermission(ctx, 'ledger.import');
  requirePermission(ctx, o.kind === 'people' ? 'person.write' : 'entity.write');
  const file = path.resolve(o.file);
  const { size } = await stat(file);
  const format = await sniffFormat(file);
  const jobId = randomUUID();
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const stored = { file, deleteFile: false, fileName: path.basename(file), bytes: size };
    await insertImportJob(tx, actor, o.kind, jobId, stored, now);
    const details = {
      kind: o.kind,
      as: actor.login,
      file: path.basename(file),
      format,
      bytes: size,
    };
    await appendAudit(
      tx,
      deps.auditKeys.chain,
      operatorAuditEntry(o.operator, now, {
        action: 'ledger.import',
        objectType: 'job',
        objectId: jobId,
        details,
      }),
    );
  });
  const owner = newOwnerName();
  const job = await claimNextJob(deps, owner, {}, jobId);
  if (!job) throw new Error(`job ${jobId} could not be claimed`);
  await runClaimedJob(deps, job, JOB_HANDLERS, {
    owner,
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    afterBatch: (b) => o.onProgress?.(b.done, b.total),
  });
  const done = await findJob(deps.db, jobId);
  if (!done) throw new Error(`job ${jobId} vanished`);
  return done;
}

/** Writes an import's error report to `file`. */
export async function writeErrorReport(deps: AppDeps, jobId: string, file: string): Promise<void> {
  await pipeline(
    await errorReport(deps.db, jobId, 'zh-CN'),
    createWriteStream(file, { mode: PRIVATE_FILE_MODE }),
  );
}
