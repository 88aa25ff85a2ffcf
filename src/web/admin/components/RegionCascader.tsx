import { Cascader } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import {
  isPlaceholderRegionName,
  isWithin,
  parentRegionCode,
} from '../../../domain/regions/region-code';
import { visibleChildren } from '../../../domain/regions/visible-regions';
import { api } from '../../shared/api';
import type { Region, RegionList } from '../../shared/types';
import { useT } from '../i18n/i18n';
import { getRegion } from './regionCache';
import { type RegionChoice, regionLabel } from '../layout/RegionScope';

interface Option {
  value: string;
  label: string;
  fullLabel: string;
  isLeaf: boolean;
  children?: Option[];
}

function toOption(r: Region, root = false): Option {
  return {
    value: r.code,
    label: root ? regionLabel(r) : r.name,
    fullLabel: regionLabel(r),
    isLeaf: !r.hasChildren,
  };
}

/** Every child of a region (the API pages them; a province has fewer than 200 cities). */
async function loadAllChildren(code: string): Promise<Region[]> {
  const items: Region[] = [];
  for (let page = 1; ; page++) {
    const res = await api<RegionList>(`/api/regions/${code}/children`, {
      query: { page, pageSize: 200 },
    });
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) return items;
  }
}

/** Placeholder levels (县 / 市辖区 …) met so far: the cascader's paths skip them. */
const placeholders = new Set<string>();

/**
 * A region's children as officials read the tree: 重庆市 → 奉节县, never 重庆市 → 县 → 奉节县
 * (the same rule as the portal's pickers, src/domain/regions/visible-regions.ts).
 */
async function loadChildren(code: string): Promise<Region[]> {
  const direct = await loadAllChildren(code);
  for (const r of direct) if (isPlaceholderRegionName(r.name)) placeholders.add(r.code);
  return visibleChildren(direct, async (codes) =>
    (await Promise.all(codes.map(loadAllChildren))).flat(),
  );
}

/** The codes from the scope root down to `code`, as the cascader's value (placeholders skipped). */
function chainTo(code: string, roots: string[]): string[] {
  const root = roots.find((r) => isWithin(code, r));
  if (!root) return [];
  const chain = [code];
  for (let c = code; c !== root;) {
    const parent = parentRegionCode(c);
    if (!parent) break;
    if (parent === root || !placeholders.has(parent)) chain.unshift(parent);
    c = parent;
  }
  return chain;
}

interface Props {
  roots: string[];
  value?: RegionChoice | null;
  onChange?: (choice: RegionChoice | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** True when a path of the cascader matches what is typed: any level's name holds it. */
function matches(input: string, path: Option[]): boolean {
  const q = input.trim();
  return q !== '' && path.some((o) => o.label.includes(q));
}

/**
 * Picks a region inside the user's scope: starts from the scope roots and loads each level's
 * children on demand (GET /api/regions/:code/children). Any level may be chosen. Typing searches
 * the levels loaded so far (the level below each scope root is loaded up front, so a county
 * officer can type 兴隆 straight away).
 */
export function RegionCascader({
  roots,
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  id,
}: Props) {
  const t = useT();
  const [options, setOptions] = useState<Option[]>([]);

  // Keyed by the codes, not the array: a refreshed session hands over equal roots in a new array,
  // and resetting the options then would drop the levels already opened (while the menu is open).
  const rootKey = roots.join(',');
  useEffect(() => {
    let cancelled = false;
    Promise.all(
      rootKey
        .split(',')
        .filter(Boolean)
        .map(async (code) => {
          const root = toOption(await getRegion(code), true);
          if (!root.isLeaf) root.children = (await loadChildren(code)).map((r) => toOption(r));
          return root;
        }),
    )
      .then((rs) => !cancelled && setOptions(rs))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [rootKey]);

  const loadData = (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    void loadChildren(target.value).then((children) => {
      target.children = children.map((r) => toOption(r));
      setOptions((prev) => [...prev]);
    });
  };

  return (
    <Cascader<Option>
      id={id}
      style={style}
      options={options}
      loadData={loadData}
      changeOnSelect
      showSearch={{
        filter: matches,
        limit: 50,
        render: (_input, path) => path.map((o) => o.label).join(' / '),
      }}
      notFoundContent={t('region.searchLoaded')}
      allowClear={allowClear ?? false}
      placeholder={placeholder ?? t('region.placeholder')}
      value={value ? chainTo(value.code, roots) : undefined}
      displayRender={(labels) => value?.label ?? labels.join(' / ')}
      onChange={(_codes, selected) => {
        const last = selected?.[selected.length - 1];
        onChange?.(last ? { code: last.value, label: last.fullLabel } : null);
      }}
    />
  );
}
