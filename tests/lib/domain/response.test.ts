import { describe, expect, it } from 'vitest';
import type { Settings, TouchKind } from '../../../lib/domain/model';
import { TOUCH_KINDS } from '../../../lib/domain/model';
import {
  REPLY_KINDS,
  awaitingReplySince,
  lateReplyCutoff,
  replyLateMs,
  replyLevel,
  replyStatus,
  touchDirection,
  workingWaitMs,
} from '../../../lib/domain/response';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { DAY, HOUR, MINUTE, day } from './clock';
import { below, random } from './random';

const S = DEFAULT_SETTINGS;
/** the same rules in plain clock hours (the working week turned off) */
const CLOCK: Settings = { ...S, workingDaysOnly: false };
const tp = (kind: TouchKind, at: number) => ({ kind, at });

describe('touchDirection', () => {
  it('sorts every kind', () => {
    const got = Object.fromEntries(TOUCH_KINDS.map((k) => [k, touchDirection(k)]));
    expect(got).toEqual({
      'email-in': 'inbound',
      'email-out': 'outbound',
      call: 'outbound',
      meeting: 'outbound',
      message: 'outbound',
      mail: 'neutral',
      gift: 'neutral',
      // a lunch is a meeting over food: the two spoke, so it answers
      lunch: 'outbound',
      sale: 'neutral',
      note: 'neutral',
      // records and an ask answer nothing: the conversation they came from is a touch of its own
      referral: 'neutral',
      'referral-ask': 'neutral',
      score: 'neutral',
    });
  });

  it('REPLY_KINDS are exactly the outbound kinds', () => {
    expect([...REPLY_KINDS].sort()).toEqual(['call', 'email-out', 'lunch', 'meeting', 'message']);
  });
});

describe('awaitingReplySince', () => {
  it('is undefined with no history or nothing inbound', () => {
    expect(awaitingReplySince([])).toBeUndefined();
    expect(awaitingReplySince([tp('email-out', day(1)), tp('note', day(2)), tp('sale', day(3))])).toBeUndefined();
  });

  it('is the earliest inbound email when the user never answered', () => {
    expect(awaitingReplySince([tp('email-in', day(3)), tp('email-in', day(1)), tp('email-in', day(2))])).toBe(day(1));
  });

  it('is undefined once the latest inbound is answered', () => {
    expect(awaitingReplySince([tp('email-in', day(1)), tp('email-out', day(2))])).toBeUndefined();
  });

  it('is the earliest inbound after the latest outbound, in an interleaved history', () => {
    const history = [
      tp('email-in', day(1)),
      tp('email-out', day(2)),
      tp('email-in', day(3)),
      tp('call', day(4)), // answers day 3
      tp('email-in', day(5, 9)), // unanswered: the wait starts here
      tp('note', day(5, 10)), // a note answers nothing
      tp('sale', day(5, 11)), // nor does a sale
      tp('mail', day(5, 12)),
      tp('gift', day(5, 13)),
      tp('email-in', day(6)),
    ];
    expect(awaitingReplySince(history)).toBe(day(5, 9));
    // the same in any order
    expect(awaitingReplySince([...history].reverse())).toBe(day(5, 9));
    expect(awaitingReplySince([history[9], history[2], history[4], history[0], history[3], history[1]])).toBe(day(5, 9));
  });

  it.each(['email-out', 'call', 'meeting', 'message'] as const)('a %s answers the client', (kind) => {
    expect(awaitingReplySince([tp('email-in', day(1)), tp(kind, day(2))])).toBeUndefined();
  });

  it.each(['note', 'sale', 'mail', 'gift'] as const)('a %s does not answer the client', (kind) => {
    expect(awaitingReplySince([tp('email-in', day(1)), tp(kind, day(2))])).toBe(day(1));
  });

  it('an outbound touch at the same millisecond answers the inbound one', () => {
    expect(awaitingReplySince([tp('email-in', day(1)), tp('email-out', day(1))])).toBeUndefined();
    expect(awaitingReplySince([tp('email-out', day(1)), tp('email-in', day(1)), tp('email-in', day(1) + 1)])).toBe(day(1) + 1);
  });
});

describe('replyLevel', () => {
  it.each([
    [0, 'on-time'],
    [23 * HOUR + 59 * MINUTE, 'on-time'],
    [24 * HOUR - 1, 'on-time'],
    [24 * HOUR, 'due'],
    [36 * HOUR, 'due'],
    [48 * HOUR, 'due'],
    [48 * HOUR + 1, 'late'],
    [48 * HOUR + MINUTE, 'late'],
    [10 * DAY, 'late'],
  ] as const)('waited %i ms -> %s', (waited, level) => {
    expect(replyLevel(waited, S)).toBe(level);
  });

  it('follows the settings', () => {
    const strict: Settings = { ...S, replyOnTimeHours: 4, replyLateHours: 8 };
    expect(replyLevel(3 * HOUR + 59 * MINUTE, strict)).toBe('on-time');
    expect(replyLevel(4 * HOUR, strict)).toBe('due');
    expect(replyLevel(8 * HOUR, strict)).toBe('due');
    expect(replyLevel(8 * HOUR + MINUTE, strict)).toBe('late');
  });
});

