import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import {
  armDigest, checkKeyAccountAlerts, DIGEST_ALARM, DIGEST_AT_KEY, onDigestAlarm, onNotificationClicked, SHOWN_KEY, SHOWN_KEEP_MS,
  shownIds, touchesSettings,
} from '@/lib/background/reminders';
import { createClient, logTouchpoint, updateClient, updateSettings } from '@/lib/db';
import { takePanelViewRequest } from '@/lib/messages/session';
import { day, DAY, HOUR } from '../domain/clock';
import { resetDb } from '../db/helpers';

// day(0) is Wednesday 1 January 2025; day(3) Saturday, day(5) Monday (UTC: the suite's zone)
const WED = day(0, 8, 30);

let created: ReturnType<typeof vi.spyOn>;
let allowed: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await resetDb();
  allowed = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  created = vi.spyOn(fakeBrowser.notifications, 'create');
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { chrome?: unknown }).chrome;
});

/** A late reply, an overdue key account and a birthday on Friday; nothing due soon. */
async function seedToday() {
  const lee = await createClient({ name: 'Lee Buyer', emails: ['lee@globex.io'] }, day(-30));
  await logTouchpoint({ clientId: lee.id!, kind: 'email-in', at: day(-5, 8, 30) }, day(-5, 8, 30)); // 72 working hours
  const tom = await createClient({ name: 'Tom Okafor', emails: ['tom@umbrella.example'], keyAccount: true }, day(-60));
  await logTouchpoint({ clientId: tom.id!, kind: 'call', at: day(-20) }, day(-20)); // due day -6: overdue
  const priya = await createClient({ name: 'Priya Raman', emails: ['priya@initech.example'] }, day(-2));
  await logTouchpoint({ clientId: priya.id!, kind: 'call', at: day(-1) }, day(-1));
  await updateClient(priya.id!, { importantDates: [{ label: 'Birthday', month: 1, day: 3 }] }, day(-1));
}

const EXPECTED = '1 late reply, 1 overdue (1 key account), Priya’s birthday on Friday';

async function notifications() {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

describe('the daily digest', () => {
  it('is not armed while it is off, and is armed for the next working day once on', async () => {
    await armDigest(WED);
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    await updateSettings({ digestEnabled: true, digestTime: '09:00' });
    await armDigest(day(2, 10)); // Friday after the time
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(5, 9)); // Monday 09:00
    expect((await fakeBrowser.storage.local.get(DIGEST_AT_KEY))[DIGEST_AT_KEY]).toBe(day(5, 9));
    // turned off: the alarm goes
    await updateSettings({ digestEnabled: false });
    await armDigest(day(2, 10));
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });

  it('shows Today in one line when its alarm fires on a working day, then arms the next', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    await onDigestAlarm({ scheduledTime: WED }, WED);
    expect(created).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledWith('digest:2025-01-01', expect.objectContaining({ type: 'basic', title: 'Touchbase: your day', message: EXPECTED }));
    expect(await notifications()).toEqual(['digest:2025-01-01']);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(1, 8, 30));
  });

  it('shows nothing on a weekend, and arms Monday’s', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    const saturday = day(3, 8, 30);
    await onDigestAlarm({ scheduledTime: saturday }, saturday);
    expect(created).not.toHaveBeenCalled();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(5, 8, 30));
    // with every day a working day, Saturday has its digest
    await updateSettings({ workingDaysOnly: false });
    await onDigestAlarm({ scheduledTime: saturday }, saturday);
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('never shows the same day twice: not on a second alarm, nor after the service worker restarts', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    await onDigestAlarm({ scheduledTime: WED }, WED);
    await onDigestAlarm({ scheduledTime: WED }, WED + 1000);
    await Promise.all([armDigest(WED + 2000, WED), armDigest(WED + 2000, WED)]);
    expect(created).toHaveBeenCalledTimes(1);
    // a new service worker: nothing of the module's memory, only storage.local
    vi.resetModules();
    const fresh = await import('@/lib/background/reminders');
    await fresh.onDigestAlarm({ scheduledTime: WED }, WED + 60_000);
    (await import('@/lib/db/schema')).db.close(); // the new worker's connection
    expect(created).toHaveBeenCalledTimes(1);
    expect(await shownIds()).toEqual(['digest:2025-01-01']);
    // the next day is a new digest
    await onDigestAlarm({ scheduledTime: day(1, 8, 30) }, day(1, 8, 30));
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('shows nothing when Today has nothing to say, or notifications are not allowed', async () => {
    await updateSettings({ digestEnabled: true });
    await onDigestAlarm({ scheduledTime: WED }, WED);
    expect(created).not.toHaveBeenCalled();
    await seedToday();
    allowed.mockResolvedValue(false);
    await onDigestAlarm({ scheduledTime: WED }, WED);
    expect(created).not.toHaveBeenCalled();
    // still armed for tomorrow: allowing notifications later is enough
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(1, 8, 30));
  });

  it('an alarm of another day (the browser was closed) shows nothing old', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    await onDigestAlarm({ scheduledTime: day(-1, 8, 30) }, WED + HOUR);
    expect(created).not.toHaveBeenCalled();
  });

  it('a digest of today the browser missed comes when the background starts the same day', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    await armDigest(day(-1, 9)); // Tuesday after the time: armed for Wednesday 08:30
    expect((await fakeBrowser.storage.local.get(DIGEST_AT_KEY))[DIGEST_AT_KEY]).toBe(WED);
    await fakeBrowser.alarms.clearAll(); // the browser lost it (closed at 08:30)
    await armDigest(day(0, 10)); // started at 10:00
    expect(created).toHaveBeenCalledWith('digest:2025-01-01', expect.objectContaining({ message: EXPECTED }));
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(1, 8, 30));
    // started again: nothing more
    await armDigest(day(0, 11));
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('a start the day after a missed digest shows nothing', async () => {
    await seedToday();
    await updateSettings({ digestEnabled: true });
    await armDigest(day(-1, 9));
    await armDigest(day(1, 7));
    expect(created).not.toHaveBeenCalled();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(day(1, 8, 30));
  });
});

