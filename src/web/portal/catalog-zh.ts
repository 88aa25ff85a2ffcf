import { DEFAULT_PASSWORD_POLICY, passwordRuleText } from '../../domain/auth/password-policy';
import type {
  Education,
  PersonCategory,
  PersonStatus,
} from '../../domain/ledger/person-categories';
import type { EntityType } from '../../domain/ledger/entity-types';

/**
 * The portal's zh-CN strings and code names (its default language; English in catalog-en.ts,
 * checked against these keys by type). Code lists mirror the domain's catalogs (checked by type
 * against their codes) without importing zod into the portal bundle.
 */
export const ZH = {
  brand: '返乡创业服务平台',
  demoBanner: '演示环境：演示账号的密码已公开，请勿填写真实个人信息',
  login: '登录',
  logout: '退出登录',
  register: '手机号注册',
  me: '我的',
  mobile: '手机号',
  mobilePlaceholder: '11 位手机号',
  code: '短信验证码',
  codePlaceholder: '6 位数字',
  sendCode: '获取验证码',
  resendIn: (s: number) => `${s} 秒后重新获取`,
  codeSent: (m: string) => `验证码已发送至 ${m}，5 分钟内有效`,
  password: '密码',
  passwordNew: '设置密码',
  passwordHint: passwordRuleText(DEFAULT_PASSWORD_POLICY, 'zh-CN'),
  passwordProblems: (problems: string) => `密码${problems}`,
  passwordAgain: '再次输入密码',
  passwordMismatch: '两次输入的密码不一致',
  registerSubmit: '注册并登录',
  loginSubmit: '登录',
  haveAccount: '已有账号？',
  noAccount: '还没有账号？',
  backHome: '← 返回首页',
  required: '此项不能为空',
  next: '下一步',
  prev: '上一步',
  submit: '提交',
  saving: '正在提交…',
  loading: '正在加载…',
  networkError: '网络连接失败，请检查网络后重试',
  stepOf: (i: number, n: number) => `第 ${i} 步，共 ${n} 步`,
  // Profile
  profileTitle: '个人资料',
  profileSteps: ['身份信息', '户籍和现居地', '务工和返乡'],
  name: '姓名',
  idNumber: '身份证号',
  idNumberPlaceholder: '18 位居民身份证号',
  idNumberKeep: (masked: string) => `已登记 ${masked}；如需核对可重新输入完整号码`,
  derived: (sex: string, birth: string) => `性别 ${sex} · 出生日期 ${birth}`,
  hukou: '户籍地',
  current: '现居地',
  pickRegion: '请选择',
  categories: '人员类别（可多选）',
  status: '目前状态',
  awayPlace: '外出务工地',
  awayProvince: '务工省份',
  awayCity: '务工城市',
  monthsAway: '在外务工时长（月）',
  returnDate: '返乡日期',
  education: '文化程度',
  skills: '技能特长',
  skillsPlaceholder: '如：电焊、电商运营、脐橙种植',
  profileDone: '资料已提交，已进入实名制台账',
  // Enterprise
  enterpriseTitle: '企业信息',
  enterpriseSteps: ['基本信息', '经营情况'],
  entityName: '企业（主体）名称',
  creditCode: '统一社会信用代码',
  creditCodePlaceholder: '18 位，见营业执照',
  entityType: '主体类型',
  industry: '所属行业',
  industrySection: '行业门类',
  industryDivision: '行业大类（可不选）',
  entityRegion: '经营所在地',
  foundedOn: '成立日期',
  employees: '从业人数',
  jobsCreated: '带动就业人数',
  legalRep: '我是法定代表人',
  enterpriseDone: '企业信息已提交',
  // Home
  homeTitle: '我的',
  profileCard: '个人资料',
  enterpriseCard: '我的企业',
  messages: '消息',
  noMessages: '暂无消息',
  unread: (n: number) => `${n} 条未读`,
  readAll: '全部标为已读',
  moreServices: '更多服务',
  moreServicesNote: '以下服务正在建设中，开通后会在这里直接办理。',
  sameAsHukou: '现居地同户籍地',
  notFilled: '未填写',
  filled: '已提交',
  fillProfile: '填写个人资料',
  editProfile: '修改资料',
  fillEnterprise: '登记企业',
  editEnterprise: '修改企业信息',
  needProfileFirst: '请先填写个人资料',
  requestPending: '待核实',
  requestRejected: '未通过',
  claimPending: '已提交，等待服务专员核实。核实结果会在下方消息中告知。',
  changePending: '修改已提交，等待服务专员核实后生效。',
  requestRejectedNote: (reason: string) => `服务专员未通过核实：${reason}`,
  // Dev inbox
  devInbox: '短信调试收件箱',
  devInboxNote: '仅在开发和演示环境开启（FANXIANG_SMS=log），正式环境不会显示验证码。',
  devInboxOff: '短信调试收件箱未开启。',
  devInboxEmpty: '还没有短信。',
  refresh: '刷新',
  // Region levels, as the pickers name them
  levelProvince: '省',
  levelCity: '市',
  levelCounty: '区县',
  levelTownship: '乡镇（街道）',
  regionTooShallow: '请选择到区县或乡镇（街道）',
  soon: '即将开通',
  // Landing and footer
  heroTitle: '回家创业，政策帮您办',
  heroText:
    '返乡入乡创业一站式服务：在手机上登记个人和企业信息，当地服务专员与您联系；贷款、补贴、场地、培训的在线申请陆续开通。',
  welcomeBack: (mobile: string) => `欢迎回来，${mobile}`,
  enterMe: '进入我的',
  loginExisting: '已有账号，登录',
  whatTitle: '能为您做什么',
  whatNote: '现在可以登记个人资料和企业、查看核实进度；标着“即将开通”的服务正在建设中。',
  stepsTitle: '三步开始',
  startSteps: ['用手机号注册', '填写个人和企业信息', '服务专员核实后与您联系'],
  whoTitle: '谁可以申请',
  groups: [
    '返乡农民工',
    '高校毕业生',
    '退役军人',
    '脱贫人口',
    '农村自主创业农民',
    '科技人员',
    '网络商户',
  ],
  whoNote: '回到家乡创业、或在农村创业的人员，都可以注册了解可享政策。',
  registerNow: '立即注册',
  hotline: '服务热线 12333（人力资源和社会保障） · 具体标准以当地政策为准',
  staffEntrance: '工作人员入口',
} as const;

