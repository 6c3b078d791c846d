import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailDate, toLocalIso } from '@/lib/mail/dates';

// vitest.config.ts runs the tests with TZ=UTC, so the local offset is +00:00
describe('parseMailDate: the formats the pages show', () => {
  const cases: [string, string, string | undefined][] = [
    // Gmail en-US, the span.g3 title and text
    ['gmail en-US', 'Thu, Aug 7, 2025, 9:14 AM', '2025-08-07T09:14:00+00:00'],
    ['gmail en-US, U+202F before AM', 'Thu, Aug 7, 2025, 9:14\u202fAM', '2025-08-07T09:14:00+00:00'],
    ['gmail en-US, U+00A0 before PM', 'Thu, Aug 7, 2025, 9:14\u00a0PM', '2025-08-07T21:14:00+00:00'],
    ['gmail en-US, relative suffix', 'Thu, Aug 7, 2025, 9:14\u202fAM (8 days ago)', '2025-08-07T09:14:00+00:00'],
    ['gmail en-US, no weekday', 'Aug 7, 2025, 9:14 AM', '2025-08-07T09:14:00+00:00'],
    ['gmail en-US, 12 AM is midnight', 'Thu, Aug 7, 2025, 12:05 AM', '2025-08-07T00:05:00+00:00'],
    ['gmail en-US, 12 PM is noon', 'Thu, Aug 7, 2025, 12:05 PM', '2025-08-07T12:05:00+00:00'],
    ['gmail en-US, full month name', 'Thursday, August 7, 2025, 9:14 AM', '2025-08-07T09:14:00+00:00'],
    ['gmail 2014 "at" form', 'Thu, Dec 18, 2014 at 12:35 PM', '2014-12-18T12:35:00+00:00'],
    ['gmail with a bidi mark', '\u200eThu, Aug 7, 2025, 9:14\u202fAM', '2025-08-07T09:14:00+00:00'],
    // Gmail en-GB
    ['gmail en-GB', '7 Aug 2025, 09:14', '2025-08-07T09:14:00+00:00'],
    ['gmail en-GB with weekday', 'Thu, 7 Aug 2025, 09:14', '2025-08-07T09:14:00+00:00'],
    ['gmail en-GB "Sept"', '3 Sept 2025, 17:40 (2 days ago)', '2025-09-03T17:40:00+00:00'],
    // Gmail de
    ['gmail de', '7. Aug. 2025, 09:14', '2025-08-07T09:14:00+00:00'],
    ['gmail de with weekday', 'Do., 7. Aug. 2025, 09:14', '2025-08-07T09:14:00+00:00'],
    ['gmail de März', '3. März 2025, 18:00', '2025-03-03T18:00:00+00:00'],
    ['gmail de Dez. with "um"', 'Fr., 26. Dez. 2025 um 08:30', '2025-12-26T08:30:00+00:00'],
    ['gmail de Mai (no dot)', '5. Mai 2025, 07:00 (vor 3 Monaten)', '2025-05-05T07:00:00+00:00'],
    // Gmail ru
    ['gmail ru', '26 дек. 2019 г., 22:53', '2019-12-26T22:53:00+00:00'],
    ['gmail ru genitive month', '7 августа 2025 г., 9:14', '2025-08-07T09:14:00+00:00'],
    ['gmail ru мая', '5 мая 2025 г., 07:00', '2025-05-05T07:00:00+00:00'],
    // Gmail zh-CN
    ['gmail zh-CN morning', '2016年5月4日 上午10:08', '2016-05-04T10:08:00+00:00'],
    ['gmail zh-CN afternoon', '2016年5月4日 下午3:30', '2016-05-04T15:30:00+00:00'],
    ['gmail zh-CN 12 in the afternoon is noon', '2016年5月4日 下午12:10', '2016-05-04T12:10:00+00:00'],
    ['gmail zh-CN 12 in the morning is midnight', '2016年5月4日 上午12:10', '2016-05-04T00:10:00+00:00'],
    ['gmail zh-CN 24h', '2016年5月4日 22:08', '2016-05-04T22:08:00+00:00'],
    // Outlook
    ['outlook en-US', 'Mon 8/4/2025 9:12 AM', '2025-08-04T09:12:00+00:00'],
    ['outlook en-US PM', 'Tue 8/5/2025 2:30 PM', '2025-08-05T14:30:00+00:00'],
    ['outlook de', 'Mo 04.08.2025 09:12', '2025-08-04T09:12:00+00:00'],
    ['outlook en-GB', 'Mon 04/08/2025 09:12', '2025-08-04T09:12:00+00:00'],
    ['outlook ru', 'Пн 04.08.2025 9:12', '2025-08-04T09:12:00+00:00'],
    ['outlook ISO-like', '2025-08-04 09:12', '2025-08-04T09:12:00+00:00'],
    ['outlook en-AU (lower-case pm: day or month first?)', 'Mon 4/08/2025 2:30 pm', undefined],
    // ambiguous, impossible or unreadable: undefined, never a guess
    ['31 February (day first)', 'Mon 31/02/2025 09:12', undefined],
    ['31 February (dots)', '31.02.2025 09:12', undefined],
    ['month 13 with AM/PM (US reading)', 'Mon 13/08/2025 9:12 AM', undefined],
    ['weekday contradicts the date', 'Tue 8/4/2025 9:12 AM', undefined],
    ['weekday contradicts (de)', 'Di 04.08.2025 09:12', undefined],
    ['en-GB weekday contradicts', 'Fri, 7 Aug 2025, 09:14', undefined],
    ['lower-case am/pm, no weekday', '4/8/2025 9:12 am', undefined],
    ['two-digit year', 'Mon 8/4/25 9:12 AM', undefined],
    ['time only', '9:14 AM', undefined],
    ['no year', 'Aug 7', undefined],
    ['relative only', '(8 days ago)', undefined],
    ['hour 13 with PM', 'Thu, Aug 7, 2025, 13:14 PM', undefined],
    ['hour 24', '7 Aug 2025, 24:00', undefined],
    ['minute 60', '7 Aug 2025, 09:60', undefined],
    ['unknown month', '7 Foo 2025, 09:14', undefined],
    ['French (no table)', '7 août 2025, 09:14', undefined],
    ['year out of range', 'Thu, Aug 7, 1925, 9:14 AM', undefined],
    ['garbage', 'yesterday', undefined],
    ['markup', '<img src=x onerror=alert(1)>', undefined],
    ['empty', '', undefined],
    ['trailing words', 'Thu, Aug 7, 2025, 9:14 AM GMT+2', undefined],
  ];
  it.each(cases)('%s: %j', (_label, input, expected) => {
    expect(parseMailDate(input)).toBe(expected);
  });

  it('round-trips through Date.parse to the local wall-clock instant', () => {
    const iso = parseMailDate('Thu, Aug 7, 2025, 9:14\u202fPM')!;
    expect(Date.parse(iso)).toBe(new Date(2025, 7, 7, 21, 14).getTime());
  });

  it('refuses what is not a string or too long', () => {
    expect(parseMailDate(undefined)).toBeUndefined();
    expect(parseMailDate(null)).toBeUndefined();
    expect(parseMailDate(42 as unknown as string)).toBeUndefined();
    expect(parseMailDate('Thu, Aug 7, 2025, 9:14 AM' + ' '.repeat(300))).toBeUndefined();
  });
});

