import type { ErrorCode } from './codes.js';

export type Locale = 'zh-CN' | 'en';

/** zh-CN messages; `{{name}}` placeholders are filled from the error's details. */
export const ERROR_MESSAGES_ZH: Record<ErrorCode, string> = {
  VALIDATION: '提交的数据不符合要求，请检查标出的字段',
  BAD_REQUEST: '请求格式不正确',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  LOGIN_FAILED: '账号或密码错误',
  TOTP_INVALID: '动态验证码不正确或已过期',
  ACCOUNT_LOCKED: '连续登录失败次数过多，账号已锁定，请于 {{until}} 后再试',
  ACCOUNT_DISABLED: '账号已停用，请联系系统管理员',
  FORBIDDEN: '没有执行此操作的权限',
  CSRF_INVALID: '请求校验失败（CSRF），请刷新页面后重试',
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码被重置，请先修改密码',
  TOTP_REQUIRED: '请输入动态验证码完成二次验证',
  TOTP_ENROLMENT_REQUIRED: '管理员账号须先绑定动态验证码（TOTP）',
  NOT_FOUND: '记录不存在或不在您的管辖范围内',
  REGION_NOT_FOUND: '行政区划代码 {{code}} 不存在',
  CONFLICT: '数据已被修改或存在冲突',
  LOGIN_TAKEN: '登录名 {{login}} 已被使用',
  ROLE_TAKEN: '角色代码 {{code}} 已存在',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后重试',
  PASSWORD_POLICY: '密码不符合安全要求：{{reasons}}',
  PASSWORD_WRONG: '原密码不正确',
  SEPARATION_OF_DUTIES: '系统管理员、安全管理员、审计管理员三种角色不能由同一人兼任',
  GRANT_EXCEEDS_OWN: '不能授予自己不具备的权限：{{permissions}}',
  SCOPE_OUTSIDE_OWN: '不能在自己的管辖范围之外授权',
  ROLE_UNKNOWN: '角色 {{role}} 不存在',
  SCOPE_INVALID: '授权范围无效：{{reason}}',
  ORG_TYPE_INVALID: '机构类型 {{type}} 无效',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  NOT_READY: '服务尚未就绪',
  INTERNAL: '服务器内部错误，请稍后再试',
};

/** English messages, the second catalog. */
export const ERROR_MESSAGES_EN: Record<ErrorCode, string> = {
  VALIDATION: 'The submitted data is not valid; check the fields listed',
  BAD_REQUEST: 'The request is malformed',
  UNAUTHENTICATED: 'Please log in',
  SESSION_EXPIRED: 'Your session has expired; please log in again',
  LOGIN_FAILED: 'Wrong login name or password',
  TOTP_INVALID: 'The one-time code is wrong or expired',
  ACCOUNT_LOCKED: 'Too many failed logins; the account is locked until {{until}}',
  ACCOUNT_DISABLED: 'This account is disabled; contact the system administrator',
  FORBIDDEN: 'You do not have permission to do this',
  CSRF_INVALID: 'Request verification (CSRF) failed; reload the page and try again',
  PASSWORD_CHANGE_REQUIRED: 'You must change your password first',
  TOTP_REQUIRED: 'Enter your one-time code to finish logging in',
  TOTP_ENROLMENT_REQUIRED: 'Administrator accounts must enrol a one-time code (TOTP) first',
  NOT_FOUND: 'Not found, or outside your scope',
  REGION_NOT_FOUND: 'Region code {{code}} does not exist',
  CONFLICT: 'The data conflicts with existing records',
  LOGIN_TAKEN: 'Login name {{login}} is already taken',
  ROLE_TAKEN: 'Role code {{code}} already exists',
  VERSION_CONFLICT: 'Someone else changed this record; reload and try again',
  PASSWORD_POLICY: 'The password does not meet the policy: {{reasons}}',
  PASSWORD_WRONG: 'The current password is wrong',
  SEPARATION_OF_DUTIES:
    'The system, security and audit administrator roles cannot be held by one person',
  GRANT_EXCEEDS_OWN: 'You cannot grant permissions you do not hold: {{permissions}}',
  SCOPE_OUTSIDE_OWN: 'You cannot grant access outside your own scope',
  ROLE_UNKNOWN: 'Role {{role}} does not exist',
  SCOPE_INVALID: 'Invalid scope: {{reason}}',
  ORG_TYPE_INVALID: 'Invalid organisation type {{type}}',
  RATE_LIMITED: 'Too many requests; try again later',
  NOT_READY: 'The service is not ready',
  INTERNAL: 'Internal server error; please try again later',
};

/**
 * Renders the message for `code` in `locale`, filling `{{placeholders}}` from `details`.
 *
 * @example
 * errorMessage('LOGIN_TAKEN', 'zh-CN', { login: 'wang' }) // '登录名 wang 已被使用'
 */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  details: Record<string, unknown> = {},
): string {
  const template = (locale === 'en' ? ERROR_MESSAGES_EN : ERROR_MESSAGES_ZH)[code];
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const v = details[key];
    if (Array.isArray(v)) return v.join(locale === 'en' ? ', ' : '、');
    return v === undefined || v === null ? '' : String(v as string | number);
  });
}

/**
 * Picks the catalog from an Accept-Language header: English when it prefers `en`, else zh-CN.
 *
 * @example
 * pickLocale('en-US,en;q=0.9') // 'en'
 */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
