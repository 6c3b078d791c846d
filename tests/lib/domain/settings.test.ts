import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_CADENCE_DAYS } from '../../../lib/domain/settings';

describe('DEFAULT_SETTINGS', () => {
  it('holds the product defaults of docs/ARCHITECTURE.md', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      cadenceDays: { prospect: 14, customer: 14, client: 42, former: 90 },
      allowLongCadence: false,
      dueSoonDays: 3,
      replyOnTimeHours: 24,
      replyLateHours: 48,
      workingDays: [1, 2, 3, 4, 5],
      workingDaysOnly: true,
      nudgeAfterDays: 3,
      ownAddresses: [],
      learnedAddresses: [],
      autoCapture: true,
      myName: '',
      signature: '',
    });
  });

  it('caps cadences at a quarter (91 days)', () => {
    expect(MAX_CADENCE_DAYS).toBe(91);
    for (const days of Object.values(DEFAULT_SETTINGS.cadenceDays)) expect(days).toBeLessThanOrEqual(MAX_CADENCE_DAYS);
  });

  it('cannot be changed in place by one caller for everyone', () => {
    expect(() => DEFAULT_SETTINGS.ownAddresses.push('me@example.com')).toThrow(TypeError);
    expect(() => DEFAULT_SETTINGS.workingDays.push(6)).toThrow(TypeError);
    expect(() => {
      DEFAULT_SETTINGS.cadenceDays.client = 7;
    }).toThrow(TypeError);
    expect(DEFAULT_SETTINGS.ownAddresses).toEqual([]);
    expect(DEFAULT_SETTINGS.cadenceDays.client).toBe(42);
  });

  it('copies into a settings object that can be changed', () => {
    const mine = { ...DEFAULT_SETTINGS, cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, client: 30 } };
    mine.dueSoonDays = 5;
    expect(mine.cadenceDays.client).toBe(30);
    expect(DEFAULT_SETTINGS.dueSoonDays).toBe(3);
  });
});
