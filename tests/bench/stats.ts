import os from 'node:os';

/** Milliseconds since `start`, from the monotonic high-resolution clock. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: msSince(start), value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: msSince(start), value };
}

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** The same percentiles of this process's CPU time: what the work costs without the waits of a loaded machine. */
  cpuP50: number;
  cpuP95: number;
}

/** Wall-clock and CPU time of each sample. */
export class Samples {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];

  start(): () => number {
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    return () => {
      const used = process.cpuUsage(cpu);
      const t = msSince(wall);
      this.wall.push(t);
      this.cpu.push((used.user + used.system) / 1000);
      return t;
    };
  }

  run<T>(fn: () => T): T {
    const done = this.start();
    const value = fn();
    done();
    return value;
  }

  summary(): Distribution {
    const wall = [...this.wall].sort((a, b) => a - b);
    const cpu = [...this.cpu].sort((a, b) => a - b);
    return {
      n: wall.length,
      p50: percentile(wall, 50),
      p95: percentile(wall, 95),
      max: wall[wall.length - 1] ?? Number.NaN,
      cpuP50: percentile(cpu, 50),
      cpuP95: percentile(cpu, 95),
    };
  }
}

/** Nearest-rank percentile: the value below which `p` % of the samples fall. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A small deterministic generator, so every run draws the same units and queries. */
export class BenchRng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  next(): number {
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuCount: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load: () => os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}
