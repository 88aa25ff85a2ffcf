import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Keys } from '../crypto/keys.js';
import type { Database } from '../db/client.js';
import { canonicalRows, canonicalSession, TableHasher } from './canonical.js';
import { ident, queryRows, readCatalog } from './catalog.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  keyCheck,
  rowLine,
  type BackupHeader,
  type BackupProgress,
  type Checksums,
  type TableStart,
  type Trailer,
} from './format.js';
import { GzipLineWriter } from './lines.js';
import { appliedMigrations } from './migrations.js';

export interface BackupOptions {
  /** The deployment's keys: their tag goes into the header so restore can check the key. */
  keys?: Keys;
  onProgress?: (p: BackupProgress) => void;
  /** The time written into the header. */
  now?: Date;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  /** Size of the compressed file in bytes. */
  bytes: number;
  checksums: Checksums;
}

/**
 * Writes a logical backup of every table in the public schema to `file` (gzip'd JSON lines,
 * see format.ts), from one consistent snapshot, streaming a batch at a time. The file appears
 * under its name only when complete.
 *
 * @example
 * await backupDatabase(runtime.database, 'county.fxbak', { keys: runtime.keys });
 */
export async function backupDatabase(
  database: Database,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupSummary> {
  const writer = new GzipLineWriter(file);
  try {
    const trailer = await database.db.transaction(
      async (tx) => {
        await canonicalSession(tx);
        const tables = await readCatalog(tx);
        const counts = new Map<string, number>();
        for (const t of tables) {
          const [c] = await queryRows<{ n: string }>(
            tx,
            sql.raw(`SELECT count(*)::text AS n FROM ${ident(t.name)}`),
          );
          counts.set(t.name, Number(c?.n ?? 0));
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: (opts.now ?? new Date()).toISOString(),
          source: database.kind,
          migrations: await appliedMigrations(tx),
          keyCheck: opts.keys ? keyCheck(opts.keys) : null,
          tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0 })),
        };
        await writer.write(JSON.stringify(header));
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const sums: Checksums = {};
        let done = 0;
        for (const t of tables) {
          const start: TableStart = {
            table: t.name,
            columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
          };
          await writer.write(JSON.stringify(start));
          const hasher = new TableHasher();
          for await (const batch of canonicalRows(tx, t)) {
            for (const values of batch) {
              const line = rowLine(values);
              hasher.add(line);
              await writer.write(line);
            }
            done += batch.length;
            opts.onProgress?.({ phase: 'rows', table: t.name, done, total: Math.max(total, done) });
          }
          sums[t.name] = hasher.digest();
        }
        const end: Trailer = { end: true, tables: sums, rows: done };
        return end;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.write(JSON.stringify(trailer));
    await writer.finish();
    return {
      file,
      tables: Object.keys(trailer.tables).length,
      rows: trailer.rows,
      bytes: statSync(file).size,
      checksums: trailer.tables,
    };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
