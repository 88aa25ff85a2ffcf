import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { timeElapsedPct } from '../../../domain/indicators/periods.js';
import { safeText } from '../../ledger/export/xlsx-stream.js';
import { type QuarterReport, type ReportLine, reportTitle } from './quarter-report.js';

/**
 * The quarterly report as officials print it: one worksheet per indicator group, each an A4
 * landscape page set fitted to the width, with the title, 填报单位 and date line and the two-row
 * header repeated on every printed page (print titles), one row per region, the 合计 row and
 * the 制表人 / 审核人 / 填报日期 footer.
 *
 * The first group holds the indicators that have a target in the report (本季度 / 累计 / 目标 /
 * 完成率, then 时间进度); the others get only 本季度 / 累计, so no column is always empty. At
 * most {@link TARGETED_PER_PAGE} or {@link PLAIN_PER_PAGE} indicators share a page, which keeps
 * the printed type at 9 pt or more. Written as a stream.
 */

/** Indicators with 目标 / 完成率 per page: 1 + 4 × 4 + 1 columns fit A4 landscape at ≥ 9 pt. */
export const TARGETED_PER_PAGE = 4;
/** Indicators without a target per page: 1 + 2 × 6 columns. */
export const PLAIN_PER_PAGE = 6;

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 11 };
const LABEL_WIDTH = 16;
const FIGURE_WIDTH = 10;
const RATE_WIDTH = 9;
/** The least width of a printed table (in characters), so that the title fits over it. */
const MIN_TABLE_WIDTH = 120;

type Column = 'quarter' | 'cumulative' | 'target' | 'rate' | 'elapsed';

/** One printed table: its name, the indicators (by index into the report) and their columns. */
interface Group {
  name: string;
  indicators: number[];
  sub: Column[];
}

const SUB_ZH: Record<Column, string> = {
  quarter: '本季度',
  cumulative: '累计',
  target: '目标',
  rate: '完成率',
  elapsed: '时间进度',
};

