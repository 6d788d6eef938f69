import { expect } from 'vitest';
import type { CallName, RoleCode } from '../../../../src-shared/api';
import { contractExamples } from '../../../fixtures/contract';
import type { ExampleEnv } from '../../../fixtures/contract/types';
import { testApp } from '../../support/testApp';
import { signInAs } from '../../support/users';
import { openCopy, snapshot } from './ledgerCopies';

/** A signed-in base ledger as bytes, with its roles and their sessions. */
export interface BaseLedger {
  bytes: Buffer;
  roles: RoleCode[];
  sessions: Map<RoleCode, string>;
}

/** A call's example, prepared: the ledger it needs (as bytes), its input and the sessions in it. */
export interface Prepared {
  bytes: Buffer;
  input: unknown;
  sessions: Map<RoleCode, string>;
}

/**
 * The example prepared on a copy of the base ledger, or on an empty one when the example needs a
 * ledger nobody has set up yet (every role is then signed in after it ran).
 */
export async function prepareExample(name: CallName, base: BaseLedger): Promise<Prepared> {
  const example = contractExamples[name];
  const fresh = example.needsFreshLedger === true;
  const app = fresh ? testApp() : openCopy(base.bytes);
  const sessions = new Map(fresh ? [] : base.sessions);
  const sessionOf = async (role: RoleCode) => {
    if (!sessions.has(role)) sessions.set(role, await signInAs(app, role));
    return sessions.get(role)!;
  };
  try {
    const env: ExampleEnv = { app, sessionOf };
    const input = example.prepare ? await example.prepare(env) : (example.input ?? {});
    if (fresh) await Promise.all(base.roles.map(sessionOf));
    expect(app.internalErrors, `preparing the example of ${name}`).toEqual([]);
    return { bytes: snapshot(app), input, sessions };
  } finally {
    app.close();
  }
}
