import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveBackupFile } from '@/lib/ui/backup';
import { downloadText } from '@/lib/ui/files';
import { createClient, getSettings, db } from '@/lib/db';
import { parseBackup } from '@/lib/backup/backup';
import { resetDb } from '../db/helpers';

vi.mock('@/lib/ui/files', () => ({ downloadText: vi.fn(), readFileText: vi.fn() }));

const NOW = new Date(2026, 10, 22, 12, 0).getTime();

beforeEach(async () => {
  await resetDb();
  vi.mocked(downloadText).mockReset();
  await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW);
});

describe('saving a backup file', () => {
  it('offers the checked file, then notes the time of the backup', async () => {
    const order: string[] = [];
    vi.mocked(downloadText).mockImplementation(async () => {
      order.push(`download, lastBackupAt ${(await getSettings()).lastBackupAt}`);
    });
    const file = await saveBackupFile(NOW);
    expect(order).toEqual(['download, lastBackupAt undefined']);
    const [name, text, type] = vi.mocked(downloadText).mock.calls[0];
    expect([name, type]).toEqual(['touchbase-backup-2026-11-22.json', 'application/json']);
    expect(text).toBe(file.text);
    await expect(parseBackup(text)).resolves.toMatchObject({ counts: { clients: 1 } });
    expect((await getSettings()).lastBackupAt).toBe(NOW);
  });

  it('a download that fails leaves the time of the last backup as it was', async () => {
    vi.mocked(downloadText).mockImplementation(() => {
      throw new Error('no room in Downloads');
    });
    await expect(saveBackupFile(NOW)).rejects.toThrow('no room in Downloads');
    expect((await getSettings()).lastBackupAt).toBeUndefined();
  });

  it('an export that fails its own check offers nothing and notes nothing', async () => {
    const dana = (await db.clients.toArray())[0];
    await db.clients.put({ ...dana, tags: Array.from({ length: 80 }, (_, i) => `t${i}`) });
    await expect(saveBackupFile(NOW)).rejects.toThrow(/own check/);
    expect(downloadText).not.toHaveBeenCalled();
    expect((await getSettings()).lastBackupAt).toBeUndefined();
  });
});
