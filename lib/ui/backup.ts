/** Backups (lib/backup) for the options page: export to a file, read and plan a file, restore. */
import {
  backupFileName, exportBackup, parseBackup, planRestore, restoreBackup, type RestoreMode, type RestorePlan,
} from '../backup/backup';
import type { Backup } from '../backup/schema';
import { downloadText, readFileText } from './files';
import { useWrite } from './write';

export type { Backup, RestoreMode, RestorePlan };

/** Largest file taken as a backup; a bigger one is refused before it is read. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** Writes every table to a backup file in Downloads; resolves to the backup written. */
export function useExportBackup() {
  return useWrite({
    mutationFn: async () => {
      const b = await exportBackup();
      downloadText(backupFileName(), JSON.stringify(b, null, 1), 'application/json');
      return b;
    },
  });
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
  if (file.size > MAX_BACKUP_BYTES) throw new Error('The file is too large to be a Touchbase backup.');
  const backup = await parseBackup(await readFileText(file));
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
