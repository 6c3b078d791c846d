/**
 * Working time: how much of a span falls on working days ("following up within 24 hours"
 * means 24 hours of the user's working week, so an email that comes on Friday at 17:00 is
 * on time until Monday at 17:00, and one that comes on Saturday starts its clock on Monday
 * at 00:00).
 *
 * Approach. A day is a local calendar day, from its start (date-fns `startOfDay`, which is
 * 00:00, or the first moment that exists when a DST change skips midnight) to the start of
 * the next one, so it is 24 h long, or 23 h / 25 h on a DST day. Working time between two
 * moments is the real elapsed time of the span that falls on working weekdays: the span
 * is cut into its first partial day, then whole weeks, then the last days (under a week;
 * the cutoff may walk up to six more, back over a weekend). A whole week holds each
 * weekday once, so it counts `working days × 24 h` outright; only a week that is not
 * 7 × 24 h long from a midnight (a DST change in it) is walked day by day, to count its
 * 23 h or 25 h day right. That is a couple of date look-ups per whole week (a 2-year wait:
 * about 100 steps, some 40 µs, never one step per day), and exact unless a zone changes its
 * offset and back again strictly inside one week: the tz data (1990-2036) has no such
 * case (Brazil's week-long DST of October 2000 changed at midnights, which the midnight
 * check catches; the tests replay it).
 *
 * Every function here measures with that same day walk, so they agree to the millisecond:
 * `addWorkingMs` and `earliestStartWithin` are the exact inverses of `workingMsBetween`
 * that the reply rules need (lib/domain/response.ts, lib/domain/overdue.ts).
 *
 * Turned off (`enabled: false`), every millisecond counts: plain clock time. A week with
 * no working day at all is treated the same way, on purpose: it would mean an email never
 * gets late (and the searches below would never end), which is surely a settings mistake;
 * plain clock time is the safe reading (lib/db refuses to store such a week anyway).
 * Invalid entries in `days` (not an integer 0-6) are ignored; duplicates count once.
 */
import { addDays, startOfDay } from 'date-fns';
import type { Settings } from './model';

export interface WorkingWeek {
  /** the working weekdays, 0 = Sunday … 6 = Saturday */
  days: readonly number[];
  /** false: plain clock time, every day counts */
  enabled: boolean;
}

export const DEFAULT_WORKING_WEEK: WorkingWeek = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]),
  enabled: true,
});

