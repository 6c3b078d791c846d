import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayWord, digestId, digestMessage, firstName, isReminderDay, isReminderId, keyAlertId, keyAlertText, localDateKey,
  nextDigestAt, sameLocalDay, type DigestEntry, type DigestInput,
} from '@/lib/domain/reminders';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { day, HOUR, MINUTE } from './clock';

// day(0) is Wednesday 1 January 2025: day(2) Friday, day(3) Saturday, day(4) Sunday, day(5) Monday
const week = { workingDays: [1, 2, 3, 4, 5], workingDaysOnly: true, digestTime: '08:30' };

describe('nextDigestAt', () => {
  it('is today when the time is still ahead, else the next working day', () => {
    expect(nextDigestAt(day(0, 7), week)).toBe(day(0, 8, 30));
    expect(nextDigestAt(day(0, 8, 29, 59, 999), week)).toBe(day(0, 8, 30));
    // strictly after: the moment it fires, the next one is tomorrow's
    expect(nextDigestAt(day(0, 8, 30), week)).toBe(day(1, 8, 30));
    expect(nextDigestAt(day(0, 9), week)).toBe(day(1, 8, 30));
    expect(nextDigestAt(day(0, 23, 59), week)).toBe(day(1, 8, 30));
  });

  it('skips the weekend: Friday after the time, Saturday and Sunday all give Monday', () => {
    expect(nextDigestAt(day(2, 7), week)).toBe(day(2, 8, 30));
    expect(nextDigestAt(day(2, 9), week)).toBe(day(5, 8, 30));
    expect(nextDigestAt(day(3, 7), week)).toBe(day(5, 8, 30));
    expect(nextDigestAt(day(4, 12), week)).toBe(day(5, 8, 30));
  });

  it('comes every day when the working week is turned off, or holds every day', () => {
    expect(nextDigestAt(day(2, 9), { ...week, workingDaysOnly: false })).toBe(day(3, 8, 30));
    expect(nextDigestAt(day(3, 9), { ...week, workingDays: [0, 1, 2, 3, 4, 5, 6] })).toBe(day(4, 8, 30));
  });

  it('follows a Sunday-to-Thursday week', () => {
    const sunThu = { ...week, workingDays: [0, 1, 2, 3, 4] };
    expect(nextDigestAt(day(1, 9), sunThu)).toBe(day(4, 8, 30)); // Thursday after the time -> Sunday
    expect(nextDigestAt(day(2, 7), sunThu)).toBe(day(4, 8, 30)); // Friday -> Sunday
    expect(nextDigestAt(day(3, 23), sunThu)).toBe(day(4, 8, 30)); // Saturday -> Sunday
    expect(nextDigestAt(day(4, 7), sunThu)).toBe(day(4, 8, 30)); // Sunday before the time -> today
  });

  it('a week of one day waits up to a week, the same weekday included', () => {
    const mondays = { ...week, workingDays: [1] };
    expect(nextDigestAt(day(5, 9), mondays)).toBe(day(12, 8, 30));
    expect(nextDigestAt(day(5, 8), mondays)).toBe(day(5, 8, 30));
  });

  it('takes the times at either end of the day, and falls back to 08:30 for a damaged one', () => {
    expect(nextDigestAt(day(0, 12), { ...week, digestTime: '00:00' })).toBe(day(1));
    expect(nextDigestAt(day(0, 12), { ...week, digestTime: '23:59' })).toBe(day(0, 23, 59));
    expect(nextDigestAt(day(0, 7), { ...week, digestTime: 'soon' })).toBe(day(0, 8, 30));
    expect(nextDigestAt(day(0, 7), { ...week, digestTime: '24:00' })).toBe(day(0, 8, 30));
  });

  it('uses the defaults of the settings as they are', () => {
    expect(nextDigestAt(day(2, 9), DEFAULT_SETTINGS)).toBe(day(5, 8, 30));
  });
});

