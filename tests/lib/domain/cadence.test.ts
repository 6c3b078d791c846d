import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../lib/domain/model';
import { cadenceStatus, computeNextDueAt, effectiveCadenceDays } from '../../../lib/domain/cadence';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { day, endOf } from './clock';

const S = DEFAULT_SETTINGS;
const withCadence = (patch: Partial<Settings['cadenceDays']>, allowLongCadence = false): Settings => ({
  ...S,
  allowLongCadence,
  cadenceDays: { ...S.cadenceDays, ...patch },
});

describe('effectiveCadenceDays', () => {
  it('takes the stage cadence from the settings', () => {
    expect(effectiveCadenceDays('prospect', S)).toBe(14);
    expect(effectiveCadenceDays('customer', S)).toBe(14);
    expect(effectiveCadenceDays('client', S)).toBe(42);
    expect(effectiveCadenceDays('former', S)).toBe(90);
    expect(effectiveCadenceDays('client', withCadence({ client: 30 }))).toBe(30);
  });

  it('a per-client override beats the stage default', () => {
    expect(effectiveCadenceDays('client', S, 7)).toBe(7);
    expect(effectiveCadenceDays('customer', S, 60)).toBe(60);
  });

  it('ignores an override that is not a positive whole number', () => {
    for (const bad of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(effectiveCadenceDays('client', S, bad)).toBe(42);
    }
  });

  it('caps an override at 91 days unless long cadences are allowed', () => {
    expect(effectiveCadenceDays('client', S, 120)).toBe(91);
    expect(effectiveCadenceDays('client', { ...S, allowLongCadence: true }, 120)).toBe(120);
    expect(effectiveCadenceDays('client', S, 91)).toBe(91);
    expect(effectiveCadenceDays('client', S, 92)).toBe(91);
  });

  it('caps a stage cadence from the settings at 91 days unless long cadences are allowed', () => {
    expect(effectiveCadenceDays('former', withCadence({ former: 100 }))).toBe(91);
    expect(effectiveCadenceDays('former', withCadence({ former: 100 }, true))).toBe(100);
  });

  it('is at least one day', () => {
    expect(effectiveCadenceDays('client', withCadence({ client: 0 }))).toBe(1);
    expect(effectiveCadenceDays('client', withCadence({ client: -5 }))).toBe(1);
  });
});

describe('computeNextDueAt', () => {
  it('is the end of the day `cadence` calendar days after the last contact', () => {
    expect(computeNextDueAt(day(0, 17, 30), day(-100), 42)).toBe(endOf(42));
    expect(computeNextDueAt(day(0, 0, 0), day(-100), 42)).toBe(endOf(42));
    expect(computeNextDueAt(endOf(0), day(-100), 42)).toBe(endOf(42));
  });

  it('counts from creation when there has been no contact', () => {
    expect(computeNextDueAt(undefined, day(5, 9), 14)).toBe(endOf(19));
  });

  it('counts from the last contact, not creation, when there is one', () => {
    expect(computeNextDueAt(day(10, 9), day(0, 9), 14)).toBe(endOf(24));
  });

  it('crosses month and year ends on the calendar', () => {
    // 2025-12-20 + 14 days = 2026-01-03
    const last = new Date(2025, 11, 20, 15).getTime();
    expect(computeNextDueAt(last, last, 14)).toBe(new Date(2026, 0, 3, 23, 59, 59, 999).getTime());
  });
});

describe('the due day boundary (last contact on day 0)', () => {
  it.each([
    ['customer', 14],
    ['client', 42],
    ['former', 90],
  ] as const)('%s, %i days: not overdue on day N, overdue from the first moment of day N+1', (stage, n) => {
    const cadence = effectiveCadenceDays(stage, S);
    expect(cadence).toBe(n);
    const client = { nextDueAt: computeNextDueAt(day(0, 14, 5), day(-30), cadence) };

    for (const now of [day(n, 0, 0), day(n, 12), endOf(n)]) {
      const st = cadenceStatus(client, now, S);
      expect(st).toMatchObject({ state: 'due-soon', daysUntilDue: 0 });
    }
    expect(cadenceStatus(client, day(n + 1, 0, 0), S)).toEqual({
      state: 'overdue',
      dueAt: endOf(n),
      daysOverdue: 1,
    });
    expect(cadenceStatus(client, day(n + 1, 23, 59), S)).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(cadenceStatus(client, day(n + 2, 0, 0), S)).toMatchObject({ state: 'overdue', daysOverdue: 2 });
  });
});

