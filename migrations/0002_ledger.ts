import type { Migration } from './types';

/**
 * The fee ledger (RULES.md §2–§8). Conventions: money in integer fen (`*_fen`); areas, usages and
 * readings in 0.0001 units (`*_e4`) so apportioning is exact; prices and rates as decimal TEXT;
 * business dates 'YYYY-MM-DD' in the company's zone; instants ISO-8601 UTC (`*_at`).
 * Posted amounts are never updated: state changes (cancelled, voided, live → reopened) are status
 * columns maintained in the same transaction, and corrections are new rows.
 */
const permissions: Array<[role: string, permissions: string[]]> = [
  [
    'admin',
    ['register.read', 'register.write', 'readings.write', 'fees.read', 'fees.manage', 'account.read', 'billing.run',
      'billing.undo', 'reports.read', 'backup.manage', 'shift.read'],
  ],
  [
    'supervisor',
    ['register.read', 'readings.write', 'fees.read', 'account.read', 'billing.run', 'billing.undo', 'payment.collect',
      'payment.void', 'payment.reverse', 'charge.oneoff', 'waiver.apply', 'waiver.approve', 'refund.request',
      'refund.approve', 'refund.execute', 'adjustment.request', 'adjustment.approve', 'shift.own', 'shift.confirm',
      'shift.read', 'manualbook.manage', 'manual.entry', 'fallback.switch', 'reports.read'],
  ],
  [
    'cashier',
    ['register.read', 'readings.write', 'fees.read', 'account.read', 'payment.collect', 'charge.oneoff', 'waiver.apply',
      'refund.request', 'refund.execute', 'adjustment.request', 'shift.own', 'manual.entry', 'fallback.switch'],
  ],
  ['finance', ['register.read', 'fees.read', 'account.read', 'shift.read', 'reports.read']],
  ['auditor', ['register.read', 'fees.read', 'account.read', 'shift.read', 'reports.read']],
];

/**
 * bill_lines.outstanding_fen = amount + approved adjustments − live allocations − live waivers −
 * live discounts, kept in step by the database on every write that changes one of them, whichever
 * service makes it. A service inserts a line without it (or equal to its amount).
 */
const OUTSTANDING_TRIGGERS = `
  CREATE TRIGGER bill_lines_outstanding_check BEFORE INSERT ON bill_lines
    WHEN NEW.outstanding_fen IS NOT NULL AND NEW.outstanding_fen <> NEW.amount_fen
    BEGIN SELECT RAISE(ABORT, 'bill_lines.outstanding_fen is maintained by triggers: insert it NULL or equal to amount_fen'); END;
  CREATE TRIGGER bill_lines_outstanding_init AFTER INSERT ON bill_lines WHEN NEW.outstanding_fen IS NULL
    BEGIN UPDATE bill_lines SET outstanding_fen = NEW.amount_fen WHERE id = NEW.id; END;
  CREATE TRIGGER bill_lines_amount_frozen BEFORE UPDATE OF amount_fen ON bill_lines
    BEGIN SELECT RAISE(ABORT, 'a posted amount is never edited: post an adjustment'); END;

  CREATE TRIGGER allocations_outstanding_insert AFTER INSERT ON allocations WHEN NEW.status = 'live'
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen - NEW.amount_fen WHERE id = NEW.line_id; END;
  CREATE TRIGGER allocations_outstanding_update AFTER UPDATE OF status ON allocations WHEN (OLD.status = 'live') <> (NEW.status = 'live')
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen + (CASE WHEN NEW.status = 'live' THEN -NEW.amount_fen ELSE NEW.amount_fen END) WHERE id = NEW.line_id; END;
  CREATE TRIGGER allocations_frozen BEFORE UPDATE OF amount_fen, line_id ON allocations
    BEGIN SELECT RAISE(ABORT, 'an allocation is never edited'); END;

  CREATE TRIGGER waivers_outstanding_insert AFTER INSERT ON waivers WHEN NEW.status = 'live'
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen - NEW.amount_fen WHERE id = NEW.line_id; END;
  CREATE TRIGGER waivers_outstanding_update AFTER UPDATE OF status ON waivers WHEN (OLD.status = 'live') <> (NEW.status = 'live')
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen + (CASE WHEN NEW.status = 'live' THEN -NEW.amount_fen ELSE NEW.amount_fen END) WHERE id = NEW.line_id; END;

  CREATE TRIGGER discounts_outstanding_insert AFTER INSERT ON discounts WHEN NEW.status = 'live'
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen - NEW.amount_fen WHERE id = NEW.line_id; END;
  CREATE TRIGGER discounts_outstanding_update AFTER UPDATE OF status ON discounts WHEN (OLD.status = 'live') <> (NEW.status = 'live')
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen + (CASE WHEN NEW.status = 'live' THEN -NEW.amount_fen ELSE NEW.amount_fen END) WHERE id = NEW.line_id; END;

  CREATE TRIGGER adjustments_outstanding_insert AFTER INSERT ON adjustments WHEN NEW.status = 'approved'
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen + NEW.amount_fen WHERE id = NEW.line_id; END;
  CREATE TRIGGER adjustments_outstanding_update AFTER UPDATE OF status ON adjustments WHEN (OLD.status = 'approved') <> (NEW.status = 'approved')
    BEGIN UPDATE bill_lines SET outstanding_fen = outstanding_fen + (CASE WHEN NEW.status = 'approved' THEN NEW.amount_fen ELSE -NEW.amount_fen END) WHERE id = NEW.line_id; END;
`;

