/**
 * A quiet reminder in the panel when the clients are not backed up (the rule is
 * lib/domain/backup-reminder.ts). One line, one link, no nagging colour.
 */
import type { Settings } from '@/lib/domain/model';
import { needsBackupReminder } from '@/lib/domain/backup-reminder';
import { openOptions } from '@/lib/ui/navigation';

export function BackupReminder({ settings, clientCount, now }: { settings: Settings; clientCount: number; now: number }) {
  if (!needsBackupReminder(settings, clientCount, now)) return null;
  return (
    <p className="reminder" role="note">
      {settings.lastBackupAt === undefined ? 'Your clients are not backed up yet.' : 'No backup for over a month.'}{' '}
      <button type="button" className="link" onClick={openOptions}>
        Back up now
      </button>
    </p>
  );
}
