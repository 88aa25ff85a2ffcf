#!/usr/bin/env node
/**
 * Builds (`npm run build`) only when the sources changed since the last build, so that a later
 * `npm start` takes seconds rather than a minute. The stamp is a SHA-256 of every file the build
 * reads (src/, the TypeScript and Vite configurations, package.json and package-lock.json: paths
 * and contents), kept in dist/.source-stamp and written after a build succeeded.
 *
 *   node scripts/build-if-changed.mjs           # build when needed (npm start)
 *   node scripts/build-if-changed.mjs --stamp   # only record the stamp (the end of npm run build)
 *   FANXIANG_BUILD=always npm start             # build whatever the stamp says
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist', '.source-stamp');
const INPUTS = [
  'src',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.web.json',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];
/** Outputs the build needs; a missing one means building whatever the stamp says. */
const OUTPUTS = ['dist/cli/main.js', 'dist/web/index.html', 'dist/web/admin/index.html'];

/** The files under `rel` (or `rel` itself), relative to the root. */
function files(rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const rel of INPUTS.flatMap(files).sort()) {
    hash.update(rel);
    hash.update('\0');
    hash.update(readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function writeStamp(value) {
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${value}\n`);
}

const current = sourceHash();
if (process.argv.includes('--stamp')) {
  writeStamp(current);
  process.exit(0);
}
const stamped = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
const complete = OUTPUTS.every((rel) => existsSync(path.join(root, rel)));
if (process.env.FANXIANG_BUILD !== 'always' && complete && stamped === current) {
  console.log('构建已是最新，跳过 (build up to date: sources unchanged since the last build)');
  process.exit(0);
}
console.log('正在构建… (building: the sources changed since the last build)');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
// npm run build records the stamp itself; record it again in case it was run by hand.
writeStamp(current);
