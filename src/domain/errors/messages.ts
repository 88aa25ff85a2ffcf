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
  PASSWORD_POLICY: '密码不符合安全要求：{{reasonText}}',
  PASSWORD_WRONG: '原密码不正确',
  SEPARATION_OF_DUTIES: '系统管理员、安全管理员、审计管理员三种角色不能由同一人兼任',
  GRANT_EXCEEDS_OWN: '不能授予自己不具备的权限：{{permissions}}',
  SCOPE_OUTSIDE_OWN: '超出您的管辖范围，不能在此范围内操作或授权',
  ROLE_UNKNOWN: '角色 {{role}} 不存在',
  SCOPE_INVALID: '授权范围无效：{{reason}}',
  ADMIN_ACCOUNT_CLI_ONLY:
    '系统管理员、安全管理员、审计管理员的账号不能在系统内修改、停用、授权或重置密码，只能由运维人员通过命令行办理',
  ADMIN_ROLE_CLI_ONLY: '管理员角色只能由运维人员通过命令行授予或收回',
  ADMIN_BUSINESS_MIX: '管理员角色与业务角色不能由同一账号同时持有（三权分立）',
  GRANT_OWN_NEW_ACCOUNT:
    '不能给自己在 24 小时内创建的账号授予业务角色，请于 {{until}} 后再试，或由其他管理员授权',
  GRANT_REQUEST_DUPLICATE: '相同的授权申请已在等待安全管理员审批',
  GRANT_REQUEST_DECIDED: '该授权申请已处理（{{status}}），不能再次审批',
  GRANT_REQUEST_SELF: '不能审批自己提出的授权申请，也不能审批授予自己的申请',
  RESET_NO_MOBILE:
    '该账号未登记本人手机号，临时密码无法发给本人：请用户登录后登记手机号，或由运维人员通过命令行重置',
  ORG_TYPE_INVALID: '机构类型 {{type}} 无效',
  ORG_NOT_FOUND: '机构不存在或不在您的管辖范围内',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  NOT_READY: '服务尚未就绪',
  DATABASE_UNAVAILABLE: '数据库暂时无法连接，本次操作未完成，请稍后重试',
  STORAGE_FULL: '服务器存储空间已满，本次操作未保存，请联系系统管理员',
  INTERNAL: '服务器内部错误，请稍后再试',
  LOGIN_UNKNOWN: '账号 {{login}} 不存在',
  BODY_TOO_LARGE: '提交的内容超过 {{limit}} 的上限，请缩小后重试（大批数据请用导入功能分批上传）',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型 {{contentType}}，请以 JSON（application/json）提交',
  JSON_INVALID: '提交的内容不是有效的 JSON，请检查格式',
  URL_INVALID: '请求地址格式不正确（含无效的百分号编码）',
  HEADERS_TOO_LARGE: '请求地址或请求头过长（上限 {{limit}}），请缩短查询条件后重试',
  REQUEST_TIMEOUT: '请求发送超时，请检查网络后重试',
  REGION_UNKNOWN: '字段 {{field}} 的行政区划代码 {{code}} 不存在，请从区划列表中选择',
  TOTP_REPLAYED: '该动态验证码已经使用过，请等待验证器显示下一个验证码',
  PASSWORD_REQUIRED: '更换动态验证码须先输入当前密码',
  BACKUP_INVALID: '备份文件无效：{{reason}}',
  BACKUP_KEY_MISMATCH:
    '数据加密密钥与备份时的不同：请使用原密钥（复制原数据目录中的 secret.key，或设置 FANXIANG_SECRET_KEY）',
  BACKUP_VERSION_NEWER: '备份来自更新版本的 Fanxiang（含本程序不认识的数据库迁移），请先升级',
  BACKUP_CHECKSUM_MISMATCH: '校验失败：{{table}} 表的行数或校验和与备份不一致，恢复已全部撤销',
  RESTORE_TARGET_NOT_EMPTY:
    '目标数据库不是空的（{{table}} 表已有数据），拒绝恢复；请使用新的数据目录或空数据库',
  RESTORE_TARGET_NEWER: '目标数据库的结构比备份新，恢复此备份需要一个全新的空数据库',
  IMPORT_FILE_EMPTY: '上传的文件是空的',
  IMPORT_FILE_TOO_LARGE: '文件超过 {{limitMb}} MB 的上限，请拆分成几个文件分批导入',
  IMPORT_FILE_UNREADABLE: '无法读取文件，请上传 .xlsx 或 .csv 文件：{{reason}}',
  IMPORT_HEADER_MISSING: '表头缺少必填列：{{columns}}（请使用下载的导入模板）',
  IMPORT_VALUE_UNKNOWN: '不是可选的值，请从下拉列表中选择（中文名称或代码均可）',
  IMPORT_VALUE_INVALID: '填写的内容不符合要求',
  IMPORT_NUMBER_FORMAT: '应填写数字',
  IMPORT_NUMBER_MANGLED:
    '号码被 Excel 转成了数字（科学计数法或丢失末几位），请把该列设为“文本”格式后重新填写',
  IMPORT_BOOLEAN_FORMAT: '应填写“是”或“否”',
  IMPORT_DUPLICATE_ROW:
    '与文件中前面的行重复（同一身份证号或统一社会信用代码只导入第一次出现的行）',
  IMPORT_REGION_OUTSIDE_SCOPE: '该区划不在您的管辖范围内，不能导入',
  IMPORT_RECORD_OUTSIDE_SCOPE: '该记录已登记在您管辖范围以外的台账中，不能由您导入更新',
  IMPORT_FOUNDER_NOT_FOUND: '台账中没有该身份证号的人员（或不在您的管辖范围内），请先导入人员',
  IMPORT_CSV_MALFORMED:
    'CSV 文件第 {{line}} 行格式有误（多为引号不成对），无法继续读取；请在 Excel 中打开后另存为 CSV 再导入',
  IMPORT_XLSX_MALFORMED:
    'xlsx 文件第 {{sheet}} 个工作表第 {{row}} 行无法读取；请在 Excel 中打开后重新保存再导入',
  IMPORT_FILE_NOT_SPREADSHEET: '文件不是 Excel（.xlsx）或 CSV 表格（识别为：{{detected}}）',
  IMPORT_FILE_TOO_LARGE_UNCOMPRESSED:
    '.xlsx 文件解压后超过 {{limitMb}} MB 的上限，请拆分成几个文件，或另存为 CSV 后导入',
  IMPORT_COMPRESSION_RATIO:
    '.xlsx 文件的压缩比超过 {{ratio}}:1 的上限（疑似压缩炸弹），请在 Excel 中重新保存或另存为 CSV 后导入',
  IMPORT_TOO_MANY_CELLS:
    '.xlsx 文件的单元格或共享字符串超过 {{limit}} 个的上限，请拆分成几个文件分批导入',
  IMPORT_REGION_NAME_NOT_FOUND:
    '您管辖的区县中没有名为“{{value}}”的乡镇或村（社区）；请核对名称，或从模板“区划代码”工作表中选择',
  IMPORT_REGION_NAME_AMBIGUOUS:
    '区划名称有重名，可能是：{{value}}；请写上所属区县或乡镇（如 奉节县兴隆镇、大树镇青莲村），或改填 12 位区划代码',
  PERSON_DUPLICATE: '台账中已有身份证号相同的人员',
  ENTITY_DUPLICATE: '台账中已有统一社会信用代码相同的市场主体',
  RECORD_MERGED: '该记录已合并到另一条记录，请查看合并后的记录',
  MERGE_SELF: '不能把记录与它自己合并',
  PERSON_STATUS_TRANSITION: '人员状态只能向前推进，或后退一步作更正',
  LINKED_PERSON_NOT_FOUND: '关联人员不存在或不在您的管辖范围内',
  PARK_INVALID: '所选园区不存在，或该机构不是园区/孵化基地',
  PERSONAL_NUMBER_IN_TEXT: '“{{field}}”中不能填写身份证号或手机号：请填在对应字段，那里会加密保存',
  TARGET_NOT_FOUND: '{{regionCode}} 尚未设定 {{year}} 年的此项目标，请先设定再分解',
  TARGET_SPLIT_EXCEEDS:
    '分解到下级的目标合计 {{allocated}} 超过上级目标 {{parentValue}}（超出 {{excess}}），请调整后再提交',
  TARGET_BELOW_CHILDREN: '目标 {{value}} 小于已分解到下级的合计 {{childrenSum}}，请先调整下级目标',
  TARGET_CHILD_INVALID: '{{regionCode}} 不是该区划的直接下级，不能分解到此',
  LOAN_PRODUCT_VALUE_INVALID: '产品参数 {{key}} 的取值无效：{{reason}}',
  LOAN_PRODUCT_VALUE_EXISTS:
    '{{regionCode}} 自 {{validFrom}} 起的产品参数 {{key}} 已有取值；调整政策请按新文件的生效日期另行录入',
  CALENDAR_YEAR_EXISTS: '{{year}} 年的节假日安排已经录入，不能重复录入',
  CALENDAR_DAYS_INVALID: '节假日安排中的 {{date}} 有误：{{problemZh}}',
  LIST_PAGE_TOO_DEEP:
    '页码最多到第 {{maxPage}} 页：请缩小筛选范围（区划、类别、状态或关键词），或用“下一页”继续往后翻',
  LIST_CURSOR_INVALID: '翻页位置已失效或与当前筛选条件不符，请回到第一页重新查询',
  SMS_UNAVAILABLE: '短信服务未开通，暂时无法发送验证码，请联系当地返乡创业服务中心',
  SMS_RATE_LIMITED: '验证码发送过于频繁，请 {{retryAfter}} 秒后再试',
  SMS_CODE_INVALID: '验证码不正确，还可尝试 {{attemptsLeft}} 次',
  SMS_CODE_EXPIRED: '验证码已失效（过期、已使用或错误次数过多），请重新获取',
  PORTAL_PROFILE_REQUIRED: '请先填写个人资料，再填写企业信息',
  PORTAL_ID_NUMBER_LOCKED: '身份证号与已提交的资料不一致；如需更正身份证号，请联系当地服务专员',
  PORTAL_REQUEST_PENDING: '已提交，等待服务专员核实；核实结果会在“我的”消息中告知',
  PORTAL_REQUEST_LIMIT: '提交次数已达上限，请联系当地返乡创业服务中心',
  PORTAL_REQUEST_DECIDED: '该申请已处理，请刷新',
  PORTAL_REQUEST_STALE: '该申请已失效：账号已关联其他记录，或记录已关联其他账号',
  DEV_INBOX_LOCAL_ONLY: '演示短信收件箱只对本机访问或安全管理员开放',
  CASE_CONFLICT: '该办件已被他人处理（当前为第 {{version}} 版），请刷新后查看最新状态',
  CASE_WRONG_STATE: '办件当前处于“{{state}}”，不能执行“{{transition}}”',
  CASE_TRANSITION_UNKNOWN: '此类办件没有“{{transition}}”这一操作',
  CASE_NOT_YOUR_STEP: '这一环节不由您所在的机构办理',
  CASE_CONDITION: '办件不满足“{{transition}}”的条件：{{conditions}}',
  CASE_REASON_REQUIRED: '“{{transition}}”须填写理由',
  CASE_FIELDS_INVALID: '以下字段缺失或不正确：{{fields}}',
  CASE_TYPE_UNKNOWN: '未知的办件类型 {{type}}',
  CASE_ROUTING_INVALID: '所选{{orgType}}不存在或类型不符（{{field}}）',
  CASE_SUBJECT_INVALID: '申请人或市场主体不存在',
  CASE_ATTACHMENT_UNKNOWN: '所附材料不属于该办件',
  LOAN_INELIGIBLE: '不符合创业担保贷款条件，不能提交：{{conditions}}',
  LOAN_APPLICANT_INVALID: '{{reason}}',
  LOAN_NOT_DISBURSED: '该贷款尚未放款或已结清，不能登记还款',
  LOAN_REPAYMENT_INVALID: '还款登记有误：{{reason}}',
  LOAN_CLAIM_EXISTS: '{{quarter}} 的贴息申领单已经生成，不能重复生成',
  LOAN_CLAIM_OVERPAID: '拨付金额超过未付金额（尚欠 {{outstanding}} 分），请核对后重新录入',
  LOAN_FUND_PRECONDITIONS:
    '借用失业保险基金须同时确认：财政主渠道投入未减少、失业保险待遇按时足额发放',
  LOAN_FUND_STOPPED: '担保基金暂停新增担保：{{reason}}',
  PORTAL_LOAN_NOT_LINKED:
    '您的个人资料尚未核实，暂不能申请或查看贷款：请先在“个人资料”提交，待服务专员核实后再申请',
  PORTAL_LOAN_NOT_REPRESENTATIVE: '只有企业的法定代表人可以以企业名义申请小微企业贷款',
  PORTAL_LOAN_OPEN_EXISTS: '您已有一笔正在办理或未结清的创业担保贷款，不能重复申请',
  PORTAL_LOAN_DECLARATION_REQUIRED: '请阅读并勾选承诺书后再提交',
  PORTAL_LOAN_MATERIALS_CLOSED: '该申请当前环节不再接收材料；如需补充，请联系经办机构',
  ATTACHMENT_TYPE_REFUSED:
    '只接受 PDF、JPEG、PNG、.xlsx、.docx 文件（按文件内容判断，与文件名无关）',
  ATTACHMENT_TOO_LARGE: '材料文件超过 {{limitMb}} MB 的上限',
  ATTACHMENT_EMPTY: '材料文件为空',
  ATTACHMENT_STORE_UNAVAILABLE: '材料存储暂时无法访问，请稍后重试',
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
  PASSWORD_POLICY: 'The password does not meet the policy: it {{reasonText}}',
  PASSWORD_WRONG: 'The current password is wrong',
  SEPARATION_OF_DUTIES:
    'The system, security and audit administrator roles cannot be held by one person',
  GRANT_EXCEEDS_OWN: 'You cannot grant permissions you do not hold: {{permissions}}',
  SCOPE_OUTSIDE_OWN: 'This is outside your scope: you cannot act or grant access there',
  ROLE_UNKNOWN: 'Role {{role}} does not exist',
  SCOPE_INVALID: 'Invalid scope: {{reason}}',
  ADMIN_ACCOUNT_CLI_ONLY:
    "The system, security and audit administrators' accounts cannot be edited, disabled, granted or reset here: only the operator's command line can",
  ADMIN_ROLE_CLI_ONLY:
    "Administrator roles are granted and revoked only with the operator's command line",
  ADMIN_BUSINESS_MIX:
    'An account cannot hold an administrator role and a business role together (separation of duties)',
  GRANT_OWN_NEW_ACCOUNT:
    'You cannot give business roles to an account you created less than 24 hours ago; try after {{until}} or ask another administrator',
  GRANT_REQUEST_DUPLICATE: 'The same grant is already waiting for the security administrator',
  GRANT_REQUEST_DECIDED: 'This grant request was already decided ({{status}})',
  GRANT_REQUEST_SELF: 'You cannot decide a grant request you made, nor one that grants to yourself',
  RESET_NO_MOBILE:
    'The account has no mobile number of its own on record, so the temporary password cannot reach the user: let the user add one after logging in, or have the operator reset it on the command line',
  ORG_TYPE_INVALID: 'Invalid organisation type {{type}}',
  ORG_NOT_FOUND: 'Organisation not found, or outside your scope',
  RATE_LIMITED: 'Too many requests; try again later',
  NOT_READY: 'The service is not ready',
  DATABASE_UNAVAILABLE:
    'The database cannot be reached right now; nothing was done, please try again shortly',
  STORAGE_FULL:
    "The server's storage is full; nothing was saved, please contact the system administrator",
  INTERNAL: 'Internal server error; please try again later',
  LOGIN_UNKNOWN: 'No account with login {{login}}',
  BODY_TOO_LARGE:
    'The request body exceeds the {{limit}} limit; make it smaller (use the importer for large batches)',
  UNSUPPORTED_MEDIA_TYPE:
    'Content type {{contentType}} is not supported; send JSON (application/json)',
  JSON_INVALID: 'The request body is not valid JSON',
  URL_INVALID: 'The request URL is malformed (an invalid percent-escape)',
  HEADERS_TOO_LARGE:
    'The request URL or headers are too long (limit {{limit}}); shorten the query and try again',
  REQUEST_TIMEOUT: 'The request took too long to arrive; check the network and try again',
  REGION_UNKNOWN:
    'Field {{field}}: region code {{code}} does not exist; pick one from the region list',
  TOTP_REPLAYED: 'This one-time code has already been used; wait for the next one',
  PASSWORD_REQUIRED: 'Enter your current password to replace the one-time code',
  BACKUP_INVALID: 'Invalid backup file: {{reason}}',
  BACKUP_KEY_MISMATCH:
    'The encryption key differs from the one the backup was made with: use the original key (copy secret.key from the old data directory, or set FANXIANG_SECRET_KEY)',
  BACKUP_VERSION_NEWER:
    'The backup comes from a newer Fanxiang (it has database migrations this one does not know); upgrade first',
  BACKUP_CHECKSUM_MISMATCH:
    'Verification failed: row count or checksum of table {{table}} differs from the backup; the restore was rolled back',
  RESTORE_TARGET_NOT_EMPTY:
    'The target database is not empty (table {{table}} has rows); restore refused: use a new data directory or an empty database',
  RESTORE_TARGET_NEWER:
    'The target database has a newer schema than the backup; restoring it needs a new, empty database',
  IMPORT_FILE_EMPTY: 'The uploaded file is empty',
  IMPORT_FILE_TOO_LARGE: 'The file is larger than {{limitMb}} MB; split it and import the parts',
  IMPORT_FILE_UNREADABLE: 'The file cannot be read; upload an .xlsx or .csv file: {{reason}}',
  IMPORT_HEADER_MISSING:
    'Required columns are missing from the header: {{columns}} (use the template)',
  IMPORT_VALUE_UNKNOWN: 'Not one of the allowed values; choose from the drop-down (name or code)',
  IMPORT_VALUE_INVALID: 'The value is not valid',
  IMPORT_NUMBER_FORMAT: 'A number is expected',
  IMPORT_NUMBER_MANGLED:
    'Excel turned this number into a float (scientific notation or lost digits); format the column as text and type it again',
  IMPORT_BOOLEAN_FORMAT: 'Write 是 (yes) or 否 (no)',
  IMPORT_DUPLICATE_ROW:
    'Repeats an earlier row of the file (only the first row with an ID number or credit code is imported)',
  IMPORT_REGION_OUTSIDE_SCOPE: 'This region is outside your scope and cannot be imported',
  IMPORT_RECORD_OUTSIDE_SCOPE:
    'This record belongs to a ledger outside your scope and cannot be updated by your import',
  IMPORT_FOUNDER_NOT_FOUND:
    'No person with this ID number in the ledger (or outside your scope); import the people first',
  IMPORT_CSV_MALFORMED:
    'Line {{line}} of the CSV file is malformed (usually an unmatched quote) and reading stopped; open it in Excel, save it as CSV again and re-import',
  IMPORT_XLSX_MALFORMED:
    'Row {{row}} of sheet {{sheet}} of the xlsx file cannot be read; open it in Excel, save it again and re-import',
  IMPORT_FILE_NOT_SPREADSHEET:
    'The file is not an Excel (.xlsx) or CSV spreadsheet (it looks like: {{detected}})',
  IMPORT_FILE_TOO_LARGE_UNCOMPRESSED:
    'The .xlsx file inflates to more than {{limitMb}} MB; split it or save it as CSV and import that',
  IMPORT_COMPRESSION_RATIO:
    'The .xlsx file is compressed more than {{ratio}}:1 (a suspected decompression bomb); save it again in Excel or as CSV',
  IMPORT_TOO_MANY_CELLS:
    'The .xlsx file has more than {{limit}} cells or shared strings; split it and import the parts',
  IMPORT_REGION_NAME_NOT_FOUND:
    'No township or village named "{{value}}" in your counties; check the name or pick it from the template\'s 区划代码 sheet',
  IMPORT_REGION_NAME_AMBIGUOUS:
    'Several regions bear this name: {{value}}; add the county or township (e.g. 奉节县兴隆镇) or type the 12-digit code',
  PERSON_DUPLICATE: 'A person with this ID number is already in the ledger',
  ENTITY_DUPLICATE: 'A market entity with this credit code is already in the ledger',
  RECORD_MERGED: 'This record was merged into another one; open that record instead',
  MERGE_SELF: 'A record cannot be merged with itself',
  PERSON_STATUS_TRANSITION: 'A status moves forward, or back one step as a correction',
  LINKED_PERSON_NOT_FOUND: 'A linked person does not exist or is outside your scope',
  PARK_INVALID: 'The park chosen does not exist or is not a park or incubator',
  PERSONAL_NUMBER_IN_TEXT:
    'Do not write ID or mobile numbers in "{{field}}"; use their own fields, which are stored encrypted',
  TARGET_NOT_FOUND:
    'No {{year}} target of this indicator has been set for {{regionCode}}; set it before splitting it',
  TARGET_SPLIT_EXCEEDS:
    'The targets split to the regions below add up to {{allocated}}, more than the target above ({{parentValue}}) by {{excess}}',
  TARGET_BELOW_CHILDREN:
    'The target {{value}} is less than the {{childrenSum}} already split to the regions below; lower theirs first',
  TARGET_CHILD_INVALID:
    '{{regionCode}} is not directly below this region; a target is split to the regions directly below',
  LOAN_PRODUCT_VALUE_INVALID: 'The value of product parameter {{key}} is invalid: {{reason}}',
  LOAN_PRODUCT_VALUE_EXISTS:
    'Product parameter {{key}} already has a value for {{regionCode}} from {{validFrom}}; enter a new rule from its own start date',
  CALENDAR_YEAR_EXISTS: 'The holiday schedule of {{year}} has already been entered',
  CALENDAR_DAYS_INVALID: 'The holiday schedule is wrong at {{date}}: {{problemEn}}',
  LIST_PAGE_TOO_DEEP:
    'Pages go up to {{maxPage}} by number: narrow the filter (region, category, status or keywords), or use “Next page” to go further',
  LIST_CURSOR_INVALID:
    'The paging position has expired or does not match the current filter; go back to the first page and search again',
  SMS_UNAVAILABLE:
    'SMS is not available; verification codes cannot be sent. Contact your local service centre',
  SMS_RATE_LIMITED: 'Codes are being requested too often; try again in {{retryAfter}} seconds',
  SMS_CODE_INVALID: 'Wrong verification code; {{attemptsLeft}} attempts left',
  SMS_CODE_EXPIRED:
    'The verification code is no longer valid (expired, used or too many attempts); request a new one',
  PORTAL_PROFILE_REQUIRED: 'Fill in your profile before your enterprise',
  PORTAL_ID_NUMBER_LOCKED:
    'The ID number differs from the one submitted; ask a service officer to correct it',
  PORTAL_REQUEST_PENDING:
    'Submitted and waiting for a service officer to verify; the outcome will appear in your messages',
  PORTAL_REQUEST_LIMIT: 'Too many submissions; contact your local service centre',
  PORTAL_REQUEST_DECIDED: 'This request has already been decided; refresh',
  PORTAL_REQUEST_STALE:
    'This request no longer applies: the account or the record is linked elsewhere',
  DEV_INBOX_LOCAL_ONLY:
    'The demo SMS inbox answers only requests from this machine or a security administrator',
  CASE_CONFLICT:
    'Someone else has already acted on this case (now version {{version}}); reload to see where it stands',
  CASE_WRONG_STATE: 'The case is at “{{state}}”; “{{transition}}” does not apply',
  CASE_TRANSITION_UNKNOWN: 'This kind of case has no step “{{transition}}”',
  CASE_NOT_YOUR_STEP: 'This step belongs to another organisation',
  CASE_CONDITION: 'The case does not meet the conditions of “{{transition}}”: {{conditions}}',
  CASE_REASON_REQUIRED: '“{{transition}}” needs a reason',
  CASE_FIELDS_INVALID: 'These fields are missing or not valid: {{fields}}',
  CASE_TYPE_UNKNOWN: 'Unknown case type {{type}}',
  CASE_ROUTING_INVALID: 'The chosen {{orgType}} does not exist or is of another type ({{field}})',
  CASE_SUBJECT_INVALID: 'The applicant or market entity does not exist',
  CASE_ATTACHMENT_UNKNOWN: 'An attachment named does not belong to this case',
  LOAN_INELIGIBLE: 'The application does not meet the loan conditions: {{conditionsEn}}',
  LOAN_APPLICANT_INVALID: 'The applicant is not valid: {{reasonEn}}',
  LOAN_NOT_DISBURSED: 'The loan is not being repaid (not disbursed yet, or closed)',
  LOAN_REPAYMENT_INVALID: 'The repayment is not valid: {{reasonEn}}',
  LOAN_CLAIM_EXISTS: 'The subsidy claims of {{quarter}} were already built',
  LOAN_CLAIM_OVERPAID: 'The payment exceeds what is outstanding ({{outstanding}} fen)',
  LOAN_FUND_PRECONDITIONS:
    'Borrowing from the unemployment fund needs both preconditions confirmed',
  LOAN_FUND_STOPPED: 'The guarantee fund takes no new guarantees: {{reasonEn}}',
  PORTAL_LOAN_NOT_LINKED:
    'Your profile is not verified yet: submit it under Profile and apply once an officer has verified it',
  PORTAL_LOAN_NOT_REPRESENTATIVE:
    'Only the legal representative may apply for a small-enterprise loan in its name',
  PORTAL_LOAN_OPEN_EXISTS:
    'You already have a guarantee loan in progress or not yet repaid; a second application is not possible',
  PORTAL_LOAN_DECLARATION_REQUIRED: 'Read and tick the declaration before you submit',
  PORTAL_LOAN_MATERIALS_CLOSED:
    'This file takes no more materials at its current step; contact the office handling it',
  ATTACHMENT_TYPE_REFUSED:
    'Only PDF, JPEG, PNG, .xlsx and .docx files are accepted (judged by their content, not their name)',
  ATTACHMENT_TOO_LARGE: 'The file is larger than the {{limitMb}} MB limit',
  ATTACHMENT_EMPTY: 'The file is empty',
  ATTACHMENT_STORE_UNAVAILABLE: 'The file store cannot be reached; please try again later',
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
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    return v === undefined || v === null ? '' : JSON.stringify(v);
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
