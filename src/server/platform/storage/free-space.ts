import { statfs } from 'node:fs/promises';
import { AppError } from '../../../domain/errors/codes.js';

/** Bytes free for this process on the file system holding `dir`. */
export type FreeBytes = (dir: string) => Promise<number>;

export const statfsFree: FreeBytes = async (dir) => {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
};

/** Where the watch reports a change of state. */
export interface FreeSpaceLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const MB = 1024 * 1024;

/**
 * Watches the free space of the data directory, which holds the embedded database, uploads and
 * exports. A database that reaches a full disk does not always fail cleanly (PGlite was seen to
 * stop answering altogether, not even /api/health), so the server stops short of it: below the
 * minimum, changes are refused with STORAGE_FULL (507) while reads, logins and the health
 * checks go on, and an import fails before its next batch. Checked every few seconds and before
 * every import batch; each change of state is logged once.
 */
export class FreeSpaceWatch {
  /** Bytes free at the last check (unknown counts as plenty). */
  private freeNow = Number.POSITIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    private readonly minBytes: number,
    private readonly log: FreeSpaceLog,
    private readonly free: FreeBytes = statfsFree,
    private readonly everyMs = 2_000,
  ) {}

  /** Below the minimum at the last check. */
  get low(): boolean {
    return this.freeNow < this.minBytes;
  }

  /** Reads the free space now; true when it is below the minimum. */
  async check(): Promise<boolean> {
    // A directory that cannot be read is not evidence of a full disk: the writes will tell.
    const bytes = await this.free(this.dir).catch(() => Number.POSITIVE_INFINITY);
    const was = this.low;
    this.freeNow = bytes;
    const low = this.low;
    const detail = { dir: this.dir, freeMb: Math.floor(bytes / MB), minFreeMb: this.minBytes / MB };
    if (low && !was) {
      this.log.error(
        detail,
        '数据目录剩余空间不足：已停止保存修改（STORAGE_FULL），请清理磁盘或扩容',
      );
    } else if (!low && was) {
      this.log.info(detail, '数据目录剩余空间已恢复：重新接受修改');
    }
    return low;
  }

  /** Refuses with STORAGE_FULL when the free space, read now, is below the minimum. */
  async assertRoom(): Promise<void> {
    if (await this.check()) throw this.refusal();
  }

  /** The refusal for a change arriving while the space is low. */
  refusal(): AppError {
    return new AppError('STORAGE_FULL', {
      freeMb: Math.floor(this.freeNow / MB),
      minFreeMb: this.minBytes / MB,
    });
  }

  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Sign-in and sign-out stay open while the space is low, so officials can still read. */
const STILL_OPEN = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  '/api/portal/login',
  '/api/portal/logout',
]);

/** True when a request to `route` with `method` is a change the low-space guard refuses. */
export function refusedWhenLow(method: string, route: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return route !== undefined && route.startsWith('/api/') && !STILL_OPEN.has(route);
}
