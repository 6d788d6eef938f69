import { instant, type Month } from './calendar';
import { METHODS, type Desk, type Shift, type Visit } from './collection';
import type { StaffIds } from './model';
import { yuan } from './model';
import type { Rng } from './random';
import { SHORT_OVER_NOTES } from './vocabulary';
import type { BulkWriter } from './writer';

const FLOAT_FEN = 50_000;
const OPEN_AT = 9 * 3600;
const DESK_SECONDS = 8 * 3600;

/**
 * The month's desk days: every cashier opens a shift at 08:50 with a ¥500 float, serves the day's
 * visits, counts at close (open → counted) and a supervisor confirms (counted → confirmed), the
 * way the shift triggers allow. system_fen per method follows src-main/shifts/shiftTotals.ts:
 * tenders of posted payments, plus the float for cash. Now and then ¥1–¥10 short or over on
 * cash, recorded as is, never netted.
 */
export class DeskDays {
  private readonly insShift;
  private readonly insCount;
  private readonly toCounted;
  private readonly toConfirmed;

  constructor(
    private readonly w: BulkWriter,
    private readonly rng: Rng,
    private readonly desk: Desk,
    private readonly staff: StaffIds,
  ) {
    this.insShift = w.inserter('shifts', ['cashier_id', 'business_date', 'float_fen', 'status', 'opened_at', 'note']);
    this.insCount = w.inserter('shift_counts', ['shift_id', 'method', 'system_fen', 'counted_fen', 'over_fen', 'short_fen', 'note']);
    this.toCounted = w.db.prepare("UPDATE shifts SET status = 'counted', counted_at = ? WHERE id = ?");
    this.toConfirmed = w.db.prepare("UPDATE shifts SET status = 'confirmed', confirmed_at = ?, confirmed_by = ? WHERE id = ?");
  }

  runMonth(month: Month, visits: Map<string, Visit[]>): void {
    month.openDays.forEach((date, dayIndex) => {
      const supervisorId = this.staff.supervisors[dayIndex % this.staff.supervisors.length]!;
      const shifts: Shift[] = this.staff.cashiers.map((cashierId, k) => {
        const at = instant(date, 8, 50, k * 20);
        const s: Shift = { id: this.insShift(cashierId, date, FLOAT_FEN, 'open', at, ''), cashierId, supervisorId, totals: new Map() };
        this.w.audit(at, cashierId, 'shifts.open', `shift:${s.id}`, `开班，备用金 ${yuan(FLOAT_FEN)}`);
        return s;
      });
      const today = visits.get(date) ?? [];
      let t = OPEN_AT;
      today.forEach((v, k) => {
        t = Math.max(t, OPEN_AT + Math.floor((k * DESK_SECONDS) / today.length));
        t = this.desk.serve(v, shifts[this.rng.int(0, shifts.length - 1)]!, date, t) + 1;
      });
      const countAt = Math.max(17 * 3600 + 1800, t + 60);
      const confirmations = shifts.map((s, k) => this.count(s, date, countAt + k * 60, countAt + 1200 + k * 60));
      for (const confirm of confirmations) confirm();
    });
  }

  /** Counts the shift; returns the supervisor's confirmation, done after every cashier has counted. */
  private count(s: Shift, date: string, countT: number, confirmT: number): () => void {
    const countedAt = instant(date, 0, 0, countT);
    const confirmedAt = instant(date, 0, 0, confirmT);
    const cash = s.totals.get('cash') ?? 0;
    const r = this.rng.next();
    const diff = cash < 1_000 ? 0 : r < 0.04 ? -this.rng.int(1, 10) * 100 : r < 0.06 ? this.rng.int(1, 10) * 100 : 0;
    let system = 0;
    let counted = 0;
    for (const m of METHODS) {
      const sys = (s.totals.get(m) ?? 0) + (m === 'cash' ? FLOAT_FEN : 0);
      const d = m === 'cash' ? diff : 0;
      const note = d < 0 ? SHORT_OVER_NOTES.short : d > 0 ? SHORT_OVER_NOTES.over : '';
      this.insCount(s.id, m, sys, sys + d, Math.max(0, d), Math.max(0, -d), note);
      system += sys;
      counted += sys + d;
    }
    this.toCounted.run(countedAt, s.id);
    const extra = diff === 0 ? '' : `，现金${diff < 0 ? '短款' : '长款'} ${yuan(Math.abs(diff))}`;
    this.w.audit(countedAt, s.cashierId, 'shifts.count', `shift:${s.id}`, `交班点钞：系统 ${yuan(system)}，实点 ${yuan(counted)}${extra}`);
    return () => {
      this.toConfirmed.run(confirmedAt, s.supervisorId, s.id);
      this.w.audit(confirmedAt, s.supervisorId, 'shifts.confirm', `shift:${s.id}`, `确认交班${extra}`);
    };
  }
}
