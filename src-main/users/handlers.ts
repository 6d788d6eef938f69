import type { usersCalls } from '../../src-shared/api/calls/users';
import type { DomainHandlers } from '../ipc/types';
import { listRoles, setRolePermissions } from './roleService';
import { securitySettings, setSecuritySettings } from './securitySettings';
import { createUser, listUsers, newRecoveryCode, resetPassword, unlockUser, updateUser } from './userService';

export const usersHandlers = {
  'users.list': (input, ctx) => listUsers(ctx.app, input.includeDisabled ?? false),
  'users.create': (input, ctx) => createUser(input, ctx),
  'users.update': (input, ctx) => updateUser(input, ctx),
  'users.resetPassword': (input, ctx) => resetPassword(input, ctx),
  'users.unlock': (input, ctx) => unlockUser(input, ctx),
  'users.newRecoveryCode': (_input, ctx) => newRecoveryCode(ctx),
  'users.securitySettings': (_input, ctx) => securitySettings(ctx.app),
  'users.setSecuritySettings': (input, ctx) => setSecuritySettings(input, ctx),
  'roles.list': (_input, ctx) => listRoles(ctx.app),
  'roles.setPermissions': (input, ctx) => setRolePermissions(input, ctx),
} satisfies DomainHandlers<typeof usersCalls>;
