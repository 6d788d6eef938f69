import fs from 'node:fs';
import path from 'node:path';
import { migrations } from '../../migrations';
import { fixedClock } from '../../src-main/app/clock';
import { createApp, DB_FILE_NAME, type FeeDeskApp } from '../../src-main/app/createApp';
import { openDatabase } from '../../src-main/db/connection';
import { latestVersion, migrate, schemaVersion } from '../../src-main/db/migrator';
import { generateDemoLedger, TRAINING_PASSWORD } from '../../src-main/demo/generate';
import { msSince } from './stats';

export const CACHE_DIR = path.resolve(import.meta.dirname, '.cache');

export interface DatasetOptions {
  units: number;
  months: number;
  /** Last month the demo ledger billed; the benchmark bills the month after it. */
  end: string;
  seed: number;
}

/** 10:00 Shanghai on the 6th of the month after the ledger's last one: a working morning at the desk. */
export function benchNow(end: string): { month: string; iso: string } {
  const [y, m] = end.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { month: next, iso: `${next}-06T02:00:00.000Z` };
}

export function cacheFile(o: DatasetOptions): string {
  return path.join(CACHE_DIR, `demo-u${o.units}-m${o.months}-e${o.end}-s${o.seed}.sqlite`);
}

/**
 * The cached demo ledger for these options, generated (minutes at 20,000 units) when missing or
 * when `fresh`. Written under a temporary name and renamed when complete, so an interrupted
 * generation is never mistaken for a finished one. Checkpointed: the file alone is the ledger.
 */
export async function ensureDataset(o: DatasetOptions, fresh: boolean, log: (m: string) => void): Promise<{ file: string; generatedMs: number | null }> {
  const file = cacheFile(o);
  if (fs.existsSync(file) && !fresh) {
    log(`使用缓存数据集 ${path.relative(process.cwd(), file)}（${(fs.statSync(file).size / 1048576).toFixed(0)} MB）`);
    upgradeCached(file, log);
    return { file, generatedMs: null };
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.partial`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  log(`生成数据集：${o.units} 户 × ${o.months} 个月，截至 ${o.end}（需要几分钟）`);
  const started = process.hrtime.bigint();
  const db = openDatabase(tmp);
  try {
    migrate(db, migrations);
    await generateDemoLedger(db, { ...o, onProgress: (m) => log(`  [${(msSince(started) / 1000).toFixed(0)}s] ${m}`) });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.renameSync(tmp, file);
  return { file, generatedMs: msSince(started) };
}

/**
 * A dataset cached before a newer migration was added is brought up to the app's schema once, in
 * place (no backup: the cache can be regenerated), so no copy pays for migrating on open.
 */
function upgradeCached(file: string, log: (m: string) => void): void {
  const db = openDatabase(file);
  try {
    if (schemaVersion(db) >= latestVersion(migrations)) return;
    const r = migrate(db, migrations);
    log(`  缓存数据集升级到架构版本 ${r.to}（${r.applied.join(', ')}）`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** A private copy of the cached ledger in its own data folder, as the app expects to find it. */
export class WorkCopy {
  readonly dataDir: string;

  constructor(source: string, name: string) {
    this.dataDir = path.join(CACHE_DIR, 'work', name);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.mkdirSync(this.dataDir, { recursive: true });
    fs.copyFileSync(source, path.join(this.dataDir, DB_FILE_NAME));
  }

  remove(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The app on a copy, as the desk runs it (WAL, synchronous=FULL, production router), clock fixed. */
export function openBenchApp(copy: WorkCopy, nowIso: string): FeeDeskApp & { clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(nowIso);
  const app = createApp({
    dataDir: copy.dataDir,
    clock,
    router: { onInternalError: (call, error) => console.error(`[${call}]`, error) },
  });
  return { ...app, clock };
}

/** Signs a demo account in through the router; the demo's training password is shared by all. */
export async function login(app: FeeDeskApp, username: string): Promise<string> {
  const r = await app.invoke({ call: 'auth.login', input: { username, password: TRAINING_PASSWORD } });
  if (!r.ok) throw new Error(`登录 ${username} 失败：${r.error.code} ${r.error.message}`);
  return (r.value as { sessionId: string }).sessionId;
}

/** Unwraps a router answer, failing the benchmark loudly on a refusal. */
export async function must<T>(app: FeeDeskApp, call: string, input: unknown, sessionId: string): Promise<T> {
  const r = await app.invoke({ call, input, sessionId });
  if (!r.ok) throw new Error(`${call} 被拒绝：${r.error.code} ${r.error.message}`);
  return r.value as T;
}
