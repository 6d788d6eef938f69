import type { CallInput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import type { CallContext } from '../ipc/types';
import { getSettings, setSetting } from '../system/settings';

const NAMES = { lockoutThreshold: '锁定前允许的连续错误次数', lockoutMinutes: '锁定分钟数', idleLockMinutes: '空闲锁屏分钟数' } as const;
type Key = keyof typeof NAMES;
const KEYS = Object.keys(NAMES) as Key[];

export function securitySettings(app: AppContext) {
  const s = getSettings(app);
  return { lockoutThreshold: s.lockoutThreshold, lockoutMinutes: s.lockoutMinutes, idleLockMinutes: s.idleLockMinutes };
}

export function setSecuritySettings(input: CallInput<'users.setSecuritySettings'>, ctx: CallContext) {
  const before = securitySettings(ctx.app);
  const changed = KEYS.filter((k) => input[k] !== undefined && input[k] !== before[k]);
  if (changed.length === 0) return before;
  const summary = `修改安全设置：${changed.map((k) => `${NAMES[k]} ${before[k]} → ${input[k]}`).join('；')}`;
  return ctx.write({ entity: 'settings', summary }, () => {
    for (const k of changed) setSetting(ctx.app, k, input[k]!);
    return securitySettings(ctx.app);
  });
}
