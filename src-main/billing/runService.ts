import { formatYuan } from '../../src-shared/domain/money';
import { periodStarting } from '../../src-shared/domain/periods';
import type { AppContext } from '../app/context';
import { applyPrepaidOffsets } from '../accounts/prepaidOffsets';
import type { Parsed } from '../fees/feeItems';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { computeRunLines, type RunComputation } from './computeRunLines';
import { postLines } from './postLines';
import type { RunParams } from './runData';

const EXCEPTIONS_SHOWN = 500;

function runParams(app: AppContext, input: Parsed<'billing.commit'>): RunParams {
  if (input.buildingId !== undefined) {
    const b = app.sqlite.prepare('SELECT community_id FROM buildings WHERE id = ?').get(input.buildingId) as { community_id: number } | undefined;
    if (!b) throw new AppFailure('NOT_FOUND', '楼栋不存在');
    if (input.communityId !== undefined && b.community_id !== input.communityId) throw new AppFailure('INVALID_INPUT', '楼栋不属于所选小区');
  }
  if (input.communityId !== undefined && !app.sqlite.prepare('SELECT 1 FROM communities WHERE id = ?').get(input.communityId)) {
    throw new AppFailure('NOT_FOUND', '小区不存在');
  }
  for (const t of input.apportionTotals) {
    const item = app.sqlite.prepare('SELECT method, meter_kind FROM fee_items WHERE id = ?').get(t.feeItemId) as { method: string; meter_kind: string | null } | undefined;
    if (!item || item.method !== 'APPORTION' || item.meter_kind !== null) {
      throw new AppFailure('RULE_VIOLATION', '只有按录入金额分摊的公摊项目可以填写分摊总额');
    }
    // A community-wide total split over one building's units would overcharge them.
    if (t.communityId !== undefined && input.buildingId !== undefined) {
      throw new AppFailure('RULE_VIOLATION', '按小区分摊的总额不能只对一栋楼出账，请按小区出账');
    }
  }
  return {
    month: input.month,
    communityId: input.communityId,
    buildingId: input.buildingId,
    feeItemIds: input.feeItemIds,
    apportionTotals: input.apportionTotals,
  };
}

/** Totals per fee item and community: what a clerk checks before committing. */
function totalsByItem(app: AppContext, c: RunComputation) {
  const totals = new Map<string, { feeItemId: number; communityId: number; lineCount: number; totalFen: number }>();
  for (const l of c.lines) {
    const key = `${l.feeItemId}|${l.communityId}`;
    const t = totals.get(key) ?? { feeItemId: l.feeItemId, communityId: l.communityId, lineCount: 0, totalFen: 0 };
    t.lineCount += 1;
    t.totalFen += l.amountFen;
    totals.set(key, t);
  }
  const items = new Map((app.sqlite.prepare('SELECT id, name, priority FROM fee_items').all() as Array<{ id: number; name: string; priority: number }>).map((i) => [i.id, i]));
  const communities = new Map((app.sqlite.prepare('SELECT id, name FROM communities').all() as Array<{ id: number; name: string }>).map((c) => [c.id, c.name]));
  return [...totals.values()]
    .map((t) => ({ ...t, feeItemName: items.get(t.feeItemId)?.name ?? '', communityName: communities.get(t.communityId) ?? '' }))
    .sort((a, b) => a.communityId - b.communityId || (items.get(a.feeItemId)?.priority ?? 0) - (items.get(b.feeItemId)?.priority ?? 0) || a.feeItemId - b.feeItemId);
}

const sum = (c: RunComputation) => c.lines.reduce((s, l) => s + l.amountFen, 0);

function monthBounds(month: string) {
  const p = periodStarting(`${month}-01`, 1);
  return { periodStart: p.start, periodEnd: p.end };
}