describe('cadenceStatus', () => {
  const dueAt = endOf(42);

  it('is null without a due date', () => {
    expect(cadenceStatus({}, day(0), S)).toBeNull();
    expect(cadenceStatus({ snoozedUntil: day(99) }, day(0), S)).toBeNull();
  });

  it('is due-soon exactly dueSoonDays calendar days before the due day, on-track one day earlier', () => {
    // dueSoonDays = 3: day 39 (any time) is due-soon, day 38 is on-track
    expect(cadenceStatus({ nextDueAt: dueAt }, day(39, 0, 0), S)).toEqual({ state: 'due-soon', dueAt, daysUntilDue: 3 });
    expect(cadenceStatus({ nextDueAt: dueAt }, endOf(38), S)).toEqual({ state: 'on-track', dueAt, daysUntilDue: 4 });
    expect(cadenceStatus({ nextDueAt: dueAt }, day(1), S)).toEqual({ state: 'on-track', dueAt, daysUntilDue: 41 });
  });

  it('follows the dueSoonDays setting', () => {
    expect(cadenceStatus({ nextDueAt: dueAt }, day(38), { ...S, dueSoonDays: 4 })).toMatchObject({ state: 'due-soon' });
    expect(cadenceStatus({ nextDueAt: dueAt }, day(41), { ...S, dueSoonDays: 0 })).toMatchObject({ state: 'on-track', daysUntilDue: 1 });
    expect(cadenceStatus({ nextDueAt: dueAt }, day(42), { ...S, dueSoonDays: 0 })).toMatchObject({ state: 'due-soon', daysUntilDue: 0 });
  });

  it('counts days to go in calendar days, whatever the times of day', () => {
    // 2 days 15 hours before a 09:00 due time is still 3 calendar days
    expect(cadenceStatus({ nextDueAt: day(42, 9) }, day(39, 18), S)).toEqual({
      state: 'due-soon',
      dueAt: day(42, 9),
      daysUntilDue: 3,
    });
  });

  it('counts days overdue in calendar days', () => {
    expect(cadenceStatus({ nextDueAt: dueAt }, day(50, 8), S)).toEqual({ state: 'overdue', dueAt, daysOverdue: 8 });
  });

  it('is snoozed while the snooze lasts, whatever else is true', () => {
    const now = day(60);
    expect(cadenceStatus({ nextDueAt: dueAt, snoozedUntil: now + 1 }, now, S)).toEqual({ state: 'snoozed', until: now + 1 });
    expect(cadenceStatus({ nextDueAt: endOf(100), snoozedUntil: day(61) }, now, S)).toMatchObject({ state: 'snoozed' });
  });

  it('forgets a snooze that has ended (or ends right now)', () => {
    const now = day(60);
    expect(cadenceStatus({ nextDueAt: dueAt, snoozedUntil: now - 1 }, now, S)).toMatchObject({ state: 'overdue' });
    expect(cadenceStatus({ nextDueAt: dueAt, snoozedUntil: now }, now, S)).toMatchObject({ state: 'overdue' });
  });
});

// The suite runs in UTC, where every day has 24 hours. "Days" are local calendar days, so
// check them once where a day can have 23 or 25 hours (Node re-reads TZ when it changes).
describe('in a zone with daylight saving time (America/New_York)', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('the zone really changed (or these tests would prove nothing)', () => {
    expect(new Date(2025, 2, 8).getTimezoneOffset()).toBe(300);
    expect(new Date(2025, 2, 10).getTimezoneOffset()).toBe(240);
  });

  it('a 14-day cadence across the spring change still ends at local midnight of day 14', () => {
    const last = new Date(2025, 2, 1, 10).getTime(); // 1 March, before the 9 March change
    const due = computeNextDueAt(last, last, 14);
    expect(due).toBe(new Date(2025, 2, 15, 23, 59, 59, 999).getTime());
    // 14 days and 14 h to the end of the day, minus the hour the change took away
    expect(due - last).toBe(14 * 24 * 3_600_000 + 14 * 3_600_000 - 1 - 3_600_000);
    const client = { nextDueAt: due };
    expect(cadenceStatus(client, new Date(2025, 2, 15, 23, 59).getTime(), S)).toMatchObject({ state: 'due-soon', daysUntilDue: 0 });
    expect(cadenceStatus(client, new Date(2025, 2, 16, 0, 0).getTime(), S)).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });

  it('counts calendar days, not 24-hour blocks, late in the evening', () => {
    // 23:30 local is already the next day in UTC; the due day must still be the local one
    const last = new Date(2025, 5, 1, 23, 30).getTime();
    expect(computeNextDueAt(last, last, 42)).toBe(new Date(2025, 6, 13, 23, 59, 59, 999).getTime());
  });
});

describe('effectiveCadenceDays for key accounts', () => {
  const s = { ...DEFAULT_SETTINGS, keyAccountCadenceDays: 21 };
  it('uses the key-account cadence for a key account only', () => {
    expect(effectiveCadenceDays('client', s, undefined, true)).toBe(21);
    expect(effectiveCadenceDays('client', s, undefined, false)).toBe(42);
  });
  it('lets the per-client override win over the key-account cadence', () => {
    expect(effectiveCadenceDays('client', s, 10, true)).toBe(10);
  });
  it('falls back to the stage cadence when no key-account cadence is set', () => {
    expect(effectiveCadenceDays('client', DEFAULT_SETTINGS, undefined, true)).toBe(42);
  });
});
