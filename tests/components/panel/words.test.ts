import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { dayOfMonth, exactDate, localDay, monthYear, shortDate } from '@/components/panel/words';

describe('dates in the panel', () => {
  // the hand-written forms say what date-fns' patterns said, on every month and weekday
  const moments = Array.from({ length: 40 }, (_, i) => new Date(2026, i % 12, 1 + ((i * 7) % 28), (i * 5) % 24, (i * 13) % 60).getTime());
  it.each(moments)('%i reads as date-fns would write it', (at) => {
    expect(exactDate(at)).toBe(format(at, 'EEE d MMM yyyy, HH:mm'));
    expect(shortDate(at)).toBe(format(at, 'd MMM'));
    expect(monthYear(at)).toBe(format(at, 'MMMM yyyy'));
    expect(localDay(at)).toBe(format(at, 'yyyy-MM-dd'));
  });
  it('names a day of a month, 29 February included', () => {
    expect(dayOfMonth(2, 29)).toBe('29 February');
    expect(dayOfMonth(12, 1)).toBe('1 December');
  });
});
