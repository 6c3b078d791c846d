/**
 * Reminders in real Chromium: the sample clients are loaded from the options page, the
 * daily digest is turned on there with a real click (which asks for the notifications
 * permission in that click), the background arms its alarm, and when the alarm fires (the
 * test sets it to fire at once from the service worker) one notification says what the
 * Today view shows; a second alarm the same day shows nothing more. The side panel opened
 * at `?view=today` (where a click on a reminder lands) shows Today even with a thread open.
 *
 * The permission: Chromium asks the user for an optional permission with a prompt of its
 * own, which a headless browser cannot answer (`permissions.request` stays pending; tried
 * too: `--apps-gallery-install-auto-confirm-for-tests=accept`, and a profile whose
 * preferences already grant it, which loading the extension overwrites). So this test
 * loads a copy of the build whose manifest has `notifications` as a required permission,
 * granted at install: the options page's request then resolves `true` at once and every
 * other line of code runs as built. The first test checks the build itself asks for it
 * only as an optional permission.
 *
 * Working days: the sample's settings count every day (`workingDaysOnly: false`), so the
 * digest comes whatever day the test runs; that weekends are skipped is tested in
 * tests/lib/background/reminders.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, openPanel, tabIdOf, tabThread, waitFor, type Harness } from './harness';

declare const chrome: any;

let h: Harness;
beforeAll(async () => {
  h = await launch({
    manifest: (m) => {
      m.permissions = [...m.permissions, 'notifications'];
      delete m.optional_permissions;
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The next time of day `hh:mm` after now, every day counting (the browser runs in this zone too). */
function nextAt(hh: number, mm: number, now = Date.now()): number {
  const d = new Date(now);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hh, mm).getTime();
  return today > now ? today : new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, hh, mm).getTime();
}

const digestAlarm = () => h.worker.evaluate(() => chrome.alarms.get('touchbase:digest').then((a: any) => a?.scheduledTime ?? null));

/** Writes the settings row the way a first run without any would hold it (the options page has no working-week control yet). */
async function countEveryDay(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('touchbase');
        req.onsuccess = () => {
          const tx = req.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'app', value: { workingDaysOnly: false } });
          tx.oncomplete = () => {
            req.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
        req.onerror = () => fail(req.error);
      }),
  );
}