describe('key-account alerts', () => {
  const TUE = day(6, 12); // Tuesday 7 January 2025

  async function keyWaiting(name: string, since: number, key = true) {
    const c = await createClient({ name, emails: [`${name.toLowerCase().replace(/\W/g, '')}@acme.com`], keyAccount: key }, since - 30 * DAY);
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: since }, since);
    return c;
  }

  it('alert once per email when a key account has waited 24 working hours, and again for a new email', async () => {
    await updateSettings({ keyAccountAlerts: true });
    const dana = await keyWaiting('Dana Client', day(5, 11)); // Monday 11:00
    await keyWaiting('Small Fry', day(5, 8), false);
    expect(await checkKeyAccountAlerts(TUE - 2 * HOUR)).toEqual([]); // 23 h
    const first = await checkKeyAccountAlerts(TUE); // 25 h
    expect(first).toEqual([`key:${dana.id}:${day(5, 11)}`]);
    expect(created).toHaveBeenCalledWith(first[0], expect.objectContaining({
      title: 'Touchbase: Dana Client is waiting',
      message: 'Dana Client, a key account, has waited 25 working hours for your answer.',
    }));
    // every minute after: nothing new
    expect(await checkKeyAccountAlerts(TUE + 60_000)).toEqual([]);
    expect(await checkKeyAccountAlerts(TUE + DAY)).toEqual([]);
    expect(created).toHaveBeenCalledTimes(1);
    // answered, then a new email that waits a day: a new alert
    await logTouchpoint({ clientId: dana.id!, kind: 'email-out', at: TUE + HOUR }, TUE + HOUR);
    await logTouchpoint({ clientId: dana.id!, kind: 'email-in', at: TUE + 2 * HOUR }, TUE + 2 * HOUR);
    expect(await checkKeyAccountAlerts(TUE + 2 * HOUR + DAY)).toEqual([`key:${dana.id}:${TUE + 2 * HOUR}`]);
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('say nothing on a non-working day, and come on the next working day', async () => {
    await updateSettings({ keyAccountAlerts: true });
    await keyWaiting('Dana Client', day(1, 9)); // Thursday: 39 working hours by Friday night
    expect(await checkKeyAccountAlerts(day(3, 12))).toEqual([]); // Saturday
    expect(await checkKeyAccountAlerts(day(4, 12))).toEqual([]); // Sunday
    expect(created).not.toHaveBeenCalled();
    expect(await checkKeyAccountAlerts(day(5, 0, 1))).toHaveLength(1); // Monday
  });

  it('say nothing while turned off or not allowed', async () => {
    await keyWaiting('Dana Client', day(5, 8));
    expect(await checkKeyAccountAlerts(TUE)).toEqual([]);
    await updateSettings({ keyAccountAlerts: true });
    allowed.mockResolvedValue(false);
    expect(await checkKeyAccountAlerts(TUE)).toEqual([]);
    expect(created).not.toHaveBeenCalled();
  });

  it('put more than three that cross at once into one notification, and remember each', async () => {
    await updateSettings({ keyAccountAlerts: true });
    for (const [i, name] of ['Ann A', 'Bo B', 'Cy C', 'Di D'].entries()) await keyWaiting(name, day(5, 8 + i));
    const shown = await checkKeyAccountAlerts(TUE);
    expect(shown).toEqual([`key:group:${TUE}`]);
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0][1]).toMatchObject({
      title: 'Touchbase: 4 key accounts are waiting',
      message: 'Di D, Cy C and 2 others have waited 25 working hours or more for your answer.',
    });
    expect((await shownIds()).filter((id) => /^key:\d+:/.test(id))).toHaveLength(4);
    expect(await checkKeyAccountAlerts(TUE + 60_000)).toEqual([]);
  });

  it('forget what they showed after 30 days', async () => {
    await updateSettings({ keyAccountAlerts: true });
    await fakeBrowser.storage.local.set({ [SHOWN_KEY]: { 'key:1:1': TUE - SHOWN_KEEP_MS - 1, 'key:2:2': TUE - DAY } });
    await keyWaiting('Dana Client', day(5, 8));
    await checkKeyAccountAlerts(TUE);
    expect((await shownIds()).sort()).toEqual(['key:2:2', expect.stringMatching(/^key:\d+:/)].sort());
    expect(await shownIds()).not.toContain('key:1:1');
  });
});

