import { ROLE_NAMES } from '../../../src-shared/api/permissions';

/** Simplified Chinese: the default language and the shape every other language must match. */
export const zhCN = {
  app: {
    title: 'FeeDesk 物业收费台',
    productName: 'FeeDesk 物业收费台',
    loading: '正在连接收费台…',
    training: '培训模式',
    version: '版本 {{version}}',
  },
  language: {
    label: '界面语言',
    zh: '中文',
    en: 'English',
  },
  common: {
    retry: '重试',
    refresh: '刷新',
  },
  errors: {
    title: '操作未成功',
    unreachable: '无法连接到收费台服务，请确认程序仍在运行后重试',
    noToken: '缺少访问令牌：请从收费台启动程序给出的完整地址重新打开本页面',
    rejected: '收费台服务拒绝了本次请求（HTTP {{status}}），请从启动程序给出的地址重新打开本页面',
    badResponse: '收费台服务返回了无法识别的内容，请联系管理员',
    bootTitle: '无法启动收费台',
    sessionExpired: '登录已失效，请重新登录',
  },
  setup: {
    title: '首次设置',
    intro: '欢迎使用 FeeDesk。请填写公司信息并创建管理员账号，完成后即可登录使用。',
    companySection: '公司信息',
    companyName: '公司全称',
    companyNameHint: '打印在收据、通知单和报表上的收款单位名称',
    companyNamePlaceholder: '例如：某某物业服务有限公司',
    adminSection: '管理员账号',
    adminUsername: '管理员用户名',
    adminUsernameHint: '登录时使用，可用中文、字母、数字和 _ . -',
    adminDisplayName: '管理员姓名',
    adminDisplayNameHint: '显示在界面和操作记录中',
    password: '密码',
    passwordHint: '至少 8 位，需同时包含字母和数字，且不能包含用户名',
    passwordConfirm: '确认密码',
    passwordMismatch: '两次输入的密码不一致',
    submit: '完成设置并登录',
    done: '设置完成，欢迎使用',
  },
  login: {
    title: '登录',
    subtitle: '请使用您的收费台账号登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
  },
  shell: {
    navLabel: '主菜单',
    currentUser: '当前用户',
    logout: '退出登录',
    shortcut: 'Alt+{{key}}',
  },
  /** The role names are the contract's own, so the two never drift apart. */
  roles: { ...ROLE_NAMES },
  nav: {
    desk: '收费台',
    arrears: '欠费',
    query: '查询',
    billing: '出账',
    reports: '报表',
    dayClose: '日结',
    settings: '设置',
    status: '系统状态',
  },
  comingLater: {
    badge: '建设中',
    title: '「{{name}}」功能正在建设中',
    body: '该功能将在后续版本中提供，当前版本暂不可用。如需办理相关业务，请按公司的手工流程处理。',
    plannedTitle: '计划提供的内容',
    desk: '按房屋或业主查询应收，现金、微信、支付宝、银行卡、转账收款，打印收据，补打与作废。',
    arrears: '欠费明细与违约金计算，打印催缴通知单，记录跟进情况。',
    query: '查询房屋、业主、车位、账单、收款记录和收据。',
    billing: '按收费标准生成应收账单：预览、确认入账，必要时撤销本次出账。',
    reports: '收费日报、收费明细、欠费明细、收费汇总、收缴率、账龄分析等报表，可导出 Excel。',
    dayClose: '交班点款：按收款方式核对系统金额与实点金额，记录长短款，由收费主管确认。',
    settings: '公司信息、收费项目与标准、用户与权限、收据与打印设置。',
  },
  status: {
    title: '系统状态',
    subtitle: '数据库与程序版本信息，供管理员排查问题时使用',
    databaseFile: '数据库文件',
    schemaVersion: '数据库结构版本',
    appSchemaVersion: '程序所需版本',
    schemaMatch: '版本一致',
    schemaBehind: '数据库需要升级',
    schemaAhead: '数据库版本高于程序',
    businessDate: '营业日期',
    timeZone: '时区',
    tablesTitle: '数据表行数',
    tableName: '数据表',
    rowCount: '行数',
    tableCount: '共 {{count}} 张表',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language file must provide exactly these keys. */
export type Messages = Widen<typeof zhCN>;
