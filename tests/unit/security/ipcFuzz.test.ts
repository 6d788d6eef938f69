import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, defaultMessages, type CallName, type InvokeRequest } from '../../../src-shared/api';
import { contractExamples } from '../../fixtures/contract';
import { ledgerChecksums } from './support/checksums';
import { breaksApprovalShape, brokenEnvelope, malformedApproval, malformedInput } from './support/malformed';
import { seededEstate, type SeededEstate } from './support/seededEstate';

/**
 * Malformed payloads for every call, sent as the Electron IPC delivers them (structured clone:
 * NaN, BigInt, Map survive) and as the browser bridge does (JSON), with each role's session, an
 * ended one, a forged one and none. Nothing may throw, nothing may be INTERNAL, every answer is a
 * Result, and afterwards the ledger is byte-for-byte what it was.
 */

const PAYLOADS_WANTED = 10_000;
const RUNS_PER_CALL = Math.ceil((PAYLOADS_WANTED * 1.05) / callNames.length);
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(defaultMessages));
const HAN = /\p{Script=Han}/u;

type Mode = 'ipc' | 'json';

let estate: SeededEstate;
let before: Record<string, string>;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const stats = {
  generated: 0,
  sent: 0,
  ipc: 0,
  json: 0,
  stillValid: 0,
  envelopes: 0,
  approvals: 0,
  longestMessage: 0,
  calls: new Set<string>(),
  codes: new Map<string, number>(),
};

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  estate = await seededEstate();
  before = ledgerChecksums(estate.app.context.sqlite);
}, 60_000);

afterAll(() => {
  process.off('unhandledRejection', onRejection);
  estate?.app.close();
});

/** Who is asking: a role's live session, a logged-out one, a made-up one, a wrongly typed one, or none. */
function callerSession(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...estate.sessions.values()) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, estate.endedSession, 'forged-session-id-0000000000000000', "' OR '1'='1") },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(123, null, {}, ['x'], 'x'.repeat(100_000)) },
  );
}

function viaBridge(envelope: unknown): unknown {
  try {
    const text = JSON.stringify(envelope);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined; // BigInt cannot be written as JSON, so no browser can send it
  }
}

/** What the router will parse: it reads a missing input as {}. */
function stillValid(name: CallName, input: unknown): boolean {
  try {
    return contract[name].input.safeParse(input ?? {}).success;
  } catch {
    return false; // a schema that throws is exactly what the router must survive; send it
  }
}

function expectResult(answer: unknown, label: string): void {
  expect(answer, label).toBeTypeOf('object');
  expect(answer, label).not.toBeNull();
  const result = answer as Record<string, unknown>;
  if (result.ok === true) {
    expect(Object.keys(result).sort(), label).toEqual(['ok', 'value']);
    return;
  }
  expect(result.ok, label).toBe(false);
  expect(Object.keys(result).sort(), label).toEqual(['error', 'ok']);
  const error = result.error as Record<string, unknown>;
  expect(Object.keys(error).sort(), label).toEqual(['code', 'message']);
  expect(ERROR_CODES.has(error.code as string), `${label}: unknown code ${String(error.code)}`).toBe(true);
  expect(error.code, label).not.toBe('INTERNAL');
  expect(typeof error.message === 'string' && HAN.test(error.message), `${label}: message ${String(error.message).slice(0, 80)}`).toBe(true);
  stats.longestMessage = Math.max(stats.longestMessage, (error.message as string).length);
  stats.codes.set(error.code as string, (stats.codes.get(error.code as string) ?? 0) + 1);
}

async function send(envelope: unknown, mode: Mode, label: string): Promise<Record<string, unknown>> {
  let answer: unknown;
  try {
    answer = await estate.app.invoke(envelope as InvokeRequest);
  } catch (error) {
    throw new Error(`invoke threw for ${label} (${mode}): ${String(error)}`);
  }
  stats.sent += 1;
  stats[mode] += 1;
  expectResult(answer, `${label} (${mode})`);
  expect(estate.app.internalErrors, label).toEqual([]);
  return answer as Record<string, unknown>;
}

describe('fuzzed IPC payloads', () => {
  it.each(callNames)('%s refuses malformed payloads cleanly', async (name) => {
    const arbitrary = fc.tuple(malformedInput(contract[name].input, contractExamples[name].input ?? {}), callerSession());
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([input, sessionId]) => {
        stats.generated += 1;
        const ipc = { call: name, input, sessionId };
        for (const [mode, envelope] of [['ipc', ipc], ['json', viaBridge(ipc)]] as Array<[Mode, { input?: unknown } | undefined]>) {
          if (envelope === undefined) continue;
          if (stillValid(name, envelope.input)) {
            stats.stillValid += 1;
            continue;
          }
          const answer = await send(envelope, mode, name);
          expect(answer.ok, `${name} accepted a payload its schema refuses`).toBe(false);
          stats.calls.add(name);
        }
      }),
      { numRuns: RUNS_PER_CALL },
    );
  });

  it('answers UNKNOWN_CALL to envelopes without a usable call name', async () => {
    await fc.assert(
      fc.asyncProperty(brokenEnvelope(callerSession()), async (envelope) => {
        for (const [mode, sent] of [['ipc', envelope], ['json', viaBridge(envelope)]] as Array<[Mode, unknown]>) {
          if (mode === 'json' && sent === undefined) continue;
          stats.envelopes += 1;
          const answer = await send(sent, mode, 'envelope');
          expect(answer, `envelope ${JSON.stringify(viaBridge(sent))?.slice(0, 120)}`).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a malformed supervisor approval riding on a valid input before anything runs', async () => {
    const valid = callNames.filter((n) => contract[n].access !== 'public' && contractExamples[n].input !== undefined && stillValid(n, contractExamples[n].input));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...valid), malformedApproval, callerSession(), async (name, approval, sessionId) => {
        const ipc = { call: name, input: contractExamples[name].input, sessionId, approval };
        for (const [mode, envelope] of [['ipc', ipc], ['json', viaBridge(ipc)]] as Array<[Mode, { approval?: unknown } | undefined]>) {
          if (envelope === undefined || !breaksApprovalShape(envelope.approval)) continue;
          stats.approvals += 1;
          const answer = await send(envelope, mode, `${name} with approval ${JSON.stringify(viaBridge(envelope.approval))?.slice(0, 80)}`);
          expect(answer.ok, `${name} ran with a malformed approval`).toBe(false);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('left every ledger table as it was, polluted no prototype and raised no unhandled rejection', async () => {
    console.table({
      payloads: { value: stats.generated },
      'answers checked': { value: stats.sent },
      'via IPC (structured clone)': { value: stats.ipc },
      'via bridge (JSON)': { value: stats.json },
      'still valid, not sent': { value: stats.stillValid },
      'broken envelopes': { value: stats.envelopes },
      'malformed approvals': { value: stats.approvals },
      'calls covered': { value: stats.calls.size },
      'longest error message (chars)': { value: stats.longestMessage },
      ...Object.fromEntries([...stats.codes].map(([code, n]) => [`→ ${code}`, { value: n }])),
    });
    expect(stats.generated).toBeGreaterThanOrEqual(PAYLOADS_WANTED);
    expect([...stats.calls].sort()).toEqual([...callNames].sort());
    expect(ledgerChecksums(estate.app.context.sqlite)).toEqual(before);
    expect(rejections).toEqual([]);
    expect(estate.app.internalErrors).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    for (const [role, sessionId] of estate.sessions) {
      expect(await estate.app.call('auth.me', {}, sessionId), `${role} is still signed in`).toMatchObject({ ok: true });
    }
  });
});
