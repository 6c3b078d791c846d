import { describe, expect, it } from 'vitest';
import type { Settings, Touchpoint } from '../../../lib/domain/model';
import { deriveClientFields } from '../../../lib/domain/derive';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { day, endOf } from './clock';

const S = DEFAULT_SETTINGS;
type T = Pick<Touchpoint, 'at' | 'kind' | 'amount'>;

describe('deriveClientFields', () => {
  it('a new client with no history: a prospect due 14 days after creation', () => {
    const d = deriveClientFields({ createdAt: day(0, 9) }, [], S);
    expect(d).toEqual({ stage: 'prospect', saleCount: 0, lifetimeValue: 0, nextDueAt: endOf(14), needsYouAt: endOf(14) });
    expect('lastContactAt' in d).toBe(false);
    expect('awaitingReplySince' in d).toBe(false);
  });

  it('end to end on a small history', () => {
    const history: T[] = [
      { kind: 'email-in', at: day(0, 9) },
      { kind: 'email-out', at: day(0, 11) },
      { kind: 'sale', at: day(3), amount: 1200.1 },
      { kind: 'call', at: day(20) },
      { kind: 'sale', at: day(21), amount: 0.2 },
      { kind: 'sale', at: day(22) }, // no amount recorded
      { kind: 'email-in', at: day(30, 8) }, // unanswered
      { kind: 'email-in', at: day(31, 8) },
      { kind: 'note', at: day(35) }, // not contact
    ];
    const d = deriveClientFields({ createdAt: day(-10) }, history, S);
    expect(d).toEqual({
      stage: 'client',
      saleCount: 3,
      lifetimeValue: 1200.3,
      lastContactAt: day(31, 8),
      nextDueAt: endOf(31 + 42),
      awaitingReplySince: day(30, 8),
      // the waiting email (Friday 08:00) turns late after 48 working hours, on Tuesday
      // 08:00 (not Sunday 08:00, as in clock hours), long before the due date
      needsYouAt: day(34, 8),
    });
  });

  it('needsYouAt: the earlier of due and late, never before a snooze ends', () => {
    // day 30 is a Friday: 48 working hours later is Tuesday 08:00 (day 34), 72 is Wednesday
    const history: T[] = [{ kind: 'email-in', at: day(30, 8) }];
    expect(deriveClientFields({ createdAt: day(0) }, history, S).needsYouAt).toBe(day(34, 8));
    // a snooze past that moment moves it to the snooze's end
    expect(deriveClientFields({ createdAt: day(0), snoozedUntil: day(40) }, history, S).needsYouAt).toBe(day(40) - 1);
    // a snooze that already ended changes nothing
    expect(deriveClientFields({ createdAt: day(0), snoozedUntil: day(1) }, history, S).needsYouAt).toBe(day(34, 8));
    // a longer late threshold moves it too
    expect(deriveClientFields({ createdAt: day(0) }, history, { ...S, replyLateHours: 72 }).needsYouAt).toBe(day(35, 8));
    // so does the working week: in clock hours, 48 h later is Sunday 08:00
    expect(deriveClientFields({ createdAt: day(0) }, history, { ...S, workingDaysOnly: false }).needsYouAt).toBe(day(30, 8) + 48 * 3_600_000);
    expect(deriveClientFields({ createdAt: day(0) }, history, { ...S, workingDays: [5, 6] }).needsYouAt).toBe(day(37, 8)); // 16 h on Friday, 24 h on Saturday, 8 h the next Friday
  });

  it('one sale makes a customer on the 14-day cadence', () => {
    const d = deriveClientFields({ createdAt: day(0) }, [{ kind: 'sale', at: day(2), amount: 50 }], S);
    expect(d.stage).toBe('customer');
    expect(d.saleCount).toBe(1);
    expect(d.lastContactAt).toBe(day(2));
    expect(d.nextDueAt).toBe(endOf(16));
    expect('awaitingReplySince' in d).toBe(false);
  });

  it('sums money in cents, without float drift', () => {
    const sales: T[] = [0.1, 0.2].map((amount, i) => ({ kind: 'sale', at: day(i), amount }));
    expect(deriveClientFields({ createdAt: day(0) }, sales, S).lifetimeValue).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3); // the drift this avoids
    const more: T[] = [19.99, 1.15, 0.07].map((amount, i) => ({ kind: 'sale', at: day(i), amount }));
    expect(deriveClientFields({ createdAt: day(0) }, more, S).lifetimeValue).toBe(21.21);
    expect(19.99 + 1.15 + 0.07).not.toBe(21.21);
  });

  it('counts a missing or nonsensical amount as zero', () => {
    const sales: T[] = [
      { kind: 'sale', at: day(1), amount: 10 },
      { kind: 'sale', at: day(2) },
      { kind: 'sale', at: day(3), amount: Number.NaN },
    ];
    expect(deriveClientFields({ createdAt: day(0) }, sales, S)).toMatchObject({ saleCount: 3, lifetimeValue: 10 });
  });

  it('amounts on touchpoints that are not sales do not count', () => {
    const d = deriveClientFields({ createdAt: day(0) }, [{ kind: 'note', at: day(1), amount: 99 }], S);
    expect(d).toMatchObject({ saleCount: 0, lifetimeValue: 0, stage: 'prospect' });
  });

  it('the stage override sets the stage and so the cadence', () => {
    const sales: T[] = [
      { kind: 'sale', at: day(1), amount: 1 },
      { kind: 'sale', at: day(2), amount: 1 },
    ];
    const d = deriveClientFields({ createdAt: day(0), stageOverride: 'former' }, sales, S);
    expect(d.stage).toBe('former');
    expect(d.saleCount).toBe(2);
    expect(d.nextDueAt).toBe(endOf(92)); // 90-day re-engagement from day 2
  });

  it('the per-client cadence beats the stage cadence, within the cap', () => {
    const history: T[] = [{ kind: 'call', at: day(0, 15) }];
    expect(deriveClientFields({ createdAt: day(0), cadenceDays: 7 }, history, S).nextDueAt).toBe(endOf(7));
    expect(deriveClientFields({ createdAt: day(0), cadenceDays: 120 }, history, S).nextDueAt).toBe(endOf(91));
    const allow: Settings = { ...S, allowLongCadence: true };
    expect(deriveClientFields({ createdAt: day(0), cadenceDays: 120 }, history, allow).nextDueAt).toBe(endOf(120));
  });

  it('counts the cadence from creation when the only history is notes', () => {
    const d = deriveClientFields({ createdAt: day(5) }, [{ kind: 'note', at: day(6) }], S);
    expect(d.nextDueAt).toBe(endOf(19));
    expect('lastContactAt' in d).toBe(false);
  });
});
