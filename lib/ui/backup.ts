/** Backups (lib/backup) for the options page: export to a file, read and plan a file, restore. */
import {
  backupFileName, exportBackup, markBackedUp, parseBackup, planRestore, restoreBackup, type BackupFile, type RestoreMode,
  type RestorePlan,
} from '../backup/backup';
import { MAX_BACKUP_BYTES, type Backup } from '../backup/schema';
import { downloadText, readFileText } from './files';
import { useWrite } from './write';

export type { Backup, BackupFile, RestoreMode, RestorePlan };

export { MAX_BACKUP_BYTES };

/**
 * Writes every table to a backup file in Downloads. The export checks its own file first
 * (a file that would not restore is never offered), and the time of the backup is noted
 * only once the file was handed to the download, so "Last backup" never names a backup
 * that does not exist.
 */
export async function saveBackupFile(now = Date.now()): Promise<BackupFile> {
  const file = await exportBackup(now);
  downloadText(backupFileName(now), file.text, 'application/json');
  await markBackedUp(now);
  return file;
}

/** saveBackupFile as a write of the options page; resolves to the file saved. */
export function useExportBackup() {
  return useWrite({ mutationFn: () => saveBackupFile() });
}

/** A backup file read, checked whole, and what replacing or merging would do. */
export interface ReadBackup {
  backup: Backup;
  fileName: string;
  replace: RestorePlan;
  merge: RestorePlan;
}

/** Reads and checks a chosen file; throws (changing nothing) when it is not a good backup. */
export async function readBackupFile(file: File): Promise<ReadBackup> {
  const backup = await parseBackup(await readFileText(file, MAX_BACKUP_BYTES, 'a Touchbase backup'));
  return {
    backup,
    fileName: file.name,
    replace: await planRestore(backup, 'replace'),
    merge: await planRestore(backup, 'merge'),
  };
}

export function useRestoreBackup() {
  return useWrite({ mutationFn: (a: { backup: Backup; mode: RestoreMode }) => restoreBackup(a.backup, a.mode) });
}

const DOWNLOADS = { permissions: ['downloads'] } as const;

/**
 * Asks the browser (which asks the user) to allow downloads, which automatic backups need
 * (lib/background/auto-backup.ts); false when refused. The browser grants a permission only
 * during a user gesture: call it straight from the click, before anything is awaited.
 */
export function requestDownloads(): Promise<boolean> {
  try {
    return Promise.resolve(browser.permissions.request(DOWNLOADS as never)).then((granted) => granted === true);
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Whether downloads are allowed now (the user may have taken the permission back). */
export async function downloadsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains(DOWNLOADS as never);
  } catch {
    return false;
  }
}
