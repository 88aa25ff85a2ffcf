import type { Locale } from '../errors/messages.js';

/**
 * Notification kinds: what a notification says, in zh-CN and English, rendered at read time from
 * the keys and parameters stored with it (so a reader switching language sees their own), and
 * whether the kind also goes out as a text message. A kind is data: a module adds its own here.
 * Parameters are language-neutral (codes, names, masked numbers), never a plaintext ID number or
 * phone number.
 */

/** The parameters stored with a notification. */
export type NotificationParams = Record<string, string | number | null>;

type Render = (p: NotificationParams) => string;

/** One text of a kind in both languages. */
interface Text {
  'zh-CN': Render;
  en: Render;
}

const OBJECT_ZH: Record<string, string> = { person: '个人资料', entity: '企业信息' };
const OBJECT_EN: Record<string, string> = { person: 'profile', entity: 'enterprise details' };
const REQUEST_ZH: Record<string, string> = {
  registration: '新登记',
  claim: '认领已有记录',
  change: '修改申请',
};
const REQUEST_EN: Record<string, string> = {
  registration: 'new registration',
  claim: 'claim of an existing record',
  change: 'change request',
};
const s = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/** Every text a notification may show, by key (`<kind>.title`, `<kind>.body`). */
export const NOTIFICATION_TEXTS = {
  // To officers: an entrepreneur's submission waits in 台账 → 待核实申请.
  'portal.request_opened.title': {
    'zh-CN': (p) => `待核实：${s(p.name)}的${OBJECT_ZH[s(p.objectType)] ?? ''}`,
    en: (p) => `To verify: ${OBJECT_EN[s(p.objectType)] ?? ''} of ${s(p.name)}`,
  },
  'portal.request_opened.body': {
    'zh-CN': (p) =>
      `${s(p.mobileMasked)} 在门户提交了${REQUEST_ZH[s(p.requestKind)] ?? ''}，请核实后通过或驳回。`,
    en: (p) =>
      `${s(p.mobileMasked)} submitted a ${REQUEST_EN[s(p.requestKind)] ?? 'request'} on the portal: please verify it.`,
  },
  // To entrepreneurs.
  'portal.welcome.title': { 'zh-CN': () => '注册成功', en: () => 'Registered' },
  'portal.welcome.body': {
    'zh-CN': () => '欢迎使用返乡创业服务平台。请填写个人资料，以便服务专员联系您、为您匹配政策。',
    en: () =>
      'Welcome. Please fill in your profile so that a service officer can contact you and match policies.',
  },
  'portal.saved.title': {
    'zh-CN': (p) => (p.objectType === 'entity' ? '企业信息已更新' : '资料已更新'),
    en: (p) => (p.objectType === 'entity' ? 'Enterprise updated' : 'Profile updated'),
  },
  'portal.saved.body': {
    'zh-CN': (p) =>
      p.objectType === 'entity'
        ? `“${s(p.name)}”的信息已更新到市场主体台账。`
        : '您的个人资料已更新到返乡创业实名制台账。',
    en: (p) =>
      p.objectType === 'entity'
        ? `“${s(p.name)}” is updated in the ledger of market entities.`
        : 'Your profile is updated in the real-name ledger.',
  },
  'portal.submitted.title': {
    'zh-CN': (p) =>
      p.requestKind === 'change'
        ? `${OBJECT_ZH[s(p.objectType)] ?? ''}修改已提交`
        : `${OBJECT_ZH[s(p.objectType)] ?? ''}已提交`,
    en: (p) =>
      p.requestKind === 'change'
        ? `Change of ${OBJECT_EN[s(p.objectType)] ?? ''} submitted`
        : `${OBJECT_EN[s(p.objectType)] ?? ''} submitted`,
  },
  'portal.submitted.body': {
    'zh-CN': (p) =>
      p.requestKind === 'change'
        ? '修改已提交，等待服务专员核实后生效。'
        : '已提交，当地服务专员会核实并与您联系。核实结果会在“我的 → 消息”中告知。',
    en: (p) =>
      p.requestKind === 'change'
        ? 'Submitted; it applies once a service officer verifies it.'
        : 'Submitted; your local service officer will verify it and contact you. The result appears under Messages.',
  },
  'portal.request_accepted.title': {
    'zh-CN': (p) => `${OBJECT_ZH[s(p.objectType)] ?? ''}核实通过`,
    en: (p) => `${OBJECT_EN[s(p.objectType)] ?? ''} verified`,
  },
  'portal.request_accepted.body': {
    'zh-CN': () => '服务专员已核实您提交的信息，台账已更新。',
    en: () => 'A service officer verified what you submitted; the ledger is updated.',
  },
  'portal.request_rejected.title': {
    'zh-CN': (p) => `${OBJECT_ZH[s(p.objectType)] ?? ''}核实未通过`,
    en: (p) => `${OBJECT_EN[s(p.objectType)] ?? ''} not verified`,
  },
  'portal.request_rejected.body': {
    'zh-CN': (p) => `驳回理由：${s(p.reason)}`,
    en: (p) => `Reason: ${s(p.reason)}`,
  },
  // Cases (办件): a file arrives at a step, its time limit nears or passes, it is decided.
  'case.step.title': {
    'zh-CN': (p) => `待办：${s(p.typeName)}（${s(p.stateName)}）`,
    en: (p) => `To do: ${s(p.typeNameEn)} (${s(p.stateNameEn)})`,
  },
  'case.step.body': {
    'zh-CN': (p) => `一件${s(p.typeName)}已到“${s(p.stateName)}”环节，请在办理时限内处理。`,
    en: (p) =>
      `A ${s(p.typeNameEn)} file reached “${s(p.stateNameEn)}”; please handle it within the time limit.`,
  },
  'case.deadline_near.title': {
    'zh-CN': (p) => `临近超时：${s(p.typeName)}（${s(p.stateName)}）`,
    en: (p) => `Due soon: ${s(p.typeNameEn)} (${s(p.stateNameEn)})`,
  },
  'case.deadline_near.body': {
    'zh-CN': () => '该办件即将超过办理时限，请尽快处理。',
    en: () => 'This file is about to pass its time limit; please handle it soon.',
  },
  'case.deadline_overdue.title': {
    'zh-CN': (p) => `已超时：${s(p.typeName)}（${s(p.stateName)}）`,
    en: (p) => `Overdue: ${s(p.typeNameEn)} (${s(p.stateNameEn)})`,
  },
  'case.deadline_overdue.body': {
    'zh-CN': () => '该办件已超过办理时限，请立即处理；超时情况计入统计。',
    en: () => 'This file is past its time limit; please handle it now. Overdue files are counted.',
  },
  'case.decided.title': {
    'zh-CN': (p) => `办理进度：${s(p.typeName)}${s(p.stateName)}`,
    en: (p) => `Progress: ${s(p.typeNameEn)} — ${s(p.stateNameEn)}`,
  },
  'case.decided.body': {
    'zh-CN': (p) =>
      p.reason
        ? `您的${s(p.typeName)}：${s(p.stateName)}。理由：${s(p.reason)}`
        : `您的${s(p.typeName)}：${s(p.stateName)}。`,
    en: (p) =>
      p.reason
        ? `Your ${s(p.typeNameEn)}: ${s(p.stateNameEn)}. Reason: ${s(p.reason)}`
        : `Your ${s(p.typeNameEn)}: ${s(p.stateNameEn)}.`,
  },
  // Rows carried over from the portal's earlier message table: the text as it was written.
  'legacy.title': { 'zh-CN': (p) => s(p.title), en: (p) => s(p.title) },
  'legacy.body': { 'zh-CN': (p) => s(p.body), en: (p) => s(p.body) },
} satisfies Record<string, Text>;

