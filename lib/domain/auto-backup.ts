/**
 * Automatic backups (issue #15 item 7), the pure parts: when the next one is due, and which
 * of the files they made to erase. The background writes them (lib/background/auto-backup.ts).
 *
 * Any backup counts: a manual export restarts the period too (both note `lastBackupAt`),
 * so the user is never given two files a day apart for no reason.
 */
import type { AutoBackup, Settings } from './model';

export const AUTO_BACKUP_PERIOD_MS: Record<Exclude<AutoBackup, 'off'>, number> = {
  daily: 86_400_000,
  weekly: 7 * 86_400_000,
};

/** The automatic backups kept: after a new one is saved, older ones it made are erased. */
export const AUTO_BACKUPS_KEPT = 4;

/** The folder under Downloads the automatic backups are written to. */
export const AUTO_BACKUP_FOLDER = 'Touchbase';

/**
 * When the next automatic backup is due: undefined when they are off; now when there was
 * never a backup or the last one is a period old; else a period after the last backup.
 */
export function nextAutoBackupAt(settings: Pick<Settings, 'autoBackup' | 'lastBackupAt'>, now: number): number | undefined {
  if (settings.autoBackup === 'off') return undefined;
  const last = settings.lastBackupAt;
  if (last === undefined || last > now) return now;
  return Math.max(now, last + AUTO_BACKUP_PERIOD_MS[settings.autoBackup]);
}

/** A file the browser downloaded: its id and when it started (ISO time, as `downloads` gives it). */
export interface MadeDownload {
  id: number;
  startTime: string;
  exists?: boolean;
}

/**
 * The ids of the automatic backups to erase: among the downloads Touchbase itself made
 * (`ours`: any other file, even one named like a backup, is never touched), all but the
 * newest `keep`, newest by start time (the larger id first when two started together).
 */
export function backupsToErase(found: MadeDownload[], ours: readonly number[], keep = AUTO_BACKUPS_KEPT): number[] {
  const mine = new Set(ours);
  const at = (d: MadeDownload) => {
    const t = Date.parse(d.startTime);
    return Number.isFinite(t) ? t : 0;
  };
  return found
    .filter((d) => mine.has(d.id))
    .sort((a, b) => at(b) - at(a) || b.id - a.id)
    .slice(Math.max(0, keep))
    .map((d) => d.id);
}