/**
 * RULES §8 held by the database: money lands only in an open shift; counting closes it to
 * payments; a shift moves open → counted → confirmed only, and a confirmed one never changes.
 */
const SHIFT_TRIGGERS = `
  CREATE TRIGGER payments_open_shift_only BEFORE INSERT ON payments
    WHEN (SELECT status FROM shifts WHERE id = NEW.shift_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'a payment lands only in an open shift'); END;
  CREATE TRIGGER payment_tenders_open_shift_only BEFORE INSERT ON payment_tenders
    WHEN (SELECT s.status FROM payments p JOIN shifts s ON s.id = p.shift_id WHERE p.id = NEW.payment_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'a tender lands only in an open shift'); END;
  CREATE TRIGGER payments_closed_shift_frozen
    BEFORE UPDATE OF status, shift_id, unit_id, kind, tendered_fen, allocated_fen, to_prepaid_fen, to_deposit_fen,
      cash_given_fen, change_fen, business_date ON payments
    WHEN (SELECT status FROM shifts WHERE id = OLD.shift_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'a payment of a closed shift is never changed: reverse or refund it in the current shift'); END;
  CREATE TRIGGER shift_counts_open_only BEFORE INSERT ON shift_counts
    WHEN (SELECT status FROM shifts WHERE id = NEW.shift_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'a shift is counted once, while open'); END;
  CREATE TRIGGER shift_counts_frozen BEFORE UPDATE ON shift_counts
    BEGIN SELECT RAISE(ABORT, 'a shift count is never edited'); END;
  CREATE TRIGGER shift_counts_no_delete BEFORE DELETE ON shift_counts
    BEGIN SELECT RAISE(ABORT, 'a shift count is never deleted'); END;
  CREATE TRIGGER shifts_forward_only BEFORE UPDATE OF status ON shifts
    WHEN NOT ((OLD.status = 'open' AND NEW.status = 'counted') OR (OLD.status = 'counted' AND NEW.status = 'confirmed'))
    BEGIN SELECT RAISE(ABORT, 'a shift moves open → counted → confirmed only'); END;
  CREATE TRIGGER shifts_confirmed_frozen BEFORE UPDATE ON shifts WHEN OLD.status = 'confirmed'
    BEGIN SELECT RAISE(ABORT, 'a confirmed shift is immutable'); END;
  CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
    BEGIN SELECT RAISE(ABORT, 'a shift is never deleted'); END;
`;

