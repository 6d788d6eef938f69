/**
 * The permission vocabulary. A call names exactly one of these, or one of the two access levels
 * that need no permission: 'public' (no session, e.g. login) and 'session' (any signed-in user).
 */
export const PERMISSIONS = [
  'system.status',
  'settings.manage',
  'users.manage',
  'audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Access = Permission | 'public' | 'session';

export const ROLE_CODES = ['admin', 'supervisor', 'cashier', 'finance', 'auditor'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** The default role set of RULES.md §10; an administrator may edit it later. */
export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, readonly Permission[]> = {
  admin: ['system.status', 'settings.manage', 'users.manage', 'audit.read'],
  supervisor: ['system.status'],
  cashier: ['system.status'],
  finance: ['system.status'],
  auditor: ['system.status', 'audit.read'],
};

export const ROLE_NAMES: Record<RoleCode, string> = {
  admin: '管理员',
  supervisor: '收费主管',
  cashier: '收银员',
  finance: '财务',
  auditor: '审计',
};
