import { ROLE_NAMES } from '../../../src-shared/api/permissions';
import { arrearsZh } from '../../features/arrears/i18n';
import { authZh } from '../../features/auth/i18n';
import { dayCloseZh } from '../../features/dayClose/i18n';
import { deskZh } from '../../features/desk/i18n';
import { manualZh } from '../../features/manual/i18n';
import { queryZh } from '../../features/query/i18n';
import { usersZh } from '../../features/users/i18n';

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
  money: {
    invalid: '请输入正确的金额（元，最多两位小数，不能为负数）',
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
    lock: '锁屏',
    logout: '退出登录',
    shortcut: 'Alt+{{key}}',
  },
  /** The role names are the contract's own, so the two never drift apart. */
  roles: { ...ROLE_NAMES },
  nav: {
    desk: '收费台',
    query: '查询',
    arrears: '欠费',
    manual: '手工收费',
    dayClose: '日结',
    billing: '出账',
    reports: '报表',
    users: '用户与权限',
    settings: '设置',
    status: '系统状态',
  },
  help: {
    title: '键盘快捷键',
    open: '? 或 F1 打开本帮助',
    global: '全局',
    keys: {
      'Alt+1 … Alt+0': '打开左侧菜单中的第 1 … 10 项',
      '? / F1': '显示本帮助',
      'Ctrl+L': '锁屏（离开柜台时）',
      Esc: '关闭对话框',
    } as Record<string, string>,
  },
  desk: deskZh,
  query: queryZh,
  arrears: arrearsZh,
  manual: manualZh,
  dayClose: dayCloseZh,
  users: usersZh,
  auth: authZh,
  comingLater: {
    badge: '建设中',
    title: '「{{name}}」功能正在建设中',
    body: '该功能将在后续版本中提供，当前版本暂不可用。如需办理相关业务，请按公司的手工流程处理。',
    plannedTitle: '计划提供的内容',
    billing: '按收费标准生成应收账单：预览、确认入账，必要时撤销本次出账。',
    reports: '收费日报、收费明细、欠费明细、收费汇总、收缴率、账龄分析等报表，可导出 Excel。',
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
  settings: {
    title: '设置',
    subtitle: '公司名称与收据打印设置；修改会记入审计日志',
    loading: '正在读取设置',
    companyName: '公司名称（收款单位）',
    companyNameHint: '印在收据、通知单和报表上',
    receiptLayout: '收据版式',
    layouts: { a4: 'A4 纸', triplicate: '三联 241×93 mm', thermal80: '80 mm 热敏纸' },
    printerName: '收据打印机',
    printerHint: '填写系统中的打印机名称；留空则使用默认打印机',
    printerBrowserHint: '浏览器模式下由浏览器选择打印机，此项仅对桌面版生效',
    printerDefault: '默认打印机',
    silentPrint: '静默打印',
    silentPrintHint: '收款后直接打印收据，不弹出打印对话框',
    seal: '公司印章图片',
    sealHint: 'PNG 格式、透明背景、500 KB 以内；不上传则收据上留出盖章位置',
    noSeal: '未设置印章图片',
    uploadSeal: '上传印章',
    removeSeal: '清除印章',
    sealNotPng: '印章图片须为 PNG 格式',
    sealTooLarge: '印章图片不能超过 500 KB',
    save: '保存设置',
    saved: '设置已保存',
  },
};

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language file must provide exactly these keys. */
export type Messages = Widen<typeof zhCN>;
