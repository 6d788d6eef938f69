import type { Widen } from '../../i18n/locales/zh-CN';

/** Texts of the Arrears screen; `help` lists its keyboard shortcuts for the help overlay (key → action). */
export const arrearsZh = {
  title: '欠费',
  help: {} as Record<string, string>,
};

export const arrearsEn: Widen<typeof arrearsZh> = {
  title: 'Arrears',
  help: {},
};