describe('the background around the reminders', () => {
  it('knows a settings write from Dexie’s storagemutated event', async () => {
    const seen: unknown[] = [];
    const listener = (parts: unknown) => void seen.push(parts);
    Dexie.on('storagemutated', listener);
    try {
      await createClient({ name: 'Dana', emails: ['dana@acme.com'] });
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
      expect(seen.some(touchesSettings)).toBe(false);
      seen.length = 0;
      await updateSettings({ digestTime: '07:00' });
      await vi.waitFor(() => expect(seen.some(touchesSettings)).toBe(true));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
    expect(touchesSettings(undefined)).toBe(false);
    expect(touchesSettings({ 'idb://other/settings/': 1 })).toBe(false);
  });

  it('a click on a reminder opens Today in a tab when there is no side panel to open', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await onNotificationClicked('digest:2025-01-01')).toBe('tab');
    expect(tabs).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/sidepanel.html?view=today' });
    // not ours: nothing
    expect(onNotificationClicked('someone-else')).toBeUndefined();
    expect(tabs).toHaveBeenCalledTimes(1);
  });

  it('a click opens Chrome’s side panel and asks it for Today; refused (no gesture), a tab', async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    (globalThis as { chrome?: unknown }).chrome = { sidePanel: { open } };
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await onNotificationClicked('key:7:1')).toBe('side panel');
    expect(open).toHaveBeenCalledWith({ windowId: expect.any(Number) });
    expect(tabs).not.toHaveBeenCalled();
    expect(await takePanelViewRequest()).toBe('today');
    open.mockRejectedValue(new Error('`sidePanel.open()` may only be called in response to a user gesture.'));
    expect(await onNotificationClicked('key:7:1')).toBe('tab');
    expect(tabs).toHaveBeenCalledTimes(1);
  });
});
