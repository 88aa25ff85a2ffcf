import type ExcelJS from 'exceljs';
import { ENTITY_TYPES } from '../../domain/ledger/entity-types.js';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../domain/ledger/industries.js';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
} from '../../domain/ledger/person-categories.js';
import { loadExcel } from '../ledger-export/xlsx-stream.js';
import { type ColumnDef, type ImportKind, templateColumns } from './columns.js';
import { exampleRows } from './template-data.js';

/** Rows of the data sheet that carry drop-downs and text formats. */
const FORMATTED_ROWS = 5000;
const LISTS_SHEET = '代码表';

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

function dataSheet(wb: ExcelJS.Workbook, kind: ImportKind, cols: ColumnDef[]): void {
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
    const list = listOf(c);
    if (!list) return;
    ws.dataValidations.add(`${letter}2:${letter}${FORMATTED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.range],
      showErrorMessage: true,
      errorStyle: list.strict ? 'stop' : 'information',
      errorTitle: c.header,
      error: list.strict ? '请从下拉列表中选择' : '可多选，用顿号“、”分隔',
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
    '2. 灰色斜体的两行是示例，导入前请删除。',
    '3. 身份证号、手机号、区划代码等列已设为文本格式；从其他表格粘贴时请选择“只粘贴值”，以免身份证号变成科学计数法。',
    '4. 也可以另存为 CSV（UTF-8 或 GBK 编码均可）后导入；单个文件不超过 200 MB。',
    '5. 同一文件可以重复导入：身份证号（市场主体为统一社会信用代码）已登记的记录会被更新，没有变化的行不做任何修改。',
    '6. 出错的行不会导入，导入完成后可下载错误报告，逐行说明原因；改正后重新导入即可。',
  ];
  for (const line of general) ws.addRow([line]).font = { color: { argb: 'FF1F4E79' } };
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

const cache = new Map<ImportKind, Buffer>();

/**
 * The import template of a kind as .xlsx bytes: the data sheet (Chinese headers with notes,
 * two example rows, text-formatted identifier columns, drop-downs for coded columns), a notes
 * sheet explaining each column, and the hidden list sheet behind the drop-downs.
 */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const hit = cache.get(kind);
  if (hit) return hit;
  const { default: Excel } = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Fanxiang 返乡创业服务平台';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  const cols = templateColumns(kind);
  dataSheet(wb, kind, cols);
  notesSheet(wb, kind, cols);
  listsSheet(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  cache.set(kind, buf);
  return buf;
}
