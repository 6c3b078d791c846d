import { afterAll, describe, expect, it } from 'vitest';
import { formatDistanceStrict } from 'date-fns';
import { distanceStrict } from '@/lib/domain/distance';
import { below, random } from './random';

describe('distanceStrict', () => {
  afterAll(() => {
    process.env.TZ = 'UTC';
  });

  it('writes the largest whole unit in English', () => {
    const t = new Date(2026, 0, 10, 12).getTime();
    expect(distanceStrict(t, t)).toBe('0 seconds');
    expect(distanceStrict(t, t + 59_999)).toBe('59 seconds');
    expect(distanceStrict(t, t + 60_000)).toBe('1 minute');
    expect(distanceStrict(t + 3 * 3_600_000, t)).toBe('3 hours');
    expect(distanceStrict(t, t + 86_400_000)).toBe('1 day');
    expect(distanceStrict(t, t + 45 * 86_400_000)).toBe('1 month');
    expect(distanceStrict(t, t + 364 * 86_400_000)).toBe('1 year');
    expect(distanceStrict(0, 3 * 365 * 86_400_000)).toBe('3 years');
    expect(() => distanceStrict(Number.NaN, t)).toThrow(RangeError);
  });

  // the time zones of the world's DST rules: none, northern, southern, half-hour, and the Recife of 2000
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Adelaide', 'America/Recife', 'Asia/Kolkata'])(
    'says what date-fns says, floor-rounded, in %s',
    (tz) => {
      process.env.TZ = tz;
      // the zone did change (Node reads TZ again when it is set)
      const januaryOffset: Record<string, number> = { UTC: 0, 'Europe/Berlin': -60, 'America/New_York': 300, 'Australia/Adelaide': -630, 'America/Recife': 180, 'Asia/Kolkata': -330 };
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(januaryOffset[tz]);
      const next = random(tz.length * 7919);
      const spans = [1_000, 60_000, 3_600_000, 86_400_000, 30 * 86_400_000, 400 * 86_400_000, 4000 * 86_400_000];
      for (let i = 0; i < 3000; i++) {
        const a = new Date(1995, 0, 1).getTime() + below(next, 40 * 365) * 86_400_000 + below(next, 86_400_000);
        const b = a + (below(next, 2) ? 1 : -1) * below(next, spans[i % spans.length]);
        expect(distanceStrict(a, b)).toBe(formatDistanceStrict(a, b, { roundingMethod: 'floor' }));
      }
    },
  );
});
