import { businessDateTime } from '../../src-shared/domain/businessTime';
import { isValidIsoDate } from '../../src-shared/domain/dates';

/**
 * The instant at which a wall clock in the company's zone showed the given date and time, e.g. a
 * paper receipt's '2024-05-14' '16:30' in Shanghai → 2024-05-14T08:30:00.000Z. Found by
 * correcting a UTC guess with the zone's offset, twice so a DST edge (where zones have one) settles.
 */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  if (!isValidIsoDate(date)) throw new RangeError(`invalid date ${date}`);
  const wanted = wallClockMs(`${date} ${time.length === 5 ? `${time}:00` : time}`);
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - wallClockMs(businessDateTime(new Date(guess), timeZone));
  return new Date(guess);
}

/** 'YYYY-MM-DD HH:mm:ss' read as if it were UTC, to compare wall clocks as numbers. */
function wallClockMs(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}
