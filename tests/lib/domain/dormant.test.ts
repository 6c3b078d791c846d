import { describe, expect, it } from 'vitest';
import { dormantAt, dormantSnoozeEnd, isDormant } from '../../../lib/domain/dormant';
import { day } from './clock';

describe('dormant', () => {
  const S = { dormantMonths: 12 };
  it('flags a customer or client a year after their last sale', () => {
    const at = dormantAt({ stage: 'client', lastSaleAt: day(0, 12) }, S)!;
    expect(at).toBe(new Date(2026, 0, 1, 12).getTime());
    expect(isDormant({ dormantAt: at }, at)).toBe(false);
    expect(isDormant({ dormantAt: at }, at + 1)).toBe(true);
    expect(dormantAt({ stage: 'customer', lastSaleAt: day(0) }, { dormantMonths: 3 })).toBe(new Date(2025, 3, 1).getTime());
  });
  it('never flags a prospect, a former client or a client without a sale', () => {
    expect(dormantAt({ stage: 'prospect', lastSaleAt: day(0) }, S)).toBeUndefined();
    expect(dormantAt({ stage: 'former', lastSaleAt: day(0) }, S)).toBeUndefined();
    expect(dormantAt({ stage: 'client' }, S)).toBeUndefined();
    expect(isDormant({}, day(0))).toBe(false);
  });
  it('a snooze hides the flag for three months, then it comes back', () => {
    const until = dormantSnoozeEnd(day(400));
    expect(until).toBe(new Date(2026, 4, 5).getTime()); // day 400 is 5 February 2026
    expect(dormantAt({ stage: 'client', lastSaleAt: day(0), dormantSnoozedUntil: until }, S)).toBe(until);
    // a snooze that ended before the year was up changes nothing
    expect(dormantAt({ stage: 'client', lastSaleAt: day(0), dormantSnoozedUntil: day(30) }, S)).toBe(new Date(2026, 0, 1).getTime());
  });
});
