import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKING_WEEK,
  addWorkingMs,
  earliestStartWithin,
  isWorkingDay,
  workingMsBetween,
  workingWeekOf,
  type WorkingWeek,
} from '../../../lib/domain/working-time';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { DAY, HOUR, MINUTE, day } from './clock';
import { random } from './random';

// The calendar of ./clock: day 0 is Wednesday 1 January 2025, so day 2 is a Friday, days 3
// and 4 the weekend, day 5 a Monday, day 6 a Tuesday, day 7 a Wednesday.
const MON_FRI = DEFAULT_WORKING_WEEK;
const SUN_THU: WorkingWeek = { days: [0, 1, 2, 3, 4], enabled: true };
const WEDNESDAYS: WorkingWeek = { days: [3], enabled: true };
const OFF: WorkingWeek = { days: [1, 2, 3, 4, 5], enabled: false };

/**
 * The reference: walks every local calendar day, its bounds made with the plain Date
 * constructor (not date-fns, which the code uses), and adds the part of it inside the
 * span when its weekday works. Slow and obviously right.
 */
function reference(from: number, to: number, week: WorkingWeek): number {
  const valid = week.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  if (!week.enabled || valid.length === 0) return Math.max(0, to - from);
  if (to <= from) return 0;
  const f = new Date(from);
  let total = 0;
  for (let i = 0; ; i++) {
    const s = new Date(f.getFullYear(), f.getMonth(), f.getDate() + i).getTime();
    if (s >= to) return total;
    const e = new Date(f.getFullYear(), f.getMonth(), f.getDate() + i + 1).getTime();
    if (valid.includes(new Date(s).getDay())) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
  }
}

/**
 * A moment likely to sit on an edge: a day start, one ms either side of it, a whole hour,
 * or anywhere, within `spanDays` days after `base` (weekends included).
 */
function edgyMoment(rnd: () => number, base: Date, spanDays: number): number {
  const d = Math.floor(rnd() * spanDays);
  const start = new Date(base.getFullYear(), base.getMonth(), base.getDate() + d).getTime();
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return start;
    case 1:
      return start - 1;
    case 2:
      return start + 1;
    case 3:
      return new Date(base.getFullYear(), base.getMonth(), base.getDate() + d, Math.floor(rnd() * 24)).getTime();
    default:
      return start + Math.floor(rnd() * DAY);
  }
}

/** A threshold likely to sit on an edge: 0, whole days or hours, or anything. */
function edgyMs(rnd: () => number): number {
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return 0;
    case 1:
      return Math.floor(rnd() * 6) * DAY;
    case 2:
      return Math.floor(rnd() * 100) * HOUR;
    default:
      return Math.floor(rnd() * 5 * DAY);
  }
}

const WEEKS: [string, WorkingWeek][] = [
  ['Monday-Friday', MON_FRI],
  ['Sunday-Thursday', SUN_THU],
  ['Wednesdays only', WEDNESDAYS],
  ['Saturday and Sunday only', { days: [6, 0], enabled: true }],
  ['turned off', OFF],
];

/** The three properties every week and zone must keep, on `cases` random cases. */
function checkProperties(seed: number, base: Date, spanDays: number, cases: number) {
  const rnd = random(seed);
  let plateaus = 0;
  for (let i = 0; i < cases; i++) {
    const [, week] = WEEKS[i % WEEKS.length];
    const a = edgyMoment(rnd, base, spanDays);
    const b = edgyMoment(rnd, base, spanDays);
    const ms = edgyMs(rnd);
    const tag = JSON.stringify({ a: new Date(a).toString(), b: new Date(b).toString(), ms, week });

    // workingMsBetween against the day-by-day reference
    expect(workingMsBetween(a, b, week), tag).toBe(reference(a, b, week));

    // addWorkingMs: the first moment with that much working time
    const t = addWorkingMs(a, ms, week);
    expect(workingMsBetween(a, t, week), tag).toBe(ms);
    if (ms > 0) expect(workingMsBetween(a, t - 1, week), tag).toBe(ms - 1);

    // the cutoff: since < cutoff exactly when more than ms of working time has passed
    const now = b;
    const cutoff = earliestStartWithin(now, ms, week);
    for (const since of [cutoff - 1, cutoff, cutoff + 1, a, a - 1, a + 1, now - ms, now - ms - 1]) {
      const w = workingMsBetween(since, now, week);
      expect(since < cutoff, `${tag} since=${new Date(since).toString()} w=${w}`).toBe(w > ms);
      if (w === ms && since > cutoff) plateaus++;
    }
    expect(workingMsBetween(cutoff, now, week), tag).toBe(ms);
  }
  return plateaus;
}

