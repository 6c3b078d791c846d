import { describe, expect, it } from 'vitest';
import { snoozeEnd, snoozeUntilDay } from '@/lib/domain/snooze';

const NOW = new Date(2026, 0, 30, 10, 0).getTime(); // Friday 30 January 2026

describe('snoozing', () => {
  it('lasts a day, a week or a calendar month from now', () => {
    expect(snoozeEnd('day', NOW)).toBe(new Date(2026, 0, 31, 10, 0).getTime());
    expect(snoozeEnd('week', NOW)).toBe(new Date(2026, 1, 6, 10, 0).getTime());
    // a month after 30 January is the last day of February
    expect(snoozeEnd('month', NOW)).toBe(new Date(2026, 1, 28, 10, 0).getTime());
  });
  it('lasts until the end of a picked day, today included, never a day gone', () => {
    expect(snoozeUntilDay('2026-02-14', NOW)).toBe(new Date(2026, 1, 14, 23, 59, 59, 999).getTime());
    expect(snoozeUntilDay('2026-01-30', NOW)).toBe(new Date(2026, 0, 30, 23, 59, 59, 999).getTime());
    expect(() => snoozeUntilDay('2026-01-29', NOW)).toThrow(/from today on/);
    expect(() => snoozeUntilDay('2026-02-30', NOW)).toThrow(/not a date/);
    expect(() => snoozeUntilDay('<b>soon</b>', NOW)).toThrow(/not a date/);
  });
});
