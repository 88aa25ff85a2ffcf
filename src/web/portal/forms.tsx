import { type ReactNode, useEffect, useState } from 'react';
import { ancestorCodes, NATION_CODE } from '../../domain/regions/region-code';
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

/** The chosen code and its ancestors below the nation, root first. */
function chainOf(code: string): string[] {
  return code ? [...ancestorCodes(code).filter((c) => c !== NATION_CODE), code] : [];
}

/**
 * Cascading native selects over the division tree (province → city → county → township), each
 * level loaded on demand from the portal's public region endpoint. `levels` limits the depth
 * (2 for a city worked in). Reports the deepest code chosen and how deep it is.
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
  const [chain, setChain] = useState<string[]>(() => chainOf(value).slice(0, levels));
  const [options, setOptions] = useState<Region[][]>([]);

  useEffect(() => {
    let live = true;
    const parents = [NATION_CODE, ...chain].slice(0, levels);
    void Promise.all(parents.map(loadChildren))
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
  }, [chain, levels]);

  const pick = (level: number, code: string) => {
    const next = code ? [...chain.slice(0, level), code] : chain.slice(0, level);
    setChain(next);
    onChange(next.at(-1) ?? '', next.length);
  };

  return (
    <fieldset className={error ? 'field region has-error' : 'field region'}>
      <legend className="field-label">{label}</legend>
      <div className="region-selects">
        {options.map((list, level) => (
          <select
            key={level}
            name={`${name}-${level}`}
            aria-label={`${label}：${T.regionLevels[level] ?? ''}`}
            value={chain[level] ?? ''}
            onChange={(e) => pick(level, e.target.value)}
          >
            <option value="">
              {T.pickRegion}
              {T.regionLevels[level] ?? ''}
            </option>
            {list.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        ))}
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