describe('workingWeekOf and the default', () => {
  it('is Monday to Friday, turned on, and follows the settings', () => {
    expect(DEFAULT_WORKING_WEEK).toEqual({ days: [1, 2, 3, 4, 5], enabled: true });
    expect(workingWeekOf(DEFAULT_SETTINGS)).toEqual(DEFAULT_WORKING_WEEK);
    expect(workingWeekOf({ workingDays: [0, 1, 2, 3, 4], workingDaysOnly: false })).toEqual({ days: [0, 1, 2, 3, 4], enabled: false });
  });

  it('the calendar of these tests: day 2 is a Friday, day 5 a Monday', () => {
    expect(new Date(day(2)).getDay()).toBe(5);
    expect(new Date(day(5)).getDay()).toBe(1);
  });
});

describe('an email on Friday at 17:00 (Monday to Friday)', () => {
  const friday = day(2, 17);
  const monday = day(5);
  const tuesday = day(6);

  it('counts 7 h on Friday, nothing over the weekend', () => {
    expect(workingMsBetween(friday, day(3), MON_FRI)).toBe(7 * HOUR);
    expect(workingMsBetween(friday, day(4, 12), MON_FRI)).toBe(7 * HOUR);
    expect(workingMsBetween(friday, monday, MON_FRI)).toBe(7 * HOUR);
    expect(workingMsBetween(friday, monday + 1, MON_FRI)).toBe(7 * HOUR + 1);
  });

  it('is on time until Monday 17:00 (24 working hours), due from then', () => {
    expect(workingMsBetween(friday, day(5, 17) - 1, MON_FRI)).toBe(24 * HOUR - 1);
    expect(workingMsBetween(friday, day(5, 17), MON_FRI)).toBe(24 * HOUR);
    expect(addWorkingMs(friday, 24 * HOUR, MON_FRI)).toBe(day(5, 17));
  });

  it('is late after Tuesday 17:00 (48 working hours): still due at 17:00 itself', () => {
    expect(workingMsBetween(friday, day(6, 17), MON_FRI)).toBe(48 * HOUR);
    expect(workingMsBetween(friday, day(6, 17) + 1, MON_FRI)).toBe(48 * HOUR + 1);
    expect(addWorkingMs(friday, 48 * HOUR, MON_FRI)).toBe(day(6, 17));
    expect(addWorkingMs(friday, 48 * HOUR + 1, MON_FRI)).toBe(day(6, 17) + 1);
  });

  it('the cutoff at Tuesday 17:00 is Friday 17:00 itself (not late), one ms later it passes it', () => {
    expect(earliestStartWithin(day(6, 17), 48 * HOUR, MON_FRI)).toBe(friday);
    expect(earliestStartWithin(day(6, 17) + 1, 48 * HOUR, MON_FRI)).toBe(friday + 1);
    expect(earliestStartWithin(day(5, 17), 24 * HOUR, MON_FRI)).toBe(friday);
  });

  it('a day ending a working stretch: exactly used up at Friday 24:00, the first moment is Friday 24:00', () => {
    // 7 h from Friday 17:00 is Saturday 00:00, not Monday 00:00
    expect(addWorkingMs(friday, 7 * HOUR, MON_FRI)).toBe(day(3));
    expect(addWorkingMs(friday, 7 * HOUR + 1, MON_FRI)).toBe(monday + 1);
    expect(tuesday - monday).toBe(DAY);
  });
});

