/**
 * The permission vocabulary. A call names exactly one of these, or one of the two access levels
 * that need no permission: 'public' (no session, e.g. login) and 'session' (any signed-in user).
 */
export const PERMISSIONS = [
  'system.status',
  'settings.manage',
  'users.manage',
  'audit.read',
  'backup.manage',
  'register.read',
  'register.write',
  'readings.write',
  'fees.read',
  'fees.manage',
  'account.read',
  'billing.run',
  'billing.undo',
  'payment.collect',
  'payment.void',
  'payment.reverse',
  'charge.oneoff',
  'waiver.apply',
  'waiver.approve',
  'refund.request',
  'refund.approve',
  'refund.execute',
  'adjustment.request',
  'adjustment.approve',
  'shift.own',
  'shift.confirm',
  'shift.read',
  'manualbook.manage',
  'manual.entry',
  'fallback.switch',
  'reports.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Access = Permission | 'public' | 'session';

export const ROLE_CODES = ['admin', 'supervisor', 'cashier', 'finance', 'auditor'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const ROLE_NAMES: Record<RoleCode, string> = {
  admin: '管理员',
  supervisor: '收费主管',
  cashier: '收银员',
  finance: '财务',
  auditor: '审计',
};
