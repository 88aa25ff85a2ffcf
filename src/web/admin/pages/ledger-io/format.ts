/**
 * A file size as people read it.
 *
 * @example
 * formatBytes(532) // '532 B'
 * formatBytes(1_572_864) // '1.5 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A count with thousands separators.
 *
 * @example
 * formatCount(12345) // '12,345'
 */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** Rows per second between two samples of a job's progress; null until it can be told. */
export function rowsPerSecond(samples: { at: number; done: number }[]): number | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < 500 || last.done <= first.done) return null;
  return ((last.done - first.done) * 1000) / (last.at - first.at);
}

/** The average speed of a finished job, from its creation to its end. */
export function averageRate(done: number, from: string, to: string | null): number | null {
  if (!to || done <= 0) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return ms > 0 ? (done * 1000) / ms : null;
}