/** The zh-CN catalog's shape: its keys, with any string (or list of strings) in another language. */
export type PortalCatalog = {
  [K in keyof typeof ZH]: (typeof ZH)[K] extends string
    ? string
    : (typeof ZH)[K] extends readonly string[]
      ? readonly string[]
      : (typeof ZH)[K];
};

export const SEX_NAMES_ZH: Record<string, string> = { M: '男', F: '女' };

export const CATEGORY_NAMES_ZH = {
  migrant_worker: '农民工',
  graduate: '高校毕业生',
  veteran: '退役军人',
  scientist: '科技人员',
  poverty_relief: '脱贫劳动力',
  hard_to_employ: '就业困难人员',
  other: '其他',
} as const satisfies Record<PersonCategory, string>;

/** What an entrepreneur can say about where they stand (the ledger's statuses). */
export const STATUS_NAMES_ZH = {
  abroad: '仍在外务工',
  intending: '打算返乡创业',
  returned: '已返乡',
  started: '已返乡创业',
} as const satisfies Record<PersonStatus, string>;

export const EDUCATION_NAMES_ZH = {
  primary: '小学及以下',
  junior: '初中',
  senior: '高中/中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '硕士及以上',
} as const satisfies Record<Education, string>;

export const ENTITY_TYPE_NAMES_ZH: Record<EntityType, string> = {
  enterprise: '企业',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  family_farm: '家庭农场',
};

/** The services' names and what they do (services.ts lists them by key). */
export const SERVICE_TEXT_ZH = {
  profile: {
    title: '个人资料',
    text: '登记身份、户籍地和现居地、务工经历，进入返乡创业实名制台账，当地服务专员会与您联系。',
  },
  enterprise: {
    title: '我的企业',
    text: '登记或认领您的企业、个体工商户、合作社，经服务专员核实后进入市场主体台账。',
  },
  messages: {
    title: '消息和核实进度',
    text: '资料、企业提交后的核实进度和结果，在“我的”随时查看，结果另有短信提醒。',
  },
  loans: {
    title: '创业担保贷款',
    text: '个人最高 30 万元、小微企业最高 400 万元，财政按规定贴息。在线申请、上传材料，查看人社、担保机构、银行各环节的办理进度。',
  },
  subsidies: {
    title: '一次性创业补贴',
    text: '正常经营满 6 至 12 个月可申请（多数地方 5000 元）。',
    soon: '开通后可在线申请并上传材料，审核结果会通知您。',
  },
  parks: {
    title: '返乡创业园',
    text: '标准厂房、孵化基地、帮扶车间，部分园区前三年免租。',
    soon: '开通后可查看园区空置场地并在线申请入驻。',
  },
  training: {
    title: '培训和导师',
    text: '创业培训、创业导师一对一辅导。',
    soon: '开通后可查看培训菜单、在线报名，预约创业导师。',
  },
  policies: {
    title: '政策找人',
    text: '根据您的个人和企业信息找出可享政策。',
    soon: '开通后会逐条说明您符合或不符合哪些条件。现在先填好资料，开通后即可匹配。',
  },
} satisfies Record<string, { title: string; text: string; soon?: string }>;

export type ServiceKey = keyof typeof SERVICE_TEXT_ZH;