/** The working week of the user's settings. */
export function workingWeekOf(settings: Pick<Settings, 'workingDays' | 'workingDaysOnly'>): WorkingWeek {
  return { days: settings.workingDays, enabled: settings.workingDaysOnly };
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

interface Workdays {
  /** isWorking[weekday] */
  is: boolean[];
  /** how many of the seven */
  count: number;
}

/** The working weekdays, or null when every millisecond counts (off, none, or all seven). */
function workdays(week: WorkingWeek): Workdays | null {
  if (!week.enabled) return null;
  const is = [false, false, false, false, false, false, false];
  let count = 0;
  for (const d of week.days) {
    if (Number.isInteger(d) && d >= 0 && d <= 6 && !is[d]) {
      is[d] = true;
      count++;
    }
  }
  return count === 0 || count === 7 ? null : { is, count };
}

const dayStart = (t: number): number => startOfDay(t).getTime();
/** 00:00 local (a day whose midnight a DST change skipped starts later) */
const isMidnight = (t: number): boolean => {
  const d = new Date(t);
  return d.getHours() === 0 && d.getMinutes() === 0;
};
const weekday = (dayStartMs: number): number => new Date(dayStartMs).getDay();

/** The start of the day after the one starting at `s` (always later than `s`). */
function nextDay(s: number): number {
  const n = startOfDay(addDays(s, 1)).getTime();
  return n > s ? n : s + DAY_MS; // a guard: no zone has a day of 0 ms, but never loop forever
}

/** The start of the day before the one starting at `s` (always earlier than `s`). */
function previousDay(s: number): number {
  return dayStart(s - 1);
}

/** The start of the day seven days after the one starting at `s`. */
function weekAfter(s: number): number {
  const n = startOfDay(addDays(s, 7)).getTime();
  return n > s ? n : s + WEEK_MS;
}

/** The start of the day seven days before the one starting at `s`. */
function weekBefore(s: number): number {
  const n = startOfDay(addDays(s, -7)).getTime();
  return n < s ? n : s - WEEK_MS;
}

/**
 * The local calendar day holding `t` is a working day (always, when the week is turned off
 * or names no day: every day counts, as above).
 */
export function isWorkingDay(t: number, week: WorkingWeek): boolean {
  const w = workdays(week);
  return !w || w.is[new Date(t).getDay()];
}

/** Working ms of the whole week [s, e) (both day starts, seven days apart). */
function weekWorkingMs(s: number, e: number, w: Workdays): number {
  // 7 × 24 h from a midnight: no offset change in it (see the top), every day is 24 h long
  if (e - s === WEEK_MS && isMidnight(s)) return w.count * DAY_MS;
  let total = 0;
  for (let d = s; d < e; ) {
    const n = nextDay(d);
    if (w.is[weekday(d)]) total += n - d;
    d = n;
  }
  return total;
}

/**
 * The milliseconds of [from, to) that fall on working days. Plain `to - from` when the
 * week is turned off; 0 when `to <= from`. Non-decreasing in `to`, non-increasing in
 * `from`, and it moves by at most 1 per millisecond of either.
 */
export function workingMsBetween(from: number, to: number, week: WorkingWeek): number {
  const w = workdays(week);
  if (!w || !Number.isFinite(from) || !Number.isFinite(to)) return Math.max(0, to - from);
  if (!(to > from)) return 0;
  let s = dayStart(from);
  let e = nextDay(s);
  let total = w.is[weekday(s)] ? Math.min(e, to) - from : 0;
  s = e;
  for (let s7 = weekAfter(s); s7 <= to; s7 = weekAfter(s)) {
    total += weekWorkingMs(s, s7, w);
    s = s7;
  }
  for (; s < to; s = e) {
    e = nextDay(s);
    if (w.is[weekday(s)]) total += Math.min(e, to) - s;
  }
  return total;
}

/**
 * A working-time clock for many spans inside [lo, hi]: `clock(t)` is the working ms from the
 * start of the day of `lo` to `t`, so `clock(to) - clock(from)` is `workingMsBetween(from, to)`
 * for every lo <= from <= to <= hi, with the day walk done once for the whole range instead of
 * once per span (the reply speed of a whole book times tens of thousands of spans). The days
 * are the same day starts `workingMsBetween` walks, so both agree to the millisecond (the
 * tests compare them on random spans). Null when every millisecond counts (plain `to - from`)
 * or the range is not finite.
 */
export function workingClock(lo: number, hi: number, week: WorkingWeek): ((t: number) => number) | null {
  const w = workdays(week);
  if (!w || !Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return null;
  const starts: number[] = [];
  const before: number[] = [];
  const working: boolean[] = [];
  let acc = 0;
  for (let s = dayStart(lo); s <= hi; ) {
    const e = nextDay(s);
    starts.push(s);
    before.push(acc);
    const on = w.is[weekday(s)];
    working.push(on);
    if (on) acc += e - s;
    s = e;
  }
  return (t: number) => {
    // the last day starting at or before t
    let a = 0;
    let b = starts.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (starts[mid] <= t) a = mid;
      else b = mid - 1;
    }
    return before[a] + (working[a] ? t - starts[a] : 0);
  };
}

/**
 * The first moment `t` at which `workingMsBetween(from, t) >= ms`: `from` plus `ms` of
 * working time. `from` itself when `ms <= 0`; `from + ms` when the week is turned off.
 * When the count runs out exactly at the end of a working day, that end is the answer
 * (Friday 24:00, not Monday 00:00: the first moment, not the last).
 */
export function addWorkingMs(from: number, ms: number, week: WorkingWeek): number {
  if (!(ms > 0)) return Number.isNaN(ms) ? Number.NaN : from;
  const w = workdays(week);
  if (!w || !Number.isFinite(from) || !Number.isFinite(ms)) return from + ms;
  let rem = ms;
  let s = dayStart(from);
  let e = nextDay(s);
  if (w.is[weekday(s)]) {
    if (rem <= e - from) return from + rem;
    rem -= e - from;
  }
  s = e;
  // whole weeks while they hold less than what remains (every week holds a working day)
  for (let s7 = weekAfter(s), wk = weekWorkingMs(s, s7, w); wk < rem; s7 = weekAfter(s), wk = weekWorkingMs(s, s7, w)) {
    rem -= wk;
    s = s7;
  }
  for (; ; s = e) {
    e = nextDay(s);
    if (w.is[weekday(s)]) {
      if (rem <= e - s) return s + rem;
      rem -= e - s;
    }
  }
}

/**
 * The earliest start that has waited at most `ms` of working time by `now`: for every
 * `since`, `since < earliestStartWithin(now, ms, week)` exactly when
 * `workingMsBetween(since, now, week) > ms`, so it serves as a strict index bound
 * (`below(cutoff)`) for "waited longer than ms".
 *
 * Plateaus: every start on a non-working stretch has waited the same working time, so
 * when walking back `ms` of working time from `now` ends exactly at the start of a
 * working day (or at `now` on a non-working day, for ms = 0), the walk goes on back over
 * the non-working days before it, to the end of the previous working day: an email of
 * Saturday or Sunday has waited exactly as long as one of Monday 00:00, so it is not
 * over the threshold either, and the first start that is over it is the last millisecond
 * of Friday. When the walk ends inside a working day, that point is the answer (one
 * millisecond earlier has waited one millisecond more).
 *
 * `now - ms` when the week is turned off; +Infinity when `ms < 0` (every wait is over it).
 */
export function earliestStartWithin(now: number, ms: number, week: WorkingWeek): number {
  if (ms < 0) return Number.POSITIVE_INFINITY;
  const w = workdays(week);
  if (!w || !Number.isFinite(now) || !Number.isFinite(ms)) return now - ms;
  let rem = ms;
  // the day holding the last millisecond before `now`
  let e = now;
  let s = dayStart(now - 1);
  if (w.is[weekday(s)]) {
    if (rem < e - s) return e - rem;
    rem -= e - s;
  }
  e = s;
  // whole weeks back while they hold less than what remains
  for (let s7 = weekBefore(e), wk = weekWorkingMs(s7, e, w); wk < rem; s7 = weekBefore(e), wk = weekWorkingMs(s7, e, w)) {
    rem -= wk;
    e = s7;
  }
  // strictly inside a working day: the answer; used up exactly: on back over the plateau
  for (; ; e = s) {
    s = previousDay(e);
    if (w.is[weekday(s)]) {
      if (rem < e - s) return e - rem;
      rem -= e - s;
    }
  }
}
