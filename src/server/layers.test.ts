import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The server's rooms and which may call which. `src/server/<context>/<feature>/`: a context may
 * import from its own layer and the layers below, never from above. The files directly in
 * src/server (app, serve, runtime, config) and `demo` assemble everything and sit on top.
 */
const LAYERS: Record<string, number> = {
  platform: 0, // infrastructure every module stands on: db, http, audit, jobs, regions, crypto, sms
  access: 0, // who may do what: auth, users, roles, organisations, scope, grants, security settings
  ledger: 1, // the real-name ledger: people, entities, import, export, history, search
  statistics: 2, // counters, targets, dashboards over the ledger
  programme: 3, // cases and the programme modules built on them (loans, policies, parks …)
  portal: 4, // the entrepreneurs' side of the ledger and the programme
  outreach: 4, // reaching people: notifications to staff and to portal accounts
  demo: 5,
  '': 5,
};

/**
 * Known imports against the layering, each with why it is there. Shrink this list; do not grow it.
 */
const EXCEPTIONS: Record<string, string> = {
  'config.ts -> ledger/import/zip-guard.ts': 'the configuration carries the import’s .xlsx limits',
  'platform/meta/repo.ts -> demo/foundation-data.ts':
    'meta tells the console whether the published demo logins exist',
  'platform/jobs/handlers.ts -> ledger/import/import-job.ts':
    'the registry of job kinds names each module’s jobs',
  'platform/jobs/handlers.ts -> programme/cases/deadline-job.ts':
    'the registry of job kinds names each module’s jobs',
  'platform/jobs/handlers.ts -> programme/cases/attachment-sweep.ts':
    'the registry of job kinds names each module’s jobs',
  'platform/http/types.ts -> programme/cases/hooks.ts':
    'the application’s dependencies carry the case engine’s hooks (a type)',
  'access/scope/scope.ts -> ledger/entities/table.ts':
    'the entity scope condition is written against the entities table',
  'ledger/history/actors.ts -> portal/accounts/table.ts':
    'history names the portal account that made a change',
};

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(ROOT)) {
    const from = path.relative(ROOT, file).split(path.sep).join('/');
    const to: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      const rel = path.relative(ROOT, target).split(path.sep).join('/');
      if (!rel.startsWith('..')) to.push(rel);
    }
    edges.set(from, to);
  }
  return edges;
}

/** config.ts is read by every layer: it counts as platform. */
const contextOf = (file: string) =>
  file.includes('/') ? file.split('/')[0]! : file === 'config.ts' ? 'platform' : '';

describe('the server’s rooms', () => {
  const edges = graph();

  it('keeps every feature folder inside a known context', () => {
    const unknown = [...edges.keys()].filter((f) => !(contextOf(f) in LAYERS));
    expect(unknown).toEqual([]);
  });

  it('imports only from the same layer or below, apart from the listed exceptions', () => {
    const upward: string[] = [];
    const seen = new Set<string>();
    for (const [from, targets] of edges) {
      for (const to of targets) {
        if (LAYERS[contextOf(to)]! <= LAYERS[contextOf(from)]!) continue;
        const key = `${from} -> ${to}`;
        seen.add(key);
        if (!(key in EXCEPTIONS)) upward.push(key);
      }
    }
    expect(upward).toEqual([]);
    // An exception that no longer happens is removed from the list.
    expect(Object.keys(EXCEPTIONS).filter((k) => !seen.has(k))).toEqual([]);
  });

  it('has no import circle between files', () => {
    // Tarjan's strongly connected components over the file graph.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!edges.has(w)) continue;
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) circles.push(component.sort());
      }
    };
    for (const v of edges.keys()) if (!idx.has(v)) visit(v);
    expect(circles).toEqual([]);
  });
});
