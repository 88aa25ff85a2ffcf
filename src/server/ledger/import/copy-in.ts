import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbKind, Executor } from '../../platform/db/client.js';

/** What a COPY needs of the connection a Drizzle transaction runs on. */
interface PgClient {
  query(stream: unknown): NodeJS.WritableStream;
}
interface PgliteClient {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** The driver's own connection under a Drizzle executor (a node-postgres client, a PGlite transaction). */
function driverClient(tx: Executor): unknown {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('COPY needs the connection of a transaction');
  return client;
}

/**
 * Loads COPY text lines into `table` on the transaction's own connection: streamed with
 * pg-copy-streams on PostgreSQL, handed over as a blob (`COPY … FROM '/dev/blob'`) on PGlite.
 */
export async function copyInto(
  tx: Executor,
  backend: DbKind,
  table: string,
  chunks: readonly Uint8Array[],
): Promise<void> {
  if (chunks.length === 0) return;
  const client = driverClient(tx);
  if (backend === 'postgres') {
    const stream = (client as PgClient).query(copyFrom(`COPY ${table} FROM STDIN`));
    await pipeline(Readable.from(chunks), stream);
    return;
  }
  const blob = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
  await (client as PgliteClient).query(`COPY ${table} FROM '/dev/blob'`, [], { blob });
}
