/**
 * Reminders that reach the user (issue #13): the daily digest and key-account alerts, as
 * browser notifications. Both are off until the user turns them on in the options, which
 * asks for the optional `notifications` permission; without it nothing here notifies.
 *
 *   - The digest is a `browser.alarms` alarm, `touchbase:digest`, set for the next digest
 *     time on a working day (lib/domain/reminders.ts nextDigestAt). It is set again when it
 *     fires, when the background starts, and when the settings change. The moment it was set
 *     for is kept in `storage.local` too: a browser that was closed at that moment, or
 *     that lost its alarms on a restart, still gets that day's digest when it starts the
 *     same day.
 *   - Key-account alerts are checked when the badge's minute alarm fires: one bounded index
 *     read (lib/db/reminders.ts), nothing at all on a non-working day.
 *   - No repeats: each notification has a stable id (lib/domain/reminders.ts); the ids
 *     shown are kept in `storage.local` for 30 days, so neither a restarted service worker
 *     nor a second wake-up shows anything twice.
 *   - A click opens Today: the side panel (Chrome) or sidebar (Firefox) where the browser
 *     allows it, else a tab with the panel's page at `?view=today`.
 */
import type { Settings } from '../domain/model';
import {
  DIGEST_TITLE, digestId, digestMessage, isReminderDay, isReminderId, keyAlertId, keyAlertText, nextDigestAt, sameLocalDay,
} from '../domain/reminders';
import { workingWaitMs } from '../domain/response';
import { DB_NAME } from '../db/schema';
import { getSettings } from '../db/settings';
import { listToday } from '../db/today';
import { keyAccountsWaiting } from '../db/reminders';
import { requestPanelView } from '../messages/session';

export const DIGEST_ALARM = 'touchbase:digest';
/** `storage.local`: id of each notification shown -> when */
export const SHOWN_KEY = 'reminders:shown';
/** `storage.local`: the moment the digest alarm was last set for */
export const DIGEST_AT_KEY = 'reminders:digestAt';
/** shown ids are forgotten after this long (a key alert looks back two weeks at most) */
export const SHOWN_KEEP_MS = 30 * 86_400_000;
/** more key accounts crossing at once than this make one notification, not one each */
export const KEY_ALERTS_AT_ONCE = 3;

const NOTIFICATIONS = { permissions: ['notifications'] } as const;

interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

/** The notifications API, present only once the optional permission is granted. */
function notificationsApi(): NotificationsApi | undefined {
  return (browser as unknown as { notifications?: NotificationsApi }).notifications;
}