describe('toLocalIso', () => {
  it('writes the local offset', () => {
    expect(toLocalIso(2025, 8, 7, 9, 14)).toBe('2025-08-07T09:14:00+00:00');
  });
  it('refuses impossible wall times', () => {
    expect(toLocalIso(2025, 2, 29, 9, 0)).toBeUndefined();
    expect(toLocalIso(2024, 2, 29, 9, 0)).toBe('2024-02-29T09:00:00+00:00');
    expect(toLocalIso(2025, 4, 31, 9, 0)).toBeUndefined();
    expect(toLocalIso(2025, 1, 1, 9, 0.5)).toBeUndefined();
  });
});

describe('in a zone with daylight saving (Europe/Berlin)', () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('writes the summer and winter offsets, and Date.parse gives the right instant', () => {
    const summer = parseMailDate('Thu, Aug 7, 2025, 9:14\u202fAM')!;
    expect(summer).toBe('2025-08-07T09:14:00+02:00');
    expect(Date.parse(summer)).toBe(Date.UTC(2025, 7, 7, 7, 14));
    const winter = parseMailDate('Mo 05.01.2026 09:14')!;
    expect(winter).toBe('2026-01-05T09:14:00+01:00');
    expect(Date.parse(winter)).toBe(Date.UTC(2026, 0, 5, 8, 14));
  });

  it('refuses a wall time skipped when clocks go forward', () => {
    expect(parseMailDate('So 30.03.2025 02:30')).toBeUndefined();
    expect(parseMailDate('So 30.03.2025 03:30')).toBe('2025-03-30T03:30:00+02:00');
  });

  it('takes the earlier instant of the hour repeated when clocks go back', () => {
    expect(parseMailDate('So 26.10.2025 02:30')).toBe('2025-10-26T02:30:00+02:00');
  });
});
