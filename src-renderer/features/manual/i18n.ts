import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Manual fallback screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const manualZh = {
  title: '手工收费',
  help: {} as Record<string, string>,
};

export const manualEn: Widen<typeof manualZh> = {
  title: 'Manual fallback',
  help: {},
};