describe('an email on Saturday (Monday to Friday)', () => {
  const saturday = day(3, 10);

  it('starts its clock on Monday at 00:00', () => {
    expect(workingMsBetween(saturday, day(4, 23), MON_FRI)).toBe(0);
    expect(workingMsBetween(saturday, day(5), MON_FRI)).toBe(0);
    expect(workingMsBetween(saturday, day(5, 9), MON_FRI)).toBe(9 * HOUR);
    expect(addWorkingMs(saturday, 1, MON_FRI)).toBe(day(5) + 1);
    expect(addWorkingMs(saturday, 24 * HOUR, MON_FRI)).toBe(day(6));
  });

  it('is late only after Wednesday 00:00, like an email of Monday 00:00', () => {
    expect(workingMsBetween(saturday, day(7), MON_FRI)).toBe(48 * HOUR);
    expect(workingMsBetween(saturday, day(7) + 1, MON_FRI)).toBe(48 * HOUR + 1);
    expect(addWorkingMs(saturday, 48 * HOUR, MON_FRI)).toBe(day(7));
  });

  it('plateau: at Wednesday 00:00 the cutoff is Saturday 00:00, the end of Friday', () => {
    // every email of the weekend (and of Monday 00:00) has waited exactly 48 h: none is late
    const cutoff = earliestStartWithin(day(7), 48 * HOUR, MON_FRI);
    expect(cutoff).toBe(day(3));
    for (const since of [day(3), saturday, day(4, 23, 59), day(5)]) {
      expect(since < cutoff).toBe(false);
      expect(workingMsBetween(since, day(7), MON_FRI)).toBe(48 * HOUR);
    }
    // the last millisecond of Friday has waited one ms more: late
    expect(workingMsBetween(day(3) - 1, day(7), MON_FRI)).toBe(48 * HOUR + 1);
    // one ms later, every weekend email is late
    expect(earliestStartWithin(day(7) + 1, 48 * HOUR, MON_FRI)).toBe(day(5) + 1);
  });

  it('plateau at ms = 0: on Sunday every start since Saturday 00:00 has waited nothing', () => {
    expect(earliestStartWithin(day(4, 12), 0, MON_FRI)).toBe(day(3));
    expect(earliestStartWithin(day(5), 0, MON_FRI)).toBe(day(3));
    // on a working day, nothing waited means starting now
    expect(earliestStartWithin(day(5, 12), 0, MON_FRI)).toBe(day(5, 12));
  });
});

describe('a Sunday-to-Thursday week', () => {
  it('an email of Thursday 17:00 is on time until Sunday 17:00 and late after Monday 17:00', () => {
    const thursday = day(1, 17);
    expect(workingMsBetween(thursday, day(4, 17) - 1, SUN_THU)).toBe(24 * HOUR - 1);
    expect(addWorkingMs(thursday, 24 * HOUR, SUN_THU)).toBe(day(4, 17));
    expect(addWorkingMs(thursday, 48 * HOUR, SUN_THU)).toBe(day(5, 17));
    expect(earliestStartWithin(day(5, 17) + 1, 48 * HOUR, SUN_THU)).toBe(thursday + 1);
  });

  it('Friday and Saturday do not count: an email of Friday starts on Sunday 00:00', () => {
    expect(workingMsBetween(day(2, 9), day(4), SUN_THU)).toBe(0);
    expect(workingMsBetween(day(2, 9), day(4, 5), SUN_THU)).toBe(5 * HOUR);
    expect(earliestStartWithin(day(6), 48 * HOUR, SUN_THU)).toBe(day(2)); // Friday 00:00 = Thursday 24:00
  });
});

describe('a week with one working day (Wednesday)', () => {
  it('counts only Wednesdays', () => {
    expect(workingMsBetween(day(0, 12), day(7, 12), WEDNESDAYS)).toBe(24 * HOUR);
    expect(addWorkingMs(day(0, 12), 24 * HOUR, WEDNESDAYS)).toBe(day(7, 12));
    expect(addWorkingMs(day(0, 12), 48 * HOUR, WEDNESDAYS)).toBe(day(14, 12));
    expect(earliestStartWithin(day(14, 12), 48 * HOUR, WEDNESDAYS)).toBe(day(0, 12));
  });

  it('plateau of six days: a whole Wednesday used up goes back to the previous Wednesday 24:00', () => {
    expect(earliestStartWithin(day(8), 24 * HOUR, WEDNESDAYS)).toBe(day(1));
    expect(workingMsBetween(day(1) - 1, day(8), WEDNESDAYS)).toBe(24 * HOUR + 1);
    expect(workingMsBetween(day(1), day(8), WEDNESDAYS)).toBe(24 * HOUR);
  });
});