describe('replyStatus', () => {
  const now = day(10, 12); // a Saturday

  it('is none without directed events', () => {
    expect(replyStatus([], now, S)).toEqual({ state: 'none' });
    expect(
      replyStatus([{ at: day(1), direction: 'neutral' }, { at: day(2), direction: 'unknown' }], now, S),
    ).toEqual({ state: 'none' });
  });

  it('awaits you since the earliest inbound after your latest outbound', () => {
    const events = [
      { at: day(1), direction: 'inbound' as const },
      { at: day(2), direction: 'outbound' as const },
      { at: now - 30 * HOUR, direction: 'inbound' as const },
      { at: now - 2 * HOUR, direction: 'unknown' as const }, // ignored
      { at: now - HOUR, direction: 'inbound' as const },
      { at: now - HOUR / 2, direction: 'neutral' as const }, // ignored
    ];
    // 30 clock hours since Friday 06:00, but it is Saturday: only Friday's 18 hours are
    // working hours, so the email is on time (it was 'due' when every hour counted)
    expect(replyStatus(events, now, S)).toEqual({
      state: 'awaiting-you',
      since: now - 30 * HOUR,
      waitedMs: 30 * HOUR,
      level: 'on-time',
    });
    expect(replyStatus(events, now, CLOCK)).toMatchObject({ waitedMs: 30 * HOUR, level: 'due' });
  });

  it('grades the wait at the boundaries (clock hours)', () => {
    // in clock hours, as before working days: a Saturday counts like any day
    const one = (waited: number) => replyStatus([{ at: now - waited, direction: 'inbound' }], now, CLOCK);
    expect(one(23 * HOUR + 59 * MINUTE)).toMatchObject({ level: 'on-time' });
    expect(one(24 * HOUR)).toMatchObject({ level: 'due' });
    expect(one(48 * HOUR)).toMatchObject({ level: 'due' });
    expect(one(48 * HOUR + MINUTE)).toMatchObject({ state: 'awaiting-you', level: 'late', waitedMs: 48 * HOUR + MINUTE });
  });

  it('grades the working time waited: an email of Friday 17:00', () => {
    const friday = day(2, 17);
    const at = (t: number) => replyStatus([{ at: friday, direction: 'inbound' }], t, S);
    expect(at(day(3, 12))).toMatchObject({ level: 'on-time', waitedMs: 19 * HOUR }); // Saturday
    expect(at(day(5, 17) - 1)).toMatchObject({ level: 'on-time' }); // Monday 16:59:59.999
    expect(at(day(5, 17))).toMatchObject({ level: 'due', waitedMs: 72 * HOUR }); // 24 working hours
    expect(at(day(6, 17))).toMatchObject({ level: 'due' }); // Tuesday 17:00: 48 working hours
    expect(at(day(6, 17) + 1)).toMatchObject({ level: 'late', waitedMs: 96 * HOUR + 1 });
  });

  it('an email of Saturday starts its clock on Monday 00:00', () => {
    const saturday = day(3, 10);
    const at = (t: number) => replyStatus([{ at: saturday, direction: 'inbound' }], t, S);
    expect(at(day(6) - 1)).toMatchObject({ level: 'on-time' }); // Monday 23:59:59.999
    expect(at(day(6))).toMatchObject({ level: 'due' });
    expect(at(day(7))).toMatchObject({ level: 'due' }); // Wednesday 00:00: 48 h
    expect(at(day(7) + 1)).toMatchObject({ level: 'late' });
  });

  it('follows the working days of the settings (Sunday to Thursday)', () => {
    const sunThu: Settings = { ...S, workingDays: [0, 1, 2, 3, 4] };
    // Thursday 17:00: Friday and Saturday do not count
    const at = (t: number) => replyStatus([{ at: day(1, 17), direction: 'inbound' }], t, sunThu);
    expect(at(day(4, 17) - 1)).toMatchObject({ level: 'on-time' });
    expect(at(day(4, 17))).toMatchObject({ level: 'due' });
    expect(at(day(5, 17))).toMatchObject({ level: 'due' });
    expect(at(day(5, 17) + 1)).toMatchObject({ level: 'late' });
  });

  it('waits on them since your latest outbound, and nudges after nudgeAfterDays', () => {
    const events = (sentAgo: number) => [
      { at: day(1), direction: 'inbound' as const },
      { at: day(2), direction: 'outbound' as const },
      { at: now - sentAgo, direction: 'outbound' as const },
    ];
    expect(replyStatus(events(HOUR), now, S)).toEqual({
      state: 'waiting-on-them',
      since: now - HOUR,
      waitedMs: HOUR,
      nudge: false,
    });
    expect(replyStatus(events(3 * DAY - 1), now, S)).toMatchObject({ state: 'waiting-on-them', nudge: false });
    expect(replyStatus(events(3 * DAY), now, S)).toMatchObject({ state: 'waiting-on-them', nudge: true });
    expect(replyStatus(events(2 * DAY), now, { ...S, nudgeAfterDays: 2 })).toMatchObject({ nudge: true });
  });

  it('takes an outbound at the same millisecond as the later one', () => {
    const t = now - 60 * HOUR;
    expect(
      replyStatus([{ at: t, direction: 'inbound' }, { at: t, direction: 'outbound' }], now, S),
    ).toMatchObject({ state: 'waiting-on-them', since: t });
  });

  it('never reports a negative wait', () => {
    expect(replyStatus([{ at: now + MINUTE, direction: 'inbound' }], now, S)).toMatchObject({
      waitedMs: 0,
      level: 'on-time',
    });
  });

  it('agrees with awaitingReplySince on a touchpoint history', () => {
    const history = [tp('email-in', day(1)), tp('call', day(2)), tp('email-in', day(3)), tp('note', day(4)), tp('email-in', day(5))];
    const status = replyStatus(history.map((t) => ({ at: t.at, direction: touchDirection(t.kind) })), now, S);
    expect(status).toMatchObject({ state: 'awaiting-you', since: awaitingReplySince(history) });
    expect(awaitingReplySince(history)).toBe(day(3));
  });
});

