import pg from 'pg';
import type { Database } from './client.js';

/** Schemas the application never touches: the catalogues and drizzle's migration journal. */
const SKIPPED_SCHEMA = `nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'drizzle')`;

async function rows<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (!database.pool) throw new Error('PostgreSQL only');
  return (await database.pool.query(text, params)).rows as T[];
}

/** The role a connection runs as. */
export async function currentRole(database: Database): Promise<string> {
  const [r] = await rows<{ role: string }>(database, 'SELECT current_user AS role');
  if (!r) throw new Error('no current_user');
  return r.role;
}

/**
 * The privileges of an application role that owns nothing, as SQL run by the owner (the
 * migration role): read and write every table and sequence of the application's schemas, now
 * and — through default privileges — those later migrations create; on the audit trail only
 * INSERT and SELECT (and on its head row SELECT plus UPDATE of `seq` and `hash`), so the
 * application can neither change nor remove a record nor, not owning the table, switch off its
 * trigger. Idempotent: start-up runs it again after every migration.
 */
export function appRoleGrantSql(role: string, database: string, schemas: string[]): string {
  const r = pg.escapeIdentifier(role);
  const lines = [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(database)} TO ${r}`,
    ...schemas.flatMap((name) => {
      const s = pg.escapeIdentifier(name);
      return [
        `REVOKE CREATE ON SCHEMA ${s} FROM ${r}`,
        `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
        `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
        `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${r}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r}`,
      ];
    }),
    `REVOKE ALL ON public.audit_log FROM ${r}`,
    `GRANT SELECT, INSERT ON public.audit_log TO ${r}`,
    `REVOKE ALL ON public.audit_head FROM ${r}`,
    `GRANT SELECT ON public.audit_head TO ${r}`,
    `GRANT UPDATE (seq, hash) ON public.audit_head TO ${r}`,
  ];
  return `${lines.join(';\n')};\n`;
}

export class AppRoleError extends Error {}

/**
 * Grants `role` what the application needs, run on the owner's (migration) connection. Refuses
 * a role that does not exist, a superuser, and the owner itself: those could alter the audit
 * table whatever is granted.
 */
export async function grantAppRole(owner: Database, role: string): Promise<void> {
  const [r] = await rows<{ super: boolean; owns: boolean }>(
    owner,
    `SELECT rolsuper AS super,
            pg_has_role($1, (SELECT relowner FROM pg_class WHERE oid = 'public.audit_log'::regclass), 'MEMBER') AS owns
       FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (!r) throw new AppRoleError(`角色 ${role} 不存在 / role ${role} does not exist`);
  if (r.super || r.owns) {
    throw new AppRoleError(
      `角色 ${role} 是超级用户或审计表的所有者，无法限制其权限 / role ${role} is a superuser or owns the audit table: it cannot be restricted`,
    );
  }
  const schemas = await rows<{ nspname: string }>(
    owner,
    `SELECT nspname FROM pg_namespace WHERE ${SKIPPED_SCHEMA} ORDER BY nspname`,
  );
  const [db] = await rows<{ name: string }>(owner, 'SELECT current_database() AS name');
  await owner.execRaw(
    appRoleGrantSql(
      role,
      db?.name ?? '',
      schemas.map((s) => s.nspname),
    ),
  );
}

/**
 * Whether the connection's role could rewrite the audit trail at will: a superuser, or a
 * member of the audit table's owner (who can ALTER it and switch its trigger off).
 */
export async function canAlterAudit(database: Database): Promise<boolean> {
  const [r] = await rows<{ can: boolean }>(
    database,
    `SELECT rolsuper OR pg_has_role(current_user,
              (SELECT relowner FROM pg_class WHERE oid = 'public.audit_log'::regclass), 'MEMBER') AS can
       FROM pg_roles WHERE rolname = current_user`,
  );
  return r?.can ?? true;
}
