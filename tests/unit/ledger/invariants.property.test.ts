import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestApp } from '../support/testApp';
import { buildLedgerImage, inFreshLedger, openImage, type Estate } from './model/ledgerImage';
import { operationArb, runSequence } from './model/operations';
import { openWorld } from './model/world';

/**
 * Issue 3 item 9: the ledger's invariants hold after every operation of 1,000 random sequences
 * of desk and back-office work — bill, pay in full / in part / over, void, reverse after the day
 * close, waive, adjust, deposit to prepaid, offsets (at the desk and by new billing runs),
 * refunds, deposits settled, shifts counted and confirmed, runs undone, paying ahead, days
 * passing (late fees) — every call through the real router with cashier and supervisor
 * sessions, every sequence from the same freshly billed estate. The identities are in
 * model/ledgerChecks.ts; what every single call is held to (a refusal changes nothing, never
 * INTERNAL, one audit entry per write) is in model/world.ts.
 */

let app: TestApp;
let estate: Estate;
beforeAll(async () => {
  const image = await buildLedgerImage();
  app = openImage(image);
  estate = image.estate;
}, 60_000);
afterAll(() => app?.close());

describe('ledger invariants over random operation sequences', () => {
  it('hold after every operation, and no refusal changes anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 3, maxLength: 25 }), (ops) =>
        inFreshLedger(app, () => runSequence(openWorld(app, estate), ops)),
      ),
      { numRuns: 1000 },
    );
  }, 240_000);
});