export type NotificationTextKey = keyof typeof NOTIFICATION_TEXTS;

/** What a kind is: its texts and channels. */
export interface NotificationKind {
  title: NotificationTextKey;
  body: NotificationTextKey;
  /** Also sent as a text message to the recipient's mobile (portal accounts; users with one). */
  sms: boolean;
}

/** Every kind of notification. */
export const NOTIFICATION_KINDS = {
  'portal.request_opened': {
    title: 'portal.request_opened.title',
    body: 'portal.request_opened.body',
    sms: false,
  },
  'portal.welcome': { title: 'portal.welcome.title', body: 'portal.welcome.body', sms: false },
  'portal.saved': { title: 'portal.saved.title', body: 'portal.saved.body', sms: false },
  'portal.submitted': {
    title: 'portal.submitted.title',
    body: 'portal.submitted.body',
    sms: false,
  },
  // The outcome of a request reaches the entrepreneur's phone too (有结果短信提醒).
  'portal.request_accepted': {
    title: 'portal.request_accepted.title',
    body: 'portal.request_accepted.body',
    sms: true,
  },
  'portal.request_rejected': {
    title: 'portal.request_rejected.title',
    body: 'portal.request_rejected.body',
    sms: true,
  },
  'case.step': { title: 'case.step.title', body: 'case.step.body', sms: false },
  'case.deadline_near': {
    title: 'case.deadline_near.title',
    body: 'case.deadline_near.body',
    sms: false,
  },
  'case.deadline_overdue': {
    title: 'case.deadline_overdue.title',
    body: 'case.deadline_overdue.body',
    sms: false,
  },
  // To the applicant's portal account (站内信; SMS once the engine hands over after commit).
  'case.decided': { title: 'case.decided.title', body: 'case.decided.body', sms: false },
} as const satisfies Record<string, NotificationKind>;

export type NotificationKindCode = keyof typeof NOTIFICATION_KINDS;

/**
 * A stored text key rendered in a language; an unknown key (a kind removed since) renders as
 * the key itself rather than failing the list.
 *
 * @example
 * renderNotificationText('portal.request_rejected.body', { reason: '身份证号不符' }, 'zh-CN')
 * // '驳回理由：身份证号不符'
 */
export function renderNotificationText(
  key: string,
  params: NotificationParams,
  locale: Locale,
): string {
  const text = (NOTIFICATION_TEXTS as Record<string, Text>)[key];
  return text ? text[locale](params) : key;
}
