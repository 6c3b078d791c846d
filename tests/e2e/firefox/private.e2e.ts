/**
 * Private browsing in Firefox 153, as it really is, with the add-on allowed to run in
 * private windows (about:addons, "Run in Private Windows"; not allowed, it never runs there):
 *
 * - In a private window the content script reads the thread (the snapshot lives in
 *   storage.session, in memory only), but an extension page there gets a database that
 *   refuses to open. The panel says "private window" in words and offers nothing that
 *   would write (a write from a private page is refused in words anyway: lib/ui/write.ts,
 *   tests/components/DbProblemBanner.test.tsx), and the normal window's clients are untouched.
 * - With "Never remember history" (`browser.privatebrowsing.autostart`) every window is
 *   private: the pages say the same, naming the History setting that fixes it.
 *
 * Without the add-on allowed in private windows the panel cannot even be opened there,
 * which is also nothing lost silently: there is no place to have written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, launchFirefox, openExtensionPage, pageShowing, waitFor, evaluateIn, type FirefoxHarness } from './harness';
import { MAIL_CASES, clickButton } from '../scenarios/core-flow';

declare const browser: any;

let h: FirefoxHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const [gmail] = MAIL_CASES;
const alertText = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent ?? '').join(' '));

/** The clients in the database of the extension page `page` (a normal window's). */
const clientCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const req = indexedDB.open('touchbase');
        req.onsuccess = () => {
          const c = req.result.transaction('clients').objectStore('clients').count();
          c.onsuccess = () => {
            ok(c.result);
            req.result.close();
          };
        };
        req.onerror = () => fail(req.error);
      }),
  );

describe('Firefox private browsing', () => {
  it('in a private window: the panel says why it can keep nothing there, and offers nothing that would be lost', async () => {
    h = await launchFirefox({ allowPrivateBrowsing: true });
    const normal = await openExtensionPage(h, 'options.html');
    await waitFor(() => clickButton(evaluateIn(normal), 'Load sample data'), 'the "Load sample data" button');
    await waitFor(async () => (await clientCount(normal)) === 8, 'the eight sample clients');

    const { windowId, tabId } = await normal.evaluate(async (url) => {
      const w = await browser.windows.create({ incognito: true, url });
      return { windowId: w.id as number, tabId: w.tabs[0].id as number };
    }, gmail.url);
    // the content script read the private window's thread
    await waitFor(
      () => normal.evaluate(async (id) => (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`]?.snapshot?.correspondent?.email, tabId),
      'the private tab to be read',
    );
    await normal.evaluate(
      (a) => browser.tabs.create({ windowId: a.windowId, url: `${a.origin}/sidepanel.html?tabId=${a.tabId}` }),
      { windowId, tabId, origin: EXTENSION_ORIGIN },
    );
    const panel = await pageShowing(h, `sidepanel.html?tabId=${tabId}`);
    expect(await panel.evaluate(() => browser.extension.inIncognitoContext)).toBe(true);
    await waitFor(async () => /This is a private window/.test(await alertText(panel)), 'the private-window message');
    expect(await alertText(panel)).toMatch(/can neither show nor save your clients here\. Use Touchbase in a normal window/);

    // what it would show and do needs the database: it says so, and offers nothing to click
    await waitFor(
      async () => (await panel.evaluate(() => document.body.innerText)).includes('Touchbase cannot show your clients until the problem above is solved.'),
      'no clients, in words',
    );
    expect(await clickButton(evaluateIn(panel), 'Track as client')).toBe(false);
    expect(await panel.evaluate(() => document.body.innerText)).not.toContain('Loading…');
    // nothing written anywhere: the normal window's database is as it was
    expect(await clientCount(normal)).toBe(8);
  });

  it('with "Never remember history": every page says so, and how to fix it', async () => {
    h = await launchFirefox({ allowPrivateBrowsing: true, prefs: { 'browser.privatebrowsing.autostart': true } });
    const options = await openExtensionPage(h, 'options.html');
    expect(await options.evaluate(() => browser.extension.inIncognitoContext)).toBe(true);
    await waitFor(async () => /never remember history/.test(await alertText(options)), 'the message');
    expect(await alertText(options)).toMatch(/set Settings, Privacy & Security, History to “Remember history”/);
    // the background cannot keep data either, and says so rather than counting nothing
    const answer = await options.evaluate(() => browser.runtime.sendMessage({ type: 'badge:refresh' }));
    expect(answer).toMatchObject({ ok: false });
  });
});
