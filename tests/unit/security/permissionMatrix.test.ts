import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type Approval, type CallName, type Result, type RoleCode } from '../../../src-shared/api';
import type { CallSpec } from '../../../src-shared/api/define';
import { TEST_PASSWORD } from '../support/users';
import { openCopy, permissionsOf, signedInLedger, snapshot } from './support/ledgerCopies';
import { prepareExample, type BaseLedger, type Prepared } from './support/preparedExample';

/**
 * Every contract call × every role (and no session), each on its own copy of a ledger where the
 * call's example has been prepared, so no earlier caller can have used the example up. Whether a
 * role may call is read from `role_permissions` and the contract, never restated here. A call the
 * contract marks `approvable` refuses a role without the permission with NEEDS_APPROVAL, and lets
 * it through when another role's user who has the permission types their password (RULES §10).
 */

const MATRIX_FILE = path.resolve(process.cwd(), 'test-results/permission-matrix.md');
const NOBODY = 'nobody';
type Caller = RoleCode | typeof NOBODY;

type Verdict = 'allowed' | 'approval' | 'denied';

interface Cell {
  verdict: Verdict;
  /** 'ok' or the error code the call answered with (with the approval, for 'approval'). */
  answer: string;
}

const MARK: Record<Verdict, string> = { allowed: '✓', approval: '◐', denied: '✗' };
const REFUSED_FOR_ACCESS = ['FORBIDDEN', 'NOT_LOGGED_IN', 'NEEDS_APPROVAL', 'APPROVAL_REFUSED', 'INTERNAL'];

const matrix = new Map<CallName, Map<Caller, Cell>>();
let base: BaseLedger;
let roles: RoleCode[];
let roleNames: Map<string, string>;
let permissions: Map<RoleCode, Set<string>>;

beforeAll(async () => {
  const ledger = await signedInLedger();
  roles = ledger.roles;
  permissions = new Map(roles.map((r) => [r, permissionsOf(ledger.app, r)]));
  roleNames = new Map(ledger.app.context.sqlite.prepare('SELECT code, name FROM roles').raw().all() as Array<[string, string]>);
  base = { bytes: snapshot(ledger.app), roles, sessions: ledger.sessions };
  ledger.app.close();
}, 60_000);

afterAll(() => {
  if (matrix.size === 0) return;
  const callers: Caller[] = [...roles, NOBODY];
  const rows = Object.fromEntries(
    [...matrix].map(([name, cells]) => [name, Object.fromEntries(callers.map((c) => [c, MARK[cells.get(c)?.verdict ?? 'denied']]))]),
  );
  console.table(rows);
  fs.mkdirSync(path.dirname(MATRIX_FILE), { recursive: true });
  fs.writeFileSync(MATRIX_FILE, markdown(callers));
});

function verdictFor(name: CallName, caller: Caller): Verdict {
  const spec: CallSpec = contract[name];
  if (spec.access === 'public') return 'allowed';
  if (caller === NOBODY) return 'denied';
  if (spec.access === 'session' || permissions.get(caller)!.has(spec.access)) return 'allowed';
  return spec.approvable === true ? 'approval' : 'denied';
}

/** Someone else whose role holds the permission, as signInAs created them. */
function approverFor(name: CallName, caller: RoleCode): Approval {
  const access: string = contract[name].access;
  const role = roles.find((r) => r !== caller && permissions.get(r)!.has(access));
  if (!role) throw new Error(`no role but ${caller} holds ${access}, so nobody can approve ${name}`);
  return { username: `${role}1`, password: TEST_PASSWORD };
}

async function callAs(
  prepared: Prepared,
  name: CallName,
  caller: Caller,
  approval?: Approval,
): Promise<{ answer: string; said: string; internal: unknown[] }> {
  const app = openCopy(prepared.bytes);
  try {
    const sessionId = caller === NOBODY ? undefined : prepared.sessions.get(caller);
    const result: Result<unknown> = await app.invoke({ call: name, input: structuredClone(prepared.input), sessionId, approval });
    const said = result.ok ? '' : `${result.error.code}「${result.error.message}」`;
    return { answer: result.ok ? 'ok' : result.error.code, said, internal: [...app.internalErrors] };
  } finally {
    app.close();
  }
}