export function previewRun(app: AppContext, input: Parsed<'billing.preview'>) {
  const c = computeRunLines(app, runParams(app, input));
  return {
    ...monthBounds(input.month),
    lineCount: c.lines.length,
    totalFen: sum(c),
    skippedCount: c.skipped,
    byItem: totalsByItem(app, c),
    exceptionCount: c.exceptions.length,
    exceptions: c.exceptions.slice(0, EXCEPTIONS_SHOWN),
    lines: c.lines.slice(input.sampleOffset, input.sampleOffset + input.sampleSize).map(({ communityId: _c, ...line }) => line),
  };
}

/**
 * 出账: recomputes inside the transaction (so nothing that changed since the preview slips in),
 * posts every new line, offsets prepaid balances, and records ONE audit entry with the totals.
 */
export function commitRun(ctx: CallContext, input: Parsed<'billing.commit'>) {
  const { app } = ctx;
  const userId = ctx.session!.userId;
  const audit = { entity: 'billing_run', summary: '' };
  return ctx.write(audit, () => {
    const params = runParams(app, input);
    const c = computeRunLines(app, params);
    const totalFen = sum(c);
    const byItem = totalsByItem(app, c);
    let runId: number | null = null;
    let offsets = { offsetCount: 0, totalFen: 0 };
    if (c.lines.length > 0) {
      const { periodStart, periodEnd } = monthBounds(input.month);
      const scope = { communityId: input.communityId ?? null, buildingId: input.buildingId ?? null, feeItemIds: input.feeItemIds ?? null, apportionTotals: input.apportionTotals };
      runId = Number(
        app.sqlite
          .prepare(
            `INSERT INTO billing_runs (period_start, period_end, scope_json, status, line_count, total_fen, created_by, created_at)
             VALUES (?, ?, ?, 'committed', ?, ?, ?, ?)`,
          )
          .run(periodStart, periodEnd, JSON.stringify(scope), c.lines.length, totalFen, userId, app.clock.nowIso()).lastInsertRowid,
      );
      postLines(app, c.lines, { runId, source: 'run', userId });
      // Only units that have a prepaid account can be offset; asking for the other 19,000 is wasted work.
      const withPrepaid = new Set((app.sqlite.prepare('SELECT DISTINCT unit_id FROM prepaid_accounts').raw().all() as Array<[number]>).map(([u]) => u));
      const unitIds = [...new Set(c.lines.map((l) => l.unitId))].filter((u) => withPrepaid.has(u));
      offsets = applyPrepaidOffsets(app, { unitIds, runId, userId });
      audit.entity = `billing_run:${runId}`;
    }
    audit.summary =
      `出账 ${input.month}：新增 ${c.lines.length} 条，合计 ${formatYuan(totalFen)}；已出账跳过 ${c.skipped} 条；异常 ${c.exceptions.length} 条；` +
      `预存抵扣 ${offsets.offsetCount} 户 ${formatYuan(offsets.totalFen)}` +
      (byItem.length > 0 ? `（${byItem.map((t) => `${t.communityName}${t.feeItemName} ${t.lineCount} 条 ${formatYuan(t.totalFen)}`).join('；')}）` : '');
    return {
      runId,
      lineCount: c.lines.length,
      totalFen,
      skippedCount: c.skipped,
      exceptionCount: c.exceptions.length,
      offsetCount: offsets.offsetCount,
      offsetFen: offsets.totalFen,
      byItem,
    };
  });
}

export function listRuns(app: AppContext, limit: number) {
  const rows = app.sqlite
    .prepare(
      `SELECT r.*, u.display_name AS created_by_name FROM billing_runs r LEFT JOIN users u ON u.id = r.created_by
       ORDER BY r.id DESC LIMIT ?`,
    )
    .all(limit) as Array<{
    id: number; period_start: string; period_end: string; scope_json: string; status: 'committed' | 'undone';
    line_count: number; total_fen: number; created_by_name: string | null; created_at: string; undo_reason: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    scope: r.scope_json,
    status: r.status,
    lineCount: r.line_count,
    totalFen: r.total_fen,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
    undoReason: r.undo_reason,
  }));
}
