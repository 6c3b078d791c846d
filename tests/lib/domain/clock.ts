/**
 * A fixed calendar for the domain tests: "day n" is n local calendar days after
 * Wednesday 1 January 2025. Built with the plain Date constructor (which normalises
 * day overflow), not date-fns, so the tests do not check date-fns against itself.
 */
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;

export function day(n: number, hours = 0, minutes = 0, seconds = 0, ms = 0): number {
  return new Date(2025, 0, 1 + n, hours, minutes, seconds, ms).getTime();
}

/** The last millisecond of day n. */
export function endOf(n: number): number {
  return day(n, 23, 59, 59, 999);
}
