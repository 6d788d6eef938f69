import { formatYuan } from '../../src-shared/domain/money';
import { returnOffsetsForLines } from '../accounts/prepaidOffsets';
import type { Parsed } from '../fees/feeItems';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';

/**
 * What stands in the way of undoing a run: money or relief applied to its lines by anything but
 * the run's own prepaid offsets (those are simply returned). Voided or reversed allocations no
 * longer count: they have already been reopened.
 */
const TOUCHED_SQL = `
  SELECT
    (SELECT COUNT(*) FROM allocations a JOIN bill_lines bl ON bl.id = a.line_id
      WHERE bl.run_id = @run AND a.status = 'live'
        AND (a.payment_id IS NOT NULL OR a.offset_id NOT IN (SELECT id FROM prepaid_offsets WHERE run_id = @run))) AS paid,
    (SELECT COUNT(*) FROM waivers w JOIN bill_lines bl ON bl.id = w.line_id
      WHERE bl.run_id = @run AND w.status IN ('requested', 'live')) AS waived,
    (SELECT COUNT(*) FROM adjustments j JOIN bill_lines bl ON bl.id = j.line_id
      WHERE bl.run_id = @run AND j.status IN ('requested', 'approved')) AS adjusted,
    (SELECT COUNT(*) FROM bill_lines lf JOIN bill_lines bl ON bl.id = lf.parent_line_id
      WHERE bl.run_id = @run AND lf.status = 'posted') AS late_fees`;

export function undoRun(ctx: CallContext, input: Parsed<'billing.undo'>) {
  const { app } = ctx;
  const userId = ctx.session!.userId;
  const audit = { entity: `billing_run:${input.runId}`, summary: '' };
  return ctx.write(audit, () => {
    const run = app.sqlite.prepare('SELECT status, period_start FROM billing_runs WHERE id = ?').get(input.runId) as
      | { status: string; period_start: string }
      | undefined;
    if (!run) throw new AppFailure('NOT_FOUND', '出账批次不存在');
    if (run.status !== 'committed') throw new AppFailure('INVALID_STATE', '该出账批次已经撤销过了');
    const t = app.sqlite.prepare(TOUCHED_SQL).get({ run: input.runId }) as { paid: number; waived: number; adjusted: number; late_fees: number };
    const reasons = [
      t.paid > 0 ? `${t.paid} 笔收款或抵扣` : '',
      t.waived > 0 ? `${t.waived} 笔减免` : '',
      t.adjusted > 0 ? `${t.adjusted} 笔调账` : '',
      t.late_fees > 0 ? `${t.late_fees} 笔违约金` : '',
    ].filter(Boolean);
    if (reasons.length > 0) {
      throw new AppFailure('INVALID_STATE', `该批次的账单已有${reasons.join('、')}，不能撤销；请先作废相关收款或撤销减免、调账`);
    }
    const lines = app.sqlite
      .prepare(`SELECT id, amount_fen FROM bill_lines WHERE run_id = ? AND status = 'posted'`)
      .all(input.runId) as Array<{ id: number; amount_fen: number }>;
    const returnedOffsetFen = returnOffsetsForLines(app, lines.map((l) => l.id));
    const now = app.clock.nowIso();
    app.sqlite
      .prepare(
        `INSERT INTO bill_cancellations (line_id, run_id, reason, cancelled_by, cancelled_at)
         SELECT id, run_id, ?, ?, ? FROM bill_lines WHERE run_id = ? AND status = 'posted'`,
      )
      .run(input.reason, userId, now, input.runId);
    app.sqlite.prepare(`UPDATE bill_lines SET status = 'cancelled' WHERE run_id = ? AND status = 'posted'`).run(input.runId);
    app.sqlite
      .prepare(`UPDATE billing_runs SET status = 'undone', undone_by = ?, undone_at = ?, undo_reason = ? WHERE id = ?`)
      .run(userId, now, input.reason, input.runId);
    const cancelledFen = lines.reduce((s, l) => s + l.amount_fen, 0);
    audit.summary =
      `撤销出账批次 ${input.runId}（${run.period_start.slice(0, 7)}）：作废 ${lines.length} 条，合计 ${formatYuan(cancelledFen)}，` +
      `退回预存抵扣 ${formatYuan(returnedOffsetFen)}；原因：${input.reason}`;
    return { runId: input.runId, cancelledCount: lines.length, cancelledFen, returnedOffsetFen };
  });
}
