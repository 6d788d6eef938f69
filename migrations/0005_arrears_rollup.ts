import type { Migration } from './types';

/**
 * What is still open per unit and due date, kept by the database (issue 3 item 12: the first
 * arrears page in ≤ 150 ms on 20,000 units). The arrears list and summary age a unit's debt by due
 * date; with this table they read about four rows per owing unit instead of every open bill line
 * (a unit in chronic arrears has one per fee item and month).
 *
 * arrears_rollup(unit, due date) = the sum and count of the bill lines with status 'posted' and
 * outstanding_fen > 0 — the rows of the bill_lines_open index — kept equal by the triggers below
 * on every write that opens, pays down, reopens or cancels a line, whichever service makes it. A
 * pair with nothing open has no row. It is derived, not ledger: rows change and go, and the
 * invariant check (src-main/ledger/invariants.ts) compares it with the lines.
 *
 * Also one read path of the same benchmark pass (issue 5: a receipt PDF in ≤ 50 ms): whether a
 * payment was reversed (已红冲 on its receipt) is looked up by reverses_payment_id, which walked
 * every payment. Only reversals have one, so the index holds just them.
 */
const ROLLUP_TRIGGERS = `
  CREATE TRIGGER arrears_rollup_insert AFTER INSERT ON bill_lines
    WHEN NEW.status = 'posted' AND NEW.outstanding_fen > 0
    BEGIN
      INSERT INTO arrears_rollup (unit_id, due_date, open_fen, open_lines) VALUES (NEW.unit_id, NEW.due_date, NEW.outstanding_fen, 1)
        ON CONFLICT (unit_id, due_date) DO UPDATE SET open_fen = open_fen + excluded.open_fen, open_lines = open_lines + 1;
    END;

  -- Also fires for the outstanding_fen a new line gets from bill_lines_outstanding_init.
  CREATE TRIGGER arrears_rollup_update AFTER UPDATE OF outstanding_fen, status, unit_id, due_date ON bill_lines
    WHEN (OLD.status = 'posted' AND OLD.outstanding_fen > 0) OR (NEW.status = 'posted' AND NEW.outstanding_fen > 0)
    BEGIN
      INSERT INTO arrears_rollup (unit_id, due_date, open_fen, open_lines)
        SELECT NEW.unit_id, NEW.due_date, NEW.outstanding_fen, 1 WHERE NEW.status = 'posted' AND NEW.outstanding_fen > 0
        ON CONFLICT (unit_id, due_date) DO UPDATE SET open_fen = open_fen + excluded.open_fen, open_lines = open_lines + 1;
      UPDATE arrears_rollup SET open_fen = open_fen - OLD.outstanding_fen, open_lines = open_lines - 1
        WHERE unit_id = OLD.unit_id AND due_date = OLD.due_date AND OLD.status = 'posted' AND OLD.outstanding_fen > 0;
      DELETE FROM arrears_rollup WHERE unit_id = OLD.unit_id AND due_date = OLD.due_date AND open_lines = 0;
    END;

  -- Posted lines are never deleted; should a line ever go, its open amount goes with it.
  CREATE TRIGGER arrears_rollup_delete AFTER DELETE ON bill_lines
    WHEN OLD.status = 'posted' AND OLD.outstanding_fen > 0
    BEGIN
      UPDATE arrears_rollup SET open_fen = open_fen - OLD.outstanding_fen, open_lines = open_lines - 1
        WHERE unit_id = OLD.unit_id AND due_date = OLD.due_date;
      DELETE FROM arrears_rollup WHERE unit_id = OLD.unit_id AND due_date = OLD.due_date AND open_lines = 0;
    END;
`;

export const m0005ArrearsRollup: Migration = {
  version: 5,
  name: 'arrears_rollup',
  up(db) {
    db.exec(`
      CREATE TABLE arrears_rollup (
        unit_id INTEGER NOT NULL REFERENCES units(id),
        due_date TEXT NOT NULL,
        open_fen INTEGER NOT NULL CHECK (open_fen >= 0),
        open_lines INTEGER NOT NULL CHECK (open_lines >= 0),
        PRIMARY KEY (unit_id, due_date)
      ) STRICT, WITHOUT ROWID;
    `);
    db.exec(ROLLUP_TRIGGERS);
    db.exec('CREATE INDEX payments_reversal ON payments (reverses_payment_id) WHERE reverses_payment_id IS NOT NULL;');
    db.exec(`
      INSERT INTO arrears_rollup (unit_id, due_date, open_fen, open_lines)
      SELECT unit_id, due_date, SUM(outstanding_fen), COUNT(*) FROM bill_lines
      WHERE status = 'posted' AND outstanding_fen > 0 GROUP BY unit_id, due_date;
    `);
  },
};
