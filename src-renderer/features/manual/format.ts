/** Small display helpers of the 手工收费 screen; amounts always go through <Money>. */
import { businessDateTime, DEFAULT_TIME_ZONE } from '../../../src-shared/domain/businessTime';

/** An ISO instant from the ledger as the company's local 'YYYY-MM-DD HH:mm'. */
export function timeText(iso: string): string {
  return businessDateTime(new Date(iso), DEFAULT_TIME_ZONE).slice(0, 16);
}

/** The ledger's clock may differ from the PC's (training data, a wrong PC clock): 'now' comes from it. */
export function splitLocal(iso: string): { date: string; time: string } {
  const text = timeText(iso);
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/** A request key for one paper-receipt form: a double Enter reuses it, the next receipt gets a new one. */
export function newRequestKey(): string {
  return crypto.randomUUID();
}
