import { beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../../src-shared/api';
import { contractExamples } from '../../fixtures/contract';
import { openCopy, signedInLedger, snapshot } from './support/ledgerCopies';
import { prepareExample, type BaseLedger } from './support/preparedExample';

/**
 * A date field whose schema only checks the pattern lets "2024-02-30" through to the service.
 * Every such field, found in the prepared contract examples, is sent with impossible calendar
 * dates on a copy of the ledger the example was prepared on: the call must refuse, not store or
 * report on a day that does not exist.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const IMPOSSIBLE_DAYS = ['2024-02-30', '2024-13-01', '2023-02-29', '2024-04-31', '2024-00-10'];
const IMPOSSIBLE_MONTHS = ['2024-13', '2024-00'];

type Key = string | number;

function dateFields(value: unknown, path: Key[] = []): Array<{ path: Key[]; impossible: string[] }> {
  if (typeof value === 'string') {
    if (DAY.test(value)) return [{ path, impossible: IMPOSSIBLE_DAYS }];
    if (MONTH.test(value)) return [{ path, impossible: IMPOSSIBLE_MONTHS }];
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => dateFields(v, [...path, Array.isArray(value) ? Number(k) : k]));
}

function withValue(input: unknown, path: Key[], value: string): unknown {
  const copy = structuredClone(input) as Record<Key, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<Key, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

let base: BaseLedger;

beforeAll(async () => {
  const ledger = await signedInLedger();
  base = { bytes: snapshot(ledger.app), roles: ledger.roles, sessions: ledger.sessions };
  ledger.app.close();
}, 60_000);

/** Calls whose example carries a date (a static input is enough to know; most have one). */
const dated = callNames.filter((n) => dateFields(contractExamples[n].input ?? {}).length > 0);

describe('impossible calendar dates', () => {
  it('finds the dated calls from the contract examples', () => {
    expect(dated.length).toBeGreaterThan(0);
  });

  it.each(dated)('%s refuses a day that does not exist', async (name: CallName) => {
    const prepared = await prepareExample(name, base);
    const role = contractExamples[name].role ?? 'admin';
    const sessionId = prepared.sessions.get(role);
    const attempts = dateFields(prepared.input)
      .flatMap((f) => f.impossible.map((bad) => ({ where: `${f.path.join('.')}=${bad}`, input: withValue(prepared.input, f.path, bad) })))
      .filter((a) => contract[name].input.safeParse(a.input).success);
    for (const attempt of attempts) {
      const app = openCopy(prepared.bytes);
      try {
        const result = await app.invoke({ call: name, input: attempt.input, sessionId });
        expect.soft(app.internalErrors, `${name} ${attempt.where}: internal error`).toEqual([]);
        expect.soft(result.ok, `${name} ${attempt.where} was accepted`).toBe(false);
      } finally {
        app.close();
      }
    }
  });
});
