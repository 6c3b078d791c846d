import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  armAutoBackup, AUTO_BACKUP_ALARM, dataUrl, MADE_KEY, onDownloadChanged, PENDING_KEY, RETRY_MS, runAutoBackup,
} from '@/lib/background/auto-backup';
import { createClient, getSettings, updateSettings } from '@/lib/db';
import { parseBackup } from '@/lib/backup/backup';
import { resetDb } from '../db/helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 8, 12);

interface Item {
  id: number;
  filename: string;
  startTime: string;
  state: 'in_progress' | 'interrupted' | 'complete';
  exists: boolean;
  url: string;
}

/** A stand-in for `browser.downloads` (the fake browser has none): files in a list. */
function fakeDownloads(opts: { completeAtOnce: boolean }) {
  const items: Item[] = [];
  let nextId = 1;
  let clock = NOW;
  const api = {
    items,
    download: vi.fn(async (o: { url: string; filename: string; conflictAction: string; saveAs: boolean }) => {
      const id = nextId++;
      items.push({ id, filename: `/home/me/Downloads/${o.filename}`, startTime: new Date(clock++).toISOString(), state: opts.completeAtOnce ? 'complete' : 'in_progress', exists: true, url: o.url });
      return id;
    }),
    search: vi.fn(async (q: { id?: number; filenameRegex?: string }) =>
      items.filter((i) => (q.id === undefined || i.id === q.id) && (!q.filenameRegex || new RegExp(q.filenameRegex).test(i.filename))),
    ),
    removeFile: vi.fn(async (id: number) => {
      const i = items.find((x) => x.id === id);
      if (i) i.exists = false;
    }),
    erase: vi.fn(async (q: { id: number }) => {
      const at = items.findIndex((x) => x.id === q.id);
      if (at >= 0) items.splice(at, 1);
      return [q.id];
    }),
    /** a download the user made themself, named like a backup */
    userDownload(filename: string) {
      items.push({ id: nextId++, filename, startTime: new Date(clock++).toISOString(), state: 'complete', exists: true, url: '' });
    },
  };
  (fakeBrowser as unknown as { downloads?: unknown }).downloads = api;
  return api;
}

const decode = (url: string) => new TextDecoder().decode(Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0)));

beforeEach(async () => {
  await resetDb();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (fakeBrowser as unknown as { downloads?: unknown }).downloads;
});

describe('the automatic backup alarm', () => {
  it('is not set while automatic backups are off, and is set a period after the last backup once on', async () => {
    expect(await armAutoBackup(NOW)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeUndefined();
    await updateSettings({ autoBackup: 'weekly', lastBackupAt: NOW - 2 * DAY });
    expect(await armAutoBackup(NOW)).toBe(NOW + 5 * DAY);
    expect((await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM))?.scheduledTime).toBe(NOW + 5 * DAY);
    await updateSettings({ autoBackup: 'daily' });
    expect(await armAutoBackup(NOW)).toBe(NOW);
    await updateSettings({ autoBackup: 'off' });
    await armAutoBackup(NOW);
    expect(await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM)).toBeUndefined();
  });
});

