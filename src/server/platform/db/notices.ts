import pg from 'pg';
import type { Database } from './client.js';

/** The channels the database triggers raise (drizzle/0012_auth_region_notify.sql). */
export type NoticeChannel = 'fx_auth' | 'fx_regions';

export interface NoticeHandlers {
  /** A notice arrived (after the transaction that raised it committed). */
  onNotice(channel: NoticeChannel, payload: string): void;
  /**
   * The listening connection came up (true) or went down (false). While it is down notices can
   * be missed, so caches that must not serve stale data stop serving until it is back.
   */
  onState(connected: boolean): void;
}

export interface NoticeListener {
  readonly connected: boolean;
  close(): Promise<void>;
}

const CHANNELS: NoticeChannel[] = ['fx_auth', 'fx_regions'];
const RECONNECT_MS = 500;

/**
 * Listens for the change notices of every instance sharing the database: on PostgreSQL a
 * dedicated connection (outside the pool) that reconnects by itself, on PGlite the in-process
 * `listen` (one process owns the embedded database, and its notices arrive before the writing
 * query returns).
 */
export async function listenNotices(
  database: Database,
  handlers: NoticeHandlers,
): Promise<NoticeListener> {
  if (database.pglite) {
    const pglite = database.pglite;
    const stops: Array<() => Promise<void>> = [];
    for (const channel of CHANNELS) {
      stops.push(await pglite.listen(channel, (payload) => handlers.onNotice(channel, payload)));
    }
    handlers.onState(true);
    return {
      connected: true,
      async close() {
        if (pglite.closed) return;
        for (const stop of stops) await stop().catch(() => undefined);
      },
    };
  }
  if (!database.pool) throw new Error('database has neither a pool nor PGlite');
  return new PgNoticeListener(database.pool.options, handlers).start();
}

class PgNoticeListener implements NoticeListener {
  connected = false;
  private client: pg.Client | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: pg.PoolConfig,
    private readonly handlers: NoticeHandlers,
  ) {}

  async start(): Promise<this> {
    await this.connect();
    if (!this.connected) this.schedule();
    return this;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      ...this.options,
      application_name: 'fanxiang-notices',
      keepAlive: true,
    });
    client.on('notification', (n) => {
      if (n.channel === 'fx_auth' || n.channel === 'fx_regions') {
        this.handlers.onNotice(n.channel, n.payload ?? '');
      }
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.setConnected(false);
      client.end().catch(() => undefined);
      this.schedule();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.setConnected(true);
  }

  private setConnected(value: boolean): void {
    if (this.connected === value) return;
    this.connected = value;
    this.handlers.onState(value);
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect().then(() => {
        if (!this.connected) this.schedule();
      });
    }, RECONNECT_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.setConnected(false);
    if (client) await client.end().catch(() => undefined);
  }
}
