import { describe, expect, it } from 'vitest';
import { AUTO_BACKUP_PERIOD_MS, backupsToErase, nextAutoBackupAt } from '@/lib/domain/auto-backup';
import { DEFAULT_SETTINGS, settingsFrom, validateSettingsPatch } from '@/lib/domain/settings';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 8, 12);

describe('the automatic backups setting', () => {
  it('is off by default and takes only off, weekly or daily', () => {
    expect(DEFAULT_SETTINGS.autoBackup).toBe('off');
    expect(validateSettingsPatch({ autoBackup: 'weekly' }, DEFAULT_SETTINGS).autoBackup).toBe('weekly');
    expect(validateSettingsPatch({ autoBackup: 'daily' }, DEFAULT_SETTINGS).autoBackup).toBe('daily');
    expect(() => validateSettingsPatch({ autoBackup: 'hourly' as never }, DEFAULT_SETTINGS)).toThrow(/autoBackup/);
    expect(() => validateSettingsPatch({ autoBackup: true as never }, DEFAULT_SETTINGS)).toThrow(/autoBackup/);
    // a stored bad value falls back to off, the rest stays
    expect(settingsFrom({ autoBackup: 7, dueSoonDays: 5 })).toMatchObject({ autoBackup: 'off', dueSoonDays: 5 });
  });
});

describe('nextAutoBackupAt', () => {
  it('is nothing while automatic backups are off', () => {
    expect(nextAutoBackupAt({ autoBackup: 'off', lastBackupAt: NOW - 30 * DAY }, NOW)).toBeUndefined();
  });

  it('is now when there was never a backup, or the last is a period old', () => {
    expect(nextAutoBackupAt({ autoBackup: 'weekly' }, NOW)).toBe(NOW);
    expect(nextAutoBackupAt({ autoBackup: 'weekly', lastBackupAt: NOW - 7 * DAY }, NOW)).toBe(NOW);
    expect(nextAutoBackupAt({ autoBackup: 'daily', lastBackupAt: NOW - 3 * DAY }, NOW)).toBe(NOW);
  });

  it('is a week or a day after the last backup, manual ones included', () => {
    expect(nextAutoBackupAt({ autoBackup: 'weekly', lastBackupAt: NOW - DAY }, NOW)).toBe(NOW + 6 * DAY);
    expect(nextAutoBackupAt({ autoBackup: 'daily', lastBackupAt: NOW - 6 * 3_600_000 }, NOW)).toBe(NOW + 18 * 3_600_000);
    expect(AUTO_BACKUP_PERIOD_MS.weekly).toBe(7 * DAY);
  });

  it('is now when the last backup is in the future (a clock put back)', () => {
    expect(nextAutoBackupAt({ autoBackup: 'daily', lastBackupAt: NOW + 10 * DAY }, NOW)).toBe(NOW);
  });
});

describe('backupsToErase', () => {
  const at = (d: number) => new Date(NOW + d * DAY).toISOString();

  it('keeps the newest four of its own files and erases the rest', () => {
    const found = [1, 2, 3, 4, 5, 6].map((id) => ({ id, startTime: at(id) }));
    expect(backupsToErase(found, [1, 2, 3, 4, 5, 6])).toEqual([2, 1]);
  });

  it('never touches a file it did not make, even one named like a backup', () => {
    const found = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, startTime: at(id) }));
    // 1 and 7 are the user's own downloads: not counted, never erased
    expect(backupsToErase(found, [2, 3, 4, 5, 6])).toEqual([2]);
    expect(backupsToErase(found, [])).toEqual([]);
  });

  it('orders by start time, not by id, and erases nothing while four or fewer', () => {
    const found = [
      { id: 9, startTime: at(1) },
      { id: 3, startTime: at(5) },
      { id: 4, startTime: at(4) },
      { id: 8, startTime: at(3) },
      { id: 5, startTime: at(2) },
    ];
    expect(backupsToErase(found, [9, 3, 4, 8, 5])).toEqual([9]);
    expect(backupsToErase(found.slice(1), [9, 3, 4, 8, 5])).toEqual([]);
  });
});
