import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeText } from '../ledger-export/xlsx-stream.js';
import { type QuarterReport, type ReportLine, reportTitle } from './quarter-report.js';

/**
 * The quarterly report as officials lay it out: title, 填报单位 and date line, a two-row header
 * (indicator over 本季度 / 累计 / 目标 / 完成率), one row per region, the 合计 row, and the
 * 制表人 / 审核人 / 填报日期 footer. Written as a stream.
 */

const SUB = ['本季度', '累计', '目标', '完成率'];
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10 };

function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function units(report: QuarterReport): string {
  return [...new Set(report.indicators.map((d) => d.unit.zh))].join('、');
}

function lineCells(line: ReportLine): (string | number | null)[] {
  const out: (string | number | null)[] = [safeText(line.label)];
  for (const c of line.cells) out.push(c.quarter, c.cumulative, c.target, c.rate);
  return out;
}

function styleTableRow(row: ExcelJS.Row, width: number, bold: boolean): void {
  for (let i = 1; i <= width; i++) {
    const cell = row.getCell(i);
    cell.border = BORDER;
    cell.font = { ...FONT, bold };
    cell.alignment = { vertical: 'middle', horizontal: i === 1 ? 'left' : 'right' };
    if (i > 1 && (i - 1) % 4 === 0) cell.numFmt = '0.0%';
    else if (i > 1) cell.numFmt = '#,##0';
  }
  row.commit();
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
  const ws = wb.addWorksheet(`${report.year}年第${report.quarter}季度`, {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }],
  });
  const width = 1 + report.indicators.length * 4;
  ws.columns = [
    { width: 16 },
    ...report.indicators.flatMap(() => [{ width: 9 }, { width: 9 }, { width: 9 }, { width: 8 }]),
  ];

  const title = ws.addRow([reportTitle(report)]);
  title.height = 30;
  title.getCell(1).font = { name: '方正小标宋简体', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, width);
  title.commit();

  const info = ws.addRow([`填报单位：${report.region.name}返乡创业工作领导小组办公室（盖章）`]);
  info.getCell(width - 7).value = `单位：${units(report)}；截至${chineseDate(report.asOf)}`;
  info.font = FONT;
  ws.mergeCells(2, 1, 2, Math.max(2, width - 8));
  ws.mergeCells(2, width - 7, 2, width);
  info.commit();

  const head1 = ws.addRow([
    '地区',
    ...report.indicators.flatMap((d) => [`${d.shortZh}（${d.unit.zh}）`, null, null, null]),
  ]);
  const head2 = ws.addRow([null, ...report.indicators.flatMap(() => SUB)]);
  ws.mergeCells(3, 1, 4, 1);
  report.indicators.forEach((_, i) => ws.mergeCells(3, 2 + i * 4, 3, 5 + i * 4));
  for (const row of [head1, head2]) {
    for (let i = 1; i <= width; i++) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    row.commit();
  }

  for (const line of report.lines) styleTableRow(ws.addRow(lineCells(line)), width, false);
  styleTableRow(ws.addRow(lineCells(report.total)), width, true);

  ws.addRow([]).commit();
  const footer = ws.addRow(['制表人：']);
  footer.getCell(Math.floor(width / 3)).value = '审核人：';
  footer.getCell(Math.floor((2 * width) / 3)).value = `填报日期：${chineseDate(today)}`;
  footer.font = FONT;
  footer.commit();

  ws.commit();
  void wb.commit().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
