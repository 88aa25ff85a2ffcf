import type ExcelJS from 'exceljs';
import { ENTITY_TYPES } from '../../../domain/ledger/entity-types.js';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../domain/ledger/industries.js';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
} from '../../../domain/ledger/person-categories.js';
import { shortRegionName } from '../../../domain/regions/region-names.js';
import { regionLevel } from '../../../domain/regions/region-code.js';
import { loadExcel } from '../export/xlsx-stream.js';
import { type ColumnDef, type ImportKind, templateColumns } from './columns.js';
import { exampleRows } from './template-data.js';

/** Rows of the data sheet that carry drop-downs and text formats. */
const FORMATTED_ROWS = 5000;
const LISTS_SHEET = '代码表';
const REGIONS_SHEET = '区划代码';

/** A region of the importer's counties, for the regions sheet. */
export interface Place {
  code: string;
  name: string;
}

/** The lists behind the drop-downs, one column each on the hidden sheet. */
const LISTS: { name: string; values: string[] }[] = [
  { name: '人员类别', values: PERSON_CATEGORIES.map((c) => c.zh) },
  { name: '文化程度', values: EDUCATION_LEVELS.map((c) => c.zh) },
  { name: '状态', values: PERSON_STATUSES.map((c) => c.zh) },
  { name: '主体类型', values: ENTITY_TYPES.map((c) => c.zh) },
  {
    name: '行业',
    values: [
      ...INDUSTRY_SECTIONS.map((s) => `${s.code} ${s.zh}`),
      ...INDUSTRY_DIVISIONS.map((d) => `${d.code} ${d.zh}`),
    ],
  },
  { name: '是否', values: ['是', '否'] },
];

function listRange(name: string): string {
  const i = LISTS.findIndex((l) => l.name === name);
  const list = LISTS[i];
  if (!list) throw new Error(`no list ${name}`);
  const col = String.fromCharCode(65 + i);
  return `${LISTS_SHEET}!$${col}$2:$${col}$${list.values.length + 1}`;
}

/** The drop-down of a column, if it has one. */
function listOf(col: ColumnDef): { range: string; strict: boolean } | null {
  if (col.kind === 'bool') return { range: listRange('是否'), strict: true };
  if (col.kind === 'industry') return { range: listRange('行业'), strict: true };
  if (col.kind === 'categories') return { range: listRange('人员类别'), strict: false };
  if (col.field === 'education') return { range: listRange('文化程度'), strict: true };
  if (col.field === 'status') return { range: listRange('状态'), strict: true };
  if (col.field === 'type') return { range: listRange('主体类型'), strict: true };
  return null;
}

const TEXT_KINDS = new Set([
  'idNumber',
  'mobile',
  'region',
  'digits',
  'text',
  'industry',
  'categories',
]);

type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
};

function dataSheet(
  wb: ExcelJS.Workbook,
  kind: ImportKind,
  cols: ColumnDef[],
  places: number,
): void {
  const ws = wb.addWorksheet(kind === 'people' ? '人员台账' : '市场主体台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
  }) as WithValidations;
  ws.columns = cols.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center' };
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7E6E6' },
    };
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note}`;
  });
  for (const ex of exampleRows(kind)) {
    const row = ws.addRow(ex);
    row.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  }
  cols.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (TEXT_KINDS.has(c.kind)) ws.getColumn(i + 1).numFmt = '@';
    const list =
      c.kind === 'region' && places > 0
        ? { range: `${REGIONS_SHEET}!$D$2:$D$${places + 1}`, strict: false }
        : listOf(c);
    if (!list) return;
    ws.dataValidations.add(`${letter}2:${letter}${FORMATTED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.range],
      showErrorMessage: true,
      errorStyle: list.strict ? 'stop' : 'information',
      errorTitle: c.header,
      error: list.strict
        ? '请从下拉列表中选择'
        : c.kind === 'region'
          ? '可从下拉列表选择，也可填写 12 位区划代码或乡镇、村名称（如 兴隆镇、奉节县兴隆镇）'
          : '可多选，用顿号“、”分隔',
      showInputMessage: true,
      promptTitle: c.header,
      prompt: c.note.slice(0, 250),
    });
  });
}