/** The user allowed notifications (the optional permission): nothing is shown without it. */
export async function canNotify(): Promise<boolean> {
  if (typeof notificationsApi()?.create !== 'function') return false;
  try {
    return await browser.permissions.contains(NOTIFICATIONS as never);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- shown once

/** Storage read-modify-writes one at a time: two wake-ups never both see an id as new. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function loadShown(): Promise<Record<string, number>> {
  const got = await browser.storage.local.get(SHOWN_KEY);
  const v = got[SHOWN_KEY];
  return v && typeof v === 'object' ? (v as Record<string, number>) : {};
}

/** The ids already shown (within the last 30 days). */
export async function shownIds(): Promise<string[]> {
  return Object.keys(await loadShown());
}

interface Note {
  id: string;
  title: string;
  message: string;
}

/**
 * Shows the notes whose ids were never shown, and remembers them; `group` turns more than
 * KEY_ALERTS_AT_ONCE new notes into one (every id is remembered all the same). Returns the
 * ids shown.
 */
function notifyNew(notes: Note[], now: number, group?: (fresh: Note[]) => Note): Promise<string[]> {
  return serial(async () => {
    const api = notificationsApi();
    if (!api || !notes.length) return [];
    const shown = await loadShown();
    const fresh = notes.filter((n) => !(n.id in shown));
    if (!fresh.length) return [];
    const show = group && fresh.length > KEY_ALERTS_AT_ONCE ? [group(fresh)] : fresh;
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    for (const n of show) await api.create(n.id, { type: 'basic', iconUrl, title: n.title, message: n.message });
    const kept: Record<string, number> = {};
    for (const [id, at] of Object.entries(shown)) if (typeof at === 'number' && now - at < SHOWN_KEEP_MS) kept[id] = at;
    for (const n of fresh) kept[n.id] = now;
    await browser.storage.local.set({ [SHOWN_KEY]: kept });
    return show.map((n) => n.id);
  });
}

// ---------------------------------------------------------------- the daily digest

/** Shows today's digest if it is due: turned on, a working day, allowed, something to say, not shown yet. */
async function deliverDigest(now: number, settings: Settings): Promise<boolean> {
  if (!settings.digestEnabled || !isReminderDay(now, settings) || !(await canNotify())) return false;
  const message = digestMessage(await listToday(now, settings), now);
  if (!message) return false;
  return (await notifyNew([{ id: digestId(now), title: DIGEST_TITLE, message }], now)).length > 0;
}

let arming: Promise<unknown> = Promise.resolve();

/**
 * Sets the digest alarm for the next digest time (or clears it when the digest is off).
 * When the moment it was set for (`due`, else the one kept in storage) has come and is
 * today, today's digest is shown first: the alarm fired, or the browser missed it.
 * Cheap when nothing changed: a settings read, an alarm read, no write.
 */
export function armDigest(now = Date.now(), due?: number): Promise<void> {
  const run = arming.then(async () => {
    const settings = await getSettings();
    if (!settings.digestEnabled) {
      await browser.alarms.clear(DIGEST_ALARM);
      await browser.storage.local.remove(DIGEST_AT_KEY);
      return;
    }
    const stored = (await browser.storage.local.get(DIGEST_AT_KEY))[DIGEST_AT_KEY];
    const was = due ?? (typeof stored === 'number' ? stored : undefined);
    const next = nextDigestAt(now, settings);
    // set the next one first, so a digest being shown is never shown again by a later call
    if ((await browser.alarms.get(DIGEST_ALARM))?.scheduledTime !== next) await browser.alarms.create(DIGEST_ALARM, { when: next });
    if (stored !== next) await browser.storage.local.set({ [DIGEST_AT_KEY]: next });
    if (was !== undefined && was <= now && sameLocalDay(was, now)) await deliverDigest(now, settings);
  });
  arming = run.catch(() => undefined);
  return run;
}

/** The digest alarm fired: today's digest (if due), and the next alarm. */
export function onDigestAlarm(alarm: { scheduledTime: number }, now = Date.now()): Promise<void> {
  return armDigest(now, alarm.scheduledTime);
}

/**
 * Dexie's `storagemutated` names the tables a write touched (`idb://touchbase/settings/…`):
 * only a settings write can move the digest.
 */
export function touchesSettings(parts: unknown): boolean {
  const prefix = `idb://${DB_NAME}/settings/`;
  return !!parts && typeof parts === 'object' && Object.keys(parts).some((k) => k.startsWith(prefix));
}

// ---------------------------------------------------------------- key-account alerts

/**
 * Alerts once per email for each key account whose email has waited `replyOnTimeHours`
 * of working time. Called every minute (the badge's alarm); returns the ids shown.
 */
export async function checkKeyAccountAlerts(now = Date.now()): Promise<string[]> {
  const settings = await getSettings();
  if (!settings.keyAccountAlerts || !isReminderDay(now, settings) || !(await canNotify())) return [];
  const waiting = await keyAccountsWaiting(now, settings);
  if (!waiting.length) return [];
  const wait = (since: number) => workingWaitMs(since, now, settings);
  const notes = waiting.map((c) => ({
    id: keyAlertId(c.id!, c.awaitingReplySince!),
    ...keyAlertText([{ name: c.name, workingWaitMs: wait(c.awaitingReplySince!) }], settings),
  }));
  const byId = new Map(waiting.map((c, i) => [notes[i].id, c]));
  return notifyNew(notes, now, (fresh) => ({
    id: `key:group:${now}`,
    ...keyAlertText(
      fresh.map((n) => ({ name: byId.get(n.id)!.name, workingWaitMs: wait(byId.get(n.id)!.awaitingReplySince!) })),
      settings,
    ),
  }));
}

// ---------------------------------------------------------------- clicks

type SidePanelApi = { open(o: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/** Where Today was opened. */
export type OpenedToday = 'side panel' | 'sidebar' | 'tab';

/**
 * Opens Today. Chrome: the side panel of the last focused window (`WINDOW_ID_CURRENT` is
 * that window in a service worker), called before anything is awaited, since the browser
 * opens it only during the click's user gesture; Firefox: the sidebar, likewise. The
 * opened panel is asked (through storage.session) to show Today. Refused, or neither
 * exists: a tab with the panel's page at `?view=today`.
 */
export async function openToday(): Promise<OpenedToday> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  try {
    if (typeof sidePanel?.open === 'function') {
      await sidePanel.open({ windowId: browser.windows?.WINDOW_ID_CURRENT ?? -2 });
      await requestPanelView('today');
      return 'side panel';
    }
    if (typeof sidebar?.open === 'function') {
      await sidebar.open();
      await requestPanelView('today');
      return 'sidebar';
    }
  } catch {
    // "may only be called in response to a user gesture": a tab instead
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?view=today') });
  return 'tab';
}

/** A click on one of our notifications: it goes away and Today opens. */
export function onNotificationClicked(id: string): Promise<OpenedToday> | undefined {
  if (!isReminderId(id)) return undefined;
  const opened = openToday(); // first: the user gesture lasts only so long
  void notificationsApi()?.clear(id).catch(() => undefined);
  return opened;
}
