import { z } from 'zod';
import { call } from '../define';
import { PERMISSIONS, ROLE_CODES, type Permission } from '../permissions';
import { newPassword, username } from './auth';

/** What the 用户与权限 screen shows for each permission. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'system.status': '查看系统状态',
  'settings.manage': '系统设置',
  'users.manage': '用户与权限管理',
  'audit.read': '查看审计日志',
  'backup.manage': '备份与恢复',
  'register.read': '查看房产档案',
  'register.write': '维护房产档案',
  'readings.write': '录入抄表读数',
  'fees.read': '查看收费项目与标准',
  'fees.manage': '维护收费项目与标准',
  'account.read': '查看账户、账单与收据',
  'billing.run': '生成账单',
  'billing.undo': '撤销账单批次',
  'payment.collect': '前台收费',
  'payment.void': '作废收据',
  'payment.reverse': '冲红收款',
  'charge.oneoff': '一次性收费',
  'waiver.apply': '申请减免',
  'waiver.approve': '审批减免',
  'refund.request': '申请退款',
  'refund.approve': '审批退款',
  'refund.execute': '执行退款',
  'adjustment.request': '申请调账',
  'adjustment.approve': '审批调账',
  'shift.own': '本人开班交班',
  'shift.confirm': '确认班次',
  'shift.read': '查看所有班次',
  'manualbook.manage': '手工收据本管理与复核',
  'manual.entry': '补录手工收据',
  'fallback.switch': '切换手工收费模式',
  'reports.read': '查看报表',
};

const userId = z.number({ error: '请选择用户' }).int('用户编号有误').positive('用户编号有误');
const displayName = z.string().trim().min(1, '请填写姓名').max(32, '姓名最多 32 个字符');
const role = z.enum(ROLE_CODES, { error: '请选择角色' });
/** Empty = all communities. */
const communityIds = z
  .array(z.number().int('小区编号有误').positive('小区编号有误'), { error: '管辖小区格式不正确' })
  .max(500, '管辖小区太多');

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_CODES),
  roleName: z.string(),
  /** Empty = all communities. */
  communityIds: z.array(z.number().int()),
  disabled: z.boolean(),
  /** Locked after too many wrong passwords, until lockedUntil (or an administrator unlocks). */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number().int(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** When the user last signed in (the newest session they started); null = never. */
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

/** A password the administrator typed, or one generated and shown to them this once. */
const issuedPassword = z.object({ user: userView, generatedPassword: z.string().nullable() });

export const roleView = z.object({
  code: z.enum(ROLE_CODES),
  name: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  activeUsers: z.number().int(),
});

/** What an administrator may set; the stored values are read back as plain integers. */
export const securitySettingsInput = z.object({
  lockoutThreshold: z.number({ error: '请填写次数' }).int('次数必须是整数').min(3, '至少 3 次').max(20, '最多 20 次'),
  lockoutMinutes: z.number({ error: '请填写分钟数' }).int('分钟数必须是整数').min(1, '至少 1 分钟').max(1440, '最多 1440 分钟'),
  idleLockMinutes: z.number({ error: '请填写分钟数' }).int('分钟数必须是整数').min(1, '至少 1 分钟').max(240, '最多 240 分钟'),
});

export const securitySettings = z.object({
  lockoutThreshold: z.number().int(),
  lockoutMinutes: z.number().int(),
  idleLockMinutes: z.number().int(),
});

export const usersCalls = {
  'users.list': call({
    input: z.object({ includeDisabled: z.boolean().optional() }).strict(),
    output: z.object({ users: z.array(userView) }),
    access: 'users.manage',
    mutates: false,
  }),
  'users.create': call({
    input: z
      .object({
        username,
        displayName,
        role,
        communityIds: communityIds.default([]),
        /** Omitted: a password is generated and returned once. */
        password: newPassword.optional(),
      })
      .strict(),
    output: issuedPassword,
    access: 'users.manage',
    mutates: true,
  }),
  'users.update': call({
    input: z
      .object({
        userId,
        displayName: displayName.optional(),
        role: role.optional(),
        communityIds: communityIds.optional(),
        disabled: z.boolean().optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' }),
    output: z.object({ user: userView }),
    access: 'users.manage',
    mutates: true,
  }),
  'users.resetPassword': call({
    input: z.object({ userId, password: newPassword.optional() }).strict(),
    output: issuedPassword,
    access: 'users.manage',
    mutates: true,
  }),
  'users.unlock': call({
    input: z.object({ userId }).strict(),
    output: z.object({ user: userView }),
    access: 'users.manage',
    mutates: true,
  }),
  /** Replaces the calling administrator's recovery code; the new one is shown this once. */
  'users.newRecoveryCode': call({
    input: z.object({}).strict(),
    output: z.object({ recoveryCode: z.string() }),
    access: 'users.manage',
    mutates: true,
  }),
  'users.securitySettings': call({
    input: z.object({}).strict(),
    output: securitySettings,
    access: 'settings.manage',
    mutates: false,
  }),
  'users.setSecuritySettings': call({
    input: securitySettingsInput.partial().strict(),
    output: securitySettings,
    access: 'settings.manage',
    mutates: true,
  }),
  'roles.list': call({
    input: z.object({}).strict(),
    output: z.object({
      roles: z.array(roleView),
      permissions: z.array(z.object({ code: z.enum(PERMISSIONS), label: z.string() })),
    }),
    access: 'users.manage',
    mutates: false,
  }),
  'roles.setPermissions': call({
    input: z
      .object({
        role,
        permissions: z.array(z.enum(PERMISSIONS, { error: '未知的权限' }), { error: '权限列表格式不正确' }).max(PERMISSIONS.length * 2),
      })
      .strict(),
    output: z.object({ role: roleView }),
    access: 'users.manage',
    mutates: true,
  }),
};
