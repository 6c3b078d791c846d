/**
 * The product's default rules (docs/ARCHITECTURE.md, "The rules and their sources"): customers every 14 days to get
 * the second sale, clients every six weeks, former clients a 90-day re-engagement, and
 * answers within 24 h (on time) / 48 h (acceptable), counted in working hours, Monday
 * to Friday (lib/domain/working-time.ts). Every one can be changed by the user;
 * lib/db merges the stored settings over these, so a setting added later simply appears
 * with its default.
 *
 * The object is frozen (deeply): it is shared by every caller, and a caller that pushed
 * into `ownAddresses` or edited `cadenceDays` in place would silently change the defaults
 * of everyone else. Copy it (`{ ...DEFAULT_SETTINGS, cadenceDays: { ... } }`) to change it.
 */
import { AUTO_BACKUPS, LIMITS, STAGES, type Holiday, type Settings, type Stage } from './model';
import { cleanText, eachIn, inField, refused, toBoolean, toEmail, toPositiveDays, toTime, ValidationError } from './validate';

/** "reach out to the customer four times a year, minimum": no cadence above this unless allowed. */
export const MAX_CADENCE_DAYS = 91;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  cadenceDays: Object.freeze({ prospect: 14, customer: 14, client: 42, former: 90 }),
  // "the most important thing is getting the second sale": every 14 days for 90 days after the first
  secondSaleDays: 14,
  secondSaleWindowDays: 90,
  // a customer or client who has bought nothing for a year is dormant: revive them or let them go
  dormantMonths: 12,
  // only the user's own touches restart the contact clock: a client writing in is not the user staying in touch
  contactClock: 'own',
  holidays: Object.freeze([
    Object.freeze({ label: 'Christmas', month: 12, day: 25 }),
    Object.freeze({ label: 'New Year', month: 1, day: 1 }),
  ]) as unknown as Holiday[],
  allowLongCadence: false,
  dueSoonDays: 3,
  replyOnTimeHours: 24,
  replyLateHours: 48,
  workingDays: Object.freeze([1, 2, 3, 4, 5]) as unknown as number[],
  workingDaysOnly: true,
  nudgeAfterDays: 3,
  ownAddresses: Object.freeze([]) as unknown as string[],
  learnedAddresses: Object.freeze([]) as unknown as string[],
  autoCapture: true,
  myName: '',
  signature: '',
  // reminders are off until the user turns them on (and allows notifications)
  digestEnabled: false,
  digestTime: '08:30',
  keyAccountAlerts: false,
  // automatic backups are off until the user turns them on (and allows downloads)
  autoBackup: 'off',
});

/** Every address of the user's: typed, then learnt from the pages. */
export function ownAddressesOf(settings: Pick<Settings, 'ownAddresses' | 'learnedAddresses'>): string[] {
  return [...new Set([...settings.ownAddresses, ...(settings.learnedAddresses ?? [])])];
}

/** Every setting there is (the optional ones have no default): a key outside this list is refused at every entrance. */
export const SETTING_KEYS = [...Object.keys(DEFAULT_SETTINGS), 'keyAccountCadenceDays', 'lastBackupAt'] as (keyof Settings)[];

/**
 * The stored settings row merged over the defaults: a setting added later appears with its
 * default. A row that breaks the rules (written before every entrance checked it, e.g. by
 * an older restore: `ownAddresses: 5` made every capture throw) keeps each setting that
 * passes on its own; any other falls back to its default, so one bad value never stops the app.
 */
export function settingsFrom(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  let out: Settings;
  try {
    out = validateSettingsPatch(s as SettingsPatch, DEFAULT_SETTINGS);
  } catch {
    out = DEFAULT_SETTINGS;
    // allowLongCadence first: it allows the cadences after it
    for (const k of ['allowLongCadence', ...Object.keys(s)]) {
      if (!(k in s)) continue;
      try {
        out = validateSettingsPatch({ [k]: s[k] } as SettingsPatch, out);
      } catch {
        // this one keeps its default
      }
    }
  }
  // a fresh object each time: the defaults' own are frozen
  return { ...out, cadenceDays: { ...out.cadenceDays } };
}

/** A change to the settings; `keyAccountCadenceDays: null` removes that cadence. */
export type SettingsPatch = Omit<Partial<Settings>, 'keyAccountCadenceDays'> & { keyAccountCadenceDays?: number | null };

/**
 * The working weekdays (0 = Sunday … 6 = Saturday), distinct, sorted. An empty list is
 * refused: with no working day an email would never get late (lib/domain/working-time.ts
 * would fall back to clock hours); turning `workingDaysOnly` off is the way to count every day.
 */
