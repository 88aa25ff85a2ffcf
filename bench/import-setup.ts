/**
 * Setup of the import bench, run in a child process so that its memory is not counted: migrates
 * the bench database, imports 重庆's regions, creates the importing county officer and writes the
 * CSV. Prints `{ bytes }` as JSON.
 *
 *   tsx bench/import-setup.ts <database url> <csv file> <rows>
 */
import { like } from 'drizzle-orm';
import { openDatabase } from '../src/server/platform/db/client.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { importRegions } from '../src/server/platform/regions/import.js';
import { regions } from '../src/server/platform/regions/table.js';
import { seedBuiltinRoles } from '../src/server/access/roles/seed.js';
import { roleAssignments, users } from '../src/server/access/users/table.js';
import { writePeopleCsv } from './ledger-data.js';

const [url, file, rows] = process.argv.slice(2);
if (!url || !file || !rows) throw new Error('usage: import-setup.ts <url> <file> <rows>');
const database = await openDatabase({ url, poolSize: 2 });
try {
  await migrate(database);
  await seedBuiltinRoles(database.db);
  await importRegions(database.db, { provinces: ['50'] });
  const [u] = await database.db
    .insert(users)
    .values({
      login: 'bench_officer',
      displayName: '奉节县服务专员',
      passwordHash: 'x',
      regionCode: '500236000000',
    })
    .returning({ id: users.id });
  await database.db.insert(roleAssignments).values({
    userId: u!.id,
    roleCode: 'county_officer',
    scopeType: 'region',
    scopeRegion: '500236000000',
  });
  const towns = (
    await database.db
      .select({ code: regions.code })
      .from(regions)
      .where(like(regions.code, '500236___000'))
  )
    .map((r) => r.code)
    .filter((c) => c !== '500236000000');
  const bytes = await writePeopleCsv(file, Number(rows), towns);
  console.log(JSON.stringify({ bytes }));
} finally {
  await database.close();
}
