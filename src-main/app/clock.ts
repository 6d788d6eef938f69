import { businessDate, businessDateTime } from '../../src-shared/domain/businessTime';

/** The one source of "now" in the ledger, injectable so tests can fix today. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at the given instant until moved. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  if (Number.isNaN(t)) throw new RangeError(`invalid instant ${iso}`);
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface BusinessClock {
  readonly timeZone: string;
  now(): Date;
  /** ISO instant, stored in every timestamp column. */
  nowIso(): string;
  today(): string;
  localDateTime(): string;
}

export function businessClock(clock: Clock, timeZone: string): BusinessClock {
  return {
    timeZone,
    now: () => clock.now(),
    nowIso: () => clock.now().toISOString(),
    today: () => businessDate(clock.now(), timeZone),
    localDateTime: () => businessDateTime(clock.now(), timeZone),
  };
}
