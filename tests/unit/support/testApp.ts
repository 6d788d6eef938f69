import { createApp, type FeeDeskApp } from '../../../src-main/app/createApp';
import { fixedClock } from '../../../src-main/app/clock';
import { setSetting } from '../../../src-main/system/settings';
import type { CallInput, CallName, CallOutput, Result } from '../../../src-shared/api';

export const ADMIN = { username: 'admin', password: 'Desk2024ok', displayName: '王管理' };

export interface TestApp extends FeeDeskApp {
  clock: ReturnType<typeof fixedClock>;
  internalErrors: unknown[];
  call<N extends CallName>(name: N, input: CallInput<N>, sessionId?: string): Promise<Result<CallOutput<N>>>;
  /** Calls and unwraps, failing the test with the error's code and message if it was refused. */
  must<N extends CallName>(name: N, input: CallInput<N>, sessionId?: string): Promise<CallOutput<N>>;
}

/**
 * A real ledger on a real SQLite database (in memory unless a folder is given), clock fixed.
 * Tests move the fixed clock by hours or days while keeping one session, which the 10-minute idle
 * lock would stop; so the idle lock is set to a year unless a test asks for the real default.
 */
export function testApp(options: { dataDir?: string; now?: string; realIdleLock?: boolean } = {}): TestApp {
  const clock = fixedClock(options.now ?? '2024-05-15T02:00:00.000Z');
  const internalErrors: unknown[] = [];
  const app = createApp({
    dataDir: options.dataDir ?? ':memory:',
    clock,
    router: { checkOutputs: true, onInternalError: (_call, error) => internalErrors.push(error) },
  });
  if (!options.realIdleLock) app.context.sqlite.transaction(() => setSetting(app.context, 'idleLockMinutes', 365 * 24 * 60))();
  const call = async <N extends CallName>(name: N, input: CallInput<N>, sessionId?: string) =>
    (await app.invoke({ call: name, input, sessionId })) as Result<CallOutput<N>>;
  return {
    ...app,
    clock,
    internalErrors,
    call,
    async must(name, input, sessionId) {
      const r = await call(name, input, sessionId);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

export async function setupAdmin(app: TestApp): Promise<string> {
  const info = await app.must('auth.setup', {
    companyName: '阳光物业服务有限公司',
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
  return info.sessionId;
}
