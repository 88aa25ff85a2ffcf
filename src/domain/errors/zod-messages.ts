/**
 * Sentences a person can read for zod's own issues (a wrong type, a number out of range, an
 * unknown field): zh-CN first, English on request, never a type name such as `string` or `int`
 * and never JavaScript's 9007199254740991. Schema checks that carry a ledger issue code keep their
 * own catalog text; this covers everything else, for the HTTP edge and for zod's global config.
 *
 * @module
 */
import type { Locale } from './messages.js';

/** The parts of a zod issue a message is made from (as zod and fastify-type-provider-zod give them). */
export interface ZodIssueLike {
  code: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  values?: unknown;
  keys?: unknown;
  divisor?: unknown;
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  bigint: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '“是”或“否”', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '一组字段', en: 'a group of fields' },
  date: { zh: '日期', en: 'a date' },
  null: { zh: '空值', en: 'an empty value' },
  file: { zh: '文件', en: 'a file' },
};

const FORMAT_NAMES: Record<string, { zh: string; en: string }> = {
  uuid: { zh: '记录编号', en: 'record id' },
  guid: { zh: '记录编号', en: 'record id' },
  email: { zh: '电子邮箱', en: 'e-mail address' },
  url: { zh: '网址', en: 'web address' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'date (YYYY-MM-DD)' },
  datetime: { zh: '时间（带时区的 ISO 8601 时间）', en: 'time (ISO 8601 with a time zone)' },
  time: { zh: '时刻', en: 'time of day' },
  ipv4: { zh: 'IP 地址', en: 'IP address' },
  ipv6: { zh: 'IP 地址', en: 'IP address' },
};

/** Above this a bound is "as large as a number goes", not a figure to show a person. */
const SHOWN_BOUND = 1e12;

function bound(v: unknown): number | null {
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function pick(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

function tooSmall(i: ZodIssueLike, locale: Locale): string {
  const min = bound(i.minimum) ?? 0;
  const inclusive = i.inclusive !== false;
  switch (i.origin) {
    case 'string':
      return min <= 1
        ? pick(locale, '此项不能为空', 'This field is required')
        : pick(locale, `至少填写 ${min} 个字`, `At least ${min} characters`);
    case 'array':
    case 'set':
      return min <= 1
        ? pick(locale, '请至少选择或填写一项', 'Give at least one item')
        : pick(locale, `至少 ${min} 项`, `At least ${min} items`);
    case 'date':
      return pick(locale, '日期太早', 'The date is too early');
    default:
      return inclusive
        ? pick(locale, `不能小于 ${min}`, `Must be ${min} or more`)
        : pick(locale, `应大于 ${min}`, `Must be more than ${min}`);
  }
}

function tooBig(i: ZodIssueLike, locale: Locale): string {
  const max = bound(i.maximum) ?? Number.POSITIVE_INFINITY;
  const inclusive = i.inclusive !== false;
  switch (i.origin) {
    case 'string':
      return pick(locale, `内容太长，最多 ${max} 个字`, `Too long: at most ${max} characters`);
    case 'array':
    case 'set':
      return pick(locale, `最多 ${max} 项`, `At most ${max} items`);
    case 'date':
      return pick(locale, '日期太晚', 'The date is too late');
    case 'file':
      return pick(locale, '文件太大', 'The file is too large');
    default:
      if (Math.abs(max) >= SHOWN_BOUND) return pick(locale, '数值过大', 'The number is too large');
      return inclusive
        ? pick(locale, `不能大于 ${max}`, `Must be ${max} or less`)
        : pick(locale, `应小于 ${max}`, `Must be less than ${max}`);
  }
}

function listOf(values: unknown, locale: Locale): string | null {
  if (!Array.isArray(values) || values.length === 0 || values.length > 12) return null;
  if (!values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return null;
  return values.map((v) => String(v)).join(locale === 'en' ? ', ' : '、');
}

/**
 * A natural sentence for one zod issue, in `locale`.
 *
 * @example
 * zodIssueMessage({ code: 'invalid_type', expected: 'string' }, 'zh-CN');   // => '应填写文字'
 * zodIssueMessage({ code: 'too_small', origin: 'string', minimum: 4 }, 'zh-CN'); // => '至少填写 4 个字'
 * zodIssueMessage({ code: 'too_big', origin: 'number', maximum: 9007199254740991 }, 'zh-CN'); // => '数值过大'
 * zodIssueMessage({ code: 'invalid_type', expected: 'int' }, 'en');         // => 'Expected a whole number'
 */
export function zodIssueMessage(issue: ZodIssueLike, locale: Locale): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'never') {
        return pick(locale, '不应填写此项', 'This field is not expected');
      }
      const type = TYPE_NAMES[String(issue.expected)];
      return type
        ? pick(locale, `应填写${type.zh}`, `Expected ${type.en}`)
        : pick(locale, '填写的内容类型不对', 'The value has the wrong type');
    }
    case 'too_small':
      return tooSmall(issue, locale);
    case 'too_big':
      return tooBig(issue, locale);
    case 'invalid_format': {
      const format = FORMAT_NAMES[String(issue.format)];
      return format
        ? pick(locale, `${format.zh}格式不正确`, `Not a valid ${format.en}`)
        : pick(locale, '格式不正确', 'The format is not valid');
    }
    case 'not_multiple_of':
      return pick(
        locale,
        `应为 ${String(issue.divisor)} 的整数倍`,
        `Must be a multiple of ${String(issue.divisor)}`,
      );
    case 'unrecognized_keys': {
      const keys = listOf(issue.keys, locale) ?? '';
      return pick(locale, `不认识的字段：${keys}`, `Unknown fields: ${keys}`);
    }
    case 'invalid_value': {
      const values = listOf(issue.values, locale);
      return values === null
        ? pick(locale, '不是可选的值', 'Not one of the allowed values')
        : pick(locale, `应为以下之一：${values}`, `Must be one of: ${values}`);
    }
    case 'invalid_union':
      return pick(
        locale,
        '内容不符合任何一种允许的格式',
        'The value matches none of the allowed forms',
      );
    case 'invalid_key':
    case 'invalid_element':
      return pick(locale, '包含不符合要求的项', 'Holds an item that is not valid');
    default:
      return pick(locale, '填写的内容不符合要求', 'The value is not valid');
  }
}

/** What zod hands a global error function: an issue with its input. */
interface RawIssue extends ZodIssueLike {
  input?: unknown;
}

/**
 * zod's global error configuration for Fanxiang (`z.config(ZOD_ERROR_CONFIG)`): a missing value
 * carries the ledger code `TEXT_REQUIRED` (so the edge and the importer know it was absent, not of
 * the wrong type), every other issue zod's own text replaced by the zh-CN sentence above.
 */
export const ZOD_ERROR_CONFIG = {
  customError: (issue: RawIssue): string | undefined =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'TEXT_REQUIRED' : undefined,
  localeError: (issue: RawIssue): string => zodIssueMessage(issue, 'zh-CN'),
};
