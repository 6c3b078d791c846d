/**
 * The dates Gmail and Outlook on the web print next to a message, read back into a moment.
 *
 * Output: ISO 8601 in the LOCAL zone with its offset, minute precision:
 * `2025-08-07T09:14:00+02:00` (`+00:00` in UTC). The pages show the user's local wall
 * clock, so the wall clock is kept as shown and the offset says which instant it is;
 * `Date.parse` of the result gives the right instant. (In the repeated hour when clocks go
 * back, the earlier of the two instants is chosen, as `new Date(y, m, d, h, min)` does; a
 * wall time that does not exist because clocks went forward is refused.)
 *
 * Anything ambiguous or unreadable gives `undefined`: a wrong date is worse than none.
 * - Numeric dates with dots are day.month.year (de, ru, ...).
 * - Numeric dates with slashes: with an upper-case AM/PM they are US month/day/year;
 *   without AM/PM day/month/year (en-GB and most of the world); with a lower-case am/pm
 *   (en-AU, en-IN, ... write the day first, en-US does not) they are ambiguous: refused.
 * - A printed weekday that we can name (en, de, ru) must match the date, else `undefined`.
 * - Two-digit years, dates without a year ("9:14 AM", "Aug 7") and impossible dates
 *   (31/02) are refused.
 * Month and weekday names are small hand-written tables for en, de and ru (no locale data:
 * this runs inside the content script), matched by their first three (months) or two
 * (weekdays) letters, so "Aug", "August", "Aug.", "августа", "авг." all read as August.
 * zh-CN `2016年5月4日 上午10:08` is read too.
 */

type Ymdhm = [year: number, month: number, day: number, hour: number, minute: number];

function table(groups: string, start: number): Record<string, number> {
  const t: Record<string, number> = {};
  groups.split('|').forEach((g, i) => g.split(',').forEach((k) => (t[k] = i + start)));
  return t;
}
/** the first three letters of a month name in en, de (incl. Austrian "Jän") and ru, any case form */
const MONTHS = /* @__PURE__ */ table('jan,jän,янв|feb,фев|mar,mär,мар|apr,апр|may,mai,мая,май|jun,июн|jul,июл|aug,авг|sep,сен|oct,okt,окт|nov,ноя|dec,dez,дек', 1);
/** the first two letters of a weekday (0 = Sunday) in en, de and ru, abbreviated or full */
const WEEKDAYS = table('su,so,вс,во|mo,пн,по|tu,di,вт|we,mi,ср|th,do,чт,че|fr,пт,пя|sa,сб,су', 0);

const WORD = '([a-zа-яёäöüß]+)\\.?';
/** an optional weekday, with an optional comma */
const WD = `(?:${WORD},?\\s+)?`;
const Y = '(\\d{4})(?:\\s*г\\.?)?';
/** a date form and how to take year, month, day and the printed weekday from its match */
type DateForm = [RegExp, (m: string[]) => [year: string, month: string | number | undefined, day: string, weekday?: string]];

/**
 * The forms with a month's name, Gmail's. Outlook prints numeric dates only, so its content
 * script parses with `parseNumericMailDate` and leaves these (and the month table) out of its
 * bundle: every byte counts in a script that runs all day.
 */