describe('lateReplyCutoff', () => {
  it('is replyLateHours before now when no weekend is in between (or in clock hours)', () => {
    expect(lateReplyCutoff(day(7, 12), S)).toBe(day(5, 12)); // Wednesday noon -> Monday noon
    expect(lateReplyCutoff(day(5), CLOCK)).toBe(day(3));
    expect(lateReplyCutoff(day(10), S)).toBe(day(8));
    expect(lateReplyCutoff(day(10), { ...S, replyLateHours: 12 })).toBe(day(9, 12));
  });

  it('a wait strictly below the cutoff is exactly what replyLevel calls late', () => {
    const now = day(10);
    const cutoff = lateReplyCutoff(now, S);
    expect(replyLevel(now - cutoff, S)).toBe('due');
    expect(replyLevel(now - (cutoff - 1), S)).toBe('late');
  });

  it('skips the weekend: 48 working hours before Tuesday 17:00 is Friday 17:00', () => {
    expect(lateReplyCutoff(day(6, 17), S)).toBe(day(2, 17));
    expect(lateReplyCutoff(day(6, 17), CLOCK)).toBe(day(4, 17));
  });

  it('plateau: on Wednesday 00:00 the cutoff is the end of Friday, so no weekend email is late yet', () => {
    const cutoff = lateReplyCutoff(day(7), S);
    expect(cutoff).toBe(day(3));
    expect(replyStatus([{ at: day(3, 10), direction: 'inbound' }], day(7), S)).toMatchObject({ level: 'due' });
    expect(replyStatus([{ at: day(3) - 1, direction: 'inbound' }], day(7), S)).toMatchObject({ level: 'late' });
  });

  it('random cases: since < cutoff exactly when replyStatus says late', () => {
    const rnd = random(48);
    const weeks: Settings[] = [
      S,
      CLOCK,
      { ...S, workingDays: [0, 1, 2, 3, 4] },
      { ...S, workingDays: [3] },
      { ...S, replyOnTimeHours: 4, replyLateHours: 8 },
      { ...S, replyOnTimeHours: 1 / 3, replyLateHours: 1 / 3 }, // a threshold of no whole ms
    ];
    let late = 0;
    for (let i = 0; i < 4000; i++) {
      const settings = weeks[i % weeks.length];
      const now = day(below(rnd, 60), below(rnd, 24), below(rnd, 60)) + below(rnd, 3) - 1;
      const cutoff = lateReplyCutoff(now, settings);
      const candidates = [cutoff - 1, cutoff, cutoff + 1, now - replyLateMs(settings), now - below(rnd, 20 * DAY), day(below(rnd, 60)) + below(rnd, 3) - 1];
      for (const since of candidates) {
        const status = replyStatus([{ at: since, direction: 'inbound' }], now, settings);
        const isLate = status.state === 'awaiting-you' && status.level === 'late';
        expect(since < cutoff, JSON.stringify({ i, now, since, cutoff })).toBe(isLate);
        expect(replyLevel(workingWaitMs(since, now, settings), settings) === 'late').toBe(isLate);
        if (isLate) late++;
      }
    }
    expect(late).toBeGreaterThan(1000);
  });
});

describe('replyLateMs', () => {
  it('is the late threshold in whole ms', () => {
    expect(replyLateMs(S)).toBe(48 * HOUR);
    expect(replyLateMs({ replyLateHours: 1 / 3 })).toBe(1_200_000);
    expect(replyLateMs({ replyLateHours: 0.0000001 })).toBe(0);
  });
});
