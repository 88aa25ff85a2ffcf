import { catalogName } from '../../../domain/ledger/catalog.js';
import { ENTITY_TYPES } from '../../../domain/ledger/entity-types.js';
import { industryByCode } from '../../../domain/ledger/industries.js';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
  SEXES,
} from '../../../domain/ledger/person-categories.js';
import { awayName } from './away-names.js';
import type { ExportEntityRow } from './entity-repo.js';
import type { ExportPersonRow } from './people-repo.js';
import { excelDate, type OutCell, type SheetColumn } from './xlsx-stream.js';

/**
 * The export sheets, column by column. Headers are the import template's, so an unmasked
 * export edited in Excel imports back; masked identifier columns carry "（已脱敏）" and are
 * ignored by the import. Code columns the import reads (区划代码, 务工省份代码) keep their codes and
 * are followed by the names officials read (台账所属区划, 户籍地, 务工省份名称 …). Dates are Excel dates shown as YYYY-MM-DD, times as YYYY-MM-DD HH:mm
 * (China time).
 */

const CST_MS = 8 * 3_600_000;

/** An instant as officials read it: `YYYY-MM-DD HH:mm`, China time. */
export function chinaTime(d: Date): string {
  return new Date(d.getTime() + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Personal identifiers as the export writes them: masked, or decrypted for an unmasked export. */
export interface Reveal {
  unmasked: boolean;
  idNumber(enc: string, mask: string): string;
  mobile(enc: string | null, mask: string | null): string;
}

const masked = (h: string, r: Reveal) => (r.unmasked ? h : `${h}（已脱敏）`);

/** The people sheet's columns. */
export function peopleColumns(r: Reveal): SheetColumn[] {
  // prettier-ignore
  return [
    { header: '姓名', width: 10 }, { header: masked('身份证号', r), width: 22, text: true },
    { header: masked('手机号', r), width: 14, text: true }, { header: '户籍地区划代码', width: 16, text: true },
    { header: '现居住地区划代码', width: 16, text: true }, { header: '人员类别', width: 16 },
    { header: '务工省份代码', width: 10, text: true }, { header: '务工地市代码', width: 10, text: true },
    { header: '务工省份名称', width: 14 }, { header: '务工地市名称', width: 16 },
    { header: '外出务工月数', width: 10 }, { header: '返乡日期', width: 12, date: true },
    { header: '文化程度', width: 14 }, { header: '技能特长', width: 24 }, { header: '状态', width: 10 },
    { header: '性别', width: 6 }, { header: '出生日期', width: 12, date: true },
    { header: '台账所属区划代码', width: 16, text: true }, { header: '台账所属区划', width: 26 },
    { header: '户籍地', width: 26 }, { header: '现居住地', width: 26 }, { header: '更新时间', width: 17 },
  ];
}

/** One person as a row of the people sheet. */
export function personCells(p: ExportPersonRow, r: Reveal): OutCell[] {
  return [
    p.name,
    r.idNumber(p.idNumberEnc, p.idNumberMask),
    r.mobile(p.phoneEnc, p.phoneMask),
    p.hukouRegionCode,
    p.currentRegionCode,
    p.categories.map((c) => catalogName(PERSON_CATEGORIES, c, 'zh')).join('、'),
    p.awayProvinceCode,
    p.awayCityCode,
    awayName(p.awayProvinceCode),
    awayName(p.awayCityCode),
    p.monthsAway,
    excelDate(p.returnDate),
    p.education ? catalogName(EDUCATION_LEVELS, p.education, 'zh') : null,
    p.skills,
    catalogName(PERSON_STATUSES, p.status, 'zh'),
    catalogName(SEXES, p.sex, 'zh'),
    excelDate(p.birthDate),
    p.regionCode,
    p.ledgerRegionName,
    p.hukouRegionName,
    p.currentRegionName,
    chinaTime(p.updatedAt),
  ];
}

/** The entity sheet's columns. */
export function entityColumns(r: Reveal): SheetColumn[] {
  // prettier-ignore
  return [
    { header: '主体名称', width: 28 }, { header: '统一社会信用代码', width: 22, text: true },
    { header: '主体类型', width: 14 }, { header: '是否帮扶车间', width: 10 }, { header: '行业代码', width: 26 },
    { header: '所在地区划代码', width: 16, text: true }, { header: '成立日期', width: 12, date: true },
    { header: '注册资本（万元）', width: 14 }, { header: '从业人数', width: 10 }, { header: '带动就业人数', width: 12 },
    { header: '其中脱贫劳动力', width: 12 }, { header: '年主营业务收入（万元）', width: 16 }, { header: '是否电商', width: 10 },
    { header: '主要产品', width: 24 }, { header: masked('创办人身份证号', r), width: 22, text: true },
    { header: '创办人', width: 12 }, { header: '是否规上', width: 10 }, { header: '所在地', width: 26 },
    { header: '更新时间', width: 17 },
  ];
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const amount = (v: string | null) => (v === null ? null : Number(v));

function industry(code: string | null): string | null {
  if (!code) return null;
  const found = industryByCode(code);
  return found ? `${code} ${found.zh}` : code;
}

/** One entity (with the founders the reader may see) as a row of the entity sheet. */
export function entityCells(
  e: ExportEntityRow,
  founders: { name: string; idNumberMask: string; idNumberEnc: string }[],
  r: Reveal,
): OutCell[] {
  return [
    e.name,
    e.creditCode,
    catalogName(ENTITY_TYPES, e.type, 'zh'),
    yesNo(e.isWorkshop),
    industry(e.industryCode),
    e.regionCode,
    excelDate(e.foundedOn),
    amount(e.registeredCapitalWan),
    e.employees,
    e.jobsCreated,
    e.jobsPoverty,
    amount(e.annualRevenueWan),
    yesNo(e.isEcommerce),
    e.products,
    founders.map((f) => r.idNumber(f.idNumberEnc, f.idNumberMask)).join('、'),
    founders.map((f) => f.name).join('、'),
    yesNo(e.aboveScale),
    e.regionName,
    chinaTime(e.updatedAt),
  ];
}
