import { inArray, sql } from 'drizzle-orm';
import {
  joinRegionPath,
  NATION_CODE,
  parentRegionCode,
  REGION_LEVELS,
  toRegionCode,
} from '../../../domain/regions/region-code.js';
import { pinyinKeys } from '../../../domain/text/pinyin.js';
import type { Db } from '../db/client.js';
import { readSourceLevel, SOURCE_COUNTS, type ImportLevel } from './source.js';
import { regions } from './table.js';

export interface RegionImportOptions {
  /** Deepest level to import; township by default, village on request (620k rows). */
  depth?: ImportLevel;
  /** Limit to these 2-digit province codes (tests, small deployments). */
  provinces?: string[];
  onProgress?: (done: number, total: number, level: ImportLevel) => void;
}

const ORDER: ImportLevel[] = ['province', 'city', 'county', 'township', 'village'];
const BATCH = 2000;

type Row = typeof regions.$inferInsert;

/**
 * Imports the national division tree level by level, so each row's written path is built from
 * its parent's. Idempotent: a re-run updates names and adds what is missing.
 */
export async function importRegions(
  db: Db,
  opts: RegionImportOptions = {},
): Promise<{ imported: number }> {
  const depth = opts.depth ?? 'township';
  const levels = ORDER.slice(0, ORDER.indexOf(depth) + 1);
  const provinceFilter = opts.provinces ? new Set(opts.provinces) : null;
  const total = levels.reduce((n, l) => n + SOURCE_COUNTS[l], 0);

  await upsert(db, [
    {
      code: NATION_CODE,
      parentCode: null,
      level: 0,
      name: '全国',
      pinyin: 'quanguo',
      initials: 'qg',
      pathName: '',
    },
  ]);
  const paths = new Map<string, string[]>([[NATION_CODE, ['全国']]]);
  let done = 0;
  let imported = 0;
  for (const level of levels) {
    let batch: Row[] = [];
    if (level === 'village') await loadPaths(db, paths, provinceFilter);
    for await (const src of readSourceLevel(level)) {
      done++;
      if (provinceFilter && !provinceFilter.has(src.code.slice(0, 2))) continue;
      const code = toRegionCode(src.code);
      const parent = parentRegionCode(code) ?? NATION_CODE;
      const names = [...(paths.get(parent) ?? ['全国']), src.name];
      if (level !== 'village') paths.set(code, names);
      const keys = pinyinKeys(src.name);
      batch.push({
        code,
        parentCode: parent,
        level: REGION_LEVELS.indexOf(level),
        name: src.name,
        pinyin: keys.full,
        initials: keys.initials,
        pathName: joinRegionPath(names),
      });
      if (batch.length >= BATCH) {
        await upsert(db, batch);
        imported += batch.length;
        batch = [];
        opts.onProgress?.(done, total, level);
      }
    }
    await upsert(db, batch);
    imported += batch.length;
    opts.onProgress?.(done, total, level);
  }
  return { imported };
}

/** Township paths come from the database when villages are imported on their own later. */
async function loadPaths(
  db: Db,
  paths: Map<string, string[]>,
  provinces: Set<string> | null,
): Promise<void> {
  if (paths.size > 1) return;
  const rows = await db
    .select({ code: regions.code, pathName: regions.pathName })
    .from(regions)
    .where(inArray(regions.level, [1, 2, 3, 4]));
  for (const r of rows) {
    if (provinces && !provinces.has(r.code.slice(0, 2))) continue;
    paths.set(r.code, ['全国', ...r.pathName.split(' / ')]);
  }
}

async function upsert(db: Db, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        name: sql`excluded.name`,
        parentCode: sql`excluded.parent_code`,
        level: sql`excluded.level`,
        pinyin: sql`excluded.pinyin`,
        initials: sql`excluded.initials`,
        pathName: sql`excluded.path_name`,
      },
    });
}
