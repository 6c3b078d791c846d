import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, MAX_CADENCE_DAYS, parseTimeOfDay, SETTING_KEYS, settingsFrom, validateSettingsPatch, type SettingsPatch,
} from '../../../lib/domain/settings';
import type { ValidationError } from '../../../lib/domain/validate';

describe('DEFAULT_SETTINGS', () => {
  it('holds the product defaults of docs/ARCHITECTURE.md', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      cadenceDays: { prospect: 14, customer: 14, client: 42, former: 90 },
      secondSaleDays: 14,
      secondSaleWindowDays: 90,
      dormantMonths: 12,
      contactClock: 'own',
      holidays: [{ label: 'Christmas', month: 12, day: 25 }, { label: 'New Year', month: 1, day: 1 }],
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
      digestEnabled: false,
      digestTime: '08:30',
      keyAccountAlerts: false,
      autoBackup: 'off',
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

describe('the reminder settings', () => {
  it('are off until the user turns them on', () => {
    expect(DEFAULT_SETTINGS.digestEnabled).toBe(false);
    expect(DEFAULT_SETTINGS.keyAccountAlerts).toBe(false);
  });

  it('turn on and off, and take a digest time of the 24-hour clock', () => {
    const on = validateSettingsPatch({ digestEnabled: true, keyAccountAlerts: true, digestTime: '07:05' }, DEFAULT_SETTINGS);
    expect(on).toMatchObject({ digestEnabled: true, keyAccountAlerts: true, digestTime: '07:05' });
    for (const t of ['00:00', '12:30', '23:59']) expect(validateSettingsPatch({ digestTime: t }, DEFAULT_SETTINGS).digestTime).toBe(t);
    expect(validateSettingsPatch({ digestEnabled: false }, on).digestEnabled).toBe(false);
    // what is not in the patch stays as it was
    expect(validateSettingsPatch({ digestEnabled: false }, on).digestTime).toBe('07:05');
  });

  it('refuse a digest time that is not HH:MM, naming the field', () => {
    for (const t of ['8:30', '24:00', '08:60', '08:30:00', ' 08:30', '0830', '', 'noon', 830, null]) {
      expect(() => validateSettingsPatch({ digestTime: t as never }, DEFAULT_SETTINGS)).toThrow(/digest time must be a time of day/);
    }
  });

  it('reads a time of day into hours and minutes', () => {
    expect(parseTimeOfDay('08:30')).toEqual({ hours: 8, minutes: 30 });
    expect(parseTimeOfDay('23:59')).toEqual({ hours: 23, minutes: 59 });
    expect(parseTimeOfDay('7:30')).toBeNull();
    expect(parseTimeOfDay(undefined)).toBeNull();
  });
});

describe('validateSettingsPatch', () => {
  const refusal = (patch: unknown) => {
    try {
      validateSettingsPatch(patch as SettingsPatch, DEFAULT_SETTINGS);
    } catch (e) {
      return e as ValidationError;
    }
    throw new Error('not refused');
  };

  it('takes only true or false for a yes/no setting', () => {
    for (const k of ['allowLongCadence', 'workingDaysOnly', 'autoCapture']) {
      for (const v of ['yes', 1, 0, null, 'false']) {
        expect(refusal({ [k]: v })).toMatchObject({ message: `${k} must be true or false`, problem: 'must be true or false' });
      }
      expect(validateSettingsPatch({ [k]: false }, DEFAULT_SETTINGS)[k as 'autoCapture']).toBe(false);
    }
  });

  it('refuses a key that is not a setting', () => {
    expect(refusal({ theme: 'dark' })).toMatchObject({ message: '"theme" is not a setting', field: 'theme' });
    expect(SETTING_KEYS).toEqual(expect.arrayContaining(Object.keys(DEFAULT_SETTINGS)));
  });

  it('names where a refusal is when it is about more than its one setting, apart from its words, which stay the user’s', () => {
    expect(refusal({ replyLateHours: 'soon' })).toMatchObject({
      message: 'replyLateHours must be a number of hours above 0', field: 'replyLateHours', problem: 'must be a number of hours above 0',
    });
    expect(refusal({ cadenceDays: { client: -1 } })).toMatchObject({ field: 'cadenceDays.client', message: expect.stringMatching(/^cadence for client must be/) });
    expect(refusal({ cadenceDays: { client: 120 } })).toMatchObject({ field: 'cadenceDays.client', problem: 'is over 91 days: allow long cadences first' });
    expect(refusal({ ownAddresses: ['me@x.com', 'me at home'] })).toMatchObject({ field: 'ownAddresses[1]' });
    expect(refusal({ replyOnTimeHours: 60 })).toMatchObject({ field: 'replyLateHours', message: 'the late threshold cannot be before the on-time threshold' });
  });
});

describe('settingsFrom', () => {
  it('merges the stored row over the defaults', () => {
    expect(settingsFrom({ myName: 'Sam', cadenceDays: { client: 30 } })).toEqual({
      ...DEFAULT_SETTINGS, myName: 'Sam', cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, client: 30 },
    });
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each stored setting that passes on its own and gives any other its default', () => {
    // what an older restore could store: every capture threw on `ownAddresses: 5`
    const s = settingsFrom({ ownAddresses: 5, replyLateHours: 'soon', autoCapture: 'yes', theme: 'dark', myName: 'Sam', workingDays: [5, 1] });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, myName: 'Sam', workingDays: [1, 5] });
    expect(Object.isFrozen(s.cadenceDays)).toBe(false);
  });
});

describe('the lifecycle settings (issue 16)', () => {
  const S = DEFAULT_SETTINGS;
  it('change the second-sale aim, the dormancy time, the contact clock and the holidays', () => {
    const next = validateSettingsPatch(
      { secondSaleDays: 10, secondSaleWindowDays: 60, dormantMonths: 18, contactClock: 'any', holidays: [{ label: ' Diwali ', month: 11, day: 1 }] },
      S,
    );
    expect(next).toMatchObject({ secondSaleDays: 10, secondSaleWindowDays: 60, dormantMonths: 18, contactClock: 'any', holidays: [{ label: 'Diwali', month: 11, day: 1 }] });
    expect(validateSettingsPatch({ holidays: [{ label: 'Leap day', month: 2, day: 29 }] }, S).holidays).toEqual([{ label: 'Leap day', month: 2, day: 29 }]);
  });
  it('refuse what is not one, naming it', () => {
    expect(() => validateSettingsPatch({ secondSaleDays: 0 }, S)).toThrow(/second-sale cadence/);
    expect(() => validateSettingsPatch({ secondSaleDays: 120 }, S)).toThrow(/allow long cadences/);
    expect(validateSettingsPatch({ secondSaleDays: 120, allowLongCadence: true }, S).secondSaleDays).toBe(120);
    expect(() => validateSettingsPatch({ dormantMonths: 0 }, S)).toThrow(/dormant/);
    expect(() => validateSettingsPatch({ dormantMonths: 1.5 }, S)).toThrow(/dormant/);
    expect(() => validateSettingsPatch({ contactClock: 'theirs' as never }, S)).toThrow(/contact clock/);
    expect(() => validateSettingsPatch({ holidays: [{ label: 'x', month: 2, day: 30 }] }, S)).toThrow(/valid day/);
    expect(() => validateSettingsPatch({ holidays: [{ label: '', month: 1, day: 1 }] }, S)).toThrow(/needs a name/);
    expect(() => validateSettingsPatch({ holidays: 'Christmas' as never }, S)).toThrow(/list/);
  });
});