describe('turned off: plain clock hours', () => {
  it('counts every millisecond, weekends included', () => {
    expect(workingMsBetween(day(2, 17), day(4, 17), OFF)).toBe(48 * HOUR);
    expect(addWorkingMs(day(2, 17), 48 * HOUR, OFF)).toBe(day(4, 17));
    expect(earliestStartWithin(day(4, 17), 48 * HOUR, OFF)).toBe(day(2, 17));
  });

  it('a week with no working day at all counts as turned off (documented: never loops forever)', () => {
    const none: WorkingWeek = { days: [], enabled: true };
    expect(workingMsBetween(day(2, 17), day(4, 17), none)).toBe(48 * HOUR);
    expect(addWorkingMs(day(2, 17), 48 * HOUR, none)).toBe(day(4, 17));
    expect(earliestStartWithin(day(4, 17), 48 * HOUR, none)).toBe(day(2, 17));
    // entries that are no weekday count for nothing
    expect(workingMsBetween(day(2), day(3), { days: [7, -1, 1.5], enabled: true })).toBe(DAY);
  });

  it('all seven days is the same as clock time', () => {
    const all: WorkingWeek = { days: [0, 1, 2, 3, 4, 5, 6], enabled: true };
    expect(workingMsBetween(day(2, 17), day(4, 17), all)).toBe(48 * HOUR);
  });
});

