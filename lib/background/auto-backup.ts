/**
 * Automatic backups (issue #15 item 7): a backup file written by itself every week or day
 * into Downloads/Touchbase. Off until the user turns it on in the options, which asks for
 * the optional `downloads` permission; without it nothing here downloads.
 *
 *   - A `browser.alarms` alarm, `touchbase:auto-backup`, set for the next due time
 *     (lib/domain/auto-backup.ts nextAutoBackupAt: a period after the last backup, manual
 *     ones included). Set again when it fires, when the background starts, and when the
 *     settings change. An alarm missed while the browser was closed fires at the next start.
 *   - The file is the manual export's own (`exportBackup`, which checks itself), named
 *     `Touchbase/touchbase-backup-YYYY-MM-DD.json` (`uniquify`: a second one the same day
 *     gets " (1)"), never asking where (`saveAs: false`).
 *   - `lastBackupAt` is noted only once the browser says the download is complete
 *     (`downloads.onChanged`, or a `search` by id when it completed at once or while the
 *     worker slept), so "Last backup" and the panel's reminder never count a file that was
 *     not saved. The download in flight is kept in `storage.local`.
 *   - After a completed one, the older files it made are erased (file and history entry),
 *     the newest four kept. Only downloads Touchbase made are touched: their ids are kept
 *     in `storage.local`, and a file the user downloaded under the same name is not one.
 */
import { AUTO_BACKUP_FOLDER, backupsToErase, nextAutoBackupAt, type MadeDownload } from '../domain/auto-backup';
import { getSettings } from '../db/settings';
import { backupFileName, exportBackup, markBackedUp } from '../backup/backup';

export const AUTO_BACKUP_ALARM = 'touchbase:auto-backup';
/** `storage.local`: the ids of the downloads the automatic backups made (for pruning) */
export const MADE_KEY = 'autoBackup:made';
/** `storage.local`: the download in flight, and the time of the backup it holds */
export const PENDING_KEY = 'autoBackup:pending';
/** `storage.local`: when a failed automatic backup is tried again */
export const RETRY_AT_KEY = 'autoBackup:retryAt';
/** a download that failed is tried again after this long, not at once */
export const RETRY_MS = 60 * 60_000;

const DOWNLOADS = { permissions: ['downloads'] } as const;

interface DownloadItem extends MadeDownload {
  state?: 'in_progress' | 'interrupted' | 'complete';
  filename?: string;
}
interface DownloadsApi {
  download(o: { url: string; filename: string; conflictAction: 'uniquify'; saveAs: boolean }): Promise<number>;
  search(q: { id?: number; filenameRegex?: string }): Promise<DownloadItem[]>;
  removeFile(id: number): Promise<void>;
  erase(q: { id: number }): Promise<number[]>;
}
export interface DownloadDelta {
  id: number;
  state?: { current?: string };
}

/** The downloads API, present only once the optional permission is granted. */
function downloadsApi(): DownloadsApi | undefined {
  return (browser as unknown as { downloads?: DownloadsApi }).downloads;
}

/** The user allowed downloads (the optional permission): nothing is written without it. */
export async function canDownload(): Promise<boolean> {
  if (typeof downloadsApi()?.download !== 'function') return false;
  try {
    return await browser.permissions.contains(DOWNLOADS as never);
  } catch {
    return false;
  }
}

/**
 * The file's text as a `data:` URL. A service worker has no `URL.createObjectURL` in
 * Chrome MV3, and `downloads.download` takes only a URL: a data URL needs no offscreen
 * document. It costs a base64 copy (4/3 of the file, plus the text it is made from) in
 * the worker for the moment of the download; a book of tens of thousands of touchpoints
 * is a few MB, well within what Chrome downloads from a data URL. Made in chunks so no
 * single string or call argument grows with the book.
 */
