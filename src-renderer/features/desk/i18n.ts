import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Fee desk screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const deskZh = {
  title: '收费台',
  help: {} as Record<string, string>,
};

export const deskEn: Widen<typeof deskZh> = {
  title: 'Fee desk',
  help: {},
};
