import { makeIdNumber } from '../../../domain/identity/id-number.js';
import type { Agent, TestApp } from '../../../test/harness.js';
import { JOB_HANDLERS } from '../../platform/jobs/handlers.js';
import { type JobRunOptions, runJobsUntilIdle } from '../../platform/jobs/runner.js';

/** Test helpers for imports: CSV files, GBK bytes, uploads and running the queued jobs. */

/** The people template's headers, in order. */
export const PEOPLE_HEADERS = [
  '姓名',
  '身份证号',
  '手机号',
  '户籍地区划代码',
  '现居住地区划代码',
  '人员类别',
  '务工省份代码',
  '务工地市代码',
  '外出务工月数',
  '返乡日期',
  '文化程度',
  '技能特长',
  '状态',
];

let serial = 1000;

/** A valid ID number unique within the test process (奉节, born 1985–1999). */
export function uniqueId(): string {
  const n = ++serial;
  const year = 1985 + (n % 15);
  const day = String(1 + (n % 28)).padStart(2, '0');
  return makeIdNumber(`500236${year}03${day}${String(n % 1000).padStart(3, '0')}`.slice(0, 17));
}

/** A valid mobile number unique within the test process. */
export function uniqueMobile(): string {
  return `137${String(++serial).padStart(8, '0')}`;
}

/** A valid people row by header, for 兴隆镇; `over` replaces cells. */
export function personCells(over: Record<string, string> = {}): Record<string, string> {
  return {
    姓名: '王小明',
    身份证号: uniqueId(),
    手机号: uniqueMobile(),
    户籍地区划代码: '500236128000',
    现居住地区划代码: '500236128000',
    人员类别: '农民工',
    务工省份代码: '44',
    务工地市代码: '4403',
    外出务工月数: '36',
    返乡日期: '2024-03-01',
    文化程度: '初中',
    技能特长: '电焊',
    状态: '已返乡',
    ...over,
  };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV text with a header line and one line per row (cells by header). */
export function csvText(headers: readonly string[], rows: Record<string, string>[]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const r of rows) lines.push(headers.map((h) => csvCell(r[h] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

let gbk: Map<string, number[]> | null = null;

/** Encodes text as GBK (what Chinese Excel writes for "CSV"), from the decoder's own table. */
export function toGbk(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(lead, trail));
        if (!gbk.has(ch)) gbk.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else {
      const pair = gbk.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** Uploads a file for import and returns the response. */
export function upload(
  agent: Agent,
  kind: 'people' | 'entities',
  body: Buffer | string,
  contentType = 'text/csv',
) {
  return agent.request('POST', `/api/ledger/imports?kind=${kind}`, body, {
    'content-type': contentType,
  });
}

/** Uploads a file and returns its job id, failing the test on refusal. */
export async function uploadOk(agent: Agent, kind: 'people' | 'entities', body: Buffer | string) {
  const res = await upload(agent, kind, body);
  if (res.statusCode !== 202) throw new Error(`upload refused: ${res.statusCode} ${res.body}`);
  return res.json<{ jobId: string }>().jobId;
}

/** Runs every queued job to its end (small batches, so several batches are exercised). */
export function runJobs(t: TestApp, options: JobRunOptions = {}): Promise<number> {
  return runJobsUntilIdle(t.deps, JOB_HANDLERS, { batchSize: 50, ...options });
}
