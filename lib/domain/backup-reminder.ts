/**
 * When the panel reminds the user to back up: once the last backup is more than 30 days
 * old, or, when there never was one, once the user has a few clients to lose (not the
 * moment the first one is tracked, which would greet a new user with a chore).
 */
import type { Settings } from './model';

export const BACKUP_REMINDER_DAYS = 30;
/** clients tracked before the first "not backed up yet" */
export const FIRST_BACKUP_CLIENTS = 5;

export function needsBackupReminder(settings: Pick<Settings, 'lastBackupAt'>, clientCount: number, now: number): boolean {
  if (clientCount === 0) return false;
  if (settings.lastBackupAt === undefined) return clientCount >= FIRST_BACKUP_CLIENTS;
  return now - settings.lastBackupAt > BACKUP_REMINDER_DAYS * 86_400_000;
}
