/** Latencies and outcomes per route for bench/load.ts and bench/faults.ts, and their table. */

type Outcome = 'ok' | 'expected' | 'error';

interface RouteStats {
  ms: number[];
  ok: number;
  expected: number;
  error: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function fmt(ms: number): string {
  if (Number.isNaN(ms)) return '—';
  return ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en');
}

export class Recorder {
  private readonly routes = new Map<string, RouteStats>();
  private readonly errorSamples = new Map<string, number>();

  add(route: string, ms: number, outcome: Outcome, detail?: string): void {
    let s = this.routes.get(route);
    if (!s) {
      s = { ms: [], ok: 0, expected: 0, error: 0 };
      this.routes.set(route, s);
    }
    s.ms.push(ms);
    s[outcome]++;
    if (outcome === 'error') {
      const key = `${route}: ${detail ?? ''}`;
      this.errorSamples.set(key, (this.errorSamples.get(key) ?? 0) + 1);
    }
  }

  okCount(route: string): number {
    return this.routes.get(route)?.ok ?? 0;
  }

  errors(): { total: number; samples: [string, number][] } {
    let total = 0;
    for (const s of this.routes.values()) total += s.error;
    return { total, samples: [...this.errorSamples].slice(0, 20) };
  }

  /** A Markdown table: requests, req/s, p50 / p99 ms, expected 4xx and errors per route. */
  table(seconds: number): string {
    const lines = [
      '| route | requests | req/s | p50 ms | p99 ms | expected 4xx | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
    ];
    let all = 0;
    const every: number[] = [];
    let expected = 0;
    let error = 0;
    for (const [route, s] of [...this.routes].sort((a, b) => b[1].ms.length - a[1].ms.length)) {
      const sorted = [...s.ms].sort((a, b) => a - b);
      every.push(...s.ms);
      all += s.ms.length;
      expected += s.expected;
      error += s.error;
      lines.push(
        `| ${route} | ${s.ms.length.toLocaleString('en')} | ${(s.ms.length / seconds).toFixed(1)} | ` +
          `${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 99))} | ${s.expected} | ${s.error} |`,
      );
    }
    every.sort((a, b) => a - b);
    lines.push(
      `| **all** | ${all.toLocaleString('en')} | ${(all / seconds).toFixed(1)} | ` +
        `${fmt(percentile(every, 50))} | ${fmt(percentile(every, 99))} | ${expected} | ${error} |`,
    );
    return lines.join('\n');
  }
}