function toWorkingDays(value: unknown): number[] {
  const bad = (problem: string, sep = ' ') => new ValidationError(`workingDays${sep}${problem}`, problem);
  if (!Array.isArray(value)) throw bad('must be a list of weekdays (0 = Sunday … 6 = Saturday)');
  if (value.length === 0)
    throw bad('cannot be empty: pick at least one working day, or turn workingDaysOnly off to count every day');
  for (const d of value) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6)
      throw bad(`${typeof d === 'string' ? JSON.stringify(d) : String(d)} is not a weekday (a whole number from 0 = Sunday to 6 = Saturday)`, ': ');
  }
  if (new Set(value).size !== value.length) throw bad('lists a weekday twice');
  return [...value].sort((a, b) => a - b);
}

/** The holidays as the user picks them: a label and a day of the year each (29 February allowed). */
export function toHolidays(value: unknown): Holiday[] {
  if (!Array.isArray(value)) throw new ValidationError('holidays must be a list');
  if (value.length > LIMITS.holidays) throw new ValidationError(`at most ${LIMITS.holidays} holidays`);
  return value.map((v, i) => {
    const h = (v ?? {}) as Partial<Holiday>;
    const label = cleanText(h.label, `holiday ${i + 1} name`, LIMITS.dateLabel);
    if (!label) throw new ValidationError(`holiday ${i + 1} needs a name`);
    const { month, day } = h;
    if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12)
      throw new ValidationError(`holiday "${label}" has no valid month`);
    // 2024: a leap year, so 29 February is a day a holiday may fall on
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > new Date(2024, month, 0).getDate())
      throw new ValidationError(`holiday "${label}" has no valid day`);
    return { label, month, day };
  });
}

/** A time of day as the digest takes it: 24-hour "HH:MM", 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The hours and minutes of an "HH:MM" time of day, or null when it is not one. */
export function parseTimeOfDay(value: unknown): { hours: number; minutes: number } | null {
  const m = typeof value === 'string' ? TIME_OF_DAY.exec(value) : null;
  return m ? { hours: Number(m[1]), minutes: Number(m[2]) } : null;
}

/**
 * The settings after a patch, every field checked (types, ranges, sizes) before anything is
 * written: the options page's saves and a restored backup's settings both pass here. A key
 * that is not a setting is refused; yes/no settings take only true or false. A refusal that
 * concerns more than the one setting it is about, or an item of it, names where
 * (ValidationError's `field`: "cadenceDays.client", "ownAddresses[2]", "replyLateHours").
 */
