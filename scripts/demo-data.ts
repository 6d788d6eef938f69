/**
 * npm run demo-data -- --units 20000 --months 36 --out FILE [--seed N] [--end 2024-05] [--force]
 * Writes a complete training/benchmark ledger for 阳光物业服务有限公司 into FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations';
import { openDatabase } from '../src-main/db/connection';
import { migrate } from '../src-main/db/migrator';
import { generateDemoLedger, TRAINING_PASSWORD } from '../src-main/demo/generate';
import { yuan } from '../src-main/demo/model';
import { STAFF } from '../src-main/demo/vocabulary';

const USAGE = '用法：npm run demo-data -- --units 20000 --months 36 --out 文件 [--seed N] [--end 2024-05] [--force]';

function integer(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) throw new RangeError(`${name} 须为整数。${USAGE}`);
  return Number(text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      units: { type: 'string' },
      months: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string', default: '2024-05' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.out) throw new RangeError(`缺少 --out。${USAGE}`);
  const out = path.resolve(values.out);
  const options = { units: integer(values.units, '--units'), months: integer(values.months, '--months'), seed: integer(values.seed, '--seed', 20240501), end: values.end };
  const sidecars = [out, `${out}-wal`, `${out}-shm`, `${out}-journal`];
  if (fs.existsSync(out)) {
    if (!values.force) throw new Error(`${out} 已存在；确认覆盖请加 --force`);
    for (const f of sidecars) fs.rmSync(f, { force: true });
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });

  const started = process.hrtime.bigint();
  const elapsed = () => `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)}s`;
  const db = openDatabase(out);
  try {
    migrate(db, migrations);
    const s = await generateDemoLedger(db, { ...options, onProgress: (m) => console.log(`[${elapsed()}] ${m}`) });
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`\n完成：${out}（${(fs.statSync(out).size / 1048576).toFixed(1)} MB，用时 ${elapsed()}，账本日期 ${s.asOf}）`);
    console.log('\n各表行数：');
    for (const [table, n] of Object.entries(s.rows)) console.log(`  ${table.padEnd(18)} ${n.toLocaleString('en-US').padStart(12)}`);
    console.log(`\n应收合计 ${yuan(s.billedFen)} · 收款合计 ${yuan(s.receivedFen)} · 预存抵扣 ${yuan(s.offsetFen)} · 减免 ${yuan(s.waivedFen)} · 欠费余额 ${yuan(s.outstandingFen)}`);
    const pct = s.billedUnits > 0 ? ((s.arrearsUnits * 100) / s.billedUnits).toFixed(1) : '0.0';
    console.log(`欠费超过 3 个月的户数 ${s.arrearsUnits} / ${s.billedUnits}（${pct}%）`);
    console.log(`\n培训账号（密码均为 ${TRAINING_PASSWORD}）：${STAFF.map(([u, n]) => `${u}（${n}）`).join('、')}`);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