function notesSheet(wb: ExcelJS.Workbook, kind: ImportKind, cols: ColumnDef[]): void {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [
    { header: '列名', width: 24 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 80 },
    { header: '示例', width: 28 },
  ];
  ws.getRow(1).font = { bold: true };
  const example = exampleRows(kind)[0] ?? {};
  for (const c of cols) {
    const row = ws.addRow([
      c.header,
      c.required ? '必填' : '选填',
      c.note,
      String(example[c.field] ?? ''),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  // prettier-ignore
  const general = [
    '1. 第一个工作表的第一行为表头，请勿修改列名；可以删除选填列，也可以增加自己的列（导入时忽略）。',
    '2. 灰色斜体的两行是示例（张三、李梅等），导入时自动跳过，不会登记；可以删除，也可以直接在下面填写。',
    '3. 身份证号、手机号、区划代码等列已设为文本格式；从其他表格粘贴时请选择“只粘贴值”，以免身份证号变成科学计数法。',
    '4. 也可以另存为 CSV（UTF-8 或 GBK 编码均可）后导入；单个文件不超过 200 MB。',
    '5. 同一文件可以重复导入：身份证号（市场主体为统一社会信用代码）已登记的记录会被更新，没有变化的行不做任何修改。',
    '6. 出错的行不会导入，导入完成后可下载错误报告，逐行说明原因；改正后重新导入即可。',
    '7. 区划列可填 12 位区划代码，也可填名称（如 兴隆镇、奉节县兴隆镇、兴隆镇回龙村），或从下拉列表选择；“区划代码”工作表列出了您管辖的乡镇和村（社区）及其代码。重名的名称请写上所属乡镇。',
  ];
  for (const line of general) ws.addRow([line]).font = { color: { argb: 'FF1F4E79' } };
}

/**
 * The importer's own townships and villages with their codes; column D ("code name", e.g.
 * 500236128000 兴隆镇) feeds the region columns' drop-downs and imports as the code.
 */
function regionsSheet(wb: ExcelJS.Workbook, rows: readonly string[][]): void {
  const ws = wb.addWorksheet(REGIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '乡镇（街道）', width: 16 },
    { header: '村（社区）', width: 16 },
    { header: '区划代码', width: 16 },
    { header: '下拉选项（代码 名称）', width: 32 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getColumn(3).numFmt = '@';
  ws.getColumn(4).numFmt = '@';
  for (const row of rows) ws.addRow(row);
  if (rows.length === 0) ws.addRow(['（您的管辖范围较大，请直接填写 12 位区划代码）']);
}

/** The regions sheet's rows: township, village, code, and the drop-down's "code name". */
function placeRows(places: readonly Place[]): string[][] {
  const names = new Map(places.map((p) => [p.code, shortRegionName(p.name)]));
  return places.flatMap((p) => {
    const level = regionLevel(p.code);
    const own = shortRegionName(p.name);
    if (level === 'township') return [[own, '', p.code, `${p.code} ${own}`]];
    if (level !== 'village') return [];
    const town = names.get(`${p.code.slice(0, 9)}000`) ?? '';
    return [[town, own, p.code, `${p.code} ${town}${own}`]];
  });
}

function listsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  LISTS.forEach((list, i) => {
    ws.getCell(1, i + 1).value = list.name;
    list.values.forEach((v, j) => {
      ws.getCell(j + 2, i + 1).value = v;
    });
  });
}

/**
 * The import template of a kind as .xlsx bytes: the data sheet (Chinese headers with notes,
 * two example rows, text-formatted identifier columns, drop-downs for coded columns), a notes
 * sheet explaining each column, the importer's regions with their codes (behind the region
 * columns' drop-downs) and the hidden list sheet behind the other drop-downs.
 */
export async function templateWorkbook(
  kind: ImportKind,
  places: readonly Place[],
): Promise<Buffer> {
  const { default: Excel } = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Fanxiang 返乡创业服务平台';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  const cols = templateColumns(kind);
  const rows = placeRows(places);
  dataSheet(wb, kind, cols, rows.length);
  notesSheet(wb, kind, cols);
  regionsSheet(wb, rows);
  listsSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
