/**
 * Codes that the ledger schemas put in a zod issue's `message`. The server returns them inside a
 * `VALIDATION` error (`details.issues[].message`) and the web form shows the same text, so the
 * zh-CN / en wording lives here once, next to the schemas that raise them.
 *
 * @module
 */

/** Catalog of field issue codes with their zh-CN and English messages. */
// prettier-ignore
export const LEDGER_ISSUES = {
  ID_NUMBER_FORMAT: { zh: '身份证号应为 18 位，最后一位可为 X', en: 'An ID number has 18 characters; the last may be X' },
  ID_NUMBER_CHECKSUM: { zh: '身份证号校验位不正确，请核对', en: 'The ID number check character is wrong' },
  ID_NUMBER_PROVINCE: { zh: '身份证号前两位不是有效的省级代码', en: 'The ID number does not start with a province code' },
  ID_NUMBER_BIRTH_DATE: { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not valid' },
  ID_NUMBER_SEX_MISMATCH: { zh: '性别与身份证号不一致', en: 'Sex does not match the ID number' },
  ID_NUMBER_BIRTH_MISMATCH: { zh: '出生日期与身份证号不一致', en: 'Birth date does not match the ID number' },
  PHONE_FORMAT: { zh: '手机号应为 11 位，以 1 开头', en: 'A mobile number has 11 digits and starts with 1' },
  PERSON_NAME_LENGTH: { zh: '姓名应为 2–30 个字', en: 'A name has 2–30 characters' },
  PERSON_NAME_FORMAT: { zh: '姓名只能是汉字（可含间隔号·）或拉丁字母', en: 'A name is written in Chinese characters (with · if needed) or Latin letters' },
  REGION_CODE_FORMAT: { zh: '行政区划代码应为 12 位数字', en: 'A region code has 12 digits' },
  PROVINCE_CODE_FORMAT: { zh: '省级代码应为 2 位数字', en: 'A province code has 2 digits' },
  CITY_CODE_FORMAT: { zh: '地市代码应为 4 位数字', en: 'A city code has 4 digits' },
  AWAY_CITY_NOT_IN_PROVINCE: { zh: '务工地市不属于所选省份', en: 'The city worked in is not in the province chosen' },
  MONTHS_AWAY_RANGE: { zh: '在外务工月数应为 0–600 的整数', en: 'Months away is a whole number from 0 to 600' },
  CATEGORIES_EMPTY: { zh: '请至少选择一个人员类别', en: 'Choose at least one category' },
  CATEGORIES_DUPLICATE: { zh: '人员类别重复', en: 'A category is listed twice' },
  DATE_FORMAT: { zh: '日期格式应为 YYYY-MM-DD 且为有效日期', en: 'A date is written YYYY-MM-DD and must exist' },
  DATETIME_FORMAT: { zh: '时间格式应为带时区的 ISO 8601 时间', en: 'A time is an ISO 8601 timestamp with a time zone' },
  TEXT_TOO_LONG: { zh: '内容超出长度限制', en: 'The text is too long' },
  TEXT_REQUIRED: { zh: '此项不能为空', en: 'This field is required' },
  CONSENT_WITHDRAWN_BEFORE_GRANTED: { zh: '撤回时间不能早于授权时间', en: 'Consent cannot be withdrawn before it was given' },
  ENTITY_NAME_LENGTH: { zh: '主体名称应为 2–100 个字', en: 'An entity name has 2–100 characters' },
  CREDIT_CODE_FORMAT: { zh: '统一社会信用代码格式不正确（18 位，不含 I、O、Z、S、V）', en: 'A unified social credit code has 18 characters without I, O, Z, S or V' },
  CREDIT_CODE_CHECKSUM: { zh: '统一社会信用代码校验位不符，请核对；确属早期试点代码的，请标记为早期试点代码并说明', en: 'The credit code check character does not match; check it, or mark it as an early pilot code with a reason' },
  INDUSTRY_CODE_UNKNOWN: { zh: '不是 GB/T 4754-2017 的门类字母或大类代码', en: 'Not a GB/T 4754-2017 section letter or division code' },
  AMOUNT_RANGE: { zh: '金额应为不小于 0 的数（万元）', en: 'An amount (in 10,000 yuan) is 0 or more' },
  AMOUNT_DECIMALS: { zh: '金额最多保留 4 位小数（万元）', en: 'An amount has at most 4 decimals (in 10,000 yuan)' },
  COUNT_RANGE: { zh: '人数应为不小于 0 的整数', en: 'A head count is a whole number, 0 or more' },
  JOBS_POVERTY_EXCEEDS: { zh: '带动脱贫劳动力就业人数不能超过带动就业人数', en: 'Jobs for people lifted out of poverty cannot exceed jobs created' },
  PARK_UNIT_WITHOUT_PARK: { zh: '填写入驻单元前请先选择园区', en: 'Choose the park before the unit in it' },
  ENTITY_LINK_DUPLICATE: { zh: '同一人员以同一身份关联了两次', en: 'The same person is linked twice in the same role' },
  TEXT_CONTROL_CHARACTER: { zh: '含有不可见的控制字符（如空字符），请删除后重新填写', en: 'The text holds an invisible control character (such as NUL); remove it and try again' },
  TEXT_LINE_BREAK: { zh: '此项只能填写一行，不能含换行或制表符', en: 'This field is one line: no line breaks or tabs' },
  TEXT_LONE_SURROGATE: { zh: '含有残缺的字符（可能是复制时截断的表情或生僻字），请重新输入', en: 'The text holds a broken character (perhaps a cut-off emoji or rare character); type it again' },
  PILOT_CODE_REASON_REQUIRED: { zh: '标记为早期试点代码时须填写试点代码说明', en: 'An early pilot code needs a reason' },
  CREDIT_CODE_PILOT: { zh: '早期试点代码：统一社会信用代码校验位不符，已按标记登记', en: 'Early pilot code: the check character does not match; recorded as marked' },
} as const;

/** A field issue code raised by the ledger schemas. */
export type LedgerIssueCode = keyof typeof LEDGER_ISSUES;

/** A cross-field problem found by a consistency check: the field to mark and the issue code. */
export interface FieldIssue {
  path: string[];
  code: LedgerIssueCode;
}

/** Every ledger issue code, in catalog order. */
export const LEDGER_ISSUE_CODES = Object.keys(LEDGER_ISSUES) as LedgerIssueCode[];

/**
 * True for a ledger issue code (e.g. a zod issue `message` raised by these schemas).
 *
 * @example
 * isLedgerIssueCode('ID_NUMBER_CHECKSUM'); // => true
 * isLedgerIssueCode('Invalid input');      // => false
 */
export function isLedgerIssueCode(message: string): message is LedgerIssueCode {
  return Object.hasOwn(LEDGER_ISSUES, message);
}

/**
 * The text to show for an issue message: the catalog text for a ledger code, otherwise the
 * message unchanged (zod's own messages for type errors).
 *
 * @example
 * ledgerIssueMessage('JOBS_POVERTY_EXCEEDS', 'zh-CN'); // => '带动脱贫劳动力就业人数不能超过带动就业人数'
 */
export function ledgerIssueMessage(message: string, locale: 'zh-CN' | 'en'): string {
  if (!isLedgerIssueCode(message)) return message;
  return LEDGER_ISSUES[message][locale === 'en' ? 'en' : 'zh'];
}