describe('runAutoBackup', () => {
  it('does nothing while off, or without the downloads permission', async () => {
    const d = fakeDownloads({ completeAtOnce: true });
    expect(await runAutoBackup(NOW)).toBe('off');
    await updateSettings({ autoBackup: 'weekly' });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await runAutoBackup(NOW)).toBe('not allowed');
    expect(d.download).not.toHaveBeenCalled();
    expect((await getSettings()).lastBackupAt).toBeUndefined();
  });

  it('writes the checked export as a data URL into Downloads/Touchbase and notes the time once complete', async () => {
    const d = fakeDownloads({ completeAtOnce: true });
    await createClient({ name: 'Ana Lima', emails: ['ana@acme.example'] }, NOW - DAY);
    await updateSettings({ autoBackup: 'weekly' });
    expect(await runAutoBackup(NOW)).toBe('saved');
    expect(d.download).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'Touchbase/touchbase-backup-2025-01-08.json', conflictAction: 'uniquify', saveAs: false }),
    );
    const url = d.download.mock.calls[0][0].url;
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    const backup = await parseBackup(decode(url));
    expect(backup.counts.clients).toBe(1);
    expect(backup.data.clients[0].name).toBe('Ana Lima');
    expect((await getSettings()).lastBackupAt).toBe(NOW);
    // not due again for a week
    expect(await runAutoBackup(NOW + DAY)).toBe('not due');
    expect(d.download).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM))?.scheduledTime).toBe(NOW + 7 * DAY);
  });

  it('notes the time only when downloads.onChanged says complete; a failed one is tried an hour later', async () => {
    const d = fakeDownloads({ completeAtOnce: false });
    await updateSettings({ autoBackup: 'daily' });
    expect(await runAutoBackup(NOW)).toBe('started');
    expect((await getSettings()).lastBackupAt).toBeUndefined();
    // another wake-up while it is in flight does not start a second one
    expect(await runAutoBackup(NOW + 1000)).toBe('waiting');
    expect(d.download).toHaveBeenCalledTimes(1);
    // someone else's download completing changes nothing
    await onDownloadChanged({ id: 99, state: { current: 'complete' } }, NOW + 2000);
    expect((await getSettings()).lastBackupAt).toBeUndefined();
    d.items[0].state = 'complete';
    await onDownloadChanged({ id: d.items[0].id, state: { current: 'complete' } }, NOW + 2000);
    expect((await getSettings()).lastBackupAt).toBe(NOW);
    expect((await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toBeUndefined();

    // the next day's fails: nothing noted, tried again after RETRY_MS, not at the next wake-up
    const next = NOW + DAY;
    expect(await runAutoBackup(next)).toBe('started');
    d.items[1].state = 'interrupted';
    await onDownloadChanged({ id: d.items[1].id, state: { current: 'interrupted' } }, next);
    expect((await getSettings()).lastBackupAt).toBe(NOW);
    expect((await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM))?.scheduledTime).toBe(next + RETRY_MS);
    expect(await runAutoBackup(next + 60_000)).toBe('not due');
    expect((await fakeBrowser.storage.local.get(MADE_KEY))[MADE_KEY]).toEqual([d.items[0].id]);
    expect(await runAutoBackup(next + RETRY_MS)).toBe('started');
  });

  it('keeps the newest four it made, erasing older files and entries, never the user’s own', async () => {
    const d = fakeDownloads({ completeAtOnce: true });
    await updateSettings({ autoBackup: 'daily' });
    d.userDownload('/home/me/Downloads/Touchbase/touchbase-backup-2024-12-01.json');
    for (let i = 0; i < 6; i++) expect(await runAutoBackup(NOW + i * DAY)).toBe('saved');
    const names = d.items.map((i) => i.filename.replace('/home/me/Downloads/', ''));
    expect(names).toEqual([
      'Touchbase/touchbase-backup-2024-12-01.json', // the user's, untouched
      'Touchbase/touchbase-backup-2025-01-10.json',
      'Touchbase/touchbase-backup-2025-01-11.json',
      'Touchbase/touchbase-backup-2025-01-12.json',
      'Touchbase/touchbase-backup-2025-01-13.json',
    ]);
    expect(d.removeFile).toHaveBeenCalledTimes(2);
    expect(d.erase).toHaveBeenCalledTimes(2);
    expect((await fakeBrowser.storage.local.get(MADE_KEY))[MADE_KEY]).toEqual(d.items.slice(1).map((i) => i.id));
  });
});

describe('dataUrl', () => {
  it('encodes any text, accents and emoji included, across chunk boundaries', () => {
    const text = `{"name":"Zoë 🚀"}${'x'.repeat(70_000)}é`;
    expect(decode(dataUrl(text))).toBe(text);
  });
});
