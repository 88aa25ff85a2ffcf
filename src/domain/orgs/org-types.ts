/**
 * The kinds of organisation a region hosts. Every organisation has exactly one; the type decides
 * which scopes it can carry (only a `park` can be the scope of a park grant) and how the console
 * groups it. Names are as officials write them.
 */
export const ORG_TYPES = {
  department: {
    zh: '成员单位/政府部门',
    en: 'Government department',
    examples: ['人社局', '发改委', '财政局', '农业农村局', '商务局', '人民银行'],
  },
  hrss: {
    zh: '人力资源和社会保障部门',
    en: 'Human resources and social security',
    examples: ['人社局', '就业局'],
  },
  finance: { zh: '财政部门', en: 'Public finance', examples: ['财政局'] },
  bank: { zh: '经办银行', en: 'Handling bank', examples: ['农商行', '邮储银行'] },
  guarantee: { zh: '担保机构', en: 'Guarantee agency', examples: ['融资担保公司'] },
  park: { zh: '园区/孵化基地', en: 'Park or incubator', examples: ['返乡创业园', '孵化基地'] },
  service_center: {
    zh: '创业服务中心',
    en: 'Start-up service centre',
    examples: ['就业创业服务中心'],
  },
  leading_office: {
    zh: '领导小组办公室',
    en: 'Leading-group office',
    examples: ['返乡入乡创业工作领导小组办公室'],
  },
  other: { zh: '其他', en: 'Other', examples: [] },
} as const satisfies Record<string, { zh: string; en: string; examples: readonly string[] }>;

export type OrgType = keyof typeof ORG_TYPES;

/** Every organisation type, in catalog order. */
export const ALL_ORG_TYPES = Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]];

/**
 * True for a known organisation type.
 *
 * @example
 * isOrgType('bank')   // true
 * isOrgType('school') // false
 */
export function isOrgType(t: string): t is OrgType {
  return Object.hasOwn(ORG_TYPES, t);
}

/**
 * The display name of a type in the given language; unknown types come back as they are.
 *
 * @example
 * orgTypeName('guarantee', 'zh') // '担保机构'
 */
export function orgTypeName(t: string, lang: 'zh' | 'en'): string {
  return isOrgType(t) ? ORG_TYPES[t][lang] : t;
}
