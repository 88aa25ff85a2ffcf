import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.js';

/** The rows of a raw query, typed by the caller (both drivers answer `{ rows }`). */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}
