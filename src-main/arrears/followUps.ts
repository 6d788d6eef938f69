import type { CallInput, CallOutput } from '../../src-shared/api';
import type { FollowUpView } from '../../src-shared/api/calls/arrears';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

type AddInput = CallInput<'arrears.addFollowUp'>;

interface FollowUpRow {
  id: number;
  unit_id: number;
  method: FollowUpView['method'];
  outcome: FollowUpView['outcome'];
  promised_date: string | null;
  contact_date: string;
  note: string;
  outstanding_fen: number;
  created_by: number;
  created_by_name: string;
  created_at: string;
}

const SELECT = `SELECT f.*, u.display_name AS created_by_name FROM arrears_followups f JOIN users u ON u.id = f.created_by`;

function view(r: FollowUpRow): FollowUpView {
  return {
    id: r.id,
    unitId: r.unit_id,
    method: r.method,
    outcome: r.outcome,
    promisedDate: r.promised_date,
    contactDate: r.contact_date,
    note: r.note,
    outstandingFen: r.outstanding_fen,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** Overdue and unpaid on `asOf`: what the arrears list counts for the unit. */
function overdueOutstanding(app: AppContext, unitId: number, asOf: string): number {
  return app.sqlite
    .prepare(
      `SELECT COALESCE(SUM(outstanding_fen), 0) FROM bill_lines
       WHERE unit_id = ? AND status = 'posted' AND outstanding_fen > 0 AND due_date < ?`,
    )
    .pluck()
    .get(unitId, asOf) as number;
}

/** A record already made under this key: answered again, never recorded twice. */
export function followUpReplay(app: AppContext, userId: number, input: AddInput): (FollowUpView & { replayed: true }) | null {
  const prior = app.sqlite.prepare(`${SELECT} WHERE f.idempotency_key = ?`).get(input.idempotencyKey) as FollowUpRow | undefined;
  if (!prior) return null;
  if (prior.unit_id !== input.unitId || prior.created_by !== userId) {
    throw new AppFailure('CONFLICT', '该跟进请求编号已用于另一条记录，请重新打开跟进表单');
  }
  return { ...view(prior), replayed: true };
}

/** Must run inside the caller's write transaction. */
export function addFollowUp(app: AppContext, userId: number, input: AddInput): FollowUpView & { replayed: false } {
  const unit = app.sqlite.prepare('SELECT id FROM units WHERE id = ?').get(input.unitId);
  if (!unit) throw new AppFailure('NOT_FOUND', `房屋（编号 ${input.unitId}）不存在`);
  const today = app.clock.today();
  const contactDate = input.contactDate ?? today;
  if (contactDate > today) throw new AppFailure('INVALID_INPUT', '跟进日期不能晚于今天');
  const promisedDate = input.outcome === 'promised' ? (input.promisedDate ?? null) : null;
  if (promisedDate !== null && promisedDate < contactDate) throw new AppFailure('INVALID_INPUT', '承诺缴费日期不能早于跟进日期');
  const id = app.sqlite
    .prepare(
      `INSERT INTO arrears_followups (idempotency_key, unit_id, method, outcome, promised_date, contact_date, note, outstanding_fen, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.idempotencyKey,
      input.unitId,
      input.method,
      input.outcome,
      promisedDate,
      contactDate,
      input.note ?? '',
      overdueOutstanding(app, input.unitId, today),
      userId,
      app.clock.nowIso(),
    ).lastInsertRowid;
  const row = app.sqlite.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow;
  return { ...view(row), replayed: false };
}

export function followUpHistory(app: AppContext, unitId: number): CallOutput<'arrears.followUps'> {
  const unit = app.sqlite.prepare('SELECT code FROM units WHERE id = ?').pluck().get(unitId) as string | undefined;
  if (unit === undefined) throw new AppFailure('NOT_FOUND', `房屋（编号 ${unitId}）不存在`);
  const rows = app.sqlite.prepare(`${SELECT} WHERE f.unit_id = ? ORDER BY f.id DESC`).all(unitId) as FollowUpRow[];
  return { unitCode: unit, followUps: rows.map(view) };
}

export function latestFollowUps(app: AppContext, unitIds: number[]): CallOutput<'arrears.latestFollowUps'> {
  if (unitIds.length === 0) return { followUps: [] };
  const rows = app.sqlite
    .prepare(
      `${SELECT} WHERE f.id IN (
         SELECT MAX(id) FROM arrears_followups WHERE unit_id IN (SELECT value FROM json_each(?)) GROUP BY unit_id
       ) ORDER BY f.unit_id`,
    )
    .all(JSON.stringify(unitIds)) as FollowUpRow[];
  return { followUps: rows.map(view) };
}
