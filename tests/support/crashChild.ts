import fs from 'node:fs';
import { openLedger } from '../../src-main/app/openLedger';
import { collectPayment } from '../../src-main/collection/collectService';
import { openLineBalances } from '../../src-main/ledger/outstanding';
import { writeAudited } from '../../src-main/ipc/router';

/**
 * Posts desk payments the way the `collection.collect` handler does (the service and its audit
 * entry in one transaction) as fast as it can until it is killed. After each commit it writes
 * `C <idempotency key>` to stdout synchronously, so the parent only hears of committed payments.
 * It loads the ledger without the router to start fast: the test runs hundreds of rounds.
 */
const [dataDir, cashierId, unitId, tag] = process.argv.slice(2);
const ledger = openLedger({ dataDir: dataDir! });
fs.writeSync(1, 'READY\n');
for (let i = 0; ; i++) {
  const idempotencyKey = `crash-${tag}-${i}`;
  try {
    writeAudited(ledger.context, { call: 'collection.collect', userId: Number(cashierId) }, { entity: `unit:${unitId}`, summary: idempotencyKey }, () =>
      collectPayment(ledger.context, Number(cashierId), {
        idempotencyKey,
        unitId: Number(unitId),
        payerName: '压力测试',
        lineIds: openLineBalances(ledger.context, Number(unitId)).slice(0, 2).map((l) => l.id),
        tenders: [
          { method: 'cash', amountFen: 1000 },
          { method: 'wechat', amountFen: 234, reference: `WX${tag}${i}` },
        ],
        cashGivenFen: 1000,
        overpayTo: 'prepaid',
      }),
    );
  } catch (error) {
    fs.writeSync(1, `E ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  }
  fs.writeSync(1, `C ${idempotencyKey}\n`);
}
