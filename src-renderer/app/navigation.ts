import {
  IconCalendarCheck,
  IconCashRegister,
  IconFileInvoice,
  IconReportAnalytics,
  IconReportMoney,
  IconSearch,
  IconServer2,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';

/** The shell's left menu, in order; Alt+1 … Alt+8 follow this order. */
export const NAV_ITEMS = [
  { id: 'desk', icon: IconCashRegister },
  { id: 'arrears', icon: IconReportMoney },
  { id: 'query', icon: IconSearch },
  { id: 'billing', icon: IconFileInvoice },
  { id: 'reports', icon: IconReportAnalytics },
  { id: 'dayClose', icon: IconCalendarCheck },
  { id: 'settings', icon: IconSettings },
  { id: 'status', icon: IconServer2 },
] as const satisfies readonly { id: string; icon: Icon }[];

export type PageId = (typeof NAV_ITEMS)[number]['id'];

/** Pages whose screens arrive in later issues; they open the "being built" page. */
export type ComingLaterPageId = Exclude<PageId, 'status' | 'settings'>;

export const HOME_PAGE: PageId = 'desk';
