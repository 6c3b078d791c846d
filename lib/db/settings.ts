/**
 * The user's settings live in one row (`key: 'app'`) merged over DEFAULT_SETTINGS, so a
 * setting added in a later version simply appears with its default. Changing a cadence or
 * a threshold changes every client's due date: `updateSettings` recomputes the derived
 * fields of all clients in the same transaction as the settings write. So does the working
 * week (`workingDays`, `workingDaysOnly`): it moves the moment a waiting email turns late
 * (`needsYouAt`).
 */
import { settingsFrom, validateSettingsPatch, type SettingsPatch } from '../domain/settings';
import type { Settings } from '../domain/model';
import { toEmail } from '../domain/validate';
import { db } from './schema';
import { recomputeAllClients } from './derived';

const KEY = 'app';

export async function getSettings(): Promise<Settings> {
  return settingsFrom((await db.settings.get(KEY))?.value);
}

/** Checks the whole patch first; then writes it and re-derives every client at once. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, db.clients, db.histories, async () => {
    const current = await getSettings();
    const next = validateSettingsPatch(patch, current);
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

export type { SettingsPatch };