export function validateSettingsPatch(patch: SettingsPatch, current: Settings): Settings {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new ValidationError('no settings given');
  for (const k of Object.keys(patch)) {
    if (!SETTING_KEYS.includes(k as keyof Settings)) throw refused(`"${k}"`, 'is not a setting', k);
  }
  const next: Settings = { ...current };
  if (patch.allowLongCadence !== undefined) next.allowLongCadence = toBoolean(patch.allowLongCadence, 'allowLongCadence');
  if (patch.cadenceDays !== undefined) {
    const given: unknown = patch.cadenceDays;
    if (!given || typeof given !== 'object' || Array.isArray(given)) throw refused('cadenceDays', 'must give days per stage');
    const cd = { ...current.cadenceDays };
    for (const [stage, days] of Object.entries(given)) {
      if (!STAGES.includes(stage as Stage)) throw refused(`"${stage}"`, 'is not a stage', `cadenceDays.${stage}`);
      cd[stage as Stage] = inField(`cadenceDays.${stage}`, () => toPositiveDays(days, `cadence for ${stage}`));
    }
    next.cadenceDays = cd;
  }
  if (!next.allowLongCadence) {
    for (const s of STAGES) {
      if (next.cadenceDays[s] > MAX_CADENCE_DAYS)
        throw refused(`cadence for ${s}`, `is over ${MAX_CADENCE_DAYS} days: allow long cadences first`, `cadenceDays.${s}`);
    }
  }
  if (patch.keyAccountCadenceDays !== undefined) {
    if (patch.keyAccountCadenceDays === null) delete next.keyAccountCadenceDays;
    else next.keyAccountCadenceDays = toPositiveDays(patch.keyAccountCadenceDays, 'key-account cadence');
  }
  if (!next.allowLongCadence && (next.keyAccountCadenceDays ?? 0) > MAX_CADENCE_DAYS) {
    throw refused('the key-account cadence', `is over ${MAX_CADENCE_DAYS} days: allow long cadences first`, 'keyAccountCadenceDays');
  }
  if (patch.secondSaleDays !== undefined) next.secondSaleDays = toPositiveDays(patch.secondSaleDays, 'second-sale cadence');
  if (!next.allowLongCadence && next.secondSaleDays > MAX_CADENCE_DAYS)
    throw new ValidationError(`the second-sale cadence is over ${MAX_CADENCE_DAYS} days: allow long cadences first`);
  if (patch.secondSaleWindowDays !== undefined)
    next.secondSaleWindowDays = toPositiveDays(patch.secondSaleWindowDays, 'second-sale window');
  if (patch.dormantMonths !== undefined) {
    const m = patch.dormantMonths;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 120)
      throw new ValidationError('dormant after must be a whole number of months from 1 to 120');
    next.dormantMonths = m;
  }
  if (patch.contactClock !== undefined) {
    if (patch.contactClock !== 'own' && patch.contactClock !== 'any')
      throw new ValidationError('the contact clock restarts on "own" touches or "any" touch');
    next.contactClock = patch.contactClock;
  }
  if (patch.holidays !== undefined) next.holidays = toHolidays(patch.holidays);
  if (patch.dueSoonDays !== undefined) {
    if (!Number.isInteger(patch.dueSoonDays) || patch.dueSoonDays < 0 || patch.dueSoonDays > 60)
      throw refused('due-soon days', 'must be a whole number from 0 to 60');
    next.dueSoonDays = patch.dueSoonDays;
  }
  for (const k of ['replyOnTimeHours', 'replyLateHours'] as const) {
    const v = patch[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 24 * 60) throw refused(k, 'must be a number of hours above 0', k);
    next[k] = v;
  }
  if (next.replyLateHours < next.replyOnTimeHours)
    throw refused('the late threshold', 'cannot be before the on-time threshold', 'replyLateHours');
  if (patch.workingDays !== undefined) next.workingDays = toWorkingDays(patch.workingDays);
  if (patch.workingDaysOnly !== undefined) next.workingDaysOnly = toBoolean(patch.workingDaysOnly, 'workingDaysOnly');
  if (patch.nudgeAfterDays !== undefined) next.nudgeAfterDays = toPositiveDays(patch.nudgeAfterDays, 'nudge after');
  if (patch.ownAddresses !== undefined) {
    next.ownAddresses = toAddresses(patch.ownAddresses, 'ownAddresses', 'own addresses');
    if (next.ownAddresses.length > LIMITS.ownAddresses) throw new ValidationError(`at most ${LIMITS.ownAddresses} addresses of yours`);
  }
  if (patch.learnedAddresses !== undefined) {
    next.learnedAddresses = toAddresses(patch.learnedAddresses, 'learnedAddresses', 'learned addresses').slice(0, LIMITS.learnedAddresses);
  }
  if (patch.autoCapture !== undefined) next.autoCapture = toBoolean(patch.autoCapture, 'autoCapture');
  if (patch.myName !== undefined) next.myName = cleanText(patch.myName, 'your name', LIMITS.myName);
  if (patch.signature !== undefined) next.signature = cleanText(patch.signature, 'signature', LIMITS.signature, { multiline: true });
  if (patch.lastBackupAt !== undefined) next.lastBackupAt = toTime(patch.lastBackupAt, 'last backup');
  if (patch.digestEnabled !== undefined) next.digestEnabled = toBoolean(patch.digestEnabled, 'digestEnabled');
  if (patch.digestTime !== undefined) {
    if (!parseTimeOfDay(patch.digestTime))
      throw new ValidationError('the digest time must be a time of day, 24-hour HH:MM (for example 08:30)');
    next.digestTime = patch.digestTime;
  }
  if (patch.keyAccountAlerts !== undefined) next.keyAccountAlerts = toBoolean(patch.keyAccountAlerts, 'keyAccountAlerts');
  if (patch.autoBackup !== undefined) {
    if (!(AUTO_BACKUPS as readonly unknown[]).includes(patch.autoBackup))
      throw refused('autoBackup', 'must be "off", "weekly" or "daily"', 'autoBackup');
    next.autoBackup = patch.autoBackup;
  }
  return next;
}

/** A list of addresses, each checked in its own field ("ownAddresses[2]"). */
function toAddresses(value: unknown, key: string, label: string): string[] {
  if (!Array.isArray(value)) throw refused(label, 'must be a list');
  return [...new Set(inField(key, () => eachIn(value, toEmail)))];
}
