import type { AppContext } from '../app/context';

export interface OccupantRow {
  linkId: number;
  customerId: number;
  name: string;
  phone: string;
  role: 'owner' | 'tenant' | 'payer';
  startDate: string;
  endDate: string | null;
}

const OCCUPANT_SELECT = `
  SELECT uc.id AS linkId, uc.customer_id AS customerId, c.name, c.phone, uc.role,
         uc.start_date AS startDate, uc.end_date AS endDate
  FROM unit_customers uc JOIN customers c ON c.id = uc.customer_id`;

/** A role row counts on every day from its start to its end date, both included. */
const LIVE_ON = 'uc.start_date <= @asOf AND (uc.end_date IS NULL OR uc.end_date >= @asOf)';

/** Owners, tenants and payers of the unit on the given date, owners first. */
export function occupantsOn(app: AppContext, unitId: number, asOf: string): OccupantRow[] {
  return app.sqlite
    .prepare(
      `${OCCUPANT_SELECT} WHERE uc.unit_id = @unitId AND ${LIVE_ON}
       ORDER BY CASE uc.role WHEN 'owner' THEN 0 WHEN 'tenant' THEN 1 ELSE 2 END, uc.start_date, uc.id`,
    )
    .all({ unitId, asOf }) as OccupantRow[];
}

/** Every role row the unit ever had, newest first: who owned or rented it when. */
export function occupantHistory(app: AppContext, unitId: number): OccupantRow[] {
  return app.sqlite
    .prepare(`${OCCUPANT_SELECT} WHERE uc.unit_id = @unitId ORDER BY uc.start_date DESC, uc.id DESC`)
    .all({ unitId }) as OccupantRow[];
}

/**
 * Who a bill of the unit is addressed to on `asOf`: the customer marked 付款人 (usually a tenant
 * who pays under the lease), else the owner (the earliest-registered, when co-owners share a unit).
 */
export function currentPayer(app: AppContext, unitId: number, asOf: string): { customerId: number; name: string } | null {
  const row = app.sqlite
    .prepare(
      `SELECT uc.customer_id AS customerId, c.name
       FROM unit_customers uc JOIN customers c ON c.id = uc.customer_id
       WHERE uc.unit_id = @unitId AND uc.role IN ('payer', 'owner') AND ${LIVE_ON}
       ORDER BY CASE uc.role WHEN 'payer' THEN 0 ELSE 1 END,
                CASE uc.role WHEN 'payer' THEN -julianday(uc.start_date) ELSE julianday(uc.start_date) END, uc.id
       LIMIT 1`,
    )
    .get({ unitId, asOf }) as { customerId: number; name: string } | undefined;
  return row ?? null;
}
