import { describe, expect, it } from 'vitest';
import { TOUCH_KINDS } from '../../../lib/domain/model';
import { lastContactAt, restartsClock } from '../../../lib/domain/lastContact';
import { day } from './clock';

describe('lastContactAt', () => {
  it('is undefined without history', () => {
    expect(lastContactAt([])).toBeUndefined();
  });

  it('is undefined when there are only notes and other records', () => {
    expect(lastContactAt([{ kind: 'note', at: day(1) }, { kind: 'referral', at: day(2) }, { kind: 'score', at: day(3) }])).toBeUndefined();
    expect(lastContactAt([{ kind: 'note', at: day(1) }, { kind: 'score', at: day(3) }], 'any')).toBeUndefined();
  });

  it('ignores a later note', () => {
    expect(
      lastContactAt([
        { kind: 'email-out', at: day(1) },
        { kind: 'note', at: day(9) },
      ]),
    ).toBe(day(1));
  });

  it('by default only your own touches restart the clock: emails you sent, calls, meetings, letters, gifts, lunches, sales', () => {
    for (const kind of ['email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'lunch', 'sale', 'referral-ask'] as const) {
      expect(lastContactAt([{ kind: 'note', at: day(8) }, { kind, at: day(5) }, { kind: 'email-out', at: day(2) }])).toBe(day(5));
    }
    // the client's email, however recent, does not: the clock stays at the user's last touch
    expect(lastContactAt([{ kind: 'call', at: day(2) }, { kind: 'email-in', at: day(9) }])).toBe(day(2));
    expect(lastContactAt([{ kind: 'email-in', at: day(9) }])).toBeUndefined();
  });

  it('with contactClock "any", every touch that is contact restarts it, their emails included', () => {
    for (const kind of ['email-in', 'email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'lunch', 'sale', 'referral-ask'] as const) {
      expect(lastContactAt([{ kind: 'note', at: day(8) }, { kind, at: day(5) }, { kind: 'email-out', at: day(2) }], 'any')).toBe(day(5));
    }
    expect(lastContactAt([{ kind: 'call', at: day(2) }, { kind: 'email-in', at: day(9) }], 'any')).toBe(day(9));
  });

  it('sorts every kind once', () => {
    const own = TOUCH_KINDS.filter((k) => restartsClock(k, 'own'));
    const any = TOUCH_KINDS.filter((k) => restartsClock(k, 'any'));
    expect(own).toEqual(['email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'lunch', 'sale', 'referral-ask']);
    expect(any).toEqual(['email-in', ...own]);
  });
});
