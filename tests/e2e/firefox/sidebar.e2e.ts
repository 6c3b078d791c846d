/**
 * First the manifest as Firefox installed it. Then Firefox's own sidebar (`sidebar_action`),
 * the real one: Firefox opens it when the add-on is installed, and it must follow the
 * active tab of its own window: the Gmail thread, then the Outlook thread, then Gmail
 * again; a thread opened in another window leaves it alone.
 * The sidebar's document is read from another extension page (`extension.getViews`, the
 * same extension process), since no driver reaches into the browser's sidebar.
 *
 * When the user withdraws its access to a mail site, the sidebar says so (a Manifest V3
 * add-on's sites can be withdrawn in about:addons; docs/ARCHITECTURE.md, "Firefox").
 *
 * And the keyboard shortcut: Firefox registers `_execute_sidebar_action` on Alt+Shift+K (it
 * drops a shortcut it cannot take, silently), and the keys pressed in the browser's window
 * (trusted events, see pressAltShift in ./harness.ts) close the sidebar and open it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, pressAltShift, sidebarText, waitFor, type FirefoxHarness } from './harness';
import { MAIL_CASES } from '../scenarios/core-flow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness';

const PACKAGE_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

declare const browser: any;

let h: FirefoxHarness;
let control: Page;
beforeAll(async () => {
  // system access: the keyboard test presses keys in the browser's own window
  h = await launchFirefox({ systemAccess: true });
  control = await openExtensionPage(h, 'options.html');
});
afterAll(async () => {
  await h?.close();
});

const [gmail, outlook] = MAIL_CASES;

/** the sidebar shows the person `name` (and not the other case's person) */
async function showing(name: string, windowId?: number): Promise<boolean> {
  const text = (await sidebarText(control, windowId)) ?? '';
  return text.includes(name) && MAIL_CASES.every((c) => c.name === name || !text.includes(c.name));
}

describe('the Firefox add-on', () => {
  it('is Manifest V3, limited to the mail hosts, with icons at every size the stores ask for', async () => {
    const m = await control.evaluate(() => browser.runtime.getManifest());
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'scripting', 'storage']);
    expect(m.host_permissions).toEqual(expect.arrayContaining(['https://mail.google.com/*', 'https://outlook.office.com/*']));
    expect(m.host_permissions.every((p: string) => /^https:\/\/(mail\.google\.com|outlook\.[a-z0-9.]+)\/\*$/.test(p))).toBe(true);
    expect(m.version).toBe(PACKAGE_VERSION);
    // each icon file is there, at the size its key says
    const sizes: [string, number][] = await control.evaluate(async (icons: Record<string, string>) => {
      const out: [string, number][] = [];
      for (const [key, path] of Object.entries(icons)) {
        const img = new Image();
        img.src = browser.runtime.getURL(path);
        await img.decode();
        out.push([key, img.naturalWidth]);
      }
      return out;
    }, m.icons);
    expect(sizes.map(([k]) => k)).toEqual(expect.arrayContaining(['48', '96', '128']));
    for (const [key, width] of sizes) expect(width).toBe(Number(key));
  });
});

describe('the Firefox sidebar', () => {
  it('is open after the install, and follows the active tab of its own window', async () => {
    expect(await control.evaluate(() => browser.sidebarAction.isOpen({}))).toBe(true);
    const windowId: number = await control.evaluate(async () => (await browser.windows.getCurrent()).id);

    const g = await h.browser.newPage();
    await g.goto(gmail.url, { timeout: 15_000 });
    await g.bringToFront();
    await waitFor(() => showing(gmail.name, windowId), `the sidebar to show ${gmail.name}`);

    const o = await h.browser.newPage();
    await o.goto(outlook.url, { timeout: 15_000 });
    await o.bringToFront();
    await waitFor(() => showing(outlook.name, windowId), `the sidebar to show ${outlook.name}`);

    await g.bringToFront();
    await waitFor(() => showing(gmail.name, windowId), `the sidebar to show ${gmail.name} again`);

    // the Outlook thread in a window of its own: this window's sidebar stays on Gmail
    const other: number = await control.evaluate(async (url) => (await browser.windows.create({ url })).id, outlook.url);
    await waitFor(
      () => control.evaluate(async (w) => (await browser.tabs.query({ windowId: w, active: true }))[0]?.status === 'complete', other),
      'the other window to load',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await showing(gmail.name, windowId)).toBe(true);
    await control.evaluate((w) => browser.windows.remove(w), other);
    await g.close();
    await o.close();
  });

  // last: it leaves the add-on without access to Gmail
  it('says so when the user withdraws its access to Gmail (about:addons, Permissions), and offers it back', async () => {
    expect(await sidebarText(control)).not.toContain('does not let Touchbase read');
    // what the toggle in about:addons does; a Manifest V3 add-on's sites can be withdrawn
    expect(await control.evaluate(() => browser.permissions.remove({ origins: ['https://mail.google.com/*'] }))).toBe(true);
    await waitFor(
      async () => /does not let Touchbase read Gmail \(mail\.google\.com\)/.test((await sidebarText(control)) ?? ''),
      'the sidebar to say Gmail is not allowed',
    );
    expect(await sidebarText(control)).toContain('Allow Touchbase on Gmail');
    // and the content script no longer runs there: a thread opened now is not read
    const g = await h.browser.newPage();
    await g.goto(gmail.url, { timeout: 15_000 });
    await g.bringToFront();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await sidebarText(control)).not.toContain(gmail.name);
    await g.close();
  });

  it('opens and closes from the keyboard: Alt+Shift+K pressed in the browser window toggles it', async () => {
    const commands: { name: string; shortcut: string }[] = await control.evaluate(() => browser.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_sidebar_action', shortcut: 'Alt+Shift+K' }));
    const isOpen = () => control.evaluate(() => browser.sidebarAction.isOpen({})) as Promise<boolean>;
    const before = await isOpen();
    await pressAltShift(h, 'K');
    await waitFor(async () => (await isOpen()) === !before, 'the sidebar to toggle');
    await pressAltShift(h, 'K');
    await waitFor(async () => (await isOpen()) === before, 'the sidebar to toggle back');
  });
});
