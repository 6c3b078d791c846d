/**
 * The user's settings live in one row (`key: 'app'`) merged over DEFAULT_SETTINGS, so a
 * setting added in a later version simply appears with its default. Changing a cadence or
 * a threshold changes every client's due date: `updateSettings` recomputes the derived
 * fields of all clients in the same transaction as the settings write. So does the working
 * week (`workingDays`, `workingDaysOnly`): it moves the moment a waiting email turns late
 * (`needsYouAt`).
 */
import { DEFAULT_SETTINGS, MAX_CADENCE_DAYS } from '../domain/settings';
import type { Settings, Stage } from './types';
import { STAGES } from './types';
import { db } from './schema';
import { ValidationError } from './errors';
import { cleanText, toEmail, toPositiveDays, toTime } from './validate';
import { recomputeAllClients } from './derived';

const KEY = 'app';

export async function getSettings(): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const stored = (row?.value ?? {}) as Partial<Settings>;
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, ...(stored.cadenceDays ?? {}) },
  };
}

/**
 * The working weekdays (0 = Sunday … 6 = Saturday), distinct, sorted. An empty list is
 * refused: with no working day an email would never get late (lib/domain/working-time.ts
 * would fall back to clock hours); turning `workingDaysOnly` off is the way to count every day.
 */
function toWorkingDays(value: unknown): number[] {
  if (!Array.isArray(value)) throw new ValidationError('workingDays must be a list of weekdays (0 = Sunday … 6 = Saturday)');
  if (value.length === 0)
    throw new ValidationError('workingDays cannot be empty: pick at least one working day, or turn workingDaysOnly off to count every day');
  for (const d of value) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6)
      throw new ValidationError(`workingDays: ${typeof d === 'string' ? JSON.stringify(d) : String(d)} is not a weekday (a whole number from 0 = Sunday to 6 = Saturday)`);
  }
  if (new Set(value).size !== value.length) throw new ValidationError('workingDays lists a weekday twice');
  return [...value].sort((a, b) => a - b);
}

function validatePatch(patch: SettingsPatch, current: Settings): Settings {
  const next: Settings = { ...current };
  if (patch.allowLongCadence !== undefined) next.allowLongCadence = Boolean(patch.allowLongCadence);
  if (patch.cadenceDays !== undefined) {
    const cd = { ...current.cadenceDays };
    for (const [stage, days] of Object.entries(patch.cadenceDays)) {
      if (!STAGES.includes(stage as Stage)) throw new ValidationError(`unknown stage "${stage}"`);
      cd[stage as Stage] = toPositiveDays(days, `cadence for ${stage}`);
    }
    next.cadenceDays = cd;
  }
  if (!next.allowLongCadence) {
    for (const s of STAGES) {
      if (next.cadenceDays[s] > MAX_CADENCE_DAYS) {
        throw new ValidationError(
          `cadence for ${s} is over ${MAX_CADENCE_DAYS} days: allow long cadences first`,
        );
      }
    }
  }
  if (patch.keyAccountCadenceDays !== undefined) {
    if (patch.keyAccountCadenceDays === null) delete next.keyAccountCadenceDays;
    else next.keyAccountCadenceDays = toPositiveDays(patch.keyAccountCadenceDays, 'key-account cadence');
  }
  if (!next.allowLongCadence && (next.keyAccountCadenceDays ?? 0) > MAX_CADENCE_DAYS) {
    throw new ValidationError(`the key-account cadence is over ${MAX_CADENCE_DAYS} days: allow long cadences first`);
  }
  if (patch.dueSoonDays !== undefined) {
    if (!Number.isInteger(patch.dueSoonDays) || patch.dueSoonDays < 0 || patch.dueSoonDays > 60)
      throw new ValidationError('due-soon days must be a whole number from 0 to 60');
    next.dueSoonDays = patch.dueSoonDays;
  }
  for (const k of ['replyOnTimeHours', 'replyLateHours'] as const) {
    const v = patch[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 24 * 60)
      throw new ValidationError(`${k} must be a number of hours above 0`);
    next[k] = v;
  }
  if (next.replyLateHours < next.replyOnTimeHours)
    throw new ValidationError('the late threshold cannot be before the on-time threshold');
  if (patch.workingDays !== undefined) next.workingDays = toWorkingDays(patch.workingDays);
  if (patch.workingDaysOnly !== undefined) next.workingDaysOnly = Boolean(patch.workingDaysOnly);
  if (patch.nudgeAfterDays !== undefined) next.nudgeAfterDays = toPositiveDays(patch.nudgeAfterDays, 'nudge after');
  if (patch.ownAddresses !== undefined) {
    if (!Array.isArray(patch.ownAddresses)) throw new ValidationError('own addresses must be a list');
    next.ownAddresses = [...new Set(patch.ownAddresses.map(toEmail))];
  }
  if (patch.autoCapture !== undefined) next.autoCapture = Boolean(patch.autoCapture);
  if (patch.myName !== undefined) next.myName = cleanText(patch.myName, 'your name', 200);
  if (patch.signature !== undefined)
    next.signature = cleanText(patch.signature, 'signature', 2000, { multiline: true });
  if (patch.lastBackupAt !== undefined) next.lastBackupAt = toTime(patch.lastBackupAt, 'last backup');
  return next;
}

/** Validates the whole patch first; then writes it and re-derives every client at once. */
export type SettingsPatch = Omit<Partial<Settings>, 'keyAccountCadenceDays'> & { keyAccountCadenceDays?: number | null };

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, db.clients, db.histories, async () => {
    const current = await getSettings();
    const next = validatePatch(patch, current);
    await db.settings.put({ key: KEY, value: next });
    const affectsDerived = (
      ['cadenceDays', 'allowLongCadence', 'keyAccountCadenceDays', 'replyLateHours', 'workingDays', 'workingDaysOnly'] as const
    ).some((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    if (affectsDerived) await recomputeAllClients(next);
    return next;
  });
}

/** Remember the user's own addresses seen on the page (no recompute needed). */
export async function learnOwnAddresses(addresses: string[]): Promise<void> {
  const clean = addresses.map((a) => {
    try {
      return toEmail(a);
    } catch {
      return null;
    }
  });
  const valid = clean.filter((a): a is string => a !== null);
  if (valid.length === 0) return;
  await db.transaction('rw', db.settings, async () => {
    const current = await getSettings();
    const merged = [...new Set([...current.ownAddresses, ...valid])];
    if (merged.length === current.ownAddresses.length) return;
    await db.settings.put({ key: KEY, value: { ...current, ownAddresses: merged.slice(0, 20) } });
  });
}
