import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import type { JobViewT } from '../../platform/jobs/contract.js';
import { PEOPLE_HEADERS, runJobs, upload } from './test-fixtures.js';
import { checkXlsxArchive, DEFAULT_XLSX_LIMITS, MAX_CELLS_PER_ROW } from './zip-guard.js';

/**
 * Decompression bombs are built here, at test time, from highly repetitive XML: a few hundred
 * kilobytes on disk, hundreds of megabytes inflated. Nothing big is committed and nothing big is
 * held in memory while building them.
 */

const MB = 1024 * 1024;

/** A part of a zip: its name and its content as chunks (`repeat` times `chunk` in the middle). */
interface Part {
  name: string;
  head?: string;
  chunk?: string | undefined;
  repeat?: number | undefined;
  tail?: string;
}

/** Deflates `b` as self-contained blocks (a full flush, no final block): copies may be chained. */
function deflateBlocks(b: Buffer): Buffer {
  return deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

/** An empty final deflate block (fixed Huffman, end of block). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * Deflates a part. The repeated middle is compressed once, a megabyte at a time, and its
 * compressed bytes are repeated: megabytes of output per second, whatever the inflated size.
 */
function deflatePart(p: Part): { data: Buffer; crc: number; size: number } {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const add = (plain: Buffer, times = 1) => {
    const packed = deflateBlocks(plain);
    for (let i = 0; i < times; i++) {
      crc = crc32(plain, crc);
      size += plain.length;
      out.push(packed);
    }
  };
  if (p.head) add(Buffer.from(p.head));
  if (p.chunk) {
    const perBlock = Math.max(1, Math.floor(MB / p.chunk.length));
    const left = p.repeat ?? 1;
    add(Buffer.from(p.chunk.repeat(perBlock)), Math.floor(left / perBlock));
    if (left % perBlock > 0) add(Buffer.from(p.chunk.repeat(left % perBlock)));
  }
  if (p.tail) add(Buffer.from(p.tail));
  out.push(FINAL_BLOCK);
  return { data: Buffer.concat(out), crc, size };
}

/** A zip archive (deflate, sizes in the local headers) of the parts, in order. */
function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const { data, crc, size } = deflatePart(p);
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(0, 10);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    local.push(h, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0, 12);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += h.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const col = (i: number) => String.fromCharCode(65 + i);

/** Repetitive content inside a part: `prefix`, then `chunk` `repeat` times, then `suffix`. */
interface Filler {
  chunk: string;
  repeat: number;
  prefix?: string;
  suffix?: string;
}

/**
 * A valid people workbook: a header row of shared strings, then the `strings` filler inside
 * `<sst>` and the `sheet` filler inside `<sheetData>` after the header row.
 */
function workbook(opts: { strings?: Filler; sheet?: Filler } = {}): Buffer {
  const headerCells = PEOPLE_HEADERS.map((_, i) => `<c r="${col(i)}1" t="s"><v>${i}</v></c>`);
  return zip([
    {
      name: '[Content_Types].xml',
      head:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      head: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      head: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      head:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${PEOPLE_HEADERS.map((h) => `<si><t>${h}</t></si>`).join('')}${opts.strings?.prefix ?? ''}`,
      chunk: opts.strings?.chunk,
      repeat: opts.strings?.repeat,
      tail: `${opts.strings?.suffix ?? ''}</sst>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1">${headerCells.join('')}</row>${opts.sheet?.prefix ?? ''}`,
      chunk: opts.sheet?.chunk,
      repeat: opts.sheet?.repeat,
      tail: `${opts.sheet?.suffix ?? ''}</sheetData></worksheet>`,
    },
  ]);
}

/** A shared string of 1 KB, and how many of them make `mb` megabytes. */
const KB_STRING = `<si><t>${'x'.repeat(1007)}</t></si>`;
const kbStrings = (mb: number) => Math.ceil((mb * MB) / Buffer.byteLength(KB_STRING));

let t: TestApp;
let officer: Agent;
let dir: string;

beforeAll(async () => {
  dir = tempDataDir('fx-bomb-');
  t = await createTestApp({ provinces: ['50'], config: { dataDir: dir } });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

async function job(id: string): Promise<JobViewT> {
  const res = await officer.get(`/api/jobs/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JobViewT>();
}

/** Uploads an .xlsx, runs the job, and returns the job's view and the peak RSS growth. */
async function importXlsx(body: Buffer): Promise<{ view: JobViewT; growth: number }> {
  const res = await upload(officer, 'people', body, 'application/octet-stream');
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json<{ jobId: string }>();
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  try {
    await runJobs(t);
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  expect(existsSync(path.join(dir, 'imports', jobId))).toBe(false);
  return { view: await job(jobId), growth: peak - base };
}

describe('xlsx decompression bombs', () => {
  it('reads a small workbook built the same way (the bombs below are valid xlsx)', async () => {
    const ok = workbook({ strings: { chunk: KB_STRING, repeat: 10 } });
    const { view } = await importXlsx(ok);
    expect(view.status, JSON.stringify(view.error)).toBe('done');
  });

  it('refuses shared strings inflating to 300 MB from a few hundred KB by the compression ratio, with memory bounded', async () => {
    const bomb = workbook({ strings: { chunk: KB_STRING, repeat: kbStrings(300) } });
    expect(bomb.length).toBeLessThan(3 * MB);
    const { view, growth } = await importXlsx(bomb);
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('IMPORT_COMPRESSION_RATIO');
    expect(view.error?.message).toContain('100:1');
    // Generous: the strings inflate to 300 MB (and would take several times that as JS strings).
    expect(growth).toBeLessThan(100 * MB);
  });

  it('refuses a sheet inflating past the uncompressed limit even at a tolerated ratio, with memory bounded', async () => {
    const chunk = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const bomb = workbook({ sheet: { chunk, repeat: Math.ceil((300 * MB) / chunk.length) } });
    const file = path.join(dir, 'sheet-bomb.xlsx');
    await writeFile(file, bomb);
    const limits = { ...DEFAULT_XLSX_LIMITS, maxRatio: 100_000 };
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const refused = await checkXlsxArchive(file, bomb.length, limits).catch((e: unknown) => e);
    clearInterval(sample);
    expect(refused).toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE_UNCOMPRESSED',
      details: { limitMb: 200 },
    });
    // 200 MB were inflated and counted before the refusal; none of it was kept.
    expect(peak - base).toBeLessThan(100 * MB);
  });

  it('refuses more shared strings than the limit, and a row wider than Excel allows', async () => {
    const many = workbook({ strings: { chunk: '<si><t>a</t></si>', repeat: 20_000 } });
    const file = path.join(dir, 'many.xlsx');
    await writeFile(file, many);
    const limits = { ...DEFAULT_XLSX_LIMITS, maxSharedStrings: 10_000 };
    await expect(checkXlsxArchive(file, many.length, limits)).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY_CELLS',
      details: { limit: 10_000 },
    });
    const wide = workbook({
      sheet: {
        prefix: '<row r="2">',
        chunk: '<c/>',
        repeat: MAX_CELLS_PER_ROW + 1,
        suffix: '</row>',
      },
    });
    const wideFile = path.join(dir, 'wide.xlsx');
    await writeFile(wideFile, wide);
    await expect(
      checkXlsxArchive(wideFile, wide.length, DEFAULT_XLSX_LIMITS),
    ).rejects.toMatchObject({
      code: 'IMPORT_TOO_MANY_CELLS',
    });
  });
});

describe('files that are not spreadsheets', () => {
  it('names a PDF, a PNG and an old .xls at upload instead of a missing header', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'PDF'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'PNG'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '.xls'],
      [Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x10, 0x20, 0x30]), '二进制'],
    ];
    for (const [body, what] of cases) {
      const res = await upload(officer, 'people', body, 'application/octet-stream');
      expect(res.statusCode, what).toBe(415);
      expect(res.json().code).toBe('IMPORT_FILE_NOT_SPREADSHEET');
      expect(res.json().message).toContain('文件不是 Excel（.xlsx）或 CSV 表格');
      expect(res.json().message).toContain(what);
    }
  });

  it('fails the job of a zip that holds no workbook with the not-a-spreadsheet code', async () => {
    const notXlsx = zip([{ name: 'word/document.xml', head: '<w:document/>' }]);
    const { view } = await importXlsx(notXlsx);
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('IMPORT_FILE_NOT_SPREADSHEET');
  });
});
