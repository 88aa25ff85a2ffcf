import type { CatalogEntry } from '../../../domain/ledger/catalog.js';
import { ENTITY_TYPES } from '../../../domain/ledger/entity-types.js';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
  SEXES,
} from '../../../domain/ledger/person-categories.js';

/**
 * The columns of the ledger spreadsheets: Chinese header, the contract field it fills, how a
 * cell is read, and the note shown in the template. One list drives the template, the import
 * and the error report, so they cannot drift apart.
 */

/** How a cell is turned into a contract value. */
export type CellKind =
  | 'text'
  | 'idNumber'
  | 'mobile'
  | 'region'
  | 'catalog'
  | 'categories'
  | 'int'
  | 'amount'
  | 'date'
  | 'bool'
  | 'industry'
  | 'digits';

export type ImportKind = 'people' | 'entities';

export interface ColumnDef {
  /** The header as the template writes it. */
  header: string;
  /** Other headers officials use for the same column. */
  aliases?: readonly string[];
  /** The contract field (PersonCreate / EntityCreate), or `founderIdNumber`. */
  field: string;
  kind: CellKind;
  required: boolean;
  /** For `catalog` and `categories`: codes and names accepted. */
  catalog?: readonly CatalogEntry[];
  /** For `digits`: how many. */
  digits?: number;
  /** Personal data: masked in the error report. */
  personal?: boolean;
  /** Left out of the template but read when a file has it. */
  optionalExtra?: boolean;
  /** Explanation for the notes sheet. */
  note: string;
  width: number;
}

// prettier-ignore
export const PEOPLE_COLUMNS: readonly ColumnDef[] = [
  { header: '姓名', field: 'name', kind: 'text', required: true, width: 10, note: '汉字（可含间隔号·）或拉丁字母，2–30 字' },
  { header: '身份证号', aliases: ['身份证号码', '公民身份号码', '居民身份证号'], field: 'idNumber', kind: 'idNumber', required: true, personal: true, width: 22, note: '18 位居民身份证号，末位可为 X；本列为文本格式，请勿改为数字（否则后几位会变成 0）。已登记的身份证号再次导入时更新原记录' },
  { header: '手机号', aliases: ['手机号码', '联系电话', '手机'], field: 'mobile', kind: 'mobile', required: true, personal: true, width: 14, note: '11 位手机号' },
  { header: '户籍地区划代码', aliases: ['户籍地代码', '户籍所在地区划代码'], field: 'hukouRegionCode', kind: 'region', required: true, width: 18, note: '从下拉列表选择，或填 12 位统计用区划代码（也可填 6 位县级或 9 位乡镇级代码，自动补 0），或填名称，如 兴隆镇、奉节县兴隆镇、兴隆镇回龙村；代码见“区划代码”工作表' },
  { header: '现居住地区划代码', aliases: ['现居住地代码', '居住地区划代码'], field: 'currentRegionCode', kind: 'region', required: true, width: 18, note: '同户籍地，可选择、填代码或名称；状态为“已返乡”“已创业”时记入现居住地台账，否则记入户籍地台账，须在您的管辖范围内' },
  { header: '人员类别', field: 'categories', kind: 'categories', required: true, catalog: PERSON_CATEGORIES, width: 16, note: '可多选，用顿号“、”或逗号分隔，如 农民工、脱贫劳动力；填中文名称或代码均可' },
  { header: '务工省份代码', aliases: ['务工省份'], field: 'awayProvinceCode', kind: 'digits', digits: 2, required: false, width: 12, note: '外出务工地省级代码 2 位，如 44 广东；只填地市时可不填' },
  { header: '务工地市代码', aliases: ['务工地市'], field: 'awayCityCode', kind: 'digits', digits: 4, required: false, width: 12, note: '外出务工地地市代码 4 位，如 4403 深圳，须属于务工省份' },
  { header: '外出务工月数', field: 'monthsAway', kind: 'int', required: false, width: 12, note: '0–600 的整数' },
  { header: '返乡日期', field: 'returnDate', kind: 'date', required: false, width: 12, note: '日期，如 2024-03-01（也接受 2024/3/1、2024年3月1日）' },
  { header: '文化程度', field: 'education', kind: 'catalog', catalog: EDUCATION_LEVELS, required: true, width: 14, note: '从下拉列表选择' },
  { header: '技能特长', field: 'skills', kind: 'text', required: false, width: 24, note: '不超过 500 字，参与检索' },
  { header: '状态', aliases: ['人员状态'], field: 'status', kind: 'catalog', catalog: PERSON_STATUSES, required: true, width: 10, note: '在外人才、意向返乡、已返乡、已创业，从下拉列表选择' },
  { header: '台账所属区划代码', aliases: ['台账区划代码'], field: 'ledgerRegionCode', kind: 'region', required: false, optionalExtra: true, width: 18, note: '可不填：已返乡、已创业的记入现居住地台账，其他记入户籍地台账' },
  { header: '性别', field: 'sex', kind: 'catalog', catalog: SEXES, required: false, optionalExtra: true, width: 6, note: '可不填，由身份证号得出；填写时须与身份证号一致' },
  { header: '出生日期', field: 'birthDate', kind: 'date', required: false, optionalExtra: true, width: 12, note: '可不填，由身份证号得出；填写时须与身份证号一致' },
];

const YES_NO = '填“是”或“否”，不填为“否”';

