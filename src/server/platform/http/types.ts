import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Database, Db } from '../db/client.js';
import type { AuditKeys, Keys } from '../crypto/keys.js';
import type { CaseHooks } from '../../programme/cases/hooks.js';
import type { AttachmentStore } from '../storage/store.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { RegionTree } from '../regions/region-tree.js';
import type { FreeSpaceWatch } from '../storage/free-space.js';

/** The Fastify instance with zod contracts as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A clock that tests can move. */
export type Clock = () => Date;

/** Everything a feature needs from the outside, handed in once at start. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  keys: Keys;
  /** Keys of the audit chain and its checkpoints (never stored in the database). */
  auditKeys: AuditKeys;
  clock: Clock;
  /** The case engine's calendar and notify hook (src/server/programme/cases/hooks.ts); defaults when absent. */
  caseHooks?: Partial<CaseHooks>;
  /** Where case attachments are kept, chosen at boot from FANXIANG_ATTACHMENTS (disk or s3). */
  attachmentStore?: AttachmentStore;
  /** Reloads the in-memory working calendar after a year is entered; set by buildApp. */
  calendarReload?: () => Promise<void>;
  /** The division tree in memory, set by buildApp; services fall back to the database. */
  regionTree?: RegionTree;
  /** Sessions with their users and grants, kept briefly in memory; set by buildApp. */
  sessionCache?: SessionCache;
  /** The data directory's free-space watch (platform/storage/free-space.ts); set by buildApp. */
  freeSpace?: FreeSpaceWatch;
  /** Resolves once the notices committed so far reached this instance (caches.ts); set by buildApp. */
  noticesDelivered?: () => Promise<void>;
  /** Ledger lists count rows up to this many (default 10,000); tests set a small bound. */
  listCountBound?: number;
}

/** Per-route settings read by the shared hooks. */
export interface RouteConfig {
  /** Stable audit action name for state-changing routes, e.g. `user.create`. */
  action?: string;
  /** Public routes need no session at all. */
  public?: boolean;
  /**
   * Routes of the entrepreneurs' portal (src/server/portal/accounts), which has its own principal and
   * session: `self` needs an entrepreneur session, `public` none. A staff session is neither
   * loaded nor accepted there, and an entrepreneur session is never a staff session.
   */
  portal?: 'self' | 'public';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: string;
    public?: boolean;
    portal?: 'self' | 'public';
  }
}