function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** `items` in as few chunks of at most `size` as possible, balanced (7 by 6: 4 and 3). */
function chunks<T>(items: T[], size: number): T[][] {
  const per = Math.ceil(items.length / Math.max(1, Math.ceil(items.length / size)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The indicator groups, one per worksheet: those with a target first, then the others. */
export function reportGroups(report: QuarterReport): Group[] {
  const all = [...report.lines, report.total];
  const indexes = report.indicators.map((_, i) => i);
  const hasTarget = (i: number) => all.some((l) => l.cells[i]?.target != null);
  const named = (base: string, parts: number[][], sub: Column[]): Group[] =>
    parts.map((indicators, k) => ({
      name: parts.length > 1 ? `${base}（${ORDINAL[k] ?? k + 1}）` : base,
      indicators,
      sub,
    }));
  return [
    ...named('目标任务完成情况', chunks(indexes.filter(hasTarget), TARGETED_PER_PAGE), [
      'quarter',
      'cumulative',
      'target',
      'rate',
    ]),
    ...named(
      '其他指标',
      chunks(
        indexes.filter((i) => !hasTarget(i)),
        PLAIN_PER_PAGE,
      ),
      ['quarter', 'cumulative'],
    ),
  ];
}

/**
 * An indicator's column heading with its unit. An "of which" indicator (其中脱贫劳动力) printed
 * apart from the indicator it is part of takes its full name, so that the page says of what.
 */
function heading(report: QuarterReport, group: Group, i: number): string {
  const d = report.indicators[i]!;
  const parentShown = group.indicators.some((k) => report.indicators[k]!.code === d.partOf);
  const name = d.partOf && !parentShown ? d.zh.replace(/^其中[：:]/, '') : d.shortZh;
  return `${name}（${d.unit.zh}）`;
}

function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  report: QuarterReport,
  group: Group,
  today: string,
): void {
  const elapsed = timeElapsedPct(report.year, report.asOf) / 100;
  const withElapsed = group.sub.includes('target');
  const width = 1 + group.indicators.length * group.sub.length + (withElapsed ? 1 : 0);
  const ws = wb.addWorksheet(group.name, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:4',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }],
  });
  const natural = [
    ...group.indicators.flatMap(() =>
      group.sub.map((s) => (s === 'rate' ? RATE_WIDTH : FIGURE_WIDTH)),
    ),
    ...(withElapsed ? [RATE_WIDTH] : []),
  ];
  const sum = natural.reduce((a, b) => a + b, LABEL_WIDTH);
  const stretch = Math.max(1, (MIN_TABLE_WIDTH - LABEL_WIDTH) / (sum - LABEL_WIDTH));
  ws.columns = [
    { width: LABEL_WIDTH },
    ...natural.map((w) => ({ width: Math.round(w * stretch * 10) / 10 })),
  ];

  const title = ws.addRow([reportTitle(report)]);
  title.height = 30;
  title.getCell(1).font = { name: '方正小标宋简体', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, width);
  title.commit();

  const units = [...new Set(group.indicators.map((i) => report.indicators[i]!.unit.zh))];
  const split = Math.max(2, Math.ceil(width / 2));
  const info = ws.addRow([`填报单位：${report.region.name}返乡创业工作领导小组办公室（盖章）`]);
  info.getCell(split + 1).value =
    `单位：${units.join('、')}；截至${chineseDate(report.asOf)}` +
    (withElapsed ? `；时间进度${(elapsed * 100).toFixed(1)}%` : '');
  info.getCell(split + 1).alignment = { horizontal: 'right' };
  info.font = FONT;
  info.height = 20;
  ws.mergeCells(2, 1, 2, split);
  ws.mergeCells(2, split + 1, 2, width);
  info.commit();

  const per = group.sub.length;
  const head1 = ws.addRow([
    '地区',
    ...group.indicators.flatMap((i) => [
      heading(report, group, i),
      ...Array<null>(per - 1).fill(null),
    ]),
    ...(withElapsed ? [SUB_ZH.elapsed] : []),
  ]);
  const head2 = ws.addRow([
    null,
    ...group.indicators.flatMap(() => group.sub.map((s) => SUB_ZH[s])),
    ...(withElapsed ? [null] : []),
  ]);
  ws.mergeCells(3, 1, 4, 1);
  group.indicators.forEach((_, k) => ws.mergeCells(3, 2 + k * per, 3, 1 + (k + 1) * per));
  if (withElapsed) ws.mergeCells(3, width, 4, width);
  for (const row of [head1, head2]) {
    row.height = 30;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    row.commit();
  }

  const formats = [
    ...group.indicators.flatMap((i) =>
      group.sub.map((s) =>
        s === 'rate' ? '0.0%' : report.indicators[i]!.unit.zh === '万元' ? '#,##0.00' : '#,##0',
      ),
    ),
    ...(withElapsed ? ['0.0%'] : []),
  ];
  const writeLine = (line: ReportLine, bold: boolean) => {
    const values: (string | number | null)[] = [safeText(line.label)];
    for (const i of group.indicators) {
      const cell = line.cells[i]!;
      for (const s of group.sub) values.push(s === 'elapsed' ? null : cell[s]);
    }
    if (withElapsed) values.push(elapsed);
    const row = ws.addRow(values);
    row.height = 20;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { ...FONT, bold };
      cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'left' : 'right' };
      if (c > 1) cell.numFmt = formats[c - 2]!;
    }
    row.commit();
  };
  for (const line of report.lines) writeLine(line, false);
  writeLine(report.total, true);

  ws.addRow([]).commit();
  const footer = ws.addRow(['制表人：']);
  footer.getCell(Math.max(2, Math.floor(width / 3))).value = '审核人：';
  footer.getCell(Math.max(3, Math.floor((2 * width) / 3))).value =
    `填报日期：${chineseDate(today)}`;
  footer.font = FONT;
  footer.commit();
  ws.commit();
}

/**
 * Writes the report to an .xlsx stream; `today` is the 填报日期.
 *
 * @example
 * reply.type(XLSX_MIME).send(quarterWorkbook(report, '2021-10-08'));
 */
export function quarterWorkbook(report: QuarterReport, today: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const group of reportGroups(report)) writeSheet(wb, report, group, today);
  void wb.commit().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