export const m0002Ledger: Migration = {
  version: 2,
  name: 'ledger',
  up(db) {
    db.exec(`
      -- §2 The property register ------------------------------------------------------------
      CREATE TABLE communities (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE buildings (
        id INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (community_id, code)
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id),
        building_id INTEGER NOT NULL REFERENCES buildings(id),
        code TEXT NOT NULL,                       -- 楼栋-单元-房号, e.g. 3-2-501
        sort_key TEXT NOT NULL,                   -- natural order: 3-2-501 before 10-1-101
        building_area_e4 INTEGER CHECK (building_area_e4 IS NULL OR building_area_e4 >= 0),
        inner_area_e4 INTEGER CHECK (inner_area_e4 IS NULL OR inner_area_e4 >= 0),
        use TEXT NOT NULL CHECK (use IN ('residential', 'shop', 'office', 'garage')),
        status TEXT NOT NULL CHECK (status IN ('undelivered', 'vacant', 'occupied', 'renovating')),
        delivery_date TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (community_id, code)
      ) STRICT;
      CREATE INDEX units_sort ON units (community_id, sort_key);
      CREATE INDEX units_code ON units (code);

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        pinyin_initials TEXT NOT NULL DEFAULT '',  -- 张三 → zs, for the desk's search box
        pinyin_full TEXT NOT NULL DEFAULT '',
        id_card_tail TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customers_initials ON customers (pinyin_initials);
      CREATE INDEX customers_phone ON customers (phone);

      -- Who owns or rents a unit, with history: a change of owner (过户) ends one row and starts another.
      CREATE TABLE unit_customers (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        role TEXT NOT NULL CHECK (role IN ('owner', 'tenant', 'payer')),
        start_date TEXT NOT NULL,
        end_date TEXT,
        CHECK (end_date IS NULL OR end_date >= start_date)
      ) STRICT;
      CREATE INDEX unit_customers_unit ON unit_customers (unit_id);
      CREATE INDEX unit_customers_customer ON unit_customers (customer_id);

      CREATE TABLE parking_spaces (
        id INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id),
        code TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('owned', 'leased', 'civil_defense', 'temporary')),
        unit_id INTEGER REFERENCES units(id),
        customer_id INTEGER REFERENCES customers(id),
        plates TEXT NOT NULL DEFAULT '',          -- comma-separated, upper case
        lease_start TEXT,
        lease_end TEXT,
        cycle_months INTEGER CHECK (cycle_months IS NULL OR cycle_months IN (1, 3, 6, 12)),
        UNIQUE (community_id, code)
      ) STRICT;
      CREATE INDEX parking_unit ON parking_spaces (unit_id);

      CREATE TABLE meters (
        id INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id),
        unit_id INTEGER REFERENCES units(id),      -- a unit's own meter
        building_id INTEGER REFERENCES buildings(id), -- a common meter (公共表)
        kind TEXT NOT NULL CHECK (kind IN ('water', 'power')),
        code TEXT NOT NULL,
        multiplier INTEGER NOT NULL DEFAULT 1 CHECK (multiplier > 0),
        max_reading_e4 INTEGER NOT NULL CHECK (max_reading_e4 > 0), -- the dial wraps to 0 here (10000 for 4 digits)
        start_reading_e4 INTEGER NOT NULL DEFAULT 0 CHECK (start_reading_e4 >= 0), -- 起度: previous of the first reading
        UNIQUE (community_id, code),
        CHECK ((unit_id IS NULL) <> (building_id IS NULL))
      ) STRICT;

      CREATE TABLE meter_readings (
        id INTEGER PRIMARY KEY,
        meter_id INTEGER NOT NULL REFERENCES meters(id),
        period TEXT NOT NULL,                     -- 'YYYY-MM'
        reading_e4 INTEGER NOT NULL CHECK (reading_e4 >= 0),
        prev_reading_e4 INTEGER NOT NULL CHECK (prev_reading_e4 >= 0), -- the reading it was measured from
        usage_e4 INTEGER NOT NULL CHECK (usage_e4 >= 0), -- (reading − previous, rollover-aware) × multiplier
        rollover INTEGER NOT NULL DEFAULT 0 CHECK (rollover IN (0, 1)),
        read_date TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (meter_id, period)
      ) STRICT;

      -- §3 Fee items and standards -------------------------------------------------------------
      CREATE TABLE fee_items (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('property', 'parking', 'utility', 'shared', 'one_off', 'deposit', 'other')),
        method TEXT NOT NULL CHECK (method IN ('AREA', 'FIXED', 'METERED', 'APPORTION', 'ONE_OFF', 'DEPOSIT')),
        object TEXT NOT NULL DEFAULT 'unit' CHECK (object IN ('unit', 'parking', 'meter')),
        price_type TEXT NOT NULL CHECK (price_type IN ('government_guided', 'market')),
        base_price TEXT,                          -- 政府指导价 base, yuan
        float_band TEXT,                          -- e.g. '0.10' = ±10%
        basis_doc TEXT NOT NULL DEFAULT '',       -- 收费依据, for the 收费公示表
        cycle_months INTEGER NOT NULL DEFAULT 1 CHECK (cycle_months IN (1, 3, 6, 12)),
        area_basis TEXT NOT NULL DEFAULT 'building' CHECK (area_basis IN ('building', 'inner')),
        meter_kind TEXT CHECK (meter_kind IS NULL OR meter_kind IN ('water', 'power')),
        apportion_basis TEXT CHECK (apportion_basis IS NULL OR apportion_basis IN ('area', 'usage', 'equal')),
        tiers_json TEXT,                          -- METERED tiers: [{"upTo": "10", "price": "3.50"}, …]
        due_rule TEXT NOT NULL DEFAULT 'period_start' CHECK (due_rule IN ('period_start', 'period_end', 'days_after_start')),
        due_days INTEGER NOT NULL DEFAULT 0 CHECK (due_days >= 0),
        late_daily_rate TEXT NOT NULL DEFAULT '0.0005',
        late_grace_days INTEGER NOT NULL DEFAULT 0 CHECK (late_grace_days >= 0),
        late_cap_ratio TEXT,
        priority INTEGER NOT NULL DEFAULT 100,    -- allocation order after due date and period
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fee_standards (
        id INTEGER PRIMARY KEY,
        fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
        scope TEXT NOT NULL CHECK (scope IN ('community', 'building', 'use', 'unit', 'parking_type')),
        community_id INTEGER NOT NULL REFERENCES communities(id),
        building_id INTEGER REFERENCES buildings(id),
        unit_use TEXT,
        unit_id INTEGER REFERENCES units(id),
        parking_type TEXT,
        price TEXT NOT NULL,                      -- yuan, up to 4 decimals (元/㎡·月, 元/月, 元/吨 …)
        start_date TEXT NOT NULL,
        end_date TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK (end_date IS NULL OR end_date >= start_date)
      ) STRICT;
      CREATE INDEX fee_standards_item ON fee_standards (fee_item_id, community_id);

      CREATE TABLE discount_rules (
        id INTEGER PRIMARY KEY,
        fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
        name TEXT NOT NULL,
        min_months INTEGER NOT NULL CHECK (min_months > 0),
        percent_off_bp INTEGER NOT NULL DEFAULT 0 CHECK (percent_off_bp BETWEEN 0 AND 10000), -- basis points
        free_months INTEGER NOT NULL DEFAULT 0 CHECK (free_months >= 0),
        start_date TEXT NOT NULL,
        end_date TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      -- §4 Bills ----------------------------------------------------------------------------
      CREATE TABLE billing_runs (
        id INTEGER PRIMARY KEY,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        scope_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('committed', 'undone')),
        line_count INTEGER NOT NULL,
        total_fen INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        undone_by INTEGER REFERENCES users(id),
        undone_at TEXT,
        undo_reason TEXT
      ) STRICT;

      CREATE TABLE bill_lines (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES billing_runs(id),
        unit_id INTEGER NOT NULL REFERENCES units(id),
        fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
        object_kind TEXT NOT NULL CHECK (object_kind IN ('unit', 'parking', 'meter')),
        object_id INTEGER NOT NULL,               -- the unit, parking space or meter charged
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'late_fee')),
        source TEXT NOT NULL CHECK (source IN ('run', 'prepay_ahead', 'one_off', 'opening', 'late_fee', 'kept_deposit')),
        parent_line_id INTEGER REFERENCES bill_lines(id), -- a late-fee line's principal line
        customer_id INTEGER REFERENCES customers(id),      -- who owed it when it was posted
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        quantity TEXT NOT NULL,                   -- decimal text: ㎡ × months, usage, count
        unit_price TEXT NOT NULL,                 -- decimal text, yuan
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        basis TEXT NOT NULL,                      -- how it was computed, in words for the desk
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'cancelled')),
        late_settled_through TEXT,                -- late fee settled up to this date (§5 part payments)
        late_charged_fen INTEGER NOT NULL DEFAULT 0 CHECK (late_charged_fen >= 0),
        -- Maintained by the triggers at the end of this migration, never by services: what is
        -- still owed. Its CHECK makes the database itself refuse any over-allocation.
        outstanding_fen INTEGER CHECK (outstanding_fen IS NULL OR outstanding_fen >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;
      -- A rerun adds nothing twice (RULES §4); one-off charges and late fees are exempt.
      CREATE UNIQUE INDEX bill_lines_once ON bill_lines (unit_id, fee_item_id, object_kind, object_id, period_start)
        WHERE status = 'posted' AND source IN ('run', 'prepay_ahead', 'opening');
      CREATE INDEX bill_lines_unit ON bill_lines (unit_id, status, due_date);
      CREATE INDEX bill_lines_run ON bill_lines (run_id);
      CREATE INDEX bill_lines_period ON bill_lines (period_start, fee_item_id);
      CREATE INDEX bill_lines_parent ON bill_lines (parent_line_id);
      -- Arrears read only open lines — a small part of years of history — from this index alone.
      CREATE INDEX bill_lines_open ON bill_lines (unit_id, due_date, outstanding_fen, fee_item_id)
        WHERE status = 'posted' AND outstanding_fen > 0;

      CREATE TABLE bill_cancellations (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL UNIQUE REFERENCES bill_lines(id),
        run_id INTEGER REFERENCES billing_runs(id),
        reason TEXT NOT NULL,
        cancelled_by INTEGER REFERENCES users(id),
        cancelled_at TEXT NOT NULL
      ) STRICT;

      -- 调账: corrections are new rows linked to the original line, never edits.
      CREATE TABLE adjustments (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES bill_lines(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        approved_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX adjustments_line ON adjustments (line_id);

      CREATE TABLE waivers (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES bill_lines(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'live', 'rejected', 'revoked')),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        approved_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        business_date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX waivers_line ON waivers (line_id);

      CREATE TABLE discounts (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES bill_lines(id),
        rule_id INTEGER NOT NULL REFERENCES discount_rules(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('live', 'revoked')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX discounts_line ON discounts (line_id);

      -- §8 Shifts, §6 receipts and payments ----------------------------------------------------
      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        cashier_id INTEGER NOT NULL REFERENCES users(id),
        business_date TEXT NOT NULL,
        float_fen INTEGER NOT NULL CHECK (float_fen >= 0),
        status TEXT NOT NULL CHECK (status IN ('open', 'counted', 'confirmed')),
        opened_at TEXT NOT NULL,
        counted_at TEXT,
        confirmed_at TEXT,
        confirmed_by INTEGER REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts (cashier_id) WHERE status = 'open';

      CREATE TABLE shift_counts (
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        method TEXT NOT NULL,
        system_fen INTEGER NOT NULL,
        counted_fen INTEGER NOT NULL,
        over_fen INTEGER NOT NULL CHECK (over_fen >= 0),   -- 长款
        short_fen INTEGER NOT NULL CHECK (short_fen >= 0), -- 短款; never netted against over
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (shift_id, method)
      ) STRICT;

      -- A numbering series: the desk's receipts, each manual receipt book, refund and offset vouchers.
      CREATE TABLE receipt_series (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('desk', 'manual_book', 'refund', 'offset')),
        prefix TEXT NOT NULL DEFAULT '',
        next_no INTEGER NOT NULL CHECK (next_no >= 1),
        range_start INTEGER,
        range_end INTEGER,
        cashier_id INTEGER REFERENCES users(id),  -- a manual book's holder
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'returned')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('collection', 'reversal', 'refund')),
        unit_id INTEGER NOT NULL REFERENCES units(id),
        payer_name TEXT NOT NULL,
        shift_id INTEGER NOT NULL REFERENCES shifts(id),
        cashier_id INTEGER NOT NULL REFERENCES users(id),
        tendered_fen INTEGER NOT NULL,            -- sum of tenders (negative for refunds/reversals)
        allocated_fen INTEGER NOT NULL,
        to_prepaid_fen INTEGER NOT NULL DEFAULT 0,
        to_deposit_fen INTEGER NOT NULL DEFAULT 0,
        cash_given_fen INTEGER,
        change_fen INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
        status TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'voided')),
        fallback INTEGER NOT NULL DEFAULT 0 CHECK (fallback IN (0, 1)),      -- taken in 手工收费 mode
        manual_entry INTEGER NOT NULL DEFAULT 0 CHECK (manual_entry IN (0, 1)), -- 补录 of a paper receipt
        original_at TEXT,                         -- the paper receipt's date and time
        business_date TEXT NOT NULL,              -- reported under this date (original date for 补录)
        reverses_payment_id INTEGER REFERENCES payments(id),
        request_hash TEXT,                        -- a desk request's fingerprint: a used idempotency key with another payload is refused
        prepaid_offset_id INTEGER REFERENCES prepaid_offsets(id), -- the prepaid used at the desk with this payment
        reviewed_by INTEGER REFERENCES users(id),
        reviewed_at TEXT,
        created_at TEXT NOT NULL,
        CHECK (tendered_fen = allocated_fen + to_prepaid_fen + to_deposit_fen)
      ) STRICT;
      CREATE INDEX payments_unit ON payments (unit_id);
      CREATE INDEX payments_shift ON payments (shift_id);
      CREATE INDEX payments_date ON payments (business_date);

      CREATE TABLE payment_tenders (
        id INTEGER PRIMARY KEY,
        payment_id INTEGER NOT NULL REFERENCES payments(id),
        method TEXT NOT NULL CHECK (method IN ('cash', 'wechat', 'alipay', 'card', 'transfer')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
        reference TEXT NOT NULL DEFAULT ''        -- POS slip, transfer number …
      ) STRICT;
      CREATE INDEX payment_tenders_payment ON payment_tenders (payment_id);

      CREATE TABLE receipts (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES receipt_series(id),
        number INTEGER NOT NULL,
        payment_id INTEGER REFERENCES payments(id),
        status TEXT NOT NULL CHECK (status IN ('issued', 'voided')),
        business_date TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        void_reason TEXT,
        voided_by INTEGER REFERENCES users(id),
        void_approved_by INTEGER REFERENCES users(id),
        voided_at TEXT,
        reprint_count INTEGER NOT NULL DEFAULT 0 CHECK (reprint_count >= 0),
        invoice_no TEXT,
        UNIQUE (series_id, number)
      ) STRICT;
      CREATE UNIQUE INDEX receipts_payment ON receipts (payment_id) WHERE payment_id IS NOT NULL;

      -- §6 Prepaid accounts: general (fee_item_id NULL) or earmarked per fee item.
      CREATE TABLE prepaid_accounts (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        fee_item_id INTEGER REFERENCES fee_items(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX prepaid_accounts_once ON prepaid_accounts (unit_id, IFNULL(fee_item_id, 0));

      -- An offset (抵扣) is an internal transfer: its own voucher, no receipt, no tender, no shift.
      CREATE TABLE prepaid_offsets (
        id INTEGER PRIMARY KEY,
        voucher_no TEXT NOT NULL UNIQUE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        run_id INTEGER REFERENCES billing_runs(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('live', 'returned')),
        business_date TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prepaid_entries (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES prepaid_accounts(id),
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'opening', 'offset', 'offset_return', 'refund')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),  -- + in, − out
        payment_id INTEGER REFERENCES payments(id),
        offset_id INTEGER REFERENCES prepaid_offsets(id),
        refund_id INTEGER,
        business_date TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX prepaid_entries_account ON prepaid_entries (account_id);

      -- Money applied to a bill line, by a payment or by a prepaid offset. 'live' until a void,
      -- reversal, refund or undone offset reopens it; the amount itself never changes.
      CREATE TABLE allocations (
        id INTEGER PRIMARY KEY,
        line_id INTEGER NOT NULL REFERENCES bill_lines(id),
        payment_id INTEGER REFERENCES payments(id),
        offset_id INTEGER REFERENCES prepaid_offsets(id),
        -- the prepaid account an offset drew this from, so returning it credits the same account
        prepaid_account_id INTEGER REFERENCES prepaid_accounts(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('live', 'voided', 'reversed', 'refunded', 'returned')),
        business_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((payment_id IS NULL) <> (offset_id IS NULL)),
        CHECK ((offset_id IS NULL) = (prepaid_account_id IS NULL))
      ) STRICT;
      CREATE INDEX allocations_line ON allocations (line_id);
      CREATE INDEX allocations_payment ON allocations (payment_id);
      CREATE INDEX allocations_offset ON allocations (offset_id);
      CREATE INDEX allocations_date ON allocations (business_date);

      -- §6 Deposits (押金): a liability kept apart from prepaid; never pays bills.
      CREATE TABLE deposits (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        payment_id INTEGER NOT NULL REFERENCES payments(id),
        kind TEXT NOT NULL DEFAULT 'renovation',
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('held', 'settled', 'voided')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        voucher_series_id INTEGER REFERENCES receipt_series(id),
        voucher_no INTEGER,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        source TEXT NOT NULL CHECK (source IN ('payment', 'prepaid', 'deposit')),
        payment_id INTEGER REFERENCES payments(id),        -- the original payment, if any
        prepaid_account_id INTEGER REFERENCES prepaid_accounts(id),
        deposit_id INTEGER REFERENCES deposits(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        kept_fen INTEGER NOT NULL DEFAULT 0 CHECK (kept_fen >= 0), -- part of a deposit kept as revenue
        payout TEXT NOT NULL CHECK (payout IN ('original', 'cash', 'prepaid')),
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'executed')),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        approved_by INTEGER REFERENCES users(id),
        executed_by INTEGER REFERENCES users(id),
        refund_payment_id INTEGER REFERENCES payments(id),  -- the negative tenders in the executing shift
        created_at TEXT NOT NULL,
        decided_at TEXT,
        executed_at TEXT,
        kept_fee_item_id INTEGER REFERENCES fee_items(id), -- the revenue item a kept deposit part is billed under
        UNIQUE (voucher_series_id, voucher_no)
      ) STRICT;
      CREATE INDEX refunds_status ON refunds (status);

      -- The allocations a refund of a payment undoes, chosen at request time, 'refunded' on execution.
      CREATE TABLE refund_allocations (
        refund_id INTEGER NOT NULL REFERENCES refunds(id),
        allocation_id INTEGER NOT NULL REFERENCES allocations(id),
        PRIMARY KEY (refund_id, allocation_id)
      ) STRICT;
    `);
    db.exec(OUTSTANDING_TRIGGERS);
    db.exec(SHIFT_TRIGGERS);
    const grant = db.prepare('INSERT INTO role_permissions (role_code, permission) VALUES (?, ?)');
    for (const [role, list] of permissions) for (const p of list) grant.run(role, p);
    db.exec(`
      INSERT INTO receipt_series (code, kind, prefix, next_no, created_at)
      SELECT code, kind, prefix, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM (SELECT 'DESK' AS code, 'desk' AS kind, 'SJ' AS prefix
            UNION ALL SELECT 'REFUND', 'refund', 'TK'
            UNION ALL SELECT 'OFFSET', 'offset', 'DK');
    `);
  },
};
