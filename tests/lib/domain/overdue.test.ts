import { describe, expect, it } from 'vitest';
import { isLateReply, isOverdue, isPastDue, isSnoozed, needsYouAt } from '../../../lib/domain/overdue';
import { lateReplyCutoff, replyLevel, replyStatus } from '../../../lib/domain/response';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import type { Settings } from '../../../lib/domain/model';
import { DAY, HOUR, MINUTE, day, endOf } from './clock';
import { below, random } from './random';

const S = DEFAULT_SETTINGS;
const now = day(50, 12); // a Thursday: 48 h back is Tuesday, no weekend in between

describe('isSnoozed', () => {
  it('is true only while the snooze is in the future', () => {
    expect(isSnoozed({ snoozedUntil: now + 1 }, now)).toBe(true);
    expect(isSnoozed({ snoozedUntil: now }, now)).toBe(false);
    expect(isSnoozed({ snoozedUntil: now - 1 }, now)).toBe(false);
    expect(isSnoozed({}, now)).toBe(false);
  });
});

describe('isOverdue', () => {
  it('is false for a client with no due date and nothing waiting', () => {
    expect(isOverdue({}, now, S)).toBe(false);
  });

  it('day 42 vs day 43 for a client last seen on day 0 (42-day cadence)', () => {
    const client = { nextDueAt: endOf(42) };
    expect(isOverdue(client, endOf(42), S)).toBe(false);
    expect(isOverdue(client, day(43, 0, 0), S)).toBe(true);
    expect(isPastDue(client, endOf(42))).toBe(false);
    expect(isPastDue(client, day(43))).toBe(true);
  });

  it('is strict at the due time itself', () => {
    expect(isOverdue({ nextDueAt: now }, now, S)).toBe(false);
    expect(isOverdue({ nextDueAt: now - 1 }, now, S)).toBe(true);
  });

  it('a waiting email makes a client overdue only once it is over 48 h old', () => {
    expect(isOverdue({ awaitingReplySince: now - (23 * HOUR + 59 * MINUTE) }, now, S)).toBe(false);
    expect(isOverdue({ awaitingReplySince: now - 24 * HOUR }, now, S)).toBe(false);
    expect(isOverdue({ awaitingReplySince: now - 48 * HOUR }, now, S)).toBe(false);
    expect(isOverdue({ awaitingReplySince: now - (48 * HOUR + MINUTE) }, now, S)).toBe(true);
    expect(isOverdue({ awaitingReplySince: now - (48 * HOUR + 1) }, now, S)).toBe(true);
  });

  it('a late reply makes a client overdue even when the cadence is on track', () => {
    expect(isOverdue({ nextDueAt: endOf(80), awaitingReplySince: now - 72 * HOUR }, now, S)).toBe(true);
  });

  it('follows replyLateHours', () => {
    const c = { awaitingReplySince: now - 13 * HOUR };
    expect(isOverdue(c, now, S)).toBe(false);
    expect(isOverdue(c, now, { ...S, replyLateHours: 12 })).toBe(true);
  });

  it('a snooze in the future hides both reasons; one in the past hides nothing', () => {
    const behind = { nextDueAt: day(10), awaitingReplySince: day(10) };
    expect(isOverdue({ ...behind, snoozedUntil: day(51) }, now, S)).toBe(false);
    expect(isOverdue({ ...behind, snoozedUntil: day(49) }, now, S)).toBe(true);
  });
});

describe('isLateReply', () => {
  it('is false without a waiting email', () => {
    expect(isLateReply({}, now, S)).toBe(false);
  });

  it('agrees with replyLevel at the boundary', () => {
    for (const waited of [48 * HOUR, 48 * HOUR + 1, 48 * HOUR + MINUTE, 47 * HOUR]) {
      expect(isLateReply({ awaitingReplySince: now - waited }, now, S)).toBe(replyLevel(waited, S) === 'late');
    }
  });

  it('is a fact about the email, snoozed or not', () => {
    expect(isLateReply({ awaitingReplySince: day(1), snoozedUntil: day(99) } as never, now, S)).toBe(true);
  });
});

