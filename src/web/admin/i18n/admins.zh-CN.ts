/**
 * The console's zh-CN messages for 三权分立 (grant requests, password resets sent to the user,
 * the user's own mobile); spread into zh-CN.ts.
 */
export const adminsZhCN = {
  'admins.requests': '授权审批',
  'admins.requestsHint':
    '含个人信息权限（如查看完整身份证号和手机号）的授权须由安全管理员批准后才生效；申请人不能审批自己的申请。',
  'admins.status': '状态',
  'admins.status.pending': '待审批',
  'admins.status.approved': '已批准',
  'admins.status.rejected': '已驳回',
  'admins.user': '授权对象',
  'admins.requestedBy': '申请人',
  'admins.requestedAt': '申请时间',
  'admins.decidedBy': '审批人',
  'admins.reason': '驳回理由',
  'admins.reasonRequired': '请填写驳回理由（2–200 字）',
  'admins.approve': '批准',
  'admins.approveConfirm': '批准后授权立即生效，确定批准？',
  'admins.reject': '驳回',
  'admins.rejectTitle': '驳回授权申请',
  'admins.noRequests': '没有授权申请',
  'admins.pendingTag': '须安全管理员批准',
  'admins.grantPending': '该授权含个人信息权限或账号由您本人创建，已提交安全管理员审批，批准后生效',
  'admins.pendingTitle': '等待审批的授权',
  'admins.adminAccount':
    '这是管理员账号：系统管理员、安全管理员、审计管理员的账号只能由运维人员通过命令行变更。',
  'admins.grantHint':
    '管理员账号不能持有业务角色；不能给自己 24 小时内创建的账号授予业务角色；管理员角色只能通过命令行授予。',
  'admins.mobile': '本人手机号',
  'admins.noMobile': '未登记（无法重置密码）',
  'admins.resetSentTitle': '临时密码已发送',
  'admins.resetSent':
    '账号 {login} 的临时密码已通过短信发送到用户本人登记的手机号 {mobile}，管理员看不到该密码。用户登录后须立即修改密码。',
  'admins.resetConfirm':
    '重置后原密码失效、该用户立即退出登录，临时密码以短信发送到用户本人登记的手机号，确定重置？',
  'admins.ownMobile': '登记本人手机号',
  'admins.ownMobileHelp':
    '管理员为您重置密码时，临时密码只会以短信发送到这个号码。只有您本人能登记或修改它。',
  'admins.currentPassword': '当前密码',
  'admins.passwordRequired': '请输入当前密码',
  'admins.mobileRequired': '请输入 11 位手机号',
  'admins.mobileSaved': '已登记手机号 {mobile}',
  'action.user.grant_request': '提交授权申请',
  'action.user.grant_approve': '批准授权申请',
  'action.user.grant_reject': '驳回授权申请',
  'action.auth.mobile_change': '登记本人手机号',
} as const;
