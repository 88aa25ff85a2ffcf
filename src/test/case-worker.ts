/**
 * A child process for the kill test (src/server/programme/cases/kill.test.ts): works a list of
 * guarantee-loan files through the real services, as the bank's officer — attaches the loan
 * contract, approves (审批通过), disburses (放款, which lays down the repayment schedule) — and
 * reports each step on stdout as one JSON line. It resumes from whatever state each file is in,
 * so a run after a SIGKILL finishes the work the killed one left.
 *
 *   tsx src/test/case-worker.ts '<json: {dbUrl, masterKey, dataDir, login, caseIds}>'
 */
import { Readable } from 'node:stream';
import { loadConfig } from '../server/config.js';
import { deriveAuditKeys, deriveKeys } from '../server/platform/crypto/keys.js';
import { openDatabase } from '../server/platform/db/client.js';
import type { AppDeps } from '../server/platform/http/types.js';
import { cliActor, cliContext } from '../server/ledger/import/cli.js';
import { caseNotifier } from '../server/outreach/notifications/case-notices.js';
import { uploadAttachment } from '../server/programme/cases/attachment-service.js';
import { fireTransition } from '../server/programme/cases/fire-service.js';
import { caseAttachmentList, findCase } from '../server/programme/cases/repo.js';
import { SAMPLE_FILES } from './case-factories.js';

interface WorkerArgs {
  dbUrl: string;
  masterKey: string;
  dataDir: string;
  login: string;
  caseIds: string[];
}

const say = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const a = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
  const config = loadConfig({ FANXIANG_DATA_DIR: a.dataDir, FANXIANG_LOG_LEVEL: 'silent' });
  const database = await openDatabase({ url: a.dbUrl, poolSize: 2 });
  const clock = () => new Date();
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    keys: deriveKeys(a.masterKey),
    auditKeys: deriveAuditKeys(a.masterKey),
    clock,
    caseHooks: { notify: caseNotifier(clock) },
  };
  const ctx = () => cliContext(actor, deps.auditKeys.chain);
  const actor = await cliActor(deps, a.login);
  say({ ready: true });
  for (const id of a.caseIds) {
    for (;;) {
      const row = await findCase(deps.db, id);
      if (!row) throw new Error(`no case ${id}`);
      if ((await caseAttachmentList(deps.db, id)).length === 0) {
        say({ step: 'attach', id });
        await uploadAttachment(deps, ctx(), id, Readable.from([SAMPLE_FILES.pdf]), {
          name: '借款合同.pdf',
          contentLength: SAMPLE_FILES.pdf.length,
        });
        continue;
      }
      if (row.state === 'bank_review') {
        say({ step: 'bank_approve', id });
        await fireTransition(deps, ctx(), id, {
          transition: 'bank_approve',
          version: row.version,
          fields: { approvedAmountFen: 10_000_000, approvedTermMonths: 24 },
        });
        continue;
      }
      if (row.state === 'disbursement') {
        say({ step: 'disburse', id });
        await fireTransition(deps, ctx(), id, {
          transition: 'disburse',
          version: row.version,
          fields: {
            disbursedFen: 10_000_000,
            disbursedOn: '2026-11-23',
            annualRateBp: 150,
            maturityOn: '2028-11-23',
          },
        });
        continue;
      }
      break;
    }
    say({ done: id });
  }
  await database.close();
  say({ finished: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