describe('edges of the input', () => {
  it('is 0 for an empty or backwards span', () => {
    expect(workingMsBetween(day(5, 9), day(5, 9), MON_FRI)).toBe(0);
    expect(workingMsBetween(day(5, 9), day(5, 8), MON_FRI)).toBe(0);
    expect(workingMsBetween(day(5, 9), day(5, 8), OFF)).toBe(0);
  });

  it('adding nothing (or less) is the start itself', () => {
    expect(addWorkingMs(day(3, 10), 0, MON_FRI)).toBe(day(3, 10));
    expect(addWorkingMs(day(3, 10), -HOUR, MON_FRI)).toBe(day(3, 10));
  });

  it('a negative threshold: every wait is over it', () => {
    expect(earliestStartWithin(day(5), -1, MON_FRI)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a duplicated weekday counts once', () => {
    expect(workingMsBetween(day(5), day(6), { days: [1, 1, 1], enabled: true })).toBe(DAY);
  });
});

describe('long spans', () => {
  it('two years: whole weeks counted right (against the day-by-day reference)', () => {
    const from = day(2, 17);
    const to = new Date(2027, 0, 6, 9, 30).getTime();
    for (const [, week] of WEEKS) expect(workingMsBetween(from, to, week)).toBe(reference(from, to, week));
    // Friday 17:00 to Wednesday 09:30 two years on: 7 h, 522 whole weekdays, 9.5 h
    expect(workingMsBetween(from, to, MON_FRI)).toBe(7 * HOUR + 522 * DAY + 9.5 * HOUR);
  });

  it('adds and finds the cutoff across many weeks (a 60-day threshold on one day a week)', () => {
    const from = day(0, 12);
    const t = addWorkingMs(from, 60 * DAY, WEDNESDAYS);
    expect(t).toBe(day(60 * 7, 12));
    expect(earliestStartWithin(t, 60 * DAY, WEDNESDAYS)).toBe(from);
    expect(workingMsBetween(from, t, WEDNESDAYS)).toBe(60 * DAY);
  });

  it('stays cheap: a thousand two-year spans well under a second', () => {
    const from = day(0, 9);
    const to = day(730, 9);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) workingMsBetween(from + i * MINUTE, to, MON_FRI);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('random cases around weekends (UTC, as the suite runs)', () => {
  it('workingMsBetween = reference, addWorkingMs its first moment, and since < cutoff ⟺ waited > ms', () => {
    const plateaus = checkProperties(20250103, new Date(2025, 0, 1), 40, 3000);
    // the cases did land on weekend plateaus, where the strict boundary matters
    expect(plateaus).toBeGreaterThan(50);
  });
});

// The suite runs in UTC, where every day has 24 hours. Days are local calendar days, so
// check zones where a day has 23 or 25 hours (Node re-reads TZ when it changes).
describe.each([
  // [zone, the day of 23 h, the day of 25 h]
  ['Europe/Berlin', [2025, 2, 30], [2025, 9, 26]], // Sundays, at 02:00 / 03:00
  ['America/New_York', [2025, 2, 9], [2025, 10, 2]], // Sundays
  ['Asia/Jerusalem', [2025, 2, 28], [2025, 9, 26]], // a Friday, a Sunday
  ['America/Santiago', [2025, 8, 7], [2025, 3, 5]], // midnight skipped (Sunday starts at 01:00) / Saturday has 25 h
  ['America/Havana', [2025, 2, 9], [2025, 10, 2]], // midnight skipped / midnight twice
  // a summer time of one week (October 2000): the change and its reversal inside 7 days
  ['America/Recife', [2000, 9, 8], [2000, 9, 14]],
] as const)('in %s, where DST changes the length of a day', (zone, spring, autumn) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  const len = ([y, m, d]: readonly number[]) => new Date(y, m, d + 1).getTime() - new Date(y, m, d).getTime();

  it('the zone really changed (or these tests would prove nothing)', () => {
    expect(len(spring)).toBe(23 * HOUR);
    expect(len(autumn)).toBeGreaterThan(24 * HOUR);
  });

  it('a working day counts its real length (23 h in spring, 25 h in autumn)', () => {
    for (const [y, m, d] of [spring, autumn]) {
      const s = new Date(y, m, d).getTime();
      const e = new Date(y, m, d + 1).getTime();
      const every: WorkingWeek = { days: [new Date(s).getDay()], enabled: true };
      expect(workingMsBetween(s, e, every)).toBe(e - s);
      expect(workingMsBetween(s - HOUR, e + HOUR, every)).toBe(e - s);
      expect(addWorkingMs(s, e - s, every)).toBe(e);
      expect(earliestStartWithin(e, e - s, every)).toBe(new Date(y, m, d - 6).getTime()); // the plateau back to the previous week's day end
    }
  });

  it('a whole year, both changes inside whole weeks, for every week (against the reference)', () => {
    const from = new Date(2025, 0, 1, 9).getTime();
    const to = new Date(2026, 0, 1, 9).getTime();
    for (const [, week] of WEEKS) expect(workingMsBetween(from, to, week)).toBe(reference(from, to, week));
  });

  it('random cases around both changes', () => {
    const [sy, sm, sd] = spring;
    const [ay, am, ad] = autumn;
    checkProperties(7 + sd, new Date(sy, sm, sd - 20), 40, 800);
    checkProperties(11 + ad, new Date(ay, am, ad - 20), 40, 800);
  });
});

describe('isWorkingDay', () => {
  it('is the weekday of the local calendar day, from its first to its last millisecond', () => {
    expect(isWorkingDay(day(2), MON_FRI)).toBe(true); // Friday
    expect(isWorkingDay(day(3) - 1, MON_FRI)).toBe(true);
    expect(isWorkingDay(day(3), MON_FRI)).toBe(false); // Saturday
    expect(isWorkingDay(day(4, 12), MON_FRI)).toBe(false);
    expect(isWorkingDay(day(4, 12), SUN_THU)).toBe(true);
    expect(isWorkingDay(day(2, 12), SUN_THU)).toBe(false);
    expect(isWorkingDay(day(0, 12), WEDNESDAYS)).toBe(true);
  });

  it('is every day when the week is off or names no valid day', () => {
    expect(isWorkingDay(day(3), OFF)).toBe(true);
    expect(isWorkingDay(day(3), { days: [], enabled: true })).toBe(true);
    expect(isWorkingDay(day(3), { days: [9, -1], enabled: true })).toBe(true);
  });
});
