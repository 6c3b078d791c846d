/**
 * The user's settings live in one row (`key: 'app'`) merged over DEFAULT_SETTINGS, so a
 * setting added in a later version simply appears with its default. Changing a cadence or
 * a threshold changes every client's due date: `updateSettings` recomputes the derived
 * fields of all clients in the same transaction as the settings write. So does the working
 * week (`workingDays`, `workingDaysOnly`): it moves the moment a waiting email turns late
 * (`needsYouAt`); so do the second-sale window, the dormant time and what restarts the
 * contact clock.
 */
import { settingsFrom, validateSettingsPatch, type SettingsPatch } from '../domain/settings';
import { LIMITS, type Settings } from '../domain/model';
import { toEmail } from '../domain/validate';
import { db } from './schema';
import { recomputeAllClients } from './derived';

/** the settings' one row */
export const SETTINGS_KEY = 'app';

export function getSettings(): Promise<Settings> {
  return db.settings.get(SETTINGS_KEY).then((row) => settingsFrom(row?.value));
}

/** Checks the whole patch first; then writes it and re-derives every client at once. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, db.clients, db.histories, db.historyParts, db.digests, async () => {
    const current = await getSettings();
    const next = validateSettingsPatch(patch, current);
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    const affectsDerived = (
      [
        'cadenceDays', 'allowLongCadence', 'keyAccountCadenceDays', 'replyLateHours', 'workingDays', 'workingDaysOnly',
        'secondSaleDays', 'secondSaleWindowDays', 'dormantMonths', 'contactClock',
      ] as const
    ).some((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    if (affectsDerived) await recomputeAllClients(next);
    return next;
  });
}

/**
 * Remembers the user's addresses a mail page showed, apart from the ones the user typed
 * (no recompute needed). An address of a tracked client is never learnt: a page that showed
 * the wrong account (a title without the account part) must not hide a client for good.
 * The newest comes first and the oldest goes past the limit, so a new account is always
 * learnt; the options page lists them and a wrong one can be removed.
 */
export async function learnOwnAddresses(addresses: string[]): Promise<void> {
  const valid = addresses.flatMap((a) => {
    try {
      return [toEmail(a)];
    } catch {
      return [];
    }
  });
  if (valid.length === 0) return;
  await db.transaction('rw', db.settings, db.clients, async () => {
    const current = await getSettings();
    const fresh = [];
    for (const a of valid) {
      if (current.ownAddresses.includes(a) || (await db.clients.where('emails').equals(a).count())) continue;
      fresh.push(a);
    }
    const learned = [...new Set([...fresh, ...current.learnedAddresses])].slice(0, LIMITS.learnedAddresses);
    if (JSON.stringify(learned) === JSON.stringify(current.learnedAddresses)) return;
    await db.settings.put({ key: SETTINGS_KEY, value: { ...current, learnedAddresses: learned } });
  });
}

export type { SettingsPatch };
