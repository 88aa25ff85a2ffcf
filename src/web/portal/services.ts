/**
 * What the portal offers, in one list: each service says whether it works today (`available`,
 * with the page that is the way in) or is still to come (`soon`: one line of what it will do).
 * The landing page and 我的 both render this list, so when a module lands its entry gets
 * `available: true` and a route and its card becomes the way in everywhere.
 */
export interface Service {
  key: string;
  icon: string;
  title: string;
  /** What it is, in one or two sentences. */
  text: string;
  available: boolean;
  /** The page that is the way in (available services only). */
  href?: string;
  /** For a service still to come: what it will let the person do once it opens. */
  soon?: string;
}

export const SERVICES: readonly Service[] = [
  {
    key: 'profile',
    icon: '人',
    title: '个人资料',
    text: '登记身份、户籍地和现居地、务工经历，进入返乡创业实名制台账，当地服务专员会与您联系。',
    available: true,
    href: '/profile',
  },
  {
    key: 'enterprise',
    icon: '企',
    title: '我的企业',
    text: '登记或认领您的企业、个体工商户、合作社，经服务专员核实后进入市场主体台账。',
    available: true,
    href: '/enterprise',
  },
  {
    key: 'messages',
    icon: '信',
    title: '消息和核实进度',
    text: '资料、企业提交后的核实进度和结果，在“我的”随时查看，结果另有短信提醒。',
    available: true,
    href: '/me#messages',
  },
  {
    key: 'loans',
    icon: '贷',
    title: '创业担保贷款',
    text: '个人最高 30 万元、小微企业最高 400 万元，财政按规定贴息。在线申请、上传材料，查看人社、担保机构、银行各环节的办理进度。',
    available: true,
    href: '/loans',
  },
  {
    key: 'subsidies',
    icon: '补',
    title: '一次性创业补贴',
    text: '正常经营满 6 至 12 个月可申请（多数地方 5000 元）。',
    available: false,
    soon: '开通后可在线申请并上传材料，审核结果会通知您。',
  },
  {
    key: 'parks',
    icon: '园',
    title: '返乡创业园',
    text: '标准厂房、孵化基地、帮扶车间，部分园区前三年免租。',
    available: false,
    soon: '开通后可查看园区空置场地并在线申请入驻。',
  },
  {
    key: 'training',
    icon: '训',
    title: '培训和导师',
    text: '创业培训、创业导师一对一辅导。',
    available: false,
    soon: '开通后可查看培训菜单、在线报名，预约创业导师。',
  },
  {
    key: 'policies',
    icon: '策',
    title: '政策找人',
    text: '根据您的个人和企业信息找出可享政策。',
    available: false,
    soon: '开通后会逐条说明您符合或不符合哪些条件。现在先填好资料，开通后即可匹配。',
  },
];