async function check(name: CallName, prepared: Prepared, caller: Caller): Promise<Cell> {
  const verdict = verdictFor(name, caller);
  const who = `${name} as ${caller} (access ${contract[name].access})`;
  const alone = await callAs(prepared, name, caller);
  expect.soft(alone.internal, `${who}: internal error`).toEqual([]);
  if (verdict === 'allowed') {
    // A 'session' call lets its service decide finer rules (a cashier prints only their own shift's
    // report), so only the router's own refusals count against it.
    const refused = contract[name].access === 'session' ? ['NOT_LOGGED_IN', 'INTERNAL'] : REFUSED_FOR_ACCESS;
    expect.soft(refused, `${who} is allowed but answered ${alone.said}`).not.toContain(alone.answer);
    return { verdict, answer: alone.answer };
  }
  if (verdict === 'denied') {
    expect.soft(alone.answer, `${who} must be refused`).toBe(caller === NOBODY ? 'NOT_LOGGED_IN' : 'FORBIDDEN');
    return { verdict, answer: alone.answer };
  }
  expect.soft(alone.answer, `${who} must ask for a supervisor's approval`).toBe('NEEDS_APPROVAL');
  const approved = await callAs(prepared, name, caller, approverFor(name, caller as RoleCode));
  expect.soft(approved.internal, `${who} with approval: internal error`).toEqual([]);
  expect.soft(REFUSED_FOR_ACCESS, `${who} with approval answered ${approved.said}`).not.toContain(approved.answer);
  return { verdict, answer: approved.answer };
}

describe('permission matrix: every call × every role', () => {
  it('covers the five roles of RULES §10', () => {
    expect(roles).toEqual(expect.arrayContaining(['admin', 'supervisor', 'cashier', 'finance', 'auditor']));
  });

  it.each(callNames)('%s answers each role exactly as role_permissions says', async (name) => {
    const prepared = await prepareExample(name, base);
    const callers = [...roles, NOBODY] as Caller[];
    // Each caller has its own copy, so they run side by side (password checks use the thread pool).
    const cells = new Map<Caller, Cell>(await Promise.all(callers.map(async (caller) => [caller, await check(name, prepared, caller)] as const)));
    matrix.set(name, cells);
  });
});

function markdown(callers: Caller[]): string {
  const label = (c: Caller) => (c === NOBODY ? '未登录' : `${roleNames.get(c) ?? c} (${c})`);
  const count = (c: Caller, v: Verdict) => [...matrix.values()].filter((cells) => cells.get(c)?.verdict === v).length;
  const lines = [
    '# 权限矩阵 / Permission matrix',
    '',
    'Generated by tests/unit/security/permissionMatrix.test.ts from the contract and `role_permissions` of a fresh ledger, ' +
      'each cell checked by calling the call with a session of that role. ✓ = allowed; ◐ = refused with NEEDS_APPROVAL, ' +
      'allowed when a user holding the permission approves on the spot; ✗ = refused (FORBIDDEN, or NOT_LOGGED_IN without a session). ' +
      'A code in brackets is the business answer the example got (the permission check passed).',
    '',
    '| 角色 | ✓ allowed | ◐ with approval | ✗ refused |',
    '| --- | ---: | ---: | ---: |',
    ...callers.map((c) => `| ${label(c)} | ${count(c, 'allowed')} | ${count(c, 'approval')} | ${count(c, 'denied')} |`),
    '',
    `| call | access | ${callers.map(label).join(' | ')} |`,
    `| --- | --- | ${callers.map(() => ':---:').join(' | ')} |`,
  ];
  for (const [name, cells] of matrix) {
    const row = callers.map((c) => {
      const cell = cells.get(c);
      if (!cell) return '?';
      return cell.verdict === 'denied' || cell.answer === 'ok' ? MARK[cell.verdict] : `${MARK[cell.verdict]} (${cell.answer})`;
    });
    const spec: CallSpec = contract[name];
    lines.push(`| \`${name}\` | ${spec.access}${spec.approvable ? ' (approvable)' : ''} | ${row.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