const NAMED_DATES: DateForm[] = /* @__PURE__ */ namedDates();
function namedDates(): DateForm[] {
  return [
    // en-US "Thu, Aug 7, 2025", the 2014 "Thu, Dec 18, 2014"
    [new RegExp(`^${WD}${WORD}\\s+(\\d{1,2}),?\\s+${Y}$`, 'i'), (m) => [m[4], monthOf(m[2]), m[3], m[1]]],
    // en-GB "7 Aug 2025", de "Do., 7. Aug. 2025", ru "26 дек. 2019 г."
    [new RegExp(`^${WD}(\\d{1,2})\\.?\\s+${WORD}\\s+${Y}$`, 'i'), (m) => [m[4], monthOf(m[3]), m[2], m[1]]],
  ];
}
/** "2025-08-04", "2025/8/4", zh/ja "2016年5月4日" with an optional weekday */
const ISO_DATE: DateForm = [/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[.日]?\s*(?:(?:星期|周|週).|\(.\))?$/, (m) => [m[1], m[2], m[3]]];
/** Outlook's numeric dates: "Mon 8/4/2025", "Mo 04.08.2025", "Пн 04.08.2025" */
const NUMERIC = new RegExp(`^${WD}(\\d{1,2})([./])(\\d{1,2})\\3${Y}\\.?$`, 'i');
/** the time at the end, with a date separator before it (a comma, "at", "um", "в") and an optional AM/PM */
const TIME =
  /(?:,\s*|\s+(?:at|um|в)\s+|\s*)(上午|下午)?(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\.?)?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2025-08-07T09:14:00+02:00` for a local wall-clock time, or undefined when that time does
 * not exist (31 February, 25:00, the hour skipped by daylight saving).
 */
export function toLocalIso(year: number, month: number, day: number, hour: number, minute: number): string | undefined {
  const d = new Date(year, month - 1, day, hour, minute);
  // a field that rolled over (31 February, 24:00, a time skipped by daylight saving) is refused
  if (year < 1980 || year > 2200 || d.getMonth() !== month - 1 || d.getDate() !== day || d.getHours() !== hour || d.getMinutes() !== minute) {
    return undefined;
  }
  const off = -d.getTimezoneOffset();
  const abs = Math.abs(off);
  // the wall clock as an ISO string: the instant shifted by the offset, written in UTC
  return new Date(d.getTime() + off * 60000).toISOString().slice(0, 19) + (off < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
}

function monthOf(token: string): number | undefined {
  return token.length >= 3 ? MONTHS[token.slice(0, 3).toLowerCase()] : undefined;
}

/** keeps a candidate only when it is a real date and agrees with a printed weekday we know */
function accept(c: Ymdhm, weekday: string | undefined): string | undefined {
  const iso = toLocalIso(...c);
  const wd = weekday ? WEEKDAYS[weekday.slice(0, 2).toLowerCase()] : undefined;
  return iso && (wd === undefined || new Date(c[0], c[1] - 1, c[2]).getDay() === wd) ? iso : undefined;
}

/**
 * One of the date strings of docs/MAIL-PAGES.md (Gmail's `span.g3` title or text, Outlook's
 * `SentReceivedSavedTime`) as local ISO 8601, or undefined when it cannot be read for sure.
 */
export function parseMailDate(raw: string | null | undefined): string | undefined {
  return parse(raw, NAMED_DATES);
}

/** The same for the numeric forms only (Outlook's: "Mon 8/4/2025 9:12 AM", "2025-08-04 09:12"). */
export function parseNumericMailDate(raw: string | null | undefined): string | undefined {
  return parse(raw, []);
}

function parse(raw: string | null | undefined, named: DateForm[]): string | undefined {
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  // bidi marks out, every Unicode space (U+202F, U+00A0 ...) as one space, "(8 days ago)" off
  const s = raw
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .trim();
  const t = TIME.exec(s);
  if (!t) return undefined;
  const [, period, hh, mm, ap] = t;
  let h = +hh;
  if (ap || period) {
    if (h > 12 || (ap && h < 1)) return undefined;
    h = (h % 12) + (/^p|下/i.test(ap || period) ? 12 : 0);
  }
  const date = s.slice(0, t.index);

  const n = NUMERIC.exec(date);
  if (n) {
    const [, wd, a, sep, b, year] = n;
    if (sep === '.' || !ap) return accept([+year, +b, +a, h, +mm], wd);
    // upper-case AM/PM: en-US month first; lower-case (en-AU, en-IN: day first?) is ambiguous
    return /[AP]\.?\s?M/.test(t[0]) ? accept([+year, +a, +b, h, +mm], wd) : undefined;
  }
  for (const [re, pick] of [...named, ISO_DATE]) {
    const m = re.exec(date);
    if (m) {
      const [year, month, day, wd] = pick(m);
      return month === undefined ? undefined : accept([+year, +month, +day, h, +mm], wd);
    }
  }
  return undefined;
}
