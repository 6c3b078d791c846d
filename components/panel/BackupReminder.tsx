/**
 * A quiet reminder in the panel once the last backup is more than 30 days old (or there
 * never was one, once there are clients to lose). One line, one link, no nagging colour.
 */
import type { Settings } from '@/lib/db/types';

export const BACKUP_REMINDER_DAYS = 30;

export function needsBackupReminder(settings: Pick<Settings, 'lastBackupAt'>, clientCount: number, now: number): boolean {
  if (clientCount === 0) return false;
  return settings.lastBackupAt === undefined || now - settings.lastBackupAt > BACKUP_REMINDER_DAYS * 86_400_000;
}

export function BackupReminder({ settings, clientCount, now }: { settings: Settings; clientCount: number; now: number }) {
  if (!needsBackupReminder(settings, clientCount, now)) return null;
  return (
    <p className="reminder" role="note">
      {settings.lastBackupAt === undefined ? 'Your clients are not backed up yet.' : 'No backup for over a month.'}{' '}
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Back up now
      </button>
    </p>
  );
}
