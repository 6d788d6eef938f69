import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Search screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const queryZh = {
  title: '查询',
  help: {} as Record<string, string>,
};

export const queryEn: Widen<typeof queryZh> = {
  title: 'Search',
  help: {},
};
