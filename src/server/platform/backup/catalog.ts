import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dependencyOrder } from './table-order.js';

/**
 * How a column travels in a backup. `native` values (booleans, small integers) come from the
 * driver as they are; `json` columns travel as JSON; timestamps as ISO 8601 strings in UTC;
 * everything else as PostgreSQL's text form, which both backends print alike in a canonical
 * session (see canonical.ts) and which reads back exactly.
 */
export type ColumnKind = 'native' | 'json' | 'timestamptz' | 'timestamp' | 'text';

export interface ColumnInfo {
  name: string;
  /** The column's type as SQL spells it, e.g. `character(12)`, `timestamp(3) with time zone`. */
  type: string;
  kind: ColumnKind;
  /** True for text-like types, ordered with COLLATE "C" so both backends sort alike. */
  collatable: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references by foreign key (itself excluded). */
  references: string[];
  /**
   * Foreign keys from the table to itself (e.g. a parent column). Restore drops them while it
   * loads, since rows come in key order rather than parent-first, and adds them back after.
   */
  selfReferences: { name: string; definition: string }[];
  /** Sequences owned by a column (serial, bigserial, identity), reset after a restore. */
  sequences: { column: string; sequence: string }[];
}

/** Rows of a raw query, the same on PGlite and node-postgres. */
export async function queryRows<T = Record<string, unknown>>(
  db: Executor,
  query: SQL,
): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}

/** Quotes an identifier for SQL text. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const NATIVE = new Set(['bool', 'int2', 'int4']);
/** Array element types whose JSON form (to_jsonb) is exact and timezone-free. */
const JSON_ARRAY_ELEMENTS = new Set([
  'text',
  'varchar',
  'bpchar',
  'uuid',
  'bool',
  'int2',
  'int4',
  'name',
]);

function kindOf(typname: string, category: string, element: string | null): ColumnKind {
  if (NATIVE.has(typname)) return 'native';
  if (typname === 'json' || typname === 'jsonb') return 'json';
  if (typname === 'timestamptz') return 'timestamptz';
  if (typname === 'timestamp') return 'timestamp';
  if (category === 'A' && element && JSON_ARRAY_ELEMENTS.has(element)) return 'json';
  return 'text';
}

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  typname: string;
  category: string;
  element: string | null;
  collatable: boolean;
}

/**
 * Reads the public schema's tables from pg_catalog: columns (generated ones left out, since
 * they are computed again), primary keys, foreign keys and owned sequences. Returns them in
 * foreign-key dependency order, so new tables need no change here.
 */
export async function readCatalog(db: Executor): Promise<TableInfo[]> {
  const columns = await queryRows<ColumnRow>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column",
          format_type(a.atttypid, a.atttypmod) AS "type", t.typname AS "typname",
          t.typcategory::text AS "category", e.typname AS "element",
          (a.attcollation <> 0) AS "collatable"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column"
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE con.contype = 'p' AND n.nspname = 'public'
        ORDER BY c.relname, k.ord`,
  );
  const foreign = await queryRows<{ table: string; target: string; name: string; def: string }>(
    db,
    sql`SELECT c.relname AS "table", f.relname AS "target", con.conname AS "name",
          pg_get_constraintdef(con.oid) AS "def"
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_class f ON f.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column", s.relname AS "sequence"
        FROM pg_depend d
        JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        JOIN pg_class c ON c.oid = d.refobjid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
          AND d.deptype IN ('a', 'i') AND n.nspname = 'public'`,
  );

  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let t = tables.get(c.table);
    if (!t) {
      t = {
        name: c.table,
        columns: [],
        primaryKey: [],
        references: [],
        selfReferences: [],
        sequences: [],
      };
      tables.set(c.table, t);
    }
    t.columns.push({
      name: c.column,
      type: c.type,
      kind: kindOf(c.typname, c.category, c.element),
      collatable: c.collatable,
    });
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  for (const f of foreign) {
    const t = tables.get(f.table);
    if (!t) continue;
    if (f.target === f.table) t.selfReferences.push({ name: f.name, definition: f.def });
    else if (tables.has(f.target) && !t.references.includes(f.target)) t.references.push(f.target);
  }
  for (const s of sequences) {
    tables.get(s.table)?.sequences.push({ column: s.column, sequence: s.sequence });
  }
  return dependencyOrder([...tables.values()]);
}
