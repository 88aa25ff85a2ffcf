import { inArray } from 'drizzle-orm';
import { importRegions } from '../platform/regions/import.js';
import { regions } from '../platform/regions/table.js';
import type { Runtime } from '../runtime.js';
import { ensureDemoEntrepreneur } from './demo-entrepreneur.js';
import { type LoanLoadResult, loadDemoLoans } from './load-loans.js';
import { loadDemoStory, type StoryLoadResult } from './load-story.js';
import { NANYANG_COUNTIES } from './story-data.js';
import { hasNoUsers, saveDemoLogins, seedDemoFoundation } from './seed-foundation.js';

/**
 * The demo story on a running deployment: what `fanxiang demo load` does, and what the first
 * `npm start` does after the foundation demo (organisations and accounts).
 */

/** The story's regions (河南 and 重庆) are imported when any of its counties is missing. */
async function ensureStoryRegions(runtime: Runtime, log: (line: string) => void): Promise<void> {
  const wanted = [...NANYANG_COUNTIES.map((c) => `${c.code}000000`), '500236000000'];
  const found = await runtime.database.db
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, wanted));
  if (found.length === wanted.length) return;
  log('导入河南省、重庆市行政区划 / importing the divisions of 河南 and 重庆');
  await importRegions(runtime.database.db, { provinces: ['41', '50'] });
}

/** The demo loans through the services, as the demo accounts (see load-loans.ts). */
function loadLoans(runtime: Runtime): Promise<LoanLoadResult> {
  return loadDemoLoans({
    config: runtime.config,
    database: runtime.database,
    db: runtime.database.db,
    keys: runtime.keys,
    auditKeys: runtime.auditKeys,
    clock: runtime.clock,
  });
}

/**
 * Loads the story (and, on an empty deployment, the demo organisations and accounts first, so
 * its parks exist), then the demo loans. Idempotent: a second run changes nothing.
 */
export async function ensureDemoStory(
  runtime: Runtime,
  log: (line: string) => void,
): Promise<StoryLoadResult & { loans: LoanLoadResult }> {
  await ensureStoryRegions(runtime, log);
  const db = runtime.database.db;
  if (await hasNoUsers(db)) {
    log('载入演示机构和账号 / loading demo organisations and accounts');
    saveDemoLogins(
      runtime.config.dataDir,
      await seedDemoFoundation(db, runtime.keys, runtime.clock(), runtime.auditKeys.chain),
    );
  }
  log('载入演示台账（南阳市、奉节县）/ loading the demo ledger (南阳市, 奉节县)');
  const story = await loadDemoStory(db, runtime.keys, runtime.clock(), runtime.auditKeys.chain);
  // The portal's demo entrepreneur, linked to a qualifying 奉节县 person of the story (before
  // the demo loans, which leave people with a portal account to apply for themselves).
  await ensureDemoEntrepreneur(db, runtime.keys, runtime.clock());
  log('载入演示创业担保贷款（南阳市、奉节县）/ loading the demo guarantee loans');
  return { ...story, loans: await loadLoans(runtime) };
}

/**
 * For the first start, right after the foundation demo: the story's people, entities and
 * targets, with a line before and after (it takes a little while on the embedded database).
 */
export async function loadDemoStoryOnFirstStart(runtime: Runtime): Promise<void> {
  const started = Date.now();
  console.log(
    '首次启动：载入演示台账和目标（南阳市、奉节县）/ first start: loading the demo ledger and targets',
  );
  const r = await ensureDemoStory(runtime, () => undefined);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `  ${r.people} 人员 people, ${r.entities} 市场主体 entities, ${r.targets} 目标 targets, ` +
      `${r.loans.loans} 笔创业担保贷款 loans (${secs} s, loans ${r.loans.seconds.toFixed(0)} s)`,
  );
}
