import { describe, expect, it } from 'vitest';
import { newClient } from '@/lib/domain/clients';
import { ValidationError } from '@/lib/domain/validate';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { checkClientRecord, checkSettingsValue } from '@/lib/backup/rows';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();

describe('a stored client under the rules of applyClientPatch (checkClientRecord)', () => {
  const base = () => newClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW);

  it('names the field it refuses', () => {
    const refusal = (c: object) => {
      try {
        checkClientRecord({ ...base(), ...c });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('not refused');
    };
    expect(refusal({ importantDates: [{ label: 'Ok', month: 1, day: 1 }, { label: 'Birthday', month: 2, day: 30 }] })).toMatchObject({
      field: 'importantDates[1]', problem: '"Birthday" has no valid day',
    });
    expect(refusal({ emails: ['dana@acme.com', 'DANA at acme'] })).toMatchObject({ field: 'emails[1]' });
    expect(refusal({ tags: ['ok', 7] })).toMatchObject({ field: 'tags[1]', problem: 'must be text' });
    expect(refusal({ keyAccount: 'yes' })).toMatchObject({ field: 'keyAccount', problem: 'must be true or false' });
    expect(refusal({ cadenceDays: -1 })).toMatchObject({ field: 'cadenceDays' });
  });

  it('gives the values as a write would store them', () => {
    const c = checkClientRecord({ ...base(), name: ' Dana\u0007  Client ', tags: ['vip\u0000', '\u0007', 'vip'], company: '  ' });
    expect(c).toMatchObject({ name: 'Dana Client', tags: ['vip'] });
    expect(c.company).toBeUndefined();
    expect(checkClientRecord(base())).toEqual(base());
  });
});

describe('the settings row under the options page’s rules (checkSettingsValue)', () => {
  const where = (value: object) => {
    try {
      checkSettingsValue(value as Record<string, unknown>);
    } catch (e) {
      const v = e as ValidationError;
      return `${v.field}: ${v.problem}`;
    }
    throw new Error('not refused');
  };

  it('names the setting of every refusal', () => {
    expect(where({ replyLateHours: 'soon' })).toBe('replyLateHours: must be a number of hours above 0');
    expect(where({ autoCapture: 'yes' })).toBe('autoCapture: must be true or false');
    expect(where({ myName: 7 })).toBe('myName: must be text');
    expect(where({ cadenceDays: 5 })).toBe('cadenceDays: must give days per stage');
    expect(where({ cadenceDays: { client: 0 } })).toBe('cadenceDays.client: must be a whole number of days between 1 and 3650');
    expect(where({ cadenceDays: { vip: 9 } })).toBe('cadenceDays.vip: is not a stage');
    expect(where({ ownAddresses: Array.from({ length: 51 }, (_, i) => `me${i}@x.com`) })).toBe('ownAddresses: at most 50 addresses of yours');
    expect(where({ lastBackupAt: 'soon' })).toBe('lastBackupAt: is not a date');
    // the rules between settings, over the defaults
    expect(where({ replyOnTimeHours: 60 })).toBe('replyLateHours: cannot be before the on-time threshold');
    expect(where({ keyAccountCadenceDays: 100 })).toBe('keyAccountCadenceDays: is over 91 days: allow long cadences first');
  });

  it('gives the whole settings as the rules make them', () => {
    expect(checkSettingsValue({ allowLongCadence: true, cadenceDays: { client: 120 }, ownAddresses: ['Me@X.com'] })).toEqual({
      ...DEFAULT_SETTINGS, allowLongCadence: true, cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, client: 120 }, ownAddresses: ['me@x.com'],
    });
  });
});