// The suite runs in UTC; local days of 23 and 25 hours need a zone with DST.
describe.each([
  // zone, spring-forward Sunday (02:00 -> 03:00), autumn Sunday (03:00 -> 02:00), UTC offsets in summer/winter (hours)
  ['Europe/Berlin', [2025, 2, 30], [2025, 9, 26], 2, 1],
  ['America/New_York', [2025, 2, 9], [2025, 10, 2], -4, -5],
] as const)('nextDigestAt in %s, across DST', (zone, spring, autumn, summer, winter) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });
  const everyDay = { workingDays: [1, 2, 3, 4, 5], workingDaysOnly: false };

  it('the zone really changed', () => {
    const [y, m, d] = spring;
    expect(new Date(y, m, d + 1).getTime() - new Date(y, m, d).getTime()).toBe(23 * HOUR);
  });

  it('keeps the wall-clock time over a day of 23 and of 25 hours', () => {
    for (const [y, m, d] of [spring, autumn]) {
      const saturday = new Date(y, m, d - 1, 9).getTime();
      const at = nextDigestAt(saturday, { ...everyDay, digestTime: '08:30' });
      const local = new Date(at);
      expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual([d, 8, 30]);
      // and the Monday after, on a working week
      const monday = new Date(nextDigestAt(saturday, { ...everyDay, workingDaysOnly: true, digestTime: '08:30' }));
      expect([monday.getDay(), monday.getHours(), monday.getMinutes()]).toEqual([1, 8, 30]);
    }
  });

  it('a time in the skipped hour comes an hour later; a repeated one, the first time', () => {
    const [y, m, d] = spring;
    const skipped = nextDigestAt(new Date(y, m, d - 1, 9).getTime(), { ...everyDay, digestTime: '02:30' });
    // 02:30 does not exist that night: 03:30 summer time, which is 02:30 winter time
    expect(skipped).toBe(Date.UTC(y, m, d, 2 - winter, 30));
    expect(new Date(skipped).getHours()).toBe(3);
    const [ay, am, ad] = autumn;
    const repeated = nextDigestAt(new Date(ay, am, ad - 1, 9).getTime(), { ...everyDay, digestTime: '01:30' });
    expect(new Date(repeated).getHours()).toBe(1);
    // 01:30 happens twice in New York (01:00-02:00 is repeated); in Berlin 02:00-03:00 is
    const twice = nextDigestAt(new Date(ay, am, ad - 1, 9).getTime(), { ...everyDay, digestTime: zone === 'Europe/Berlin' ? '02:30' : '01:30' });
    expect(twice).toBe(Date.UTC(ay, am, ad, (zone === 'Europe/Berlin' ? 2 : 1) - summer, 30));
  });
});

describe('the reminder days and ids', () => {
  it('a reminder day is a working day, or any day with the week off', () => {
    expect(isReminderDay(day(2, 23), week)).toBe(true);
    expect(isReminderDay(day(3, 9), week)).toBe(false);
    expect(isReminderDay(day(4, 9), week)).toBe(false);
    expect(isReminderDay(day(4, 9), { ...week, workingDaysOnly: false })).toBe(true);
    expect(isReminderDay(day(4, 9), { ...week, workingDays: [0, 1, 2, 3, 4] })).toBe(true);
  });

  it('names a digest by its local date and an alert by its client and email', () => {
    expect(localDateKey(day(0, 23, 59))).toBe('2025-01-01');
    expect(digestId(day(0, 8, 30))).toBe('digest:2025-01-01');
    expect(digestId(day(0))).toBe(digestId(day(0, 23, 59, 59, 999)));
    expect(digestId(day(1))).toBe('digest:2025-01-02');
    expect(sameLocalDay(day(0), day(0, 23, 59))).toBe(true);
    expect(sameLocalDay(day(0, 23, 59), day(1))).toBe(false);
    expect(keyAlertId(7, 1735722000000)).toBe('key:7:1735722000000');
    expect(isReminderId('digest:2025-01-01')).toBe(true);
    expect(isReminderId('key:7:1')).toBe(true);
    expect(isReminderId('someone-else')).toBe(false);
  });
});

const entry = (name: string, amount = 1, keyAccount = false, label?: string): DigestEntry => ({
  client: { name, keyAccount },
  amount,
  ...(label ? { date: { label } } : {}),
});

function today(p: Partial<DigestInput> & { dueSoon?: number } = {}): DigestInput {
  const lateReplies = p.lateReplies ?? [];
  const overdue = p.overdue ?? [];
  const dates = p.dates ?? [];
  return {
    lateReplies,
    overdue,
    dates,
    totals: { lateReplies: lateReplies.length, overdue: overdue.length, dueSoon: p.dueSoon ?? 0, dates: dates.length },
  };
}

