import 'i18next';
import type { Messages } from './locales/zh-CN';

/** Makes every t('…') key checked against the Chinese resource file at compile time. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
