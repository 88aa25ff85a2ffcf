#!/usr/bin/env -S node --wasm-lazy-compilation --max-semi-space-size=4
// Launches the `fanxiang` CLI: the compiled build when present, else the TypeScript source
// through tsx (a devDependency), so a checkout works without `npm run build`.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
