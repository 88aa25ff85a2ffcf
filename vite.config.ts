import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Two bundles from one Vite build: the entrepreneurs' portal at `/` (src/web/index.html, no antd)
 * and the officials' console at `/admin/` (src/web/admin/index.html). Output: dist/web, served by
 * src/server/platform/web/static.ts.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.join(here, 'src/web');
const outDir = path.join(here, 'dist/web');

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/**
 * Writes `.br` and `.gz` beside every text asset, so the server sends them precompressed
 * (`@fastify/static` `preCompressed`): the portal must load fast on a weak rural connection.
 */
function precompress(): Plugin {
  return {
    name: 'fanxiang-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
        if (statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/** In `vite` dev, deep links under /admin/ load the console's page (the server does it in production). */
function adminDevFallback(): Plugin {
  return {
    name: 'fanxiang-admin-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const pathname = (req.url ?? '').split('?')[0] ?? '';
        if (/^\/admin(\/|$)/.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname)) {
          req.url = '/admin/index.html';
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress(), adminDevFallback()],
  // The web reads the server's contracts (types only) as `@server/<context>/<feature>/contract.js`.
  resolve: { alias: { '@server': path.join(here, 'src/server') } },
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    // antd is large; the console is split by page, the portal stays far below its budget.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        portal: path.join(webRoot, 'index.html'),
        admin: path.join(webRoot, 'admin/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
