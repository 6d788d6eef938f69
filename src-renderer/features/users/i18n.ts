import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Users & permissions screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const usersZh = {
  title: '用户与权限',
  help: {} as Record<string, string>,
};

export const usersEn: Widen<typeof usersZh> = {
  title: 'Users & permissions',
  help: {},
};
