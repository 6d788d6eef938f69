import { z } from 'zod';
import { call } from '../define';
import { ROLE_CODES } from '../permissions';

export const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能包含中文、字母、数字和 _ . -');
export const password = z.string().min(1, '请输入密码').max(128, '密码最多 128 个字符');
/** The policy itself (length, letters and digits, not the username) is checked by the service. */
export const newPassword = z.string().min(1, '请输入新密码').max(128, '密码最多 128 个字符');

export const sessionInfo = z.object({
  sessionId: z.string(),
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_CODES),
    permissions: z.array(z.string()),
    /** Set for a new user and after an administrator's reset: only auth.changePassword works. */
    mustChangePassword: z.boolean(),
    /** The communities this user may see; null = all communities. */
    communityIds: z.array(z.number().int()).nullable(),
  }),
  /** After this many idle minutes every call answers SESSION_LOCKED until auth.unlockSession. */
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const authCalls = {
  'auth.setup': call({
    input: z
      .object({
        companyName: z.string().trim().min(2, '请填写公司全称').max(100),
        adminUsername: username,
        adminDisplayName: z.string().trim().min(1, '请填写姓名').max(32),
        adminPassword: password,
      })
      .strict(),
    /** recoveryCode is shown once, to be printed and kept safe; only its hash is stored. */
    output: sessionInfo.extend({ recoveryCode: z.string() }),
    access: 'public',
    mutates: true,
  }),
  'auth.login': call({
    input: z.object({ username: z.string().trim().min(1, '请输入用户名').max(32), password }).strict(),
    output: sessionInfo,
    access: 'public',
    mutates: true,
  }),
  'auth.logout': call({
    input: z.object({}).strict(),
    output: z.object({ loggedOut: z.literal(true) }),
    access: 'session',
    mutates: true,
  }),
  'auth.me': call({
    input: z.object({}).strict(),
    output: sessionInfo,
    access: 'session',
    mutates: false,
  }),
  'auth.changePassword': call({
    input: z.object({ oldPassword: password, newPassword }).strict(),
    output: sessionInfo,
    access: 'session',
    mutates: true,
  }),
  /** The cashier steps away: the screen keeps its state, an overlay asks for the password. */
  'auth.lock': call({
    input: z.object({}).strict(),
    output: z.object({ locked: z.literal(true) }),
    access: 'session',
    mutates: true,
  }),
  'auth.unlockSession': call({
    input: z.object({ password }).strict(),
    output: sessionInfo,
    access: 'session',
    mutates: true,
  }),
  /** An administrator who forgot their password uses the printed recovery code, once. */
  'auth.recover': call({
    input: z
      .object({
        username: z.string().trim().min(1, '请输入用户名').max(32),
        recoveryCode: z.string().trim().min(1, '请输入恢复码').max(64, '恢复码格式不正确'),
        newPassword,
      })
      .strict(),
    output: z.object({ passwordReset: z.literal(true) }),
    access: 'public',
    mutates: true,
  }),
};