// prettier-ignore
export const ENTITY_COLUMNS: readonly ColumnDef[] = [
  { header: '主体名称', aliases: ['企业名称', '名称'], field: 'name', kind: 'text', required: true, width: 28, note: '营业执照上的名称，2–100 字' },
  { header: '统一社会信用代码', aliases: ['信用代码'], field: 'creditCode', kind: 'text', required: true, width: 22, note: '18 位，不含 I、O、Z、S、V；已登记的代码再次导入时更新原记录。校验位不符的代码不予导入，确属早期试点代码的，在“早期试点代码（是/否）”列填“是”并填写试点代码说明' },
  { header: '主体类型', field: 'type', kind: 'catalog', catalog: ENTITY_TYPES, required: true, width: 16, note: '企业、个体工商户、农民专业合作社、家庭农场，从下拉列表选择' },
  { header: '是否帮扶车间', aliases: ['是否就业帮扶车间'], field: 'isWorkshop', kind: 'bool', required: false, width: 12, note: YES_NO },
  { header: '行业代码', aliases: ['行业', '所属行业'], field: 'industryCode', kind: 'industry', required: true, width: 28, note: 'GB/T 4754-2017 门类字母（A–T）或大类代码（01–97），可从下拉列表选择，如 13 农副食品加工业' },
  { header: '所在地区划代码', aliases: ['所在地代码', '注册地区划代码'], field: 'regionCode', kind: 'region', required: true, width: 18, note: '从下拉列表选择，或填 12 位统计用区划代码，或填名称（如 兴隆镇、兴隆镇回龙村），须在您的管辖范围内' },
  { header: '成立日期', field: 'foundedOn', kind: 'date', required: true, width: 12, note: '日期，如 2023-06-18' },
  { header: '注册资本（万元）', aliases: ['注册资本'], field: 'registeredCapitalWan', kind: 'amount', required: false, width: 14, note: '万元，最多 4 位小数' },
  { header: '从业人数', field: 'employees', kind: 'int', required: false, width: 10, note: '整数，不填为 0' },
  { header: '带动就业人数', field: 'jobsCreated', kind: 'int', required: false, width: 12, note: '整数，不填为 0' },
  { header: '其中脱贫劳动力', aliases: ['带动脱贫劳动力就业人数'], field: 'jobsPoverty', kind: 'int', required: false, width: 14, note: '整数，不超过带动就业人数' },
  { header: '年主营业务收入（万元）', aliases: ['年主营业务收入', '主营业务收入（万元）'], field: 'annualRevenueWan', kind: 'amount', required: false, width: 18, note: '万元；达到 2000 万元即为规上' },
  { header: '是否电商', aliases: ['是否网络商户'], field: 'isEcommerce', kind: 'bool', required: false, width: 10, note: YES_NO },
  { header: '主要产品', aliases: ['主要产品或经营内容', '经营范围'], field: 'products', kind: 'text', required: false, width: 24, note: '不超过 500 字，参与检索' },
  { header: '早期试点代码（是/否）', aliases: ['早期试点代码', '是否早期试点代码'], field: 'pilotCode', kind: 'bool', required: false, width: 14, note: '信用代码校验位不符但确属早期试点发放的填“是”（须填试点代码说明），导入后保留提示；不填为“否”' },
  { header: '试点代码说明', aliases: ['试点代码理由'], field: 'pilotCodeReason', kind: 'text', required: false, width: 24, note: '标记为早期试点代码时必填，如 1998 年试点发放、经市场监管局核实，不超过 200 字' },
  { header: '创办人身份证号', aliases: ['创办人身份证号码'], field: 'founderIdNumber', kind: 'idNumber', required: false, personal: true, width: 22, note: '可不填；填写时须是台账中已有人员（请先导入人员），导入后关联为创办人' },
];

/** The columns of a kind. */
export function columnsOf(kind: ImportKind): readonly ColumnDef[] {
  return kind === 'people' ? PEOPLE_COLUMNS : ENTITY_COLUMNS;
}

/** The columns a template shows (without the extras an import also reads). */
export function templateColumns(kind: ImportKind): ColumnDef[] {
  return columnsOf(kind).filter((c) => !c.optionalExtra);
}

/**
 * A header as typed, reduced for comparison: full-width forms folded, spaces, required-field
 * stars and a trailing "（必填）" dropped.
 *
 * @example
 * normaliseHeader(' 注册资本(万元)* ') // '注册资本(万元)'
 */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((必填|选填)\)$/, '')
    .replace(/\*+$/, '')
    .replace(/^\*+/, '');
}

/** Where each known column sits in a header row: column index → column definition. */
export type ColumnMap = (ColumnDef | null)[];

/** How many cells of a row are known headers of `kind` (to find the header row). */
export function headerMatches(kind: ImportKind, cells: readonly string[]): number {
  const known = lookup(kind);
  return cells.filter((c) => known.has(normaliseHeader(c))).length;
}

const LOOKUPS = new Map<ImportKind, Map<string, ColumnDef>>();
function lookup(kind: ImportKind): Map<string, ColumnDef> {
  let map = LOOKUPS.get(kind);
  if (!map) {
    map = new Map();
    for (const c of columnsOf(kind)) {
      for (const h of [c.header, ...(c.aliases ?? [])]) map.set(normaliseHeader(h), c);
    }
    LOOKUPS.set(kind, map);
  }
  return map;
}

/**
 * Maps a header row to columns; unknown headers are ignored (officials add their own columns),
 * a column named twice is read from its first occurrence. Returns the required columns that
 * are missing.
 */
export function mapHeader(
  kind: ImportKind,
  cells: readonly string[],
): { map: ColumnMap; missing: string[] } {
  const known = lookup(kind);
  const seen = new Set<string>();
  const map: ColumnMap = cells.map((cell) => {
    const def = known.get(normaliseHeader(cell));
    if (!def || seen.has(def.field)) return null;
    seen.add(def.field);
    return def;
  });
  const missing = columnsOf(kind)
    .filter((c) => c.required && !seen.has(c.field))
    .map((c) => c.header);
  return { map, missing };
}
