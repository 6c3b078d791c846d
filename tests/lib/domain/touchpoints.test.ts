import { describe, expect, it } from 'vitest';
import { validateTouchpoint } from '@/lib/domain/touchpoints';
import { ValidationError } from '@/lib/domain/validate';

const NOW = new Date(2026, 10, 22, 12).getTime();

describe('validateTouchpoint: the lifecycle kinds', () => {
  it('a satisfaction score is a whole number from 0 to 10, on a score only', () => {
    expect(validateTouchpoint({ clientId: 1, kind: 'score', score: 9, summary: 'Loves the new plan' }, NOW)).toMatchObject({ kind: 'score', score: 9, summary: 'Loves the new plan' });
    expect(validateTouchpoint({ clientId: 1, kind: 'score', score: 0 }, NOW).score).toBe(0);
    for (const score of [undefined, -1, 11, 7.5, Number.NaN]) {
      expect(() => validateTouchpoint({ clientId: 1, kind: 'score', score }, NOW)).toThrow(/0 to 10/);
    }
    expect(() => validateTouchpoint({ clientId: 1, kind: 'call', score: 5 }, NOW)).toThrow(ValidationError);
  });

  it('a referral names who was referred: by words, by the client they became, or both', () => {
    expect(validateTouchpoint({ clientId: 1, kind: 'referral', subject: 'Ravi Shah <ravi@globex.com>' }, NOW)).toMatchObject({ kind: 'referral', subject: 'Ravi Shah <ravi@globex.com>' });
    expect(validateTouchpoint({ clientId: 1, kind: 'referral', referredClientId: 2 }, NOW).referredClientId).toBe(2);
    expect(() => validateTouchpoint({ clientId: 1, kind: 'referral' }, NOW)).toThrow(/name of the person referred/);
    expect(() => validateTouchpoint({ clientId: 1, kind: 'referral', referredClientId: 1 }, NOW)).toThrow(/themselves/);
    expect(() => validateTouchpoint({ clientId: 1, kind: 'call', referredClientId: 2 }, NOW)).toThrow(ValidationError);
  });

  it('lunch and an ask for a referral are touches like any other, dated in the past when given', () => {
    expect(validateTouchpoint({ clientId: 1, kind: 'lunch', at: NOW - 86_400_000 }, NOW)).toMatchObject({ kind: 'lunch', at: NOW - 86_400_000 });
    expect(validateTouchpoint({ clientId: 1, kind: 'referral-ask' }, NOW)).toMatchObject({ kind: 'referral-ask', at: NOW });
  });
});
