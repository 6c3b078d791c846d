import { describe, expect, it } from 'vitest';
import type { Settings, TouchKind } from '../../../lib/domain/model';
import { TOUCH_KINDS } from '../../../lib/domain/model';
import {
  REPLY_KINDS,
  awaitingReplySince,
  lateReplyCutoff,
  replyLevel,
  replyStatus,
  touchDirection,
} from '../../../lib/domain/response';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { DAY, HOUR, MINUTE, day } from './clock';

const S = DEFAULT_SETTINGS;
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
      sale: 'neutral',
      note: 'neutral',
    });
  });

  it('REPLY_KINDS are exactly the outbound kinds', () => {
    expect([...REPLY_KINDS].sort()).toEqual(['call', 'email-out', 'meeting', 'message']);
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
  const now = day(10, 12);

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
    expect(replyStatus(events, now, S)).toEqual({
      state: 'awaiting-you',
      since: now - 30 * HOUR,
      waitedMs: 30 * HOUR,
      level: 'due',
    });
  });

  it('grades the wait at the boundaries', () => {
    const one = (waited: number) => replyStatus([{ at: now - waited, direction: 'inbound' }], now, S);
    expect(one(23 * HOUR + 59 * MINUTE)).toMatchObject({ level: 'on-time' });
    expect(one(24 * HOUR)).toMatchObject({ level: 'due' });
    expect(one(48 * HOUR)).toMatchObject({ level: 'due' });
    expect(one(48 * HOUR + MINUTE)).toMatchObject({ state: 'awaiting-you', level: 'late', waitedMs: 48 * HOUR + MINUTE });
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
  it('is replyLateHours before now', () => {
    expect(lateReplyCutoff(day(10), S)).toBe(day(8));
    expect(lateReplyCutoff(day(10), { ...S, replyLateHours: 12 })).toBe(day(9, 12));
  });

  it('a wait strictly below the cutoff is exactly what replyLevel calls late', () => {
    const now = day(10);
    const cutoff = lateReplyCutoff(now, S);
    expect(replyLevel(now - cutoff, S)).toBe('due');
    expect(replyLevel(now - (cutoff - 1), S)).toBe('late');
  });
});
