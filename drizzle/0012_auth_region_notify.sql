-- Change notices for the in-memory caches (src/server/auth/session-cache.ts and
-- src/server/regions/region-tree.ts). Every instance LISTENs on these channels; PostgreSQL
-- delivers a notice when the transaction that raised it commits, PGlite in-process.
--   fx_auth:    's:<session id>' | 'u:<user id>' | '*'  — a cached session, user or grant changed
--   fx_regions: 'reload'                                 — the division tree changed
-- Triggers rather than calls in the services, so that every writer (API, CLI, restore, another
-- process) raises them.
CREATE OR REPLACE FUNCTION fx_notify_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('fx_auth', 's:' || OLD.id::text);
  ELSIF (to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at') THEN
    -- lastSeenAt alone (the throttled idle touch) changes nothing a cache holds
    PERFORM pg_notify('fx_auth', 's:' || NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fx_notify_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('fx_auth', 'u:' || OLD.id::text);
  ELSE
    PERFORM pg_notify('fx_auth', 'u:' || NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fx_notify_grant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('fx_auth', 'u:' || OLD.user_id::text);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM pg_notify('fx_auth', 'u:' || NEW.user_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fx_notify_all_auth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('fx_auth', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fx_notify_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('fx_regions', 'reload');
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_sessions_notify ON "sessions";
--> statement-breakpoint
CREATE TRIGGER fx_sessions_notify AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION fx_notify_session();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_users_notify ON "users";
--> statement-breakpoint
CREATE TRIGGER fx_users_notify AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION fx_notify_user();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_role_assignments_notify ON "role_assignments";
--> statement-breakpoint
CREATE TRIGGER fx_role_assignments_notify AFTER INSERT OR UPDATE OR DELETE ON "role_assignments"
  FOR EACH ROW EXECUTE FUNCTION fx_notify_grant();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_roles_notify ON "roles";
--> statement-breakpoint
CREATE TRIGGER fx_roles_notify AFTER UPDATE OR DELETE OR TRUNCATE ON "roles"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_all_auth();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_organisations_notify ON "organisations";
--> statement-breakpoint
CREATE TRIGGER fx_organisations_notify AFTER UPDATE OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_all_auth();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_auth_truncate_notify ON "sessions";
--> statement-breakpoint
CREATE TRIGGER fx_auth_truncate_notify AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_all_auth();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_users_truncate_notify ON "users";
--> statement-breakpoint
CREATE TRIGGER fx_users_truncate_notify AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_all_auth();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_role_assignments_truncate_notify ON "role_assignments";
--> statement-breakpoint
CREATE TRIGGER fx_role_assignments_truncate_notify AFTER TRUNCATE ON "role_assignments"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_all_auth();
--> statement-breakpoint
DROP TRIGGER IF EXISTS fx_regions_notify ON "regions";
--> statement-breakpoint
CREATE TRIGGER fx_regions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions"
  FOR EACH STATEMENT EXECUTE FUNCTION fx_notify_regions();
