/**
 * The demo's organisations and accounts, on the real places of the seed documents: 奉节县
 * ("1+7+N" parks: 生态工业园 plus 兴隆, 吐祥, 竹园, 公平, 甲高, 安坪, 鹤峰) and 南阳市.
 */

export interface DemoOrg {
  key: string;
  name: string;
  type: string;
  region: string;
}

export interface DemoAccount {
  login: string;
  displayName: string;
  region: string;
  role: string;
  /** Region scope, or the key of a demo organisation for org and park scopes. */
  scope: { region: string } | { org: string; type: 'org' | 'park' };
  description: string;
}

const FENGJIE = '500236000000';
const NANYANG = '411300000000';
const town = (code: string) => `500236${code}000`;

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'fj_office',
    name: '奉节县返乡创业工作领导小组办公室',
    type: 'leading_office',
    region: FENGJIE,
  },
  { key: 'fj_hrss', name: '奉节县人力资源和社会保障局', type: 'hrss', region: FENGJIE },
  { key: 'fj_drc', name: '奉节县发展和改革委员会', type: 'department', region: FENGJIE },
  { key: 'fj_finance', name: '奉节县财政局', type: 'finance', region: FENGJIE },
  { key: 'fj_agri', name: '奉节县农业农村委员会', type: 'department', region: FENGJIE },
  { key: 'fj_commerce', name: '奉节县商务委员会', type: 'department', region: FENGJIE },
  { key: 'fj_service', name: '奉节县返乡创业服务中心', type: 'service_center', region: FENGJIE },
  { key: 'fj_guarantee', name: '奉节县创业担保贷款担保中心', type: 'guarantee', region: FENGJIE },
  { key: 'fj_bank', name: '重庆农村商业银行奉节支行', type: 'bank', region: FENGJIE },
  { key: 'park_eco', name: '奉节县生态工业园区', type: 'park', region: town('001') },
  { key: 'park_xinglong', name: '兴隆镇返乡创业园', type: 'park', region: town('128') },
  { key: 'park_tuxiang', name: '吐祥镇返乡创业园', type: 'park', region: town('127') },
  { key: 'park_zhuyuan', name: '竹园镇返乡创业园', type: 'park', region: town('122') },
  { key: 'park_gongping', name: '公平镇返乡创业园', type: 'park', region: town('123') },
  { key: 'park_jiagao', name: '甲高镇返乡创业园', type: 'park', region: town('125') },
  { key: 'park_anping', name: '安坪镇返乡创业园', type: 'park', region: town('132') },
  { key: 'park_hefeng', name: '鹤峰乡返乡创业园', type: 'park', region: town('274') },
  {
    key: 'ny_office',
    name: '南阳市返乡创业工作领导小组办公室',
    type: 'leading_office',
    region: NANYANG,
  },
  { key: 'ny_hrss', name: '南阳市人力资源和社会保障局', type: 'hrss', region: NANYANG },
  { key: 'ny_finance', name: '南阳市财政局', type: 'finance', region: NANYANG },
  { key: 'ny_pbc', name: '中国人民银行南阳市分行', type: 'department', region: NANYANG },
  { key: 'ny_guarantee', name: '南阳市创业担保贷款担保中心', type: 'guarantee', region: NANYANG },
  { key: 'ny_service', name: '南阳市就业创业服务中心', type: 'service_center', region: NANYANG },
  // 南阳's lending banks for the demo loans (which banks lend there is 演示值).
  { key: 'ny_bank_rcb', name: '河南南阳农村商业银行', type: 'bank', region: NANYANG },
  { key: 'ny_bank_psbc', name: '中国邮政储蓄银行南阳市分行', type: 'bank', region: NANYANG },
  { key: 'ny_bank_abc', name: '中国农业银行南阳分行', type: 'bank', region: NANYANG },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    login: 'sysadmin',
    displayName: '系统管理员',
    region: '000000000000',
    role: 'sys_admin',
    scope: { region: '000000000000' },
    description: '系统管理员（用户、角色、机构）',
  },
  {
    login: 'secadmin',
    displayName: '安全管理员',
    region: '000000000000',
    role: 'sec_admin',
    scope: { region: '000000000000' },
    description: '安全管理员（安全设置、解锁）',
  },
  {
    login: 'auditor',
    displayName: '审计管理员',
    region: '000000000000',
    role: 'audit_admin',
    scope: { region: '000000000000' },
    description: '审计管理员（审计日志）',
  },
  {
    login: 'fj_office',
    displayName: '奉节县领导小组办公室',
    region: FENGJIE,
    role: 'leading_office',
    scope: { region: FENGJIE },
    description: '奉节县领导小组办公室',
  },
  {
    login: 'fj_officer',
    displayName: '奉节县服务专员 李明',
    region: FENGJIE,
    role: 'county_officer',
    scope: { region: FENGJIE },
    description: '奉节县服务专员',
  },
  {
    login: 'xl_officer',
    displayName: '兴隆镇服务专员 王芳',
    region: town('128'),
    role: 'township_officer',
    scope: { region: town('128') },
    description: '兴隆镇服务专员',
  },
  {
    login: 'tx_officer',
    displayName: '吐祥镇服务专员 陈刚',
    region: town('127'),
    role: 'township_officer',
    scope: { region: town('127') },
    description: '吐祥镇服务专员',
  },
  {
    login: 'fj_hrss',
    displayName: '奉节县人社局 经办人',
    region: FENGJIE,
    role: 'dept_staff',
    scope: { org: 'fj_hrss', type: 'org' },
    description: '成员单位经办人（人社局）',
  },
  {
    login: 'fj_bank',
    displayName: '农商行奉节支行 审核员',
    region: FENGJIE,
    role: 'bank_reviewer',
    scope: { org: 'fj_bank', type: 'org' },
    description: '经办银行审核员',
  },
  {
    login: 'fj_guarantee',
    displayName: '奉节县担保中心 审核员',
    region: FENGJIE,
    role: 'guarantee_reviewer',
    scope: { org: 'fj_guarantee', type: 'org' },
    description: '担保机构审核员（反担保、代偿）',
  },
  {
    login: 'fj_finance',
    displayName: '奉节县财政局 经办人',
    region: FENGJIE,
    role: 'finance_staff',
    scope: { org: 'fj_finance', type: 'org' },
    description: '财政部门经办人（贴息拨付、担保基金）',
  },
  {
    login: 'xl_park',
    displayName: '兴隆返乡创业园 运营方',
    region: town('128'),
    role: 'park_operator',
    scope: { org: 'park_xinglong', type: 'park' },
    description: '园区运营方（兴隆）',
  },
  {
    login: 'ny_office',
    displayName: '南阳市领导小组办公室',
    region: NANYANG,
    role: 'leading_office',
    scope: { region: NANYANG },
    description: '南阳市领导小组办公室',
  },
  {
    login: 'ny_officer',
    displayName: '南阳市就业创业服务专员 张华',
    region: NANYANG,
    role: 'county_officer',
    scope: { region: NANYANG },
    description: '南阳市服务专员（受理创业担保贷款）',
  },
  {
    login: 'ny_hrss',
    displayName: '南阳市人社局 经办人',
    region: NANYANG,
    role: 'dept_staff',
    scope: { org: 'ny_hrss', type: 'org' },
    description: '成员单位经办人（南阳市人社局，资格审核）',
  },
  {
    login: 'ny_guarantee',
    displayName: '南阳市担保中心 审核员',
    region: NANYANG,
    role: 'guarantee_reviewer',
    scope: { org: 'ny_guarantee', type: 'org' },
    description: '担保机构审核员（南阳，反担保、代偿）',
  },
  {
    login: 'ny_bank',
    displayName: '南阳农商银行 审核员',
    region: NANYANG,
    role: 'bank_reviewer',
    scope: { org: 'ny_bank_rcb', type: 'org' },
    description: '经办银行审核员（南阳农商银行）',
  },
  {
    login: 'ny_psbc',
    displayName: '邮储银行南阳市分行 审核员',
    region: NANYANG,
    role: 'bank_reviewer',
    scope: { org: 'ny_bank_psbc', type: 'org' },
    description: '经办银行审核员（邮储银行南阳市分行）',
  },
  {
    login: 'ny_abc',
    displayName: '农业银行南阳分行 审核员',
    region: NANYANG,
    role: 'bank_reviewer',
    scope: { org: 'ny_bank_abc', type: 'org' },
    description: '经办银行审核员（农业银行南阳分行）',
  },
  {
    login: 'ny_finance',
    displayName: '南阳市财政局 经办人',
    region: NANYANG,
    role: 'finance_staff',
    scope: { org: 'ny_finance', type: 'org' },
    description: '财政部门经办人（南阳，贴息拨付、担保基金）',
  },
];

/** The demo password: meets the policy; printed at start so reviewers can log in. */
/** 信用园区: parks whose white-listed tenants take the 绿色通道 (奉节 S2; the list itself 演示值). */
export const DEMO_CREDIT_PARKS = ['park_eco', 'park_xinglong'];

export const DEMO_PASSWORD = 'Kuimen@2026';