/** The digest as the Today view's sections say it should read. */
async function expectedFromToday(): Promise<string> {
  const panel = await h.context.newPage();
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?view=today`);
  await panel.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
  await panel.getByRole('heading', { level: 3, name: /^Late replies/ }).waitFor();
  const section = async (title: string) => {
    const heading = panel.getByRole('heading', { level: 3, name: new RegExp(`^${title} \\(`) });
    if (!(await heading.count())) return { total: 0, keys: 0 };
    const total = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')![1]);
    const region = panel.getByRole('region', { name: new RegExp(`^${title} \\(`) });
    return { total, keys: await region.getByLabel('Key account').count() };
  };
  const late = await section('Late replies');
  const overdue = await section('Overdue');
  const soon = await section('Due soon');
  const keys = (n: number) => (n ? ` (${n} key account${n === 1 ? '' : 's'})` : '');
  const parts: string[] = [];
  if (late.total) parts.push(`${late.total} late repl${late.total === 1 ? 'y' : 'ies'}${keys(late.keys)}`);
  if (overdue.total) parts.push(`${overdue.total} overdue${keys(overdue.keys)}`);
  if (soon.total) parts.push(`${soon.total} due soon`);
  // the sample's one date: Priya's birthday in three days
  const dates = panel.getByRole('region', { name: /^Dates this week/ });
  expect(await dates.getByRole('listitem').textContent()).toMatch(/^Priya Raman.*Birthday in 3 days/);
  parts.push(`Priya’s birthday on ${WEEKDAYS[(new Date().getDay() + 3) % 7]}`);
  await panel.close();
  return parts.join(', ');
}

describe('reminders in Chromium', () => {
  it('the build asks for notifications only as an optional permission', () => {
    const built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(built.optional_permissions).toContain('notifications');
    expect(built.permissions).not.toContain('notifications');
  });

  it('turns the digest on with a click, arms it, and shows Today in one notification when it fires, once', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    const reminders = page.getByRole('region', { name: 'Reminders' });
    const status = () => reminders.getByRole('status').textContent();
    await page.getByRole('button', { name: 'Load sample data' }).waitFor();
    await countEveryDay(page);
    await page.reload();
    await expect.poll(() => page.getByText(/so they may come on any day/).count()).toBe(1);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Load sample data' }).count()).toBe(0);

    // nothing is armed while the digest is off
    expect(await digestAlarm()).toBeNull();
    const digest = reminders.getByRole('checkbox', { name: 'Daily digest at' });
    await digest.click(); // a real click: the permission request runs inside it
    await expect.poll(status).toBe('The daily digest is on.');
    expect(await digest.isChecked()).toBe(true);
    // the settings write reached the background, which armed the next 08:30
    await waitFor(async () => (await digestAlarm()) === nextAt(8, 30), 'the digest alarm at the next 08:30');

    // a new time moves the alarm
    await reminders.getByLabel('Time of the daily digest').fill('06:45');
    await expect.poll(status).toBe('The digest comes at 06:45.');
    await waitFor(async () => (await digestAlarm()) === nextAt(6, 45), 'the digest alarm at the next 06:45');

    const expected = await expectedFromToday();
    expect(expected).toMatch(/^1 late reply, 1 overdue, [23] due soon, Priya’s birthday on \w+day$/);

    // watch what the worker shows, then make the alarm fire now
    await h.worker.evaluate(() => {
      const n = chrome.notifications;
      const create = n.create.bind(n);
      (globalThis as any).__shown = [];
      n.create = (id: string, options: any) => {
        (globalThis as any).__shown.push({ id, ...options });
        return create(id, options);
      };
    });
    await h.worker.evaluate(() => chrome.alarms.create('touchbase:digest', { when: Date.now() + 200 }));
    const id = `digest:${localDate()}`;
    await waitFor(async () => (await h.worker.evaluate(() => chrome.notifications.getAll()))[id], `the notification ${id}`);
    const shown = await h.worker.evaluate(() => (globalThis as any).__shown);
    expect(shown).toEqual([expect.objectContaining({ id, type: 'basic', title: 'Touchbase: your day', message: expected })]);
    // fired, it armed the next digest
    await waitFor(async () => (await digestAlarm()) === nextAt(6, 45), 'the next digest alarm');

    // the same day again: nothing more
    await h.worker.evaluate(() => chrome.alarms.create('touchbase:digest', { when: Date.now() + 100 }));
    await waitFor(async () => (await digestAlarm()) === nextAt(6, 45), 'the alarm re-armed after the second firing');
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.worker.evaluate(() => (globalThis as any).__shown.length)).toBe(1);
    expect(Object.keys(await h.worker.evaluate(() => chrome.notifications.getAll()))).toEqual([id]);

    // turned off: the alarm goes (the permission stays)
    await digest.click();
    await expect.poll(status).toBe('The daily digest is off.');
    await waitFor(async () => (await digestAlarm()) === null, 'the digest alarm to be cleared');
    await page.close();
  });

  it('the panel at ?view=today shows Today even with a thread open, where it would show its person', async () => {
    const page = await h.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/18fa0000000001');
    const tabId = await tabIdOf(h, 'https://mail.google.com/*');
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');

    const person = await openPanel(h, tabId);
    await person.getByRole('heading', { level: 2, name: 'Dana Client' }).waitFor();
    const today = await h.context.newPage();
    await today.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}&view=today`);
    await today.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
    // the thread was read (its person is one click away), and Today stays
    await expect.poll(() => today.getByRole('button', { name: 'Client', exact: true }).isEnabled()).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await today.getByRole('heading', { level: 2, name: 'Today' }).count()).toBe(1);
    expect(await today.getByRole('heading', { level: 2, name: 'Dana Client' }).count()).toBe(0);
    await Promise.all([person.close(), today.close(), page.close()]);
  });
});
