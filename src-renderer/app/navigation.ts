import {
  IconCalendarCheck,
  IconCashRegister,
  IconFileInvoice,
  IconNotebook,
  IconReportAnalytics,
  IconReportMoney,
  IconSearch,
  IconServer2,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../../src-shared/api/permissions';

/**
 * The shell's left menu, in order. An item shows when the user holds any of its permissions (the
 * ledger refuses the calls anyway; hiding spares the cashier dead ends). Alt+1 … Alt+9, Alt+0
 * follow the order of the items the user sees.
 */
export const NAV_ITEMS = [
  { id: 'desk', icon: IconCashRegister, anyOf: ['payment.collect'] },
  { id: 'query', icon: IconSearch, anyOf: ['account.read'] },
  { id: 'arrears', icon: IconReportMoney, anyOf: ['account.read'] },
  { id: 'manual', icon: IconNotebook, anyOf: ['manual.entry', 'manualbook.manage'] },
  { id: 'dayClose', icon: IconCalendarCheck, anyOf: ['shift.own', 'shift.confirm', 'shift.read'] },
  { id: 'billing', icon: IconFileInvoice, anyOf: ['billing.run'] },
  { id: 'reports', icon: IconReportAnalytics, anyOf: ['reports.read'] },
  { id: 'users', icon: IconUsers, anyOf: ['users.manage'] },
  { id: 'settings', icon: IconSettings, anyOf: ['settings.manage'] },
  { id: 'status', icon: IconServer2, anyOf: ['system.status'] },
] as const satisfies readonly { id: string; icon: Icon; anyOf: readonly Permission[] }[];

export type PageId = (typeof NAV_ITEMS)[number]['id'];

/** Pages whose screens arrive in later issues; they open the "being built" page. */
export type ComingLaterPageId = 'billing' | 'reports';

export function visibleNavItems(permissions: readonly string[]): (typeof NAV_ITEMS)[number][] {
  return NAV_ITEMS.filter((item) => item.anyOf.some((p) => permissions.includes(p)));
}

/** Alt+1 … Alt+9, then Alt+0 for the tenth item. */
export function navShortcutDigit(index: number): string | null {
  return index < 9 ? String(index + 1) : index === 9 ? '0' : null;
}