describe('digestMessage', () => {
  const wed = day(0, 8, 30);

  it('says the counts, the key accounts among the late and the overdue, and the nearest date', () => {
    const t = today({
      lateReplies: [entry('Lee Buyer', 60, true), entry('Ann A'), entry('Bo B')],
      overdue: [entry('Tom Okafor', 3, true), entry('Dana Client', 9, true), entry('C'), entry('D'), entry('E')],
      dueSoon: 2,
      dates: [entry('Priya Raman', 1, false, 'Birthday'), entry('Noah Kim', 4, false, 'Anniversary')],
    });
    expect(digestMessage(t, wed)).toBe(
      '3 late replies (1 key account), 5 overdue (2 key accounts), 2 due soon, Priya’s birthday tomorrow',
    );
  });

  it('says nothing at all when Today is empty (no notification)', () => {
    expect(digestMessage(today(), wed)).toBeNull();
    // a date further than a week is not this week's
    expect(digestMessage(today({ dates: [entry('Far Away', 9, false, 'Birthday')] }), wed)).toBeNull();
  });

  it('speaks in the singular for one, and names no key accounts when there are none', () => {
    expect(digestMessage(today({ lateReplies: [entry('Lee')] }), wed)).toBe('1 late reply');
    expect(digestMessage(today({ overdue: [entry('Hannah Weiss')] }), wed)).toBe('1 overdue');
    expect(digestMessage(today({ dueSoon: 1 }), wed)).toBe('1 due soon');
  });

  it('names the day: today, tomorrow, a weekday, next week’s weekday', () => {
    const on = (days: number) => digestMessage(today({ dates: [entry('Priya Raman', days, false, 'Birthday')] }), wed);
    expect(on(0)).toBe('Priya’s birthday today');
    expect(on(1)).toBe('Priya’s birthday tomorrow');
    expect(on(2)).toBe('Priya’s birthday on Friday');
    expect(on(4)).toBe('Priya’s birthday on Sunday');
    expect(on(6)).toBe('Priya’s birthday on Tuesday');
    expect(on(7)).toBe('Priya’s birthday next Wednesday');
    expect(dayWord(3, day(3, 10))).toBe('on Tuesday'); // from a Saturday
  });

  it('names every date of the nearest day, the others not', () => {
    const two = today({ dates: [entry('Tom Okafor', 3, false, 'Work anniversary'), entry('Priya Raman', 3, false, 'Birthday'), entry('Noah Kim', 5, false, 'Birthday')] });
    expect(digestMessage(two, wed)).toBe('Tom’s work anniversary and Priya’s birthday on Saturday');
    const four = today({
      dates: [entry('A One', 2, false, 'Birthday'), entry('B Two', 2, false, 'IPO day'), entry('C Three', 2, false, 'Birthday'), entry('D Four', 2, false, 'Birthday')],
    });
    expect(digestMessage(four, wed)).toBe('A’s birthday, B’s IPO day and 2 more on Friday');
  });

  it('goes by the totals for the counts (a section read with a limit still counts all)', () => {
    const t = today({ lateReplies: [entry('Lee', 50, true)] });
    t.totals.lateReplies = 12;
    expect(digestMessage(t, wed)).toBe('12 late replies (1 key account)');
  });

  it('takes a first name from a full one', () => {
    expect(firstName('Priya Raman')).toBe('Priya');
    expect(firstName('  Cher ')).toBe('Cher');
  });
});

describe('keyAlertText', () => {
  it('names the key account and how long it has waited, in working hours', () => {
    expect(keyAlertText([{ name: 'Dana Client', workingWaitMs: 24 * HOUR + 5 * MINUTE }], { workingDaysOnly: true })).toEqual({
      title: 'Touchbase: Dana Client is waiting',
      message: 'Dana Client, a key account, has waited 24 working hours for your answer.',
    });
    expect(keyAlertText([{ name: 'Dana', workingWaitMs: 30 * HOUR }], { workingDaysOnly: false }).message).toBe(
      'Dana, a key account, has waited 30 hours for your answer.',
    );
  });

  it('puts several that crossed at once into one', () => {
    const w = (name: string, h: number) => ({ name, workingWaitMs: h * HOUR });
    expect(keyAlertText([w('Dana', 30), w('Tom', 24)], { workingDaysOnly: true })).toEqual({
      title: 'Touchbase: 2 key accounts are waiting',
      message: 'Dana and Tom have waited 24 working hours or more for your answer.',
    });
    expect(keyAlertText([w('A', 40), w('B', 25), w('C', 26), w('D', 27)], { workingDaysOnly: true }).message).toBe(
      'A, B and 2 others have waited 25 working hours or more for your answer.',
    );
  });
});
