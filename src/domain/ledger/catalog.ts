/**
 * Small code lists ("catalogs") shown in forms and reports: a stable machine code plus the names
 * officials read, in Chinese and English.
 *
 * @module
 */

/** Display names of one catalog entry. */
export interface CatalogNames {
  readonly zh: string;
  readonly en: string;
}

/** One entry of a catalog. */
export interface CatalogEntry<C extends string = string> extends CatalogNames {
  readonly code: C;
}

/**
 * Builds a frozen catalog from its codes (which fix the order) and their names. The `names`
 * record must name every code, so a code cannot be added without its names.
 *
 * @example
 * const SEX = catalog(['M', 'F'] as const, { M: { zh: '男', en: 'Male' }, F: { zh: '女', en: 'Female' } });
 * SEX[1]; // => { code: 'F', zh: '女', en: 'Female' }
 */
export function catalog<C extends string>(
  codes: readonly C[],
  names: Record<C, CatalogNames>,
): readonly CatalogEntry<C>[] {
  return Object.freeze(
    codes.map((code) => Object.freeze({ code, zh: names[code].zh, en: names[code].en })),
  );
}

/**
 * The name of `code` in a catalog, in the given language; unknown codes come back as they are
 * (old data stays readable after a code is retired).
 *
 * @example
 * catalogName(SEXES, 'F', 'zh'); // => '女'
 * catalogName(SEXES, 'X', 'zh'); // => 'X'
 */
export function catalogName(
  entries: readonly CatalogEntry[],
  code: string,
  lang: 'zh' | 'en',
): string {
  return entries.find((e) => e.code === code)?.[lang] ?? code;
}

/**
 * A one-line description of a catalog for OpenAPI: `code 中文名` pairs.
 *
 * @example
 * describeCatalog('性别', SEXES); // => '性别：M 男，F 女'
 */
export function describeCatalog(title: string, entries: readonly CatalogEntry[]): string {
  return `${title}：${entries.map((e) => `${e.code} ${e.zh}`).join('，')}`;
}
