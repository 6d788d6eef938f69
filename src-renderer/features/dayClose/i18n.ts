import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Day close screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const dayCloseZh = {
  title: '日结',
  help: {} as Record<string, string>,
};

export const dayCloseEn: Widen<typeof dayCloseZh> = {
  title: 'Day close',
  help: {},
};
