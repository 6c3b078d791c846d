import { describe, expect, it } from 'vitest';
import { lastContactAt } from '../../../lib/domain/lastContact';
import { day } from './clock';

describe('lastContactAt', () => {
  it('is undefined without history', () => {
    expect(lastContactAt([])).toBeUndefined();
  });

  it('is undefined when there are only notes', () => {
    expect(lastContactAt([{ kind: 'note', at: day(1) }, { kind: 'note', at: day(2) }])).toBeUndefined();
  });

  it('ignores a later note', () => {
    expect(
      lastContactAt([
        { kind: 'email-out', at: day(1) },
        { kind: 'note', at: day(9) },
      ]),
    ).toBe(day(1));
  });

  it('counts every kind that is not a note, in either direction, in any order', () => {
    for (const kind of ['email-in', 'email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'sale'] as const) {
      expect(
        lastContactAt([
          { kind: 'note', at: day(8) },
          { kind, at: day(5) },
          { kind: 'email-out', at: day(2) },
        ]),
      ).toBe(day(5));
    }
  });
});
