import { describe, expect, it } from 'vitest';
import { needsBackupReminder } from '@/lib/domain/backup-reminder';

const NOW = new Date(2026, 10, 22).getTime();
const DAY = 86_400_000;

describe('needsBackupReminder', () => {
  it('is quiet with no clients, before the fifth client when never backed up, and within 30 days of a backup', () => {
    expect(needsBackupReminder({}, 0, NOW)).toBe(false);
    expect(needsBackupReminder({}, 4, NOW)).toBe(false);
    expect(needsBackupReminder({ lastBackupAt: NOW - 30 * DAY }, 50, NOW)).toBe(false);
  });
  it('reminds from the fifth client, or past 30 days, however few the clients', () => {
    expect(needsBackupReminder({}, 5, NOW)).toBe(true);
    expect(needsBackupReminder({ lastBackupAt: NOW - 30 * DAY - 1 }, 1, NOW)).toBe(true);
  });
});
