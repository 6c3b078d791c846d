/**
 * "5 days", "3 months", "1 year": how far apart two moments are, in the largest whole unit,
 * exactly as date-fns' `formatDistanceStrict(a, b, { roundingMethod: 'floor' })` writes it in
 * English (a test checks the two agree, across time zones and DST changes). Written out
 * because that function brings date-fns' whole English locale (its parsing and word tables,
 * about 7 KB) into the side panel, for six words.
 *
 * The rule, as date-fns has it: under a minute, seconds; under an hour, minutes; under a
 * day, hours; then days under 30 days, months under 365 days (12 months read "1 year"),
 * years. Days, months and years count the clock time minus any change of UTC offset
 * between the two (a DST change does not make 24 hours "0 days").
 */
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const MONTH_MINUTES = 43_200;
const YEAR_MINUTES = 525_600;

/** The zone's offset at `t` in ms, seconds included (as date-fns computes it). */
function offsetAt(t: number): number {
  const d = new Date(t);
  const utc = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()));
  utc.setUTCFullYear(d.getFullYear());
  return t - utc.getTime();
}

const words = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function distanceStrict(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('Invalid time value');
  const later = Math.max(a, b);
  const earlier = Math.min(a, b);
  const ms = later - earlier;
  const minutes = ms / MINUTE;
  const dst = (ms - (offsetAt(later) - offsetAt(earlier))) / MINUTE;
  const floor = (x: number) => Math.floor(x) || 0;
  if (minutes < 1) return words(floor(ms / 1000), 'second');
  if (minutes < 60) return words(floor(minutes), 'minute');
  if (minutes < DAY_MINUTES) return words(floor(minutes / 60), 'hour');
  if (dst < MONTH_MINUTES) return words(floor(dst / DAY_MINUTES), 'day');
  if (dst < YEAR_MINUTES) {
    const months = floor(dst / MONTH_MINUTES);
    return months === 12 ? '1 year' : words(months, 'month');
  }
  return words(floor(dst / YEAR_MINUTES), 'year');
}
