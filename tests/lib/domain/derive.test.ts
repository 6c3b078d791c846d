import { describe, expect, it } from 'vitest';
import type { Settings, Touchpoint } from '../../../lib/domain/model';
import { deriveClientFields } from '../../../lib/domain/derive';
import { inSecondSaleWindow } from '../../../lib/domain/cadence';
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
      firstSaleAt: day(3),
      lastSaleAt: day(22),
      // the user's own last touch: the client's later emails do not restart the clock
      lastContactAt: day(22),
      nextDueAt: endOf(22 + 42),
      awaitingReplySince: day(30, 8),
      // the waiting email (Friday 08:00) turns late after 48 working hours, on Tuesday
      // 08:00 (not Sunday 08:00, as in clock hours), long before the due date
      needsYouAt: day(34, 8),
      // 12 months after the last sale with no other: dormant
      dormantAt: new Date(2026, 0, 23).getTime(),
    });
    // with the clock restarting on any touch, their last email counts
    expect(deriveClientFields({ createdAt: day(-10) }, history, { ...S, contactClock: 'any' })).toMatchObject({
      lastContactAt: day(31, 8),
      nextDueAt: endOf(31 + 42),
    });
  });

  it('needsYouAt: the earlier of due and late, never before a snooze ends', () => {
    // day 30 is a Friday: 48 working hours later is Tuesday 08:00 (day 34), 72 is Wednesday
    const history: T[] = [{ kind: 'email-in', at: day(30, 8) }];
    // created on day 25, so the due date (day 39: their email restarts nothing) comes after the email turns late
    const c = { createdAt: day(25) };
    expect(deriveClientFields(c, history, S).needsYouAt).toBe(day(34, 8));
    // created long before, the due date comes first
    expect(deriveClientFields({ createdAt: day(0) }, history, S).needsYouAt).toBe(endOf(14));
    // a snooze past that moment moves it to the snooze's end
    expect(deriveClientFields({ ...c, snoozedUntil: day(40) }, history, S).needsYouAt).toBe(day(40) - 1);
    // a snooze that already ended changes nothing
    expect(deriveClientFields({ ...c, snoozedUntil: day(1) }, history, S).needsYouAt).toBe(day(34, 8));
    // a longer late threshold moves it too
    expect(deriveClientFields(c, history, { ...S, replyLateHours: 72 }).needsYouAt).toBe(day(35, 8));
    // so does the working week: in clock hours, 48 h later is Sunday 08:00
    expect(deriveClientFields(c, history, { ...S, workingDaysOnly: false }).needsYouAt).toBe(day(30, 8) + 48 * 3_600_000);
    expect(deriveClientFields(c, history, { ...S, workingDays: [5, 6] }).needsYouAt).toBe(day(37, 8)); // 16 h on Friday, 24 h on Saturday, 8 h the next Friday
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

describe('the second sale', () => {
  // a customer cadence of 30 days, to tell it from the 14-day second-sale aim
  const S30: Settings = { ...S, cadenceDays: { ...S.cadenceDays, customer: 30 } };
  const first: T = { kind: 'sale', at: day(0, 10), amount: 100 };

  it('after a first sale, the cadence aims at the second sale (14 days) for 90 days, then falls back', () => {
    const c = { createdAt: day(-5) };
    // the sale itself is contact: due 14 days later, not 30
    expect(deriveClientFields(c, [first], S30).nextDueAt).toBe(endOf(14));
    // a call on day 70: 70 + 14 = day 84, inside the window
    expect(deriveClientFields(c, [first, { kind: 'call', at: day(70) }], S30).nextDueAt).toBe(endOf(84));
    // day 76 + 14 = day 90, the window's last day: still aimed
    expect(deriveClientFields(c, [first, { kind: 'call', at: day(76) }], S30).nextDueAt).toBe(endOf(90));
    // a call on day 80: 80 + 14 would be after the window, so the customer cadence (30) applies
    expect(deriveClientFields(c, [first, { kind: 'call', at: day(80) }], S30).nextDueAt).toBe(endOf(110));
  });

  it('the window and its cadence are settings', () => {
    const c = { createdAt: day(-5) };
    expect(deriveClientFields(c, [first], { ...S30, secondSaleDays: 7 }).nextDueAt).toBe(endOf(7));
    // a 10-day window: day 0 + 14 falls after it, so the customer cadence
    expect(deriveClientFields(c, [first], { ...S30, secondSaleWindowDays: 10 }).nextDueAt).toBe(endOf(30));
  });

  it('a cadence set by hand wins; a second sale ends the window; a prospect has none', () => {
    expect(deriveClientFields({ createdAt: day(-5), cadenceDays: 21 }, [first], S30).nextDueAt).toBe(endOf(21));
    const second: T = { kind: 'sale', at: day(20), amount: 50 };
    expect(deriveClientFields({ createdAt: day(-5) }, [first, second], S30)).toMatchObject({ stage: 'client', nextDueAt: endOf(20 + 42) });
    expect(deriveClientFields({ createdAt: day(0) }, [{ kind: 'call', at: day(1) }], S30).nextDueAt).toBe(endOf(15));
  });

  it('inSecondSaleWindow says when the panel shows "aim: second sale"', () => {
    const c = { stage: 'customer' as const, saleCount: 1, firstSaleAt: day(0, 10) };
    expect(inSecondSaleWindow(c, day(0, 11), S)).toBe(true);
    expect(inSecondSaleWindow(c, endOf(90), S)).toBe(true);
    expect(inSecondSaleWindow(c, day(91), S)).toBe(false);
    expect(inSecondSaleWindow({ ...c, saleCount: 2, stage: 'client' }, day(5), S)).toBe(false);
    expect(inSecondSaleWindow({ ...c, stage: 'former' }, day(5), S)).toBe(false);
    expect(inSecondSaleWindow({ stage: 'prospect', saleCount: 0 }, day(5), S)).toBe(false);
  });
});

describe('the first due date of an import', () => {
  it('is never earlier than firstDueAt, and a later contact moves it on as usual', () => {
    // an imported contact: due on the day the import gave, not 14 days after creation
    expect(deriveClientFields({ createdAt: day(0), firstDueAt: endOf(5) }, [], S).nextDueAt).toBe(endOf(5));
    // imported with a sale two years ago: not overdue at once, due on the spread day
    expect(deriveClientFields({ createdAt: day(0), firstDueAt: endOf(9) }, [{ kind: 'sale', at: day(-730), amount: 1 }], S).nextDueAt).toBe(endOf(9));
    // a call on day 3: due 14 days after it, as for anyone
    expect(deriveClientFields({ createdAt: day(0), firstDueAt: endOf(5) }, [{ kind: 'call', at: day(3) }], S).nextDueAt).toBe(endOf(17));
  });
});

describe('dormancy', () => {
  it('a customer or client with no sale for 12 months is dormant from then; a snooze moves it', () => {
    const sale: T = { kind: 'sale', at: day(10, 9), amount: 5 };
    expect(deriveClientFields({ createdAt: day(0) }, [sale], S).dormantAt).toBe(new Date(2026, 0, 11, 9).getTime());
    expect(deriveClientFields({ createdAt: day(0) }, [sale], { ...S, dormantMonths: 6 }).dormantAt).toBe(new Date(2025, 6, 11, 9).getTime());
    const snoozed = deriveClientFields({ createdAt: day(0), dormantSnoozedUntil: day(500) }, [sale], S);
    expect(snoozed.dormantAt).toBe(day(500));
    // a prospect never bought; a former client is already let go
    expect('dormantAt' in deriveClientFields({ createdAt: day(0) }, [{ kind: 'call', at: day(1) }], S)).toBe(false);
    expect('dormantAt' in deriveClientFields({ createdAt: day(0), stageOverride: 'former' }, [sale], S)).toBe(false);
  });
});
