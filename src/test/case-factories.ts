import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { stepOwner } from '../domain/cases/can-fire.js';
import { GUARANTEE_LOAN } from '../domain/cases/guarantee-loan.js';
import { incomingDir } from '../server/platform/storage/attachment-store.js';
import { attachmentStoreOf } from '../server/programme/cases/attachment-store-of.js';
import {
  insertAttachment,
  insertCase,
  insertTransition,
  nearestOrgOfType,
} from '../server/programme/cases/repo.js';
import { FENGJIE, type TestApp, XINGLONG } from './harness.js';

/**
 * Factories of the case tests: the organisations a guarantee-loan file travels through, a loan
 * file's data, a case seeded directly at any state, and small files of each accepted kind.
 */

export interface LoanOrgs {
  hrss: string;
  guarantee: string;
  bank: string;
  otherBank: string;
}

/** 奉节县's 人社局, guarantee agency and two banks. */
export async function createLoanOrgs(t: TestApp, bank?: string): Promise<LoanOrgs> {
  return {
    hrss: await t.createOrg('奉节县人力资源和社会保障局', 'hrss', FENGJIE),
    guarantee: await t.createOrg('奉节县融资担保有限公司', 'guarantee', FENGJIE),
    bank: bank ?? (await t.createOrg('重庆农村商业银行奉节支行', 'bank', FENGJIE)),
    otherBank: await t.createOrg('中国邮政储蓄银行奉节县支行', 'bank', FENGJIE),
  };
}

/** The data of a guarantee-loan file (10万, 24 months) lending through `bankOrgId`. */
export function loanData(bankOrgId: string, over: Record<string, unknown> = {}) {
  return {
    amountFen: 10_000_000,
    termMonths: 24,
    purpose: '扩大柑橘种植',
    collateral: '林权',
    greenChannel: false,
    bankOrgId,
    ...over,
  };
}

/**
 * A guarantee-loan case inserted directly at `state` (version 1), routed to `bankOrgId` and the
 * region's organisations, with a creation entry in its history.
 */
export async function seedCase(
  t: TestApp,
  o: {
    bankOrgId: string;
    state?: string;
    regionCode?: string;
    data?: Record<string, unknown>;
  },
): Promise<{ id: string; version: number }> {
  const db = t.database.db;
  const regionCode = o.regionCode ?? XINGLONG;
  const state = o.state ?? GUARANTEE_LOAN.initial;
  const routing: Record<string, string | null> = { bankOrgId: o.bankOrgId };
  for (const [field, rule] of Object.entries(GUARANTEE_LOAN.routing)) {
    if ('regionOrg' in rule)
      routing[field] = await nearestOrgOfType(db, regionCode, rule.regionOrg);
  }
  const owner = stepOwner(GUARANTEE_LOAN, state, routing);
  const now = t.clock.read();
  const data = { ...loanData(o.bankOrgId), overdueSince: '2026-01-05', ...o.data };
  const id = await insertCase(db, {
    type: GUARANTEE_LOAN.code,
    regionCode,
    state,
    version: 1,
    routing,
    ownerOrgId: owner.orgId,
    ownerRegion: owner.region,
    terminal: GUARANTEE_LOAN.states[state]?.terminal === true,
    stateEnteredAt: now,
    dueAt: null,
    deadlineStatus: 'none',
    data,
    createdAt: now,
    updatedAt: now,
  });
  await insertTransition(db, {
    caseId: id,
    version: 1,
    transition: 'create',
    fromState: null,
    toState: state,
    actorLogin: 'factory',
    at: now,
    fields: data,
  });
  return { id, version: 1 };
}

/** A zip of stored (uncompressed) entries. */
export function storedZip(parts: { name: string; content: string }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const data = Buffer.from(p.content);
    const crc = crc32(data) >>> 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += h.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const CT = '<?xml version="1.0"?><Types/>';

/** Small files of each kind the attachment sniffing knows, plus impostors. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a464946000101', 'hex'),
  docx: storedZip([
    { name: '[Content_Types].xml', content: CT },
    { name: 'word/document.xml', content: '<w:document/>' },
  ]),
  xlsx: storedZip([
    { name: '[Content_Types].xml', content: CT },
    { name: 'xl/workbook.xml', content: '<workbook/>' },
  ]),
  /** A Windows executable's header (MZ … PE), whatever it is named. */
  exe: Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]),
  /** A zip that is neither a workbook nor a document. */
  plainZip: storedZip([{ name: 'readme.txt', content: 'hello' }]),
};

/** A case routed to `bankOrgId` with one stored PDF material (written to the data directory). */
export async function seedCaseAttachment(
  t: TestApp,
  bankOrgId: string,
): Promise<{ caseId: string; attachmentId: string }> {
  const { id: caseId } = await seedCase(t, { bankOrgId });
  const attachmentId = randomUUID();
  const storageKey = `${caseId}/${attachmentId}`;
  const dir = incomingDir(t.deps.config);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, attachmentId), SAMPLE_FILES.pdf);
  await attachmentStoreOf(t.deps).put(storageKey, path.join(dir, attachmentId), {
    size: SAMPLE_FILES.pdf.length,
    contentType: 'application/pdf',
    sha256: createHash('sha256').update(SAMPLE_FILES.pdf).digest('hex'),
  });
  await insertAttachment(t.database.db, {
    id: attachmentId,
    caseId,
    name: '身份证复印件.pdf',
    contentType: 'application/pdf',
    size: SAMPLE_FILES.pdf.length,
    sha256: createHash('sha256').update(SAMPLE_FILES.pdf).digest('hex'),
    storageKey,
    uploadedAt: t.clock.read(),
  });
  return { caseId, attachmentId };
}