export function dataUrl(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let b64 = '';
  const CHUNK = 0x6000; // a multiple of 3: each chunk's base64 joins the next without padding
  for (let i = 0; i < bytes.length; i += CHUNK) {
    b64 += btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return `data:application/json;base64,${b64}`;
}

/** Storage read-modify-writes and downloads one at a time: two wake-ups never both back up. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function made(): Promise<number[]> {
  const v = (await browser.storage.local.get(MADE_KEY))[MADE_KEY];
  return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
}

async function pending(): Promise<{ id: number; at: number } | undefined> {
  const v = (await browser.storage.local.get(PENDING_KEY))[PENDING_KEY] as { id?: unknown; at?: unknown } | undefined;
  return v && typeof v.id === 'number' && typeof v.at === 'number' ? { id: v.id, at: v.at } : undefined;
}

/**
 * When the next automatic backup is due (undefined: off): the domain's time, or later when
 * a failed one waits for its retry, so a worker woken every minute does not try at once again.
 */
async function dueAt(now: number): Promise<number | undefined> {
  const next = nextAutoBackupAt(await getSettings(), now);
  if (next === undefined) return undefined;
  const retry = (await browser.storage.local.get(RETRY_AT_KEY))[RETRY_AT_KEY];
  return typeof retry === 'number' && retry > next ? Math.min(retry, now + RETRY_MS) : next;
}

/**
 * Sets the alarm for the next automatic backup (or clears it when they are off); returns
 * when it is due. Cheap when nothing changed: a settings read, an alarm read, no write.
 */
export async function armAutoBackup(now = Date.now()): Promise<number | undefined> {
  const next = await dueAt(now);
  if (next === undefined) {
    await browser.alarms.clear(AUTO_BACKUP_ALARM);
    return undefined;
  }
  if ((await browser.alarms.get(AUTO_BACKUP_ALARM))?.scheduledTime !== next) {
    await browser.alarms.create(AUTO_BACKUP_ALARM, { when: next });
  }
  return next;
}

/** What a run did: for the tests and the console. */
export type AutoBackupRun = 'off' | 'not allowed' | 'not due' | 'waiting' | 'started' | 'saved' | 'failed';

/**
 * The alarm fired (or the worker started): writes a backup if one is due, automatic
 * backups are on and downloads are allowed. A download still in flight is checked
 * instead of starting another.
 */
export function runAutoBackup(now = Date.now()): Promise<AutoBackupRun> {
  return serial(async () => {
    const settings = await getSettings();
    if (settings.autoBackup === 'off') {
      await browser.alarms.clear(AUTO_BACKUP_ALARM);
      return 'off';
    }
    if (!(await canDownload())) return 'not allowed';
    const inFlight = await pending();
    if (inFlight) {
      const state = await settle(inFlight, now);
      if (state !== 'failed') return state === 'saved' ? 'saved' : 'waiting';
    }
    const due = await dueAt(now);
    if (due === undefined || due > now) {
      await armAutoBackup(now);
      return 'not due';
    }
    const api = downloadsApi()!;
    try {
      const file = await exportBackup(now);
      const id = await api.download({
        url: dataUrl(file.text),
        filename: `${AUTO_BACKUP_FOLDER}/${backupFileName(now)}`,
        conflictAction: 'uniquify',
        saveAs: false,
      });
      await browser.storage.local.set({ [PENDING_KEY]: { id, at: now }, [MADE_KEY]: [...(await made()), id] });
      // it may be complete already (a small file): else downloads.onChanged finishes it
      const state = await settle({ id, at: now }, now);
      return state === 'saved' ? 'saved' : state === 'failed' ? 'failed' : 'started';
    } catch (e) {
      console.error('Touchbase: the automatic backup failed', e);
      await retryLater(now);
      return 'failed';
    }
  });
}

async function retryLater(now: number): Promise<void> {
  await browser.storage.local.set({ [RETRY_AT_KEY]: now + RETRY_MS });
  await browser.alarms.create(AUTO_BACKUP_ALARM, { when: now + RETRY_MS });
}

/** Looks up the download in flight: complete, it is finished; interrupted or gone, forgotten. */
async function settle(p: { id: number; at: number }, now: number): Promise<'saved' | 'waiting' | 'failed'> {
  const [item] = await downloadsApi()!.search({ id: p.id });
  if (item?.state === 'complete') {
    await finish(p, now);
    return 'saved';
  }
  if (item && item.state !== 'interrupted') return 'waiting';
  await forget(p.id);
  await retryLater(now);
  return 'failed';
}

async function forget(id: number): Promise<void> {
  await browser.storage.local.remove(PENDING_KEY);
  await browser.storage.local.set({ [MADE_KEY]: (await made()).filter((m) => m !== id) });
}

/** The download completed: the backup is noted, and the older files erased (the newest four kept). */
async function finish(p: { id: number; at: number }, now: number): Promise<void> {
  await browser.storage.local.remove([PENDING_KEY, RETRY_AT_KEY]);
  await markBackedUp(p.at);
  await prune();
  await armAutoBackup(now);
}

/** Erases all but the newest four automatic backups Touchbase made (file and download entry). */
export async function prune(): Promise<number[]> {
  const api = downloadsApi();
  if (!api) return [];
  const ours = await made();
  const found = await api.search({ filenameRegex: `${AUTO_BACKUP_FOLDER}[/\\\\]touchbase-backup-` });
  const erase = backupsToErase(found, ours);
  const byId = new Map(found.map((d) => [d.id, d]));
  for (const id of erase) {
    try {
      if (byId.get(id)?.exists !== false) await api.removeFile(id);
    } catch {
      // the user already moved or deleted it: the history entry still goes
    }
    await api.erase({ id }).catch(() => undefined);
  }
  // forget ids that are erased, or that the user cleared from the download history
  const still = new Set(found.map((d) => d.id));
  const gone = new Set(erase);
  const keep = ours.filter((id) => still.has(id) && !gone.has(id));
  const inFlight = await pending();
  if (inFlight && !keep.includes(inFlight.id)) keep.push(inFlight.id);
  await browser.storage.local.set({ [MADE_KEY]: keep });
  return erase;
}

/** `downloads.onChanged`: our download in flight completed (noted, pruned) or failed (tried later). */
export function onDownloadChanged(delta: DownloadDelta, now = Date.now()): Promise<void> {
  const state = delta.state?.current;
  if (state !== 'complete' && state !== 'interrupted') return Promise.resolve();
  return serial(async () => {
    const p = await pending();
    if (!p || p.id !== delta.id) return;
    if (state === 'complete') await finish(p, now);
    else {
      await forget(p.id);
      await retryLater(now);
    }
  });
}