describe('needsYouAt', () => {
  it('is below now exactly when the client is overdue, for every mix of due date, waiting email and snooze', () => {
    // every combination around the edges: one millisecond either side of each threshold
    const offsets = [-DAYS, -1, 0, 1, DAYS];
    let checked = 0;
    for (const settings of [S, { ...S, replyLateHours: 72 }]) {
      for (const due of [undefined, ...offsets.map((o) => now + o)]) {
        for (const waiting of [undefined, ...offsets.map((o) => now - settings.replyLateHours * HOUR + o)]) {
          for (const snooze of [undefined, ...offsets.map((o) => now + o)]) {
            const c = { nextDueAt: due, awaitingReplySince: waiting, snoozedUntil: snooze };
            const at = needsYouAt(c, settings);
            expect(at !== undefined && at < now, JSON.stringify(c)).toBe(isOverdue(c, now, settings));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * 6 * 6 * 6);
  });

  it('working days: an email of Friday 17:00 needs you from Tuesday 17:00 + 1 ms', () => {
    const c = { awaitingReplySince: day(2, 17) };
    expect(needsYouAt(c, S)).toBe(day(6, 17));
    expect(isOverdue(c, day(6, 17), S)).toBe(false);
    expect(isOverdue(c, day(6, 17) + 1, S)).toBe(true);
    expect(isOverdue(c, day(4, 17), S)).toBe(false); // Sunday: 48 clock hours, 7 working ones
    expect(isOverdue(c, day(4, 17) + 1, { ...S, workingDaysOnly: false })).toBe(true);
  });

  it('working days: a threshold that runs out at the end of Friday waits over the weekend', () => {
    // Thursday 00:00 + 48 working hours = Friday 24:00; the email stays due until Monday 00:00
    const c = { awaitingReplySince: day(1) };
    expect(needsYouAt(c, S)).toBe(day(5));
    for (const t of [day(3), day(4, 12), day(5)]) expect(isOverdue(c, t, S)).toBe(false);
    expect(isOverdue(c, day(5) + 1, S)).toBe(true);
  });

  it('random cases: needsYouAt < now exactly when isOverdue, with working days', () => {
    const rnd = random(2025);
    const settings: Settings[] = [
      S,
      { ...S, workingDaysOnly: false },
      { ...S, workingDays: [0, 1, 2, 3, 4] },
      { ...S, workingDays: [3] },
      { ...S, workingDays: [6, 0] },
      { ...S, replyOnTimeHours: 4, replyLateHours: 8 },
      { ...S, replyOnTimeHours: 24, replyLateHours: 24 * 60 },
      { ...S, replyOnTimeHours: 0.5, replyLateHours: 7.25 },
    ];
    // a moment on an edge as often as not: a day start, one ms either side, or anywhere
    const moment = () => {
      const start = day(below(rnd, 70));
      return [start, start - 1, start + 1, start + below(rnd, DAY)][below(rnd, 4)];
    };
    let overdue = 0;
    for (let i = 0; i < 6000; i++) {
      const st = settings[i % settings.length];
      const t = moment();
      const waiting = below(rnd, 4) === 0 ? undefined : below(rnd, 2) ? moment() : lateReplyCutoff(t, st) + below(rnd, 3) - 1;
      const due = below(rnd, 2) ? undefined : t + below(rnd, 3) - 1 + (below(rnd, 2) ? 0 : below(rnd, 10 * DAY) - 5 * DAY);
      const snooze = below(rnd, 3) ? undefined : t + below(rnd, 3) - 1;
      const c = { nextDueAt: due, awaitingReplySince: waiting, snoozedUntil: snooze };
      const at = needsYouAt(c, st);
      const is = isOverdue(c, t, st);
      expect(at !== undefined && at < t, JSON.stringify({ i, c, t })).toBe(is);
      // and the waiting email's half agrees with the grade on a client card
      if (waiting !== undefined && waiting <= t) {
        const status = replyStatus([{ at: waiting, direction: 'inbound' }], t, st);
        expect(isLateReply(c, t, st)).toBe(status.state === 'awaiting-you' && status.level === 'late');
        expect(needsYouAt({ awaitingReplySince: waiting }, st)! < t).toBe(isLateReply(c, t, st));
      }
      if (is) overdue++;
    }
    expect(overdue).toBeGreaterThan(1000);
  });

  it('is absent when there is neither a due date nor a waiting email', () => {
    expect(needsYouAt({ snoozedUntil: now }, S)).toBeUndefined();
  });
});

const DAYS = 86_400_000;
