#!/usr/bin/env node
// First-load JavaScript of the two web bundles, gzipped, from the Vite manifest of `npm run build`:
// an entry's own chunk plus every chunk it imports statically, recursively (what the browser must
// fetch before the page runs; lazy `dynamicImports` are left out). Fails (exit 1) when the portal
// passes its budget; prints the console's size for information. `--json` prints the figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'dist/web');
const MANIFEST = path.join(WEB, '.vite/manifest.json');
/** The budget: the portal's first load on a weak rural connection. 1 KB = 1000 bytes. */
const PORTAL_BUDGET_KB = 150;

const gzipped = (file) => gzipSync(readFileSync(path.join(WEB, file)), { level: 9 }).length;

/** Chunks loaded before the entry runs: the entry and its static imports, each counted once. */
function firstLoad(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) firstLoad(manifest, dep, seen);
  return seen;
}

function lazyOnly(manifest, key, eager) {
  const lazy = new Set();
  const visit = (k) => {
    for (const d of manifest[k]?.dynamicImports ?? []) {
      if (lazy.has(d) || eager.has(d)) continue;
      lazy.add(d);
      for (const s of firstLoad(manifest, d)) if (!eager.has(s)) lazy.add(s);
      visit(d);
    }
  };
  visit(key);
  return lazy;
}

function measure(manifest, entry) {
  const eager = firstLoad(manifest, entry);
  const files = [...eager].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const css = [...eager].flatMap((k) => manifest[k].css ?? []);
  const lazy = [...lazyOnly(manifest, entry, eager)].map((k) => manifest[k].file);
  const kb = (list) => Math.round(list.reduce((n, f) => n + gzipped(f), 0) / 100) / 10;
  return { files, jsKb: kb(files), cssKb: kb([...new Set(css)]), lazyKb: kb([...new Set(lazy)]) };
}

if (!existsSync(MANIFEST)) {
  console.error(`${path.relative(ROOT, MANIFEST)} not found: run \`npm run build\` first`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const portal = measure(manifest, 'index.html');
const admin = measure(manifest, 'admin/index.html');
const ok = portal.jsKb <= PORTAL_BUDGET_KB;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: PORTAL_BUDGET_KB, ok, portal, admin }));
} else {
  console.log('首次加载 JavaScript（gzip）/ first-load JavaScript (gzipped)');
  console.log(
    `  门户 portal (/)        ${portal.jsKb} KB  (budget ${PORTAL_BUDGET_KB} KB; css ${portal.cssKb} KB) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  console.log(
    `  控制台 console (/admin/) ${admin.jsKb} KB  (css ${admin.cssKb} KB; pages loaded on demand ${admin.lazyKb} KB)`,
  );
}
process.exit(ok ? 0 : 1);
