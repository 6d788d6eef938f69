import { describe, expect, it } from 'vitest';
import { businessClock, fixedClock } from '../../../src-main/app/clock';
import { businessDate, isValidTimeZone } from '../../../src-shared/domain/businessTime';

describe('business dates', () => {
  it('a payment at 07:30 in Shanghai belongs to the Shanghai day, whatever the machine zone', () => {
    const clock = businessClock(fixedClock('2024-03-31T23:30:00.000Z'), 'Asia/Shanghai');
    expect(clock.today()).toBe('2024-04-01');
    expect(clock.localDateTime()).toBe('2024-04-01 07:30:00');
  });

  it('the same instant is another day in another company zone', () => {
    expect(businessDate(new Date('2024-03-31T23:30:00.000Z'), 'Asia/Urumqi')).toBe('2024-04-01');
    expect(businessDate(new Date('2024-03-31T23:30:00.000Z'), 'Europe/London')).toBe('2024-04-01');
    expect(businessDate(new Date('2024-03-31T22:30:00.000Z'), 'Europe/London')).toBe('2024-03-31');
  });

  it('the fixed clock moves only when told', () => {
    const c = fixedClock('2024-01-01T00:00:00.000Z');
    c.advance(86_400_000);
    expect(c.now().toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('knows a time zone from a typo', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Asia/Shanghia')).toBe(false);
  });
});
