import { makeIdNumber } from '../domain/identity/id-number.js';
import { csvText, PEOPLE_HEADERS } from '../server/ledger/import/test-fixtures.js';

/**
 * People import files for the multi-instance test and the load and fault benches: every row
 * valid, named 导入… so the rows can be counted afterwards, and each row's ID number and mobile
 * fixed by its serial number (serial n: born 1960-01-01 + ⌊n/1000⌋ days, sequence n mod 1000),
 * so files with disjoint serial ranges never share a record.
 */

const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红';

/** The ID number of serial `n` (奉节 county code). */
export function serialIdNumber(n: number): string {
  const d = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const ymd = d.toISOString().slice(0, 10).replaceAll('-', '');
  return makeIdNumber(`500236${ymd}${String(n % 1000).padStart(3, '0')}`);
}

/** A mobile number unique to serial `n`. */
export function serialMobile(n: number): string {
  return `135${String(n).padStart(8, '0')}`;
}

/** The name of serial `n`'s person: 导入 and two given-name characters. */
export function serialName(n: number): string {
  return `导入${GIVEN[n % GIVEN.length]}${GIVEN[Math.floor(n / GIVEN.length) % GIVEN.length]}`;
}

/** A CSV of `rows` valid people, serials `firstSerial` onwards, registered in `region`. */
export function peopleCsv(rows: number, opts: { firstSerial: number; region: string }): Buffer {
  const cells: Record<string, string>[] = [];
  for (let i = 0; i < rows; i++) {
    const n = opts.firstSerial + i;
    cells.push({
      姓名: serialName(n),
      身份证号: serialIdNumber(n),
      手机号: serialMobile(n),
      户籍地区划代码: opts.region,
      现居住地区划代码: opts.region,
      人员类别: '农民工',
      务工省份代码: '44',
      务工地市代码: '4403',
      外出务工月数: '36',
      返乡日期: '2024-03-01',
      文化程度: '初中',
      技能特长: '电焊',
      状态: '已返乡',
    });
  }
  return Buffer.from(csvText(PEOPLE_HEADERS, cells), 'utf8');
}
