import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../platform/db/client.js';
import type { RowColumn } from './bulk.js';

/**
 * COPY of ready-made text into a ledger table, one statement (and one transaction) per call, so
 * the statement-level counter triggers run once per chunk: PostgreSQL through pg-copy-streams,
 * PGlite through its `/dev/blob` device.
 */

function copySql(table: string, columns: readonly RowColumn[]): string {
  return `COPY ${table} (${columns.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`;
}

async function writeAll(stream: Writable, text: string): Promise<void> {
  const chunk = 1 << 20;
  for (let i = 0; i < text.length; i += chunk) {
    if (!stream.write(text.slice(i, i + chunk))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

/**
 * Copies `text` (COPY text format, one row a line) into `table`. With `replica`, the session
 * runs as a replication replica while it copies: no trigger fires (neither the counters' nor the
 * foreign-key checks), which needs a superuser; the caller rebuilds the counters afterwards.
 */
export async function copyInto(
  database: Database,
  table: string,
  columns: readonly RowColumn[],
  text: string,
  replica = false,
): Promise<void> {
  if (text.length === 0) return;
  const role = replica ? 'replica' : 'origin';
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query(`SET session_replication_role = ${role}`);
      const stream = client.query(copyFrom(copySql(table, columns)));
      await writeAll(stream, text);
    } finally {
      await client.query('RESET session_replication_role').catch(() => undefined);
      client.release();
    }
    return;
  }
  if (!database.pglite) throw new Error('no database to copy into');
  const sql = copySql(table, columns).replace('FROM STDIN', "FROM '/dev/blob'");
  await database.pglite.exec(`SET session_replication_role = ${role}`);
  try {
    await database.pglite.query(sql, [], { blob: new Blob([text]) });
  } finally {
    await database.pglite.exec('RESET session_replication_role');
  }
}
