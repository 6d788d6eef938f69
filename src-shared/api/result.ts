/**
 * Every call answers with a Result: errors are values with a stable code and a message a cashier
 * can read, so no stack trace ever crosses to the renderer.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CALL'
  | 'NOT_LOGGED_IN'
  | 'FORBIDDEN'
  | 'BAD_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ALREADY_SET_UP'
  | 'NOT_SET_UP'
  | 'WEAK_PASSWORD'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'INVALID_STATE'
  | 'SHIFT_NOT_OPEN'
  | 'SHIFT_CLOSED'
  | 'NEEDS_APPROVAL'
  | 'APPROVAL_REFUSED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'SESSION_LOCKED'
  | 'INSUFFICIENT_BALANCE'
  | 'AMOUNT_MISMATCH'
  | 'RULE_VIOLATION'
  | 'STORAGE_FULL'
  | 'DATABASE_DAMAGED'
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const defaultMessages: Record<ErrorCode, string> = {
  INVALID_INPUT: '输入内容有误，请检查后重试',
  UNKNOWN_CALL: '不支持的操作',
  NOT_LOGGED_IN: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '账号已被锁定，请稍后再试或联系管理员解锁',
  ALREADY_SET_UP: '系统已完成初始化',
  NOT_SET_UP: '系统尚未初始化，请先完成首次设置',
  WEAK_PASSWORD: '密码强度不足',
  CONFLICT: '数据已被修改或重复提交，请刷新后重试',
  NOT_FOUND: '未找到相关记录',
  DUPLICATE: '记录已存在，未重复添加',
  INVALID_STATE: '当前状态不允许此操作',
  SHIFT_NOT_OPEN: '您还没有开班，请先开班再收费',
  SHIFT_CLOSED: '该班次已交班，不能再修改，请在当前班次中冲红或退费',
  NEEDS_APPROVAL: '此操作需要收费主管审批',
  APPROVAL_REFUSED: '现场授权未通过：授权人用户名或密码错误，或没有此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码',
  SESSION_LOCKED: '已锁屏，请输入密码解锁',
  INSUFFICIENT_BALANCE: '余额不足',
  AMOUNT_MISMATCH: '金额不一致，请核对后重试',
  RULE_VIOLATION: '不符合收费规则',
  STORAGE_FULL: '磁盘空间不足，操作未生效，请联系管理员清理空间',
  DATABASE_DAMAGED: '数据文件已损坏，请联系管理员从备份恢复',
  INTERNAL: '系统内部错误，操作未生效，请联系管理员',
};

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message?: string): Result<T> {
  return { ok: false, error: { code, message: message ?? defaultMessages[code] } };
}
