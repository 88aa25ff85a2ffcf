/**
 * CPU time of a bench phase, split between this process and the PostgreSQL backends that serve
 * the bench database (read from /proc: the server must run on this machine).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** CPU seconds a process has used (user + system), from /proc; 0 once it has gone. */
function procCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time over a phase: this process (all threads, from process.cpuUsage) and the PostgreSQL
 * backends serving the bench database (from /proc, the server being local), sampled every
 * 250 ms so that a connection closed meanwhile still counts up to its last sample. Unlike
 * rows/s this hardly depends on what else the machine runs.
 */
export async function cpuMeter(serverUrl: string, dbName: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const seen = new Map<number, { first: number; last: number }>();
  const sample = async (initial: boolean) => {
    const { rows } = await c.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [dbName],
    );
    for (const { pid } of rows) {
      const now = procCpu(pid);
      const s = seen.get(pid);
      if (s) s.last = Math.max(s.last, now);
      else seen.set(pid, { first: initial ? now : 0, last: now });
    }
  };
  await sample(true);
  const node0 = process.cpuUsage();
  let busy = Promise.resolve();
  const t = setInterval(() => {
    busy = busy.then(() => sample(false)).catch(() => undefined);
  }, 250);
  return {
    async stop() {
      clearInterval(t);
      const node = process.cpuUsage(node0);
      await busy;
      await sample(false);
      await c.end();
      let db = 0;
      for (const s of seen.values()) db += s.last - s.first;
      return { node: (node.user + node.system) / 1e6, db };
    },
  };
}
