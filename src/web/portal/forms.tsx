import { type ReactNode, useEffect, useState } from 'react';
import {
  isWithin,
  NATION_CODE,
  REGION_LEVELS,
  regionLevel,
} from '../../domain/regions/region-code';
import { visibleChildren } from '../../domain/regions/visible-regions';
import { api, type Region } from './api';
import { T } from './catalog';

/** Small form parts of the portal: a labelled field with its error, and a region picker. */

/** A form's errors by field name; `form` for one that belongs to no field. */
export type Errors = Record<string, string | undefined>;

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <label className={error ? 'field has-error' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {hint && !error && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** A native select over a code list (`{ code: name }`), with a 请选择 first where `pick` says. */
export function CodeSelect({
  name,
  names,
  value,
  onChange,
  pick = false,
}: {
  name: string;
  names: Record<string, string>;
  value: string;
  onChange: (code: string) => void;
  pick?: boolean;
}) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      {pick && <option value="">{T.pickRegion}</option>}
      {Object.entries(names).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A text input that keeps only digits (a count, a number of months). */
export function DigitsInput({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (digits: string) => void;
}) {
  return (
    <input
      name={name}
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}

/** A form-level message (an error without a field, or a notice). */
export function FormMessage({ error }: { error?: string | undefined }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

const childrenCache = new Map<string, Promise<Region[]>>();

function loadChildren(code: string): Promise<Region[]> {
  let p = childrenCache.get(code);
  if (!p) {
    p = api<{ items: Region[] }>('GET', `/api/portal/regions/${code}/children`).then(
      (r) => r.items,
    );
    p.catch(() => childrenCache.delete(code));
    childrenCache.set(code, p);
  }
  return p;
}

/** A region's children as people read the tree (no 县 / 市辖区 levels; see visible-regions). */
async function loadVisible(code: string, expand: boolean): Promise<Region[]> {
  return visibleChildren(
    await loadChildren(code),
    async (codes) => (await Promise.all(codes.map(loadChildren))).flat(),
    { expand },
  );
}

/** How deep a code is: 1 province, 2 city, 3 county, 4 township (0 for none). */
export function regionDepth(code: string): number {
  return code ? REGION_LEVELS.indexOf(regionLevel(code)) : 0;
}

const LEVEL_NAMES: Record<string, string> = {
  province: T.levelProvince,
  city: T.levelCity,
  county: T.levelCounty,
  township: T.levelTownship,
};

/**
 * The visible chain down to `code`, root first: walks the visible tree from the nation, taking at
 * each level the child whose subtree holds `code`.
 */
async function visibleChain(code: string, levels: number, expand: boolean): Promise<string[]> {
  const chain: string[] = [];
  let parent = NATION_CODE;
  while (chain.length < levels && parent !== code) {
    const next = (await loadVisible(parent, expand)).find((r) => isWithin(code, r.code));
    if (!next) break;
    chain.push(next.code);
    parent = next.code;
  }
  return chain;
}

/**
 * Cascading native selects over the division tree (province → city → county → township), each
 * level loaded on demand from the portal's public region endpoint, without the tree's generic
 * 县 / 市辖区 levels: 重庆市 → 奉节县 → 兴隆镇. `levels` limits the depth (2 for a city worked
 * in: placeholders are then left out, so 重庆市 offers no city). Reports the deepest code chosen
 * and its depth ({@link regionDepth}).
 */
export function RegionPicker({
  label,
  value,
  onChange,
  error,
  levels = 4,
  name,
}: {
  label: string;
  value: string;
  onChange: (code: string, depth: number) => void;
  error?: string | undefined;
  levels?: number;
  name: string;
}) {
  const expand = levels > 2;
  const [chain, setChain] = useState<string[] | null>(value ? null : []);
  const [options, setOptions] = useState<Region[][]>([]);

  useEffect(() => {
    if (chain !== null) return;
    let live = true;
    void visibleChain(value, levels, expand)
      .then((c) => live && setChain(c))
      .catch(() => live && setChain([]));
    return () => {
      live = false;
    };
  }, [chain, value, levels, expand]);

  useEffect(() => {
    if (chain === null) return;
    let live = true;
    const parents = [NATION_CODE, ...chain].slice(0, levels);
    void Promise.all(parents.map((p) => loadVisible(p, expand)))
      .then((lists) => {
        if (!live) return;
        // A level is shown only when its parent has children.
        const shown: Region[][] = [];
        for (const list of lists) {
          if (list.length === 0) break;
          shown.push(list);
        }
        setOptions(shown);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [chain, levels, expand]);

  const pick = (level: number, code: string) => {
    const current = chain ?? [];
    const next = code ? [...current.slice(0, level), code] : current.slice(0, level);
    setChain(next);
    const last = next.at(-1) ?? '';
    onChange(last, regionDepth(last));
  };

  return (
    <fieldset className={error ? 'field region has-error' : 'field region'}>
      <legend className="field-label">{label}</legend>
      <div className="region-selects">
        {options.map((list, level) => {
          const levelName = LEVEL_NAMES[list[0] ? regionLevel(list[0].code) : ''] ?? '';
          return (
            <select
              key={level}
              name={`${name}-${level}`}
              aria-label={`${label}：${levelName}`}
              value={chain?.[level] ?? ''}
              onChange={(e) => pick(level, e.target.value)}
            >
              <option value="">
                {T.pickRegion}
                {levelName}
              </option>
              {list.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          );
        })}
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Step dots and title of a wizard. */
export function Steps({ titles, at }: { titles: readonly string[]; at: number }) {
  return (
    <ol className="wizard-steps" aria-label={T.stepOf(at + 1, titles.length)}>
      {titles.map((t, i) => (
        <li key={t} className={i === at ? 'now' : i < at ? 'done' : ''}>
          <span className="dot">{i + 1}</span>
          <span className="title">{t}</span>
        </li>
      ))}
    </ol>
  );
}
